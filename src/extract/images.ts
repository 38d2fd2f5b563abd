/** Which <img> source to use (lazy-loading attributes first) and which images are decoration, not content. */
import type { Element } from './dom.js';
import { resolveHttpUrl, type UrlResolver } from './links.js';

export function imageSource(el: Element, urls: UrlResolver | undefined): string | undefined {
  const candidates = [
    el.attribs['data-src'], el.attribs['data-original'], el.attribs['data-lazy-src'], el.attribs['data-url'],
    el.attribs['data-actualsrc'], el.attribs.src, el.attribs.srcset?.split(/\s+/)[0], el.attribs['data-srcset']?.split(/\s+/)[0],
  ];
  for (const c of candidates) {
    if (!c || c.startsWith('data:')) continue;
    const abs = urls ? urls.resolve(c) : resolveHttpUrl(c, undefined);
    if (abs) return abs;
  }
  return undefined;
}

/** Spacers, tracking pixels, icons and logos are not article images. */
export function isDecorativeImage(el: Element, src: string): boolean {
  const w = Number(el.attribs.width ?? NaN);
  const h = Number(el.attribs.height ?? NaN);
  if ((w > 0 && w < 40) || (h > 0 && h < 40)) return true;
  return DECORATIVE_SRC.test(src);
}

const DECORATIVE_SRC = /(?:^|[^a-z])(?:spacer|blank|pixel|1x1|c\.gif|icons?|logos?|avatars?|emoji|loading|placeholder|share|button)(?:[^a-z]|$)|\.svg(?:[?#]|$)/i;
