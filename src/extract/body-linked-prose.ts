/**
 * Link-bearing elements in the chosen container that are the article's prose, not furniture: lists whose items are
 * sentences, the linked subheadings of a round-up, a pointer the writer set between paragraphs.
 */
import { isTag, textContent, type Element } from './dom.js';
import { linkDensity, unlinkedTextBeside, type StatsMap } from './body-score.js';
import { isShoutedPromo } from './body-clean.js';

const LIST_TAGS = new Set(['ul', 'ol', 'dl', 'table']);

/** Paragraphs of prose beside `el` (see unlinkedTextBeside): link lists and citation lists around it do not count. */
export function proseBeside(el: Element, root: Element, stats: StatsMap, step: 1 | -1): number {
  return unlinkedTextBeside(el, root, stats, step, (k, s) => !LIST_TAGS.has(k.name) && linkDensity(s) < 0.3);
}

/** Non-link text an item needs to read as a sentence around its links ("Ana fixed [a crash in the tab bar]"). */
const ITEM_PROSE_MIN = 20;
/** Share of the items that must be such sentences (a round-up mixes them with a few bare links). */
const SENTENCE_ITEM_SHARE = 0.6;
/** Words of a clause: three in a row, or Chinese text running into sentence punctuation (not a citation's
 * "Author. Publisher." pieces). */
const WORDS = /[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}|[\u4e00-\u9fff]{2}[，。！？；]/i;

/**
 * A list whose items are sentences with links in them (release notes, "this week" round-ups) is content; a
 * navigation or related list has items that are links alone, or a link and a date. Needs three items or more,
 * most of them sentences. Bulleted lists only: a numbered list of that shape is a reference list (author, title,
 * publisher around the link), which the body leaves out.
 */
export function itemsAreSentences(list: Element, stats: StatsMap): boolean {
  let items = 0;
  let sentences = 0;
  for (const c of list.children) {
    if (!isTag(c) || c.name !== 'li') continue;
    items++;
    const s = stats.get(c);
    if (s && s.len - s.linkLen >= ITEM_PROSE_MIN && WORDS.test(ownText(c))) sentences++;
  }
  return (items >= 3 && sentences >= items * SENTENCE_ITEM_SHARE) || (items >= 1 && sentences === items);
}

/** The item's text outside links (to tell words from a bare date or count). */
function ownText(el: Element): string {
  let out = '';
  for (const c of el.children) {
    if (c.type === 'text') out += (c as unknown as { data: string }).data;
    else if (isTag(c) && c.name !== 'a') out += ownText(c);
  }
  return out;
}

function siblingTag(el: Element, step: 1 | -1): Element | undefined {
  const kids = el.parent?.children ?? [];
  for (let i = kids.indexOf(el) + step; i >= 0 && i < kids.length; i += step) {
    const k = kids[i];
    if (isTag(k)) return k;
    if (k.type === 'text' && (k as unknown as { data: string }).data.trim()) return undefined;
  }
  return undefined;
}

export const ROUNDUP_MIN_ITEMS = 3;

/** Sibling one-item lists (`el` among them) whose item is all link. */
export function linkedItemSiblings(el: Element, stats: StatsMap): number {
  let n = 0;
  for (const k of el.parent?.children ?? []) {
    if (!isTag(k) || k.name !== el.name) continue;
    const lis = k.children.filter((c) => isTag(c) && c.name === 'li');
    const s = stats.get(k);
    if (lis.length === 1 && s && s.len > 0 && linkDensity(s) > 0.8) n++;
  }
  return n;
}

/** The <p> form of isLinkedSubheading: a linked <p> after a non-link sibling and before a <p> of prose. */
export function isLinkedSubheadingP(el: Element, stats: StatsMap): boolean {
  const prev = siblingTag(el, -1);
  const next = siblingTag(el, 1);
  if (!next || next.name !== 'p' || isShoutedPromo(textContent(el))) return false;
  const ps = prev ? stats.get(prev) : undefined;
  if (ps && ps.len > 0 && linkDensity(ps) > 0.8) return false;
  const ns = stats.get(next);
  return !!ns && ns.len >= 60 && linkDensity(ns) < 0.3 && ns.punct >= 2;
}

/**
 * A linked line the article sets between its paragraphs ("See: “Six principles for thinking about AI risk”"): a
 * pointer the writer put there, with prose before and after it; a shouted promo ("WATCH: …", all capitals) is not.
 */
export function isLinkInProse(el: Element, root: Element, stats: StatsMap): boolean {
  if (isShoutedPromo(textContent(el))) return false;
  return proseBeside(el, root, stats, -1) >= LINK_IN_PROSE_MIN && proseBeside(el, root, stats, 1) >= LINK_IN_PROSE_MIN;
}

const LINK_IN_PROSE_MIN = 200;
