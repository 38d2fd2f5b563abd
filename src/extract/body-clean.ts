/**
 * Furniture inside the chosen container: navigation, share bars, related lists, comments, ads. Elements are judged
 * by tag, class/id hints and link density (Readability's "clean conditionally", tuned for CJK text); text lines by
 * the boilerplate phrases news sites use (责任编辑, 版权所有, "Share this", "Related:" …).
 */
import { classAndId, elementsIn, isAncestor, isTag, textContent, type Element } from './dom.js';
import type { Block } from './blocks.js';
import { classWeight, isMarkedArticleBody, isStrongNegative } from './hints.js';
import { linkDensity, unlinkedTextBeside, type NodeStats, type StatsMap } from './body-score.js';
import { comparable, weightedLength } from './text.js';
import { NUMBERED_ITEM } from './body-closing.js';
import { hasPlainColumn, isDataTable } from './tables.js';

const ALWAYS_FURNITURE = new Set(['nav', 'aside', 'menu', 'dialog']);
const FURNITURE_ROLES = /^(?:navigation|complementary|contentinfo|banner|search|menu|menubar|toolbar|dialog)$/;
const INLINE_CONTAINERS = new Set(['span', 'font']);
const CONTAINERS = new Set(['div', 'section', 'ul', 'ol', 'dl', 'table', 'form', 'span', 'center', 'font', 'p', 'header', 'footer']);

/** Subtrees under `roots` to leave out of the body. */
export function findFurniture(roots: Element[], stats: StatsMap): Set<Element> {
  const skip = new Set<Element>();
  for (const root of roots) {
    const rootLen = stats.get(root)?.len ?? 0;
    const spared: Element[] = [];
    const found = furnitureIn(root, stats, rootLen, true, spared);
    // Page builders name every block of the article "…-widget" (Elementor): when the class words would remove
    // nearly all of the chosen container, they describe the layout, not furniture; judge on links alone. Prose
    // boxes the class words name count as named too (else sparing them would let the words take the rest).
    const named = spared.length > 0 ? new Set([...found, ...spared]) : found;
    let removed = 0;
    for (const el of named) if (!hasSkippedAncestor(el, named, root)) removed += stats.get(el)?.len ?? 0;
    const kept = rootLen > 0 && removed > rootLen * 0.8 ? furnitureIn(root, stats, rootLen, false) : found;
    for (const el of kept) skip.add(el);
  }
  return skip;
}

function furnitureIn(root: Element, stats: StatsMap, rootLen: number, byClass: boolean, spared?: Element[]): Set<Element> {
  const skip = new Set<Element>();
  // Code is content whatever its highlighter calls the spans (<span class="hljs-comment">): never furniture.
  const inCode = new Set<Element>();
  for (const el of elementsIn(root)) {
    if (el.name === 'pre' || el.name === 'code' || (el.parent && inCode.has(el.parent as Element))) {
      inCode.add(el);
      continue;
    }
    if (hasSkippedAncestor(el, skip, root)) continue;
    if (!isFurniture(el, stats, rootLen, byClass, root, spared)) continue;
    // The article's own header comes before its prose (later headers open a chart or an embed).
    const dek = el.name === 'header' && proseBeside(el, root, stats, -1) < STANDFIRST_MIN ? standfirstIn(el, stats) : undefined;
    if (dek === el) continue;
    if (dek) skipAllBut(el, dek, skip);
    else skip.add(el);
  }
  return skip;
}

