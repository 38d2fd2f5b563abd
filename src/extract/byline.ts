/**
 * Author, editor and source (来源) from page text lines: Chinese labelled forms (作者：, 记者 王玉龙, 文/, 执笔：,
 * 责任编辑：, 来源：), unlabelled info lines ("2022-02-13 09:57 光明网", "[ 黄宇 ]"), and English bylines
 * ("By Jane Doe and John Roe"). Editors are never taken as authors. Lines are short and the regexes anchored on
 * labels, so this stays linear.
 */
import { collapseSpace } from './text.js';

const CN = String.raw`\u3400-\u9fff\uf900-\ufaff`;
/** One Chinese personal name: 2–4 characters, or a transliteration with ·; shortest match before a stop. */
const CN_NAME = String.raw`(?:[${CN}]{1,6}[·•][${CN}]{1,10}?|[${CN}]{2,4}?)`;
const NAME_STOP = String.raw`(?=$|[\s　)）\]】>,，、;；|｜/:：_]|报道|摄影?|通讯员|实习生|特约|发自|编辑|责编|责任编辑|校对|审核|时间|日期|发布|整理|综合|电\b|讯|联合|撰文|文字|供图|提供|作品|来源|出处|等)`;
/** Several names separated by spaces or 、 (e.g. "王建宏 张文攀"). */
// A following label ("孙宁 责任编辑：…") is not a second name.
const CN_NAMES = String.raw`${CN_NAME}${NAME_STOP}(?:\s?[、，,\s]\s?(?!责任|责编|编辑|来源|校对|审核|摄影)${CN_NAME}${NAME_STOP}){0,7}`;
const OUTLET = String.raw`(?:本报|本刊|本网|本台|新华社|中新社|中新网|央视网|人民网|光明网|新华网|央广网|[${CN}\dA-Za-z]{1,10}?(?:日报|晚报|早报|时报|报道|报|网|台|频道|客户端|社))`;
const REPORTER = String.raw`${OUTLET}?(?:首席|特约|见习|驻[${CN}]{1,4})?(?:记者|实习生|通讯员)`;
/** Any outlet or desk written before 记者 ("总台央视记者", "澎湃新闻记者", "新华社北京10月12日电 记者"). */
const ANY_REPORTER = String.raw`[${CN}A-Za-z\d]{0,12}?(?:首席|特约|见习|驻[${CN}]{1,4})?(?:记者|实习生|通讯员)`;

/** A label glued to the name by the page's markup ("作者：孙宁责任编辑：NF041" from two adjacent spans). */
const NEXT_LABEL = String.raw`(?:责任编辑|责编|编辑|来源|校对|审核)\s*[:：]`;

