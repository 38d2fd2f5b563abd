/**
 * Is this page an article? Decided by the page's own evidence, never by site rules, and explained.
 *
 * For an article: a headline, a body of running text (paragraphs with sentence punctuation, not made of link text),
 * article metadata (JSON-LD NewsArticle/Article/BlogPosting…, og:type=article, article:published_time), a publish
 * time the extractor found, one <article> element holding one <h1>.
 * Against (a listing or a data page): repeated teaser blocks (the same tag and class again and again, each a
 * headline link with a little text), text that is mostly link text (page and main block), pagination (rel=next,
 * "下一页", "next page", a run of page numbers), listing JSON-LD (CollectionPage, ItemList, SearchResultsPage),
 * many <article> elements, and data tables (most of the page's text in table cells holding numbers).
 *
 * Each piece of evidence adds or takes off points; the page is an article at ARTICLE_THRESHOLD and above. The
 * reasons list every piece that counted, with its points, for logs.
 *
 * Cost: one pass over the element list the extractor already has (stats come from its bottom-up pass); only
 * short anchors and short table cells have their text read, so the whole check is linear in the page.
 */
import type { Block } from './blocks.js';
import type { StatsMap } from './body-score.js';
import { isTag, isText, textContent, type AnyNode, type Element } from './dom.js';
import type { HeadData } from './head.js';
import { firstWord, textMetrics } from './text.js';
import { dataTableTotals, tallyCell, type TableTally } from './evidence-data-tables.js';
import { inFurniture, isInside, leadingLink, withinTeaser } from './evidence-teasers.js';

export type PageKind = 'article' | 'listing' | 'table' | 'other';

export interface PageClassification {
  isArticle: boolean;
  /** What the page is: an article, a listing (index, home page, search results), a data table page, or other. */
  kind: PageKind;
  /** Sum of the evidence points; an article at ARTICLE_THRESHOLD and above. */
  score: number;
  /** Each piece of evidence that counted, with its points, e.g. `jsonld NewsArticle +3`, `teasers 30×li.item -5`. */
  reasons: string[];
}

export interface EvidenceInput {
  /** Every element of the untouched page, in document order (scripts and <link> included). */
  all: Element[];
  /** Text statistics of the visible elements (after junk removal); an element without stats is not shown. */
  stats: StatsMap;
  head: HeadData;
  title?: string;
  publishedAt?: string;
  /** The extracted body blocks and the containers they came from. */
  blocks: Block[];
  roots: Element[];
}

/** Score at which a page is an article. */
export const ARTICLE_THRESHOLD = 2.5;
/** Same-class blocks with a headline link counted as a listing from this many on. */
const MIN_TEASERS = 5;
/** Weighted length (CJK ×2) of a headline link: shorter links are menu items. */
const MIN_HEADLINE_LEN = 16;
/** A teaser is short: a headline and a line or two of summary. */
const MAX_TEASER_LEN = 800;

