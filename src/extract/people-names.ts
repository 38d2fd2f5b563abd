/**
 * What a person's name looks like, and what is not one: outlets and desks (新华社, 中國時報, 北京青年报, Reuters),
 * interface words (字号, 分享, 稍後再讀), slogans. Used to check every author candidate, whatever found it, so that a
 * pattern that grabbed the wrong words gives nothing rather than a wrong name.
 */

import { startsWithCompoundSurname } from './byline-surnames.js';

const CJK = String.raw`\u3400-\u9fff\uf900-\ufaff`;
export const HAS_CJK = new RegExp(`[${CJK}]`);

/** Wire services and outlets often named without an outlet-like ending. */
const WIRE = /^(?:新华社|新華社|中新社|中新网|中新網|中央社|路透社?|美联社|美聯社|法新社|共同社|韩联社|韓聯社|塔斯社|彭博社?|央视|央視|中廣|中广|新华网|新華網|人民网|人民網|光明网|光明網|央广网|央廣網|本报|本報|本刊|本网|本網|本台|Reuters|Xinhua|Bloomberg|AP|AFP|UPI|Kyodo|Yonhap|CNA)$/i;

/**
 * Endings of outlet and desk names: 报/報, 网/網, 社, 台/臺, 新闻/新聞, 日报, 晚报, 中心, 频道, 客户端, 时报/時報, 电视,
 * 杂志, 周刊, 编辑部, 新闻网. A two-character word ending in 报/社 may still be a person (王社 is rare): only names of
 * three or more characters are judged by their ending, two-character ones by the wire list.
 */
const OUTLET_ENDING = new RegExp(
  String.raw`^[${CJK}A-Za-z0-9·\-]{1,16}(?:报|報|网|網|社|台|臺|新闻|新聞|日报|日報|晚报|晚報|早报|早報|时报|時報|中心|频道|頻道|客户端|客戶端|电视|電視|杂志|雜誌|周刊|週刊|编辑部|編輯部|编译|編譯|财经|財經|科技|体育|體育|娱乐|娛樂|资讯|資訊|传媒|傳媒|媒体|媒體|在线|在線|电子报|電子報|文摘|观察|觀察|号|號|站|app|APP)$`,
);

/** Words that fill a byline slot but name neither a writer nor an outlet: an ad network's, a CMS's login. */
const PLACEHOLDER = /^(?:Taboola|Outbrain|Advertisement|Sponsored(?: Content)?|admin|Admin)$/;
/**
 * Latin outlet names: "USA TODAY", "The Associated Press", "Thomson Reuters Tax & Accounting", "Fox News"; and the
 * placeholders, which isOutletName rejects as writers too.
 */
const LATIN_OUTLET = new RegExp(String.raw`^(?:The\s+)?(?:[A-Z][\w.&'’-]*\s+)*(?:Press|News|Newswire|Wire|Times|TIMES|Post|Journal|Herald|Tribune|Agency|Media|Network|TODAY|Today|Daily|Gazette|Magazine|Reuters(?:\s.*)?|Accounting|Inc\.?|LLC|Ltd\.?|Corp\.?|Group)$|${PLACEHOLDER.source}`);

/** A byline slot's filler (isOutletName rejects it as a writer), which is no outlet to credit as the source either. */
export function isPlaceholderName(s: string): boolean {
  return PLACEHOLDER.test(s.trim());
}

/**
 * Words a CMS account is named for instead of a person: the site's roles (admin, webmaster, editor, guest author) and
 * its desks or teams, in the languages handled here ("Site Admin", "Editorial Staff", "Redaktion", 小编); and the
 * articles and prepositions that join them ("The Editorial Team", "Équipe de rédaction").
 */
