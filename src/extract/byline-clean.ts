/**
 * One byline's captured text made into the name(s) it credits: the label, role, place, date and interface words
 * around the names are cut off, Chinese names are joined by spaces. Moved out of byline.ts (the patterns that find a
 * byline) because every reader of names (posters, info lines, editors, photographers) cleans with it.
 */
import { hasSurnameShape } from './byline-surnames.js';
import { isInterfaceWord, isOutletName, splitAffiliation } from './people-names.js';
import { isDeskWord, isPlausibleName } from './people-patterns.js';
import { collapseSpace } from './text.js';

/** Words that follow names in bylines but are not names: the byline ends there (or, for roles, goes on). */
const NOT_NAME_END = /^(?:发表于|发布于|发表|发布|时间|日期|来源|编辑|责编|分类|阅读|浏览|点击|评论|报道|摄影?|整理|综合|出版|更新|原创)$/;
/** Page counters and tools that follow a byline label: "浏览次数", "点击数", "字号". */
const COUNTER_WORD = /(?:次数|点击|浏览|阅读|人气|字号|访问|评论)(?:数|量|率)?$/;
const ROLE_WORD = /(?:记者|記者|通讯员|通訊員|实习生|實習生)$/;
/**
 * Interface words around bylines (login boxes, share bars, follower counts, page tools): a name ends before them,
 * and a "name" made only of them is none ("账号 密码 自动登录", "字号", "分享").
 */
const UI_WORD = /^(?:账号|帐号|賬號|密码|密碼|登录|登錄|自动登录|登录并发表|注册|註冊|分享|分享到|字号|字體|举报|檢舉|收藏|打印|列印|关注|關注|\+?关注|加关注|加關注|私信|私聊|粉丝|粉絲|首页|首頁|稍后再读|稍後再讀|招聘|管理|回复|回覆|点赞|订阅|訂閱|返回|更多|大|中|小)$/;
/** Page tools written as a phrase ("打印本页", "关闭窗口", "我要纠错"). */
const PAGE_TOOL = /^(?:打印|列印|关闭|關閉|纠错|糾錯|我要纠错|复制链接|複製連結)[\u3400-\u9fff]{0,4}$/;
/** A name glued to the interface word after it ("新京报举报", "张三分享"). */
const UI_SUFFIX = /(?:举报|分享|收藏|打印|关注|字号|纠错)$/;
/** A title or affiliation after the name ("甜阁下 心理咨询师", "王文 院长"): the name ends there. */
const TITLE_WORD = /(?:师|院长|教授|主任|研究员|博士|校长|董事长|总裁|经理|主席|书记|部长|专家|学者|顾问|创始人|首席执行官|CEO)$/;
/** Credits after the names: "图片编辑：金洁", "校对". */
const ROLE_SUFFIX = /(?:编辑|校对|审核|审校|监制|摄影|摄像|制作|策划|设计|统筹|主编|责编|图片)$/;
const SECONDARY_ROLE = /^(?:[\u4e00-\u9fff]{0,6}(?:通讯员|实习生|见习记者|特约通讯员)|摄影|摄|实习|见习)$/;

/** "… on Monday, November 18th" / "… | Updated" trailing a byline. */
const BYLINE_TAIL = /\s+(?:on|at|updated|published|posted)\s+(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d).*$|\s*[|•·]\s.*$/i;

/** The roles a byline gives its writer ("Staff writer", "Political Correspondent"); byline-latin's name-and-role line reads them too. */
export const EN_WRITER_ROLES = ['correspondent', 'reporter', 'writer', 'columnist', 'contributor', 'journalist'] as const;
/** "Mei Reyes Transport correspondent", "Jane Doe, Senior Writer": the role after an English name (the desk's too). */
const EN_ROLE_TAIL = new RegExp(String.raw`(?:,?\s+(?:[A-Za-z&-]+\s){0,3}(?:${[...EN_WRITER_ROLES, 'editor', 'analyst', 'producer', 'staff'].join('|')}))$`, 'i');

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

