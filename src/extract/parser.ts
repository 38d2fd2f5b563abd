/**
 * htmlparser2's Parser with tag and attribute names taken from a table of common names instead of cut out of the
 * page. The parser cuts every tag name (opening and closing) and every attribute name out of the page and
 * lower-cases it: a new short string each time, hashed again at every Set/Map lookup and every property store
 * (`attribs[name] = value`). The names in the table are string constants, shared and hashed once; the same
 * characters give the same string, so the DOM built is the same node for node (test/extract/parser.test.ts
 * compares it with stock htmlparser2's).
 */
import { DomHandler, type ChildNode, type Document, type Element } from 'domhandler';
import { Parser, type ParserOptions } from 'htmlparser2';
import { FastTokenizer } from './tokenizer.js';

/** Tag and attribute names frequent on news pages (a name left out is cut from the page as before). */
const COMMON_NAMES = [
  // tags
  'a', 'abbr', 'address', 'area', 'article', 'aside', 'audio', 'b', 'base', 'big', 'blockquote', 'body', 'br', 'button',
  'canvas', 'caption', 'center', 'circle', 'cite', 'code', 'col', 'dd', 'defs', 'del', 'details', 'dialog', 'div', 'dl',
  'dt', 'em', 'embed', 'fieldset', 'figcaption', 'figure', 'font', 'footer', 'form', 'g', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'head', 'header', 'hr', 'html', 'i', 'iframe', 'img', 'input', 'ins', 'label', 'legend', 'li', 'line', 'link',
  'main', 'map', 'meta', 'nav', 'noscript', 'object', 'ol', 'optgroup', 'option', 'p', 'param', 'path', 'picture',
  'polygon', 'pre', 'q', 'rect', 's', 'script', 'section', 'select', 'small', 'source', 'span', 'strong', 'style', 'sub',
  'summary', 'sup', 'svg', 'symbol', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'time',
  'title', 'tr', 'u', 'ul', 'use', 'video', 'wbr',
  // attributes
  'action', 'align', 'allow', 'allowfullscreen', 'alt', 'aria-hidden', 'aria-label', 'async', 'bgcolor', 'border',
  'cellpadding', 'cellspacing', 'charset', 'class', 'color', 'colspan', 'content', 'crossorigin', 'data-id', 'data-src',
  'data-srcset', 'data-type', 'datetime', 'decoding', 'defer', 'dir', 'face', 'fill', 'for', 'frameborder', 'height',
  'hidden', 'href', 'http-equiv', 'id', 'itemprop', 'itemscope', 'itemtype', 'lang', 'loading', 'media', 'method',
  'name', 'onclick', 'placeholder', 'property', 'rel', 'role', 'rowspan', 'scrolling', 'size', 'sizes', 'src', 'srcset',
  'stroke', 'style', 'tabindex', 'target', 'title', 'type', 'valign', 'value', 'viewbox', 'width', 'xmlns',
];

const MAX_NAME = 16;
/** Names by length and first character: slot `length * 128 + firstChar`. */
const BY_SLOT: Array<string[] | undefined> = [];
for (const name of new Set(COMMON_NAMES)) {
  if (name.length > MAX_NAME) continue;
  const slot = name.length * 128 + name.charCodeAt(0);
  (BY_SLOT[slot] ??= []).push(name);
}

/** The common name spelled at `start` of `s` (exactly, case included), if any. */
function commonNameAt(s: string, start: number, end: number): string | undefined {
  const len = end - start;
  if (len > MAX_NAME || len <= 0) return undefined;
  const first = s.charCodeAt(start);
  if (first >= 128) return undefined;
  const names = BY_SLOT[len * 128 + first];
  if (names === undefined) return undefined;
  for (const name of names) if (s.startsWith(name, start)) return name;
  return undefined;
}

