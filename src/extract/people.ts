/**
 * Author, editor and publisher/source, combining structured data (JSON-LD, meta), byline elements
 * (rel=author, itemprop=author, .byline/.author), links to writer pages and the Chinese/English text patterns of
 * byline.ts and source-text.ts. Candidates are taken zone by zone (the info line under the headline, the body's
 * first and last lines, the lines after it), most specific first; the zones are re-read with element boundaries
 * as token boundaries (people-segments.ts), and every author candidate must pass the name checks of
 * people-names.ts (no outlet, interface word, slogan or editor).
 */
import type { Element } from './dom.js';
import type { StatsMap } from './body-score.js';
import { metaFirst, type HeadData } from './head.js';
import type { PageZones } from './page-lines.js';
import { authorFromInfoLine, authorFromText, cleanPersonName, editorFromText, looksLikeChineseName, nameBesideDate, otherLanguageByline, photographerFromText, reviewerFromText, sourceFromDateline, sourceFromInfoLine, sourceFromOutletLine, sourceFromReporterLine, sourceFromText, sourceUnderLabel, trailingNames, trailingOutlet } from './byline.js';
import { nameBeforeHandle, nameBesideDateLine, nameBeforeRole, ownerOfOriginal, posterAbovePostedLine, posterAfterDate, posterOfFooter, signedOffName } from './byline-posters.js';
import { isAccountName, isAcceptableAuthor, isOutletName, isPersonName, isPlaceholderName, agencyAfterBylineWord, withoutBylineWord, withoutLeadingOutlet, withoutTrailingChrome } from './people-names.js';
import { segmentLines } from './people-segments.js';
import { creditBesideDate } from './info-line.js';
import { authorFromBylineElements, bylineElementNames, isBylineElement, withinOneRun, withoutListedBylines } from './people-bylines.js';
import { authorBesideAvatar, authorFromProfileLinks, authorFromUserLinks, loneNameAfterTitle } from './people-links.js';
import { accountOf, outletOpeningByline, PLATFORM, sourceFromElements } from './people-source.js';
import { comparable } from './text.js';
import { bloggerInTitle, fullerFromMeta, labelledMetaAuthor, metaAuthor, structuredAuthor, withoutGroupCoAuthors } from './people-meta.js';
import { siteNamesOf, withTitleSite } from './people-site.js';
import { metaPersonNotSite, nameBesideLabel, nameUnderLabel } from './people-labels.js';
import { abbreviatesSite, unlessBrand, unrepeated, withoutEdgeSymbols, withoutOutletToken } from './people-brand.js';
import { englishNameBeforeRole, wireReporters } from './byline-latin.js';
import { closest } from './dom.js';
import { inSideBox } from './people-side-box.js';

export interface People {
  author?: string;
  editor?: string;
  publisher?: string;
}

/** Elements whose lines caption or sit beside the story: a name and role there is not its byline. */
const OUTSIDE_STORY = /^(?:figure|figcaption|caption|aside)$/;

