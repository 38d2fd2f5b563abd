/**
 * htmlparser2's tokenizer with faster scans. Its parse loop dispatches on the state for every character of the
 * page; in text, in attribute values and inside <script>/<style> nearly every character changes nothing, so these
 * runs are skipped in one tight scan (or a native indexOf) to the next character that matters. The DOM built is
 * the same node for node (test/extract/tokenizer.test.ts compares it with the stock tokenizer's).
 */
import { QuoteType, Tokenizer } from 'htmlparser2';

/** The tokenizer's internals these overrides use (private in its type declarations, plain fields at run time). */
interface TokenizerInternals {
  buffer: string;
  offset: number;
  index: number;
  decodeEntities: boolean;
  sectionStart: number;
  cbs: {
    onattribname(start: number, end: number): void;
    onattribdata(start: number, end: number): void;
    onattribend(quote: QuoteType, end: number): void;
    onclosetag(start: number, end: number): void;
  };
  stateText(c: number): void;
  stateBeforeAttributeName(c: number): void;
  stateInTagName(c: number): void;
  stateInClosingTagName(c: number): void;
  stateBeforeClosingTagName(c: number): void;
  stateBeforeTagName(c: number): void;
  stateAfterClosingTagName(c: number): void;
  stateInAttributeName(c: number): void;
  handleInAttributeValue(c: number, quote: number): void;
  fastForwardTo(c: number): boolean;
}
type InternalsCtor = new (...args: never[]) => TokenizerInternals;

const LT = 0x3c;
const AMP = 0x26;
const SLASH = 0x2f;
const GT = 0x3e;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;

/** The tokenizer's whitespace: space, \n, \t, \f, \r (not \v). */
function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
}

/** What starts a tag name in HTML (the stock tokenizer's isTagStartChar outside XML mode). */
function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

const proto = Tokenizer.prototype as unknown as Partial<TokenizerInternals>;
/** The overrides fit this htmlparser2's tokenizer only: with other internals, the stock one is used. */
const compatible =
  typeof proto.stateText === 'function' &&
  typeof proto.handleInAttributeValue === 'function' &&
  typeof proto.fastForwardTo === 'function' &&
  typeof proto.stateInTagName === 'function' &&
  typeof proto.stateInClosingTagName === 'function' &&
  typeof proto.stateInAttributeName === 'function' &&
  typeof proto.stateBeforeAttributeName === 'function' &&
  typeof proto.stateBeforeClosingTagName === 'function' &&
  typeof proto.stateBeforeTagName === 'function' &&
  typeof proto.stateAfterClosingTagName === 'function';

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
   * Inside a tag or attribute name only the character ending it matters: the name is read to its end in one loop
   * rather than one parse-loop step per character (names are a tenth of a page's characters, a step each).
   */
  override stateInTagName(c: number): void {
    if (c === SLASH || c === GT || isWhitespace(c)) super.stateInTagName(c);
    else this.index = this.beforeEnd(this.index - this.offset, true, false) + this.offset;
  }

  /**
   * An opening tag's name from its first letter to the character ending it in one step: the stock state starts the
   * name, then the name state is handed its end at once (rather than one step to skip the name and one for its end).
   * Names that may open <script>, <style>, <title>, <textarea> or <xmp> (first letter s, t or x) keep the stock steps,
   * which look for those.
   */
  override stateBeforeTagName(c: number): void {
    super.stateBeforeTagName(c);
    const lower = c | 0x20;
    if (!isAsciiLetter(c) || lower === 0x73 || lower === 0x74 || lower === 0x78) return;
    // Now in the tag-name state, the name started at this character.
    const end = this.beforeEnd(this.index - this.offset, true, false) + 1;
    if (end >= this.buffer.length) return;
    this.index = end + this.offset;
    this.stateInTagName(this.buffer.charCodeAt(end));
  }

  /**
   * A closing tag (`</div>`) from its name's first letter to its '>' in one step, the parser told of it at the same
   * positions as by the stock states; one with anything between name and '>' (`</div >`) goes through those states.
   */
  override stateBeforeClosingTagName(c: number): void {
    if (!isAsciiLetter(c)) {
      super.stateBeforeClosingTagName(c);
      return;
    }
    const start = this.index - this.offset;
    const end = this.beforeEnd(start, false, false) + 1;
    if (this.buffer.charCodeAt(end) !== GT) {
      super.stateBeforeClosingTagName(c);
      return;
    }
    this.cbs.onclosetag(start + this.offset, end + this.offset);
    this.sectionStart = -1;
    this.index = end + this.offset;
    // On the '>': back to text after it, as the stock state after a closing tag's name does.
    this.stateAfterClosingTagName(GT);
  }

  override stateInClosingTagName(c: number): void {
    if (c === GT || isWhitespace(c)) super.stateInClosingTagName(c);
    else this.index = this.beforeEnd(this.index - this.offset, false, false) + this.offset;
  }

  override stateInAttributeName(c: number): void {
    if (c === EQ || c === SLASH || c === GT || isWhitespace(c)) super.stateInAttributeName(c);
    else this.index = this.beforeEnd(this.index - this.offset, true, true) + this.offset;
  }

  /**
   * A quoted attribute (`name="value"`, most of a tag's attributes) in one step: the name read to its end, the value
   * to its closing quote, and the parser told of name, value and end as the stock states would, one parse-loop step
   * each, tell it (same positions). Anything else (no '=' right after the name, no quote right after the '=', a '&'
   * to decode in the value, no closing quote) goes through the stock states from the name's first character.
   */
  override stateBeforeAttributeName(c: number): void {
    if (c === GT || c === SLASH || isWhitespace(c)) {
      super.stateBeforeAttributeName(c);
      return;
    }
    const s = this.buffer;
    const start = this.index - this.offset;
    const nameEnd = this.beforeEnd(start, true, true) + 1;
    const quote = s.charCodeAt(nameEnd + 1);
    if (s.charCodeAt(nameEnd) !== EQ || (quote !== DQ && quote !== SQ)) {
      super.stateBeforeAttributeName(c);
      return;
    }
    const valueStart = nameEnd + 2;
    const close = s.indexOf(quote === DQ ? '"' : "'", valueStart);
    // skipTo gives the position before the next '&' (or the closing quote if it comes first).
    if (close < 0 || (this.decodeEntities && this.skipTo(quote === DQ ? '"' : "'", valueStart - 1) + 1 !== close)) {
      super.stateBeforeAttributeName(c);
      return;
    }
    const o = this.offset;
    this.cbs.onattribname(start + o, nameEnd + o);
    this.cbs.onattribdata(valueStart + o, close + o);
    this.cbs.onattribend(quote === DQ ? QuoteType.Double : QuoteType.Single, close + 1 + o);
    this.sectionStart = -1;
    // Still before an attribute name: the loop steps past the closing quote next.
    this.index = close + o;
  }

  /**
   * Index of the character before the first one after `from` that ends a name ('>' or whitespace; '/' and '=' when
   * asked), or of the last character when none does: the parse loop steps onto the ending character next.
   */
  private beforeEnd(from: number, slashEnds: boolean, eqEnds: boolean): number {
    const s = this.buffer;
    let i = from + 1;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === GT || isWhitespace(c) || (c === SLASH && slashEnds) || (c === EQ && eqEnds)) break;
    }
    return i - 1;
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
