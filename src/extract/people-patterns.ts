/**
 * Regex pieces shared by the byline (byline.ts) and source (source-text.ts) readers: Chinese names, reporter
 * labels and outlet prefixes in simplified and traditional characters, and the 丨 separator fix.
 */

export const CN = String.raw`\u3400-\u9fff\uf900-\ufaff`;
/** A page tool glued after a name ("张三已关注", "张三加关注", "张三私信", "张三【打印】"): where the name ends. */
export const TOOL_TAIL = String.raw`(?:[已加+]?关注|[已加+]?關注|私信|[【\[](?:打印|列印|关闭|關閉|收藏|举报|舉報|分享|纠错|糾錯|复制|複製))`;
/** A page counter's label glued after a name ("张三阅读量：1234", "李四浏览次数："): where the name ends. */
export const COUNTER_LABEL = String.raw`(?:阅读|閱讀|浏览|瀏覽|点击|點擊)(?:量|数|數|次数|次數)?\s*[:：]`;
/** One Chinese personal name: 2–4 characters, or a transliteration with ·; shortest match before a stop. */
export const CN_NAME = String.raw`(?:[${CN}]{1,6}[·•][${CN}]{1,10}?|[${CN}]{2,4}?)`;
export const NAME_STOP = String.raw`(?=$|[\s　()（）\]】〕【\[>,，、;；|｜/／╱:：_]|${TOOL_TAIL}|(?:19|20)\d{2}[-/.年]|\d{1,2}[:：]\d{2}|报道|報導|摄影?|攝影?|通讯员|通訊員|实习生|實習生|特约|特約|发自|發自|编辑|編輯|责编|責編|责任编辑|責任編輯|校对|校對|审核|審核|时间|時間|日期|发布|發佈|發布|整理|编译|編譯|翻译|翻譯|综合|綜合|电\b|讯|訊|联合|聯合|撰文|文字|供图|供圖|提供|作品|来源|來源|出处|出處|等|${COUNTER_LABEL})`;
/**
 * A word glued to a reporter's role ("新京报实习生", "南方周末通讯员") is the outlet opening the next credit, not a further
 * name: "新京报记者 张三 新京报实习生 李四" names 张三 before it.
 */
const GLUED_ROLE = String.raw`(?!实习生|實習生|记者|記者|通讯员|通訊員|特约|特約|见习|見習|首席)`;
/**
 * A production credit's role in a credits block ("记者 张三 美编 李四", "文字 张三 海报 王五"): it labels the next name, and
 * is never a second writer's name.
 */
const PRODUCTION_ROLE = String.raw`美编|美編|海报|海報|视频|視頻|设计|設計|监制|監制|统筹|統籌|策划|策劃|出品|排版|剪辑|剪輯|配音|制图|製圖|插图|插圖|图片|圖片|发消息|發消息`;
/** Several names separated by spaces or 、 (e.g. "王建宏 张文攀"). */
// A following label ("孙宁 责任编辑：…", "李四 记者 王五") is not a second name; nor is any word a colon follows ("张三 发布时间：…",
// "张三 阅读数：…"): a word before a colon labels what comes next.
export const CN_NAMES = String.raw`${CN_NAME}${NAME_STOP}(?:\s?[、，,\s]\s?(?!责任|責任|责编|責編|编辑|編輯|来源|來源|校对|校對|审核|審核|摄影|攝影|记者|記者|通讯员|通訊員|实习生|實習生|${PRODUCTION_ROLE})(?![${CN}]{2,6}\s?[:：])${CN_NAME}${GLUED_ROLE}${NAME_STOP}){0,7}`;
export const OUTLET = String.raw`(?:本报|本報|本刊|本网|本網|本台|新华社|中新社|中新网|央视网|人民网|光明网|新华网|央广网|[${CN}\dA-Za-z]{1,10}?(?:日报|日報|晚报|晚報|早报|早報|时报|時報|报道|报|報|网|網|台|臺|频道|頻道|客户端|社))`;
// (特派員, a paper's correspondent posted abroad: "中央社駐布魯塞爾特派員唐佩君23日專電".)
export const REPORTER_WORD = String.raw`(?:记者|記者|实习生|實習生|通讯员|通訊員|特派員|特派员)`;
export const REPORTER = String.raw`${OUTLET}?(?:首席|特约|特約|见习|見習|驻[${CN}]{1,4}|駐[${CN}]{1,4})?${REPORTER_WORD}`;
/** Any outlet or desk written before 记者 ("总台央视记者", "澎湃新闻记者", "新华社北京10月12日电 记者"). */
export const ANY_REPORTER = String.raw`[${CN}A-Za-z\d·•]{0,12}?(?:首席|特约|特約|见习|見習|驻[${CN}]{1,4}|駐[${CN}]{1,4})?${REPORTER_WORD}`;
/** The outlet glued before a name in a dateline: "中國時報張立勳／特稿", "聯合報記者…". */
export const OUTLET_PREFIX = String.raw`(?:[${CN}]{1,6}?(?:時報|时报|日報|日报|晚報|晚报|早報|早报|新聞|新闻|報|报|網|网|社|臺|台))`;
/** What a slash dateline reports: "台北報導", "華盛頓4日電", "綜合外電報導", "特稿". */
export const DATELINE_KIND = String.raw`[${CN}\d]{0,10}?(?:报道|報導|報道|报导|电|電|特稿|专访|專訪|综合|綜合)`;

