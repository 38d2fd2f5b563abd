/**
 * The info line under a Chinese headline read by its parts' places, without labels or class names (issue 12:
 * unseen sites). Many templates print the writer and the outlet as bare words beside the date:
 *   "康斯坦丁 2015-07-02 14:41:12", "中廣 溫蘭魁 2013年06月29日 18:24", "2018-04-07 闲云野鹤 闲云野鹤古刹 闲云野鹤古刹",
 *   "原创 陈宇慧 田螺姑娘hhhaze", "邓舒夏 第一财经YiMagazine" over "2019.05.22".
 * The words touching the date (or a leading 原创 mark) form one run; in it an outlet-shaped word is the source, the
 * first name-shaped word the author, and a word printed twice (one copy per layout) or following the author the
 * outlet or account the copy is credited to. Words are element runs (people-segments.ts), so "<span>张三</span>
 * <span>2015-07-02</span>" is two words even without a space.
 */
import { hasSurnameShape } from './byline.js';
import { isAffiliationOrTitle, isInterfaceWord, isOutletName, isPersonName } from './people-names.js';
import { DATELINE_KIND, isDeskWord } from './people-patterns.js';
import { collapseSpace } from './text.js';

export interface InfoLineCredit {
  author?: string;
  source?: string;
  /** Read after an 原创 mark ("原创： 小视本人 视觉志"): the mark labels the credit as a byline label would. */
  marked?: boolean;
}

/** A date or clock token: 2015-07-02, 2013年06月29日, 2019.05.22, 14:41:12, 05-16. */
const DATE_TOKEN = /^(?:(?:19|20)\d{2}\s?[-/.年]\s?\d{1,2}(?:\s?[-/.月]\s?\d{1,2}\s?日?)?|\d{1,2}[-/月]\d{1,2}日?|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s?\d{1,2}[:：]\d{2}(?::\d{2})?)$/;
/** A line holding a full date or a clock somewhere. */
const HAS_DATE = /(?:19|20)\d{2}\s?[-/.年]\s?\d{1,2}|\d{1,2}[:：]\d{2}/;
/** Marks that open a post's credit line ("原创 作者 账号"): the words after them are the credit. */
const ORIGINAL_MARK = /^(?:原创|原創|Original|独家|獨家)[:：]?$/;
/** Weekdays and day parts printed beside a date. */
const DATE_WORD = /^(?:星期.|周[一二三四五六日天]|禮拜.|礼拜.|上午|下午|晚上|凌晨|中午|AM|PM|am|pm)$/;
/**
 * Section and channel words that stand beside the date on portal pages ("国内 2015-07-02", "社会 | 2023-10-08"): a
 * place on the site, never the writer.
 */