/** A standfirst: a sentence or two of unlinked prose under the headline, no heading or byline line. */
const STANDFIRST_MIN = 80;
const SENTENCE_END_EN = /[.!?…"”'’)]\s*$/;

/**
 * The standfirst in the article's own <header> (the headline, the byline and date around it go with the header):
 * the header itself when it holds nothing else, or its one prose paragraph.
 */
function standfirstIn(header: Element, stats: StatsMap): Element | undefined {
  const isDek = (el: Element): boolean => {
    const s = stats.get(el);
    if (!s || s.len < STANDFIRST_MIN || s.linkLen > 0 || s.hasBlockChild) return false;
    const text = textContent(el).trim();
    return SENTENCE_END_EN.test(text) && !isInfoLine(text);
  };
  if (isDek(header)) return header;
  let found: Element | undefined;
  for (const d of elementsIn(header)) {
    if (d.name !== 'p' || !isDek(d)) continue;
    if (found) return undefined;
    found = d;
  }
  return found;
}

/** Everything under `el` except `keep` and the wrappers leading to it. */
function skipAllBut(el: Element, keep: Element, skip: Set<Element>): void {
  for (const c of el.children) {
    if (!isTag(c) || c === keep) continue;
    if (isAncestor(c, keep)) skipAllBut(c, keep, skip);
    else skip.add(c);
  }
}

function hasSkippedAncestor(el: Element, skip: Set<Element>, root: Element): boolean {
  if (skip.size === 0) return false;
  let cur = el.parent;
  while (cur && cur !== root) {
    if (skip.has(cur as Element)) return true;
    cur = cur.parent;
  }
  return false;
}

function isFurniture(el: Element, stats: StatsMap, rootLen: number, byClass: boolean, root: Element, spared?: Element[]): boolean {
  const s = stats.get(el);
  if (!s) return false;
  const share = rootLen > 0 ? s.len / rootLen : 0;
  if (ALWAYS_FURNITURE.has(el.name)) return share < 0.5;
  const role = el.attribs.role;
  if (role && FURNITURE_ROLES.test(role)) return share < 0.5;
  if ((el.name === 'header' || el.name === 'footer') && share < 0.3) return !isSectionHeader(el, root, stats);
  if (!CONTAINERS.has(el.name)) return false;
  if (isMarkedArticleBody(el)) return false;
  // A small form (a sign-up or search box; its fields are gone, its labels are left) is never the article; a form
  // wrapping the whole page (ASP.NET's) is more than a small share of the container.
  if (el.name === 'form' && share < FORM_MAX_SHARE) return true;
  const ld = linkDensity(s);
  const hinted = hintTarget(el);
  const weight = classWeight(hinted);
  const strong = isStrongNegative(hinted);
  // "social-media-embed" wrappers hold embedded posts the article quotes: those are content.
  if ((strong || weight < 0) && holdsEmbeddedPost(el)) return false;
  // Without class words (they would remove nearly all of the container) strong class words are layout too
  // ("sidebar-grid__content" columns holding every paragraph).
  if (byClass && strong && share < 0.35) return true;
  if (byClass && weight < 0 && share < 0.25) {
    if (!isProseBox(el, s, hinted, stats)) return true;
    spared?.push(el);
  }
  if (el.name === 'p') return ld > 0.8 && s.len < 200 && !isLinkedSubheadingP(el, stats) && !isLinkInProse(el, root, stats);
  // Inline wrappers go by their class, or when they are a pop-up card of links inside a sentence
  // ("Kristi Noem" + a hidden card of her latest stories); plain inline links are prose.
  if (INLINE_CONTAINERS.has(el.name)) return isHoverCard(el, s.len, ld);
  const proseLen = s.len - s.linkLen;
  if (el.name === 'ul' || el.name === 'ol') {
    // A list of linked headlines each followed by a sentence or two is content ("10 things you need to know").
    const items = el.children.filter((c) => c.type === 'tag' && (c as Element).name === 'li').length || 1;
    if (proseLen / items >= 60) return false;
    if (ld > 0.35 && el.name === 'ul' && itemsAreSentences(el, stats)) return false;
    if (ld > 0.35 && items >= 2 && proseBeside(el, root, stats, 1) >= 200 && proseBeside(el, root, stats, -1) >= 200) return false;
    // One-item lists of a link, each over a paragraph about it, repeated: the bulleted subheadings of a round-up
    // (a lone one is a promo link: "BBC Africa Live updates").
    if (items === 1 && isLinkedSubheadingP(el, stats) && linkedItemSiblings(el, stats) >= ROUNDUP_MIN_ITEMS) return false;
    return ld > 0.35;
  }
  if (ld > 0.5 && s.len > 0 && proseLen < 500) return !isLinkedDataTable(el, s.len, stats);
  // Short link-bearing boxes without sentences: tag lists, "more" boxes, pagers.
  if (weight <= 0 && ld > 0.25 && s.len < 300 && s.punct < 3) return true;
  return false;
}

/** Class words that name a box by what it is about (its author, its legal text), not by its layout. */
const ABOUT_BOX = /bio|author|byline|profile|copyright|disclaim|cookie|gdpr|consent|legal|subscribe|signup|login|cta|caption|credit|meta|image|photo|(?:^|[\s_-])ads?(?:$|[\s_-])|adv/i;
/** Unlinked text a weakly-named box needs to read as the article's prose. */
const PROSE_BOX_MIN = 200;
/** A paragraph, not a label line. */
const PROSE_P_MIN = 60;

/**
 * Prose in a box a weak class word names ("c-product-widget", "banner-item", "rank-math-block"): the words describe
 * the layout, the text is paragraphs of the article (a review in a round-up, a FAQ). Several sentences in
 * paragraphs, almost no links; boxes named for what they hold (bios, legal text, sign-up) keep their rule.
 */
function isProseBox(el: Element, s: NodeStats, hinted: Element, stats: StatsMap): boolean {
  if (s.len - s.linkLen < PROSE_BOX_MIN || linkDensity(s) >= 0.1 || s.punct < 4) return false;
  if (ABOUT_BOX.test(classAndId(hinted))) return false;
  let paragraphs = 0;
  for (const d of elementsIn(el)) if (d.name === 'p' && (stats.get(d)?.len ?? 0) >= PROSE_P_MIN && ++paragraphs >= 2) return true;
  return false;
}

/**
 * A <header> opening a section of the article (HTML5 sectioning: <section><header><h2>…</h2></header>…): it holds
 * a subheading and the article's prose comes before it. The page's or the article's own header comes first.
 */
function isSectionHeader(el: Element, root: Element, stats: StatsMap): boolean {
  if (el.name !== 'header') return false;
  let heading = false;
  for (const d of elementsIn(el)) if (/^h[2-6]$/.test(d.name)) heading = true;
  return heading && proseBeside(el, root, stats, -1) >= 200;
}

/** `el` is, or wraps, a data table with a column of plain values that holds most of its text (linked names beside
 * figures: a ranking, a price list). */
export function isLinkedDataTable(el: Element, len: number, stats: StatsMap): boolean {
  const table = el.name === 'table' ? el : elementsIn(el).find((d) => d.name === 'table');
  if (!table || (stats.get(table)?.len ?? 0) < len * 0.8) return false;
  return isDataTable(table, (t) => stats.get(t)?.len ?? 0) && hasPlainColumn(table);
}

const FORM_MAX_SHARE = 0.2;

const LIST_TAGS = new Set(['ul', 'ol', 'dl', 'table']);

/** Paragraphs of prose beside `el` (see unlinkedTextBeside): link lists and citation lists around it do not count. */
function proseBeside(el: Element, root: Element, stats: StatsMap, step: 1 | -1): number {
  return unlinkedTextBeside(el, root, stats, step, (k, s) => !LIST_TAGS.has(k.name) && linkDensity(s) < 0.3);
}

/** Non-link text an item needs to read as a sentence around its links ("Ana fixed [a crash in the tab bar]"). */
const ITEM_PROSE_MIN = 20;
/** Share of the items that must be such sentences (a round-up mixes them with a few bare links). */
const SENTENCE_ITEM_SHARE = 0.6;
/** Words of a clause: three in a row, or Chinese text running into sentence punctuation (not a citation's
 * "Author. Publisher." pieces). */
const WORDS = /[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}|[\u4e00-\u9fff]{2}[，。！？；]/i;

/**
 * A list whose items are sentences with links in them (release notes, "this week" round-ups) is content; a
 * navigation or related list has items that are links alone, or a link and a date. Needs three items or more,
 * most of them sentences. Bulleted lists only: a numbered list of that shape is a reference list (author, title,
 * publisher around the link), which the body leaves out.
 */
function itemsAreSentences(list: Element, stats: StatsMap): boolean {
  let items = 0;
  let sentences = 0;
  for (const c of list.children) {
    if (!isTag(c) || c.name !== 'li') continue;
    items++;
    const s = stats.get(c);
    if (s && s.len - s.linkLen >= ITEM_PROSE_MIN && WORDS.test(ownText(c))) sentences++;
  }
  return (items >= 3 && sentences >= items * SENTENCE_ITEM_SHARE) || (items >= 1 && sentences === items);
}

/** The item's text outside links (to tell words from a bare date or count). */
function ownText(el: Element): string {
  let out = '';
  for (const c of el.children) {
    if (c.type === 'text') out += (c as unknown as { data: string }).data;
    else if (isTag(c) && c.name !== 'a') out += ownText(c);
  }
  return out;
}

/** An id made from a section's heading ("getting-into-trouble-with-shared-mutable-history", on a section that
 * opens with that heading): words of prose. */
const HEADING_SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+){3,}$/i;

