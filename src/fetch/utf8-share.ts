/**
 * Whether a body declared in a legacy charset is UTF-8 but for a few stray bytes (isMostlyUtf8), counted outside
 * scripts and styles. Used by encoding.ts before it decodes with the declared charset.
 */

/** At least this many multi-byte UTF-8 sequences before a few invalid bytes among them are forgiven. */
const MOSTLY_UTF8_MIN_SEQUENCES = 20;
/** Invalid bytes allowed per valid multi-byte sequence: GBK pages run at 3.7–4.7 (most of their bytes break UTF-8). */
const MOSTLY_UTF8_MAX_INVALID_SHARE = 0.5;

/**
 * UTF-8 but for a few stray bytes: a UTF-8 template (saying gb2312) pulling in an include still saved in GBK (an ad,
 * a footer), or a page cut mid-character. Strictly invalid, so isValidUtf8 refuses it, yet decoding the whole page
 * as GB turns every article character into mojibake; as UTF-8 only the stray bytes are lost. Text in a legacy
 * charset forms a valid multi-byte sequence only by chance, for every three to five bytes that break one.
 */
export function isMostlyUtf8(bytes: Buffer): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const c = bytes[i];
    if (c < 0x80) {
      // (Not a script's or a style's bytes: a menu's strings in a UTF-8 include say nothing of the article's text.)
      i = c === 0x3c ? rawTextEnd(bytes, i) : i + 1;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    let ok = n > 0 && i + n <= bytes.length;
    for (let k = 1; ok && k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) ok = false;
    if (ok) {
      valid++;
      i += n;
    } else {
      invalid++;
      i++;
      // A legacy-charset page shows its ratio within its first few hundred bytes of text: stop reading there.
      if (invalid > 50 && invalid > valid * MOSTLY_UTF8_MAX_INVALID_SHARE) return false;
    }
  }
  return valid >= MOSTLY_UTF8_MIN_SEQUENCES && invalid <= valid * MOSTLY_UTF8_MAX_INVALID_SHARE;
}

const RAW_TEXT_TAGS = ['script', 'style'].map((name) => ({
  open: Buffer.from(name),
  close: [Buffer.from(`</${name}`), Buffer.from(`</${name.toUpperCase()}`)],
}));

/** Past the element of a `<script>` or `<style>` tag opening at `at` (to the end when it is not closed); else at + 1. */
function rawTextEnd(bytes: Buffer, at: number): number {
  for (const tag of RAW_TEXT_TAGS) {
    const start = at + 1;
    let k = 0;
    while (k < tag.open.length && start + k < bytes.length && (bytes[start + k] | 0x20) === tag.open[k]) k++;
    const next = bytes[start + k];
    if (k < tag.open.length || (next !== undefined && next !== 0x3e && next !== 0x2f && next > 0x20)) continue;
    const ends = tag.close.map((c) => bytes.indexOf(c, start + k)).filter((e) => e >= 0);
    return ends.length > 0 ? Math.min(...ends) : bytes.length;
  }
  return at + 1;
}