const SECTION_WORD = /^(?:正文|首页|首頁|国内|國內|国际|國際|社会|社會|财经|財經|评论|評論|专题|專題|图片|圖片|视频|視頻|时政|時政|体育|體育|娱乐|娛樂|科技|军事|軍事|文化|教育|健康|要闻|要聞|综合|綜合|本地|地方|热点|熱點|原创|原創|转载|轉載|新闻|新聞|资讯|資訊|头条|頭條|推荐|推薦|即时|即時|生活|旅游|旅遊|汽车|汽車|房产|房產|股票|基金|理财|理財|政治|经济|經濟|观点|觀點|深度|独家|獨家|快讯|快訊|滚动|滾動|置顶|置頂|精华|精華|热门|熱門|最新|焦点|焦點|大陆|大陸|两岸|兩岸|港澳|台湾|臺灣|台灣)$/;
/** Places printed after the date (the writer's city, an IP-location line): "2021-05-01 10:00 广东". */
const PLACE_WORD = /^(?:北京|上海|天津|重庆|重慶|河北|山西|辽宁|遼寧|吉林|黑龙江|黑龍江|江苏|江蘇|浙江|安徽|福建|江西|山东|山東|河南|湖北|湖南|广东|廣東|海南|四川|贵州|貴州|云南|雲南|陕西|陝西|甘肃|甘肅|青海|台湾|臺灣|台灣|内蒙古|內蒙古|广西|廣西|西藏|宁夏|寧夏|新疆|香港|澳门|澳門|深圳|广州|廣州|杭州|南京|武汉|武漢|成都|西安|台北|臺北|新北|台中|臺中|台南|臺南|高雄|桃园|桃園|美国|美國|日本|海外|[\u3400-\u9fff]{1,4}(?:省|市|县|縣|区|區))$/;
const LOGIN_HANDLE = String.raw`(?:[A-Za-z][A-Za-z\d]*_[\w.-]*|[A-Za-z][a-z]{2,}\d[\w.-]*)`;
/** A line of a date and a Latin login handle, either way round. */
const LOGIN_HANDLE_LINE = new RegExp(String.raw`^(?:${LOGIN_HANDLE}\s+[\d\s:./-]+|[\d\s:./-]+(?:\s[·•|]\s|\s)${LOGIN_HANDLE})$`);
/** A handle written in Latin letters ("maomaobear", "henry_space"): lower-case letters or digits in it. */
const LATIN_HANDLE = /^[A-Za-z][A-Za-z0-9_.-]{2,19}$/;
/** Emoji and arrows decorating an account's writer field ("🌏华商君"). */
const EDGE_SYMBOLS = /^[\u2190-\u21ff\u2600-\u27bf\u{1F000}-\u{1FAFF}\uFE0F]+|[\u2190-\u21ff\u2600-\u27bf\u{1F000}-\u{1FAFF}\uFE0F]+$/gu;
/** Words of an outlet's or account's name: no spaces, no sentence punctuation, not too long. */
const ACCOUNT_SHAPE = /^[\p{L}\p{N}·_-]{2,20}$/u;

/** Page tools printed in the info line (転寄 = forward by mail, 列印 = print, 字體 = type size). */
const TOOL_WORD = /^(?:转寄|轉寄|列印|打印|字体|字體|字级|字級|小字型|中字型|大字型|推荐|推薦|收藏|评论|評論|留言|A[+-]|A)$/;
/** What a credit says the writer did ("报道", "綜合報導", "整理", "摄影"): the credit's end, not a word of a name. */
const CREDIT_VERB = new RegExp(String.raw`^(?:${DATELINE_KIND}|整理|编译|編譯|摄影?|攝影?|撰文|供图|供圖|提供)$`);

/**
 * A credit's role word ("通讯员", "本报实习生", "特约评论员"): it labels the name after it, as 记者 does (isInterfaceWord
 * reads 记者 and 作者 so), and is never itself the outlet or account credited.
 */
const ROLE_WORD = /(?:通讯员|通訊員|实习生|實習生|评论员|評論員|特派员|特派員|撰稿人|编辑|編輯|责编|責編|主编|主編)$/;

type Kind = 'date' | 'mark' | 'word' | 'sep' | 'stop';

/** A separator standing alone between the parts ("2023-10-08 | 张三 | 某某日报"): passed over, it joins no words. */
const SEPARATOR = /^(?:[|｜·•・/／]|\||-{1,2}|—)$/;

function kindOf(token: string): Kind {
  if (SEPARATOR.test(token)) return 'sep';
  if (DATE_TOKEN.test(token) || DATE_WORD.test(token)) return 'date';
  if (ORIGINAL_MARK.test(token)) return 'mark';
  // Labelled parts ("来源：", "作者：张三"), counts, brackets and tools end a run: they say what they are.
  if (/[:：|｜()（）【】\[\]《》<>@/／╱,，;；。!！?？]/.test(token) || /^\d/.test(token) || isInterfaceWord(token) || TOOL_WORD.test(token) || CREDIT_VERB.test(token) || ROLE_WORD.test(token) || isDeskWord(token)) return 'stop';
  // A web address ("www.example.com", "NOWnews.com") names a site, not a writer, and is no outlet's printed name.
  if (/\.(?:com|net|org|cn|tw|hk|gov|edu)\b|^www\./i.test(token)) return 'stop';
  return 'word';
}

