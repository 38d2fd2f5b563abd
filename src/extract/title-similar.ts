/**
 * Fuzzy headline candidates. Editors often word the <title>/og:title for search engines and the on-page headline
 * for readers ("Best Office Chairs for Back Pain Relief | VSI®" above an h1 "Best Office Chairs to Prevent Back
 * Pain"), so no element matches the metadata exactly. Without this step a section heading near the body start
 * ("Table of Contents", "1. Define Your Riding Purpose") was taken instead; here every heading-like element is
 * scored by how much of its wording it shares with the cleaned metadata titles, by its kind, and by its position
 * (the headline comes before the article's own section headings).
 */
import type { StatsMap } from './body-score.js';
import { classAndId, isAncestor, isTag, isText, textContent, type Element } from './dom.js';
import { isUnspacedScriptCode, weightedLength } from './text.js';

/** Words for Latin script, character bigrams for CJK (no spaces between words there). */
export function titleTokens(s: string): Set<string> {
  const out = new Set<string>();
  const lower = s.toLowerCase();
  for (const m of lower.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    const cjk = [...w.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu)];
    if (cjk.length === 0) {
      out.add(singular(w));
      continue;
    }
    for (const run of cjk) {
      const chars = [...run[0]];
      if (chars.length === 1) out.add(chars[0]);
      for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
    }
    // Latin or digit runs glued to Han text ("14歲") count as words too.
    for (const lat of w.matchAll(/[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu)) out.add(lat[0]);
  }
  return out;
}

/**
 * A Latin word without a plural "s" ("machines" → "machine", "costs" → "cost"): a headline and a <title> worded
 * apart name the same things in the singular and the plural. Left as they are: short words, and words ending in
 * "ss", "us" or "is", seldom plurals ("business", "bus", "campus", "this", "crisis"; "mois", "mais" would meet "moi",
 * "mai"); and words ending in "s" that are no plural, NOT_PLURAL, whose cut form is another common word ("news" →
 * "new", "dies" → "die") or would be taken for one.
 */
function singular(w: string): string {
  return w.length > 3 && w.endsWith('s') && !/[siu]s$/.test(w) && !NOT_PLURAL.has(w) ? w.slice(0, -1) : w;
}
const NOT_PLURAL = new Set(['news', 'series', 'species', 'physics', 'economics', 'politics', 'always', 'perhaps', 'dies', 'etwas']);

/** Dice coefficient of two token sets. */
export function tokenSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** The share of `a`'s tokens found in `b`. */
function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / a.size;
}

const KIND_HINT = /(?:^|[\s_-])(?:title|headline|heading|biaoti|artitle)(?:$|[\s_-]|\d)|headline/;
/** How much wording a heading must share with a metadata title to be taken as its reworded form. */
const MIN_SIMILARITY = 0.5;
/**
 * The same for an <h1> of a headline's size (isHeadlineSized), the tag a page heads its article with: a third of the
 * wording suffices ("Top Espresso Machine under $500: Which One Should You Get?" under "The 5 Most EPIC Espresso
 * Machines Under $500 [2024 Guide]").
 */
const MIN_H1_SIMILARITY = 0.35;
/**
 * Score a heading loses for standing after an <h1> taken as worded like the title: it heads a section of the article
 * ("What is social commerce?" under the h1 "An introduction to social commerce: …"), however much nearer its wording
 * is to a <title> written for search engines ("What is Social Commerce - A guided introduction").
 */
const AFTER_H1 = 1;
/**
 * An h1 the size of a headline: four words at least, and half as many as the shortest reference title. A label
 * naming the page's section or topic ("Climate Change", "Recipes", "Espresso Machines") shares a third of a short
 * title's words by naming its subject; it neither gets the lower bar nor pushes the headings after it down.
 */
