/**
 * UTF-8 text that was decoded as Windows-1252 and saved again ("isnâ€™t", "cafÃ©", "Â "), a common defect of
 * WordPress pages that moved hosts: every such run is the bytes of one character, so it is read back as UTF-8.
 * Only complete, valid UTF-8 sequences are replaced, so ordinary Latin text ("São", "naïve") is left alone.
 */
import { isTag, isText, type AnyNode, type ParentNode } from 'domhandler';

/** Windows-1252 characters of the bytes 0x80–0x9f (the others map to themselves). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
/** A continuation byte of a UTF-8 sequence, as Windows-1252 shows it. */
export const CONTINUATION_CLASS = `[\\u0080-\\u00bf${CP1252_HIGH.replace(/[\u0080-\u009f]/g, '')}]`;
const RUN = new RegExp(`[\\u00c2-\\u00df]${CONTINUATION_CLASS}|[\\u00e0-\\u00ef]${CONTINUATION_CLASS}{2}|[\\u00f0-\\u00f4]${CONTINUATION_CLASS}{3}`, 'g');
const HAS_RUN = new RegExp(RUN.source);
/** Cheap test on the raw page: a lead character before a continuation one (or the entity-escaped form, below). */
export const LEAD_HINT = new RegExp(`[\\u00c2-\\u00f4]${CONTINUATION_CLASS}`);

const decoder = new TextDecoder('utf-8', { fatal: true });

function byteOf(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code < 0x100) return code;
  return 0x80 + CP1252_HIGH.indexOf(ch);
}

export function repairMojibake(text: string): string {
  return text.replace(RUN, (run) => {
    try {
      return decoder.decode(Uint8Array.from(run, byteOf));
    } catch {
      return run; // not UTF-8 after all: real Latin-1 text
    }
  });
}

/** Does the raw page hold anything repairMojibake could change? */
export function mayHoldMojibake(html: string): boolean {
  return LEAD_HINT.test(html) || hasEscapedLead(html);
}

/**
 * "&acirc;", "&Acirc;" or "&Atilde;" (a lead character escaped): found from each '&' by a native search. As an
 * alternative of the regex above it was tried at every character of the page, doubling the scan's cost.
 */
export function hasEscapedLead(html: string): boolean {
  for (let i = html.indexOf('&'); i >= 0; i = html.indexOf('&', i + 1)) {
    const c = html.charCodeAt(i + 1);
    if (c === 0x61 /* a */ && html.startsWith('circ;', i + 2)) return true;
    if (c === 0x41 /* A */ && (html.startsWith('circ;', i + 2) || html.startsWith('tilde;', i + 2))) return true;
  }
  return false;
}

/** Repair every text node under `root` in place (iteratively). */
export function repairTextNodes(root: ParentNode): void {
  const stack: AnyNode[] = [...root.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isText(n)) {
      if (HAS_RUN.test(n.data)) n.data = repairMojibake(n.data);
    } else if (isTag(n)) stack.push(...n.children);
  }
}
