/**
 * Labelled author forms ("作者：张三", "撰文｜张三 | 李四", "本文来自…（ID：…），作者：张三") and the checks on their value: the
 * writer's title, institution or country written before the name is no part of it, a department between institution
 * and name is dropped, and a label after a comma counts only in a reprint's credit sentence. Used by byline.ts.
 */
import { hasSurnameShape } from './byline-surnames.js';
import { CN, CN_NAME, CN_NAMES, COUNTER_LABEL, TOOL_TAIL } from './people-patterns.js';

/** Marks that open a byline paragraph in print layouts ("□文/张三", "◎本报记者 李四"). */
export const BULLET = '□■◎◆◇●○★☆▲△※';

/** A label glued to the name by the page's markup ("作者：孙宁责任编辑：NF041" from two adjacent spans). */
export const NEXT_LABEL = String.raw`(?:责任编辑|責任編輯|责编|責編|编辑|編輯|来源|來源|校对|校對|审核|審核)\s*[:：]`;

/**
 * The author label, also with the word that says whose or which kind of author it is (本文作者, 文章作者, 专栏作者,
 * 特约作者): the qualifier changes nothing about the name that follows.
 */
const AUTHOR_LABEL = String.raw`(?:本文|本篇|文章|原文|专栏|專欄|特约|特約|特邀|客座|署名)?作\s?者`;

/** A translated writer's country, bracketed before the name ("作者：[美] 约翰·史密斯", "（英）"). */
const NATIONALITY = String.raw`[\[【〔（(][美英法德日俄韩韓意澳加荷瑞印以西葡奥奧丹挪芬][\]】〕）)]\s*`;
/**
 * The writer's affiliation and title written before the name in the label's value ("清华大学教授 张三", "某某医院主任医师
 * 李四", or the institution alone, "中国科学院 张三"): a run ending in a title word or an institution's, then a space.
 * Bounded and lazy, so a line without a title word fails fast. (After an institution, what follows must be a name:
 * INSTITUTION_BEFORE.)
 */
const TITLE_PREFIX = String.raw`(?:${NATIONALITY})?(?:[${CN}A-Za-z\d]{0,16}?(?:教授|讲师|講師|研究员|研究員|博士|博士生|硕士|碩士|院长|院長|所长|所長|主任|校长|校長|医师|醫師|医生|醫生|律师|律師|工程师|工程師|分析师|分析師|经济师|經濟師|会计师|會計師|学者|學者|专家|專家|董事长|董事長|总经理|總經理|总裁|總裁|创始人|創始人|主席|书记|書記|顾问|顧問|大学|大學|学院|學院|研究院|研究所|科学院|科學院|医院|醫院)\s+)?`;
/** "撰文者：張三編譯": the writer compiled or translated the story (a role glued after the name, not part of it). */
const COMPILED = String.raw`(?:编译|編譯|翻译|翻譯)`;
/**
 * 撰文 / 撰稿 ("wrote"), also as the writer's noun (撰文者, 撰稿人 in Taiwanese and Hong Kong templates), and with the
 * words that say which kind of writer (特约撰稿人, 本报撰稿, both: 本报特约撰稿人): the qualifier changes nothing about the name that follows.
 */
export const WRITER_LABEL = String.raw`(?:(?:本报|本報|本刊|本网|本網)?(?:特约|特約|特邀)?(?:撰文者|撰稿者|撰稿人|撰文|撰稿))`;
/** Labels whose value may list several writers split by slashes, bars or semicolons ("作者：张三/李四", "撰文｜张三 | 李四"). */
const LIST_LABEL = String.raw`(?:${AUTHOR_LABEL}|${WRITER_LABEL}|撰写|撰寫|采写|採寫|执笔人?|執筆人?)`;
/**
 * 作者：张三/李四 · 作者：张三 | 李四 · 作者：张三；李四: names split by slashes, bars or semicolons. After the first, a part is another writer only
 * when it has a name's shape (authorFromShort checks): a bar also splits an info line's fields ("| 江城日报").
 */
