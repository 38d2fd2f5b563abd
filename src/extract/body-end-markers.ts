/**
 * The lines that end an article's text: section markers ("相关新闻", "Related articles", "Comments") and the counted
 * header over a comment thread ("3 条留言", "5 Responses to “…”"). body-clean.ts decides where each one cuts.
 */
import { comparable } from './text.js';

/** Sections that end an article: everything after them is related links, comments or promotion. */
const END_MARKER = /^(?:相关(?:新闻|阅读|文章|报道|链接|推荐|专题|稿件)|延伸阅读|推荐阅读|猜你喜欢|热门推荐|热点推荐|更多精彩|精彩推荐|(?:(?:你|您)?(?:可能|或许|也许)(?:还)?(?:会)?(?:感兴趣|喜欢)(?:的(?:文章|内容|新闻))?|大家都在看|(?:为你|为您)推荐|(?:热门|推荐|最新|更多)(?:文章|资讯)|往期(?:回顾|精彩|推荐|文章)|(?:编辑|今日|小编|专题|图片|热文|视频)推荐|近期文章|精选(?:文章|阅读)|热门(?:阅读|标签|评论)|推荐内容|(?:阅读|点击|热门|新闻)排行榜?|精彩(?:评论|图集)|(?:网友)?跟帖|相关(?:搜索|视频|图集|话题)|看了(?:本文|此文|这篇文章)的人还看了)\s*[:：]?$|网友评论|发表评论|我要评论|评论区|最新评论|related (?:articles|stories|posts|coverage|content|news|links|reading)|more (?:from|on|stories|in|news)\b|recommended(?: for you| stories| reading)?$|you (?:may|might) (?:also )?like|read (?:more|next)\b|most (?:popular|read|viewed)|trending|comments?$|\d+ comments?$|leave a (?:reply|comment)|join the conversation|about the author|share this (?:article|story|post)|sign up for|newsletter|what to read next|popular (?:stories|now)|further reading)/i;

/** Counted comment-section headers: "《…》已有3件评论", "全部评论（3）", "3 条留言". */
const ZH_COMMENTS_HEADER = /(?:已有|共有?)\s?\d+\s?(?:件|条|个|篇)?(?:评论|回复|留言)$|^(?:全部|所有|最新|热门|网友)?(?:评论|回复|留言)\s?[(（]\d+[)）]$|^\d+\s?(?:件|条|个)?(?:评论|回复|留言)$/;
/** WordPress's header over a thread: "5 Responses to “…”", "One thought on “…”". Its opening words also start
 * subheads and sentences ("Three thoughts on the loss", "Two responses to the proposal emerged …"). */
const EN_COMMENTS_HEADER = /^(?:\d+|one|two|three|no)\s(?:responses?|replies|comments?|thoughts)\s(?:to|on)\b/i;
const COMMENTS_HEADER = new RegExp(`${ZH_COMMENTS_HEADER.source}|${EN_COMMENTS_HEADER.source}`, 'i');

/**
 * A counted comment header sure enough to end a post however short: a Chinese counted form, or the English form
 * naming the post: its title in quotes or the page's title itself ("3 Responses to “Title”"). A subhead or a
 * sentence opening with the same words names something else.
 */
export function isThreadHeader(text: string, titleKey: string): boolean {
  if (text.length > 120) return false;
  if (ZH_COMMENTS_HEADER.test(text)) return true;
  const m = EN_COMMENTS_HEADER.exec(text);
  if (!m) return false;
  const rest = text.slice(m[0].length).trim();
  return /^["“‘'«„]/.test(rest) || (titleKey !== '' && comparable(rest) === titleKey);
}

/** A counted header over replies ("8条回复", "全部评论（3）", "12 Comments to …"): on a thread, the replies' label. */
export function isCommentsHeader(text: string): boolean {
  return text.length <= 120 && COMMENTS_HEADER.test(text);
}

export function isEndMarker(text: string): boolean {
  if (text.length > 120) return false;
  return (text.length <= 40 && END_MARKER.test(text)) || COMMENTS_HEADER.test(text);
}

/**
 * A marker that is the whole line, a label and maybe its count ("相关新闻", "发表评论(3)", "Trending"): a subhead or
 * a lead opening with a marker's words ("More on the ballot this fall", "Trending now: rizz, delulu and more") is text.
 */
export function isWidgetMarker(text: string, titleKey: string): boolean {
  const m = END_MARKER.exec(text);
  if (m && /^\s*[:：]?\s*(?:[(（]?\d+[)）]?)?\s*$/.test(text.slice(m[0].length))) return true;
  return isThreadHeader(text, titleKey);
}