/** The parser's internals the override uses (private in its type declarations, plain fields at run time). */
interface ParserInternals {
  buffers: string[];
  bufferOffset: number;
  getSlice(start: number, end: number): string;
}
type InternalsCtor = new (...args: ConstructorParameters<typeof Parser>) => ParserInternals;

const proto = Parser.prototype as unknown as Partial<ParserInternals>;
const compatible = typeof proto.getSlice === 'function';

class FastParserImpl extends (Parser as unknown as InternalsCtor) {
  /**
   * Every cut the parser makes goes through here (names, text, attribute values, comments): a short one spelling a
   * common name gives that name's constant, the same characters. Text rarely starts with a lower-case letter and is
   * exactly as long as a name, so the lookup costs text next to nothing.
   */
  override getSlice(start: number, end: number): string {
    if (this.buffers.length === 1 && end - start <= MAX_NAME) {
      const from = start - this.bufferOffset;
      const name = from >= 0 ? commonNameAt(this.buffers[0], from, end - this.bufferOffset) : undefined;
      if (name !== undefined) return name;
    }
    return super.getSlice(start, end);
  }
}

export const FastParser = compatible ? (FastParserImpl as unknown as typeof Parser) : Parser;

/** htmlparser2's parseDocument (the options cheerio's load uses) with the fast tokenizer and parser. */
export function parseHtml(html: string): Document {
  return parseHtmlListing(html, 0).doc;
}

export interface ListedDocument {
  doc: Document;
  /** The first `maxElements` elements in pre-order (the order the parser opens them: it only ever appends). */
  elements: Element[];
  /** Depth of the deepest element (a child of the document is at depth 1). */
  maxDepth: number;
  /** The first listed `<base>` with a non-empty href: `elements.find(...)` without a pass over the list. */
  base?: Element;
}

/**
 * DomHandler that also lists the elements as it opens them, and the depth they reach: the list a walk of the new
 * tree would give, without that walk (a pass over every node of the page).
 */
class ListingHandler extends DomHandler {
  readonly elements: Element[] = [];
  maxDepth = 0;
  base: Element | undefined = undefined;
  constructor(
    options: ParserOptions,
    private readonly maxElements: number,
  ) {
    super(undefined, options);
  }

  /**
   * As DomHandler's, but an element's first child gets an array of one: push() on the empty array would reserve
   * room for 17, and nearly half the elements of a page hold one child (the tree lives through the page's
   * extraction, so the spare room is copied by every young-generation GC until it is promoted).
   */
  override addNode(node: ChildNode): void {
    const parent = this.tagStack[this.tagStack.length - 1];
    const children = parent.children;
    const previousSibling = children[children.length - 1];
    // (DomHandler's start and end indices are not asked for: withStartIndices and withEndIndices are off.)
    // The document's list is also the handler's `dom`: kept as it is.
    if (children.length === 0 && parent.type !== 'root') parent.children = [node];
    else children.push(node);
    if (previousSibling) {
      node.prev = previousSibling;
      previousSibling.next = node;
    }
    node.parent = parent;
    this.lastNode = null;
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    // The document is at the bottom of the stack: the new element's depth is the number of elements open.
    const depth = this.tagStack.length - 1;
    if (depth > this.maxDepth) this.maxDepth = depth;
    if (this.elements.length < this.maxElements) {
      const el = this.tagStack[depth] as Element;
      this.elements.push(el);
      // (Its attributes are all read by now: the parser opens an element once its tag is complete.)
      if (name === 'base' && this.base === undefined && el.attribs.href) this.base = el;
    }
  }
}

/** parseHtml, listing up to `maxElements` elements in pre-order on the way. */
export function parseHtmlListing(html: string, maxElements: number): ListedDocument {
  const options: ParserOptions = { Tokenizer: FastTokenizer };
  const handler = new ListingHandler(options, maxElements);
  new FastParser(handler, options).end(html);
  return { doc: handler.root, elements: handler.elements, maxDepth: handler.maxDepth, base: handler.base };
}