export function isHeadlineSized(words: Set<string>, refWords: number): boolean {
  return words.size >= 4 && words.size * 2 >= refWords;
}
/** The same for a plain block that nothing marks as a heading: nearly the title's own wording. */
const MIN_PLAIN_SIMILARITY = 0.8;
const PLAIN_BLOCK = /^(?:div|p|td|strong|b|font|center)$/;
/** Weighted length (a Chinese character counts two) a title needs before a plain block may be taken for it. */
const MIN_PLAIN_TITLE = 16;

export interface SimilarHeadingOptions {
  /** Metadata titles already cleaned of site names. */
  refs: string[];
  /** Elements that are site chrome or navigation, never the headline. */
  reject: (el: Element) => boolean;
}

/** The heading that best matches the metadata titles by wording, kind and position; undefined when none is close. */
export function similarHeading(order: Element[], stats: StatsMap, opts: SimilarHeadingOptions): { el: Element; text: string } | undefined {
  const refs = opts.refs.map(titleTokens).filter((t) => t.size > 0);
  if (refs.length === 0) return undefined;
  const minRefWords = Math.min(...refs.map((r) => r.size));
  const refLens = opts.refs.map(weightedLength);
  const [minRef, maxRef] = [Math.min(...refLens), Math.max(...refLens)];
  const maxLen = maxRef * 2 + 20;
  let best: { el: Element; text: string; score: number } | undefined;
  let rank = 0;
  let h1: { el: Element; rejected: boolean } | undefined;
  for (const el of order) {
    const size = stats.get(el)?.len ?? 0;
    if (size < 4 || size > maxLen) continue;
    let prior: number;
    const isH1 = el.name === 'h1';
    if (isH1 || el.attribs.itemprop === 'headline') prior = 1.5;
    else if (el.name === 'h2' || el.name === 'h3') prior = 0.5;
    else if (/^(?:div|p|span|td|strong|b|header)$/.test(el.name) && KIND_HINT.test(classAndId(el))) prior = 1;
    // A plain block of about the title's length (a headline styled by CSS alone, no heading tag or class name):
    // taken only when it shares most of the title's wording (below).
    // (Not for a short title: "洞庭一叶", a blog's name left as the <title>, is printed in its banner too.)
    else if (PLAIN_BLOCK.test(el.name) && minRef >= MIN_PLAIN_TITLE && size >= minRef * 0.7 && size <= maxRef * 1.3 + 4) prior = 0;
    else continue;
    const text = headlineText(el);
    const toks = titleTokens(text);
    let sim = 0;
    for (const r of refs) sim = Math.max(sim, tokenSimilarity(toks, r));
    // An <h1> may name the subject alone where the <title> is worded for search ("茄子豆角" under "【茄子豆角的做法步骤
    // 图，茄子豆角怎么做】"): every word of it in the title counts, a little less than the same wording would.
    if (el.name === 'h1' && toks.size >= 3) for (const r of refs) sim = Math.max(sim, 0.8 * containment(toks, r));
    // Later headings of the same kind are more likely the article's sections than its headline.
    // (Plain blocks of a title's length, nav teasers among them, do not push the headings after them down.)
    const position = Math.min(rank, 10) * 0.05;
    if (prior > 0) rank++;
    const headlineSized = isH1 && isHeadlineSized(toks, minRefWords);
    if (sim < (prior === 0 ? MIN_PLAIN_SIMILARITY : headlineSized ? MIN_H1_SIMILARITY : MIN_SIMILARITY)) continue;
    const afterH1 = h1 !== undefined && !isH1 && !isAncestor(h1.el, el);
    // Under an h1 worded like the title that reads as site chrome ("blog-title-wrapper"), the headings are the
    // article's sections: none of them is taken (the metadata title stands instead).
    if (afterH1 && h1?.rejected) continue;
    const rejected = opts.reject(el);
    if (headlineSized && h1 === undefined && (!rejected || sim >= MIN_SIMILARITY)) h1 = { el, rejected };
    if (rejected) continue;
    const score = sim * 4 + prior - position - (afterH1 ? AFTER_H1 : 0);
    if (!best || score > best.score) best = { el, text, score };
  }
  return best && { el: best.el, text: best.text };
}

