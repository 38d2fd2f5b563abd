import { gunzipSync } from 'node:zlib';
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { contradictedCjkFamily } from './cjkCharset.js';
import type { DecodedText } from './types.js';
import { isMostlyUtf8 } from './utf8-share.js';

/** How far into the document a <meta> charset is looked for. */
const META_PRESCAN_BYTES = 4096;
/** How much of the body chardet looks at (it is slow on whole multi-megabyte pages). */
const DETECTION_SAMPLE_BYTES = 64 * 1024;
/** chardet confidence (0–100) needed to trust a detection. */
const MIN_DETECTION_CONFIDENCE = 10;
/** chardet confidence needed to overrule a declared UTF-8 that decodes to garbage. */
const MIN_OVERRULE_CONFIDENCE = 50;

/** A charset we can decode: the name we report and iconv-lite's name for it. */
interface Decoder {
  name: string;
  iconvName: string;
}

/**
 * WHATWG Encoding labels that differ from iconv-lite's names or that browsers deliberately map to a
 * superset: every GB2312/GBK label decodes as GB18030 (a superset, so GBK pages decode the same),
 * Latin-1/ASCII as windows-1252, Big5 as Big5-HKSCS.
 */
/** A Map, not a plain object: a page's label such as `__proto__` or `constructor` must not find a prototype member. */
const LABEL_ALIASES = new Map<string, Decoder>();
function alias(name: string, iconvName: string, labels: string[]): void {
  for (const label of [name, ...labels]) LABEL_ALIASES.set(label, { name, iconvName });
}
function known(label: string): Decoder {
  return LABEL_ALIASES.get(label)!;
}
alias('utf-8', 'utf-8', ['utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);
alias('gb18030', 'gb18030', [
  'gbk', 'gb2312', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'chinese', 'csgb2312', 'csiso58gb231280',
  'gb_2312', 'gb_2312-80', 'iso-ir-58', 'euc-cn', 'x-euc-cn',
]);
alias('big5', 'big5hkscs', ['big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5', 'cp950']);
alias('windows-1252', 'windows-1252', [
  'iso-8859-1', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'latin1', 'l1', 'ascii', 'us-ascii',
  'ansi_x3.4-1968', 'cp1252', 'x-cp1252', 'cp819', 'ibm819', 'csisolatin1', 'iso-ir-100', 'x-user-defined',
]);
alias('shift_jis', 'shift_jis', ['sjis', 'shift-jis', 'ms_kanji', 'x-sjis', 'windows-31j', 'csshiftjis', 'ms932', 'cp932']);
alias('euc-kr', 'cp949', ['ks_c_5601-1987', 'windows-949', 'cp949', 'csksc56011987', 'korean']);
alias('utf-16le', 'utf-16le', ['utf-16', 'ucs-2', 'unicode', 'csunicode', 'iso-10646-ucs-2', 'unicodefeff']);
alias('utf-16be', 'utf-16be', ['unicodefffe']);
alias('utf-32le', 'utf-32le', ['utf-32', 'utf32', 'ucs-4']);
alias('utf-32be', 'utf-32be', []);

/** The decoder for a charset label, or undefined when we have none (then the next step decides). */
export function canonicalCharset(label: string | null | undefined): string | undefined {
  return decoderFor(label)?.name;
}

function decoderFor(label: string | null | undefined): Decoder | undefined {
  if (!label) return undefined;
  const key = label.trim().toLowerCase();
  if (key === '') return undefined;
  const aliased = LABEL_ALIASES.get(key);
  if (aliased) return aliased;
  // Anything else only when iconv-lite knows it; a label it rejects falls through to the next step.
  try {
    return /^[a-z0-9][a-z0-9._:-]*$/.test(key) && iconv.encodingExists(key) ? { name: key, iconvName: key } : undefined;
  } catch {
    return undefined;
  }
}

/** The charset parameter of a Content-Type value, lower-cased and unquoted; undefined if absent. */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  if (!contentType) return undefined;
  const match = /;\s*charset\s*=\s*("([^"]*)"|'([^']*)'|[^;,\s]*)/i.exec(contentType);
  if (!match) return undefined;
  const value = (match[2] ?? match[3] ?? match[1]).trim().toLowerCase();
  return value === '' ? undefined : value;
}

