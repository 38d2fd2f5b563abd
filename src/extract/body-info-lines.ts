/**
 * Info lines: the line of labelled fields and a date under a headline ("类别:国内 发布时间:2025-10-12 23:41:00
 * 来源:鲁网", "By X | March 3, 2025"), and the same fields as a post's footer closing the body.
 */
import type { Block } from './blocks.js';
import { weightedLength } from './text.js';

const META_LABEL = /(?:来源|作者|发布|时间|日期|记者|编辑|浏览|点击|阅读|字号|类别|分类|栏目|posted|published|updated)\s*[:：]/gi;
const HAS_DATE = /(?:19|20)\d{2}\s?[-/.年]\s?\d{1,2}|\d{1,2}[:：]\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d{1,2},?\s(?:19|20)\d{2}/i;

/** The info line under a headline: "类别:国内 发布时间:2025-10-12 23:41:00 来源:鲁网", "By X | March 3, 2025". */
export function isInfoLine(text: string): boolean {
  if (weightedLength(text) > 160) return false;
  const labels = text.match(META_LABEL)?.length ?? 0;
  if (labels >= 2) return true;
  if (!HAS_DATE.test(text)) return false;
  if (/^(?:updated|published|posted|first published|last (?:updated|modified))\b/i.test(text)) return true;
  // A dated line that is not a sentence: "2025年10月12日 23:41 新华网", "By Jane Doe | March 3, 2025".
  return labels >= 1 || (!/[，。！？；]/.test(text) && !/[.!?]["”’]?$/.test(text) && text.split(/\s+/).length <= 20);
}

/**
 * A post's footer line closing the body: a labelled field and a date, no sentence ("作者： 流泉 访问统计： 2005年08月30日
 * 13:22", "发布时间：2023-08-20 浏览：1024"), the info line set under the text instead of over it.
 */
export function isPostFooter(b: Block): boolean {
  if (b.kind !== 'paragraph' || weightedLength(b.text) > 160 || !HAS_DATE.test(b.text) || /[，。！？；]/.test(b.text)) return false;
  if (FOOTER_LABEL.test(b.text)) return true;
  // A notice closes on its own dated fields ("报名截止日期：2024年5月20日", "会议时间：…"): those labels are not the page's.
  let labels = 0;
  for (const m of b.text.matchAll(META_LABEL)) if (!EVENT_FIELD.test(b.text.slice(Math.max(0, m.index - 4), m.index))) labels++;
  return labels >= 2;
}

/** Labels only a post's footer carries: when it was posted or updated, how often read, who wrote it, from where. */
const FOOTER_LABEL = /(?:发布|发表|更新|录入|添加)(?:时间|日期)\s*[:：]|(?:发表|发布)于|(?:浏览|点击|阅读)(?:次数|量|数)?\s*[:：]|访问统计|(?:作者|来源)\s*[:：]|\b(?:posted|published|updated)\s*:/i;
/** What an event's own time and date fields are of (a notice's meeting, deadline, opening hours). */
const EVENT_FIELD = /(?:活动|会议|报名|截止|开始|结束|举办|举行|考试|比赛|申报|提交|缴费|开放|营业|办公|受理|培训|报到)$/;
