/**
 * Scoring as ../shared/extraction/README.md defines it, shared by every set `npm run eval` reads:
 *   body: 4-token shingles (multiset), tp/fp/fn normalised per document, mean P and mean R, F1 of the means;
 *         tokens are \w+ runs, and for Chinese every CJK character is its own token;
 *   title: exact once whitespace is removed (typographic quotes, … and — folded to their ASCII typing); publishedAt: same instant to the truth's precision (date-only truth
 *         by prefix); author / source: equal once whitespace and name separators (`,`, `、`, ` and `, ` & `, …) are removed.
 * corpus/multi scores publishedAt, day and author its own way (instantMatches, pageDayMatches, namesMatch below).
 */

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/gu;
const WORD = /[\p{L}\p{N}\p{Mn}\p{Mc}_]+/gu;

export function tokenize(text: string, splitCjk: boolean): string[] {
  const src = splitCjk ? text.replace(CJK_RUN, ' $& ') : text;
  return src.match(WORD) ?? [];
}

function shingles(text: string, splitCjk: boolean, n = 4): Map<string, number> {
  const tokens = tokenize(text, splitCjk);
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  const count = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < count; i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface DocScore {
  /** null when nothing was predicted (left out of the precision mean). */
  precision: number | null;
  /** null when there is no truth (left out of the recall mean). */
  recall: number | null;
}

/** Per-document shingle precision/recall (normalising tp/fp/fn to sum 1 does not change these ratios). */
export function scoreBody(predicted: string, truth: string, splitCjk: boolean): DocScore {
  const p = shingles(predicted, splitCjk);
  const t = shingles(truth, splitCjk);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, c] of p) {
    const tc = t.get(k) ?? 0;
    tp += Math.min(c, tc);
    fp += Math.max(0, c - tc);
  }
  for (const [k, c] of t) fn += Math.max(0, c - (p.get(k) ?? 0));
  return {
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn),
  };
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export function meanPRF(scores: DocScore[]): PRF {
  const ps = scores.map((s) => s.precision).filter((x): x is number => x !== null);
  const rs = scores.map((s) => s.recall).filter((x): x is number => x !== null);
  const precision = ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : 0;
  const recall = rs.length ? rs.reduce((a, b) => a + b, 0) / rs.length : 0;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function docF1(s: DocScore): number {
  const p = s.precision ?? 0;
  const r = s.recall ?? 0;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

const squash = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '');
/** " and " / " & " between names is a separator too: "A, B, and C" and "A, B, C" name the same people. */
const NAME_JOIN_WORD = /(?<=^|[\s,])(?:and|&)(?=\s)/gi;
const nameKey = (s: string): string => squash(s.replace(NAME_JOIN_WORD, ' ')).replace(/[,，、;；/|·•]/g, '').toLowerCase();

/**
 * Typographic and straight quotes are one character here: some corpora's truth straightens the quotes the page
 * shows (’ → '), which is the labeller's normalisation, not a different headline.
 */
const foldQuotes = (s: string): string => s.replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″]/g, '"');
/**
 * The same for the ellipsis and the em dash, which truth typed in ASCII where the page's headline shows the character
 * ("Shhh…" / "Shhh...", "Problems—Simple" / "Problems--Simple"): one headline either way.
 */
const foldTyping = (s: string): string => foldQuotes(s).replace(/…/g, '...').replace(/—/g, '--');

export function titleMatches(pred: string | undefined, truth: string): boolean {
  return pred !== undefined && foldTyping(squash(pred)) === foldTyping(squash(truth));
}

export function nameMatches(pred: string | undefined, truth: string): boolean {
  return pred !== undefined && nameKey(pred) === nameKey(truth);
}

/** Same instant to the truth's precision; a truth without time matches by date prefix. */
export function dateMatches(pred: string | undefined, truth: string): boolean {
  if (!pred) return false;
  const withTime = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(.*)$/.exec(truth);
  if (!withTime) return pred.startsWith(truth);
  if (!/T\d{2}:\d{2}/.test(pred)) return false;
  const truthMs = Date.parse(truth.length === 22 ? truth.replace(/T(\d{2}:\d{2})/, 'T$1:00') : truth);
  const predMs = Date.parse(pred);
  if (Number.isNaN(truthMs) || Number.isNaN(predMs)) return false;
  const unit = withTime[4] === undefined ? 60_000 : 1000;
  return Math.floor(truthMs / unit) === Math.floor(predMs / unit);
}

