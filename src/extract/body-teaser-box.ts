/**
 * A teaser for another story set inside the article's column ("Czytaj więcej", "Mehr zum Thema", a boxed "Read
 * also"): a small box whose picture, headline and "more" link all point to the one other page, over that story's
 * excerpt. Its headline link followed by the excerpt would read as a linked subheading over prose (body-clean keeps
 * those in digests), so the box is recognised by its shape: the same target linked two or more times, once by a
 * headline-long text, in a box with little text of its own.
 */
import { elementsIn, isAncestor, isTag, textContent, type Element } from './dom.js';
import type { StatsMap } from './body-score.js';
import { siteHostOf, type UrlResolver } from './links.js';

/** A teaser is a headline and an excerpt (weighted length); a longer box is a section of the article. */
const MAX_BOX_LEN = 600;
/** Its headline link says this much at least (a "more" arrow or a picture is not a headline). */
const MIN_HEADLINE_LEN = 15;
/** Links to one target that make the box a teaser of it (picture + headline, headline + "more"). */
const MIN_SAME_TARGET = 2;
/** Elements looked at under a container: a bound on hostile pages. */
const MAX_SCAN = 20_000;
const BOXES = new Set(['div', 'section', 'aside', 'article', 'figure']);
/** More teasers than this in one container, or this share of its text, make it a round-up of other pages (a
 * listicle's product or topic cards are its content), not an article with a teaser set in. */
const MAX_TEASERS = 3;
const MAX_TEASER_SHARE = 0.25;
/** A run of like boxes holding this share of the container is a listing. */
const LISTING_SHARE = 0.5;

/** The teaser boxes inside `root`: outermost boxes only, never the container itself or most of its text. */
export function teaserBoxesIn(root: Element, stats: StatsMap, urls: UrlResolver | undefined): Element[] {
  // The page's own URL, not the <base href> (often the site's root) that its relative links resolve against.
  const page = pageKey(urls?.page);
  const rootLen = stats.get(root)?.len ?? 0;
  if (!page || rootLen === 0) return [];
  const out: Element[] = [];
  let scanned = 0;
  for (const el of elementsIn(root)) {
    if (++scanned > MAX_SCAN) break;
    if (!BOXES.has(el.name) || out.some((b) => isAncestor(b, el))) continue;
    const s = stats.get(el);
    if (!s || !s.hasBlockChild || s.len > MAX_BOX_LEN || s.len > rootLen * 0.3) continue;
    if (isTeaserOf(el, page, urls!) && !inListing(el, stats, rootLen) && !inItem(el, root)) out.push(el);
  }
  const len = out.reduce((n, b) => n + (stats.get(b)?.len ?? 0), 0);
  return out.length > MAX_TEASERS || len > rootLen * MAX_TEASER_SHARE ? [] : out;
}

/**
 * Is the box (or a wrapper holding just it) one of a run of like siblings (same tag and class) that makes up most of
 * the container: an item of a listing (a directory's app cards, the last of which happens to be short), whose
 * items are the page's content; a run of teasers under the article's text is not most of it.
 */
function inListing(box: Element, stats: StatsMap, rootLen: number): boolean {
  const len = stats.get(box)?.len ?? 0;
  for (let cur: Element = box; cur.parent && isTag(cur.parent); cur = cur.parent) {
    const cls = cur.attribs.class ?? '';
    let run = 0;
    for (const sib of cur.parent.children) {
      if (isTag(sib) && sib.name === cur.name && (sib.attribs.class ?? '') === cls) run += stats.get(sib)?.len ?? 0;
    }
    if (run >= rootLen * LISTING_SHARE) return true;
    // Past the wrappers that hold the box alone.
    if ((stats.get(cur.parent)?.len ?? 0) > len) return false;
  }
  return false;
}

/**
 * Is the box inside an item of a listing below the container (an <article> or <li> beside others of its kind: a
 * directory's card, whose parts are the page's content)?
 */
function inItem(box: Element, root: Element): boolean {
  for (let cur = box.parent; cur && isTag(cur) && cur !== root; cur = cur.parent) {
    if (cur.name !== 'article' && cur.name !== 'li') continue;
    const item = cur;
    if (item.parent?.children.some((k) => k !== item && isTag(k) && k.name === item.name)) return true;
  }
  return false;
}

