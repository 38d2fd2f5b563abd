/**
 * A <title> that names where the page is (a site, a desk, a section) and not what it says: index.ts tells such
 * <title>s from headlines.
 */
import { SEPARATOR } from './title-text.js';

/** Section and page-type words old CMS templates put in <title> instead of the headline ("新闻中心", "正文"). */
const SECTION_WORD = /^(?:正文|详情|詳情|内容|內容|详细内容|詳細內容|新闻详情|新聞詳情|文章详情|文章詳情|内容页|详情页|新闻|新聞|资讯|資訊|要闻|要聞|动态|動態|新闻动态|新聞動態|工作动态|工作動態|通知公告|信息公开|資訊公開|首页|首頁|文章|阅读|閱讀)$/;
/** A desk's topic word ("国内", "娱乐", "财经"), the heart of a channel's name. */
const TOPIC = '(?:国内|國內|国际|國際|社会|社會|财经|財經|体育|體育|娱乐|娛樂|科技|军事|軍事|教育|健康|汽车|汽車|房产|房產|文化|旅游|旅遊|时尚|時尚|本地|地方|时政|時政|评论|評論|观点|觀點)';
/** A channel named by its topic, with 新闻/频道/资讯 after it at most: "国内新闻", "财经频道", "体育". */
const TOPIC_CHANNEL = new RegExp(`^${TOPIC}(?:新闻|新聞|频道|頻道|资讯|資訊)?$`);
/** A place's news desk: a short name, then 新闻 or 资讯 ("北京新闻"). */
const PLACE_NEWS = /^[\u3400-\u9fff]{1,4}(?:新闻|新聞|资讯|資訊)$/;
/**
 * A brand's desk, the brand's name before a topic word ("网易娱乐"): a brand only when another part of the <title>
 * names the site with it ("网易网"). Any two characters before a topic word would take short headlines ("全民健康").
 */
const BRAND_TOPIC = new RegExp(`^([\\u3400-\\u9fff]{2,4}?)${TOPIC}$`);
/** The name of a site, a desk or the body running it: "某某网", "新闻中心", "某某市人民政府", "某某大学". */
const NAME_ONLY_END = /(?:网|網|网站|網站|频道|頻道|日报|日報|晚报|晚報|中心|政府|委员会|委員會|局|厅|廳|大学|大學|学院|學院|协会|協會|集团|集團|公司|博客|论坛|論壇)$/;

/**
 * A <title> made only of names and section words ("某某网-新闻中心", "正文_某某市人民政府", "国内新闻_某某网"): it
 * names where the page is, not what it says. Each part is short (ten characters at most), so a headline ending in 中心
 * is not taken for one; a channel's name counts only beside a site's name.
 */
export function namesOnlySiteAndSection(title: string): boolean {
  return namesOnlyParts(title) !== undefined;
}

/** The parts of a <title> made only of names and section words (see namesOnlySiteAndSection), else undefined. */
export function namesOnlyParts(title: string): string[] | undefined {
  const parts = title.split(new RegExp(SEPARATOR.source, 'g')).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2 || parts.some((p) => p.length > 10)) return undefined;
  const sites = parts.filter((p) => NAME_ONLY_END.test(p));
  const brandDesk = (p: string): boolean => {
    const brand = BRAND_TOPIC.exec(p)?.[1];
    return brand !== undefined && sites.some((s) => s !== p && s.startsWith(brand));
  };
  const channel = (p: string): boolean => sites.length > 0 && (TOPIC_CHANNEL.test(p) || PLACE_NEWS.test(p) || brandDesk(p));
  return parts.every((p) => SECTION_WORD.test(p) || NAME_ONLY_END.test(p) || channel(p)) ? parts : undefined;
}
