/**
 * Names from links: a writer's profile page or a platform member's page linked near the headline, a poster's user
 * link, and the lone name under the headline that is no navigation link.
 */
import { closest, elementsIn, isTag, textContent, type Element } from './dom.js';
import type { Block } from './blocks.js';
import type { PageZones } from './page-lines.js';
import { loneNameLine } from './byline-posters.js';
import { isPersonName } from './people-names.js';
import type { ZoneLine } from './people-segments.js';
import { collapseSpace, comparable } from './text.js';

/**
 * A line that is one link to somewhere other than a writer's page (a tag, a channel in the menu, "手机版"): its
 * text names a place on the site, never the byline, however name-like it is.
 */
function isNavigationLink(l: Block): boolean {
  return l.text.length > 0 && l.linkChars >= l.text.length * 0.9 && !PROFILE_PATH.test(l.md) && !MEMBER_PATH.test(l.md);
}

/** A lone-name line right under the headline (essays, magazine pieces), also when the headline opens the body. */
export function loneNameAfterTitle(zones: PageZones, title: string | undefined): string | undefined {
  const loneName = (l: Block): string | undefined => (isNavigationLink(l) ? undefined : loneNameLine(l.text));
  const first = zones.header.slice(0, 3).map(loneName).find(Boolean);
  if (first) return first;
  const top = zones.lines.slice(Math.max(0, zones.bodyStart), Math.max(0, zones.bodyStart) + 4);
  const key = title ? comparable(title) : '';
  for (let i = 1; i < top.length; i++) {
    if (key && top[i - 1].text.length < 400 && comparable(top[i - 1].text).endsWith(key.slice(-Math.min(key.length, 8)))) {
      const name = loneName(top[i]);
      if (name) return name;
    }
  }
  return undefined;
}

