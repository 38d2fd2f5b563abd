/**
 * An article's closing list: numbered short lines ("1、王某某 …", "(2) …", "一、…") laid out as siblings right
 * after the scored text block, inside the same parent. Each line is too short and unpunctuated to score, so the
 * sibling pass would leave them out and cut the article's ending (a list of subjects, of measures, of sources).
 * A run contiguous with the article (only empty elements between) and low in links belongs to it, with the one
 * short line that introduces it ("涉及以下线路：", a subheading), which on its own ends no sentence and would not score.
 */
import type { AnyNode } from 'domhandler';
import { isTag, isText, textContent, type Element } from './dom.js';
import { linkDensity, type StatsMap } from './body-score.js';
import type { Block } from './blocks.js';
import { weightedLength } from './text.js';
import { hasSurnameShape } from './byline-surnames.js';

/** "1、" "2." "3）" "(4)" "一、" "①", full-width "１．", "第一，": the marker of a numbered item at the start of a line. */
export const NUMBERED_ITEM = /^\s*(?:(?:[\d０-９]{1,2}|[一二三四五六七八九十]{1,3})\s?[、.．)）]|[(（][\d０-９]{1,2}[)）]|[①-⑳]|第[一二三四五六七八九十]{1,3}[、，,])\s?\S/;
const NUMBERED_ANYWHERE = /(?:^|\n|\s)(?:(?:[\d０-９]{1,2}|[一二三四五六七八九十]{1,3})\s?[、.．)）]|[(（][\d０-９]{1,2}[)）]|[①-⑳]|第[一二三四五六七八九十]{1,3}[、，,])\s?\S/g;
/** A sibling longer than this is a section of its own, not an item of a list. */
const MAX_ITEM_LEN = 400;
const MAX_RUN = 100;
/** A lead-in line is at most this long (weighted): a label or a clause, not a paragraph. */
const MAX_LEAD_LEN = 60;
const LEAD_END = /[：:]\s*$/;
const HEADING = /^h[2-6]$/;

/** Does `el` introduce a list: a short link-free line ending in a colon, or a subheading? */
function isLeadIn(el: Element, stats: StatsMap): boolean {
  const s = stats.get(el);
  if (!s || s.len === 0 || s.len > MAX_LEAD_LEN || s.linkLen > 0 || s.hasBlockChild) return false;
  return HEADING.test(el.name) || LEAD_END.test(textContent(el));
}

/** How many numbered items the element holds (0 when it is not a numbered line or block of lines). */
function numberedItems(el: Element, stats: StatsMap): number {
  const s = stats.get(el);
  if (!s || s.len === 0 || linkDensity(s) > 0.5) return 0;
  // An ordered list (<ol>, numbered by the browser, not in its text), alone or in a wrapper of its own.
  const list = orderedList(el, stats);
  if (list) return orderedItems(list, stats);
  // A wrapper of numbered lines (<div><p>1.…</p><p>2.…</p></div>): its text runs the items together, so count
  // them line by line.
  if (s.hasBlockChild) {
    const lines = numberedChildLines(el, stats);
    if (lines !== undefined) return lines;
  }
  // Lines set apart by <br>s (one <p> holding "1、…<br>2、…"): its text runs them together, so count line by line.
  if (s.inlineBreaks > 0 && !s.hasBlockChild) {
    const lines = brLines(el).filter((l) => l.trim() !== '');
    const numbered = lines.filter((l) => NUMBERED_ITEM.test(l)).length;
    if (numbered >= 1 && NUMBERED_ITEM.test(lines[0] ?? '')) return s.len / numbered <= MAX_ITEM_LEN ? Math.min(MAX_RUN, numbered) : 0;
  }
  const text = textContent(el);
  if (!NUMBERED_ITEM.test(text)) return 0;
  if (s.len <= MAX_ITEM_LEN) return Math.max(1, Math.min(MAX_RUN, text.match(NUMBERED_ANYWHERE)?.length ?? 1));
  // A longer block counts only when it is itself a list of numbered lines (<br>-separated or list items).
  const items = text.match(NUMBERED_ANYWHERE)?.length ?? 0;
  return items >= 2 && s.len / items <= MAX_ITEM_LEN ? Math.min(MAX_RUN, items) : 0;
}

/** `el` when it is an <ol>, or the <ol> that is a wrapper's only child with text; else undefined. */
function orderedList(el: Element, stats: StatsMap): Element | undefined {
  if (el.name === 'ol') return el;
  let only: Element | undefined;
  for (const c of el.children) {
    if (!isTag(c) || (stats.get(c)?.len ?? 0) === 0) continue;
    if (only) return undefined;
    only = c;
  }
  return only?.name === 'ol' ? only : undefined;
}

/** How many short one-line items an ordered list holds (0 when one of them is a section or a box, not a line). */
function orderedItems(list: Element, stats: StatsMap): number {
  let n = 0;
  for (const c of list.children) {
    if (!isTag(c) || c.name !== 'li') continue;
    const cs = stats.get(c);
    if (!cs || cs.len === 0) continue;
    // An item holding blocks (a comment's meta line over its text, a card) is no line of a list.
    if (cs.len > MAX_ITEM_LEN || cs.hasBlockChild) return 0;
    n++;
  }
  return Math.min(MAX_RUN, n);
}

/** How many numbered lines a wrapper's block children are, when every non-empty child is one; else undefined. */
function numberedChildLines(el: Element, stats: StatsMap): number | undefined {
  let n = 0;
  let first = true;
  for (const c of el.children) {
    if (!isTag(c)) continue;
    const cs = stats.get(c);
    if (!cs || cs.len === 0) continue;
    const lead = first && isLeadIn(c, stats);
    first = false;
    if (lead) continue;
    if (cs.hasBlockChild || cs.len > MAX_ITEM_LEN || !NUMBERED_ITEM.test(textContent(c))) return undefined;
    if (++n > MAX_RUN) return undefined;
  }
  return n >= 2 ? n : undefined;
}