const ACCOUNT_WORD = /^(?:admins?|administrat(?:or|eur|ore)|webmaster|webmestre|moderat(?:or|eur)|site|website|blog|web|user|editors?|editorial|éditeur|autor(?:in)?|author|auteur|guest|gast|invité|marketing|content|support|sales|communications?|office|service|staff|teams?|équipe|equipo|squadra|desk|newsroom|redaktion(?:en)?|rédaction|redaction|redacción|redaccion|redazione|redactie|redaksjon(?:en)?|redakcja)$/i;
const ACCOUNT_FILLER = /^(?:the|our|die|das|der|unsere?|la|le|les|el|il|de|des|du|del|della|of)$/i;
const CJK_ACCOUNT = /^(?:小编|小編|管理员|管理員|站长|站長|本站|网站编辑|網站編輯)$/;

/**
 * A CMS account's display name where the structured data puts the author: a login ("jdoe_83", "admin2", "j@doe": a
 * person's name has no underscore or @, nor digits in one lower-case word) or a role or team named by nothing else
 * ("Webmaster", "Guest Author", "Marketing Team"; "BR24 Redaktion" names the outlet's desk and stays). Not a person.
 */
export function isAccountName(s: string): boolean {
  const t = s.trim();
  if (HAS_CJK.test(t)) return CJK_ACCOUNT.test(t);
  if (/[_@]/.test(t) || /^[a-z][a-z.-]*\d[a-z\d.-]*$/.test(t)) return true;
  const words = t.split(/[\s/&+-]+/).filter(Boolean);
  return words.some((w) => ACCOUNT_WORD.test(w)) && words.every((w) => ACCOUNT_WORD.test(w) || ACCOUNT_FILLER.test(w));
}

/** Is this an outlet, wire service or desk rather than a person? (`作者：新京报`, `大陸新聞中心`, `編譯中心`.) */
export function isOutletName(s: string): boolean {
  const t = s.trim();
  if (WIRE.test(t)) return true;
  if (!HAS_CJK.test(t)) return LATIN_OUTLET.test(t);
  return t.length >= 3 && OUTLET_ENDING.test(t);
}

/** Interface words and page tools that sit next to bylines; a "name" made of them is none. */
const INTERFACE = new RegExp(
  String.raw`^(?:分享(?:到|至)?|我要分享|字号|字號|字体|字體|字級|举报|舉報|檢舉|收藏|打印|列印|关闭|關閉|关注|關注|订阅|訂閱|评论|評論|点赞|點讚|稍后再读|稍後再讀|登录|登錄|注册|註冊|招聘|管理|回复|回覆|返回|更多|首页|首頁|全文|阅读|閱讀|大|中|小|默认|默認|复制链接|複製連結|扫一扫|掃一掃|微信|微博|QQ空间|朋友圈|转发|轉發|纠错|糾錯|手机看|手機看|放大|缩小|縮小|作者|记者|記者|编辑|編輯|来源|來源|admin|administrator|匿名|佚名|未知|网友|網友|游客|遊客|原创|原創|转载|轉載|投稿|发布|發布|发表|發表|账号|帳號|帐号|賬號|密码|密碼|自动登录|自動登錄|登录并发表|手机版|手機版|电脑版|電腦版|网页版|網頁版|留言|我要留言|发表评论|發表評論|我要评论|名片)$`,
  'i',
);
/**
 * Counters, member ranks and labels: a word ending in a role label ("关于作者") or a counted thing ("获得阅读",
 * "浏览次数", "点赞数"), a rank ("永久会员"), or opening with a "published" label ("发布于", "发表时间") is the page's
 * interface, not a name; so is a contact label ("服務熱線", "联系电话") over a phone number, or a window ("預覽視窗").
 */
const INTERFACE_END = /(?:作者|记者|記者|贡献者|貢獻者|关注|關注|阅读|閱讀|点击|點擊|浏览|瀏覽|评论|評論|点赞|點讚|访问|訪問|人气|人氣|粉丝|粉絲|次数|次數|会员|會員|热线|熱線|电话|電話|视窗|視窗|窗口)(?:数|數|量|率)?$/;
/** Or a link that sends the reader elsewhere ("更多文章", "查看全部", "进入专栏", "返回首页"), or a page tool ("打印本页", "关闭窗口"). */
const INTERFACE_START = /^(?:(?:发布|發布|發佈|发表|發表)(?:于|於|时间|時間|日期)|(?:更多|查看|进入|進入|返回|点击|點擊|打印|列印|关闭|關閉)\p{Script=Han})/u;

