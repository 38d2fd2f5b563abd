/**
 * Author, editor and source (来源) from page text lines: Chinese labelled forms (作者：, 记者 王玉龙, 文/, 执笔：,
 * 责任编辑：, 来源：), unlabelled info lines ("2022-02-13 09:57 光明网", "[ 黄宇 ]"), and English bylines
 * ("By Jane Doe and John Roe"). Editors are never taken as authors. Lines are short and the regexes anchored on
 * labels, so this stays linear. Source lines are read by source-text.ts (re-exported here).
 */
import { credentialsOf, endsWithCredential, isInterfaceWord, isPersonName, splitAffiliation } from './people-names.js';
import { ANY_REPORTER, barSeparators, CN, CN_NAME, CN_NAMES, DATELINE_KIND, isDeskWord, isPlausibleName, OUTLET_PREFIX, REPORTER } from './people-patterns.js';
import { collapseSpace } from './text.js';

export { barSeparators } from './people-patterns.js';
export { sourceFromDateline, sourceFromInfoLine, sourceFromOutletLine, sourceFromText } from './source-text.js';

/** A label glued to the name by the page's markup ("作者：孙宁责任编辑：NF041" from two adjacent spans). */
const NEXT_LABEL = String.raw`(?:责任编辑|責任編輯|责编|責編|编辑|編輯|来源|來源|校对|校對|审核|審核)\s*[:：]`;

/**
 * （中央社記者盧太城台東縣12日電）, （中央社記者陳葦庭、王承中台北3日電）, （中央社記者鄭崇生華盛頓23日專電）,
 * （中央社駐布魯塞爾特派員唐佩君23日專電）: names (the last glued to the place) before the day; the last name is split
 * from its place by nameBeforePlace. The first group holds the names listed before it with their 、.
 */
const NAME_AND_PLACE = new RegExp(String.raw`${ANY_REPORTER}((?:${CN_NAME}[、，,])*)([${CN}]{2,9}?)(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?\d{1,2}日(?:专|專)?(?:电|電)`);
/** "大紀元記者張三台北報導": one name glued to the place reported from. */
const REPORTED_FROM = new RegExp(String.raw`${REPORTER}\s*(${CN_NAME})\s?(?:报道|報導|发自|發自)`);
/** "華視新聞 張三 台北報導", "民視新聞／張三、李四 台北報導": an outlet, the names, the place reported from; nothing after. */
const OUTLET_NAMES_PLACE = new RegExp(String.raw`^(?:${OUTLET_PREFIX}\s*[／/]?\s*)?(${CN_NAMES})\s+[${CN}]{2,6}?(?:报道|報導)\s*[)）\]】〕]?$`);

/** 【王家俊／台北報導】 · 劉屏／華盛頓4日電 · 中國時報張立勳／特稿 · （劉利貞／綜合外電報導） */
const SLASH_DATELINE = new RegExp(String.raw`(?:^|[\s　(（\[【〔|｜])${OUTLET_PREFIX}?(${CN_NAMES})\s*[／╱/]\s*${DATELINE_KIND}`);

/**
 * The author label, also with the word that says whose or which kind of author it is (本文作者, 文章作者, 专栏作者,
 * 特约作者): the qualifier changes nothing about the name that follows.
 */
const AUTHOR_LABEL = String.raw`(?:本文|本篇|文章|原文|专栏|專欄|特约|特約|特邀|客座|署名)?作\s?者`;

/** 特约评论员 张三: the outlet or rank glued before the role, then a space or a colon and the name. */
const COMMENTATOR = new RegExp(String.raw`(?:^|[\s　(（\[【〔】〕|｜□■◎])[${CN}]{0,8}?(?:评论员|評論員)(?:\s*[:：/／|｜]\s*|\s+)(${CN_NAMES})`);