/** An e-mail address closing the text, set off by a comma, bar, semicolon or brackets. */
const TRAILING_EMAIL = /(?:\s*[,;|]\s*|\s+)[<(]?(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[>)]?$/;

export function cleanPersonName(raw: string): string | undefined {
  let s = bylineSegment(collapseSpace(raw))
    .replace(/^[\s,;:|•·–—-]+/, '')
    // "Jan Novak, postmaster@example.net", "Jo Lee <jo@example.org>": the address written after the name is no part of it.
    .replace(TRAILING_EMAIL, '')
    // ("By" ends at a colon or a space: "Byron Smith" is a name.)
    .replace(/^(?:(?:written|posted|reported|published|review|guide|story|words|text|article)\s+)?by(?:\s*[:：]\s*|\s+)/i, '')
    .replace(/^(?:作者|記者|记者|文(?=\s*[:：/]|\s)|撰文者|撰稿人|撰文|撰写|撰寫|采写|採寫)\s*[:：/]?\s*/, '')
    // "〔編譯張三／綜合報導〕": a translator's or correspondent's role glued before the name.
    .replace(/^(?:編譯|编译|特派員|特派员)(?=[\u3400-\u9fff]{2,4}(?:$|\s*[／╱/]))/, '')
    .replace(BYLINE_TAIL, '')
    .replace(EN_ROLE_TAIL, '')
    // ("Sam Ode — Guardian columnist": the dash that set the role off goes with it.)
    .replace(/(?:[,，、\s]|\s[–—-])+$/, '');
  s = s.replace(/\s*(?:报道|報導|报导|摄影?|攝影?|整理|编译|編譯|翻译|翻譯|发自.*|撰文)$/, '').trim();
  // "張編譯" ("Zhang, translator"): a surname left alone is no name.
  if (/^[\u3400-\u9fff]$/.test(s)) return undefined;
  // "张三等": "and others" after the names (a list cut short) is no part of the last name.
  s = s.replace(/(?<=[\u3400-\u9fff]{2})等人?$/, '');
  // Brackets around or after the name: "（记者 王玉龙）", "张三（北京大学教授）".
  s = s.replace(/^[（(【\[]\s*/, '').replace(/\s*[）)】\]]$/, '').replace(/\s*[（(【][^）)】]*$/, '').trim();
  s = undoubled(s.replace(/\s*\((?:[^()]*\b(?:manager|editor|writer|director|founder|reporter|staff|contributor|correspondent)\b[^()]*)\)$/i, ''));
  if (/[\u3400-\u9fff]/.test(s)) {
    // Chinese names are listed with spaces or 、; English ones keep ", ".
    s = s.replace(/\s*[、，,]\s*/g, ' ');
    const kept: string[] = [];
    for (const word of s.split(' ')) {
      const bare = withoutGluedTail(word.length > 3 && UI_SUFFIX.test(word) ? word.replace(UI_SUFFIX, '') : word);
      // (A word that was a name glued to a tool, "张三字号", is judged as the name.)
      const glued = bare !== word && hasSurnameShape(bare);
      if (!glued && (NOT_NAME_END.test(word) || COUNTER_WORD.test(word) || UI_WORD.test(word) || isInterfaceWord(word))) break;
      if (kept.length > 0 && TITLE_WORD.test(word)) break;
      const token = splitAffiliation(bare) ?? bare;
      // "记者 吴建国 通讯员 孙凯": correspondents and interns credited after the reporter are not the author.
      if (kept.length > 0 && (SECONDARY_ROLE.test(token) || ROLE_SUFFIX.test(token))) break;
      if (!ROLE_WORD.test(token)) kept.push(token);
    }
    s = kept.join(' ');
  }
  return isPlausibleName(s) && !isDeskWord(s) && !/^(?:编辑|记者|通讯员|实习生|本报|本网|匿名|佚名)$/.test(s) ? s : undefined;
}

/**
 * "张三新京报", "张三字号", "欧阳晓明举报": a name run together with the outlet link or page tool written after it
 * (inline elements with no space between them) is the name alone. Only when the front has a surname's shape and
 * the rest is a page tool or counter (two characters or more) or an outlet's name (three or more: isOutletName). A
 * label is no tail: "关于作者" is a heading, not 关于 glued to 作者.
 */
/**
 * An outlet kind, not an outlet: "华西都市报" is 华西 + 都市报 and "张家口日报" 张家 + 口日报 only by accident of their
 * surnames; an outlet's own name after a person's ("王小明人民网") is a full name (人民网), not a kind of paper.
 */
const GENERIC_OUTLET_TAIL = /^(?:[\u3400-\u9fff]?(?:日报|日報|晚报|晚報|早报|早報|晨报|晨報|商报|商報|时报|時報)|都市报|都市報|新闻网|新聞網|新闻社|新聞社|电视台|電視台)$/;

function withoutGluedTail(word: string): string {
  if (word.length < 4 || !/^[\u3400-\u9fff]+$/.test(word)) return word;
  // The longest name first: "张小明阅读" is 张小明, not 张小 before "明阅读".
  for (const k of [4, 3, 2]) {
    const rest = word.slice(k);
    if (rest.length < 2) continue;
    if (hasSurnameShape(word.slice(0, k)) && (UI_WORD.test(rest) || PAGE_TOOL.test(rest) || COUNTER_WORD.test(rest) || (isOutletName(rest) && !GENERIC_OUTLET_TAIL.test(rest)))) {
      return word.slice(0, k);
    }
  }
  return word;
}

/** "Andrea Wong Andrea Wong": a name printed twice (one copy per layout) read as one string. */
function undoubled(s: string): string {
  const words = s.split(' ');
  if (words.length < 2 || words.length % 2 !== 0) return s;
  const half = words.length / 2;
  return words.slice(0, half).join(' ') === words.slice(half).join(' ') ? words.slice(0, half).join(' ') : s;
}