/**
 * More page furniture seen beside bylines on unseen sites: reading and listening tools (阅读原文, 原文链接, 展开全文, 朗读, 播放),
 * the reader's calls to write in (我要投稿, 我要爆料),
 * type size and script switches (小字, 超大, 简体, 繁體, 无障碍), navigation (上一篇, 网站地图, 联系我们), share and reward
 * buttons (微信扫一扫, 二维码, 在看, 赞赏), and the names of page parts (编者按, 导读, 摘要, 正文, 原标题, 视频, 专题).
 */
const FURNITURE = /^(?:阅读原文|閱讀原文|查看原文|原文链接|原文鏈接|原文地址|我要投稿|我要爆料|我要評論|我要评论|我要纠错|我要糾錯|加载中|載入中|展开全文|展開全文|查看全文|小字|大字|中字|标准|標準|超大|特大|简体|簡體|繁体|繁體|简|繁|无障碍|無障礙|搜索|搜尋|客户端|客戶端|下载(?:APP|客户端)?|下載(?:APP|客戶端)?|打开(?:APP)?|打開(?:APP)?|二维码(?:分享)?|二維碼(?:分享)?|(?:微信)?扫码|(?:微信)?掃碼|(?:微信)?扫一扫|复制|複製|上一篇|下一篇|上一页|下一页|热门推荐|熱門推薦|网站地图|網站地圖|联系我们|聯絡我們|联系我們|意见反馈|意見反饋|播放|暂停|暫停|朗读|朗讀|听全文|聽全文|听新闻|聽新聞|全屏|在看|赞赏|讚賞|喜欢|喜歡|视频|視頻|图片|圖片|相册|相冊|直播|专题|專題|编者按|編者按|导读|導讀|摘要|正文|原标题|原標題)$/i;

/**
 * English labels and links that stand in a byline's slot or an author box's heading: the reviewer's and fact-checker's
 * labels ("Fact Checked", "Medically Reviewed"), the box's heading ("About the Author"), a reading time ("10 mins
 * read"), a footer's policy links ("Privacy Policy", "Terms & Conditions") and calls to the reader ("Read More").
 */
const LATIN_INTERFACE = /^(?:(?:fact[- ]?checked|(?:medically |expert )?reviewed|edited|written|posted|published|updated)(?: by)?|about (?:the |this )?(?:authors?|writers?|editors?|us)|meet the (?:authors?|writers?|team)|(?:privacy|cookie|editorial|refund|return) policy|terms (?:of (?:use|service)|(?:&|and) conditions)|contact us|read more|leave a (?:comment|reply)|table of contents|share (?:this|on)(?: \w+)?|(?:sign|log) (?:in|up)|\d+\s*(?:mins?|minutes?)(?: read(?:ing)?(?: time)?)?|(?:est\.? )?read(?:ing)? time)$/i;

export function isInterfaceWord(s: string): boolean {
  const t = s.trim();
  return INTERFACE.test(t) || FURNITURE.test(t) || LATIN_INTERFACE.test(t) || (HAS_CJK.test(t) && (INTERFACE_END.test(t) || INTERFACE_START.test(t)));
}

