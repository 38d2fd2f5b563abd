/**
 * Furniture lines of the body: text lines are dropped by the boilerplate phrases news sites use (责任编辑, 版权所有,
 * "Share this", "Related:" …), and an end-of-article marker ends the body. Furniture elements (nav, share bars,
 * related lists) are found before, in body-furniture.ts.
 */
import type { Block } from './blocks.js';
import { comparable, weightedLength } from './text.js';
import { isClosingShortList, NUMBERED_ITEM } from './body-closing.js';
import { dropClosingCredits, isOpeningMetaLine, repeatsTitle } from './body-edges.js';
import { isProductionCredit } from './body-credits.js';
import { isCommentsHeader, isEndMarker, isThreadHeader, isWidgetMarker } from './body-end-markers.js';
import { isInfoLine, isPostFooter } from './body-info-lines.js';

/** A count as a post's counters show it ("340", "1.2万", "3k"), and one counter ("收藏 2", "评论：3"). */
const COUNT = String.raw`\d+(?:\.\d+)?\s?[万千kKwW]?\+?`;
const COUNTER = String.raw`(?:(?:阅读|浏览|点击)(?:量|数|次数)?|收藏|点赞|评论|转发|分享|喜欢)\s*[:：]?\s*${COUNT}`;

/** Lines that are site furniture whatever element they sit in. Anchored and short, so cheap. */
const BOILERPLATE_LINE = new RegExp(
  [
    // Credit lines: a label and names, no sentence ("记者：张三 李四"; an interview's "记者：请问……？" stays).
    String.raw`^[(（\[【]?\s*(?:责任编辑|责编|编辑|本文编辑|主编|编审|审核|审校|校对|监制|值班编辑|实习编辑|终审|初审|复审|作者|记者|通讯员|来源|稿源|出处|文章来源|本文来源|图片来源|摄影|摄|文)\s*[:：/][^，。？！；,?!]{0,40}$`,
    String.raw`^[(（\[【]?\s*原标题\s*[:：]`,
    String.raw`^[(（\[【]?\s*(?:版权所有|版权声明|copyright|©|\(c\)|all rights reserved|免责声明|特别声明|郑重声明|声明[:：]|本站|本网|转载请|未经授权|凡本网注明|以上内容(?:为|仅)|快照生成时间|信息原文地址|原文地址[:：]|原文链接[:：])`,
    // Reprint trailers: where the copy came from, and the platform's hosting notice.
    String.raw`^[(（\[【]?\s*(?:本文来源|文章来源|稿件来源|本文转自|文章转自|转自|转载自|本文转载自|原文转载自|本文原载|原载于|来源于)\s*[:：]?.{0,80}$`,
    String.raw`仅提供信息(?:存储|发布)(?:空间)?服务`,
    String.raw`不代表本(?:站|网|平台|报|刊)(?:的)?(?:观点|立场)|如有侵权请|如涉及版权|禁止(?:商业)?转载|转载申请|非法侵权|侵权行为`,
    // A reprint ban as a note of its own: opening the line, or the whole line in brackets ("【…未经授权，不得转载。】").
    // Not inside a sentence: a column's "本文为X授权Y发布，转载请注明出处" is the writer's own note. The ban names
    // what it bans: "未经许可在机场净空保护区内放飞无人机的，…" is a rule the article reports.
    String.raw`^[(（\[【]?\s*未经[^，。]{0,10}?(?:许可|允许|同意|授权)[^。]{0,20}?(?:转载|复制|摘编|镜像|刊登|转帖|使用本)|^[(（\[【][^)）\]】]*(?:不得|禁止|严禁|请勿)转载[^)）\]】]*[)）\]】]$`,
    String.raw`^第\s?\d+\s?页\s?[/／]\s?共\s?\d+\s?页`,
    // A post's counters, nothing else: "阅读量340 收藏 2", "浏览次数：1024", "点赞 12 评论 3 转发 5".
    String.raw`^(?:(?:阅读|浏览|点击)(?:量|数|次数)\s*[:：]?\s*${COUNT}|${COUNTER}(?:\s*[|·]?\s*${COUNTER})+)$`,
    String.raw`^[【\[]?(?:分享到|分享至|打印|关闭窗口|返回顶部|【?字号|字体[:：]|扫一扫|扫描二维码|点击进入|点击查看|上一篇|下一篇|上一页|下一页|【纠错】|纠错|举报|收藏|点赞)`,
    String.raw`^(?:share (?:this|on)|share$|tweet$|email$|print$|follow us|sign up|subscribe|advert(?:isement)?$|ad$|sponsored|read more$|continue reading|click here|related:|see also:|more:|recommended:|watch:|listen:|photo:|image:|credit:|getty images$|skip to|back to top|log ?in$|register$|this (?:slideshow|video|content|embed) requires javascript|(?:please )?enable javascript)`,
    // Ad-slot labels in other languages ("Werbung", "Iklan", "广告", Asahi's "[PR]"), and reading-time lines ("3 Min
    // Lesezeit", "Tempo de leitura: 1 minuto", "5 min read"): the page's furniture, whole lines only.
    String.raw`^(?:werbung|anzeige|publicidad|publicité|pubblicità|reklama|reklame|iklan|advertentie|mainos|annons|广告|広告|광고|\[pr\])$`,
    String.raw`^\d+\s?(?:min(?:ute)?s?\.?|minuten|minutos?)\s?(?:read|lesezeit|de lectura|de leitura|de lecture)$`,
    String.raw`^(?:reading time|read time|lesezeit|lesedauer|tempo de leitura|tiempo de lectura|temps de lecture|阅读时间)\s*[:：]?\s*(?:ca\.\s*)?\d+\s?(?:min|minutes?|minutos?|minuten|分钟)\.?$`,
    // The label of a teaser set between paragraphs, standing alone on its line ("Czytaj więcej", "Auch interessant",
    // "DON'T MISS"): the teaser under it is a link box; the label is left as a line of its own.
    String.raw`^(?:read more|related(?: articles?| stories| videos?| papers| content| coverage)?|recommended (?:videos?|for you|stories)|don.?t miss|must read|czytaj (?:więcej|też|także)|lesen sie (?:auch|mehr)(?: zum thema)?|auch interessant|lire aussi|à lire aussi|leia também|lee también|läs också|les også|přečtěte si (?:také|též))\s*[:：]?$`,
    // A comment form's labels left in the column (the form itself is gone): WordPress's own wording.
    String.raw`^(?:your email address will not be published|save my name, email, and website in this browser)`,
    // Player, ad-slot and widget labels that ad and video platforms put in the column on many sites (Reach's "Video
    // Unavailable", Postmedia's "… this video has failed to load", Gannett's "Show Caption", Google's "Add as preferred
    // source", "Article continues below"): whole lines only.
    String.raw`^(?:rate this (?:article|post|story)|(?:article|story) continues (?:below|after (?:this )?(?:ad|advertisement))|(?:show|hide) caption|video (?:loading|unavailable)|click to play(?:tap to play)?|tap to play|the video will auto-?play soon.{0,20}|play now|scroll for more|(?:add|set) (?:us )?as (?:a )?(?:reliable and trusted|preferred|trusted) (?:news )?source|(?:we apologi[sz]e, but )?this video has failed to load\.?|image credit)$`,
    // A paywall's count of what is left to read ("Il vous reste 57.09% de cet article à lire", "Pozostało jeszcze 89%
    // artykułu"): the page's notice, never the article's sentence.
    // It says what is left ("reste", "pozostało", "remaining"): "The detector flagged 62% of the article as …" is text.
    String.raw`^(?=.{0,120}?(?:reste|pozostał|remaining|left to read|restliche|noch|rimane|resta|queda|falta|kvar|nog)).{0,80}?\d{1,3}(?:[.,]\d+)?\s?%\s?(?:de cet article|des artikels|of (?:this|the) (?:article|story)|artykułu|dell'articolo|del artículo|do artigo|av artikeln|van dit artikel)`,
    // Tip lines and newsletter plugs closing an article.
    String.raw`^(?:have a (?:news )?tip\?|got a (?:news )?tip\?|get the latest .{0,60}in your inbox|(?:sign up|subscribe) (?:to|for) .{0,60}newsletters?\.?$)`,
  ].join('|'),
  'i',
);

