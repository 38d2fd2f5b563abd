/**
 * The credits read apart from the main byline patterns of byline.ts: names or an outlet in brackets closing the story,
 * the info line's weaker forms ("[ 黄宇 ]", a name after the source's value), photo credits and the editor's label.
 * Each is a last resort or a field of its own in people.ts, so they share none of the author patterns' order.
 */
import { cleanPersonName } from './byline-clean.js';
import { hasSurnameShape, OUTLET_END } from './byline-surnames.js';
import { CN, CN_NAME, CN_NAMES, DATELINE_PLACE, normalisedLabelText } from './people-patterns.js';
import { collapseSpace } from './text.js';

const EDITOR_NAME = String.raw`\s*[】\]〕］]?\s*[:：|｜]?\s*(${CN_NAMES}|[A-Za-z][A-Za-z .'’-]{1,40}?)(?=$|[\s)）\]】|｜,，;；:：_]|\d)`;
/** The responsible editor is the one credited when a line also names a copy or picture editor. */
const RESPONSIBLE_EDITOR = new RegExp(String.raw`(?:责任编辑|責任編輯|责编|責編)${EDITOR_NAME}`);
const EDITOR_PATTERN = new RegExp(
  String.raw`(?:责任编辑|責任編輯|责编|責編|值班编辑|网络编辑|编辑|編輯|主编|主編|编审|审核|審核|editor(?=\s*[:：])|edited by)\s*[】\]〕］]?\s*[:：|｜]?\s*(${CN_NAMES}|[A-Za-z][A-Za-z .'’-]{1,40}?)(?=$|[\s)）\]】|｜,，;；:：_]|\d)`,
  'i',
);

const BRACKETED_NAMES = new RegExp(String.raw`[\[【]\s*(${CN_NAMES})\s*[\]】]`);
/** A label in brackets ("【文章来源】人民日报", "[责任编辑]"), read as a name's shape by its first character (文, 责). */
const BRACKETED_LABEL = /(?:来源|來源|出处|出處|稿源|作者|编辑|編輯|责编|責編|记者|記者|摄影|攝影|转载|轉載|原创|原創|时间|時間|日期)$/;
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

/**
 * A wire service or paper credited in brackets closing the story ("…違反選罷法規定。（中央社）", "（新華社）",
 * "（路透）"): the outlet the copy came from. The bracket closes a sentence or stands alone on its line (a bracket
 * glossing the last words, "…主营业务为互联网（物联网）", "引述消息人士說法（英國廣播電台）", is prose), and names a wire agency
 * or a paper, agency or station by its full kind (日報, 晚報, 時報, 通訊社, 電台, 電視台, 新聞網): a name ending only
 * 社, 報 or 網 is as often a common noun ("（合作社）", "（人民公社）", "（物联网）"). "據", "綜合", "原刊於" before the name
 * are read past; "包括…" is a gloss. A reporter's or a note's bracket ("（記者張三）", "（完）") is none.
 */
const WIRE_AGENCY = '中央社|新华社|新華社|中新社|中通社|中评社|中評社|法新社|美联社|美聯社|路透社|路透|法新|美联|美聯|彭博社|彭博|共同社|韩联社|韓聯社|塔斯社|德新社|安莎社|合众社|合眾社|俄新社';
const TRAILING_OUTLET = new RegExp(
  String.raw`(?:^|[。！？!?」』”"])\s*[(（]\s*(?:据|據|综合|綜合|原刊于|原刊於|原载于|原載於|转载自|轉載自)?\s*(${WIRE_AGENCY}|[${CN}]{2,8}?(?:通讯社|通訊社|日报|日報|晚报|晚報|时报|時報|电视台|電視台|电台|電台|新闻网|新聞網))\s*[)）]\s*$`,
);

export function trailingOutlet(text: string): string | undefined {
  if (text.length > 2000) return undefined;
  const m = TRAILING_OUTLET.exec(text.trimEnd());
  if (!m) return undefined;
  // (A picture's credit is no outlet of the story: "（圖片擷取自每日郵報）", "（取自日網）", "（翻攝自某報）".)
  if (/^(?:本报|本報|本网|本網|本社)$/.test(m[1]) || /[自图圖摄攝]|照片|翻|^(?:包括|包含|以及|和|及)/.test(m[1])) return undefined;
  return m[1];
}

/** Weaker forms, for the info line only: "[ 黄宇 ]" beside a date, a lone name line, "蔡雪婧/摄". */
export function authorFromInfoLine(text: string): string | undefined {
  if (text.length > 120 * 2) return undefined;
  const t = collapseSpace(text);
  if (t.length > 120) return undefined;
  const bracketed = BRACKETED_NAMES.exec(t);
  if (bracketed && !BRACKETED_LABEL.test(bracketed[1]) && /\d{1,2}[:：]\d{2}|\d{4}[-年/]/.test(t)) return cleanPersonName(bracketed[1]);
  return nameAfterSource(t);
}

/** "来源：新京报 张三": one unlabelled token after the source's value (a date, a label or the line's end after it). */
const NAME_AFTER_SOURCE = new RegExp(String.raw`(?:^|\s)(?:来源|來源|稿源)\s?[:：]\s?[^\s:：]{2,20}\s([${CN}]{2,4})(?=$|\s)`);
const PLACE_END = /[省市县縣区區镇鎮乡鄉村州路街井山湖河江岛島]$/;

/**
 * The writer some info lines name, unlabelled, after the source's value. Only a name's shape counts (a common or a
 * compound surname, not an outlet's, an organisation's or a place's ending): "来源：新京报 2023-10-08" and "来源：新华网
 * 编辑：李四" name no writer.
 */
function nameAfterSource(t: string): string | undefined {
  if (!/[来來稿]源/.test(t)) return undefined;
  const m = NAME_AFTER_SOURCE.exec(t);
  if (!m || !hasSurnameShape(m[1]) || OUTLET_END.test(m[1]) || PLACE_END.test(m[1]) || DATELINE_PLACE.test(m[1])) return undefined;
  return cleanPersonName(m[1]);
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
 * Every editor label holds 编, 編, 审 or 審, or "edit" in some case; collapsing space and normalisedLabelText never add
 * one. Most lines of the whole-page scan hold none: a cheap test spares them the labelled pattern's alternation.
 */
const EDITOR_HINT_CJK = /[编編审審]/;
const EDITOR_HINT_LATIN = /edit/i;

export function editorFromText(text: string): string | undefined {
  if (text.length > 300 * 2) return undefined;
  if (!EDITOR_HINT_CJK.test(text) && !EDITOR_HINT_LATIN.test(text)) return undefined;
  const t = normalisedLabelText(collapseSpace(text));
  if (t.length > 300) return undefined;
  const m = RESPONSIBLE_EDITOR.exec(t) ?? EDITOR_PATTERN.exec(t);
  return m ? cleanPersonName(m[1]) : undefined;
}