function firstOf<T>(items: Iterable<{ text: string }>, fn: (text: string) => T | undefined): T | undefined {
  for (const it of items) {
    const v = fn(it.text);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** firstOf over lines whose element the check also reads. */
function firstOfLine<L extends { text: string }, T>(items: L[], fn: (line: L) => T | undefined): T | undefined {
  for (const it of items) {
    const v = fn(it);
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * Credits that label the items of a list, not the page: a glossary's cards or a reading list each crediting its own
 * origin (来源：维基百科 / 来源：arXiv论文 / 来源：机器之心 …). Three or more labelled credits on the page, naming two or more
 * origins, are the items'; the names they give (those read as outlets) are returned.
 */
function itemCredits(lines: readonly { text: string }[]): Set<string> {
  // Every labelled credit counts, also one naming no outlet (a paper cited).
  const labelled = lines.filter((l) => CREDIT_LABEL.test(l.text));
  const values = labelled.map((l) => CREDIT_LABEL.exec(l.text)![1]);
  if (values.length < 3 || new Set(values).size < 2) return new Set();
  // (Only the labelled lines are read again: they are the items' credits.)
  return new Set(labelled.map((l) => sourceFromText(l.text)).filter((x): x is string => x !== undefined));
}
const CREDIT_LABEL = /(?:^|[^\u3400-\u9fff])(?:来源|來源|稿源|出处|出處)\s*[:：]\s*(\S.{0,11})/;

/** Names from the info-line zone: several byline lines ("本报实习生 刘国栋 周炜" / "本报记者 王燕平") are joined. */
function authorsFromHeader(header: { text: string; runs?: string[] }[], valid: (a: string | undefined) => string | undefined): string | undefined {
  const names: string[] = [];
  for (const l of header) {
    const a = valid(withinOneRun(authorFromText(l.text), l.runs ?? []));
    if (a) names.push(a);
    else if (names.length > 0) break;
    if (names.length >= 3) break;
  }
  if (names.length === 0) return undefined;
  const sep = names.some((n) => /[A-Za-z]/.test(n)) ? ', ' : ' ';
  return [...new Set(names)].join(sep);
}

/** The words the page's lines write starting in lower case ("transport", "change"): common words, not names. */
function lowerCaseWords(lines: readonly { text: string }[]): Set<string> {
  const out = new Set<string>();
  for (const l of lines) for (const m of l.text.matchAll(/(?<!\p{L})\p{Ll}[\p{Ll}'’-]*/gu)) out.add(m[0]);
  return out;
}

export function extractPeople(order: Element[], stats: StatsMap, head: HeadData, zones: PageZones, title: string | undefined, pageUrls: Array<string | undefined> = []): People {
  const siteNames = withTitleSite(siteNamesOf(head), head.docTitle);
  // The page's byline elements, found once: up to three of the steps below read them, each a pass over the page.
  let bylineEls: Element[] | undefined;
  // (Not the bylines of a list's items after the article: a related list's cards each credit their own writer.)
  const bodyEndEl = zones.bodyEnd !== undefined && zones.bodyEnd >= 0 ? zones.lines[zones.bodyEnd]?.el : undefined;
  let allBylineEls: Element[] | undefined;
  const allBylines = (): Element[] => (allBylineEls ??= order.filter(isBylineElement));
  const bylines = (): Element[] => (bylineEls ??= withoutListedBylines(allBylines(), order, bodyEndEl));
  // The metadata zones re-read with element boundaries as token boundaries ("来源：<a>新京报</a><a>举报</a>").
  const cache = new Map<Element, string[][]>();
  const header = segmentLines(zones.header, stats, cache);
  const bodyEdges = segmentLines(zones.bodyEdges, stats, cache);
  const after = segmentLines(zones.after, stats, cache);
  const beforeTitle = segmentLines(zones.beforeTitle, stats, cache);
  const edgeZones = [...bodyEdges, ...after];
  const tail = bodyEdges.slice(-4).filter((l) => l.text.length <= 40);

  // The info line's bare words beside the date (info-line.ts), read once: the source and the author chains both ask.
  let credit: ReturnType<typeof creditBesideDate> | undefined;
  const infoCredit = (): ReturnType<typeof creditBesideDate> => (credit ??= creditBesideDate(header));

  // The words the page writes in lower case, read once when a step asks whether a capitalised line is a topic's.
  let lowerWords: Set<string> | undefined;
  const isCommonWord = (word: string): boolean => (lowerWords ??= lowerCaseWords(zones.lines)).has(word);

  const editor = firstOf([...after, ...bodyEdges, ...header], editorFromText) ?? firstOf(zones.lines, editorFromText);

  // A credit read around and after the article (the chain's late steps), unless the page's lists credit their items so.
  let listed: Set<string> | undefined;
  const pageCredit = (text: string): string | undefined => {
    const name = sourceFromText(text);
    if (name === undefined) return undefined;
    listed ??= itemCredits(zones.lines);
    return listed.has(name) ? undefined : name;
  };
  const source =
    firstOf(header, sourceFromText) ??
    firstOf([...header, ...bodyEdges.slice(0, 3)], sourceFromDateline) ??
    firstOf(header, sourceFromInfoLine) ??
    sourceFromOutletLine(header) ??
    // "<dt>来源</dt><dd>某某日报</dd>": the label on one line, the outlet on the next.
    sourceUnderLabel(header) ??
    sourceFromElements(order, stats, zones) ??
    outletOpeningByline(bylines(), stats) ??
    infoCredit().source ??
    firstOf(edgeZones, pageCredit) ??
    // "<div>来源：</div><div>新京报</div>" closing the article: the label and the outlet in elements of their own.
    sourceUnderLabel(edgeZones) ??
    firstOf(tail, sourceFromInfoLine) ??
    // "新京报记者 张三" opening the story, no date beside it: the outlet before 记者.
    firstOf([...header, ...bodyEdges.slice(0, 3)], sourceFromReporterLine) ??
    // "…。（中央社）": the wire service credited in brackets closing the story.
    firstOf(bodyEdges.slice(-3).reverse(), trailingOutlet) ??
    firstOf(zones.lines.slice(0, 400), pageCredit);
  // "（中時）" closing the body: the outlet's short name in the bracket where wire copy puts its writers' names.
  const closingOutlet = firstOf(bodyEdges.slice(-3), (t) => {
    const n = trailingNames(t);
    return n && abbreviatesSite(n, siteNames) ? n : undefined;
  });
  const { account, writer, byAddress } = accountOf(order, head, siteNames, [...pageUrls, metaFirst(head, 'og:url')]);
  // An account platform's article (WeChat): the account is the source, whatever the text credits.
  // An outlet in the JSON-LD author slot (app portals: "author": "新华社") is the credited source, not a person.
  const ldOutlet = (head.article?.authors ?? []).find((a) => isOutletName(a) && !isPlaceholderName(a));
  // A hosting platform ("微信公众平台", "今日头条") names no outlet: without the account's name, no source.
  // (An account known only by the page's address yields to a printed source line.)
  const found = (byAddress ? source : undefined) ?? account ?? [source, ldOutlet, closingOutlet, head.article?.publisher, ...siteNames].find((p) => p && !PLATFORM.test(p.trim()));
  const publisher = found && unrepeated(found);

  const exclude = [...siteNames, ...(publisher ? [publisher] : []), ...(editor ? [editor] : [])].map(comparable);
  // A personal blog's site name is its writer's name ("Damien Walter"): a Latin full name is not excluded for
  // being the site's name; Chinese site names are outlets or accounts, so they are.
  const siteLike = (a: string): boolean => (exclude.includes(comparable(a)) && !(/^[A-Z]/.test(a) && a.includes(' ') && isPersonName(a))) || abbreviatesSite(a, siteNames);
  const valid = (raw: string | undefined): string | undefined => {
    const a = raw && withoutBylineWord(withoutTrailingChrome(withoutLeadingOutlet(raw)));
    if (a && !siteLike(a) && isAcceptableAuthor(a, editor)) return a;
    const agency = raw && agencyAfterBylineWord(raw);
    return agency && !siteLike(agency) ? agency : undefined;
  };

  // The writer is kept as the account prints it ("🌏华商君"); only the check reads it without its decoration.
  const acceptableWriter = (a: string | undefined): string | undefined => (a && isAcceptableAuthor(withoutEdgeSymbols(a), editor) ? a : undefined);
  // (A CMS account's display name, "webmaster", "Editorial Staff", names no writer: read as no structured author.)
  const ldAuthors = withoutGroupCoAuthors((head.article?.authors ?? []).filter((a) => !isAccountName(a)).map(cleanPersonName).filter((x): x is string => !!x && isAcceptableAuthor(x) && !isAccountName(x)));
  // A Person reached only through the graph's references is the CMS account that posted the story (SEO plugins
  // write the uploader's display name there): a plain byline printed under the headline names the writer over it.
  const plainByline = (): string | undefined => (head.article?.authorsByReference ? authorsFromHeader(header, valid) : undefined);
  const author =
    // (The account's writer field may hold a prompt to the reader instead of a name, "读武汉关注☞": checked for
    // interface words once the emoji and arrows around it are dropped.)
    (writer ? acceptableWriter(cleanPersonName(writer)) : undefined) ??
    structuredAuthor(ldAuthors, [...header, ...bodyEdges, ...after, ...beforeTitle], () => authorFromBylineElements(bylines(), stats, valid) ?? authorFromProfileLinks(header.slice(0, 8), valid) ?? plainByline(), valid) ??
    authorsFromHeader(header, valid) ??
    (infoCredit().marked ? valid(infoCredit().author) : undefined) ??
    firstOf(header, (t) => valid(otherLanguageByline(t))) ??
    firstOf(bodyEdges, (t) => valid(authorFromText(t))) ??
    // (Not a credit in a box of its own beside the story: a sidebar column credits its own items.)
    firstOfLine(after, (l) => { const a = valid(authorFromText(l.text)); return a && !inSideBox(l.el, zones) ? a : undefined; }) ??
    firstOf(bodyEdges.slice(-3), (t) => valid(trailingNames(t))) ??
    valid(signedOffName(bodyEdges[bodyEdges.length - 1]?.text ?? '')) ??
    firstOf(beforeTitle, (t) => valid(authorFromText(t))) ??
    firstOf([...beforeTitle, ...header], (t) => valid(nameBeforeRole(t))) ??
    // Some portals put the writer in the closing "来源：" line when the publication is named above.
    (source ? firstOf(bodyEdges.slice(-3), (t) => {
      const named = sourceFromText(t);
      return named && named !== source && looksLikeChineseName(named) ? valid(named) : undefined;
    }) : undefined) ??
    authorFromBylineElements(bylines(), stats, valid) ??
    firstOf(edgeZones, (t) => valid(otherLanguageByline(t))) ??
    // (Without a found headline the header is the few lines right above the body, the info line last among them.
    // An info line inside the article's container is read as the body's first line: its profile link counts too.)
    authorFromProfileLinks([...(zones.titleIndex !== undefined && zones.titleIndex >= 0 ? header.slice(0, 6) : header), ...beforeTitle, ...bodyEdges.slice(0, 2)], valid) ??
    authorFromUserLinks(header, valid) ??
    authorBesideAvatar([...header.slice(0, 8), ...beforeTitle], valid) ??
    // The footer sits under the post's tag, share and profile rows, past the few lines read after the body.
    (zones.bodyEnd !== undefined && zones.bodyEnd >= 0 ? firstOf(zones.lines.slice(zones.bodyEnd + 1, zones.bodyEnd + 41), (t) => valid(posterAfterDate(t))) : undefined) ??
    firstOf(header, (t) => valid(authorFromInfoLine(t))) ??
    valid(infoCredit().author) ??
    valid(loneNameAfterTitle(zones, title)) ??
    // A fact list's "Autorin/Autor | <name>" row under the article (its sidebar), before the metadata's author, which
    // such sites fill with their own name.
    // A meta author that is a person's name, not the site's, wins over it.
    (metaPersonNotSite(metaAuthor(head), siteNames, pageUrls) ? undefined : valid(nameBesideLabel(zones.bodyEnd !== undefined && zones.bodyEnd >= 0 ? [...header, ...zones.lines.slice(zones.bodyEnd + 1, zones.bodyEnd + 41)] : header))) ??
    valid(unlessBrand(metaAuthor(head), head.docTitle, siteNames)) ??
    valid(labelledMetaAuthor(head)) ??
    // A wire story's closing credit line, "(Reporting by Jane Doe; Editing by John Roe)": after the metadata's author.
    firstOf(bodyEdges.slice(-3), (t) => valid(wireReporters(t))) ??
    // "Jane Doe | Staff writer" over or opening the story, not a caption's or a side box's line (a person pictured or a
    // related story's writer).
    firstOf([...header, ...bodyEdges.slice(0, 2)].filter((l) => !closest(l.el, (e) => OUTSIDE_STORY.test(e.name), 8)), (t) => valid(englishNameBeforeRole(t))) ??
    firstOf(header, (t) => valid(nameBesideDate(t))) ??
    // (Each zone apart: the headline stands between them.)
    // (English pages only: the name shapes it trusts are English ones, and other languages' agencies look alike.)
    (englishPage(head) ? valid(nameBesideDateLine(header.slice(0, 8), isPersonName, isCommonWord) ?? nameBesideDateLine(beforeTitle, isPersonName, isCommonWord)) : undefined) ??
    valid(nameUnderLabel(header)) ??
    firstOf([...beforeTitle, ...header, ...bodyEdges], (t) => valid(ownerOfOriginal(t))) ??
    valid(nameUnderLabel(after)) ??
    // The writer's box closing the story (face, name, bio), its avatar and name agreeing and the box marked the writer's.
    authorBesideAvatar([...bodyEdges.slice(-3), ...after.slice(0, 6)], valid, true) ??
    // A post card's head "display name @handle" over or under the headline, or opening the post.
    firstOf([...header.slice(0, 6), ...beforeTitle, ...bodyEdges.slice(0, 1)], (t) => valid(nameBeforeHandle(t))) ??
    // A post card's name line over its "发布于 <time>" line, above or under the headline.
    valid(posterAbovePostedLine(beforeTitle)) ??
    valid(posterAbovePostedLine(header.slice(0, 6))) ??
    // A blog footer "Posted by X at <time>" inside what was taken for the body (a page whose post box is unmarked).
    (zones.bodyStart >= 0 ? firstOf(zones.lines.slice(zones.bodyStart, zones.bodyStart + 400), (t) => valid(posterOfFooter(t))) : undefined) ??
    // A blog's <title> naming its writer before the platform ("标题_张三_新浪博客"), when the page prints the name only
    // in a sidebar's profile box.
    valid(bloggerInTitle(head.docTitle)) ??
    firstOf([...header, ...bodyEdges], (t) => valid(photographerFromText(t))) ??
    // "Reviewed by Jane Doe, MD" over a story that credits no writer: the one person the page names for it.
    firstOf([...header, ...beforeTitle], (t) => valid(reviewerFromText(t)));

  const named = fullerFromMeta(withoutOutletToken(author, siteNames, publisher), [metaAuthor(head), labelledMetaAuthor(head)]);
  // A one-word author (a display name in the metadata: "Linda") is often the start of the byline the page shows;
  // every byline element is read for its full form, a related list's too (only a name extending it counts);
  // an all-capitals word is an agency's initials ("SID"), not a first name.
  const fuller = named && !/\s/.test(named.trim()) && named !== named.toUpperCase() ? fullerFromMeta(named, firstBylines(allBylines(), stats, valid)) : named;
  return { author: fuller, editor, publisher };
}

/** A page that declares English, or no language at all. */
function englishPage(head: HeadData): boolean {
  return head.htmlLang === undefined || /^en\b/i.test(head.htmlLang);
}

/** Byline elements read for a one-word author's full form (a page repeats its byline a few times at most). */
const MAX_BYLINES = 8;

function firstBylines(bylines: Element[], stats: StatsMap, valid: (a: string | undefined) => string | undefined): string[] {
  const out: string[] = [];
  for (const name of bylineElementNames(bylines, stats, valid)) if (out.push(name) >= MAX_BYLINES) break;
  return out;
}
