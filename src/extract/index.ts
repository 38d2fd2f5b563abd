/**
 * extractArticle: one page of HTML → title, times, people, body (text + Markdown), links and metadata.
 * Never throws: each stage runs guarded, and a failure leaves its fields empty with a reason in `warnings`.
 */
import type { Article, ExtractOptions } from './types.js';
import { classifyPage } from './articleEvidence.js';
import type { Block } from './blocks.js';
import { emitBlocks } from './block-emitter.js';
import { extractBody } from './body.js';
import { flightArticleHtml } from './body-flight.js';
import { filterBodyBlocks } from './body-clean.js';
import { computeStats, type StatsMap } from './body-score.js';
import { attachCaptions } from './captions.js';
import { isAncestor, isTag, parsePage, removeJunk, withTextCache, type Element } from './dom.js';
import { formatDate } from './dates.js';
import { parseMachineDate } from './dates-machine.js';
import { metaFirst, readHead } from './head.js';
import { baseUrlOf, collectOutlinks, linksToSelf, resolveHttpUrl, UrlResolver } from './links.js';
import { comparable, weightedLength } from './text.js';
import { blocksToMarkdown, blocksToText } from './markdown.js';
import { extractCanonical, extractCategory, extractDescription, extractImages, extractLanguage, extractTags, normalizeLang } from './meta.js';
import { resolveOverrides } from './overrides.js';
import { findBodyStart, pageLines, pageZones, type PageZones } from './page-lines.js';
import { extractPeople } from './people.js';
import { siteNamesOf } from './people-site.js';
import { extractTimes } from './published.js';
import { inferTimezone, isValidZone, shownClockZone } from './timezone.js';
import { articleTitle, extractTitle, titleFromMetadata, type TitleResult } from './title.js';
import { headlineNearBody } from './title-copies.js';
import { titleFromLines } from './title-lines.js';
import { namesOnlyParts, namesOnlySiteAndSection } from './title-site-section.js';
import { squashKey } from './title-keys.js';

export type { Article, ArticleImage, ExtractOptions } from './types.js';
export { ARTICLE_THRESHOLD, classifyPage, type PageClassification, type PageKind } from './articleEvidence.js';

/** Past this, a page is reported as slow in `warnings` (the budget is 200 ms per page). */
const SLOW_PAGE_MS = 200;
/** Above this many elements the optional page-wide text pass is skipped. */
const MAX_ELEMENTS_FOR_LINES = 30_000;

function emptyArticle(warnings: string[]): Article {
  return { tags: [], images: [], body: '', markdown: '', outlinks: [], warnings, classification: { isArticle: false, kind: 'other', score: 0, reasons: ['extraction failed'] } };
}

/** Run one stage; on error record why and return the fallback, so other fields still come out. */
function guarded<T>(stage: string, warnings: string[], fallback: T, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    warnings.push(`${stage} failed: ${err instanceof Error ? err.message : String(err)}`);
    return fallback;
  }
}

/**
 * A metadata title of a few characters that no element on the page repeats ("新闻中心", "正文", "News") names the
 * page type or section, not the story: a plain headline line above the body is then the better title.
 */
// (Or one made only of site and section names, "某某网-新闻中心": title-site-section.ts.)
const genericTitle = (t: string): boolean => weightedLength(t) <= 10 || namesOnlySiteAndSection(t);

/**
 * A <title> of a few characters that a heading repeats may still be a channel's name, its page title and banner
 * ("网易娱乐" over the story): a headline-sized heading line after that heading and above the body is the article's own
 * headline. (A short headline followed by its info line has no such line under it: "雄安新区".)
 */
