/**
 * The outlet a page credits (来源): labelled lines (来源：, 本文来源, 稿件来源, 來源, 来源丨, a label and its value in
 * two elements), an outlet alone on the date line ("2022-02-13 09:57 光明网"), and datelines that open with an
 * outlet or a wire service (【聯合晚報╱記者…】, 新华社北京5月9日电). A trailing location or tool link is cut off.
 */
import { normalisedLabelText, CN, CN_NAME, DATELINE_KIND, isDeskWord, isPlausibleName, isSectionName, OUTLET_PREFIX } from './people-patterns.js';
import { hasSurnameShape } from './byline-surnames.js';
import { collapseSpace } from './text.js';

const SOURCE_PATTERN = new RegExp(
  String.raw`(?:^|[^${CN}])(?:(?:文章|新闻|新聞|信息|稿件|消息|本文|原文|内容|內容|转载|轉載|資料)(?:来源|來源)|本文转自|本文轉自|本文出处|原文出处|文章出处|文章出處|来源|來源|来自|來自|稿源|出处|出處|转自|轉自|转载自|轉載自|source)\s*(?:[:：|｜]|(?<=(?:^|[\s\d:：])[【\[〔［](?:文章|新闻|新聞|信息|稿件|本文)?(?:来源|來源|稿源|出处|出處))[】\]〕］]\s*[:：]?)\s*(.{2,40})`,
  'i',
);
/**
 * Credits written as a verb of taking or first printing: 摘自《人民日报》, 出自 TechCrunch, 原载于南方周末, 本文转载自新京报, 来源于：新京报,
 * 供稿：新华社. The colon is optional after these; without one the value must be bracketed (《…》) or read as an
 * outlet's name, so prose ("…转自己的…") is no credit.
 */
const VERB_SOURCE = new RegExp(
  String.raw`(?:^|[^${CN}])(?:本文|文章|此文|原文)?(摘自|选自|選自|出自|原载于|原載於|原载|原載|刊于|刊於|转载于|轉載於|转载自|轉載自|转自|轉自|来源于|來源於|供稿)\s*([:：|｜]?)\s*(.{2,40})`,
);
/**
 * 出自 quotes a book, a poem or a speaker far more often than it credits an outlet ("“关关雎鸠”出自《诗经》。", "——出自
 * 《论语》"): it credits one only as a line of its own, the verb and the name and nothing else.
 */