/** One Chinese name: 2–4 characters, or a transliteration with a middle dot (阿卜杜勒·阿齐兹). */
const CJK_PERSON = new RegExp(String.raw`^(?:[${CJK}]{2,4}|[${CJK}]{1,8}[·•・][${CJK}]{1,10})$`);
/** One Latin name: capitalised words, initials, particles; a hyphenated or accented name is fine. */
/** The small words inside Latin names ("de Vries", "van Beethoven", "bin Salman"). */
export const NAME_PARTICLE = String.raw`(?:de|van|von|der|den|da|del|della|di|du|la|le|bin|al|y|dos|das)`;
const LATIN_WORD = String.raw`(?:[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'’.-]*|${NAME_PARTICLE}(?=\s))`;
const LATIN_PERSON = new RegExp(String.raw`^${LATIN_WORD}(?:\s${LATIN_WORD}){0,4}$`);
/** Capitalised words that are roles, dates or labels, not names. */
/** Words that are surnames too (Jonathan Head, Mark Read) count against a name only when they lead it. */
const LATIN_ROLE_FIRST = /^(?:Head|Chief|Senior|Former|Deputy|Read|Home|View|More|Guide|Review|Follow|Share)\b/;
const LATIN_NOT_NAME = /\b(?:Staff|Writer|Editor|Reporter|Correspondent|Contributor|Columnist|Manager|Director|Founder|CEO|CTO|President|Team|Desk|Updated|Published|Posted|Min|Minutes?|January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|Home|News|Opinion|Comments?|Photos?|Video|Advertisement|Sponsored|Subscribe|Login|Sign|Twitter|Facebook|LinkedIn|Instagram|YouTube|Email|RSS|Bio|Profile|Posts?|Blogs?|Former|Deputy|Attorney|Lawyer|Professor|Officer|Analyst|Strategist|Specialist|Consultant|Educators?|Coordinator|Associate|Assistant|Engineer|Scientist|Researcher|Designer|Developer|Producer|Anchor|Critic|Fellow|Commons|Collective|Extension|University|Institute|College|School|Center|Centre|Foundation|Company)\b/;

/** A Latin name ending in a site administrator's role. */
const SITE_ADMIN = /(?:^|\s)(?:admin|administrator|webmaster|sysadmin)$/i;

/** A checker's credit verb ("Reviewed", "Medically reviewed", "Fact checked"): byline.ts reads its name last. */
export const REVIEWER_VERB = String.raw`(?:(?:medically|expert|clinically|legally)\s+)?(?:reviewed|fact[- ]?checked)`;
/** The label of a credit line kept with its name ("Reviewed by Jane Doe", "Written by Jane Doe"): no name itself. */
const CREDIT_LABEL_OPENING = new RegExp(String.raw`^(?:${REVIEWER_VERB}|written|posted|edited|published)\s+by\b`, 'i');

/** A single person's name, Chinese or Latin (not an outlet, interface word, role or date). */
export function isPersonName(s: string): boolean {
  const t = s.trim();
  if (!t || t.length > 40 || isInterfaceWord(t) || isOutletName(t)) return false;
  if (CJK_PERSON.test(t)) return true;
  return LATIN_PERSON.test(t) && !LATIN_NOT_NAME.test(t) && !LATIN_ROLE_FIRST.test(t) && !/^[A-Z]{2,5}$/.test(t);
}

/** Social networks and share/print tools, in the languages of the pages they label. */
const SHARE_WORD = /^(?:twitter|facebook|linkedin|whatsapp|telegram|instagram|youtube|tiktok|pinterest|reddit|xing|threads|bluesky|mastodon|flipboard|messenger|email|e-mail|mail|print|drucken|imprimer|imprimir|stampa|share|teilen|partager|compartir|condividi|delen|dela|udostępnij|sdílet|kopieren|copy|link|x)$/i;

/**
 * Is this author candidate acceptable at all? It must not be an outlet, an interface word, a slogan or sentence
 * (`成就一亿技术人!`), nor carry an editor's name glued to a prefix (`青网新闻杨逸凡` when 杨逸凡 is the editor).
 */
