/**
 * A readable diff between two versions of an article: paragraphs are aligned first (longest common
 * subsequence), then each changed paragraph is diffed word by word — and character by character for
 * Chinese, which has no spaces — so a reader sees exactly which words were added or removed.
 */

export type DiffOp = 'same' | 'removed' | 'added';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

export type DiffBlock =
  | { kind: 'same'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'added'; text: string }
  | { kind: 'changed'; segments: DiffSegment[] };

/** Above this many DP cells a diff is not refined further (a whole paragraph is shown replaced). */
const MAX_CELLS = 2_000_000;

/** Longest-common-subsequence alignment of two sequences as a list of ops, in order. */
export function diffSequences<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean = Object.is): { op: DiffOp; item: T }[] {
  // Common prefix and suffix first: typical edits touch a small part, which keeps the table tiny.
  let start = 0;
  while (start < a.length && start < b.length && equal(a[start], b[start])) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && equal(a[endA - 1], b[endB - 1])) {
    endA--;
    endB--;
  }
  const head = a.slice(0, start).map((item) => ({ op: 'same' as const, item }));
  const tail = a.slice(endA).map((item) => ({ op: 'same' as const, item }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_CELLS || n === 0 || m === 0) {
    return [...head, ...midA.map((item) => ({ op: 'removed' as const, item })), ...midB.map((item) => ({ op: 'added' as const, item })), ...tail];
  }
  // lengths[i][j] = LCS length of midA[i..] and midB[j..], flattened.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] = equal(midA[i], midB[j])
        ? lengths[(i + 1) * (m + 1) + j + 1] + 1
        : Math.max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1]);
    }
  }
  const mid: { op: DiffOp; item: T }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (equal(midA[i], midB[j])) {
      mid.push({ op: 'same', item: midA[i++] });
      j++;
    } else if (lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1]) mid.push({ op: 'removed', item: midA[i++] });
    else mid.push({ op: 'added', item: midB[j++] });
  }
  while (i < n) mid.push({ op: 'removed', item: midA[i++] });
  while (j < m) mid.push({ op: 'added', item: midB[j++] });
  return [...head, ...mid, ...tail];
}

const CJK = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
const TOKEN = new RegExp(`${CJK}|(?:(?!${CJK})[\\p{L}\\p{N}\\p{M}_'’-])+|\\s+|.`, 'gsu');

/** Words, runs of spaces and punctuation, and single CJK characters. */
export function diffTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Merges neighbouring tokens with the same op into segments. */
function segments(ops: { op: DiffOp; item: string }[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const { op, item } of ops) {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += item;
    else out.push({ op, text: item });
  }
  return out;
}

/** Word-level diff of two strings (a title, or one paragraph). */
export function diffText(before: string, after: string): DiffSegment[] {
  return segments(diffSequences(diffTokens(before), diffTokens(after)));
}

export function paragraphsOf(body: string): string[] {
  return body.split(/\n{2,}/).map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * Paragraph-aligned diff of two bodies. A run of removed paragraphs followed by added ones is paired
 * up one to one as "changed" paragraphs with word-level segments; the rest stay whole.
 */
export function diffBodies(before: string, after: string): DiffBlock[] {
  const ops = diffSequences(paragraphsOf(before), paragraphsOf(after));
  const blocks: DiffBlock[] = [];
  for (let k = 0; k < ops.length; ) {
    if (ops[k].op === 'same') {
      blocks.push({ kind: 'same', text: ops[k++].item });
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (k < ops.length && ops[k].op !== 'same') (ops[k].op === 'removed' ? removed : added).push(ops[k++].item);
    const pairs = Math.min(removed.length, added.length);
    for (let p = 0; p < pairs; p++) {
      const segs = diffText(removed[p], added[p]);
      // Two paragraphs with little in common read better as one removed and one added than as a word soup.
      const kept = segs.reduce((n, s) => n + (s.op === 'same' ? s.text.length : 0), 0);
      if (kept >= 0.3 * Math.max(removed[p].length, added[p].length)) blocks.push({ kind: 'changed', segments: segs });
      else blocks.push({ kind: 'removed', text: removed[p] }, { kind: 'added', text: added[p] });
    }
    for (const text of removed.slice(pairs)) blocks.push({ kind: 'removed', text });
    for (const text of added.slice(pairs)) blocks.push({ kind: 'added', text });
  }
  return blocks;
}
