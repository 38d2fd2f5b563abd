/**
 * Chinese production credits in the body ("统筹：王五", "策划：赵六", "视觉：…"): the newsroom's credits (责任编辑,
 * 记者 …) are furniture anywhere (body-clean.ts's BOILERPLATE_LINE); these labels are also those of a film's or a
 * show's facts and of a review's points, so they go only beside a newsroom credit.
 */
import type { Block } from './blocks.js';
import { classAndId, isTag, type Element } from './dom.js';

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
 * the body keeps as text. The label is capitalised with its colon (or ©), and the credit after it is name-like (each
 * word capitalised, a number, or an agency's or a name's small word), ending the line: "Credit: Moody's downgrades
 * three banks" is a subhead, "Fuente: INE" a data source (not a picture's label, so not listed).
 */
const CREDIT_LABELS = [
  'Bildrechte', 'Bildquelle', 'Bild', 'Foto', 'Fotos', 'Fotografía', 'Photo', 'Photos', 'Photograph', 'Photo credit',
  'Image', 'Images', 'Imagen', 'Credit', 'Crédit photo', 'Crédit', 'Crédits', 'Zdjęcie',
];
const CREDIT_TAIL = new RegExp(`(?:^|[\\s.)])(?:(?:${CREDIT_LABELS.join('|')})\\s?[:：]|©)\\s*([^©:：]{2,60})$`, 'u');
/** Small words of credits ("picture alliance/dpa", "Max van der Berg", "Foto: privat"). */
const CREDIT_SMALL_WORDS = new Set(['via', 'and', 'und', 'et', 'y', 'e', 'de', 'del', 'della', 'di', 'da', 'do', 'van', 'von', 'der', 'den', 'du', 'des', 'la', 'le', 'el', 'for', 'für', 'of', 'picture', 'alliance', 'dpa', 'afp', 'ap', 'epa', 'ddp', 'imago', 'istock', 'privat', 'archiv', 'courtesy']);
/** A caption's whole text, at most (plain characters); a credit line alone outside a caption's place, at most. */
const CAPTION_MAX = 300;
const CREDIT_LINE_ALONE_MAX = 160;
/** Past this share of the body's text, credited captions are the article (a gallery of pictures): all kept. */
const CAPTIONS_SHARE_MAX = 0.5;

function isNameLike(credit: string): boolean {
  const words = credit.trim().split(/[\s/,;|]+/).filter(Boolean);
  return words.length > 0 && words.length <= 8 && words.every((w) => /^[(\p{Lu}\p{N}]/u.test(w) || CREDIT_SMALL_WORDS.has(w.toLowerCase().replace(/[.)]+$/, '')));
}

/** Does `text` close on a picture credit; `alone`: is the credit the whole line? */
export function isCreditedCaption(text: string, alone = false): boolean {
  const t = text.trim();
  if (t.length > CAPTION_MAX) return false;
  const m = CREDIT_TAIL.exec(t);
  if (!m || !isNameLike(m[1])) return false;
  return !alone || (m.index === 0 && t.length <= CREDIT_LINE_ALONE_MAX);
}

/** A sentence's end followed by another sentence. */
const SENTENCES = /[.!?…]["”’»]?\s+["„“«]?\p{Lu}\p{Ll}/u;

/** Class/id words of a caption's box. */
const CAPTION_BOX = /(?:^|[^a-z])(?:caption|cap|credits?|legend|legende|bildunterschrift|figcaption)(?:$|[^a-z])/;

/** Is the paragraph in a caption's place: in a figure or a caption-named box, or right after a picture? */
function inCaptionPlace(blocks: Block[], i: number): boolean {
  const el = blocks[i].el;
  for (let box: Element | null = el, n = 0; box && isTag(box) && n < 4; box = box.parent as Element | null, n++) {
    if (box.name === 'figure' || box.name === 'figcaption' || CAPTION_BOX.test(classAndId(box))) return true;
  }
  // Right after a picture, a caption is one sentence: a report's paragraph of several closing on a credit stays.
  let prev = el.prev;
  while (prev && !isTag(prev)) prev = prev.prev;
  const afterPicture = blocks[i - 1]?.kind === 'image' || (!!prev && isTag(prev) && /^(?:img|picture|figure)$/.test(prev.name));
  const text = blocks[i].text;
  return afterPicture && !SENTENCES.test(text.slice(0, CREDIT_TAIL.exec(text)?.index ?? text.length));
}

/**
 * The body without the captions kept as text lines and closing on their picture's credit: a paragraph in a caption's
 * place closing on a credit, or a credit line alone ("Foto: REUTERS/…"). When such lines are most of the text (a
 * gallery of captioned pictures), they are the article and all stay.
 */
export function withoutCreditedCaptions(blocks: Block[]): Block[] {
  const drop = new Set<number>();
  let dropped = 0;
  let total = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    total += b.text.length;
    if (b.kind !== 'paragraph' || !isCreditedCaption(b.text, !inCaptionPlace(blocks, i))) continue;
    drop.add(i);
    dropped += b.text.length;
  }
  if (drop.size === 0 || dropped > total * CAPTIONS_SHARE_MAX) return blocks;
  return blocks.filter((_, i) => !drop.has(i));
}
