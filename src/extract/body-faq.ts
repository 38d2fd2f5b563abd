/**
 * A question-and-answer section closing the article ("Frequently asked questions": a run of questions, each
 * followed by its answer), which templates render in a box of its own after the article's column (an accordion,
 * tabs, a <footer> of the article). Its answers are prose written for this article, so it is part of the body, though
 * the scorer's container stops before it. Recognised by structure, not by name: two or more question lines (short,
 * ending in "?") each followed by unlinked answer prose, and little else.
 */
import { isAncestor, isTag, textContent, type Element } from './dom.js';
import { linkDensity, type StatsMap } from './body-score.js';
import { isStrongNegative } from './hints.js';

/** How many levels above the last container, and how many following siblings at each, are looked at. */
const MAX_LEVELS_UP = 4;
/** Only the first siblings holding text at each level: the FAQ closes the article, it is not somewhere below it. */
const MAX_SIBLINGS = 2;
/** Share of the FAQ's longer words the article itself uses: its questions are about the article's subject. */
const MIN_SHARED_WORDS = 0.4;
const LONG_WORD = /\p{L}{5,}/gu;
const MIN_QUESTIONS = 2;
/** A question line: a short text ending in "?" (weighted length). */
const QUESTION_MIN = 10;
const QUESTION_MAX = 200;
/** Answers: at least this much unlinked text in all, and per question on average. */
const MIN_ANSWER_TEXT = 150;
const MIN_ANSWER_PER_QUESTION = 40;
/** A section bigger than the article (this share of its text) is not its closing FAQ. */
const MAX_SHARE_OF_BODY = 1;
const MAX_LINK_DENSITY = 0.3;
/** Share of the FAQ box's parts that hold a question. */
const MIN_ASKING_PARTS = 0.4;

const QUESTION_END = /[?？]\s*$/;
/** Elements whose text is one line: where a question sits (an accordion's <summary>, a heading, a tab label). */
const LINE_TAGS = new Set(['summary', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'label', 'button', 'p', 'div', 'span', 'strong', 'b']);

/** The FAQ section right after the chosen containers, or undefined. */
export function faqAfterBody(roots: Element[], stats: StatsMap, unlikely: ReadonlySet<Element>): Element | undefined {
  const last = roots[roots.length - 1];
  if (!last) return undefined;
  const bodyLen = roots.reduce((n, r) => n + (stats.get(r)?.len ?? 0), 0);
  let bodyWords: Set<string> | undefined;
  let cur: Element = last;
  for (let level = 0; level <= MAX_LEVELS_UP; level++) {
    const parent = cur.parent;
    if (!parent || !isTag(parent) || parent.name === 'body' || parent.name === 'html') return undefined;
    const kids = parent.children;
    let seen = 0;
    for (let i = kids.indexOf(cur) + 1; i < kids.length && seen < MAX_SIBLINGS; i++) {
      const k = kids[i];
      if (!isTag(k)) continue;
      const s = stats.get(k);
      if (!s || s.len === 0) continue;
      seen++;
      const found = faqWithin(k, stats, bodyLen);
      // A comment thread whose posters ask questions, or a box holding one, is not the article's FAQ.
      if (!found || holdsUnlikely(found, unlikely)) continue;
      bodyWords ??= new Set(roots.flatMap((r) => longWords(textContent(r))));
      const words = longWords(textContent(found));
      const shared = words.filter((w) => bodyWords!.has(w)).length;
      if (words.length > 0 && shared / words.length >= MIN_SHARED_WORDS) return found;
    }
    cur = parent;
  }
  return undefined;
}

