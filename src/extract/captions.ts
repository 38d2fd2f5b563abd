/** Pairing images with their captions: <figcaption>, caption-classed elements, or a short centred line below. */
import type { Block } from './blocks.js';
import { classAndId, isTag, type Element } from './dom.js';
import { weightedLength } from './text.js';

const CN_CAPTION = /^(?:图[:：为\d]|图片[:：]|[(（]图|上图|下图|左图|右图|资料图|图\s*[/／]|▲|△)/;
const CAPTION_HINT = /caption|figcaption|desc|pic_?text|img_?text|imgtxt|pictext|photo_?text|tuzhu|pic_?info|img_?title|wp-caption-text|center/;

function sameFigure(img: Element, capEl: Element): boolean {
  let cur: Element | null = img.parent as Element | null;
  for (let i = 0; cur && i < 3; i++) {
    if (cur.name === 'figure') {
      let c: Element | null = capEl;
      for (let j = 0; c && j < 4; j++) {
        if (c === cur) return true;
        c = c.parent as Element | null;
      }
      return false;
    }
    cur = cur.parent as Element | null;
  }
  return false;
}

function looksLikeCaption(img: Element, b: Block): boolean {
  if (b.kind !== 'paragraph' || weightedLength(b.text) > 160) return false;
  const el = b.el;
  if (el.name === 'figcaption' || sameFigure(img, el)) return true;
  if (CAPTION_HINT.test(classAndId(el))) return true;
  // Chinese caption cues, or the text sharing the picture's own paragraph.
  if (CN_CAPTION.test(b.text) && weightedLength(b.text) <= 120) return true;
  if ((img.parent === el || img.parent?.parent === el) && weightedLength(b.text) <= 80) return true;
  const align = `${el.attribs.align ?? ''} ${el.attribs.style ?? ''}`.toLowerCase();
  // Chinese CMSs centre the caption line under the picture.
  return /center/.test(align) && weightedLength(b.text) <= 80;
}

/** A caption or photo credit whose image was not kept (lazy placeholder, removed gallery). */
function isOrphanCaption(b: Block): boolean {
  // Quotes and embedded posts in a <figure> are text of their own, not captions.
  if (b.kind !== 'paragraph' || b.text.length > 400 || b.quoted) return false;
  let el: Element | null = b.el;
  for (let i = 0; el && isTag(el) && i < 3; i++, el = el.parent as Element | null) {
    if (el.name === 'figcaption' || el.name === 'figure' || ORPHAN_HINT.test(withoutTermSlugs(classAndId(el)))) return true;
  }
  return false;
}

const ORPHAN_HINT = /caption|credit|photo-?desc|image-?desc|img-?desc/;
/**
 * WordPress's post classes name the post's categories and tags (`category-deductions-and-credits`, `tag-captions`):
 * the words say what the article is about, not that a box is a caption.
 */
const TERM_SLUG = /(?:^|\s)(?:category|tag)-\S*/g;

function withoutTermSlugs(hint: string): string {
  return hint.includes('category-') || hint.includes('tag-') ? hint.replace(TERM_SLUG, ' ') : hint;
}

export function attachCaptions(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const next = blocks[i + 1];
    if (b.kind === 'image' && b.image && !b.image.caption && next && looksLikeCaption(b.el, next)) {
      out.push({ ...b, image: { ...b.image, caption: next.text } });
      i++;
      continue;
    }
    if (isOrphanCaption(b)) continue;
    out.push(b);
  }
  return out;
}