export const NAME_LIST = new RegExp(String.raw`(?:^|[\s(（\[【|｜])${LIST_LABEL}\s*[:：|｜]\s*${TITLE_PREFIX}(${CN_NAME}(?:\s*[/／|｜、，,；;]\s*${CN_NAME}){1,7})(?=$|[\s()（）\]】|｜/／,，;；_]|\d|${NEXT_LABEL})`);
export const LIST_SEPARATOR = /\s*[/／|｜、，,；;]\s*/;

/**
 * 作者：茉莉 · 本文作者：… · 撰文：张三 · 撰文者：張三 · "…（ID：x），作者：张三" (a reprint's credit sentence: a comma before
 * the label counts only on a line that says it is a reprint, REPRINT_LINE) · 执笔人：… · 发帖人：… · 作者：Jane Doe (a Latin
 * name keeps its capitalised words) · /撰文/張三 (a slash before the label too, opening the line or after a date or a
 * space: a template's separator; not a path's or a tag list's, "https://…/撰文/abc", "AI/撰文/寫作")
 */
export const LABELLED = new RegExp(String.raw`(?:^|[\s(（\[【|｜，,${BULLET}]|(?<=(?:^|[\s\d])\s*)[/／])(?:${AUTHOR_LABEL}|原作者|作者简介|作者簡介|作者介绍|作者介紹|記者|${WRITER_LABEL}|撰写|撰寫|采写|採寫|执笔人?|主笔|主筆|文字|发布者|发帖人|楼主|博主|投稿人)\s*(?:[:：|｜/／]|[】\]])\s*@?${TITLE_PREFIX}(${CN_NAMES}|[A-Za-z][\w.'’-]{1,40}(?:\s[A-Z][\w.'’-]{0,40}){0,3})(?=$|[\s()（）\]】|｜,，;；:：_]|\d|${NEXT_LABEL}|${COMPILED}|${TOOL_TAIL}|${COUNTER_LABEL})`);
/**
 * A reprint's credit sentence ("本文来自微信公众号：某某研究（ID：…），作者：张三"). Elsewhere a label after a comma is a
 * book's or a guest's ("《活着》，作者：余华，作家出版社…", "嘉宾：张三，主持人：李四"), not the article's writer.
 */
const REPRINT_LINE = /\bID\s*[:：]|公众号|公眾號|(?:本文|文章)(?:来自|來自|转载|轉載|转自|轉自)|转载自|轉載自|原载|原載/i;
/** An institution written before the value ("北京协和医院 急诊科 张三"): what follows may be a department, not a name. */
const INSTITUTION_BEFORE = /(?:大学|大學|学院|學院|研究院|研究所|科学院|科學院|医院|醫院)\s+$/;

/** 作者：放飞&心情 (any short token after the label; not when the labelled value was turned down: labelledValue) */
export const ANY_TOKEN = /(?:^|[\s(（\[【|｜])(?:作\s?者|发帖人|楼主|博主|发文机关|发布机构)\s*[:：]\s*([^\s:：|｜,，;；()（）\[\]【】<>"=]{1,20})(?=$|[\s|｜,，;；)）\]】])/;

/** A department of the institution ("急诊科", "物理所", "新闻学院", "科普团队"), written between it and the name. */
const DEPARTMENT = /(?:科|所|院|系|部|室|处|組|组|中心|团队|團隊|学部|學部)$/;

/**
 * The labelled match's value, or undefined when it follows a comma off a reprint line, or an institution and is no
 * name: "北京协和医院 急诊科 张三" names 张三 after the department, "北京协和医院 科普团队" nobody.
 */
export function labelledValue(m: RegExpExecArray, line: string): string | undefined {
  if (/^[，,]/.test(m[0]) && !REPRINT_LINE.test(line)) return undefined;
  if (!INSTITUTION_BEFORE.test(m[0].slice(0, m[0].length - m[1].length)) || /^[A-Za-z]/.test(m[1])) return m[1];
  const parts = m[1].split(/[\s、，,/／|｜]+/).filter(Boolean);
  const first = parts.findIndex((n) => hasSurnameShape(n) || /[·•]/.test(n));
  if (first < 0 || !parts.slice(first).every((n) => hasSurnameShape(n) || /[·•]/.test(n))) return undefined;
  if (!parts.slice(0, first).every((n) => DEPARTMENT.test(n))) return undefined;
  return m[1].slice(m[1].indexOf(parts[first]));
}
