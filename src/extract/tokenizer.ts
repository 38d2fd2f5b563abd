/**
 * htmlparser2's tokenizer with faster scans. Its parse loop dispatches on the state for every character of the
 * page; in text, in attribute values and inside <script>/<style> nearly every character changes nothing, so these
 * runs are skipped in one tight scan (or a native indexOf) to the next character that matters. The DOM built is
 * the same node for node (test/extract/tokenizer.test.ts compares it with the stock tokenizer's).
 */
import { Tokenizer } from 'htmlparser2';

/** The tokenizer's internals these overrides use (private in its type declarations, plain fields at run time). */
interface TokenizerInternals {
  buffer: string;
  offset: number;
  index: number;
  decodeEntities: boolean;
  stateText(c: number): void;
  handleInAttributeValue(c: number, quote: number): void;
  fastForwardTo(c: number): boolean;
}
type InternalsCtor = new (...args: never[]) => TokenizerInternals;

const LT = 0x3c;
const AMP = 0x26;

const proto = Tokenizer.prototype as unknown as Partial<TokenizerInternals>;
/** The overrides fit this htmlparser2's tokenizer only: with other internals, the stock one is used. */
const compatible = typeof proto.stateText === 'function' && typeof proto.handleInAttributeValue === 'function' && typeof proto.fastForwardTo === 'function';

class FastTokenizerImpl extends (Tokenizer as unknown as InternalsCtor) {
  /** Same contract as the stock one (index left on the character found, or on the last one), by native search. */
  override fastForwardTo(c: number): boolean {
    const found = this.buffer.indexOf(String.fromCharCode(c), this.index + 1 - this.offset);
    if (found >= 0) {
      this.index = found + this.offset;
      return true;
    }
    this.index = this.buffer.length + this.offset - 1;
    return false;
  }

  /** Next '&' at or after a position of `buffer` (its length when none): kept, so '&' is searched once per page, not per run. */
  private ampAt = -1;
  private ampIn: string | undefined;

  /** Characters other than '<' and '&' change nothing in text: stop just before the next one that does. */
  override stateText(c: number): void {
    if (c !== LT && !(c === AMP && this.decodeEntities)) this.index = this.skipTo('<', this.index - this.offset) + this.offset;
    else super.stateText(c);
  }

  /** Likewise inside a quoted attribute value: only the closing quote and '&' matter. */
  override handleInAttributeValue(c: number, quote: number): void {
    if (c !== quote && !(c === AMP && this.decodeEntities)) this.index = this.skipTo(quote === 0x22 ? '"' : "'", this.index - this.offset) + this.offset;
    else super.handleInAttributeValue(c, quote);
  }

  /**
   * Index of the character before the next `stop` or '&' after `from` (the parse loop steps onto it next), or of
   * the last character when there is none.
   */
  private skipTo(stop: string, from: number): number {
    const s = this.buffer;
    if (this.ampIn !== s || this.ampAt <= from) {
      const amp = s.indexOf('&', from + 1);
      this.ampAt = amp < 0 ? s.length : amp;
      this.ampIn = s;
    }
    const at = s.indexOf(stop, from + 1);
    return (at < 0 || at > this.ampAt ? this.ampAt : at) - 1;
  }
}

export const FastTokenizer: typeof Tokenizer = compatible ? (FastTokenizerImpl as unknown as typeof Tokenizer) : Tokenizer;
