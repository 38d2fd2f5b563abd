/**
 * Byline text with element boundaries kept. The page's lines join the text of inline elements as the reader sees
 * it, and Chinese text has no spaces, so `来源：<a>新京报</a><a>举报</a>` reads `来源：新京报举报` and
 * `<span>Howard Blume</span><span>Staff Writer</span>` reads `Howard BlumeStaff Writer`. For bylines a change of
 * element is a token boundary: these helpers give the same lines with a space at every element boundary, and an
 * element's text as its separate runs.
 *
 * Cost: only lines of the metadata zones are re-read, each owner element once (cached), and owners holding more
 * than MAX_OWNER_LEN of text (a whole <br>-laid-out article) are left as they are.
 */
import type { Block } from './blocks.js';
import type { StatsMap } from './body-score.js';
import { BLOCK_TAGS, isTag, isText, type AnyNode, type Element } from './dom.js';
import { collapseSpace, stripSpace } from './text.js';

/** Weighted text length past which an owner element is not re-read. */
const MAX_OWNER_LEN = 4000;
/** Runs read from one element at most. */
const MAX_RUNS = 400;
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'select', 'option', 'textarea', 'button']);

export interface ZoneLine {
  text: string;
  el: Element;
  /** The element runs the text was joined from, when it was re-read so. */
  runs?: string[];
}

/** The element's text as lines (split at <br> and block children), each line a list of text runs. */
export function runLines(root: Element): string[][] {
  const state: RunState = { root, lines: [[]], count: 0 };
  walkRuns(root, 0, state);
  return state.lines.filter((l) => l.length > 0);
}

interface RunState {
  root: Element;
  lines: string[][];
  count: number;
}

/** runLines' walk: a module function rather than a closure built (and named) at every call. */
function walkRuns(node: AnyNode, depth: number, state: RunState): void {
  const lines = state.lines;
  if (state.count >= MAX_RUNS || depth > 60) return;
  if (isText(node)) {
    const t = collapseSpace(node.data);
    if (t) {
      lines[lines.length - 1].push(t);
      state.count++;
    }
    return;
  }
  if (!isTag(node) || SKIP.has(node.name)) return;
  const breaks = node !== state.root && (node.name === 'br' || BLOCK_TAGS.has(node.name));
  if (breaks && lines[lines.length - 1].length > 0) lines.push([]);
  for (const c of node.children) walkRuns(c, depth + 1, state);
  if (breaks && lines[lines.length - 1].length > 0) lines.push([]);
}

/** All runs of a small element (a byline element): its text split at every element boundary. */
export function elementRuns(el: Element): string[] {
  return runLines(el).flat();
}

/**
 * The zone's lines re-read with element boundaries as spaces. A line whose owner is too big, or whose re-read text
 * does not match (the line pass normalised it differently), keeps its text.
 */
export function segmentLines(lines: Block[], stats: StatsMap, cache: Map<Element, string[][]>): ZoneLine[] {
  return lines.map((l) => {
    if ((stats.get(l.el)?.len ?? Infinity) > MAX_OWNER_LEN) return { text: l.text, el: l.el };
    let runs = cache.get(l.el);
    if (!runs) {
      runs = runLines(l.el);
      cache.set(l.el, runs);
    }
    // Compared without whitespace (stripSpace returns a string without any unchanged); most owners are one run.
    let key: string | undefined;
    const match = runs.find((r) => r.length > 1 && stripSpace(r.join('')) === (key ??= stripSpace(l.text)));
    return match ? { text: match.join(' '), el: l.el, runs: match } : { text: l.text, el: l.el };
  });
}
