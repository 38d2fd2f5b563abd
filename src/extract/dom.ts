/**
 * Parsing and DOM walking. We parse with htmlparser2 (via cheerio/slim): several times faster than parse5 and
 * forgiving with broken markup. Everything that walks the tree here is iterative, so a 10 000-deep page cannot
 * overflow the stack, and the tree is flattened below MAX_DEPTH so later code need not care. What is done to the
 * page as a string before parsing (size cut, control characters, runaway nesting) is in markup.ts.
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import { Text, isTag, isText, type AnyNode, type Document, type Element, type ParentNode } from 'domhandler';
import { prepareMarkup } from './markup.js';
import { repairTextNodes } from './mojibake.js';
import { parseHtmlListing } from './parser.js';
import { isHidden } from './visibility.js';

/** Deeper subtrees are flattened to their text: no real layout nests this deep. */
export const MAX_DEPTH = 200;
/** Elements visited by the whole-tree passes are capped, a safety net for the 200 ms budget. */
export const MAX_NODES = 250_000;

export interface ParsedPage {
  /** Built on first use (only CSS-selector overrides need it): cheerio's load costs a few per cent of a page. */
  readonly $: CheerioAPI;
  doc: Document;
  /** The page's elements in pre-order as parsed, capped at MAX_NODES: elementsIn(doc) until the tree is changed. */
  elements: Element[];
  /** The first of `elements` that is a `<base>` with a non-empty href (noted by the parser, not searched for). */
  base: Element | undefined;
  warnings: string[];
}

/** Markup we never read text from. `form` stays: ASP.NET pages wrap the whole page in one. */
const JUNK_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'applet',
  'input', 'select', 'option', 'textarea', 'button', 'link', 'meta', 'base', 'audio', 'video', 'source', 'track',
  'map', 'dialog',
]);

export function parsePage(rawHtml: string): ParsedPage {
  const { html, warnings, mayHoldMojibake } = prepareMarkup(rawHtml);
  // The same parser and options cheerio's load(html, { xml: false }) uses; cheerio wraps the document only when asked.
  // The fast tokenizer finds the same tokens with fewer steps per character (about a third of the parse time saved);
  // the fast parser gives common tag and attribute names as shared constants (parser.ts).
  const listed = parseHtmlListing(html, MAX_NODES);
  const doc = listed.doc;
  if (mayHoldMojibake) repairTextNodes(doc);
  // The parser lists the elements as it opens them; only a page deep enough to flatten is walked again.
  const deep = listed.maxDepth >= MAX_DEPTH;
  const { flattened, elements } = deep ? flattenAndList(doc) : { flattened: 0, elements: listed.elements };
  // Flattening may have cut the parser's <base> out of the tree: searched for again on such a page.
  const base = deep ? elements.find(isBaseWithHref) : listed.base;
  textCache?.clear();
  if (flattened > 0) warnings.push(`${flattened} subtree(s) nested deeper than ${MAX_DEPTH} were flattened`);
  let $: CheerioAPI | undefined;
  return {
    get $() {
      return ($ ??= load(doc));
    },
    doc,
    elements,
    base,
    warnings,
  };
}

function isBaseWithHref(el: Element): boolean {
  return el.name === 'base' && !!el.attribs.href;
}

/**
 * Replace the children of every element at MAX_DEPTH with its plain text, listing the elements left in pre-order
 * on the way (capped at MAX_NODES: the list elementsIn(root) gives afterwards, without walking the tree again).
 */
function flattenAndList(root: ParentNode): { flattened: number; elements: Element[] } {
  let flattened = 0;
  const elements: Element[] = [];
  // Two parallel stacks rather than a [node, depth] pair per node: this walks every node of every page.
  const stack: ParentNode[] = [root];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const depth = depths.pop()!;
    if (parent !== root && elements.length < MAX_NODES) elements.push(parent as Element);
    const children = parent.children;
    if (depth >= MAX_DEPTH && children.length > 0) {
      const text = new Text(textContent(parent));
      text.parent = parent;
      parent.children = [text];
      flattened++;
      continue;
    }
    // Last child first: popped in document order.
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (!isTag(child)) continue;
      stack.push(child);
      depths.push(depth + 1);
    }
  }
  return { flattened, elements };
}

/**
 * Text of the subtrees read so far, inside withTextCache: the extractors ask for the same elements' text again and
 * again (three calls in four repeat one), and each walk joins a new string. The functions here that change a tree
 * (parsePage's repairs, removeJunk) empty it.
 */
let textCache: Map<AnyNode, string> | undefined;

/** classAndId results within withTextCache: a dozen passes test the class words of the same elements. */
let classCache: Map<Element, string> | undefined;

/** Run `fn` (one page's extraction) with textContent and classAndId results kept per node. */
export function withTextCache<T>(fn: () => T): T {
  const outerText = textCache;
  const outerClass = classCache;
  textCache = new Map();
  classCache = new Map();
  try {
    return fn();
  } finally {
    textCache = outerText;
    classCache = outerClass;
  }
}

/** Concatenated text of a subtree, iteratively. */
export function textContent(node: AnyNode): string {
  if (isText(node)) return node.data;
  // The common case, an element holding one text node, without building a list.
  if (isTag(node) && node.children.length === 1 && isText(node.children[0]) && !JUNK_TAGS.has(node.name)) return node.children[0].data;
  if (textCache === undefined) return joinedText(node);
  let text = textCache.get(node);
  if (text === undefined) textCache.set(node, (text = joinedText(node)));
  return text;
}