/** Labelled author forms; the first group is the name. */
const AUTHOR_PATTERNS: RegExp[] = [
  // 作者：茉莉 · 撰文：张三 · 执笔人：… · 发帖人：…
  new RegExp(String.raw`(?:^|[\s(（\[【|｜])(?:作\s?者|原作者|撰文|撰稿|执笔人?|文字|文章作者|发布者|发帖人|楼主|博主|投稿人)\s*[:：]\s*(${CN_NAMES}|[A-Za-z][\w .'’-]{1,40}?)(?=$|[\s)）\]】|｜,，;；:：_]|\d|${NEXT_LABEL})`),
  // 文/李四 · 文｜王五 · 文/图 赵六
  new RegExp(String.raw`(?:^|[\s(（\[【|｜])文\s*[/／|｜:：]\s*(?:图\s*[/／]?\s*)?(${CN_NAMES})`),
  // （记者 王玉龙） · 本报记者 刘国栋 周炜 · 记者王玉龙报道
  new RegExp(String.raw`[(（]\s*${ANY_REPORTER}\s*[:：]?\s*(${CN_NAMES})\s*[)）]`),
  new RegExp(String.raw`(?:^|[\s　(（\[【|｜□■])${ANY_REPORTER}(?:\s*[:：]\s*|\s+)(${CN_NAMES})`),
  new RegExp(String.raw`${REPORTER}(${CN_NAME})(?:报道|发自|摄)`),
  // （姚峰 上海报道）
  new RegExp(String.raw`[(（]\s*(${CN_NAMES})\s+[${CN}]{2,6}?报道\s*[)）]`),
  // ggjjzhzz 发表于 2005-9-15 · Posted by jane
  /^([^\s:：]{2,24})\s+(?:发表于|发布于|posted\s+(?:on|at))\s*\d/i,
  // 作者：放飞&心情 (any short token after the label)
  /(?:^|[\s(（\[【|｜])(?:作\s?者|发帖人|楼主|博主|发文机关|发布机构)\s*[:：]\s*([^\s:：|｜,，;；()（）\[\]【】<>"=]{1,20})(?=$|[\s|｜,，;；)）\]】])/,
];

/** Capitalised words that follow a name in a byline but are not part of it: dates, roles, "Updated". */
const NOT_NAME_WORD = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Mon(?:day)?|Tue(?:s|sday)?|Wed(?:nesday)?|Thu(?:rs|rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?|Today|Yesterday|Updated|Published|Posted|Last|Modified|Photos?|Video|Read|Share|Follow|Email|Staff|Senior|Chief|Special|Associated|Reporter|Correspondent|Editor|Writer|Contributor|Columnist|Bureau)\b`;
const EN_WORD = String.raw`(?!${NOT_NAME_WORD})[A-Z][A-Za-z.'’-]+`;
const EN_NAME = String.raw`${EN_WORD}(?:\s(?:${EN_WORD}|de|van|von|der|da|del|la|le|bin|al))*`;
// Case-sensitive on purpose: names are capitalised, "By taking off …" is prose.
const EN_BYLINE = new RegExp(String.raw`^(?:[Ww]ritten\s|[Pp]osted\s|[Rr]eported\s)?(?:[Bb]y|BY)[:\s]\s*(${EN_NAME}(?:\s?(?:,|and|&)\s?${EN_NAME})*)`);

const EDITOR_PATTERN = new RegExp(
  String.raw`(?:责任编辑|责编|值班编辑|网络编辑|编辑|主编|编审|审核|editor|edited by)\s*[:：]?\s*(${CN_NAMES}|[A-Za-z][A-Za-z .'’-]{1,40}?)(?=$|[\s)）\]】|｜,，;；:：_]|\d)`,
  'i',
);

const SOURCE_PATTERN = new RegExp(
  String.raw`(?:^|[^${CN}])(?:文章来源|新闻来源|信息来源|稿件来源|消息来源|来源|来自|稿源|出处|转自|转载自|source)\s*[:：]\s*(.{2,40})`,
  'i',
);
/** Where a source name ends: another label, a date, a separator. */
const SOURCE_END = /\s{2,}|[|｜/,，;；)）\]】]|\s(?=[^\s]*[:：])|(?:作者|记者|編輯|编辑|责任编辑|时间|发布|浏览|点击|阅读|日期|\d{4}[-/年]|字号|打印|分享|评论|举报|收藏|纠错|关注|订阅|扫码|手机看|大中小).*$/;
/** Values that name no publication. */
const NOT_A_SOURCE = /^(?:网络|互联网|网络转载|转载|转载文章|未知|不详|本站|本网|原创|综合|网友|网友投稿|投稿|其他|其它|佚名|admin|none|null|unknown)$/i;
/** Names of outlets as they end: 报, 网, 社, 台, 刊 … */
const OUTLET_NAME = new RegExp(String.raw`^[${CN}A-Za-z0-9·]{2,16}(?:报|网|社|台|刊|新闻|周刊|杂志|频道|客户端|之春|在线|通讯|观察|报道)$`);

function isPlausibleName(s: string): boolean {
  return s.length > 0 && s.length <= 80 && !/[=<>"{}]|https?:|@|\.(?:com|cn|net|org)\b/i.test(s);
}

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
  return parts.find((p) => /^(?:[^\s]{0,8}?(?:记者|記者))/.test(p))?.replace(/^[^\s]{0,8}?(?:本报|本報)?(?:记者|記者)\s*/, '') ?? parts[0];
}

export function cleanPersonName(raw: string): string | undefined {
  let s = bylineSegment(collapseSpace(raw))
    .replace(/^(?:(?:written|posted|reported)\s+)?by\s*[:：]?\s*/i, '')
    .replace(/^(?:作者|記者|记者|文|撰文)\s*[:：/]?\s*/, '')
    .replace(BYLINE_TAIL, '')
    .replace(EN_ROLE_TAIL, '')
    .replace(/[,，、\s]+$/, '');
  s = s.replace(/\s*(?:报道|報導|报导|摄影?|攝影?|整理|发自.*|撰文)$/, '').trim();
  if (/[\u3400-\u9fff]/.test(s)) {
    // Chinese names are listed with spaces or 、; English ones keep ", ".
    s = s.replace(/\s*[、，,]\s*/g, ' ');
    const kept: string[] = [];
    for (const word of s.split(' ')) {
      if (NOT_NAME_END.test(word) || COUNTER_WORD.test(word) || UI_WORD.test(word)) break;
      if (kept.length > 0 && TITLE_WORD.test(word)) break;
      const token = word.length > 3 && UI_SUFFIX.test(word) ? word.replace(UI_SUFFIX, '') : word;
      // "记者 吴建国 通讯员 孙凯": correspondents and interns credited after the reporter are not the author.
      if (kept.length > 0 && (SECONDARY_ROLE.test(token) || ROLE_SUFFIX.test(token))) break;
      if (!ROLE_WORD.test(token)) kept.push(token);
    }
    s = kept.join(' ');
  }
  return isPlausibleName(s) && !/^(?:编辑|记者|通讯员|实习生|本报|本网|匿名|佚名)$/.test(s) ? s : undefined;
}

/** Names captured before "…报道" end with the place reported from: "彭冲 山东冠县报道" → "彭冲". */
function dropPlace(names: string, following: string): string {
  const parts = names.split(' ');
  return parts.length > 1 && /^报道/.test(following) ? parts.slice(0, -1).join(' ') : names;
}

/** Two-character names padded to the width of three: "赵 培" → "赵培". */
const SPACED_NAME = /(?<=^|[:：\s(（])([\u4e00-\u9fff])[ 　]([\u4e00-\u9fff])(?=$|[\s:：,，;；)）])/g;

/** Agencies and outlets credited beside a reporter ("By Mei Reyes, AP"): not people. */
const AGENCY = /^(?:[A-Z]{2,5}|The\s.+|Reuters|Bloomberg|Xinhua|Kyodo|Yonhap|Getty|.*\b(?:Press|News|Newswire|Wire|Times|Post|Journal|Herald|Tribune|Agency|Service|Media|Network|Staff|Desk|Team)s?)$/;

function isAgencyName(name: string): boolean {
  return AGENCY.test(name.trim());
}

export function authorFromText(text: string): string | undefined {
  if (text.length > 400 * 2) return undefined;
  const t = collapseSpace(text).replace(SPACED_NAME, '$1$2');
  if (t.length > 400) return undefined;
  for (const re of AUTHOR_PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const name = cleanPersonName(dropPlace(collapseSpace(m[1]), t.slice(m.index + m[0].length).trimStart()));
    if (name) return name;
  }
  const en = EN_BYLINE.exec(t);
  if (en && t.length < 150) {
    const people = en[1].replace(/\s(?:and|&)\s/g, ', ').split(/\s*,\s*/).filter((n) => n && !isAgencyName(n));
    return people.length > 0 ? cleanPersonName(people.join(', ')) : undefined;
  }
  return undefined;
}

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
const OUTLET_END = /(?:报|网|社|台|刊|站|局|部|委|会|院|中心|新闻|杂志|频道|客户端|在线|时报|周刊|公司|集团|大学|学院|政府)$/;

/** Does this look like a Chinese personal name (common surname + 1–2 characters, not an outlet)? */
export function looksLikeChineseName(s: string): boolean {
  return /^[\u4e00-\u9fff]{2,3}$/.test(s) && COMMON_SURNAMES.has(s[0]) && !OUTLET_END.test(s);
}

/** Weaker forms, for the info line only: "[ 黄宇 ]" beside a date, a lone name line, "蔡雪婧/摄". */
export function authorFromInfoLine(text: string): string | undefined {
  if (text.length > 120 * 2) return undefined;
  const t = collapseSpace(text);
  if (t.length > 120) return undefined;
  const bracketed = new RegExp(String.raw`[\[【]\s*(${CN_NAMES})\s*[\]】]`).exec(t);
  if (bracketed && /\d{1,2}[:：]\d{2}|\d{4}[-年/]/.test(t)) return cleanPersonName(bracketed[1]);
  return undefined;
}

/** A line that is only a Chinese name (2–4 characters): the byline of essays and magazine pieces. */
export function loneNameLine(text: string): string | undefined {
  if (text.length > 20) return undefined;
  const t = collapseSpace(text);
  return new RegExp(String.raw`^[${CN}]{2,4}$`).test(t) && !/^(?:正文|首页|国内|国际|社会|财经|评论|专题|图片|视频|返回|更多|相关|推荐|时政|体育|娱乐|科技|军事|文化|教育|健康|原创|转载|作者|编辑)$/.test(t) ? t : undefined;
}

export function photographerFromText(text: string): string | undefined {
  if (text.length > 300) return undefined;
  const m = new RegExp(String.raw`(?:^|\s)(${CN_NAME})\s?[/／]\s?摄(?:$|\s|影)`).exec(collapseSpace(text));
  return m ? cleanPersonName(m[1]) : undefined;
}

export function editorFromText(text: string): string | undefined {
  if (text.length > 300 * 2) return undefined;
  const t = collapseSpace(text);
  if (t.length > 300) return undefined;
  const m = EDITOR_PATTERN.exec(t);
  return m ? cleanPersonName(m[1]) : undefined;
}

function cleanSource(raw: string): string | undefined {
  let s = raw.replace(/^[\s[【《「“"]+/, '');
  const end = SOURCE_END.exec(s);
  if (end) s = s.slice(0, end.index);
  // Chinese outlet names have no spaces: "21世纪经济报道 发表" ends at the space.
  if (/[\u3400-\u9fff]/.test(s)) s = s.split(/\s/)[0];
  s = s.replace(/[\]】》」”"\s]+$/, '').replace(/^[《「“"]|[》」”"]$/g, '').trim();
  // "中国新闻网(北京)" cut at its ")": a bracket left open is the dateline place, not part of the name.
  s = s.replace(/\s*[(（][^()（）]*$/, '').trim();
  if (s.length < 2 || s.length > 30 || NOT_A_SOURCE.test(s) || !isPlausibleName(s)) return undefined;
  return s;
}

export function sourceFromText(text: string): string | undefined {
  if (text.length > 300 * 2) return undefined;
  const t = collapseSpace(text);
  if (t.length > 300) return undefined;
  const m = SOURCE_PATTERN.exec(t);
  return m ? cleanSource(m[1]) : undefined;
}

const DATE_IN_LINE = /(?:19|20)\d{2}\s?[-/.年]\s?\d{1,2}\s?[-/.月]\s?\d{1,2}\s?日?(?:\s?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?/g;

/**
 * A publication named on a short date line without a label: "2005年03月21日 11:21 《理财周刊》",
 * "2022-02-13 09:57 光明网", "——《北京之春》1998年3月号".
 */
export function sourceFromInfoLine(text: string): string | undefined {
  if (text.length > 90 * 2) return undefined;
  const t = collapseSpace(text);
  if (t.length > 90 || !/\d{1,2}[:：]\d{2}|(?:19|20)\d{2}\s?[-年/.]/.test(t)) return undefined;
  const bracketed = /《([^》]{2,20})》/.exec(t);
  if (bracketed) return cleanSource(bracketed[1]);
  const rest = t
    .replace(/【[^】]*】|\[[^\]]*\]|（[^）]*）|\([^)]*\)/g, ' ')
    .replace(/https?:\/\/\S+|www\.\S+/g, ' ')
    .replace(DATE_IN_LINE, ' ')
    .replace(/[|｜]/g, ' ');
  const tokens = rest.split(/\s+/).filter((x) => x && !/^(?:星期.|周.|更新|发布|来源|[:：])$/.test(x));
  return tokens.length === 1 && OUTLET_NAME.test(tokens[0]) ? cleanSource(tokens[0]) : undefined;
}