/**
 * Decodes an HTML body the way a browser would pick the charset: byte-order mark, then the
 * Content-Type charset, then a <meta> prescan of the first 4 KiB, then chardet, then UTF-8.
 * Deliberate deviations, because a declaration is only a claim about the bytes:
 * - UTF-16/32 without a BOM is recognised by its zero bytes (an ASCII-compatible declaration cannot be true then);
 * - a declared charset that is not UTF-8, on bytes that are strictly valid UTF-8 with non-ASCII in them, loses to
 *   UTF-8 (a CMS template saying gb2312 over UTF-8 articles; GBK or Latin text is almost never valid UTF-8), and so
 *   do bytes that are UTF-8 but for a few stray ones outside scripts and styles (a GBK include in a UTF-8 page:
 *   isMostlyUtf8, utf8-share.ts);
 * - GB bytes under a Big5 label and Big5 bytes under a GB label, which decode with few U+FFFD, are told apart by
 *   their byte pairs and chardet's frequency models (cjkCharset.ts);
 * - a declared decoding with many U+FFFD (invalid sequences) loses to a candidate with fewer (UTF-8, chardet's pick).
 */
export function decodeHtml(body: Buffer, contentType?: string | null): DecodedText {
  const bom = bomDecoder(body);
  if (bom) return { text: decodeWith(body.subarray(bom.length), bom.decoder), charset: bom.decoder.name, detectedBy: 'bom' };

  const wide = wideDecoder(body);
  if (wide) return { text: decodeWith(body, wide), charset: wide.name, detectedBy: 'detected' };

  const fromHeader = decoderFor(charsetFromContentType(contentType));
  if (fromHeader) return decodeDeclared(body, fromHeader, 'content-type');

  const fromMeta = decoderFor(prescanMetaCharset(body));
  if (fromMeta) return decodeDeclared(body, fromMeta, 'meta');

  const detected = detectDecoder(body);
  if (detected) return { text: decodeWith(body, detected), charset: detected.name, detectedBy: 'detected' };

  const utf8 = known('utf-8');
  return { text: decodeWith(body, utf8), charset: utf8.name, detectedBy: 'default' };
}

function decodeDeclared(body: Buffer, decoder: Decoder, detectedBy: 'content-type' | 'meta'): DecodedText {
  const utf8 = known('utf-8');
  // Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the template says (checked on the whole body: the first
  // non-ASCII byte of a GBK page may come late, after a long ASCII head).
  if (decoder.name !== 'utf-8' && isAsciiCompatible(decoder) && hasNonAscii(body) && (isValidUtf8(body, true) || isMostlyUtf8(body))) {
    return { text: decodeWith(body, utf8), charset: utf8.name, detectedBy: 'detected' };
  }
  const family = decoder.name === 'gb18030' ? 'gb' : decoder.name === 'big5' ? 'big5' : undefined;
  const rival = family && contradictedCjkFamily(body.subarray(0, DETECTION_SAMPLE_BYTES), family);
  if (rival) {
    const actual = known(rival === 'gb' ? 'gb18030' : 'big5');
    return { text: decodeWith(body, actual), charset: actual.name, detectedBy: 'detected' };
  }
  const text = decodeWith(body, decoder);
  if (!looksMisdecoded(text)) return { text, charset: decoder.name, detectedBy };
  // The declared decoding produced many U+FFFD: the candidate with the fewest wins, the declaration on a tie.
  let best = { text, charset: decoder.name, detectedBy: detectedBy as DecodedText['detectedBy'], bad: countReplacements(text) };
  const candidates = [utf8, confidentDetection(body, decoder.name === 'utf-8' ? MIN_OVERRULE_CONFIDENCE : MIN_DETECTION_CONFIDENCE)];
  for (const c of candidates) {
    if (!c || c.name === decoder.name) continue;
    const retried = decodeWith(body, c);
    const bad = countReplacements(retried);
    if (bad < best.bad) best = { text: retried, charset: c.name, detectedBy: 'detected', bad };
  }
  return { text: best.text, charset: best.charset, detectedBy: best.detectedBy };
}

/** Charsets in which ASCII bytes mean ASCII (so a UTF-8 reading of the same bytes is a fair rival). */
function isAsciiCompatible(decoder: Decoder): boolean {
  return !/^utf-(?:16|32)/.test(decoder.name);
}

