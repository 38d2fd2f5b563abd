/**
 * Class comparison for an article cut into chunks (body-siblings.ts joins them): a chunk class with its numbered or
 * page-builder instance words dropped (chunkClassKey), two classes that name the same kind of chunk, or one the other
 * plus a lead/last modifier (chunkClassLike), and whether a chunk alike only by instance ids sits under a heading of
 * its own (afterHeadingWidget).
 */
import { elementsIn, isTag, textContent, type Element } from './dom.js';

const NUMBERED_WORD = /^(.+)[-_]\d{1,2}$/;

/**
 * A class with its numbered chunk words dropped ("story-body story-body-2" → "story-body"): only a word that numbers
 * another word of the same class (a chunk class and its index, not a grid width such as "large-8"). Empty when the
 * class has no such word.
 */
export function chunkClassKey(cls: string, instances = true): string {
  const words = cls.trim().split(/\s+/);
  const set = new Set(words);
  const kept = words.filter((w) => !set.has(NUMBERED_WORD.exec(w)?.[1] ?? '') && !(instances && set.has(INSTANCE_WORD.exec(w)?.[1] ?? '')));
  return kept.length < words.length ? kept.sort().join(' ') : '';
}

/** How far up from a widget the box holding it may start (it is the box's first element). */
const WIDGET_MAX_UP = 3;

/**
 * Is `el` (or the box it opens, a few levels up) right after a heading, or a box holding nothing but a heading
 * (a page builder's heading widget)?
 */
export function afterHeadingWidget(el: Element): boolean {
  let cur: Element = el;
  for (let up = 0; up <= WIDGET_MAX_UP && cur.parent && isTag(cur.parent); up++, cur = cur.parent as Element) {
    const kids = cur.parent.children.filter(isTag);
    const prev = kids[kids.indexOf(cur) - 1];
    if (!prev) continue;
    if (HEADING_TAG.test(prev.name)) return true;
    const text = textContent(prev).trim();
    const h = elementsIn(prev).find((d) => HEADING_TAG.test(d.name));
    return !!h && text.length > 0 && textContent(h).trim().length === text.length;
  }
  return false;
}

const HEADING_TAG = /^h[1-6]$/;

/**
 * Whether class `other` names a chunk like `cls` (whose chunkClassKey is `key`): 'instance' when only the page
 * builder's instance ids tell them apart.
 */
export function chunkClassLike(cls: string, key: string, other: string): boolean | 'instance' {
  if (other === cls || isModifiedClass(cls, other)) return true;
  if (key === '' || chunkClassKey(other) !== key) return false;
  const numbered = chunkClassKey(cls, false);
  return numbered !== '' && chunkClassKey(other, false) === numbered ? true : 'instance';
}

/**
 * A word naming one instance of another word of the class by a hex id ("elementor-element elementor-element-06be854"):
 * a page builder's per-widget id, dropped like a chunk index.
 */
const INSTANCE_WORD = /^(.+)-(?=[a-f]*\d)[0-9a-f]{6,8}$/;

/**
 * One class is the other plus a modifier word or a few ("articleWidget_root" and "articleWidget_root
 * articleWidget_isFirst", "story-chunk" and "story-chunk story-chunk--lead", "RichText …" and "RichText
 * RichText--lastPmb0 RichText--lastInline …"): the lead or last chunk marked as such.
 */
function isModifiedClass(a: string, b: string): boolean {
  const wa = a.trim().split(/\s+/);
  const wb = b.trim().split(/\s+/);
  const extraWords = Math.abs(wa.length - wb.length);
  if (extraWords < 1 || extraWords > MAX_MODIFIERS) return false;
  const [short, long] = wa.length < wb.length ? [wa, wb] : [wb, wa];
  const set = new Set(short);
  if (!short.every((w) => long.includes(w))) return false;
  // Each extra word must modify one of the others (shares its block name), not be another box's class
  // ("rt w-richtext" and "w-richtext" are two kinds of rich-text box).
  return long.every((extra) => set.has(extra) || short.some((w) => commonPrefix(w, extra) >= MODIFIER_PREFIX));
}

/** Modifier words a chunk's class may add to its siblings' (first/last-chunk flags come in pairs at most). */
const MAX_MODIFIERS = 3;

/** Characters a modifier word shares with the word it modifies ("chunk" / "chunk--lead", "post_" / "post_isFirst"). */
const MODIFIER_PREFIX = 5;

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
