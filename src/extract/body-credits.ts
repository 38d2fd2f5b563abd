/**
 * Chinese production credits in the body ("统筹：王五", "策划：赵六", "视觉：…"): the newsroom's credits (责任编辑,
 * 记者 …) are furniture anywhere (body-clean.ts's BOILERPLATE_LINE); these labels are also those of a film's or a
 * show's facts and of a review's points, so they go only beside a newsroom credit.
 */
import type { Block } from './blocks.js';

/**
 * Production credits that are also the labels of a film's or a show's facts and of a review's points ("出品：北京山海影业
 * 有限公司", "策划：省博物馆陈列部", "视觉：特效震撼 细节扎实"): furniture only in a run of credit lines holding an
 * editor's or a reporter's credit ("统筹：王五 策划：赵六" over "本文编辑：孙七").
 */
const PRODUCTION_CREDIT = /^[(（\[【]?\s*(?:文字|统筹|策划|出品|美编|制图|排版|视觉|剪辑)\s*[:：/][^，。？！；,?!]{0,40}$/;
/** A newsroom credit label anywhere in a line ("文字：张三 摄影：李四" holds one). */
const NEWSROOM_CREDIT = /(?:责任编辑|责编|编辑|主编|编审|审核|审校|校对|监制|记者|通讯员|摄影|作者)\s*[:：/]/;
/** A whole line that is a newsroom credit: the label, then names, no sentence. */
const NEWSROOM_CREDIT_LINE = /^[(（\[【]?\s*(?:本文编辑|值班编辑|实习编辑|责任编辑|责编|编辑|主编|编审|审核|审校|校对|监制|记者|通讯员|摄影|作者)\s*[:：/][^，。？！；,?!]{0,40}$/;
/** How far a run of credit lines is followed from a production credit (lines each way). */
const CREDIT_RUN_REACH = 6;
const CREDIT_LINE_MAX = 60;

function isCreditLine(text: string): boolean {
  return text.length <= CREDIT_LINE_MAX && (PRODUCTION_CREDIT.test(text) || NEWSROOM_CREDIT_LINE.test(text));
}

/** Is block `i` a production credit in a run of credit lines with a newsroom credit in it (maybe in the line itself)? */
export function isProductionCredit(blocks: Block[], i: number): boolean {
  const text = blocks[i].text;
  if (text.length > CREDIT_LINE_MAX || !PRODUCTION_CREDIT.test(text)) return false;
  if (NEWSROOM_CREDIT.test(text)) return true;
  for (const step of [-1, 1]) {
    for (let j = i + step, n = 0; j >= 0 && j < blocks.length && n < CREDIT_RUN_REACH && isCreditLine(blocks[j].text); j += step, n++) {
      if (NEWSROOM_CREDIT.test(blocks[j].text)) return true;
    }
  }
  return false;
}

/**
 * A picture's caption closing on its credit ("Viele Hände arbeiten in der Schlachthalle. Bildrechte: MDR/David
 * Straub", "… empfing nur 14 von 75 Kindern © VS Tristach", "Foto: REUTERS/Nadja Wohlleben"): the caption of an image
 * the body keeps as text. The label is capitalised with its colon (or ©), and the credit after it is a short name
 * with no sentence punctuation, ending the line: a sentence of the report ends in its own punctuation.
 */
const CAPTION_CREDIT = /(?:^|[\s.)])(?:(?:Bildrechte|Bildquelle|Foto|Fotos|Photo|Photos|Image|Credit|Bild|Zdjęcie|Fuente|Crédit photo|Crédits?)\s?:|©)\s*[^.!?:©\s][^.!?:©]{1,59}$/u;
const CAPTION_MAX = 300;

export function isCreditedCaption(text: string): boolean {
  const t = text.trim();
  return t.length <= CAPTION_MAX && CAPTION_CREDIT.test(t);
}