function hasNonAscii(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/**
 * UTF-16/32 without a BOM: HTML markup is mostly ASCII, so every second (fourth) byte is zero, on the high-order
 * side. Judged on the first 1 KiB; an ASCII-compatible page has no zero bytes at all.
 */
function wideDecoder(body: Buffer): Decoder | undefined {
  const n = Math.min(body.length, 1024) & ~3;
  if (n < 8) return undefined;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (body[i] === 0) zeros[i & 3]++;
  const share = zeros.map((z) => z / (n / 4));
  // Zero bytes in the high-order lanes (a CJK-heavy head lowers the share, so 0.3 is enough); none elsewhere.
  const high = (i: number): boolean => share[i] > 0.3;
  const low = (i: number): boolean => share[i] < 0.05;
  if (high(1) && high(2) && high(3) && low(0)) return known('utf-32le');
  if (high(0) && high(1) && high(2) && low(3)) return known('utf-32be');
  if (high(1) && high(3) && low(0) && low(2)) return known('utf-16le');
  if (high(0) && high(2) && low(1) && low(3)) return known('utf-16be');
  return undefined;
}

function decodeWith(bytes: Buffer, decoder: Decoder): string {
  return iconv.decode(bytes, decoder.iconvName, { stripBOM: true });
}

function bomDecoder(body: Buffer): { decoder: Decoder; length: number } | undefined {
  // UTF-32LE's BOM starts with UTF-16LE's, so it is tested first.
  if (body.length >= 4 && body[0] === 0xff && body[1] === 0xfe && body[2] === 0 && body[3] === 0) return { decoder: known('utf-32le'), length: 4 };
  if (body.length >= 4 && body[0] === 0 && body[1] === 0 && body[2] === 0xfe && body[3] === 0xff) return { decoder: known('utf-32be'), length: 4 };
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { decoder: known('utf-8'), length: 3 };
  if (body.length >= 2 && body[0] === 0xfe && body[1] === 0xff) return { decoder: known('utf-16be'), length: 2 };
  if (body.length >= 2 && body[0] === 0xff && body[1] === 0xfe) return { decoder: known('utf-16le'), length: 2 };
  return undefined;
}

/**
 * A simplified HTML-spec prescan: the first <meta charset> or
 * <meta http-equiv="content-type" content="…charset=…"> outside comments, in the first 4 KiB.
 * Per spec a declared UTF-16 in <meta> means UTF-8 (the bytes we are reading are ASCII-compatible).
 */
export function prescanMetaCharset(body: Buffer): string | undefined {
  const head = body.subarray(0, META_PRESCAN_BYTES).toString('latin1').replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const tag of head.matchAll(/<meta[\s/]([^>]*)/gi)) {
    const attributes = parseAttributes(tag[1]);
    let label = attributes.get('charset');
    if (label === undefined && attributes.get('http-equiv')?.trim().toLowerCase() === 'content-type') {
      label = charsetFromContentType(attributes.get('content'));
    }
    if (label === undefined || label.trim() === '') continue;
    const normalized = label.trim().toLowerCase();
    return normalized.startsWith('utf-16') ? 'utf-8' : normalized;
  }
  return undefined;
}

/** Attribute name → value for the inside of one tag; the first occurrence of a name wins. */
function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of source.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = m[1].toLowerCase();
    if (!attributes.has(name)) attributes.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attributes;
}

/** No declaration: valid UTF-8 is UTF-8 (pure ASCII is left to the default), else chardet's pick. */
function detectDecoder(body: Buffer): Decoder | undefined {
  const sample = body.subarray(0, DETECTION_SAMPLE_BYTES);
  if (!sample.some((byte) => byte >= 0x80)) return undefined;
  if (isValidUtf8(sample, true)) return known('utf-8');
  return confidentDetection(sample, MIN_DETECTION_CONFIDENCE);
}

/** chardet's most confident guess that we can decode, if at least minConfidence. */
function confidentDetection(body: Buffer, minConfidence: number): Decoder | undefined {
  for (const match of analyse(body.subarray(0, DETECTION_SAMPLE_BYTES))) {
    if (match.confidence < minConfidence) return undefined;
    const decoder = decoderFor(match.name);
    if (decoder) return decoder;
  }
  return undefined;
}

/** Strict UTF-8; `cutAtEnd` tolerates a multi-byte sequence cut at the end (a sample, not the whole body). */
function isValidUtf8(bytes: Buffer, cutAtEnd: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: cutAtEnd });
    return true;
  } catch {
    return false;
  }
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

/** "Lots of U+FFFD": a handful in absolute terms or more than 1% of the text. */
function looksMisdecoded(text: string): boolean {
  const replacements = countReplacements(text);
  return replacements >= 8 || (replacements > 0 && replacements / text.length > 0.01);
}

/**
 * Undoes gzip when the bytes are gzip (a `.xml.gz` sitemap, a server that ignored Accept-Encoding, a saved
 * page), capped so a gzip bomb cannot fill memory.
 */
export function maybeGunzip(body: Buffer, maxBytes = 50 * 1024 * 1024): Buffer {
  if (body.length > 2 && body[0] === 0x1f && body[1] === 0x8b) return gunzipSync(body, { maxOutputLength: maxBytes });
  return body;
}