const QUOTING_VERB = /^(?:出自)$/;
/** A picture's or a quote's credit line ("圖／出自：Shutterstock", "—— 出自 Steve Jobs") credits no outlet of the story. */
const NOT_STORY_CREDIT = /^\s*(?:[(（【\[]\s*)?(?:圖|图|照片|相片|攝影|摄影|photo|image|picture)|^\s*[—–-]/i;
/**
 * "本文来自微信公众号：某某研究（ID：…），作者：张三": a reprint crediting the account it came from. 来自 alone is prose
 * ("来自北京的游客"); with the account platform named it is a credit. It opens the line or says 本文 ("这份榜单，来自公众号
 * “江城数据”的统计" is prose), and the account's name follows a colon, a quote or a space ("来自微信公众号文章" names none).
 */
const ACCOUNT_CREDIT = /(?:^[\s(（【[]*(?:本文|文章|此文|原文)?|(?<![\u3400-\u9fff])(?:本文|文章|此文|原文))(?:来自|來自)于?\s*(?:微信公众号|微信公眾號|公众号|公眾號)(?:\s*[:：]\s*|\s*(?=[“"「『《])|\s+)(.{2,50})/;
/**
 * "上海发布（ID：shanghaifabu）", "某某研究，作者：张三": the account's name runs to a bracket, a comma or a space; the
 * SOURCE_END words do not end it (发布: "XX发布" is how government accounts are named).
 */
const ACCOUNT_NAME_RUN = /^([^\s（()）【】[\]，,。；;：:“”"「」|｜/／…！!→]{2,30})(?=$|[\s（()）【】[\]，,。；;|｜/／…！!→])/;
const SPACED_SOURCE = new RegExp(String.raw`(?:^|\s)(?:来源|來源|稿源)\s+([^\s:：]{2,30})(?=$|\s)`);
/**
 * "作者/张三 来源/某某日报": a slash after the label, as writer labels take one ("文/张三"). Only at the line's start or
 * after a space, and only the Chinese labels: "…/source/…" in a path is no credit. Under a picture "来源/视觉中国" is the
 * picture's credit (PICTURE_AGENCY), and a reprint verb after the label ("来源/ 本文转载自新京报") is left to VERB_SOURCE.
 */
const SLASH_SOURCE = /(?:^|\s)(?:来源|來源|稿源|出处|出處)\s?[／/]\s?(\S.{1,39})/;
/** Stock-picture agencies: credited under a picture, never for a story. */
const PICTURE_AGENCY = /^(?:视觉中国|視覺中國|东方IC|東方IC|图虫(?:创意)?|圖蟲|全景网?|站酷海洛|壹图网?|摄图网|千图网|包图网|CFP|IC ?photo|Getty(?: ?Images)?|Shutterstock|123RF|Unsplash|Pexels|Pixabay)$/i;
const REPRINT_VERB_START = /^(?:本文|原文)?(?:转载|轉載|转自|轉自|摘自|摘编|摘編|原载|原載|选自|選自|来自|來自|刊于|刊於|载于|載於)/;
/** Where a source name ends: another label, a date, a separator. */
// (Also the page tools glued after it: an opening bracket of a tool ("【打印】", "[复制链接]") and tool words: 我要纠错,
// 二维码, 扫一扫, A+ A-, 点赞, 返回顶部, 网友评论. Not a dash: "环球时报-环球网" is one credit as printed. These tool words
// also name outlets ("宁波网友之家", "中国二维码产业网", "点赞中国", "我要去旅行杂志"), so they end the name only set off by a
// space or a bracket, or as the whole tool phrase ending the line ("江城日报我要纠错"); "A+"/"A-" only as a font-size
// control standing alone, not inside a word ("NASA-JPL", "KBA-Nachrichten", "A-Share观察").)
const sourceEnd = (publishWord: string): RegExp => new RegExp(
  String.raw`\s{2,}|[|｜/,，;；)）\]】【[]|\s(?=[^\s]*[:：])|(?:作者|记者|記者|編輯|编辑|责任编辑|責任編輯|时间|時間|${publishWord}|浏览|点击|阅读|日期|\d{4}[-/年]|字号|打印|分享|评论|举报|收藏|纠错|关注|订阅|扫码|手机看|大中小` +
    String.raw`|(?<=[\s(（])(?:扫一扫|二维码|我要|点赞|返回|网友)|(?:我要(?:纠错|糾錯|评论|分享|打印|收藏|投稿|报料|举报)|扫一扫|二维码|点赞|返回(?:顶部|首页|列表|上页)|网友评论)$` +
    String.raw`|(?<![A-Za-z0-9])A[+-](?=\s|A[+-]|$)).*$`,
);
const SOURCE_END = sourceEnd('发布');
/**
 * Where an account's name ends (the platform written beside it): as SOURCE_END, but 发布 is part of the name
 * ("上海发布") unless a field label follows it ("江城日报发布时间…").
 */
const ACCOUNT_NAME_END = sourceEnd('发布(?=时间|時間|日期|于|於|[:：])');
/** Values that name no publication. */
// (Nor does a label word left where the value should be: "来自", "来源".)
// (Nor the account platform without the account: "来源：微信公众平台", "来源：微信号", "来源：微博".)
const NOT_A_SOURCE = /^(?:微信公众平台|公众平台|微信平台|平台|微信公众号|微信公眾號|公众号|公眾號|微信号|微信號|微信|微博|新浪微博|网络|互联网|网络转载|转载|转载文章|未知|不详|本站|本网|原创|综合|网友|网友投稿|投稿|其他|其它|佚名|来自|來自|来源|來源|出处|出處|admin|none|null|unknown)$/i;
/** Wire services and central outlets named without an outlet's ending (央视, 路透). */
const WIRE_NAME = /^(?:央视|央視|路透|彭博|中廣|中广)$/;
/** Names of outlets as they end: 报, 网, 社, 台, 刊 … */
const OUTLET_NAME = new RegExp(String.raw`^[${CN}A-Za-z0-9·]{2,16}(?:报|報|网|網|社|台|臺|刊|新闻|新聞|周刊|週刊|杂志|雜誌|频道|頻道|客户端|之春|在线|在線|通讯|观察|报道|中文站|中文网)$`);

/** "微信公众号“央视新闻”", "公众号：某某": the account platform named before the account; the account is the source. */
const ACCOUNT_PREFIX = /^(?:微信公众号|微信公眾號|微信公众平台|公众号|公眾號|微信号|微信號|微信)\s*[:：]?\s*(?=[\s“"「《]|[^\s“"「《]{2})/;

const ACCOUNT_SUFFIX = /(?<=[^\s]{2})\s*(?:微信公众号|微信公眾號|公众号|公眾號|微信号|微信號)(?=$|[\s|｜,，;；)）\]】])/;

/** A name in quotes or title marks ("微信公众号“江城发布”", "《理财周刊》"): the marks say where it ends. */
const QUOTED_NAME = /^[“"「《]([^“”"「」《》]{2,30})[”"」》]/;

function cleanSource(raw: string): string | undefined {
  // "来源：@人民日报": a social account's handle mark is no part of its name.
  const unmarked = raw.replace(/^(\s*)[@＠](?=[^\s@＠])/, '$1');
  const unprefixed = unmarked.replace(/^[\s[【]+/, '').replace(ACCOUNT_PREFIX, '').replace(/^\s+/, '');
  const quoted = QUOTED_NAME.exec(unprefixed);
  const bare = unmarked.replace(/^[\s[【《「“"]+/, '');
  let s = quoted ? quoted[1] : bare.replace(ACCOUNT_PREFIX, '').replace(/^[\s[【《「“"]+/, '').replace(ACCOUNT_SUFFIX, '');
  // (A quoted name ends at its closing mark, also when it ends in a word that ends other names: "江城发布"; so does an
  // account's name the platform is written beside, "微信公众号：上海发布", "上海发布微信公众号": ACCOUNT_NAME_RUN.)
  const account = !quoted && (ACCOUNT_PREFIX.test(bare) || ACCOUNT_SUFFIX.test(bare)) ? ACCOUNT_NAME_RUN.exec(s) : null;
  // (Its end words and page tools still end it: "微信公众号：上海发布2020-03-05", "…江城日报我要纠错".)
  if (account) s = account[1];
  const end = quoted ? null : (account ? ACCOUNT_NAME_END : SOURCE_END).exec(s);
  if (end) s = s.slice(0, end.index);
  // Chinese outlet names have no spaces: "21世纪经济报道 发表" ends at the space.
  if (/[\u3400-\u9fff]/.test(s)) s = s.split(/\s/)[0];
  s = s.replace(/[\]】》」”"\s]+$/, '').replace(/^[《「“"]|[》」”"]$/g, '').trim();
  // "中国新闻网(北京)" cut at its ")": a bracket left open is the dateline place, not part of the name.
  s = s.replace(/\s*[(（][^()（）]*$/, '').replace(/[》」”"]+$/, '').trim();
  // "本站原创", "本网编辑部", "本报讯": the page crediting itself names no other outlet.
  // (Nor does a section's name: "〔即時新聞／綜合報導〕" is the paper's own desk.)
  if (s.length < 2 || s.length > 30 || NOT_A_SOURCE.test(s) || isSectionName(s) || /^(?:本站|本网|本網|本报|本報|本刊|本台)/.test(s) || !isPlausibleName(s)) return undefined;
  return s;
}

/**
 * Every source label holds 源, 自, 出, 载, 刊 or 稿 (来源, 转自, 出处, 原载, 刊于, 供稿 …) or "source" in some case;
 * collapsing space and normalisedLabelText never add one. Most lines of the whole-page scan hold none: SOURCE_PATTERN, which may start at any character, is
 * then not run.
 */
const SOURCE_HINT_CJK = /[源自出载載刊稿]/;
/** A source label glued to the value of a label before it ("作者：张三来源：…", "编辑：李四稿源：…"). */
const GLUED_SOURCE_LABEL = /(?<=[:：]\s?[^\s:：]{1,20})(?=(?:来源|來源|稿源|出处|出處)\s?[:：])/g;
/**
 * What GLUED_SOURCE_LABEL's lookahead needs, led by the label: tested first, since the lookbehind led pattern is
 * tried at every character of every hinted line (most Chinese lines hold 自 or 出) and few lines hold a label.
 */
const SOURCE_LABEL_COLON = /(?:来源|來源|稿源|出处|出處)\s?[:：]/;
const SOURCE_HINT_LATIN = /source/i;

export function sourceFromText(text: string): string | undefined {
  if (text.length > 300 * 2) return undefined;
  if (!SOURCE_HINT_CJK.test(text) && !SOURCE_HINT_LATIN.test(text)) return undefined;
  // "作者：张三来源：南方日报": labels run together where the spans holding them were joined without a space; a source
  // label right after another label's value starts a new field.
  const barred = normalisedLabelText(collapseSpace(text));
  const t = SOURCE_LABEL_COLON.test(barred) ? barred.replace(GLUED_SOURCE_LABEL, ' ') : barred;
  if (t.length > 300) return undefined;
  // "来源：LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. nature": a reference cited, not an outlet.
  if (/\b[A-Z][\w'’-]+,\s[A-Z]\.(?:,|\s)/.test(t) && /\((?:19|20)\d{2}[a-z]?\)/.test(t)) return undefined;
  // "<span>来源</span><span>新华社</span>": label and value in two elements, no colon between.
  const m = SOURCE_PATTERN.exec(t) ?? SPACED_SOURCE.exec(t);
  if (m) return cleanSource(m[1]);
  // (The newer forms fall through when they hold no usable name: "本文来自微信公众号，原载于《南方周末》" credits 南方周末.)
  const slashed = slashSource(t) ?? accountCredit(t);
  if (slashed) return slashed;
  const v = VERB_SOURCE.exec(t);
  if (!v || NOT_STORY_CREDIT.test(t)) return undefined;
  const name = cleanSource(v[3]);
  if (!name) return undefined;
  // The verb, its colon or title marks, and the name: nothing else on the line.
  const ownLine = t.trim().length - name.length <= v[1].length + 6 && t.trim().replace(/[》」”"\s]+$/, '').endsWith(name);
  if (QUOTING_VERB.test(v[1]) && !ownLine) return undefined;
  // "出自 TechCrunch" as a line of its own: the label and a Latin name, nothing else, credit that outlet.
  const wholeLine = /^[A-Za-z][\w .&'’-]{1,30}$/.test(name) && ownLine;
  // "本文转载自微信公众号“城市日记”": the account platform named before the name says it is an account credited.
  // (公众号 named: "转自微信朋友圈" names a place to share, not an account.)
  const account = /^(?:微信公众号|微信公眾號|公众号|公眾號)/.test(v[3].trimStart());
  return v[2] || /^\s*《/.test(v[3]) || OUTLET_NAME.test(name) || wholeLine || account ? name : undefined;
}

function slashSource(t: string): string | undefined {
  const m = SLASH_SOURCE.exec(t);
  if (!m || NOT_STORY_CREDIT.test(t) || REPRINT_VERB_START.test(m[1])) return undefined;
  const name = cleanSource(m[1]);
  return name && !PICTURE_AGENCY.test(name) ? name : undefined;
}

function accountCredit(t: string): string | undefined {
  const m = ACCOUNT_CREDIT.exec(t);
  if (!m) return undefined;
  const run = ACCOUNT_NAME_RUN.exec(m[1]);
  return cleanSource(run ? `“${run[1]}”` : m[1]);
}

const DATE_IN_LINE = /(?:19|20)\d{2}\s?[-/.年]\s?\d{1,2}\s?[-/.月]\s?\d{1,2}\s?日?(?:\s?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?/g;

/**
 * A publication named on a short date line without a label: "2005年03月21日 11:21 《理财周刊》",
 * "2022-02-13 09:57 光明网", "——《北京之春》1998年3月号".
 */
const OUTLET_BEFORE_REPORTER = new RegExp(String.raw`(?:^|\s)([${CN}A-Za-z0-9·]{2,16}?)\s?(?:特约|特約|首席)?(?:记者|記者)`);

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
  // Separators standing alone or leading a token ("22:30 · 新华社", "22:30·新华社") are not part of the name.
  const tokens = rest.split(/\s+/).map((x) => x.replace(/^[·•|｜\-–—:：]+/, '')).filter((x) => x && !/^(?:星期.|周.|更新|发布|来源|來源)$/.test(x));
  // Labelled parts ("编辑：李四", "浏览：12") say what they are: the one unlabelled part left may be the outlet.
  const unlabelled = tokens.filter((x) => !/[:：]/.test(x));
  if (unlabelled.length === 1 && OUTLET_NAME.test(unlabelled[0])) return cleanSource(unlabelled[0]);
  // "2019-03-18 23:59 聯合報 記者陳嘉寧", "新京报记者 张三": the outlet credited with its reporter.
  const withReporter = OUTLET_BEFORE_REPORTER.exec(rest);
  return withReporter && OUTLET_NAME.test(withReporter[1]) && !/^(?:本报|本報|本网|本網|本刊|本台)/.test(withReporter[1]) ? cleanSource(withReporter[1]) : undefined;
}

/**
 * "新华社北京5月9日电", "（中央社記者盧太城台東縣12日電）": a wire service's dateline credits that service; a reprint's info line may
 * set a space after the service ("2018-02-28 14:31 中央社 澎湖縣28日電").
 */
const WIRE_DATELINE = new RegExp(String.raw`(?:^|[（(【\[\s])(新华社|新華社|中新社|中新网|中新網|中央社|法新社|路透社?|美联社|美聯社|共同社|韩联社|韓聯社|中国新闻网|中國新聞網)(?:[记記]者|\s?[${CN}]{0,8}?\d{1,2}(?:日|月\d{1,2}日)(?:电|電|讯|訊))`);
/** "【聯合晚報╱記者楊正海╱即時報導】", "中國時報張立勳／特稿": the outlet that opens a slash dateline. */
const DATELINE_OUTLET = new RegExp(String.raw`^\s*[【\[〔]\s*([^╱／/】\]〕\s]{2,12}?)\s*[╱／/]`);
// The outlet and the name may sit in two elements ("<a>中國時報</a><a>張立勳</a>／特稿", read as "中國時報 張立勳／特稿").
const GLUED_OUTLET = new RegExp(String.raw`^\s*(${OUTLET_PREFIX})\s?(${CN_NAME})\s*[／╱/]\s*${DATELINE_KIND}`);

/** "【财新网】9月26日，…", "【环球网】讯": an outlet bracketed alone at the opening, then the date or 讯/电. */
const BRACKETED_OUTLET = /^\s*【([^】\s]{2,16})】\s*(?:\d{1,2}月\d{1,2}日|\d{1,2}日|[讯訊电電])/;

/**
 * A lede opening with the outlet and the word that files its copy ("央视网消息（新闻联播）：…", "中国青年网讯 …",
 * "据新华社电 …", "【环球网报道 记者 张三】…"): that outlet is credited. The outlet must end as outlets do. "据某某报道"
 * unbracketed cites another outlet's report inside the story, and credits nothing.
 */
const LEDE_OUTLET = new RegExp(String.raw`^\s*(?:【\s*([${CN}A-Za-z0-9·]{2,12}?)(?:报道|報導|专讯|專訊|讯|訊|消息)|([${CN}A-Za-z0-9·]{2,12}?)(?:消息|讯|訊)|(?:据|據)?([${CN}A-Za-z0-9·]{2,12}?)(?:电|電))(?=[\s（(：:】,，]|$)`);

/** A paper's name however short ("明報", "星報"): what opens a "【…專訊】" exclusive. */
const SHORT_PAPER = new RegExp(String.raw`^[${CN}]{1,12}[报報]$`);

export function sourceFromDateline(text: string): string | undefined {
  if (text.length > 600) return undefined;
  const wire = WIRE_DATELINE.exec(text.slice(0, 200));
  if (wire) return wire[1];
  const lede = LEDE_OUTLET.exec(text.slice(0, 60));
  const ledeOutlet = lede ? (lede[1] ?? lede[2] ?? lede[3]) : undefined;
  // ("据央视新闻消息": a report cited, as "据…报道" is.)
  // ("【明報專訊】": a paper's exclusive, its name short as Hong Kong papers' are.)
  const exclusive = ledeOutlet !== undefined && /^[^【]*【[^】]*[报報](?:专讯|專訊)/.test(text.slice(0, 60)) && SHORT_PAPER.test(ledeOutlet);
  if (ledeOutlet && (OUTLET_NAME.test(ledeOutlet) || exclusive) && !/^(?:本报|本報|本网|本網|本刊|本台|本站|据|據)/.test(ledeOutlet)) return cleanSource(ledeOutlet);
  const bracketed = BRACKETED_OUTLET.exec(text);
  if (bracketed && OUTLET_NAME.test(bracketed[1]) && !/^(?:本报|本報|本网|本網)/.test(bracketed[1])) return cleanSource(bracketed[1]);
  const glued = GLUED_OUTLET.exec(text);
  // "大陸新聞中心／綜合報導": the "name" after the outlet is the rest of a desk's name (中心, 編譯組), and the desk
  // credits no outlet.
  const m = DATELINE_OUTLET.exec(text) ?? (glued && !isDeskWord(glued[2]) ? glued : null);
  if (!m || !OUTLET_NAME.test(m[1]) || /^(?:本報|本报|本網|本网)/.test(m[1])) return undefined;
  return cleanSource(m[1]);
}

/**
 * A reporter's credit line opening the story, no date beside it ("东方网·纵相新闻记者 单珊", "澎湃新闻记者 张三 李四"): the
 * outlet named before 记者 is the one credited, as it is on a dated info line (sourceFromInfoLine). Reprints on app
 * portals carry their origin so; the page's own desk ("本报记者") credits nobody else.
 */
const REPORTER_LINE = new RegExp(String.raw`^\s*([${CN}A-Za-z0-9·]{2,16}?)\s?(?:特约|特約|首席|见习|見習)?(?:记者|記者)\s?(${CN_NAME}(?:[\s、，,]+${CN_NAME}){0,5})\s*$`);

const CREDIT_ROLE = /^(?:(?:实习|實習|见习|見習|特约|特約|首席)?(?:记者|記者)|通讯员|通訊員|实习生|實習生|编辑|編輯|责编|責編|校对|校對|报道|報導)$/;

export function sourceFromReporterLine(text: string): string | undefined {
  if (text.length > 60 * 2) return undefined;
  const t = collapseSpace(text);
  if (t.length > 60) return undefined;
  const m = REPORTER_LINE.exec(t);
  // (The line is the credit and nothing else: "据新京报记者张三了解，…" is prose citing a report.)
  if (!m || !OUTLET_NAME.test(m[1]) || /^(?:本报|本報|本网|本網|本刊|本台|本站|据|據|图为|圖為|图|圖)/.test(m[1])) return undefined;
  // The words after 记者 must be names: "澎湃新闻记者手记", "新京报记者调查" head a column; "新华社记者李贺摄" credits a photo.
  // (Role words between the names are credits too: "南方日报记者 张三 通讯员 李四", "记者 张三 报道".)
  const names = m[2].split(/[\s、，,]+/).filter((n) => !CREDIT_ROLE.test(n));
  if (/[摄攝]$/.test(m[2]) || names.length === 0 || !names.every((n) => hasSurnameShape(n) || /[·•]/.test(n))) return undefined;
  return cleanSource(m[1]);
}

/** A source label alone on its line ("来源", "信息来源：", the <dt> of a <dl> or a table's label cell). */
const SOURCE_LABEL_ONLY = /^(?:文章来源|新闻来源|信息来源|稿件来源|本文来源|来源|來源|新聞來源|資料來源|稿源|出处|出處)\s*[:：]?$/;

/**
 * A source label alone on its line and the outlet alone on the next (`<dt>来源</dt><dd>某某日报</dd>`): the value is
 * read as if it followed the label on one line.
 */
export function sourceUnderLabel(lines: readonly { text: string }[]): string | undefined {
  for (let i = 0; i + 1 < lines.length; i++) {
    const label = lines[i].text;
    if (label.length > 12 || !SOURCE_LABEL_ONLY.test(label.trim())) continue;
    const next = collapseSpace(lines[i + 1].text);
    if (next.length === 0 || next.length > 30) continue;
    // Government and company templates print the label empty, and the next line is page chrome ("【字体：大 中 小】",
    // "返回列表", "微信扫一扫") or the writer: only a whole line shaped like an outlet's name is the label's value.
    const value = sourceFromText(`来源：${next}`);
    if (value && value === next.replace(/^[《「“"]|[》」”"]$/g, '') && (OUTLET_NAME.test(value) || WIRE_NAME.test(value))) return value;
  }
  return undefined;
}

/** A date, or a slash dateline ("劉屏／華盛頓4日電", "記者王明／台北報導"). */
const DATE_OR_DATELINE = new RegExp(String.raw`(?:19|20)\d{2}\s?[-/.年]\s?\d{1,2}|\d{1,2}[:：]\d{2}|[╱／/]\s*${DATELINE_KIND}`);

/**
 * An outlet alone on its own line of the info block, next to the date or the dateline ("2014-04-05 01:28" /
 * "中國時報" / "劉屏／華盛頓4日電"): the publication the copy is credited to.
 */
export function sourceFromOutletLine(lines: { text: string }[]): string | undefined {
  for (let i = 0; i < lines.length; i++) {
    const t = collapseSpace(lines[i].text);
    if (!OUTLET_NAME.test(t) || /^(?:本报|本報|本网|本網|本刊|本台)/.test(t)) continue;
    const near = [lines[i - 1], lines[i + 1]].some((l) => l && l.text.length <= 60 && DATE_OR_DATELINE.test(l.text));
    if (near) return cleanSource(t);
  }
  return undefined;
}