export function isAcceptableAuthor(s: string, editor?: string): boolean {
  const t = s.trim();
  if (!t || isInterfaceWord(t) || isOutletName(t)) return false;
  // A name has letters: "25.04.24" (a <time> beside the byline) is none.
  if (!/\p{L}/u.test(t)) return false;
  // A row of share buttons ("Twitter Facebook", "Teilen E-Mail") is none either.
  if (/[A-Za-z]/.test(t) && t.split(/[\s,|/·•]+/).filter(Boolean).every((w) => SHARE_WORD.test(w))) return false;
  if (/[!！?？。;；:：()（）]|&\w+;/.test(t)) return false;
  // "澎湖縣28日電", "北京5月3日讯": a dateline (a day and 电/讯) in the author slot names a place, not a person.
  if (/\d{1,2}\s?[日号號]\s?(?:电|電|讯|訊)/.test(t)) return false;
  // "on Deadspin", "via Reuters", "from The Guardian": a lower-case preposition before a capitalised name says where
  // the item appeared (a sidebar card's source credit in a byline-classed element); no one's name opens so.
  if (/^(?:on|in|at|from|via)\s+\p{Lu}/u.test(t)) return false;
  // "来自雪球", "来自iPhone客户端": where a post was sent from, not who wrote it.
  if (/^(?:来自|來自)/.test(t)) return false;
  // "Reviewed by Jane Doe", "Written by Jane Doe": a credit's label kept with its name is no name.
  if (CREDIT_LABEL_OPENING.test(t)) return false;
  // "NOC Admin", "Site Administrator", "Blog Webmaster": a CMS login's role, never a newsroom's credit (a desk, "MND
  // Staff", is one and stays).
  if (SITE_ADMIN.test(t)) return false;
  if (editor && editor.length >= 2 && t !== editor && t.includes(editor) && HAS_CJK.test(t)) return false;
  // Chinese candidates: every space-separated part is a name (or a Latin handle), none an outlet or tool word.
  if (HAS_CJK.test(t) && !/[A-Za-z]/.test(t)) {
    const parts = t.split(/[\s、，,]+/).filter(Boolean);
    if (parts.some((p) => isInterfaceWord(p) || isOutletName(p) || isAffiliationOrTitle(p) || p.length > 12)) return false;
  }
  return true;
}

/**
 * "张三 新京报 举报": a Chinese byline read on into the links after it (an outlet's name, a report or share button)
 * ends before the first such word; the names before it stay. Unchanged when the first word is not a name's.
 */
export function withoutTrailingChrome(s: string): string {
  if (!HAS_CJK.test(s) || /[A-Za-z]/.test(s)) return s;
  const parts = s.trim().split(/\s+/);
  const cut = parts.findIndex((p) => isInterfaceWord(p) || isOutletName(p));
  return cut > 0 ? parts.slice(0, cut).join(' ') : s;
}

/** A writer's post ending a word ("清华大学教授", "某某研究院研究员"): a title, never a name. */
const TITLE_END = /(?:教授|研究员|研究員|院长|院長|主任|校长|校長|所长|所長|博士|讲师|講師|学者|學者|专家|專家|律师|律師|会长|會長|理事长|理事長|董事长|董事長|总裁|總裁)$/;

/** "清华大学教授", "中国人民大学国际关系学院": an affiliation or a title, written before the name it describes. */
export function isAffiliationOrTitle(p: string): boolean {
  return (p.length >= 4 && INSTITUTION.test(p)) || (p.length >= 3 && TITLE_END.test(p));
}

/**
 * "网易财经 张艳", "新华社 张三 李四", "清华大学教授 张三": an outlet (or the writer's affiliation or title) credited
 * before its writers (a closing bracket, a byline element)
 * is no part of the names; the names after it stay. Unchanged when nothing name-like follows.
 */
export function withoutLeadingOutlet(s: string): string {
  if (!HAS_CJK.test(s) || /[A-Za-z]/.test(s)) return s;
  const parts = s.trim().split(/\s+/);
  let i = 0;
  while (i < parts.length - 1 && (isOutletName(parts[i]) || isAffiliationOrTitle(parts[i]))) i++;
  return i > 0 && parts.slice(i).every((p) => isPersonName(p)) ? parts.slice(i).join(' ') : s;
}