/** Labelled author forms; the first group is the name. */
const AUTHOR_PATTERNS: RegExp[] = [
  // 作者：茉莉 · 本文作者：… · 撰文：张三 · 执笔人：… · 发帖人：… · 作者：Jane Doe (a Latin name keeps its capitalised words)
  new RegExp(String.raw`(?:^|[\s(（\[【|｜])(?:${AUTHOR_LABEL}|原作者|作者简介|作者簡介|作者介绍|作者介紹|記者|撰文|撰稿|执笔人?|主笔|主筆|文字|发布者|发帖人|楼主|博主|投稿人)\s*(?:[:：|｜/／]|[】\]])\s*@?(${CN_NAMES}|[A-Za-z][\w.'’-]{1,40}(?:\s[A-Z][\w.'’-]{0,40}){0,3})(?=$|[\s()（）\]】|｜,，;；:：_]|\d|${NEXT_LABEL})`),
  // 王小明／文: the role after the name (Taiwanese and Hong Kong papers)
  new RegExp(String.raw`(?:^|[\s(（\[【|｜])(${CN_NAMES})\s*[/／]\s*文(?=$|[\s)）\]】|｜,，;；])`),
  // 作者 张三 (label and name in two elements, no colon)
  new RegExp(String.raw`(?:^|[\s(（\[【|｜])(?:作\s?者|撰文|撰稿)\s+(${CN_NAMES})(?=$|[\s)）\]】|｜,，;；])`),
  NAME_AND_PLACE,
  // 文/李四 · 文｜王五 · 文/图 赵六 · 圖、文／張三 · 文、图/李四 · 图文/王五
  new RegExp(String.raw`(?:^|[\s(（\[【|｜])(?:(?:图|圖)\s*[、,，]?\s*)?文(?:\s*[、,，]\s*(?:图|圖))?\s*[/／|｜:：]\s*(?:图\s*[/／]?\s*)?(${CN_NAMES})`),
  // （记者 王玉龙） · 本报记者 刘国栋 周炜 · 记者王玉龙报道
  new RegExp(String.raw`[(（]\s*${ANY_REPORTER}\s*[:：]?\s*(${CN_NAMES})\s*[)）]`),
  new RegExp(String.raw`(?:^|[\s　(（\[【〔】〕|｜□■◎◆◇●○★☆▲△※╱／/:：])${ANY_REPORTER}(?:\s*[:：/／|｜]\s*|\s+)(${CN_NAMES})`),
  // 特约评论员 张三 · 本报评论员：李四 (a commentator's byline; "本报评论员文章" names nobody: a separator is required)
  COMMENTATOR,
  // (a photo credit, "记者方賓照攝", is not a byline: photographerFromText is the last resort for those)
  REPORTED_FROM,
  // 新华社记者邹多为、唐诗凝、丁乐 · 〔記者施曉光、吳亮儀／台北報導〕: a list glued to the label, told by its 、
  new RegExp(String.raw`${ANY_REPORTER}\s*(${CN_NAME}(?:[、，,]${CN_NAME}){1,7})(?=$|[\s)）\]】〕／╱/])`),
  // 記者王憶紅／台北報導 · 〔記者李欣芳／台北報導〕
  new RegExp(String.raw`${ANY_REPORTER}\s*(${CN_NAME})\s*[／╱/]\s*${DATELINE_KIND}`),
  // 【王家俊／台北報導】 · 劉屏／華盛頓4日電 · 中國時報張立勳／特稿 · （劉利貞／綜合外電報導）
  SLASH_DATELINE,
  OUTLET_NAMES_PLACE,
  // （姚峰 上海报道）
  new RegExp(String.raw`[(（]\s*(${CN_NAMES})\s+[${CN}]{2,6}?报道\s*[)）]`),
  // By 张晓明: an English label before a Chinese name (a bilingual template on a Chinese page)
  // (at the line's start or after a bar only: "Powered by 某某网络" closing a page is no byline)
  new RegExp(String.raw`(?:^|[|｜]\s*)(?:By|BY|by)\s*[:：]?\s*(${CN_NAMES})`),
  // （作者张晓明系江城大学教授） · （张晓明，作者系…）: the closing note on who the writer is names the writer
  new RegExp(String.raw`[(（]\s*(?:作者|本文作者)?\s*(?!作者)(${CN_NAME})\s*(?:[，,]\s*(?:作者|本文作者))?\s*系`),
  // 来源：江城日报作者：张三 (two labelled values run together: the colon makes the glued 作者 a label)
  new RegExp(String.raw`(?:来源|來源)[:：]\s*[^\s:：]{2,20}?(?:作者|作\s者)[:：]\s*(${CN_NAMES})`),
  // ggjjzhzz 发表于 2005-9-15 · Posted by jane
  /^([^\s:：]{2,24})\s+(?:发表于|发布于|發表於|發佈於|posted\s+(?:on|at))\s*\d/i,
  // Jeremy Tsheng 于 2023-03-12 13:08:03 发布 · 由 ddos8919 发布于 2024-02-24
  new RegExp(String.raw`^(?:由\s*)?([A-Za-z0-9_][^\s:：]{1,23}(?:\s[A-Za-z][^\s:：\d]{1,23})?|[${CN}]{2,4})\s*(?:于|於)\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}[^\n]{0,12}?(?:发布|發布|發佈|发表|發表)`),
  /^由\s*([^\s:：]{2,24}?)\s*(?:发布于|发表于|發佈於|發表於)\s*\d/,
  // 作者：放飞&心情 (any short token after the label)
  /(?:^|[\s(（\[【|｜])(?:作\s?者|发帖人|楼主|博主|发文机关|发布机构)\s*[:：]\s*([^\s:：|｜,，;；()（）\[\]【】<>"=]{1,20})(?=$|[\s|｜,，;；)）\]】])/,
];

/** Places datelines name after a reporter: Taiwan's and China's big cities, world capitals, any county or city. */
const DATELINE_PLACE = /^(?:台北|臺北|新北|桃園|台中|臺中|台南|臺南|高雄|基隆|新竹|苗栗|彰化|南投|雲林|嘉義|屏東|宜蘭|花蓮|台東|臺東|澎湖|金門|馬祖|北京|上海|天津|重慶|重庆|廣州|广州|深圳|香港|澳門|澳门|南京|武漢|武汉|杭州|成都|西安|華盛頓|华盛顿|紐約|纽约|東京|东京|首爾|首尔|倫敦|伦敦|巴黎|柏林|莫斯科|新加坡|曼谷|雪梨|悉尼|洛杉磯|洛杉矶|舊金山|旧金山|布魯塞爾|布鲁塞尔|日內瓦|日内瓦|[\u3400-\u9fff]{2,4}(?:縣|县|市|區|区|鄉|乡|鎮|镇|島|岛))$/;

/**
 * "盧太城台東縣" → "盧太城", "王明台北" → "王明", "歐陽夢萍台北" → "歐陽夢萍", "唐佩君" → "唐佩君": the name is the part
 * before a known place (three characters tried first, as most names have); without one, three glued characters or
 * fewer are the name alone, four are two and two, more are three and the rest.
 */
function nameBeforePlace(s: string): string {
  for (const k of [3, 2, 4]) if (s.length > k && DATELINE_PLACE.test(s.slice(k))) return s.slice(0, k);
  if (s.length <= 3) return s;
  return s.length === 4 ? s.slice(0, 2) : s.slice(0, 3);
}

/**
 * Capitalised words that follow a name in a byline but are not part of it: dates, roles, "Updated". Months that are
 * also first names (Jan, June, May, August…) end a name only before a day number ("Jane Doe Jan 5"), so "Jan Marchart"
 * stays a person.
 */
const NOT_NAME_WORD = String.raw`(?:(?:Jan(?:uary)?|Mar(?:ch)?|May|June?|July?|Aug(?:ust)?)\b(?=\.?,?\s*\d)|Feb(?:ruary)?|Apr(?:il)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Mon(?:day)?|Tue(?:s|sday)?|Wed(?:nesday)?|Thu(?:rs|rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?|Today|Yesterday|Updated|Published|Posted|Last|Modified|Photos?|Video|Read|Share|Follow|Email|Staff|Senior|Chief|Special|Associated|Reporter|Correspondent|Editor|Writer|Contributor|Columnist|Bureau|JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC|UPDATED|PUBLISHED|POSTED)\b`;
const EN_WORD = String.raw`(?!${NOT_NAME_WORD})[A-Z][A-Za-z.'’-]+`;
const EN_NAME = String.raw`${EN_WORD}(?:\s(?:${EN_WORD}|de|van|von|der|da|del|la|le|bin|al))*`;
// Case-sensitive on purpose: names are capitalised, "By taking off …" is prose.
/** What may stand before "By": a label word ("Guide by", "Published by") or a date ("May 3, 2017 By …"). */
const EN_BY_PREFIX = String.raw`(?:(?:[Ww]ritten|[Pp]osted|[Rr]eported|[Pp]ublished|[Rr]eview(?:ed)?|[Gg]uide|[Ss]tory|[Ww]ords|[Tt]ext|[Aa]rticle|[Ll]ast updated[^|]{0,30}?)\s|[^|]{0,30}?\b(?:19|20)\d{2},?\s*[|•·—–-]?\s*)?`;
const EN_BYLINE = new RegExp(String.raw`^${EN_BY_PREFIX}(?:[Bb]y|BY)[:\s]\s*(?:by\s+)?(${EN_NAME}(?:\s?(?:,|and|&)\s?${EN_NAME})*)`);
/** "Authors: Julie Weisenhorn and Natalie Hoidal, Extension educators", "This post was written by Danielle Padula, …". */
const EN_LABELLED = new RegExp(String.raw`(?:^(?:Authors?|AUTHORS?|Written by|Words by)\s*:?\s*|\b(?:written|posted) by\s+)(${EN_NAME}(?:\s?(?:,|and|&)\s?${EN_NAME})*)`);
/** A capitalised name word in any Latin-script language ("María", "Ångström", "Yılmaz"). */
const LATIN_WORD = String.raw`(?!${NOT_NAME_WORD})\p{Lu}[\p{L}.'’-]+`;
const LATIN_NAME = String.raw`${LATIN_WORD}(?:\s(?:${LATIN_WORD}|de|van|von|der|den|da|del|della|di|du|la|le|dos|das))*`;
/** Words joining names: und, et, y, e, og, och, en, i, oraz, ve, ja, és (and commas). */
const LATIN_AND = String.raw`(?:,|&|and|und|et|y|e|og|och|en|i|oraz|ve|ja|és)`;
/**
 * Bylines of other languages: "Von Anna Fink und Jan Marchart", "Par Martin Untersinger", "di Marco Rossi",
 * "Av Ingrid Treborg", "Autor: Jan Novák", "Texte : Jean Dupont", "Yazar: Ali Yılmaz". The label starts the line.
 */
const LATIN_BYLINE = new RegExp(
  String.raw`^(?:(?:Von|VON|von|Par|PAR|par|Por|POR|por|Door|door|Av|AV|av|Af|af|di|Przez|przez)\s|(?:Autor(?:in|ka|en)?|Auteur(?:e|s)?|Autore|Autori|Autores|Text|Texte|Texto|Testo|Tekst|Yazar|Kirjoittaja|Skrevet av|Skrevet af|Geschrieben von|Écrit par|Escrito por|Scritto da)\s*:\s)\s*(${LATIN_NAME}(?:\s?${LATIN_AND}\s?${LATIN_NAME})*)`,
  'u',
);

const EDITOR_NAME = String.raw`\s*[:：|｜]?\s*(${CN_NAMES}|[A-Za-z][A-Za-z .'’-]{1,40}?)(?=$|[\s)）\]】|｜,，;；:：_]|\d)`;
/** The responsible editor is the one credited when a line also names a copy or picture editor. */
const RESPONSIBLE_EDITOR = new RegExp(String.raw`(?:责任编辑|責任編輯|责编|責編)${EDITOR_NAME}`);
const EDITOR_PATTERN = new RegExp(
  String.raw`(?:责任编辑|責任編輯|责编|責編|值班编辑|网络编辑|编辑|編輯|主编|主編|编审|审核|審核|editor(?=\s*[:：])|edited by)\s*[:：|｜]?\s*(${CN_NAMES}|[A-Za-z][A-Za-z .'’-]{1,40}?)(?=$|[\s)）\]】|｜,，;；:：_]|\d)`,
  'i',
);

/** Words that follow names in bylines but are not names: the byline ends there (or, for roles, goes on). */
const NOT_NAME_END = /^(?:发表于|发布于|发表|发布|时间|日期|来源|编辑|责编|分类|阅读|浏览|点击|评论|报道|摄影?|整理|综合|出版|更新|原创)$/;
/** Page counters and tools that follow a byline label: "浏览次数", "点击数", "字号". */
const COUNTER_WORD = /(?:次数|点击|浏览|阅读|人气|字号|访问|评论)(?:数|量|率)?$/;
const ROLE_WORD = /(?:记者|記者|通讯员|通訊員|实习生|實習生)$/;
/**
 * Interface words around bylines (login boxes, share bars, follower counts, page tools): a name ends before them,
 * and a "name" made only of them is none ("账号 密码 自动登录", "字号", "分享").
 */
const UI_WORD = /^(?:账号|帐号|賬號|密码|密碼|登录|登錄|自动登录|登录并发表|注册|註冊|分享|分享到|字号|字體|举报|檢舉|收藏|打印|列印|关注|關注|粉丝|粉絲|首页|首頁|稍后再读|稍後再讀|招聘|管理|回复|回覆|点赞|订阅|訂閱|返回|更多|大|中|小)$/;
/** A name glued to the interface word after it ("新京报举报", "张三分享"). */
const UI_SUFFIX = /(?:举报|分享|收藏|打印|关注|字号|纠错)$/;
/** A title or affiliation after the name ("甜阁下 心理咨询师", "王文 院长"): the name ends there. */
const TITLE_WORD = /(?:师|院长|教授|主任|研究员|博士|校长|董事长|总裁|经理|主席|书记|部长|专家|学者|顾问|创始人|首席执行官|CEO)$/;
/** Credits after the names: "图片编辑：金洁", "校对". */
const ROLE_SUFFIX = /(?:编辑|校对|审核|审校|监制|摄影|摄像|制作|策划|设计|统筹|主编|责编|图片)$/;
const SECONDARY_ROLE = /^(?:[\u4e00-\u9fff]{0,6}(?:通讯员|实习生|见习记者|特约通讯员)|摄影|摄|实习|见习)$/;

/** "… on Monday, November 18th" / "… | Updated" trailing a byline. */
const BYLINE_TAIL = /\s+(?:on|at|updated|published|posted)\s+(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d).*$|\s*[|•·]\s.*$/i;

/** "Mei Reyes Transport correspondent", "Jane Doe, Senior Writer": the role after an English name. */
const EN_ROLE_TAIL = /(?:,?\s+(?:[A-Za-z&-]+\s){0,3}(?:correspondent|editor|reporter|writer|columnist|contributor|analyst|producer|journalist|staff))$/i;

/**
 * "【聯合晚報╱記者楊正海╱即時報導】", "記者陳嘉寧／桃園機場報導": a byline of slash-separated parts (outlet, reporter,
 * place) gives the part that names the reporter; anything else is returned as it is.
 */
function bylineSegment(s: string): string {
  const inner = s.replace(/^[【\[]|[】\]]$/g, '');
  const parts = inner.split(/\s*[／╱]\s*/);
  if (parts.length < 2) return s;
  const named = parts.find((p) => /^(?:[^\s]{0,8}?(?:记者|記者))/.test(p))?.replace(/^[^\s]{0,8}?(?:本报|本報)?(?:记者|記者)\s*/, '') ?? parts[0];
  // "記者邱瓊平/台北報導": an ASCII slash inside the part still ends the name.
  return named.split('/')[0];
}

export function cleanPersonName(raw: string): string | undefined {
  let s = bylineSegment(collapseSpace(raw))
    .replace(/^[\s,;:|•·–—-]+/, '')
    .replace(/^(?:(?:written|posted|reported|published|review|guide|story|words|text|article)\s+)?by\s*[:：]?\s*/i, '')
    .replace(/^(?:作者|記者|记者|文|撰文)\s*[:：/]?\s*/, '')
    // "〔編譯張三／綜合報導〕": a translator's or correspondent's role glued before the name.
    .replace(/^(?:編譯|编译|特派員|特派员)(?=[\u3400-\u9fff]{2,4}(?:$|\s*[／╱/]))/, '')
    .replace(BYLINE_TAIL, '')
    .replace(EN_ROLE_TAIL, '')
    .replace(/[,，、\s]+$/, '');
  s = s.replace(/\s*(?:报道|報導|报导|摄影?|攝影?|整理|发自.*|撰文)$/, '').trim();
  // Brackets around or after the name: "（记者 王玉龙）", "张三（北京大学教授）".
  s = s.replace(/^[（(【\[]\s*/, '').replace(/\s*[）)】\]]$/, '').replace(/\s*[（(【][^）)】]*$/, '').trim();
  s = undoubled(s.replace(/\s*\((?:[^()]*\b(?:manager|editor|writer|director|founder|reporter|staff|contributor|correspondent)\b[^()]*)\)$/i, ''));
  if (/[\u3400-\u9fff]/.test(s)) {
    // Chinese names are listed with spaces or 、; English ones keep ", ".
    s = s.replace(/\s*[、，,]\s*/g, ' ');
    const kept: string[] = [];
    for (const word of s.split(' ')) {
      if (NOT_NAME_END.test(word) || COUNTER_WORD.test(word) || UI_WORD.test(word) || isInterfaceWord(word)) break;
      if (kept.length > 0 && TITLE_WORD.test(word)) break;
      const bare = word.length > 3 && UI_SUFFIX.test(word) ? word.replace(UI_SUFFIX, '') : word;
      const token = splitAffiliation(bare) ?? bare;
      // "记者 吴建国 通讯员 孙凯": correspondents and interns credited after the reporter are not the author.
      if (kept.length > 0 && (SECONDARY_ROLE.test(token) || ROLE_SUFFIX.test(token))) break;
      if (!ROLE_WORD.test(token)) kept.push(token);
    }
    s = kept.join(' ');
  }
  return isPlausibleName(s) && !isDeskWord(s) && !/^(?:编辑|记者|通讯员|实习生|本报|本网|匿名|佚名)$/.test(s) ? s : undefined;
}

/** "Andrea Wong Andrea Wong": a name printed twice (one copy per layout) read as one string. */
function undoubled(s: string): string {
  const words = s.split(' ');
  if (words.length < 2 || words.length % 2 !== 0) return s;
  const half = words.length / 2;
  return words.slice(0, half).join(' ') === words.slice(half).join(' ') ? words.slice(0, half).join(' ') : s;
}

/** Names captured before "…报道" end with the place reported from: "彭冲 山东冠县报道" → "彭冲". */
function dropPlace(names: string, following: string): string {
  const parts = names.split(' ');
  return parts.length > 1 && /^报道/.test(following) ? parts.slice(0, -1).join(' ') : names;
}

/** Two-character names padded to the width of three: "赵 培" → "赵培"; a label's name spaced out: "作者：王 小 明". */
const SPACED_NAME = /(?<=^|[:：\s(（])([\u4e00-\u9fff])[ 　]([\u4e00-\u9fff])(?=$|[\s:：,，;；)）])/g;
const SPACED_NAME_3 = /(?<=[:：｜|/／]\s?)([\u4e00-\u9fff])[ 　]([\u4e00-\u9fff])[ 　]([\u4e00-\u9fff])(?=$|[\s,，;；)）])/g;
/**
 * Correspondents (通讯员) credited before the reporter ("通讯员 李四 记者 王小明"): not the author when a reporter is
 * named too, so they are set aside before the patterns run.
 */
const CORRESPONDENT = new RegExp(String.raw`(?:通讯员|通訊員)\s*[:：]?\s*${CN_NAMES}`, 'g');

/** Agencies and outlets credited beside a reporter ("By Mei Reyes, AP"): not people. */
const AGENCY = /^(?:[A-Z]{2,5}|The\s.+|Reuters|Bloomberg|Xinhua|Kyodo|Yonhap|Getty|.*\b(?:Press|News|Newswire|Wire|Times|Post|Journal|Herald|Tribune|Agency|Service|Media|Network|Staff|Desk|Team)s?)$/;

/**
 * The names at the head of a list that are names: a part that is not one ("Head", "Trial Attorney") ends the list,
 * and role words after a name ("Will Judd Former Deputy Tech") are cut off.
 */
function leadingPeople(parts: string[]): string[] {
  const out: string[] = [];
  for (const raw of parts) {
    let words = raw.trim().split(/\s+/);
    while (words.length > 1 && !isPersonName(words.join(' '))) words = words.slice(0, -1);
    const name = words.join(' ');
    if (!isPersonName(name) || (out.length > 0 && words.length < 2)) break;
    out.push(name);
    if (name !== raw.trim()) break;
  }
  return out;
}

/**
 * A credit line's names with the page's own separators ("A, B and C" stays so): names and the separators between
 * them, up to the first part that is a role or a place ("…, Extension educators"). After the first name a single
 * word is a role or a place ("…, Extension"), not another person. An agency credited beside the reporters ("By Mei
 * Reyes, AP") is skipped when `skipAgencies`, else it ends the list.
 */
function namesAsWritten(list: string, skipAgencies: boolean): string | undefined {
  const parts = list.split(/(\s*,\s*|\s+(?:and|&|und|et|y|e|og|och|en|i|oraz|ve|ja|és)\s+)/);
  let kept = '';
  let lastCredential = false;
  for (let i = 0; i < parts.length; i += 2) {
    const creds = kept && /,/.test(parts[i - 1]) ? credentialsOf(parts[i], lastCredential || endsWithCredential(kept)) : undefined;
    if (creds) {
      kept += `, ${creds}`;
      lastCredential = true;
      continue;
    }
    lastCredential = false;
    const name = leadingPeople([parts[i]])[0];
    if (name && isAgencyName(name) && skipAgencies) continue;
    if (!name || isAgencyName(name) || (i > 0 && !name.includes(' '))) break;
    kept += (kept ? parts[i - 1] : '') + name;
    if (name !== parts[i].trim()) break;
  }
  return kept ? cleanPersonName(kept) : undefined;
}

function isAgencyName(name: string): boolean {
  return AGENCY.test(name.trim());
}

export function authorFromText(text: string): string | undefined {
  // A long opening or closing paragraph carries its byline at its start ("新华社北京5月20日电（记者王雨萧）…") or end.
  if (text.length > 400) return authorFromShort(text.slice(0, 160)) ?? authorFromShort(text.slice(-100));
  return authorFromShort(text);
}

/**
 * Patterns that open with an unanchored reporter label or need a slash scan every position of the line: they are
 * run only on lines that hold a reporter word or a slash (a cheap test first keeps the byline pass fast).
 */
const NEEDS_REPORTER = new Set(AUTHOR_PATTERNS.filter((re) => re.source.includes('记者|記者|实习生')));
const NEEDS_SLASH = new Set([SLASH_DATELINE]);
const COMMENTATOR_IN_LINE = /评论员|評論員/;
const REPORTER_IN_LINE = /记者|記者|实习生|實習生|通讯员|通訊員|特派/;
const SLASH_IN_LINE = /[／╱/]/;

function authorFromShort(text: string): string | undefined {
  let t = barSeparators(collapseSpace(text)).replace(SPACED_NAME_3, '$1$2$3').replace(SPACED_NAME, '$1$2');
  if (/(?:通讯员|通訊員)/.test(t) && /(?:记者|記者)/.test(t.replace(/^[^记記]*(?:通讯员|通訊員)/, ''))) t = t.replace(CORRESPONDENT, ' ');
  if (t.length > 400) return undefined;
  const reporter = REPORTER_IN_LINE.test(t);
  const slash = SLASH_IN_LINE.test(t);
  for (const re of AUTHOR_PATTERNS) {
    if ((!reporter && NEEDS_REPORTER.has(re)) || (!slash && NEEDS_SLASH.has(re)) || (re === COMMENTATOR && !COMMENTATOR_IN_LINE.test(t))) continue;
    const m = re.exec(t);
    if (!m) continue;
    // A photo credit ("（記者方賓照攝）", "记者 王某 摄") names the photographer, not the writer.
    // ("张三 摄影 李四" is two credits: the label 摄影 then the photographer, so 张三 stays the writer.)
    if (/(?:摄|攝)影?$/.test(m[1]) || /^\s*[/／]?\s*(?:摄|攝)影?\s*(?:$|[)）\]】〕,，;；。])/.test(t.slice(m.index + m[0].length))) continue;
    // Unlabelled names before the place must look like names ("公視新聞 台中 嘉義 報導" lists places).
    if (re === OUTLET_NAMES_PLACE && !m[1].split(/[\s、，,]+/).filter(Boolean).every(hasSurnameShape)) continue;
    const raw = re === NAME_AND_PLACE ? m[1] + nameBeforePlace(m[2]) : re === REPORTED_FROM && m[1].length === 4 && DATELINE_PLACE.test(m[1].slice(2)) ? m[1].slice(0, 2) : m[1];
    const name = cleanPersonName(dropPlace(collapseSpace(raw), t.slice(m.index + m[0].length).trimStart()));
    if (name) return name;
  }
  // 【聯合報╱本報記者古硯偉】 · 新华社记者王某: one name glued to the label and closing the line or bracket, with a
  // common surname (so "记者了解到" is not a byline).
  const glued = reporter ? GLUED_REPORTER_END.exec(t) : null;
  // ("（記者李四攝）" is a photo credit: the 攝 glued to the name says so.)
  if (glued && hasCommonSurname(glued[1]) && !/(?:摄|攝)$/.test(glued[1])) {
    const name = cleanPersonName(glued[1]);
    if (name) return name;
  }
  const en = EN_BYLINE.exec(t);
  if (en && t.length < 150) return namesAsWritten(en[1], true);
  const labelled = t.length < 200 ? EN_LABELLED.exec(t) : null;
  if (labelled) return namesAsWritten(labelled[1], false);
  return undefined;
}

/** A byline labelled in another language (LATIN_BYLINE); people.ts tries it in the info line before the edges. */
export function otherLanguageByline(text: string): string | undefined {
  if (text.length > 300) return undefined;
  const t = collapseSpace(text);
  const m = t.length < 150 ? LATIN_BYLINE.exec(t) : null;
  return m ? namesAsWritten(m[1], true) : undefined;
}

const GLUED_REPORTER_END = new RegExp(String.raw`(?:^|[\s【〔\[(（╱／/|｜:：])${ANY_REPORTER}(${CN_NAME})(?=\s*(?:$|[】〕)）\]])|\s)`);

const BRACKETED_NAMES = new RegExp(String.raw`[\[【]\s*(${CN_NAMES})\s*[\]】]`);
export const LONE_NAME = new RegExp(String.raw`^[${CN}]{2,4}$`);
const TRAILING_NAMES = new RegExp(String.raw`[(（]\s*(${CN_NAMES})\s*[)）]\s*$`);
/** Endings of organisations and notes, not people: （新华社） （完） （图文） （市教育局）. */
const NOT_PERSON_END = /(?:社|网|报|台|站|局|部|委|会|院|室|处|厅|办|省|市|县|区|图|摄|完|续|版|文|稿|讯|电|组|队|司|中心)$/;

/** Names in brackets closing a paragraph: "…的新春佳节。（常书香 马丹阳）". For the body's last lines. */
export function trailingNames(text: string): string | undefined {
  if (text.length > 2000) return undefined;
  const m = TRAILING_NAMES.exec(text.slice(-60));
  if (!m) return undefined;
  const names = collapseSpace(m[1]);
  if (names.split(' ').some((n) => NOT_PERSON_END.test(n))) return undefined;
  return cleanPersonName(names);
}

/** The hundred-odd commonest Chinese surnames: enough to tell "尹娟" (a person) from "千龙网" (an outlet). */
const COMMON_SURNAMES = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝']);
export const OUTLET_END = /(?:报|网|社|台|刊|站|局|部|委|会|院|中心|新闻|杂志|频道|客户端|在线|时报|周刊|公司|集团|大学|学院|政府)$/;

/** Traditional forms of the common surnames above. */
const TRADITIONAL_SURNAMES = new Set([...'陳劉黃張楊趙吳孫馬羅鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒閆賀顧龔錢嚴湯溫齊喬龐顏聶魯歐關蘭寧紀畢單駱藍鮑饒陽時農繆簡車項連蘆麥婁竇黨費衛應臧閔鄔邊師欒榮鞏遲鄺']);

/** Starts with one of the commonest surnames (simplified or traditional), 2–3 characters in all. */
export function hasCommonSurname(s: string): boolean {
  return /^[\u4e00-\u9fff]{2,3}$/.test(s) && (COMMON_SURNAMES.has(s[0]) || TRADITIONAL_SURNAMES.has(s[0]));
}

/** Two-character surnames (欧阳, 司马, 諸葛 …): their names run to four characters. */
const COMPOUND_SURNAME = /^(?:欧阳|歐陽|司马|司馬|诸葛|諸葛|上官|东方|東方|皇甫|慕容|令狐|公孙|公孫|夏侯|尉迟|尉遲|长孙|長孫|宇文|司徒|端木|南宫|南宮|独孤|獨孤|西门|西門)[\u4e00-\u9fff]{1,2}$/;

/** A name with a common single or a compound surname: "张三", "歐陽娜娜", "司马南". */
export function hasSurnameShape(s: string): boolean {
  return hasCommonSurname(s) || COMPOUND_SURNAME.test(s);
}

/** Does this look like a Chinese personal name (common surname + 1–2 characters, not an outlet)? */
export function looksLikeChineseName(s: string): boolean {
  return /^[\u4e00-\u9fff]{2,3}$/.test(s) && COMMON_SURNAMES.has(s[0]) && !OUTLET_END.test(s);
}

/** Weaker forms, for the info line only: "[ 黄宇 ]" beside a date, a lone name line, "蔡雪婧/摄". */
export function authorFromInfoLine(text: string): string | undefined {
  if (text.length > 120 * 2) return undefined;
  const t = collapseSpace(text);
  if (t.length > 120) return undefined;
  const bracketed = BRACKETED_NAMES.exec(t);
  if (bracketed && /\d{1,2}[:：]\d{2}|\d{4}[-年/]/.test(t)) return cleanPersonName(bracketed[1]);
  return undefined;
}

/** A date written with a four-digit year or day-first dots ("05.04.2025", "3. Mai 2024", "2024-04-05"). */
const DATED = /\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{2}|\d{4})\b|\b(?:19|20)\d{2}\b/;
/**
 * An info line of two or three parts split by bars or dots, one of them a Latin name of two or more words right
 * beside the date ("Sehernur Karsu | 05.04.2025 - Güncelleme : 05.04.2025", "3. Mai 2024 · Anna Fink"): news
 * sites in every language write the byline so, without a "by" word. A weak form: used after the page's meta author.
 */