/** The box inside `el` (or `el`) holding a run of same-template questions with their answers, if there is one. */
function faqWithin(el: Element, stats: StatsMap, bodyLen: number): Element | undefined {
  const outer = stats.get(el);
  if (!outer || linkDensity(outer) > MAX_LINK_DENSITY * 2 || isStrongNegative(el) || roleIsFurniture(el)) return undefined;
  // A FAQ's questions come from one template (same tag and class); a stray "Was this page helpful?" or a
  // question a thread's poster asks does not join them.
  const groups = new Map<string, Element[]>();
  for (const q of questionLines(el, stats)) {
    const key = `${q.name}.${q.attribs.class ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(q);
    else groups.set(key, [q]);
  }
  const questions = [...groups.values()].sort((a, b) => b.length - a.length)[0];
  if (!questions || questions.length < MIN_QUESTIONS) return undefined;
  const box = lowestCommonAncestor(questions, el);
  // The questions are the box's rhythm: most of its parts hold one (question/answer pairs, or a question heading
  // over each answer), where a thread's posts ask one now and then.
  const parts = box.children.filter((c): c is Element => isTag(c) && (stats.get(c)?.len ?? 0) > 0);
  const asking = askingParts(questions, box).size;
  if (asking < parts.length * MIN_ASKING_PARTS) return undefined;
  const s = stats.get(box);
  if (!s || s.len > bodyLen * MAX_SHARE_OF_BODY || linkDensity(s) > MAX_LINK_DENSITY) return undefined;
  if (box !== el && (isStrongNegative(box) || roleIsFurniture(box))) return undefined;
  const questionText = questions.reduce((n, q) => n + (stats.get(q)?.len ?? 0), 0);
  const answers = s.len - s.linkLen - questionText;
  if (answers < MIN_ANSWER_TEXT || answers < questions.length * MIN_ANSWER_PER_QUESTION) return undefined;
  // Each question is followed by its answer: the text after the last question is an answer too.
  if (!hasTextAfter(questions[questions.length - 1], box, stats)) return undefined;
  return box;
}

/** The box's children that are or hold a question (each question's ancestors walked once, not parts × questions). */
function askingParts(questions: Element[], box: Element): Set<Element> {
  const out = new Set<Element>();
  for (const q of questions) {
    let cur: Element = q;
    while (cur.parent && cur.parent !== box && isTag(cur.parent)) cur = cur.parent as Element;
    if (cur.parent === box) out.add(cur);
  }
  return out;
}

function holdsUnlikely(box: Element, unlikely: ReadonlySet<Element>): boolean {
  for (const u of unlikely) if (u === box || isAncestor(box, u)) return true;
  return false;
}

function lowestCommonAncestor(els: Element[], root: Element): Element {
  let at: Element = els[0];
  while (at !== root && !els.every((e) => e === at || isAncestor(at, e)) && at.parent && isTag(at.parent)) at = at.parent as Element;
  return at;
}

function longWords(text: string): string[] {
  return text.toLowerCase().match(LONG_WORD) ?? [];
}

function roleIsFurniture(el: Element): boolean {
  const role = el.attribs.role ?? '';
  return /^(?:navigation|complementary|contentinfo|search|menu|dialog)$/.test(role) || el.name === 'nav' || el.name === 'aside' || el.name === 'form';
}

/** The innermost one-line elements of `root` whose text is a question. */
function questionLines(root: Element, stats: StatsMap): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    const s = stats.get(el);
    if (!s) continue;
    if (el !== root && LINE_TAGS.has(el.name) && !s.hasBlockChild && s.len >= QUESTION_MIN && s.len <= QUESTION_MAX) {
      // A linked question leads to another page (a related story's headline), a FAQ's question does not.
      if (s.linkLen === 0 && QUESTION_END.test(textContent(el))) out.push(el);
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (isTag(c)) stack.push(c);
    }
  }
  return out;
}

/** Is there unlinked text after `q` inside `root` (at any level below it)? */
function hasTextAfter(q: Element, root: Element, stats: StatsMap): boolean {
  for (let cur: Element = q; cur !== root && cur.parent && isTag(cur.parent); cur = cur.parent as Element) {
    const kids = cur.parent.children;
    for (let i = kids.indexOf(cur) + 1; i < kids.length; i++) {
      const k = kids[i];
      if (!isTag(k)) continue;
      const s = stats.get(k);
      if (s && s.len - s.linkLen >= MIN_ANSWER_PER_QUESTION / 2) return true;
    }
    if (!isAncestor(root, cur.parent)) break;
  }
  return false;
}