function ownHeadlineBelow(matched: TitleResult, lines: Block[], bodyStart: number, order: Element[], stats: StatsMap, metadata: string | undefined, channels: string[] = []): TitleResult {
  const el = matched.el;
  if (!el || !matched.title || bodyStart < 0) return matched;
  const own = titleFromLines(lines, bodyStart, stats, undefined, metadata, [...channels, squashKey(matched.title)]);
  if (!own?.el || !own.title || own.el === el || weightedLength(own.title) < 16 || isAncestor(own.el, el) || isAncestor(el, own.el)) return matched;
  return order.indexOf(own.el) > order.indexOf(el) ? own : matched;
}

/**
 * The matched title is the <title>, or a whole part of a <title> made of site and section names only ("国内新闻" of
 * "国内新闻_某某网"; "国内" is not one).
 */
function namesPage(title: string, docTitle: string): boolean {
  const t = squashKey(title);
  const doc = squashKey(docTitle);
  return t === doc || (doc.startsWith(t) && CHANNEL_WORD.test(doc.slice(t.length))) || (namesOnlyParts(docTitle)?.some((p) => squashKey(p) === t) ?? false);
}

/** What a <title> adds to a channel's banner heading ("网易娱乐" of the <title> "网易娱乐频道"): the page is the channel's. */
const CHANNEL_WORD = /^(?:频道|頻道|栏目|欄目|首页|首頁|专栏|專欄|专区|專區|板块|版块|官网|官網)$/;

export function extractArticle(html: string, options: ExtractOptions): Article {
  const warnings: string[] = [];
  try {
    // The tree is read many times over once removeJunk has run: textContent is computed once per element.
    return withTextCache(() => run(html, options, warnings));
  } catch (err) {
    warnings.push(`extraction failed: ${err instanceof Error ? err.message : String(err)}`);
    return emptyArticle(warnings);
  }
}