/** Paths of writer pages: /author/jane-doe, /about/editors/jon-fingas/, /profile/…, /zuozhe/…. */
const PROFILE_PATH = /\/(?:author|authors|autor|auteur|profile|profiles|people|staff|contributors?|writers?|journalists?|editors|columnists?|reporters?|zuozhe|jizhe)\/[^/?#]{2,}/i;
/**
 * A platform member's page (/u/u28067837597024.html, /user/123, a forum engine's space-uid-123.html or
 * home.php?mod=space&uid=123, a blog engine's ?author=102): its link text is a handle, not always a full name.
 */
const MEMBER_PATH = /\/(?:u|user|users|member|members)\/[^/?#]{2,}|(?:^|\/)space-uid-\d+|[?&]mod=space&(?:amp;)?uid=\d+|[?&]author=\d+/i;

/**
 * Links to a writer's page in the lines around the headline (`<a href="/author/…">Chris Thompson</a>`): the link
 * text is the byline even when nothing else marks it. Several such links on one line are several authors.
 */
export function authorFromProfileLinks(lines: ZoneLine[], valid: (a: string | undefined) => string | undefined): string | undefined {
  for (const l of lines) {
    if (l.text.length > 200) continue;
    const names: string[] = [];
    // The line may be a block inside the link (<a href="/u/…"><img><p>Fomney</p></a>).
    const around = closest(l.el, (e) => e.name === 'a', 3);
    for (const a of around ? [around] : elementsIn(l.el)) {
      if (a.name !== 'a' || !a.attribs.href) continue;
      const member = MEMBER_PATH.test(a.attribs.href);
      if (!member && !PROFILE_PATH.test(a.attribs.href)) continue;
      const text = collapseSpace(textContent(a));
      const handle = member && /^[\p{L}\p{N}_.-]{2,30}$/u.test(text);
      if ((handle || (isPersonName(text) && (/[\u3400-\u9fff]/.test(text) || text.includes(' ')))) && !names.includes(text)) names.push(text);
    }
    const joined = names.length > 0 ? valid(joinAsPrinted(names, l.text)) : undefined;
    if (joined) return joined;
  }
  return undefined;
}

/** What a byline prints between two names: a comma, "and", "&", or the serial comma's ", and" / ", &". */
const PRINTED_SEPARATOR = /^(?:,|&|and|,\s*and|,\s*&)$/i;

/**
 * Names joined with the separators the line prints between them ("A, B & C" stays so), a comma and a space where
 * the line shows none or another word; Chinese names by a space.
 */
function joinAsPrinted(names: string[], line: string): string {
  if (!/[A-Za-z]/.test(names[0])) return names.join(' ');
  let out = names[0];
  let at = line.indexOf(names[0]);
  for (let i = 1; i < names.length; i++) {
    const next = at < 0 ? -1 : line.indexOf(names[i], at + names[i - 1].length);
    const between = next < 0 ? '' : line.slice(at + names[i - 1].length, next).trim().replace(/\s+/g, ' ');
    out += PRINTED_SEPARATOR.test(between) ? (between.startsWith(',') ? `${between} ` : ` ${between} `) : ', ';
    out += names[i];
    at = next;
  }
  return out;
}

/** A forum's or blog platform's poster link: class user-name / username / nickname, or data-author="true". */
const USER_LINK_CLASS = /(?:^|[\s_-])(?:user-?name|username-link|nick-?name)(?:$|[\s_-])/i;

/**
 * A forum thread or platform post names its poster by handle in a user link on the line under the headline
 * (`<a class="user-name" href="/zzz6519003">zzz6519003</a> · 19 天前`): a login-like handle is the byline there.
 */
export function authorFromUserLinks(lines: ZoneLine[], valid: (a: string | undefined) => string | undefined): string | undefined {
  for (const l of lines) {
    if (l.text.length > 200) continue;
    for (const a of elementsIn(l.el)) {
      if (a.name !== 'a' || !(a.attribs['data-author'] === 'true' || USER_LINK_CLASS.test(a.attribs.class ?? ''))) continue;
      const text = collapseSpace(textContent(a));
      if (text.length >= 2 && text.length <= 30 && !/\s{2,}|[:：]/.test(text)) return valid(text);
    }
  }
  return undefined;
}

/** What templates put around a name in an avatar's alt text: "Picture of X", "Avatar for X", "X's image", "X headshot". */
const AVATAR_PREFIX = /^(?:(?:a\s+)?(?:picture|photo|image|avatar|portrait|headshot|profile (?:picture|photo|image))\s+(?:of|for)\s+)/i;
const AVATAR_SUFFIX = /(?:['’]s)?\s+(?:picture|photo|image|avatar|portrait|headshot|profile (?:picture|photo|image))$/i;
/** A role or employer after the name in an avatar's alt text: "Juliette Carreiro, Ironhack Tech Writer", "Jo Lee | CEO". */
const AVATAR_ROLE_TAIL = /\s*(?:,|\s[|–—-])\s.*$/;
/** An avatar's alt that names no one but says whose picture it is: "Photo of author", "Author avatar". */
const AUTHOR_PHOTO_ALT = /^(?:(?:picture|photo|image|avatar|portrait|headshot)\s+of\s+(?:the\s+)?author|author(?:['’]s)?(?:\s+(?:picture|photo|image|avatar|portrait|headshot))?)$/i;
/** An avatar's address or class: gravatar, /avatars/, author-photo, headshot, profile_pic. */
const AVATAR_MARK = /avatar|gravatar|author|headshot|profile|byline/i;
/** Elements searched for the avatar around one name line: a byline box is small. */
const AVATAR_BOX_ELEMENTS = 60;
/** Ancestors of the name line tried as the box: page builders nest the name and the face in columns of their own. */
const AVATAR_BOX_DEPTH = 5;

/** The name an avatar's alt text gives, its template words and a role after it taken off ("Picture of Andrew King" → "Andrew King"). */
export function nameInAlt(alt: string): string {
  return collapseSpace(alt).slice(0, 120).replace(AVATAR_PREFIX, '').replace(AVATAR_ROLE_TAIL, '').replace(AVATAR_SUFFIX, '').trim();
}

/** The picture's addresses and class, where a template marks an avatar. */
function imageMarks(img: Element): string {
  const a = img.attribs;
  return `${a.src ?? ''} ${a['data-src'] ?? ''} ${a['data-lazy-src'] ?? ''} ${a.class ?? ''}`.slice(0, 2000);
}

/**
 * An <img> showing the person `name`: its alt names them, and either in a template's avatar wording ("Picture of …",
 * "…'s image", "…, Tech Writer") or on a picture whose address or class says avatar. A bare alt equal to a name-like
 * line is often a book cover's or a site logo's title beside the same words (its file is named for the title, just as
 * a portrait's is for its sitter). An avatar's alt may also say only that it is the author's photo.
 */
function isAvatarOf(img: Element, name: string): boolean {
  const alt = collapseSpace(img.attribs.alt ?? '');
  if (AUTHOR_PHOTO_ALT.test(alt)) return AVATAR_MARK.test(imageMarks(img));
  const inAlt = nameInAlt(alt);
  if (comparable(inAlt) !== comparable(name)) return false;
  return inAlt !== alt || AVATAR_MARK.test(imageMarks(img));
}

/** A writer's box as templates mark it (class or id): "author-box", "blog_author-text", "byline", "post-writer". */
const AUTHOR_BOX_MARK = /author|byline|writer/i;
/**
 * Containers whose face and name are not the writer's: comment threads (also German "Leserkommentare",
 * "leserbeitraege", Spanish "comentarios", Dutch "reacties", "responses"), reviews, testimonials, guestbooks,
 * related or recommended stories, a host's or speaker's or team's cards. Substrings where the word is unambiguous,
 * whole class tokens where it is short ("responsive" is a layout, "more" a part of "amore").
 */
const NOT_WRITER_BOX = /comment|komment|comentar|reacties|leser|discussion|testimonial|guestbook|feedback|forum|related|recommend|carousel|teaser|(?:^|[\s_-])(?:respon(?:se|ses|d)|repl(?:y|ies)|reviews?|quotes?|more|next|hosts?|speakers?|team|spotlight)(?=$|[\s_-])/i;
const marks = (e: Element): string => `${e.attribs.class ?? ''} ${e.attribs.id ?? ''}`;
/** Where a link in an author box goes that is no other story: the writer's page, a profile, a social site, a file. */
const NOT_STORY_LINK = /^(?:#|mailto:|tel:|javascript:)|\/(?:authors?|writers?|users?|profiles?|people|staff|team|about|contact|members?|@)[/?#-]|\/@|facebook\.|twitter\.|x\.com|instagram\.|linkedin\.|youtube\.|tiktok\.|threads\.|mastodon|bsky\.|pinterest\.|\.(?:jpe?g|png|gif|webp|svg|avif|pdf)(?:[?#]|$)/i;

/**
 * A link to another story inside a box: on this site (a relative address) or worded as a headline (three words or
 * more that are not the person's name). A related story's card links its headline; a writer's box links the writer.
 */
function linksToStory(a: Element, name: string): boolean {
  const href = (a.attribs.href ?? '').trim();
  if (href === '' || NOT_STORY_LINK.test(href)) return false;
  if (!/^[a-z][a-z\d+.-]*:|^\/\//i.test(href)) return true;
  const text = collapseSpace(textContent(a));
  return text.split(' ').length >= 3 && !comparable(text).includes(comparable(name));
}

/**
 * The face-and-name box after the story is a card of a list, not the writer's box: it or a small box around it (two
 * levels) links another story, or it is one of several alike (same tag and class beside it).
 */
/** The page and its main parts: a small page's navigation is no card's link. */
const PAGE_SECTION = /^(?:html|body|main|article)$/;
function isCardBox(box: Element, name: string): boolean {
  let e: Element | null = box;
  for (let up = 0; e && e.attribs && up < 3 && !PAGE_SECTION.test(e.name); up++, e = e.parent as Element | null) {
    const inside = smallBoxElements(e);
    if (!inside) break;
    if (inside.some((x) => x.name === 'a' && linksToStory(x, name))) return true;
    const cls = e.attribs.class;
    if (cls && (e.parent?.children ?? []).some((s) => s !== e && isTag(s) && s.name === e!.name && s.attribs.class === cls)) return true;
  }
  return false;
}

/**
 * A name line beside a picture whose alt text names the same person (`<img alt="Picture of Andrew King">` next to
 * "Andrew King"): the writer's avatar and name, a byline box even when no class or link marks it. The two must
 * agree, so a caption or a name in prose beside a photo of someone else does not count. With `markedBox` (lines after
 * the story, where commenters' and related stories' cards also show a face and a name) the box must be marked as the
 * writer's, and not sit in a comment thread.
 */
export function authorBesideAvatar(lines: ZoneLine[], valid: (a: string | undefined) => string | undefined, markedBox = false): string | undefined {
  const found = new Set<string>();
  for (const l of lines) {
    const text = collapseSpace(l.text);
    if (text.length < 4 || text.length > 60 || !text.includes(' ') || !isPersonName(text)) continue;
    if (markedBox && closest(l.el, (e) => e.name !== 'body' && NOT_WRITER_BOX.test(marks(e)), 10)) continue;
    let box: Element | null = l.el;
    for (let up = 0; box && up < AVATAR_BOX_DEPTH; up++, box = box.parent as Element | null) {
      if (!box.attribs) break;
      const inside = smallBoxElements(box);
      if (!inside) break;
      const avatar = inside.find((e) => e.name === 'img' && e.attribs.alt !== undefined && isAvatarOf(e, text));
      if (avatar) {
        if (markedBox && !AUTHOR_BOX_MARK.test(`${avatar.attribs.alt} ${marks(box)} ${imageMarks(avatar)} ${inside.map(marks).join(' ')}`.slice(0, 4000))) break;
        if (markedBox && isCardBox(box, text)) break;
        const name = valid(text);
        if (name && !markedBox) return name;
        if (name) found.add(name);
        break;
      }
    }
  }
  // After the story, one writer's box: two faces with names there are a list (contributors, commenters, a team).
  return found.size === 1 ? [...found][0] : undefined;
}

/** The elements under `box`, or undefined past AVATAR_BOX_ELEMENTS (a page section, not a byline box: not walked on). */
function smallBoxElements(box: Element): Element[] | undefined {
  const out: Element[] = [];
  const stack: Element[] = box.children.filter(isTag);
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (out.push(e) > AVATAR_BOX_ELEMENTS) return undefined;
    for (const c of e.children) if (isTag(c)) stack.push(c);
  }
  return out;
}