/** A writer's name as an info line prints it bare: a Chinese or Latin name, or a handle; no section or place. */
function nameShaped(word: string, afterDate: boolean): boolean {
  const bare = word.replace(EDGE_SYMBOLS, '');
  if (!bare || SECTION_WORD.test(bare) || PLACE_WORD.test(bare) || isOutletName(bare)) return false;
  const cjk = /[\u3400-\u9fff]/.test(bare);
  if (cjk) {
    if (!isPersonName(bare) || /[A-Za-z]/.test(bare)) return false;
    // After the date stand places, counts and tools as often as names: a name there has a surname's shape or
    // three characters and more.
    return !afterDate || hasSurnameShape(bare) || bare.length >= 3;
  }
  return isPersonName(bare) || (LATIN_HANDLE.test(bare) && /[a-z0-9]/.test(bare) && !/^(?:admin|administrator|root|guest|null|undefined|none|posted|updated|by)$/i.test(bare));
}

/** The run of words touching the anchor (a date group or a leading mark), going one way; repeats kept once. */
function runFrom(kinds: Kind[], tokens: string[], from: number, step: 1 | -1): Array<{ word: string; twice: boolean }> {
  const run: Array<{ word: string; twice: boolean }> = [];
  for (let i = from; i >= 0 && i < tokens.length && run.length < 4; i += step) {
    if (kinds[i] === 'sep') continue;
    if (kinds[i] !== 'word') break;
    const last = run[run.length - 1];
    if (last && last.word === tokens[i]) last.twice = true;
    else run.push({ word: tokens[i], twice: false });
  }
  return step === 1 ? run : run.reverse();
}

/** Reads one run: an outlet (or a word printed twice) is the source, the first name the author. */
function creditOf(run: Array<{ word: string; twice: boolean }>, afterDate: boolean): InfoLineCredit {
  const out: InfoLineCredit = {};
  let authorAt = -1;
  for (let i = 0; i < run.length; i++) {
    const { word, twice } = run[i];
    if (twice || isOutletName(word)) {
      if (!out.source && ACCOUNT_SHAPE.test(word) && !SECTION_WORD.test(word)) out.source = word;
      continue;
    }
    // "南方周末 张三": a name-like word with no surname's shape before one with it is the outlet or desk, not a
    // first writer (an outlet's name need not end as outlets do).
    const nextWord = run[i + 1]?.word;
    if (authorAt < 0 && !out.source && nextWord !== undefined && /^[\u3400-\u9fff]{2,8}$/.test(word) && !hasSurnameShape(word) && hasSurnameShape(nextWord) && nameShaped(nextWord, afterDate) && !SECTION_WORD.test(word) && !PLACE_WORD.test(word)) {
      out.source = word;
      continue;
    }
    if (authorAt < 0 && nameShaped(word, afterDate)) {
      out.author = word;
      authorAt = i;
      continue;
    }
    // "张三 李四 2015-07-02": a second writer (and a third) has a surname's shape and follows the one before.
    if (authorAt === i - 1 && /^[\u3400-\u9fff]+(?: [\u3400-\u9fff]+)*$/.test(out.author ?? '') && hasSurnameShape(word) && nameShaped(word, afterDate)) {
      out.author = `${out.author} ${word}`;
      authorAt = i;
      continue;
    }
    // The word right after the writer that is no second name ("陈宇慧 田螺姑娘hhhaze", "赵传文 维客笔记"): the account
    // or outlet the writer files for. A surname-shaped word there is a second writer, not an outlet: no credit; nor
    // is the writer's post or affiliation ("王文 中国人民大学重阳金融研究院执行院长"), which describes the writer.
    if (authorAt === i - 1 && authorAt >= 0 && !out.source && ACCOUNT_SHAPE.test(word) && !hasSurnameShape(word) && !SECTION_WORD.test(word) && !PLACE_WORD.test(word) && !isAffiliationOrTitle(word)) {
      out.source = word;
      continue;
    }
    // A prompt or slogan in the writer's place ("读武汉关注☞ 长江日报 长江日报") names nobody; the outlet after it
    // still counts, but no later word touches the date as a writer's name would.
    if (i === 0) {
      authorAt = run.length;
      continue;
    }
    break;
  }
  return out;
}

