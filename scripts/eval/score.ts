/**
 * Scoring as ../shared/extraction/README.md defines it, shared by every set `npm run eval` reads:
 *   body: 4-token shingles (multiset), tp/fp/fn normalised per document, mean P and mean R, F1 of the means;
 *         tokens are \w+ runs, and for Chinese every CJK character is its own token;
 *   title: exact once whitespace is removed; publishedAt: same instant to the truth's precision (date-only truth
 *         by prefix); author / source: equal once whitespace and name separators are removed.
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
const nameKey = (s: string): string => squash(s).replace(/[,，、;；/|·•]/g, '').toLowerCase();

/**
 * Typographic and straight quotes are one character here: some corpora's truth straightens the quotes the page
 * shows (’ → '), which is the labeller's normalisation, not a different headline.
 */
const foldQuotes = (s: string): string => s.replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″]/g, '"');

export function titleMatches(pred: string | undefined, truth: string): boolean {
  return pred !== undefined && foldQuotes(squash(pred)) === foldQuotes(squash(truth));
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