/** The word a byline opens with in several languages: "By", "Von", "Par", "Por", "Door", "Av"/"Af", "Przez". */
const OPENING_WORD = String.raw`(?:by|von|par|por|door|av|af|przez)`;
const BYLINE_WORD = new RegExp(String.raw`^${OPENING_WORD}(?:\s*:\s*|\s+)(\S.*)$`, 'i');
const BYLINE_WORD_ALONE = new RegExp(String.raw`^${OPENING_WORD}\s*:?$`, 'i');

/** What may follow a name in a byline's list: a separator ("and", "und", ",", "&") or a generational suffix. */
const AFTER_FIRST_NAME = /^(?:,|;|&|and|und|et|y|e|en|og|och|i|oraz|(?:Jr|Sr)\.?,?|I{2,3},?|IV,?)$/i;

/**
 * A byline with its opening word left on ("Von dpa", "Von BR24 Redaktion") is the names after it; the word alone
 * ("von", a label whose name sat in another element) names nobody. The word stays when it begins a name: a particle
 * after it ("Von der Leyen", "von zur Gathen", "Von zu Guttenberg"), or a single capitalised word standing alone as
 * the first one credited, up to the end, a list separator or a suffix ("Von Miller", "Von Diaz and Jane Doe",
 * "von Bredow, Rafaela", "Von Miller Jr."): a byline credits its writers by full names, so one word left alone there
 * is the rest of a surname that opens with the word. An initialism ("Von AFP und dpa") is an agency, not a surname.
 */
export function withoutBylineWord(s: string): string | undefined {
  const t = s.trim();
  if (BYLINE_WORD_ALONE.test(t)) return undefined;
  const m = BYLINE_WORD.exec(t);
  if (!m) return t;
  const rest = m[1];
  if (/^(?:der|dem|den|zu|zur|und|la|le|los|las)\s/i.test(rest)) return t;
  const [first, next] = rest.split(/(?=,)|\s+/);
  if (/^\p{Lu}/u.test(first) && first !== first.toUpperCase() && (next === undefined || AFTER_FIRST_NAME.test(next))) return t;
  return rest;
}

/**
 * "Par AFP", "Von AP", "By AP": a wire agency credited after a byline's opening word is the byline's credit, kept
 * as the author as "Von dpa" or "Av NTB" are (an agency the outlet list knows, AFP or AP, standing alone in a byline
 * slot is no author: a label, a photo credit).
 */
export function agencyAfterBylineWord(s: string): string | undefined {
  const m = BYLINE_WORD.exec(s.trim());
  return m && !HAS_CJK.test(m[1]) && WIRE.test(m[1]) ? m[1] : undefined;
}

/** Where an affiliation glued after a name begins: a country, city or institution word. */
const AFFILIATION_START = /^(?:中国|中國|国家|國家|国务院|國務院|全国|全國|北京|上海|天津|重庆|重慶|广州|廣州|深圳|南京|武汉|武漢|杭州|成都|西安|香港|澳门|澳門|台湾|臺灣|台灣|美国|美國|英国|英國|日本|清华|清華|复旦|復旦|浙江|国际|國際|中央|省|市|县|縣)/;
const INSTITUTION = /(?:大学|大學|学院|學院|研究院|研究所|研究中心|公司|集团|集團|协会|協會|委员会|委員會|基金会|基金會|医院|醫院|银行|銀行)/;

/**
 * "王文中国人民大学重阳金融研究院院长" → "王文": a name glued to the writer's affiliation (one text node, no space).
 * The name is the two or three characters before a place or institution word; undefined when no such split fits.
 */
export function splitAffiliation(token: string): string | undefined {
  if (token.length <= 4 || !INSTITUTION.test(token) && !/(?:院长|院長|教授|主任|研究员|研究員|校长|校長|博士)$/.test(token)) return undefined;
  for (const n of [2, 3]) if (AFFILIATION_START.test(token.slice(n))) return token.slice(0, n);
  // A compound surname's name runs to four characters ("欧阳晓明北京大学教授").
  if (startsWithCompoundSurname(token) && AFFILIATION_START.test(token.slice(4))) return token.slice(0, 4);
  return undefined;
}
