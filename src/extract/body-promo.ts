/**
 * The site's calls to action set between or after the article's paragraphs: a newsletter plug ("Love movies?
 * … delivered right to your inbox. Sign up now"), a demo or trial offer ("Book a FREE demo of …"), a "follow us"
 * line. They read as sentences, so link density does not catch them; the call itself does. Only short paragraphs
 * past the article's opening go (a long paragraph that mentions signing up is the article's), and never the
 * article's own subject: a page that keeps talking about newsletters or trials is about them.
 */
import type { Block } from './blocks.js';
import { weightedLength } from './text.js';

/** A call to the reader to sign up, subscribe, book or follow. Bounded alternation, no nested quantifiers. */
const CALL = /\b(?:sign(?:ing)? ?up (?:now|today|below|here)\b|sign ?up (?:for|to) our|get in touch with us (?:today|now)\b|join us on (?:whatsapp|telegram|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky)\b|subscribe (?:now|today)\b|subscribe to our|join our (?:mailing list|newsletter|email list)|(?:book|schedule|request) (?:a free|your free|a complimentary|your) (?:demo|consultation)|book a demo|start your free trial|delivered (?:right |straight )?to your inbox|sent straight to your (?:inbox|device)|follow (?:us|me|(?!him |her |them )[\w-]+(?: [\w-]+)?) on (?:twitter|facebook|instagram|x|linkedin|youtube|tiktok|whatsapp|threads|bluesky)|add (?:us )?as (?:a )?(?:preferred|trusted) (?:news )?source|follow \w+ on google news|delivered (?:through|to) your (?:letterbox|door)|chat with us (?:on|in) (?:facebook|whatsapp)|if you (?:like|liked|enjoy|enjoyed) (?:this|the|our|my) (?:article|post|content|story|newsletter|piece)\b[^.!?]{0,80}\bplease share)/i;
/**
 * The same calls in German, Japanese and Chinese news furniture: subscribe to the channel or the newsletter, get the
 * app, follow us, register as a member to read on. No word boundaries: CJK text has none.
 */
const CALL_OTHER = /(?:\babonniere (?:den|unseren?)\b|\bfolgst du (?:schon|uns)\b|\bfolgen sie uns\b|\bhier geht es zu(?:r|m) (?:neuen )?[\w-]*(?:app|newsletter|kanal)\b|\bauch bei social media\b|-newsletter richtig\b|会員登録|会員限定|ご利用には|关注(?:我们|本公众号|公众号)|扫码关注|长按(?:二维码|识别)|点击(?:上方|下方)?蓝字)/i;
/**
 * The site's notices about the article rather than the article: an affiliate disclosure ("we may earn a commission
 * …"), an opinion or medical disclaimer ("… do not necessarily reflect the views of …", "for informational purposes
 * only and is not a substitute for …"). Often the first line, so the opening rule does not hold for them.
 */
const NOTICE = /\b(?:we (?:may )?earn (?:an? )?(?:small )?(?:affiliate )?commission|(?:contains|uses?) affiliate links|links (?:in|on) this (?:article|post|page) are affiliate|do not necessarily reflect the views|(?:educational and )?informational purposes only and (?:is|are|does|do) not)/i;
/** Longer than this, a paragraph is the article talking about such things, not a plug. */
const MAX_PROMO_LEN = 360;
/** The opening paragraphs are the article's, whatever they say. */
const OPENING_BLOCKS = 2;
/** A page where more calls than this remain is about them (a guide to newsletters, to trials): keep them all. */
const MAX_PROMOS = 4;

function isPromo(b: Block): boolean {
  if (b.kind !== 'paragraph') return false;
  const len = weightedLength(b.text);
  return len <= MAX_PROMO_LEN && (CALL.test(b.text) || CALL_OTHER.test(b.text));
}

function isNotice(b: Block): boolean {
  return b.kind === 'paragraph' && weightedLength(b.text) <= MAX_PROMO_LEN && NOTICE.test(b.text);
}

/** The blocks without the calls to action past the article's opening, and without the site's notices. */
export function withoutPromos(blocks: Block[]): Block[] {
  const drop = new Set<number>();
  for (let i = 0; i < blocks.length; i++) if ((i >= OPENING_BLOCKS && isPromo(blocks[i])) || isNotice(blocks[i])) drop.add(i);
  if (drop.size === 0 || drop.size > MAX_PROMOS) return blocks;
  return blocks.filter((_, i) => !drop.has(i));
}