const ARTICLE_LD = /Article|Posting|Report|Review/i;
const LISTING_LD = /"@type"\s*:\s*\[?\s*"(CollectionPage|ItemList|SearchResultsPage|SiteNavigationElement)"/;
const TEASER_TAGS = new Set(['li', 'div', 'article', 'section', 'dd', 'dt', 'tr', 'h2', 'h3', 'h4', 'p', 'span']);
const NEXT_WORDS = /^(?:下一?页|下页|后页|上一?页|前一?页|尾页|末页|(?:next|previous|prev)\s*page|(?:older|newer)(?:\s*(?:posts|entries|stories|articles))?|more\s*(?:stories|articles|news)|load\s*more|加载更多|查看更多)$/i;
const NUMERIC_ANCHOR = /^\[?\d{1,4}\]?$/;
// Hoisted out of the per-element loops: a regex literal in a function is a new RegExp object each time it runs.
const REL_NEXT = /(?:^|\s)next(?:\s|$)/i;
const LD_JSON = /ld\+json/i;
/** Arrows, dots and dashes around a link's text (« Previous, Next »); global, so only for replace(). */
const ARROW_ENDS = /^[\s<>«»‹›→←.…\-]+|[\s<>«»‹›→←.…\-]+$/g;

function ldTypesText(el: Element): string {
  let raw = '';
  for (const c of el.children) if (isText(c)) raw += c.data;
  return raw.length > 500_000 ? '' : raw;
}

const round = (x: number): number => Math.round(x * 10) / 10;
const signed = (x: number): string => (x >= 0 ? `+${round(x)}` : `${round(x)}`);

export function classifyPage(input: EvidenceInput): PageClassification {
  const { all, stats, head, blocks, roots } = input;
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, why: string): void => {
    if (points === 0) return;
    score += points;
    reasons.push(`${why} ${signed(points)}`);
  };

  // ---------------------------------------------------------------- one pass over the page
  let pageEl: Element | undefined;
  let h1 = 0;
  const articleEls: Element[] = [];
  const h1Els: Element[] = [];
  let relNext = false;
  let nextWord: string | undefined;
  let listingLd: string | undefined;
  const numericAnchors = new Map<AnyNode, number>();
  const teaserSet = new Set<Element>();
  const teaserEls = new Map<string | AnyNode, Element[]>();
  const tables = new Map<Element, TableTally>();
  for (const el of all) {
    const name = el.name;
    if (name === 'link') {
      if (REL_NEXT.test(el.attribs.rel ?? '')) relNext = true;
      continue;
    }
    if (name === 'script') {
      if (!listingLd && LD_JSON.test(el.attribs.type ?? '')) listingLd = LISTING_LD.exec(ldTypesText(el))?.[1];
      continue;
    }
    const s = stats.get(el);
    if (!s) continue; // removed as junk or hidden
    switch (name) {
      case 'body':
        pageEl ??= el;
        break;
      case 'h1':
        if (s.len > 0) {
          h1++;
          if (h1Els.length < 10) h1Els.push(el);
        }
        break;
      case 'article':
        articleEls.push(el);
        break;
      case 'a': {
        if (REL_NEXT.test(el.attribs.rel ?? '')) relNext = true;
        // Page numbers and "next page" words are short: longer anchors are not read.
        if (s.len === 0 || s.len > 16) break;
        const text = textContent(el).trim();
        if (NUMERIC_ANCHOR.test(text)) {
          let box: AnyNode | null = el.parent;
          if (box && isTag(box) && (box.name === 'li' || box.name === 'span' || box.name === 'em' || box.name === 'b' || box.name === 'strong')) box = box.parent;
          if (box) numericAnchors.set(box, (numericAnchors.get(box) ?? 0) + 1);
        } else if (!nextWord) {
          const bare = text.replace(ARROW_ENDS, '');
          if (NEXT_WORDS.test(bare)) nextWord = bare;
        }
        break;
      }
      case 'td':
      case 'th':
        tallyCell(el, s, tables);
        break;
    }
    if (TEASER_TAGS.has(name) && s.linkLen >= MIN_HEADLINE_LEN && s.len <= MAX_TEASER_LEN && s.linkLen >= s.len * 0.15) {
      // A teaser leads with its headline link, and that link is most of its link text (not a row of menu links).
      const lead = leadingLink(el);
      const leadLen = lead ? (stats.get(lead)?.len ?? 0) : 0;
      if (lead && leadLen >= MIN_HEADLINE_LEN && leadLen >= s.linkLen * 0.5) {
        teaserSet.add(el);
        // Same class anywhere on the page is one template; unclassed blocks repeat as siblings of one parent.
        const cls = firstWord(el.attribs.class ?? '');
        const key = cls ? `${name}.${cls}` : el.parent ?? el;
        const list = teaserEls.get(key);
        if (list) list.push(el);
        else teaserEls.set(key, [el]);
      }
    }
  }
  pageEl ??= all.find((el) => el.name === 'html' && stats.has(el));
  const page = pageEl ? stats.get(pageEl)! : undefined;
  const pageLen = page?.len ?? 0;

  // ---------------------------------------------------------------- running text of the body
  let proseLen = 0;
  let proseParas = 0;
  let bodyLen = 0;
  let teaserText = 0;
  for (const b of blocks) {
    if (b.kind === 'image') continue;
    const m = textMetrics(b.text);
    const wl = m.len;
    bodyLen += wl;
    // A teaser's summary is not the page's running text.
    if (teaserSet.size > 0 && withinTeaser(b.el, teaserSet)) {
      teaserText += wl;
      continue;
    }
    if (b.kind !== 'paragraph' && b.kind !== 'item') continue;
    const plain = b.text.length || 1;
    const linkShare = b.linkChars / plain;
    if (linkShare >= 0.3 || wl < 30) continue;
    if (m.punct === 0) continue;
    proseLen += wl * (1 - linkShare);
    proseParas++;
  }

  // ---------------------------------------------------------------- article evidence
  const ldType = head.article?.type;
  const ldArticle = ldType !== undefined && ARTICLE_LD.test(ldType);
  if (ldArticle) add(3, `jsonld ${ldType}`);
  const ogType = head.meta.get('og:type')?.[0]?.toLowerCase();
  if (ogType === 'article') add(2, 'og:type=article');
  const metaPublished = head.meta.has('article:published_time');
  if (metaPublished) add(1.5, 'article:published_time');
  if (input.publishedAt) add(1.5, 'publish time found');
  if (input.title) add(0.5, 'headline');
  if (h1 === 1) add(0.5, 'one h1');
  if (articleEls.length >= 1 && articleEls.length <= 2) {
    const inArticle = h1Els.filter((h) => articleEls.some((a) => isInside(h, a)));
    if (inArticle.length === 1) add(1, '<article> with one h1');
  }
  if (proseLen > 0) add(Math.min(4, proseLen / 250), `running text ${Math.round(proseLen)} in ${proseParas} paragraph(s)`);
  if (proseParas >= 5) add(1, 'several paragraphs');
  else if (proseParas >= 2) add(0.5, 'paragraphs');

  // ---------------------------------------------------------------- listing evidence
  // A page that calls itself an article (JSON-LD or og:type) and has a publish time is trusted more: a roundup
  // of linked items is still an article. Its teaser and link-text penalties count half.
  const declared = (ldArticle || ogType === 'article') && Boolean(input.publishedAt || metaPublished);
  const structural = declared ? 0.5 : 1;
  const furnitureMemo = new Map<Element, boolean>();
  let best: { key: string; main: number; len: number; inBody: number } | undefined;
  for (const [key, els] of teaserEls) {
    if (els.length < MIN_TEASERS) continue;
    let main = 0;
    let len = 0;
    let inBody = 0;
    for (const el of els) {
      if (inFurniture(el, furnitureMemo)) continue;
      main++;
      len += stats.get(el)?.len ?? 0;
      if (roots.some((r) => r === el || isInside(el, r))) inBody++;
    }
    if (!best || main > best.main) best = { key: typeof key === 'string' ? key : `${els[0].name} in ${isTag(key) ? key.name : 'page'}`, main, len, inBody };
  }
  let listing = false;
  if (best && best.main >= MIN_TEASERS) {
    listing = true;
    // 5 teasers: -1.5, 10: -2.5, 20: -4.5, 30 and more: -6. Teasers outside the body, beside an article's several
    // paragraphs of running text (its unmarked river of headlines), weigh a quarter; beside two or three paragraphs
    // at least half their size, half. Teasers that are the body, or sit beside one intro paragraph, weigh fully.
    let points = Math.min(6, 0.5 + best.main / 5);
    if (best.inBody < MIN_TEASERS) {
      if (proseParas >= 4) points *= 0.25;
      else if (proseParas >= 2 && best.len <= proseLen * 2) points *= 0.5;
    }
    add(-points * structural, `teasers ${best.main}×${best.key}`);
  }
  if (teaserText > 0 && teaserText >= proseLen) {
    listing = true;
    add(-2 * structural, `body mostly teasers (${Math.round(teaserText)} vs ${Math.round(proseLen)} running text)`);
  }
  if (articleEls.length >= 4) {
    listing = true;
    add(-1.5, `${articleEls.length} <article> elements`);
  }
  let mainLen = 0;
  let mainLinkLen = 0;
  for (const r of roots) {
    const s = stats.get(r);
    if (!s) continue;
    mainLen += s.len;
    mainLinkLen += s.linkLen;
  }
  const mainDensity = mainLen > 0 ? mainLinkLen / mainLen : 0;
  if (mainDensity >= 0.5) {
    listing = true;
    add(-3 * structural, `main block ${Math.round(mainDensity * 100)}% link text`);
  } else if (mainDensity >= 0.3) {
    listing = true;
    add(-1.5 * structural, `main block ${Math.round(mainDensity * 100)}% link text`);
  }
  const pageDensity = page && page.len > 0 ? page.linkLen / page.len : 0;
  // Only for a page without two paragraphs of running text: a short article in a link-heavy template is still one.
  if (pageDensity >= 0.6 && proseParas < 2) {
    listing = true;
    add(-1.5, `page ${Math.round(pageDensity * 100)}% link text`);
  }
  let pageRun = 0;
  for (const n of numericAnchors.values()) pageRun = Math.max(pageRun, n);
  const pagination = relNext ? 'rel=next' : nextWord ? `"${nextWord}"` : pageRun >= 3 ? `${pageRun} page numbers` : undefined;
  if (pagination) {
    listing = true;
    add(-1, `pagination ${pagination}`);
  }
  if (listingLd) {
    listing = true;
    add(-2, `jsonld ${listingLd}`);
  }

  // ---------------------------------------------------------------- data tables
  const { dataLen, dataCells } = dataTableTotals(tables);
  const tableShare = pageLen > 0 ? dataLen / pageLen : 0;
  const table = tableShare >= 0.5 && proseLen < dataLen * 0.25;
  if (table) add(-5, `data table: ${dataCells} cells, ${Math.round(tableShare * 100)}% of the text`);

  // ---------------------------------------------------------------- decision
  const hasBody = bodyLen >= 20;
  if (!hasBody) reasons.push('no body text');
  const isArticle = hasBody && score >= ARTICLE_THRESHOLD;
  const kind: PageKind = isArticle ? 'article' : table ? 'table' : listing ? 'listing' : 'other';
  return { isArticle, kind, score: round(score), reasons };
}

