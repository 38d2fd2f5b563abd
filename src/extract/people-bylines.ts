/**
 * Byline elements (rel=author, itemprop=author, .byline/.author, <address>): which elements are bylines and the
 * names they give (people.ts asks them in its order of evidence).
 */
import { classAndId, closest, elementsIn, textContent, type Element } from './dom.js';
import type { StatsMap } from './body-score.js';
import { authorFromText, cleanPersonName, hasSurnameShape, isReviewerCredit, otherLanguageByline } from './byline.js';
import { withBracketedCoWriters } from './byline-latin.js';
import { isPersonName, NAME_PARTICLE } from './people-names.js';
import { credentialsOf, namesFromRuns } from './people-runs.js';
import { elementRuns } from './people-segments.js';
import { collapseSpace } from './text.js';
import { isBylineElement } from './people-byline-marks.js';

export { isBylineElement };

/**
 * The byline elements that credit the items of a list after the article, left out: a related-notes list's cards, each
 * with its own `<a class="author">` (three or more of one tag and class, each in its own parent, naming two or more
 * different people, each item linking elsewhere too) name the items' writers, not the page's. Members at or before
 * the article's last line (`end`) stay: a theme's byline class is often the same on the article and on its related list.
 */
export function withoutListedBylines(bylines: Element[], order: Element[], end: Element | undefined): Element[] {
  if (!end || bylines.length < 3) return bylines;
  const groups = new Map<string, Element[]>();
  for (const el of bylines) {
    const key = `${el.name} ${el.attribs.class ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(el);
    else groups.set(key, [el]);
  }
  const listed = [...groups.values()].filter(
    (g) =>
      g.length >= 3 &&
      new Set(g.map((e) => e.parent)).size === g.length &&
      new Set(g.map((e) => collapseSpace(textContent(e)))).size >= 2 &&
      g.every(linksElsewhere),
  );
  if (listed.length === 0) return bylines;
  const index = new Map<Element, number>();
  const wanted = new Set<Element>([end, ...listed.flat()]);
  for (let i = 0; i < order.length && index.size < wanted.size; i++) if (wanted.has(order[i])) index.set(order[i], i);
  const endAt = index.get(end);
  if (endAt === undefined) return bylines;
  const drop = new Set(listed.flat().filter((e) => (index.get(e) ?? -1) > endAt && !closest(e, (a) => a === end, 50)));
  return drop.size === 0 ? bylines : bylines.filter((e) => !drop.has(e));
}

/**
 * Whether the byline's item links somewhere beside the byline (a card's title link to its own article): a list of
 * other items. An "about the authors" box after the article holds names and bios, no item links: its bylines are
 * the article's writers.
 */
function linksElsewhere(byline: Element): boolean {
  const item = byline.parent;
  if (!item || item.type !== 'tag') return false;
  return elementsIn(item).some((e) => e.name === 'a' && e.attribs.href !== undefined && e !== byline && !closest(e, (x) => x === byline, 20));
}

const LOGIN_PART = /log-?in|log-?on|sign-?in|passw|register|unlogin/i;

/** Classes of a writer's name link inside a byline element. */
const NAME_LINK_CLASS = /(?:^|\s)(?:name|author-?name|user-?name|nick-?name|screen-?name)(?:\s|$)/i;

/**
 * Byline elements: "By Jane Doe", "作者：张三", or a bare name. Co-writers printed each in a byline element of their own,
 * side by side (`<div class="author"><a>Jane Doe</a><span>Reporter</span></div><div class="author">…John Roe…`,
 * `<span class="author">张三</span><span class="author">李四</span>`), are all the writers, not the first alone.
 */
export function authorFromBylineElements(bylines: Element[], stats: StatsMap, valid: (a: string | undefined) => string | undefined): string | undefined {
  for (let i = 0; i < bylines.length; i++) {
    const name = nameOfByline(bylines[i], stats, valid);
    if (name === undefined) continue;
    let names = writersFrom(bylines[i], name, stats, valid);
    // A wrapper marked as a byline too (`<div class="authors">` around the writers' `<div class="author">`s) reads as
    // its first writer: the group inside it, read from its first member, holds them all.
    for (let j = i + 1; j < bylines.length && j <= i + 2 * MAX_CO_WRITERS && closest(bylines[j], (e) => e === bylines[i], 20); j++) {
      const inner = nameOfByline(bylines[j], stats, valid);
      if (inner === undefined) continue;
      const group = writersFrom(bylines[j], inner, stats, valid);
      if (group.length > Math.max(1, names.reduce((n, x) => n + nameCount(x), 0))) names = group;
    }
    return names.join(names.some((n) => /[A-Za-z]/.test(n)) ? ', ' : ' ');
  }
  return undefined;
}

/** How many writers a byline string names ("A and B", "A, B", "张三 李四"). */
function nameCount(names: string): number {
  return names.split(/\s*(?:[,，、;；&]|\band\b|\bund\b|\bet\b)\s*|\s+(?=[\u3400-\u9fff])/).filter(Boolean).length;
}

function writersFrom(el: Element, name: string, stats: StatsMap, valid: (a: string | undefined) => string | undefined): string[] {
  return [name, ...coWriters(el, name, stats, valid)].filter((n, i, all) => all.indexOf(n) === i);
}

/** Co-writer elements read after the first byline at most (a byline lists a handful of writers). */
const MAX_CO_WRITERS = 7;
/** What may stand between two writers' elements: space or a separator ("，", "、", "and", "&"). */
const BETWEEN_WRITERS = /^\s*(?:[,，、&;；|｜/]|and|und|et|y|和|与|與|及)?\s*$/i;

/**
 * The names of the byline elements that follow `el` as its siblings, of its tag and class, with nothing but space or a
 * separator between them, each giving one valid name; the run ends at the first that does not.
 */
function coWriters(el: Element, firstName: string, stats: StatsMap, valid: (a: string | undefined) => string | undefined): string[] {
  const out: string[] = [];
  const parent = el.parent;
  if (!parent || parent.type !== 'tag') return out;
  if (!firstName.split(/\s*[,，、]\s*|\s+(?=[\u3400-\u9fff])/).every((n) => isPersonName(n))) return out;
  const first = labelBefore(el, firstName);
  const siblings = (parent as Element).children;
  for (let i = siblings.indexOf(el) + 1; i < siblings.length && out.length < MAX_CO_WRITERS; i++) {
    const node = siblings[i];
    if (node.type === 'text' || node.type === 'comment') {
      if (node.type === 'text' && !BETWEEN_WRITERS.test((node as { data: string }).data)) break;
      continue;
    }
    if (node.type !== 'tag') break;
    const sib = node as Element;
    if (sib.name !== el.name || sib.attribs.class !== el.attribs.class || !isBylineElement(sib)) break;
    const name = nameOfByline(sib, stats, valid);
    // One writer per element (an element listing several is a byline of its own), named as a person is (a related
    // list's titles are no writers), and credited as the first is: "Fact-checked by" or "摄影" over the next name
    // is another role.
    if (name === undefined || /[,，、&]|\band\b/.test(name) || !isPersonName(name) || labelBefore(sib, name) !== first) break;
    // A role printed after the name ("Mary Major Photographer", "John Roe, Editor") credits another job.
    if (OTHER_ROLE.test(textAfter(sib, name))) break;
    out.push(name);
  }
  return out;
}

/** Jobs other than writing the story, as a byline element prints them after a name. */
const OTHER_ROLE = /photo|foto|editor|edited|editing|illustrat|graphic|video|camera|produc|design|fact[- ]?check|translat|摄影|攝影|编辑|編輯|图片|圖片|视频|視頻|设计|設計|校对|校對|审核|審核/i;

/** The words a byline element prints after its name, lower-cased; '' for none. */
function textAfter(el: Element, name: string): string {
  const text = collapseSpace(elementRuns(el).join(' '));
  const at = text.indexOf(name);
  return at >= 0 ? text.slice(at + name.length).trim().toLowerCase() : '';
}

/** The words a byline element prints before its name ("Written by", "作者："), lower-cased; '' for none. */
function labelBefore(el: Element, name: string): string {
  const text = collapseSpace(elementRuns(el).join(' '));
  const at = text.indexOf(name);
  return (at > 0 ? text.slice(0, at) : '').replace(/[\s:：|｜/／]+/g, ' ').trim().toLowerCase();
}

/** The names byline elements (`bylines`, in page order) give (each valid). */
export function* bylineElementNames(bylines: Element[], stats: StatsMap, valid: (a: string | undefined) => string | undefined): Generator<string> {
  for (const el of bylines) {
    const name = nameOfByline(el, stats, valid);
    if (name !== undefined) yield name;
  }
}

/** A span of a Latin name: capitalised words. */
const NAME_PART = /^\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*)*$/u;

/** The name one byline element gives, if valid. */
function nameOfByline(el: Element, stats: StatsMap, valid: (a: string | undefined) => string | undefined): string | undefined {
  const size = stats.get(el)?.len ?? 0;
  if (size === 0 || size > 200) return undefined;
  // A login or comment box marked "author" (`<div class="tie-author"><div class="js-loginInput">账号 …<label>自动登录`):
  // a byline holds no form labels and no login part. (Small elements only: the walk is short; the parser has
  // already dropped the <input>s themselves.)
  if (elementsIn(el).some((e) => e.name === 'label' || LOGIN_PART.test(classAndId(e)))) return undefined;
  // One marked name element is the name; several (<a rel=author>A</a> and <a rel=author>B</a>) are read together.
  // The writer's own link, marked by its class (`<a class="name" href="/7598135991">W安全边际</a>` beside
  // "来自雪球 发布于…"): its first text run is the name, whatever else the element holds.
  const nameLink = elementsIn(el).find((e) => e.name === 'a' && NAME_LINK_CLASS.test(e.attribs.class ?? ''));
  const linked = nameLink ? elementRuns(nameLink)[0] : undefined;
  if (linked && valid(linked)) return linked;
  const marked = elementsIn(el).filter((e) => e.attribs.itemprop === 'name' || /(?:^|\s)author(?:\s|$)/i.test(e.attribs.rel ?? ''));
  const nameEl = marked.length === 1 ? marked[0] : undefined;
  // Text runs, not textContent: "<span>Howard Blume</span><span>Staff Writer</span>" is two tokens.
  const runs = elementRuns(nameEl ?? el);
  const text = collapseSpace(runs.join(' '));
  if (!text || text.length > 120) return undefined;
  // The marked name element's words split over spans (`<span class="firstname">Marlene</span> <span class="lastname">Lundberg
  // Holm</span>`): one name, not a first name to drop and a surname to read alone.
  const splitName = nameEl && runs.length > 1 && runs.every((r) => NAME_PART.test(r)) && !/^by\b/i.test(text) && isPersonName(text) ? text : undefined;
  let name = splitName ?? withinOneRun(authorFromText(text), runs) ?? otherLanguageByline(text);
  // (A reviewer's credit, "Reviewed by Jane Doe", is no byline: the last-resort reviewer step reads it, not the whole-text fallback.)
  if (!name && isReviewerCredit(text)) return undefined;
  if (!name) {
    // No byline label: the element's words are names only by their shape.
    name = unlabelledChineseNames(namesFromRuns(runs));
    // The whole text as a name: only when each Chinese token is name-sized ("hope_wisdom 发出的红包" is not).
    if (!name && text.length <= 60 && !/\d{4}|[:：]|@|https?:|编辑|来源/.test(text) && text.split(' ').every((w) => !/[\u3400-\u9fff]/.test(w) || w.length <= 4 || /[·•]/.test(w))) name = unlabelledChineseNames(cleanPersonName(text));
  }
  // (What the check gives back, not what it was given: "Von dpa" is "dpa", as the other byline steps read it.)
  name = name && valid(name);
  if (!name) return undefined;
  // "Martin Untersinger (avec Damien Leloup et Morgane Tual)": the co-writers the bracket after the name lists.
  return /[A-Za-z]/.test(name) && !/[,&]|\band\b/.test(name) ? withBracketedCoWriters(name, collapseSpace(textContent(el))) : name;
}

/**
 * A Latin name read on past the end of its own element into the next one ("Written By: <span>Celeste Longacre</span>
 * <span>Gardener & Astrologer</span>" read as "Celeste Longacre Gardener", "<span>A. J. Neal</span> <span>View In
 * Digital Edition</span>" read as "A. J. Neal View In"): the element holding the name's start, of two or more words,
 * is the whole name when the rest is not what a name continues with (see nameGoesOn). A co-writer after a join
 * ("<a>Jane Doe</a> and <a>John Roe</a>") stays; a second writer's own element right after the first ("<a>Jane
 * Doe</a> <a>John Roe</a>", the comma drawn by CSS) is joined with ", ".
 */
const CO_WRITER_JOIN = /^\s*(?:,|;|&|and\b|und\b)/i;

export function withinOneRun(name: string | undefined, runs: string[]): string | undefined {
  if (!name || !/[A-Za-z]/.test(name) || /[\u3400-\u9fff]/.test(name)) return name;
  const clean = runs.map((r) => collapseSpace(r).trim());
  for (let i = 0; i < clean.length; i++) {
    const run = clean[i];
    if (!(run.length < name.length && name.startsWith(run) && name[run.length] === ' ' && !CO_WRITER_JOIN.test(name.slice(run.length)) && run.includes(' ') && isPersonName(run))) continue;
    const next = wholeRunsAfter(name.slice(run.length).trim(), clean, i + 1);
    if (!next) return run;
    if (nameGoesOn(next)) return name;
    return next.every((r) => r.includes(' ') && isPersonName(r) && !TAGLINE_WORD.test(r)) ? [run, ...next].join(', ') : run;
  }
  return name;
}

/** The runs from `start` on that make up `rest` exactly, or undefined when the rest ends inside a run. */
function wholeRunsAfter(rest: string, runs: string[], start: number): string[] | undefined {
  const out: string[] = [];
  let joined = '';
  for (let j = start; j < runs.length && joined.length < rest.length; j++) {
    if (!runs[j]) continue;
    out.push(runs[j]);
    joined = out.join(' ');
  }
  return joined === rest && out.length > 0 ? out : undefined;
}

/**
 * Words of a job title or tagline set after a name in an element of its own ("Gardener", "Your Part-Time
 * Controller", "Marketing Content Lead"): not a surname, nor a second writer.
 */
const TAGLINE_WORD = /(?:^|\s)(?:Your|Our|My|The|A|An|Meet|Gardener|Astrologer|Controller|Accountant|Advisor|Adviser|Planner|Coach|Trainer|Therapist|Nutritionist|Dietitian|Chef|Expert|Partner|Owner|Lead|Marketing|Content|Freelance|Guest|Certified|Licensed|Registered|Part-Time|Full-Time)(?=\s|$)/;
/** A particle and a surname ("de Vries", "van Beethoven"). */
const PARTICLE_SURNAME = new RegExp(String.raw`^${NAME_PARTICLE}\s\p{Lu}[\p{L}'’-]*$`, 'u');
/** One surname, middle name or initial, in capitals or not ("Smith", "SARTRE", "F."). */
const NAME_WORD = /^\p{Lu}[\p{L}'’-]*\.?$/u;

/**
 * Does a name go on into the element(s) after its first one? The rest is one name word, an initial, a particle and
 * surname, or a generational suffix or credential ("Jr.", "III", "MD", "PhD"), and not a job-title word.
 */
function nameGoesOn(next: string[]): boolean {
  const rest = next.join(' ');
  if (credentialsOf(rest, false) !== undefined) return true;
  if (TAGLINE_WORD.test(rest)) return false;
  return (next.length === 1 && (NAME_WORD.test(rest) || PARTICLE_SURNAME.test(rest))) || false;
}

/**
 * Several Chinese words read as names from an element without a byline label ("发布了 篇专栏", "王克丹 新知答主",
 * "沸点 话题 小册"): each further name must have a surname's shape; the list ends at the first that does not, and
 * is none when its first word does not either. One word alone (a pen name, a handle) is left as it is.
 */
function unlabelledChineseNames(names: string | undefined): string | undefined {
  if (!names || !/[\u3400-\u9fff]/.test(names) || /[A-Za-z]/.test(names)) return names;
  const words = names.split(/[\s、]+/).filter(Boolean);
  if (words.length < 2) return names;
  const kept: string[] = [];
  for (const w of words) {
    if (!hasSurnameShape(w)) break;
    kept.push(w);
  }
  return kept.length === 0 ? undefined : kept.join(names.includes('、') ? '、' : ' ');
}