/**
 * What the class/id hints are read from: an id that is a heading slug says what the section is about, not what
 * kind of box it is ("shared" in a section title is not a share bar), so only the class counts then.
 */
function hintTarget(el: Element): Element {
  const id = el.attribs.id;
  if (!id || !HEADING_SLUG.test(id) || !opensWithHeading(el)) return el;
  const { id: _slug, ...rest } = el.attribs;
  return { name: el.name, attribs: rest } as unknown as Element;
}

function opensWithHeading(el: Element): boolean {
  for (const c of el.children) if (isTag(c)) return /^h[1-6]$/.test(c.name);
  return false;
}

const EMBEDDED_POST = /twitter-tweet|instagram-media|tiktok-embed|bluesky-embed|threads-embed|fb-post|reddit-embed|mastodon-embed/;

/** Does the element (a small wrapper) contain an embedded social post (<blockquote class="twitter-tweet">)? */
function holdsEmbeddedPost(el: Element): boolean {
  const own = el.attribs.class ?? '';
  if (EMBEDDED_POST.test(own)) return true;
  let n = 0;
  for (const d of elementsIn(el)) {
    if (++n > 400) return false;
    if (d.name === 'blockquote' && EMBEDDED_POST.test(d.attribs.class ?? '')) return true;
  }
  return false;
}