export function nameBesideDate(text: string): string | undefined {
  if (text.length > 240) return undefined;
  const t = collapseSpace(text);
  if (t.length > 120) return undefined;
  const parts = t.split(/\s*[|｜·•]\s*/).filter(Boolean);
  if (parts.length < 2 || parts.length > 3) return undefined;
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i].trim();
    if (!/^\p{Lu}/u.test(name) || !/\s/.test(name) || !isPersonName(name)) continue;
    if ([parts[i - 1], parts[i + 1]].some((p) => p !== undefined && DATED.test(p) && !isPersonName(p))) return name;
  }
  return undefined;
}

const PHOTO_CREDIT = new RegExp(String.raw`(?:^|\s)(${CN_NAME})\s?[/／]\s?(?:摄|攝)(?:$|\s|影)`);
// "王錦義翻攝": 翻攝 (a photo of a photo) is the credit's verb, not the name's last character.
const CLOSING_PHOTO_CREDIT = new RegExp(String.raw`(?:^|[\s。，,；(（/／])(?:[图圖]\s?[/／]\s?)?(?:记者|記者)?(${CN_NAME})\s?[/／]?\s?(?:翻|翻拍)?(?:摄|攝)影?\s*[)）]?$`);

export function photographerFromText(text: string): string | undefined {
  if (text.length > 300) return undefined;
  const t = collapseSpace(text);
  // "蔡雪婧/摄" anywhere; "…身亡。王煌忠攝", "（記者劉信德攝）", "（圖／房書勤攝）" closing a caption.
  const m = PHOTO_CREDIT.exec(t) ?? CLOSING_PHOTO_CREDIT.exec(t);
  return m ? cleanPersonName(m[1]) : undefined;
}

/**
 * Every editor label holds 编, 編, 审 or 審, or "edit" in some case; collapsing space and barSeparators never add
 * one. Most lines of the whole-page scan hold none: a cheap test spares them the labelled pattern's alternation.
 */
const EDITOR_HINT_CJK = /[编編审審]/;
const EDITOR_HINT_LATIN = /edit/i;

export function editorFromText(text: string): string | undefined {
  if (text.length > 300 * 2) return undefined;
  if (!EDITOR_HINT_CJK.test(text) && !EDITOR_HINT_LATIN.test(text)) return undefined;
  const t = barSeparators(collapseSpace(text));
  if (t.length > 300) return undefined;
  const m = RESPONSIBLE_EDITOR.exec(t) ?? EDITOR_PATTERN.exec(t);
  return m ? cleanPersonName(m[1]) : undefined;
}