/** The text of an element without block children cut at its <br>s, one string per line (an explicit stack: inline
 * markup may nest deeply on hostile pages). */
function brLines(el: Element): string[] {
  const lines: string[] = [''];
  const stack: AnyNode[] = [...el.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isText(n)) lines[lines.length - 1] += n.data;
    else if (isTag(n)) {
      if (n.name === 'br') lines.push('');
      else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
  }
  return lines;
}

/** How many wrappers up a closing run may sit, when the article's last part closes each of them. */
const MAX_UP = 2;

/**
 * The siblings after `last` (the last kept part of the article) that form its closing numbered run, in order;
 * empty when there is no run of at least two items. When `last` ends its wrapper (nothing with text after it), the
 * run may follow the wrapper instead, up to MAX_UP levels (the list set after the article's box), when announced.
 */
export function closingNumberedRun(last: Element, stats: StatsMap): Element[] {
  const run = runAfter(last, stats);
  if (run.length > 0) return run;
  // Outside the article's box, a numbered run (a "top 5" box set after the article) is the article's only when
  // the article announces it: its last line, or the run's first, is a lead-in ("名单如下：").
  const announced = LEAD_END.test(textContent(last));
  let at: Element = last;
  for (let up = 1; up <= MAX_UP && !hasTextAfter(at, stats); up++) {
    const parent = at.parent;
    if (!parent || !isTag(parent) || parent.name === 'body') return [];
    at = parent;
    const outer = runAfter(at, stats);
    if (outer.length > 0 && (announced || isLeadIn(outer[0], stats))) return outer;
  }
  return [];
}

function hasTextAfter(el: Element, stats: StatsMap): boolean {
  for (let n = el.next; n; n = n.next) {
    if (isTag(n) ? (stats.get(n)?.len ?? 0) > 0 : n.type === 'text' && (n as unknown as { data: string }).data.trim() !== '') return true;
  }
  return false;
}

function runAfter(last: Element, stats: StatsMap): Element[] {
  const parent = last.parent;
  if (!parent || !isTag(parent)) return [];
  const kids = parent.children;
  const start = kids.indexOf(last);
  const run: Element[] = [];
  let items = 0;
  for (let i = start + 1; i < kids.length && run.length < MAX_RUN; i++) {
    const sib = kids[i];
    if (!isTag(sib)) continue;
    if ((stats.get(sib)?.len ?? 0) === 0) continue; // spacers, empty wrappers: still contiguous
    const n = numberedItems(sib, stats);
    if (n === 0 && run.length === 0 && isLeadIn(sib, stats)) {
      run.push(sib); // kept only if numbered items follow (items >= 2 below)
      continue;
    }
    if (n === 0) break;
    run.push(sib);
    items += n;
  }
  return items >= 2 ? run : [];
}

/** An entry of a closing list of names or places: ten characters at most. */
const SHORT_ENTRY_LEN = 20;

/** An unlinked line of Chinese text: an entry of a list the article prints, not a link or a label of furniture. */
const isPlainChineseLine = (b: Block): boolean => b.linkChars === 0 && b.kind !== 'heading' && b.kind !== 'image' && /[\u3400-\u9fff]/.test(b.text);

/**
 * A lead-in that announces a list of the article's own ("获奖名单：", "途经站点：", "入选项目如下："), unlike a label of
 * furniture ("相关标签：", "关注我们：", "下载客户端：") whose short entries are leftovers.
 */
const LIST_LEAD_IN = /(?:名单|名單|名录|名錄|如下|包括|包含|分别是|分別是|分别为|分別為|依次为|依次為|站点|站點|车站|車站|站名|成员|成員|获奖|獲獎|入选|入選|入围|入圍|获评|獲評|当选|當選|得主|线路|線路|路线|路線|途经|途經|地点|地點|名次|排名)[^：:]{0,6}[：:]\s*$/;

/**
 * Is the trailing run of `run` short blocks (which filterBodyBlocks would drop as leftovers of removed sections) the
 * article's own closing list? Three or more short unlinked lines under a lead-in that announces a list ("获奖名单：" /
 * "张三" / "李四" / "王五", "途经站点：" / "火车站" / "人民广场" / "高新区"), or under another lead-in that is no
 * furniture label when every line has a name's shape; or the last short items of an unlinked list of like short
 * entries that are kept. Chinese text only: a name or a place is a line of two or three characters there.
 */
export function isClosingShortList(out: Block[], run: number, isFurnitureLeadIn: (b: Block) => boolean): boolean {
  if (run === 0) return false;
  let j = out.length - 1;
  while (j >= 0 && isPlainChineseLine(out[j]) && weightedLength(out[j].text) <= SHORT_ENTRY_LEN && !/[：:]\s*$/.test(out[j].text)) j--;
  const entries = out.slice(j + 1);
  if (entries.length >= 3 && j >= 0 && !isFurnitureLeadIn(out[j]) && (LIST_LEAD_IN.test(out[j].text) || entries.every((b) => hasSurnameShape(b.text.trim())))) return true;
  // (The earlier item kept is an entry too, no sentence: a story's list item then menu words are not one list.)
  const tail = out.slice(out.length - run);
  const before = out[out.length - run - 1];
  return before !== undefined && before.kind === 'item' && isPlainChineseLine(before) && weightedLength(before.text) <= SHORT_ENTRY_LEN && tail.every((b) => b.kind === 'item' && isPlainChineseLine(b));
}