/**
 * A headline's text, with a space where a child element begins or ends between a lower-case and an upper-case letter:
 * "<h1>The Best Notion Alternatives<span class="block">Top Note-taking Tools</span></h1>" is two lines on screen
 * (a stylesheet makes the span a block), not "AlternativesTop". A <br> between two words of a spaced script is a
 * space too ("delays vote<br>on downtown"); between Chinese characters it is nothing.
 */
export function headlineText(el: Element): string {
  const whole = textContent(el);
  // A space only ever goes between "ab" and "Cd", or at a <br>: text without either (nearly all) is the element's
  // text as it is, read from the cache instead of rebuilt child by child (it runs on every headline-sized element).
  if (!hasTagChild(el) || (!mayTurnCase(whole) && !hasBreak(el, 3))) return whole;
  let out = '';
  let broken = false;
  for (const c of el.children) {
    if (isTag(c) && c.name === 'br') {
      broken = true;
      continue;
    }
    const next = isTag(c) ? headlineText(c) : isText(c) ? textContent(c) : '';
    if (next && ((LOWER_END.test(out) && UPPER_START.test(next)) || (broken && spaceAtBreak(out, next)))) out += ' ';
    if (next) broken = false;
    out += next;
  }
  return out;
}

/**
 * A <br> between two words of a spaced script is a space: the last letter or digit before it and the first after it
 * (quotes, other punctuation and spaces between skipped: 'says,<br>"We', 'approved —<br>what') are both of such a
 * script. None between Chinese characters, quoted or not ('“双减”<br>“新政”'), nor after a hyphen ('state-of-the-<br>art').
 */
function spaceAtBreak(before: string, after: string): boolean {
  if (/[\s\-\u00ad\u2010\u2011]$/.test(before) || /^\s/.test(after)) return false;
  const last = LAST_WORD_CHAR.exec(before)?.[1].codePointAt(0);
  const first = FIRST_WORD_CHAR.exec(after)?.[1].codePointAt(0);
  return last !== undefined && first !== undefined && !isUnspacedScriptCode(last) && !isUnspacedScriptCode(first);
}
// The skipped run may hold a space: a spaced dash or bar ('approved —<br>what', 'Q&A |<br>Jane') wants one after it.
const LAST_WORD_CHAR = /([\p{L}\p{N}])[^\p{L}\p{N}]*$/u;
const FIRST_WORD_CHAR = /^[^\p{L}\p{N}]*([\p{L}\p{N}])/u;

/** A <br> among the element's descendants, `depth` levels down at most. */
function hasBreak(el: Element, depth: number): boolean {
  for (const c of el.children) if (isTag(c) && (c.name === 'br' || (depth > 1 && hasBreak(c, depth - 1)))) return true;
  return false;
}

const CASE_TURN = /\p{Ll}{2}\p{Lu}\p{Ll}/u;
/**
 * The ASCII form of CASE_TURN, or a character that could be a cased letter outside ASCII (not CJK or Hangul, which
 * have none): a plain regex, several times faster than the Unicode-property one it spares on nearly every text.
 */
const ASCII_TURN_OR_OTHER = /[a-z]{2}[A-Z][a-z]|[^\0-\x7f\u3000-\u9fff\uac00-\ud7af]/;

/** CASE_TURN.test(s), asked of the Unicode-property regex only when `s` holds letters the ASCII test cannot decide. */
function mayTurnCase(s: string): boolean {
  const m = ASCII_TURN_OR_OTHER.exec(s);
  if (m === null) return false;
  return m[0].length === 4 || CASE_TURN.test(s);
}
const LOWER_END = /\p{Ll}{2}$/u;
const UPPER_START = /^\p{Lu}\p{Ll}/u;

function hasTagChild(el: Element): boolean {
  for (const c of el.children) if (isTag(c)) return true;
  return false;
}