const POPUP_CLASS = /(?:tooltip|popover|hover-?card|rollover|popup|flyout)(?:[-_]?(?:block|card|content|body|box|panel|inner|info))?$/i;

/**
 * A pop-up card inside a sentence: a popup-classed span, or a span that is all links (three or more) and long.
 * The wrapper holding the trigger link and its card is not one: only the card inside goes.
 */
function isHoverCard(el: Element, len: number, ld: number, depth = 0): boolean {
  const cls = (el.attribs.class ?? '').split(/\s+/);
  const popupClass = cls.some((c) => POPUP_CLASS.test(c) && /(?:block|card|content|body|box|panel|inner|info)$|^(?:tooltip|popover|hovercard|popup)$/i.test(c));
  if (!popupClass && (ld < 0.85 || len < 100)) return false;
  if (depth === 0) {
    for (const c of el.children) if (isTag(c) && INLINE_CONTAINERS.has(c.name) && c.children.length > 0 && isHoverCard(c, len, ld, 1)) return false;
  }
  if (popupClass) return true;
  let links = 0;
  for (const d of elementsIn(el)) if (d.name === 'a' && ++links >= 3) return true;
  return false;
}

/** Lines that are site furniture whatever element they sit in. Anchored and short, so cheap. */
const BOILERPLATE_LINE = new RegExp(
  [
    // Credit lines: a label and names, no sentence ("记者：张三 李四"; an interview's "记者：请问……？" stays).
    String.raw`^[(（\[【]?\s*(?:责任编辑|责编|编辑|主编|审核|审校|校对|监制|值班编辑|实习编辑|终审|初审|复审|作者|记者|通讯员|来源|稿源|出处|文章来源|本文来源|图片来源|摄影|摄|文)\s*[:：/][^，。？！；,?!]{0,40}$`,
    String.raw`^[(（\[【]?\s*原标题\s*[:：]`,
    String.raw`^[(（\[【]?\s*(?:版权所有|版权声明|copyright|©|\(c\)|all rights reserved|免责声明|特别声明|郑重声明|声明[:：]|本站|本网|转载请|未经授权|凡本网注明|以上内容(?:为|仅)|快照生成时间|信息原文地址|原文地址[:：]|原文链接[:：])`,
    // Reprint trailers: where the copy came from, and the platform's hosting notice.
    String.raw`^[(（\[【]?\s*(?:本文来源|文章来源|稿件来源|本文转自|文章转自|转自|转载自|本文转载自|原文转载自|本文原载|原载于|来源于)\s*[:：]?.{0,80}$`,
    String.raw`仅提供信息(?:存储|发布)(?:空间)?服务`,
    String.raw`不代表本(?:站|网|平台|报|刊)(?:的)?(?:观点|立场)|如有侵权请|如涉及版权|禁止(?:商业)?转载|转载申请|非法侵权|侵权行为`,
    String.raw`^第\s?\d+\s?页\s?[/／]\s?共\s?\d+\s?页`,
    String.raw`^(?:分享到|分享至|打印|关闭窗口|返回顶部|【?字号|字体[:：]|扫一扫|扫描二维码|点击进入|点击查看|上一篇|下一篇|上一页|下一页|【纠错】|纠错|举报|收藏|点赞)`,
    String.raw`^(?:share (?:this|on)|share$|tweet$|email$|print$|follow us|sign up|subscribe|advert(?:isement)?$|ad$|sponsored|read more$|continue reading|click here|related:|see also:|more:|recommended:|watch:|listen:|photo:|image:|credit:|getty images$|skip to|back to top|log ?in$|register$|this (?:slideshow|video|content|embed) requires javascript|(?:please )?enable javascript)`,
    // A comment form's labels left in the column (the form itself is gone): WordPress's own wording.
    String.raw`^(?:your email address will not be published|save my name, email, and website in this browser)`,
    // Tip lines and newsletter plugs closing an article.
    String.raw`^(?:have a (?:news )?tip\?|got a (?:news )?tip\?|get the latest .{0,60}in your inbox|(?:sign up|subscribe) (?:to|for) .{0,60}newsletters?\.?$)`,
  ].join('|'),
  'i',
);