/** Does the box link one other page two or more times, once with a headline's worth of text? */
function isTeaserOf(box: Element, page: string, urls: UrlResolver): boolean {
  const host = siteHostOf(page);
  const byTarget = new Map<string, { n: number; headline: boolean }>();
  for (const d of elementsIn(box)) {
    if (d.name !== 'a') continue;
    const href = d.attribs.href ?? '';
    if (href === '' || href.startsWith('#')) continue;
    const target = pageKey(urls.resolve(href));
    // Another story of this site: a box linking off the site is a round-up's product or pick box, its content.
    if (!target || target === page || siteHostOf(target) !== host) continue;
    const t = byTarget.get(target) ?? { n: 0, headline: false };
    t.n++;
    if (textContent(d).trim().length >= MIN_HEADLINE_LEN && standsAlone(d)) t.headline = true;
    byTarget.set(target, t);
  }
  // One story only: a box linking several pages so is a list (the link-density rules judge those).
  const teased = [...byTarget.values()].filter((t) => t.n >= MIN_SAME_TARGET && t.headline);
  return teased.length === 1 && byTarget.size <= 3 && !holdsSentenceLinks(box) && !isWriteUp(box);
}

/** The cue a teaser carries ("Read more", "Lesen Sie auch", "Mehr zum Thema", "Czytaj więcej", "Related"). */
const CUE = /^(?:read (?:more|also|next)|more|related|see also|also read|lesen sie (?:auch|mehr)|mehr(?: zum thema)?|weiterlesen|czytaj (?:więcej|też|także)|lire aussi|leer más|leggi anche|lees (?:meer|ook))\b/iu;
const CUE_MAX = 30;
/** A sentence of prose: this much text ending in a full stop, not an excerpt cut off with an ellipsis. */
const PROSE_MIN = 60;
const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * A write-up of the article's own (a guide's venue, a listicle's entry): its linked name is a heading of the page's
 * outline over a paragraph of prose that ends as a sentence, with no "more" cue. Another story's teaser carries a cue,
 * cuts its excerpt off ("…") or sets its headline as a styled link, not a heading.
 */
function isWriteUp(box: Element): boolean {
  let heading = false;
  let prose = false;
  for (const d of elementsIn(box)) {
    const t = textContent(d).replace(/\s+/g, ' ').trim();
    if (t.length <= CUE_MAX && CUE.test(t)) return false;
    if (HEADINGS.has(d.name) && elementsIn(d).some((k) => k.name === 'a')) heading = true;
    if (d.name === 'p' && t.length >= PROSE_MIN && /[.!?]["”’)]?$/u.test(t) && !/(?:\.\.\.|…)["”’)]?$/u.test(t)) prose = true;
  }
  return heading && prose;
}

/**
 * A paragraph of the article that links a page twice ("…the report (pdf) … the report's annex") reads on around its
 * links: prose text outside links on both sides of one. A teaser's headline link stands alone on its line.
 */
function holdsSentenceLinks(box: Element): boolean {
  for (const d of elementsIn(box)) {
    if (d.name !== 'a' || !d.parent || !isTag(d.parent)) continue;
    const kids = d.parent.children;
    const i = kids.indexOf(d);
    const before = kids.slice(0, i).map((k) => textContent(k)).join('').trim();
    const after = kids.slice(i + 1).map((k) => textContent(k)).join('').trim();
    if (before.length >= 20 && after.length >= 20) return true;
    // A link closing a sentence of prose ("… a night bus service covering <a>the whole plan area</a>."): the
    // paragraph reads on before it and ends as a sentence, not with an ellipsis or a "more" link.
    const whole = textContent(d.parent).replace(/\s+/g, ' ').trim();
    if (before.length >= PROSE_MIN && /^[.!?]["”’)]?$/u.test(after) && !/(?:\.\.\.|…)/u.test(whole)) return true;
  }
  return false;
}

/** A link with no text of its parent's beside it: a headline on its own line, not a name in a sentence. */
function standsAlone(a: Element): boolean {
  const parent = a.parent;
  if (!parent || !isTag(parent)) return false;
  return parent.children.every((k) => k.type !== 'text' || textContent(k).trim() === '');
}

/** A URL without its fragment and trailing slash: one page however it is linked. */
function pageKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.replace(/#.*$/, '').replace(/\/+$/, '');
}
