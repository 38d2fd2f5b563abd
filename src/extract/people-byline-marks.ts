/**
 * Which elements are byline elements: rel=author, itemprop=author, an <address>, or a class naming a byline or author
 * (.byline, .author, .reporter), not a comment form's, a login box's or a post's taxonomy class. Moved out of
 * people-bylines.ts (the names such elements give) as it grew past 300 lines.
 */
import { closest, textContent, type Element } from './dom.js';

/** Comment forms label their name field "author" too ("Name (required)"); a page footer's <address> holds the copyright. */
const NOT_BYLINE = /comment|form|reply|respond|login|avatar|copyright|footer/i;

/** A number of three digits or more that is no year: a street number, a postal code, a phone number. */
// looksLikeByline's tests, as module constants: it runs on every element, and a regex literal in it was a new
// RegExp object at every evaluation.
const REL_AUTHOR = /(?:^|\s)author(?:\s|$)/i;
const ITEMPROP_AUTHOR = /(?:^|\s)author(?:\s|$)/;
const BYLINE_CLASS = /byline|author|reporter|zuozhe|jizhe/i;
const AUTHOR_BIO_CLASS = /(?:author|writer|reporter)-?(?:bio|info|desc|avatar|image|img|photo|pic)/i;
const CONTACT_NUMBER = /(?<!\d)(?!(?:19|20)\d{2}(?!\d))\d{3,}/;

function looksLikeByline(el: Element): boolean {
  const a = el.attribs;
  // (An <address> holding a postal address or phone number is the site's contact block, not a writer's credit.)
  if (el.name === 'address') return !CONTACT_NUMBER.test(textContent(el));
  if (a.rel && REL_AUTHOR.test(a.rel)) return true;
  if (a.itemprop && ITEMPROP_AUTHOR.test(a.itemprop)) return true;
  // Chinese CMS names too: .reporter, .zuozhe (作者), .jizhe (记者).
  return a.class !== undefined && BYLINE_CLASS.test(a.class) && !AUTHOR_BIO_CLASS.test(a.class) && !onlyTaxonomyAuthor(a.class);
}

/** A post's taxonomy classes, as CMS templates write them on a post or a list's card ("hentry", "category-news", "tag-x"). */
const TAXONOMY_CLASS = /(?:^|\s)(?:hentry|category-[\w-]+|tag-[\w-]+|post-type-[\w-]+)(?=\s|$)/;
/** "author-ashurina-ream" among those: the post's writer as a taxonomy class, the class of the whole post or card. */
const AUTHOR_TAXONOMY = /(?:^|\s)author-[\w-]+(?=\s|$)/g;
/** A card's flag that it shows an author field somewhere inside ("summary-item-has-author", "has-author"). */
const HAS_AUTHOR_FLAG = /(?:^|\s)[\w-]*(?:has|with)-authors?(?=\s|$)/g;
/** A list's card or item as its class says ("summary-item", "post-card", "teaser", "tile"), beside that flag or in it. */
const CARD_CLASS = /(?:^|[\s_-])(?:summary-item|cards?|teaser|items?|tiles?)(?=[\s_-]|$)/;
const CARD_FLAG = /(?:^|[\s_-])(?:summary-item|cards?|teaser|items?|tiles?)-(?:has|with)-authors?(?=\s|$)/;

/**
 * The class marks a byline only by a token that is no credit: an "author-<slug>" set beside taxonomy classes (`<article
 * class="hentry category-parenting author-ashurina-ream">`) or a flag that the card has an author field
 * ("summary-item-has-author"). The element is the post or a list's card, whose text is a headline or a story.
 */
function onlyTaxonomyAuthor(cls: string): boolean {
  let rest = TAXONOMY_CLASS.test(cls) ? cls.replace(AUTHOR_TAXONOMY, ' ') : cls;
  // The flag on a meta row ("post-meta has-author") marks the byline itself: only a card's or list item's flag is no credit.
  const unflagged = rest.replace(HAS_AUTHOR_FLAG, ' ');
  if (CARD_CLASS.test(unflagged) || CARD_FLAG.test(rest)) rest = unflagged;
  return !BYLINE_CLASS.test(rest);
}

/** Called for every element: the cheap positive test first, the ancestor walk only for the few that pass. */
export function isBylineElement(el: Element): boolean {
  if (!looksLikeByline(el)) return false;
  const a = el.attribs;
  if (el.name === 'label' || el.name === 'input' || NOT_BYLINE.test(`${a.class ?? ''} ${a.id ?? ''}`)) return false;
  return !closest(el, (e) => e.name === 'form' || NOT_BYLINE.test(e.attribs.id ?? ''), 8);
}