/** Sections that end an article: everything after them is related links, comments or promotion. */
const END_MARKER = /^(?:相关(?:新闻|阅读|文章|报道|链接|推荐|专题|稿件)|延伸阅读|推荐阅读|猜你喜欢|热门推荐|热点推荐|更多精彩|精彩推荐|网友评论|发表评论|我要评论|评论区|最新评论|related (?:articles|stories|posts|coverage|content|news|links|reading)|more (?:from|on|stories|in|news)\b|recommended(?: for you| stories| reading)?$|you (?:may|might) (?:also )?like|read (?:more|next)\b|most (?:popular|read|viewed)|trending|comments?$|\d+ comments?$|leave a (?:reply|comment)|join the conversation|about the author|share this (?:article|story|post)|sign up for|newsletter|what to read next|popular (?:stories|now)|further reading)/i;

const META_LABEL = /(?:来源|作者|发布|时间|日期|记者|编辑|浏览|点击|阅读|字号|类别|分类|栏目|posted|published|updated)\s*[:：]/gi;
const HAS_DATE = /(?:19|20)\d{2}\s?[-/.年]\s?\d{1,2}|\d{1,2}[:：]\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d{1,2},?\s(?:19|20)\d{2}/i;

/** The info line under a headline: "类别:国内 发布时间:2025-10-12 23:41:00 来源:鲁网", "By X | March 3, 2025". */
export function isInfoLine(text: string): boolean {
  if (weightedLength(text) > 160) return false;
  const labels = text.match(META_LABEL)?.length ?? 0;
  if (labels >= 2) return true;
  if (!HAS_DATE.test(text)) return false;
  if (/^(?:updated|published|posted|first published|last (?:updated|modified))\b/i.test(text)) return true;
  // A dated line that is not a sentence: "2025年10月12日 23:41 新华网", "By Jane Doe | March 3, 2025".
  return labels >= 1 || (!/[，。！？；]/.test(text) && !/[.!?]["”’]?$/.test(text) && text.split(/\s+/).length <= 20);
}

/** Attachment lines of notices are content even though they are links. */
const ATTACHMENT = /^(?:附件|attachment)|\.(?:docx?|pdf|xlsx?|pptx?|zip|rar|wps|ofd)\b/i;

/** Unrendered WordPress shortcodes: [button link="…"]Send us your review[/button]. */
const SHORTCODE = /^\[\w+[^\]]{0,300}\][^[]{0,200}\[\/\w+\]$/;

export function isBoilerplateLine(text: string): boolean {
  if (text.length > 500) return false;
  return (text.length <= 120 && BOILERPLATE_LINE.test(text)) || SHORTCODE.test(text);
}

/** Comment-section headers that carry the post title: "《…》已有3件评论", "5 Responses to “…”". */
const COMMENTS_HEADER = /(?:已有|共有?)\s?\d+\s?(?:件|条|个|篇)?(?:评论|回复|留言)$|^\d+\s?(?:件|条|个)?(?:评论|回复|留言)$|^(?:\d+|one|two|three|no)\s(?:responses?|replies|comments?|thoughts)\s(?:to|on)\b/i;

export function isEndMarker(text: string): boolean {
  if (text.length > 120) return false;
  return (text.length <= 40 && END_MARKER.test(text)) || COMMENTS_HEADER.test(text);
}

/** Remove furniture lines, a leading repeat of the title, and whatever follows an end-of-article marker. */
export function filterBodyBlocks(blocks: Block[], title: string | undefined): Block[] {
  const totalLen = blocks.reduce((n, b) => n + weightedLength(b.text), 0);
  const titleKey = title ? comparable(title) : '';
  const out: Block[] = [];
  let seen = 0;
  let started = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const len = weightedLength(b.text);
    if (b.kind !== 'image' && b.kind !== 'table' && b.kind !== 'pre') {
      if (!started && titleKey && b.text.length < titleKey.length * 3 + 20 && comparable(b.text) === titleKey) continue;
      if (isEndMarker(b.text) && seen > totalLen * 0.4 && !proseFollows(blocks, i)) break;
      if (isBoilerplateLine(b.text) && len < 160) continue;
      // Rules drawn with characters ("___", "* * *", "——"): no words at all.
      if (len <= 40 && !/[\p{L}\p{N}]/u.test(b.text)) continue;
      if (!started && isInfoLine(b.text)) continue;
      // A short line that is mostly link text is navigation, not prose; unless it stands alone between prose, the
      // linked subheading of a digest ("证监会：继续推进长期资金入市" over its paragraph).
      if (isLinkLine(b) && b.kind !== 'heading' && b.kind !== 'item' && !ATTACHMENT.test(b.text) && !isLinkedSubheading(blocks, i)) continue;
      if (len >= 40) started = true;
    }
    seen += len;
    out.push(b);
  }
  // Trailing headings/short lines with nothing after them are leftovers of removed sections; but a closing run of
  // numbered items ("1、王某某", "2、李某某": a list of subjects) is the article's own ending.
  const closingList = numberedRun(out) > 0;
  const leftover = (b: Block): boolean => b.kind === 'heading' || (b.kind !== 'image' && weightedLength(b.text) < 8) || isDanglingLeadIn(b);
  let run = 0;
  while (run < out.length && leftover(out[out.length - 1 - run])) run++;
  if (!closingList && !isOutline(out.slice(out.length - run))) out.length -= run;
  return out;
}

/** Blocks in a trailing run of headings that make it the article's own outline rather than leftovers of removed
 * sections: a long run of unlinked lines (a directory of names, each over its features as heading-styled items). */
const OUTLINE_MIN_BLOCKS = 8;

function isOutline(run: Block[]): boolean {
  if (run.length < OUTLINE_MIN_BLOCKS) return false;
  return run.filter((b) => b.linkChars === 0).length >= run.length * 0.8;
}

/**
 * A short line ending in a colon ("更多新闻：", "Related:") as the body's last block introduces a list that is not
 * there (links, cards or a thread the cleaning removed): a label of the furniture after the article.
 */
function isDanglingLeadIn(b: Block): boolean {
  return b.kind !== 'image' && b.kind !== 'table' && b.kind !== 'pre' && weightedLength(b.text) < 40 && /[：:]\s*$/.test(b.text);
}

function isLinkLine(b: Block | undefined): boolean {
  return !!b && b.kind !== 'image' && b.text.length < 100 && b.linkChars > 0 && b.linkChars >= b.text.replace(/\s+/g, '').length * 0.7;
}

function siblingTag(el: Element, step: 1 | -1): Element | undefined {
  const kids = el.parent?.children ?? [];
  for (let i = kids.indexOf(el) + step; i >= 0 && i < kids.length; i += step) {
    const k = kids[i];
    if (isTag(k)) return k;
    if (k.type === 'text' && (k as unknown as { data: string }).data.trim()) return undefined;
  }
  return undefined;
}

/** "GET FOX BUSINESS ON THE GO BY CLICKING HERE", "READ MORE: …": capitals or a click call are promotion. */
function isShoutedPromo(text: string): boolean {
  if (/\b(?:click|tap|read more|watch|subscribe|sign up|download)\b/i.test(text)) return true;
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 8 && letters.replace(/[^A-Z]/g, '').length >= letters.length * 0.7;
}

const ROUNDUP_MIN_ITEMS = 3;

/** Sibling one-item lists (`el` among them) whose item is all link. */
function linkedItemSiblings(el: Element, stats: StatsMap): number {
  let n = 0;
  for (const k of el.parent?.children ?? []) {
    if (!isTag(k) || k.name !== el.name) continue;
    const lis = k.children.filter((c) => isTag(c) && c.name === 'li');
    const s = stats.get(k);
    if (lis.length === 1 && s && s.len > 0 && linkDensity(s) > 0.8) n++;
  }
  return n;
}

/** The <p> form of isLinkedSubheading: a linked <p> after a non-link sibling and before a <p> of prose. */
function isLinkedSubheadingP(el: Element, stats: StatsMap): boolean {
  const prev = siblingTag(el, -1);
  const next = siblingTag(el, 1);
  if (!next || next.name !== 'p' || isShoutedPromo(textContent(el))) return false;
  const ps = prev ? stats.get(prev) : undefined;
  if (ps && ps.len > 0 && linkDensity(ps) > 0.8) return false;
  const ns = stats.get(next);
  return !!ns && ns.len >= 60 && linkDensity(ns) < 0.3 && ns.punct >= 2;
}

/**
 * A linked line the article sets between its paragraphs ("See: “Six principles for thinking about AI risk”"): a
 * pointer the writer put there, with prose before and after it; a shouted promo ("WATCH: …", all capitals) is not.
 */
function isLinkInProse(el: Element, root: Element, stats: StatsMap): boolean {
  if (isShoutedPromo(textContent(el))) return false;
  return proseBeside(el, root, stats, -1) >= LINK_IN_PROSE_MIN && proseBeside(el, root, stats, 1) >= LINK_IN_PROSE_MIN;
}

const LINK_IN_PROSE_MIN = 200;

/** A lone link line (no link line before it) followed by a paragraph of unlinked prose. */
function isLinkedSubheading(blocks: Block[], i: number): boolean {
  const next = blocks[i + 1];
  if (isLinkLine(blocks[i - 1]) || !next || next.kind !== 'paragraph' || isShoutedPromo(blocks[i].text)) return false;
  return weightedLength(next.text) >= 60 && next.linkChars < next.text.length * 0.3 && /[。！？.!?]["”」]?$/.test(next.text);
}

/** Markers of a comment thread: what follows them is never the article, however much it reads like prose. */
const COMMENT_MARKER = /comment|reply|replies|conversation|评论|回复|留言/i;

/**
 * Does the article go on after the end-marker line at `i`? Two paragraphs of unlinked sentences right after it
 * ("Further reading" over the writer's closing remarks) are more article, not a related list or a link farm.
 */
function proseFollows(blocks: Block[], i: number): boolean {
  if (COMMENT_MARKER.test(blocks[i].text)) return false;
  let prose = 0;
  for (let j = i + 1; j < blocks.length && j <= i + 2; j++) {
    const b = blocks[j];
    if (b.kind !== 'paragraph' || weightedLength(b.text) < 60 || b.linkChars > b.text.length * 0.5 || !/[.!?。！？]["”’)]?$/.test(b.text)) return false;
    prose++;
  }
  return prose === 2;
}

/** Length of the run of numbered lines ("1、…", "(2) …"; at least two) that closes the body; 0 if none. */
function numberedRun(blocks: Block[]): number {
  let n = 0;
  for (let i = blocks.length - 1; i >= 0 && n < 200; i--) {
    const b = blocks[i];
    if (b.kind === 'image' || b.text.length > 200 || !NUMBERED_ITEM.test(b.text)) break;
    n++;
  }
  return n >= 2 ? n : 0;
}