/**
 * The reprint credit closing a copied article ("本文转载自：…", "原文链接：…", "Originally published on …"): the copy
 * ends there, and what the reposting site adds after it (its own promotion, its hot list) is not the article.
 * Not the bare "来源：" line, which also credits photos in mid-article.
 */
const REPRINT_TRAILER = /^[(（\[【]?\s*(?:本文转载自|原文转载自|转载自|本文转自|文章转自|本文来源|文章来源|稿件来源|本文原载|原载于|原文链接|原文地址)|^(?:originally published (?:on|in|at|by)\b|this (?:article|story|post) (?:was )?(?:originally|first) (?:appeared|published)|republished (?:from|with permission))/i;
/** Past this share of the body's text, a reprint credit closes the article. */
const REPRINT_END_SHARE = 0.5;

/** Attachment lines of notices are content even though they are links. */
const ATTACHMENT = /^(?:附件|attachment)|\.(?:docx?|pdf|xlsx?|pptx?|zip|rar|wps|ofd)\b/i;

/** Unrendered WordPress shortcodes: [button link="…"]Send us your review[/button]. */
const SHORTCODE = /^\[\w+[^\]]{0,300}\][^[]{0,200}\[\/\w+\]$/;

export function isBoilerplateLine(text: string): boolean {
  if (text.length > 500) return false;
  return (text.length <= 120 && BOILERPLATE_LINE.test(text)) || SHORTCODE.test(text);
}

/** Text a post must have before a counted comment header for the header to end it (weighted). */
const MIN_POST_BEFORE_THREAD = 30;

function isReprintTrailer(text: string): boolean {
  return text.length <= 160 && weightedLength(text) <= 120 && REPRINT_TRAILER.test(text);
}

/** How many of the body's first text lines may be its byline or dateline (after a standfirst and a caption). */
const OPENING_LINES = 4;

/**
 * Remove furniture lines, a leading repeat of the title, and whatever follows an end-of-article marker. On a thread
 * (`thread`: a forum or Q&A page, body-discussion.ts) the counted header over the replies is dropped, not an end.
 */
export function filterBodyBlocks(blocks: Block[], title: string | undefined, opts: { thread?: boolean } = {}): Block[] {
  const thread = opts.thread === true;
  // Each block's weighted length, counted once (the total and the loop below both need it).
  const lens = blocks.map((b) => weightedLength(b.text));
  const totalLen = lens.reduce((n, len) => n + len, 0);
  const titleKey = title ? comparable(title) : '';
  const out: Block[] = [];
  let seen = 0;
  let started = false;
  // Text lines looked at so far: the byline and dateline under a standfirst sit among the first few.
  let opening = 0;
  // One credit only: a digest crediting each of its items is not one copied article.
  const trailers = blocks.filter((b) => isReprintTrailer(b.text)).length;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const len = lens[i];
    // A small layout table opening the body with the headline in a cell (the headline over its date and source
    // line, laid out as rows): the page's header box, not a table of the article's.
    if (!started && b.kind === 'table' && titleKey && len <= MAX_HEADER_TABLE_LEN && b.rows?.some((r) => r.some((c) => comparable(c) === titleKey))) continue;
    if (b.kind !== 'image' && b.kind !== 'table' && b.kind !== 'pre') {
      // A thread's subject heading its first post is the post's own line (kept when the post's box holds it).
      if (!thread && !started && titleKey && b.text.length < titleKey.length * 3 + 20 && repeatsTitle(b.text, titleKey)) continue;
      if (thread && started && isCommentsHeader(b.text)) continue;
      // One test per line: the marker decides three ways below (a label over nothing, a teaser list, the end).
      const marker = isEndMarker(b.text);
      // A related box's label over nothing (its links were furniture) with the text going on: the label alone goes.
      if (len <= 16 && marker && /[：:]\s*$/.test(b.text) && proseFollows(blocks, i)) continue;
      // Early in the text a marker ends it only over a teaser list (linked titles, each over at most one excerpt):
      // a short post's related box may hold more text than the post.
      if (marker && started && seen <= totalLen * 0.4 && seen >= MIN_POST_BEFORE_THREAD && teasersFollow(blocks, i)) break;
      if (marker && seen > totalLen * 0.4 && !proseFollows(blocks, i)) {
        // A "相关阅读" box set inside the text: its links, then the article goes on. Skip the box, keep reading.
        const resume = afterInsetBox(blocks, i);
        if (resume < 0) break;
        i = resume - 1;
        continue;
      }
      // A counted comment header ("3 条留言", "12 Responses to …") closes a post of its own however short: the
      // thread under it may be longer than the post.
      if (started && seen >= MIN_POST_BEFORE_THREAD && isThreadHeader(b.text, titleKey)) break;
      if (trailers === 1 && seen > totalLen * REPRINT_END_SHARE && isReprintTrailer(b.text) && !proseFollows(blocks, i)) {
        // The credit itself stays when it is a sentence of the article ("Originally published on …").
        if (!isBoilerplateLine(b.text)) out.push(b);
        break;
      }
      if ((isBoilerplateLine(b.text) && len < 160) || isProductionCredit(blocks, i)) continue;
      // Rules drawn with characters ("___", "* * *", "——"): no words at all.
      if (len <= 40 && !/[\p{L}\p{N}]/u.test(b.text)) continue;
      if (!started && isInfoLine(b.text)) continue;
      if (opening++ < OPENING_LINES && (b.kind === 'paragraph' || b.kind === 'heading') && isOpeningMetaLine(b.text.trim(), b.kind === 'heading')) continue;
      // A widget's label or link above the text ("发表评论", "相关新闻" in the headline's toolbar) starts nothing.
      if (!started && len <= 40 && isWidgetMarker(b.text, titleKey)) continue;
      // A short line that is mostly link text is navigation, not prose; unless it stands alone between prose, the
      // linked subheading of a digest ("证监会：继续推进长期资金入市" over its paragraph).
      if (isLinkLine(b) && b.kind !== 'heading' && b.kind !== 'item' && !ATTACHMENT.test(b.text) && !isLinkedSubheading(blocks, i)) continue;
      if (!started && len >= 40 && !isTagLine(b.text)) started = true;
    }
    seen += len;
    out.push(b);
  }
  dropClosingCredits(out);
  // Trailing headings/short lines with nothing after them are leftovers of removed sections; but a closing run of
  // numbered items ("1、王某某", "2、李某某": a list of subjects) is the article's own ending.
  const closingList = numberedRun(out) > 0;
  const leftover = (b: Block): boolean => b.kind === 'heading' || (b.kind !== 'image' && weightedLength(b.text) < 8) || isDanglingLeadIn(b) || isWidgetLabel(b) || isPostFooter(b);
  let run = 0;
  while (run < out.length && leftover(out[out.length - 1 - run])) run++;
  if (!closingList && !isOutline(out.slice(out.length - run)) && !isClosingShortList(out, run, isFurnitureLeadIn)) out.length -= run;
  return out;
}

/** A header table is the headline and a line or two of metadata, not a data table (weighted length). */
const MAX_HEADER_TABLE_LEN = 300;

/**
 * A line of three or more short labels set apart by bullets or bars and no sentence ("Bars & Nightlife • Business
 * Development • Food & Dining"): the section tags over a headline. It does not start the article, so the headline
 * repeat and the dated byline line under it still go.
 */
function isTagLine(text: string): boolean {
  if (text.length > 200 || /[.!?。！？]["”’)]?$/.test(text)) return false;
  const parts = text.split(/\s+[•·|]\s+/);
  return parts.length >= 3 && parts.every((p) => p.length > 0 && p.split(/\s+/).length <= 5);
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

/** A lead-in that labels furniture ("相关新闻：", "精彩推荐："), not a list of the article's own. */
const isFurnitureLeadIn = (b: Block): boolean => b.linkChars > 0 || isEndMarker(b.text) || isWidgetLabel(b) || !isDanglingLeadIn(b);

/** The label of a box after the article ("精彩视频推荐", "热门排行", "网友评论"): what it labelled was removed. */
const WIDGET_LABEL = /(?:推荐|阅读|排行|排行榜|热点|热榜|精选|评论|留言)\s*[:：]?$/;

/** A short unpunctuated line left last whose words name a widget (a label of the furniture after the article). */
function isWidgetLabel(b: Block): boolean {
  // A signature under a commentary ("——北京日报评论") names the desk, not a box.
  return b.kind === 'paragraph' && weightedLength(b.text) <= 24 && !/[，。！？,.!?]/.test(b.text) && !/^\s*[—─-]/.test(b.text) && WIDGET_LABEL.test(b.text);
}

function isLinkLine(b: Block | undefined): boolean {
  if (!b || b.kind === 'image' || b.text.length >= 100 || b.linkChars === 0) return false;
  // A tag or category row: its label ("标签：", "文章标签：", "Tags:") is plain text, every value after it a link.
  const label = TAG_LABEL.exec(b.text)?.[0].length ?? 0;
  return b.linkChars >= b.text.slice(label).replace(/\s+/g, '').length * 0.7;
}

/** The label of a row of tag, keyword or category links. */
const TAG_LABEL = /^\s*(?:文章标签|标签|关键词|关键字|tags?|分类|所属分类|所属栏目|专题)\s*[:：]/i;

/** "GET FOX BUSINESS ON THE GO BY CLICKING HERE", "READ MORE: …": capitals or a click call are promotion. */
export function isShoutedPromo(text: string): boolean {
  if (/\b(?:click|tap|read more|watch|subscribe|sign up|download)\b/i.test(text)) return true;
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 8 && letters.replace(/[^A-Z]/g, '').length >= letters.length * 0.7;
}

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

/** Most link lines a box set inside the text holds. */
const MAX_INSET_LINKS = 8;

/**
 * Where the article resumes after the end-marker line at `i` when it heads a box of links set inside the text (a
 * "相关阅读" inset between paragraphs): the index after its link lines, when two paragraphs of unlinked prose follow
 * them; else -1. A related list closing the article has no prose after it, a teaser list alternates links and
 * excerpts, and a comment thread's header is never an inset.
 */
function afterInsetBox(blocks: Block[], i: number): number {
  if (COMMENT_MARKER.test(blocks[i].text)) return -1;
  let j = i + 1;
  while (j < blocks.length && j - i - 1 < MAX_INSET_LINKS && isLinkLine(blocks[j])) j++;
  if (j === i + 1 || !proseFollows(blocks, j - 1)) return -1;
  return j;
}

/**
 * Is everything after the marker at `i` a teaser list: two or more link lines, and never two unlinked paragraphs in
 * a row (each title over one excerpt at most)? The article's own paragraphs come in runs.
 */
function teasersFollow(blocks: Block[], i: number): boolean {
  let links = 0;
  let run = 0;
  for (let j = i + 1; j < blocks.length; j++) {
    const b = blocks[j];
    if (isLinkLine(b)) {
      links++;
      run = 0;
    } else if (b.kind !== 'image' && ++run >= 2) return false;
  }
  return links >= 2;
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