/** The labels PADDED_LABEL closes up: only these pairs of its characters are labels. */
const LABEL_PAIRS = new Set(['来源', '來源', '作者', '稿源', '出处', '出處', '日期', '时间', '時間', '编辑', '編輯', '责编', '責編']);

/**
 * A two-character label padded to the width of a longer one ("来　　源：", "作 者：", "日  期：", as old portals and
 * government templates align their fields): its characters spaced apart, a colon after it. Read without the padding.
 */
const PADDED_LABEL = /(?<![\u3400-\u9fff])(来|來|作|稿|出|日|时|時|编|編|责|責)\s{1,4}(源|者|处|處|期|间|間|辑|輯|编|編)(?=\s*[:：])/g;

/**
 * A line's labels as the readers expect them: a look-alike of the colon read as one, a padded label closed up
 * (PADDED_LABEL), and the CJK-range bar 丨 after a label ("作者丨张三", "来源丨新华社") read as a bar, not a character.
 */
export function normalisedLabelText(raw: string): string {
  // (The colon's look-alikes, "作者︰", "来源∶", "來源﹕", as some templates type it, are the colon.)
  const text = /[︰∶﹕]/.test(raw) ? raw.replace(/[︰∶﹕]/g, '：') : raw;
  const t = /\s[^\s]\s*[:：]/.test(text) ? text.replace(PADDED_LABEL, (m, a: string, b: string) => (LABEL_PAIRS.has(a + b) ? a + b : m)) : text;
  return t.includes('丨') ? t.replace(/(作\s?者|文|撰文|来源|來源|编辑|編輯|责编|責編|责任编辑|責任編輯|记者|記者|图|圖|摄影|攝影|出品|策划|策劃|排版|审核|審核|校对|校對)\s*丨\s*/g, '$1｜') : t;
}

/** The rest of a desk's name, never a person's: 中心, 編譯組, 新聞部, 記者站 ("大陸新聞中心／綜合報導"). */
export function isDeskWord(s: string): boolean {
  return /^(?:中心|编译|編譯|编译组|編譯組|编辑部|編輯部|新闻部|新聞部|记者站|記者站|采访部|採訪部|特稿|专稿|專稿|综合|綜合)$/.test(s.trim());
}

/**
 * A news section's name, never an outlet: "即時新聞", "國際新聞", "社会新闻" head a desk's dateline ("〔即時新聞／綜合報導〕") or
 * a channel, on every paper's site. Outlets named so end in 新聞 too (三立新聞, 澎湃新闻), so only the section words count.
 */
export function isSectionName(s: string): boolean {
  return /^(?:即時|即时|國際|国际|國內|国内|社會|社会|生活|地方|政治|財經|财经|經濟|经济|體育|体育|娛樂|娱乐|影劇|影剧|兩岸|两岸|大陸|大陆|港澳|全球|要聞|要闻|焦點|焦点|熱門|热门|最新|滾動|滚动|綜合|综合|科技|健康|文教|教育|軍事|军事)(?:新聞|新闻)$/.test(s.trim());
}

/** Not markup, a URL or an e-mail address. */
export function isPlausibleName(s: string): boolean {
  return s.length > 0 && s.length <= 80 && !/[=<>"{}]|https?:|@|\.(?:com|cn|net|org)\b/i.test(s);
}

/** Places datelines name after a reporter: Taiwan's and China's big cities, world capitals, any county or city. */
export const DATELINE_PLACE = /^(?:台北|臺北|新北|桃園|台中|臺中|台南|臺南|高雄|基隆|新竹|苗栗|彰化|南投|雲林|嘉義|屏東|宜蘭|花蓮|台東|臺東|澎湖|金門|馬祖|北京|上海|天津|重慶|重庆|廣州|广州|深圳|香港|澳門|澳门|南京|武漢|武汉|杭州|成都|西安|華盛頓|华盛顿|紐約|纽约|東京|东京|首爾|首尔|倫敦|伦敦|巴黎|柏林|莫斯科|新加坡|曼谷|雪梨|悉尼|洛杉磯|洛杉矶|舊金山|旧金山|布魯塞爾|布鲁塞尔|日內瓦|日内瓦|石家庄|太原|呼和浩特|沈阳|瀋陽|长春|長春|哈尔滨|哈爾濱|合肥|福州|南昌|济南|濟南|郑州|鄭州|长沙|長沙|南宁|南寧|海口|贵阳|貴陽|昆明|拉萨|拉薩|兰州|蘭州|西宁|西寧|银川|銀川|乌鲁木齐|烏魯木齊|白宫|白宮|[\u3400-\u9fff]{2,4}(?:縣|县|市|區|区|鄉|乡|鎮|镇|島|岛))$/;