/** Splits a segmented line into words; date pieces written with spaces ("2013年 06月 29日") are kept whole. */
function tokensOf(text: string): string[] {
  return collapseSpace(text)
    .replace(/((?:19|20)\d{2})\s?([-/.年])\s?(\d{1,2})\s?([-/.月])\s?(\d{1,2})/g, '$1$2$3$4$5')
    .replace(/\s*[|｜]\s*/g, ' | ')
    // "张三·2022-07-01 09:15·来源：…": a middle dot touching a date or clock separates parts, as a bar does (a dot
    // between letters is a transliterated name's, 阿卜杜勒·阿齐兹, and stays).
    .replace(/\s*[·•]\s*(?=\d)|(?<=\d)\s*[·•]\s*/g, ' · ')
    .split(' ')
    .filter(Boolean);
}

/**
 * The credit the info block gives without labels: its first line with a date among the first `scan` lines (and the
 * short line just above it when that line holds no date, "邓舒夏 第一财经YiMagazine" over "2019.05.22"), or a line
 * opening with an 原创 mark.
 */
export function creditBesideDate(lines: Array<{ text: string }>, scan = 4): InfoLineCredit {
  for (let i = 0; i < Math.min(lines.length, scan); i++) {
    const text = lines[i].text;
    // Chinese info lines only: English bylines have their own forms ("By …", nameBesideDate in byline.ts). A line of
    // a date and a login handle ("abc_123 2022-07-01 09:15", "ddos8919": an underscore, or digits after three
    // lower-case letters) is a forum's or blog's, in any language; a topic tag beside a date ("COP28", "iPhone15",
    // "H5N1": capitals inside the word) is not.
    if (text.length > 120 || (!/[\u3400-\u9fff]/.test(text) && !LOGIN_HANDLE_LINE.test(text))) continue;
    const tokens = tokensOf(text);
    if (tokens.length === 0 || tokens.length > 10) continue;
    const kinds = tokens.map(kindOf);
    const first = kinds.indexOf('date');
    if (first < 0) {
      // "原创 陈宇慧 田螺姑娘hhhaze": the credit after the mark, no date on the line.
      if (kinds[0] === 'mark') return { ...creditOf(runFrom(kinds, tokens, 1, 1), false), marked: true };
      // A writer's name (a surname's shape) opening a short line right above the date line, the outlet after it, or
      // an outlet and then the writer ("中廣 溫蘭魁" over "2013年06月29日 18:24"): the credit printed on its own line.
      // (A line of other words there is a deck or a site banner.)
      const next = lines[i + 1];
      const named = hasSurnameShape(tokens[0]) || (tokens.length === 2 && isOutletName(tokens[0]) && hasSurnameShape(tokens[1]));
      if (next && i + 1 < scan && HAS_DATE.test(next.text) && tokens.length <= 2 && kinds.every((k) => k === 'word') && named) {
        const above = creditOf(runFrom(kinds, tokens, 0, 1), false);
        if (above.author) return above;
      }
      continue;
    }
    let last = first;
    while (last + 1 < kinds.length && kinds[last + 1] === 'date') last++;
    // (A line of date, bar, name: the run after the date passes over the bar; see runFrom.)
    const before = creditOf(runFrom(kinds, tokens, first - 1, -1), false);
    // Before the date is the byline's usual place; after it, only when nothing stands before.
    const after = before.author || before.source ? {} : creditOf(runFrom(kinds, tokens, last + 1, 1), true);
    const credit = { author: before.author ?? after.author, source: before.source ?? after.source };
    if (credit.author || credit.source) return credit;
    // A line of the date alone, its outlet and writer each in an element of their own under it ("2018年09月16日 15:31"
    // / "中時" / "謝明俊"): the next two short lines are read as the rest of that line.
    if (first === 0 && last === tokens.length - 1) {
      const rest: string[] = [];
      for (let j = i + 1; j < Math.min(lines.length, i + 3) && lines[j].text.length <= 12; j++) rest.push(lines[j].text);
      const restTokens = rest.length > 0 ? tokensOf(rest.join(' ')) : [];
      const below = creditOf(runFrom(restTokens.map(kindOf), restTokens, 0, 1), true);
      if (below.author || below.source) return below;
    }
    // A mark before the date ("原创 2018-04-07 …") changes nothing; one line with a date is the info line.
    return {};
  }
  return {};
}