function run(html: string, options: ExtractOptions, warnings: string[]): Article {
  const started = performance.now();
  if (typeof html !== 'string') {
    warnings.push('input is not a string');
    return emptyArticle(warnings);
  }
  let timezone = options.timezone;
  if (timezone !== undefined && !isValidZone(timezone)) {
    warnings.push(`unknown timezone "${timezone}", using UTC`);
    timezone = 'UTC';
  }
  const url = options.url ?? '';
  const now = options.now instanceof Date && Number.isFinite(options.now.getTime()) ? options.now : undefined;
  // `page.$` is read only when there are overrides: reading it builds cheerio's wrapper (about 1% of a page's time).
  const page = parsePage(html);
  const doc = page.doc;
  warnings.push(...page.warnings);
  // The untouched page's elements (listed by parsePage's own walk) for <head> data, <base> and links; then
  // scripts etc. are removed.
  const all = page.elements;
  const base = baseUrlOf(page.base, url);
  if (!base) warnings.push('no valid page URL: relative links cannot be resolved');
  const urls = new UrlResolver(base, resolveHttpUrl(url, undefined) ?? base);

  const overrides = options.overrides ? guarded('overrides', warnings, undefined, () => resolveOverrides(page.$, html, options.overrides)) : undefined;
  if (overrides) warnings.push(...overrides.warnings);
  const head = readHead(all);
  const outlinks = guarded('outlinks', warnings, [] as string[], () => collectOutlinks(all, urls));
  const canonicalUrl = guarded('canonical', warnings, undefined, () => extractCanonical(all, head, base));

  const { stats, order } = computeStats(removeJunk(doc));
  // A <meta name="headline"> is the CMS's own headline field: bare, where <title>/og:title carry the site's template.
  const titleSources = { docTitle: head.docTitle, ogTitle: metaFirst(head, 'og:title', 'twitter:title'), headline: head.article?.headline ?? metaFirst(head, 'headline'), siteNames: siteNamesOf(head) };
  const overrideTitle = overrides?.values.get('title');
  const matched = overrideTitle ? {} : guarded('title', warnings, {} as TitleResult, () => extractTitle(order, stats, titleSources));
  // Site names the page shows and the <title> repeats (title.ts) are cut from the metadata titles too.
  const namedSources = matched.siteNames ? { ...titleSources, siteNames: [...titleSources.siteNames, ...matched.siteNames] } : titleSources;
  const metadataTitle = titleFromMetadata(namedSources);

  const provisionalTitle = overrideTitle ?? matched.title ?? metadataTitle;
  const found = findBody(order, stats, urls, provisionalTitle, overrides?.bodyElements ?? [], warnings, extractDescription(head));
  const roots = found.roots;
  let blocks = found.blocks;

  // The first <body> only: found, not filtered for (a pass over every element of the page).
  const firstBody = order.find((el) => el.name === 'body');
  const pageRoots = firstBody ? [firstBody] : [];
  // A huge or hostile page: skip the page-wide line pass that bylines and text dates use (decided on size, not on
  // elapsed time, so the same page always gives the same result).
  const tooManyElements = order.length > MAX_ELEMENTS_FOR_LINES;
  if (tooManyElements) warnings.push(`page has ${order.length} elements: skipped byline and text-date search`);
  const lines = tooManyElements ? [] : guarded('lines', warnings, [] as Block[], () => pageLines(pageRoots.length > 0 ? pageRoots : doc.children.filter(isTag), stats));
  let titleResult: TitleResult = overrideTitle ? { title: overrideTitle } : matched;
  // A sticky top bar may repeat the headline: the copy leading into the body is the one times and bylines sit by.
  const firstEl = titleResult.el;
  if (firstEl && blocks[0]) titleResult = { ...titleResult, el: guarded('title', warnings, firstEl, () => headlineNearBody(order, stats, firstEl, blocks[0].el)) };
  if (!overrideTitle && titleResult.title && head.docTitle && namesPage(titleResult.title, head.docTitle) && genericTitle(titleResult.title)) {
    titleResult = guarded('title', warnings, titleResult, () => ownHeadlineBelow(titleResult, lines, findBodyStart(lines, roots), order, stats, articleTitle(namedSources), matched.channels));
  }
  if (!titleResult.title) {
    // No element matches <title>/og:title: the <title> is generic or the page has none.
    titleResult =
      guarded('title', warnings, undefined, () => titleFromLines(lines, findBodyStart(lines, roots), stats, linksToSelf(order, urls, [url, canonicalUrl]), articleTitle(namedSources), matched.channels, !metadataTitle || genericTitle(metadataTitle), metadataTitle)) ??
      { title: metadataTitle };
    const first = blocks[0];
    if (first && titleResult.title && first.text.length < 400 && comparable(first.text).endsWith(comparable(titleResult.title))) blocks = blocks.slice(1);
  }
  const title = titleResult.title;
  // No text in the markup: a client-rendered article's HTML may sit in the page's Next.js payload (body-flight).
  if (blocks.length === 0 && overrides?.bodyElements === undefined) blocks = guarded('body payload', warnings, blocks, () => payloadBody(html, urls, title, warnings));
  const bodyText = blocksToText(blocks);
  const markdown = blocksToMarkdown(blocks);

  const language = guarded('language', warnings, undefined, () => extractLanguage(head, bodyText, title));
  // No zone given: a Chinese (Japanese, Korean) page keeps its country's clock.
  // Otherwise the page is read in UTC, and only the clock it shows as text is taken to be its country's.
  const inferred = timezone === undefined ? inferTimezone(language, url) : undefined;
  const shownZone = timezone === undefined && inferred === undefined ? shownClockZone(language, url) : undefined;
  timezone ??= inferred ?? 'UTC';

  const emptyZones: PageZones = { lines, bodyStart: -1, header: [], bodyEdges: [], after: [], beforeTitle: [] };
  const zones = guarded('zones', warnings, emptyZones, () => pageZones(lines, roots, titleResult.el, title));
  const times = guarded('dates', warnings, {}, () => extractTimes(order, head, zones, url, timezone!, { lang: language, now, shownZone }));
  const people = guarded('people', warnings, {}, () => extractPeople(order, stats, head, zones, title, [url, canonicalUrl]));

  const article: Article = {
    title,
    canonicalUrl,
    language,
    description: extractDescription(head),
    publishedAt: times.publishedAt,
    modifiedAt: times.modifiedAt,
    author: people.author,
    editor: people.editor,
    publisher: people.publisher,
    category: guarded('category', warnings, undefined, () => extractCategory(order, stats, head, zones.header, zones.lines, title)),
    tags: guarded('tags', warnings, [] as string[], () => extractTags(order, head, zones.lines)),
    images: guarded('images', warnings, [], () => extractImages(head, blocks, base)),
    body: bodyText,
    markdown,
    outlinks,
    warnings,
  };
  if (overrides) applyOverrideValues(article, overrides.values, timezone!, base, warnings);

  // Article or not, by the page's own evidence (the crawler's decision when a source has no articlePattern).
  article.classification = guarded('classification', warnings, { isArticle: false, kind: 'other' as const, score: 0, reasons: ['classification failed'] }, () =>
    classifyPage({ all, stats, head, title: article.title, publishedAt: article.publishedAt, blocks, roots }),
  );
  if (!article.title) warnings.push('title: not found');
  if (!article.publishedAt) warnings.push('publishedAt: not found');
  const elapsed = performance.now() - started;
  if (elapsed > SLOW_PAGE_MS) warnings.push(`slow page: ${Math.round(elapsed)} ms`);
  return article;
}