/** GB2312, GBK and GB18030 are one family (we decode all as GB18030); other labels compare lower-cased. */
export function encodingMatches(pred: string, truth: string): boolean {
  const key = (s: string): string => {
    const k = s.trim().toLowerCase().replace(/_/g, '-');
    if (/^(gb2312|gbk|gb18030|cp936|x-gbk)$/.test(k)) return 'gb';
    if (k === 'utf8') return 'utf-8';
    if (/^(iso-8859-1|latin1|us-ascii|ascii)$/.test(k)) return 'windows-1252';
    return k;
  };
  return key(pred) === key(truth);
}

// ------------------------------------------------------------------------------------------------------------------
// corpus/multi (Fundus): publishedAt truth is an instant (`…Z` or with the offset Fundus's parser kept), a zone-less
// wall-clock time (Fundus found no zone), or a date only (Fundus's value was exactly midnight). Rules:
//   publishedAt: a date-only truth matches our calendar day; otherwise we must give a time, and it must be the same
//     instant within 60 s when both sides carry a zone, or the same wall-clock time within 60 s when either lacks one.
//   day: the calendar day in the page's own zone. When we give a time with an offset, that offset is taken as the
//     page's zone and the truth instant is shown in it; otherwise the truth's own day as written (its offset, or UTC).

interface ParsedDate {
  day: string;
  /** Wall-clock ms since the epoch, as if the local time were UTC; undefined for a date only. */
  wallMs?: number;
  /** Offset in minutes east of UTC; undefined when the value has no zone. */
  offsetMin?: number;
}

function parseIso(v: string): ParsedDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(v.trim());
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) return { day };
  const wallMs = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0);
  if (!m[7]) return { day, wallMs };
  const z = m[7] === 'Z' ? 0 : (m[7][0] === '-' ? -1 : 1) * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(-2)));
  return { day, wallMs, offsetMin: z };
}

export function instantMatches(pred: string | undefined, truth: string, toleranceMs = 60_000): boolean {
  const p = pred ? parseIso(pred) : undefined;
  const t = parseIso(truth);
  if (!p || !t) return false;
  if (t.wallMs === undefined) return p.day === t.day;
  if (p.wallMs === undefined) return false;
  if (p.offsetMin !== undefined && t.offsetMin !== undefined) {
    return Math.abs(p.wallMs - p.offsetMin * 60_000 - (t.wallMs - t.offsetMin * 60_000)) <= toleranceMs;
  }
  return Math.abs(p.wallMs - t.wallMs) <= toleranceMs;
}

export function pageDayMatches(pred: string | undefined, truth: string): boolean {
  const p = pred ? parseIso(pred) : undefined;
  const t = parseIso(truth);
  if (!p || !t) return false;
  if (t.wallMs === undefined || t.offsetMin === undefined || p.offsetMin === undefined) return p.day === t.day;
  const inPredZone = new Date(t.wallMs + (p.offsetMin - t.offsetMin) * 60_000).toISOString().slice(0, 10);
  return p.day === inPredZone;
}

/** Words that join names in a byline ("A and B", "A und B", "A et B", "A y B", "A og B", "A och B", "A en B" …). */
const NAME_JOINERS = new Set(['and', 'und', 'et', 'y', 'e', 'i', 'og', 'och', 'en', 'a', 'ja', 'és', 've', 'dan', 'и', 'і', 'та', 'oraz']);
const nameTokens = (s: string): string[] => s.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];

/**
 * Every listed person's name appears in our one-string author (as whole words, in order), and nothing else is there
 * but words joining names: "Anna Fink und Jan Marchart" matches [Anna Fink, Jan Marchart]; "Anna Fink" alone, or
 * "Von Anna Fink", or "Anna Fink, Redaktion" does not.
 */
export function namesMatch(pred: string | undefined, names: string[]): boolean {
  if (!pred || names.length === 0) return false;
  const tokens = nameTokens(pred);
  const used = new Array<boolean>(tokens.length).fill(false);
  for (const name of names) {
    const want = nameTokens(name);
    if (want.length === 0) continue;
    let found = false;
    for (let i = 0; i + want.length <= tokens.length && !found; i++) {
      if (want.every((w, k) => tokens[i + k] === w && !used[i + k])) {
        for (let k = 0; k < want.length; k++) used[i + k] = true;
        found = true;
      }
    }
    if (!found) return false;
  }
  return tokens.every((tok, i) => used[i] || NAME_JOINERS.has(tok));
}