/** joinedText's stack, shared by its calls (not a new array each): used by index, as an array emptied to length 0
 * drops its backing store; popped slots are cleared so that no page's nodes stay reachable from here. */
const joinStack: Array<AnyNode | undefined> = [];

function joinedText(node: AnyNode): string {
  const parts: string[] = [];
  const stack = joinStack;
  let top = 0;
  stack[top++] = node;
  while (top > 0) {
    const n = stack[--top]!;
    stack[top] = undefined;
    if (isText(n)) parts.push(n.data);
    else if (isTag(n) || n.type === 'root') {
      if (isTag(n) && JUNK_TAGS.has(n.name)) continue;
      const kids = (n as ParentNode).children;
      for (let i = kids.length - 1; i >= 0; i--) stack[top++] = kids[i];
    }
  }
  return parts.join('');
}

/** Pre-order list of elements under `root` (excluding root), capped at MAX_NODES. */
export function elementsIn(root: AnyNode): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [];
  if (isTag(root) || root.type === 'root') {
    const kids = (root as ParentNode).children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  while (stack.length > 0 && out.length < MAX_NODES) {
    const n = stack.pop()!;
    if (!isTag(n)) continue;
    out.push(n);
    const kids = n.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

/**
 * Remove scripts, styles, form controls, comments and hidden elements in place: text we never want. Returns the
 * elements left, in pre-order and capped as elementsIn(doc) would list them afterwards (the same walk, so the
 * tree is not walked again for that list).
 */
export function removeJunk(doc: Document): Element[] {
  const order: Element[] = [];
  const stack: ParentNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== doc && order.length < MAX_NODES) order.push(node as Element);
    const children = node.children;
    // A new list only for the nodes that lose a child (most lose none).
    let kept: AnyNode[] | undefined;
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      const junk = c.type === 'comment' || c.type === 'directive' || c.type === 'cdata' || (isTag(c) && (JUNK_TAGS.has(c.name) || isHidden(c)));
      if (junk) {
        if (isTag(c)) noteInput(c, node as Element);
        kept ??= children.slice(0, i);
        continue;
      }
      if (kept) kept.push(c);
    }
    if (kept) node.children = kept;
    // Children pushed last to first: popped in document order, so `order` is pre-order. (Whether an element is
    // hidden depends on its own subtree only, which is still untouched when its parent is read: order does not
    // change what is removed.)
    const left = node.children;
    for (let i = left.length - 1; i >= 0; i--) {
      const c = left[i];
      if (isTag(c)) stack.push(c);
    }
  }
  textCache?.clear();
  return order;
}

/**
 * Elements that held a <textarea> or a password field before removeJunk took it out: the boxes of comment and
 * login forms. Remembered because the controls themselves are junk (no text), yet they are what tells such a box
 * from content when its class names say nothing (body-input-widgets.ts).
 */
const textareaHolders = new WeakSet<Element>();
const passwordHolders = new WeakSet<Element>();

function noteInput(el: Element, parent: Element): void {
  if (el.name === 'textarea') textareaHolders.add(parent);
  else if (el.name === 'input' && (el.attribs.type ?? '').toLowerCase() === 'password') passwordHolders.add(parent);
}

/** Did removeJunk take a <textarea> (or, with `kind` 'password', a password field) out of this element? */
export function heldInput(el: Element, kind: 'textarea' | 'password'): boolean {
  return (kind === 'textarea' ? textareaHolders : passwordHolders).has(el);
}

/** class and id of an element, lower-cased and space-joined: what the class/id hints look at. */
export function classAndId(el: Element): string {
  const c = el.attribs.class ?? '';
  const id = el.attribs.id ?? '';
  if (!c && !id) return '';
  // Kept per element (attributes never change after parsing): the joined, lower-cased copy is built once.
  let s = classCache?.get(el);
  if (s === undefined) {
    s = `${c} ${id}`.toLowerCase();
    classCache?.set(el, s);
  }
  return s;
}

export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'caption', 'figure', 'figcaption', 'hr', 'form', 'fieldset', 'address', 'center', 'details', 'summary', 'body',
  'html', 'hgroup', 'menu', 'text', 'legend', 'picture',
]);

export function attr(el: Element, name: string): string | undefined {
  const v = el.attribs[name];
  return v === undefined ? undefined : v.trim() || undefined;
}

/** Nearest ancestor (or self) satisfying `pred`, at most `maxUp` levels up. */
export function closest(el: Element, pred: (e: Element) => boolean, maxUp = 50): Element | undefined {
  let cur: ParentNode | null = el;
  for (let i = 0; cur && i <= maxUp; i++) {
    if (isTag(cur) && pred(cur)) return cur;
    cur = cur.parent;
  }
  return undefined;
}

export function isAncestor(ancestor: AnyNode, node: AnyNode): boolean {
  let cur: ParentNode | null = node.parent;
  while (cur) {
    if (cur === ancestor) return true;
    cur = cur.parent;
  }
  return false;
}

export type { AnyNode, Element, Document, ParentNode };
export { isTag, isText };