/** The body from the HTML string in the page's Next.js payload, when there is one with text; else none. */
function payloadBody(html: string, urls: UrlResolver, title: string | undefined, warnings: string[]): Block[] {
  const fragment = flightArticleHtml(html, title);
  if (!fragment) return [];
  const { stats, order } = computeStats(removeJunk(parsePage(`<html><body>${fragment}</body></html>`).doc));
  const body = extractBody(order, stats, { urls, title });
  if (body.blocks.length === 0) return [];
  warnings.push("body: taken from the page's Next.js payload");
  return body.blocks;
}

/** Body blocks from the configured selector when there is one, else from the content finder. */
function findBody(
  order: Element[],
  stats: StatsMap,
  urls: UrlResolver,
  title: string | undefined,
  overrideRoots: Element[],
  warnings: string[],
  description?: string,
): { blocks: Block[]; roots: Element[] } {
  if (overrideRoots.length > 0) {
    const blocks = guarded('body override', warnings, [] as Block[], () => filterBodyBlocks(attachCaptions(emitBlocks(overrideRoots, { urls })), title));
    return { blocks, roots: overrideRoots };
  }
  const body = guarded('body', warnings, undefined, () => extractBody(order, stats, { urls, title, description }));
  if (!body) return { blocks: [], roots: [] };
  warnings.push(...body.warnings);
  return { blocks: body.blocks, roots: body.roots };
}

function applyOverrideValues(article: Article, values: Map<string, string>, timezone: string, base: string | undefined, warnings: string[]): void {
  for (const [field, value] of values) {
    switch (field) {
      case 'publishedAt':
      case 'modifiedAt': {
        const p = parseMachineDate(value, { timezone });
        if (p) article[field] = formatDate(p, timezone);
        else warnings.push(`override ${field}: "${value.slice(0, 40)}" is not a date`);
        break;
      }
      case 'tags':
        article.tags = [...new Set(value.split(/[,，;；、|]+/).map((t) => t.trim()).filter(Boolean))];
        break;
      case 'canonicalUrl':
        article.canonicalUrl = resolveHttpUrl(value, base) ?? article.canonicalUrl;
        break;
      case 'language':
        article.language = normalizeLang(value) ?? value;
        break;
      case 'title':
      case 'author':
      case 'editor':
      case 'publisher':
      case 'category':
      case 'description':
        article[field] = value;
        break;
      case 'body':
        article.body = value;
        article.markdown = value;
        break;
    }
  }
}
