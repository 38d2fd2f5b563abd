/**
 * Turning a DOM subtree into an ordered list of text blocks (paragraphs, headings, list items, quotes, code,
 * tables, images). Inline runs between block boundaries become paragraphs; <br> splits paragraphs (Chinese sites
 * lay out whole articles with <br>). Depth is bounded by parsePage, so plain recursion is safe here.
 */
import { attr, BLOCK_TAGS, isTag, isText, type AnyNode, type Element } from './dom.js';
import { imageSource, isDecorativeImage } from './images.js';
import { isDataTable, tableRows } from './tables.js';
import { clip, collapseSpace, nonSpaceLength, normalizeInline } from './text.js';
import type { Block, BlockKind, EmitOptions } from './blocks.js';

const MAX_BLOCK_CHARS = 100_000;
const MAX_MARKDOWN_LINKS = 3000;
const INLINE_CAPTION = /caption|credit/i;

type TagAction = 'br' | 'hr' | 'img' | 'heading' | 'list' | 'li' | 'blockquote' | 'pre' | 'table' | 'figcaption' | 'a' | 'block';

/**
 * What walk() does with an element, by tag name (absent: inline). One Map lookup per element instead of a switch
 * comparing the name with a dozen strings and then a set lookup: this runs on every element, twice per page.
 */
const TAG_ACTIONS = new Map<string, TagAction>([
  ['br', 'br'], ['hr', 'hr'], ['img', 'img'],
  ['h1', 'heading'], ['h2', 'heading'], ['h3', 'heading'], ['h4', 'heading'], ['h5', 'heading'], ['h6', 'heading'],
  ['ul', 'list'], ['ol', 'list'], ['menu', 'list'], ['li', 'li'], ['blockquote', 'blockquote'], ['pre', 'pre'],
  ['table', 'table'], ['figcaption', 'figcaption'], ['a', 'a'],
]);
for (const tag of BLOCK_TAGS) if (!TAG_ACTIONS.has(tag)) TAG_ACTIONS.set(tag, 'block');

interface Ctx {
  listDepth: number;
  ordered: boolean;
  quoted: boolean;
  pre: boolean;
  link?: string;
}

const MD_SPECIAL = /([\\`*_[\]])/g;
function escapeMd(s: string): string {
  return s.replace(MD_SPECIAL, '\\$1');
}

class Emitter {
  readonly blocks: Block[] = [];
  /**
   * The pending plain text, appended to piece by piece, and how many pieces it holds. A string rather than an array
   * joined at each flush: emptying an array (length = 0) drops its backing store, so every paragraph allocated a new
   * one of 17 slots or more (the most allocated in this file); appending builds a cons string that the first scan flattens.
   */
  private text = '';
  private textPieces = 0;
  private readonly md: string[] = [];
  private linkChars = 0;
  private owner: Element | undefined;
  private pendingImages: Block[] = [];
  private linkCount = 0;
  /** Non-space characters appended inside links so far (tells whether a link had any text). */
  private visibleChars = 0;
  /**
   * Every Markdown piece of the pending text equals its plain piece (no escapes, no link brackets): the Markdown is
   * then the plain text, and is not joined and normalised a second time.
   */
  private mdSame = true;

  /** The page-wide line pass needs plain text only. */
  private readonly withMarkdown: boolean;

  constructor(private readonly opts: EmitOptions) {
    this.withMarkdown = opts.links !== false;
  }

  flush(ctx: Ctx, kind: BlockKind = 'paragraph', headingLevel?: number): void {
    // One paragraph is never longer than this: a multi-megabyte text node is an attack, not an article.
    const joined = this.text;
    const text = joined === '' ? '' : normalizeInline(clip(joined, MAX_BLOCK_CHARS));
    if (text && this.owner) {
      // Equal pieces under both clip limits: the same input to normalizeInline, so the same output.
      const md = !this.withMarkdown || (this.mdSame && joined.length <= MAX_BLOCK_CHARS) ? text : normalizeInline(clip(this.md.join(''), MAX_BLOCK_CHARS * 2));
      const block: Block = { kind, text, md, el: this.owner, linkChars: this.linkChars };
      if (kind === 'heading') block.headingLevel = headingLevel;
      if (kind === 'item') Object.assign(block, { listDepth: ctx.listDepth, ordered: ctx.ordered });
      if (ctx.quoted) block.quoted = true;
      this.blocks.push(block);
    }
    // Emptied, not replaced: flush runs at every block boundary, most often with nothing to flush (and setting an
    // array's length is a builtin call, dearer than the test).
    if (this.textPieces !== 0) {
      this.text = '';
      this.textPieces = 0;
    }
    if (this.md.length !== 0) this.md.length = 0;
    this.mdSame = true;
    this.linkChars = 0;
    this.owner = undefined;
    if (this.pendingImages.length > 0) {
      this.blocks.push(...this.pendingImages);
      this.pendingImages = [];
    }
  }

  private append(raw: string, el: Element, ctx: Ctx, mdText?: string): void {
    const s = raw.length > MAX_BLOCK_CHARS ? clip(raw, MAX_BLOCK_CHARS) : raw;
    if (!this.owner) this.owner = el;
    this.text += s;
    this.textPieces++;
    if (this.withMarkdown) {
      const md = mdText === undefined ? escapeMd(s) : clip(mdText, MAX_BLOCK_CHARS);
      if (md !== s) this.mdSame = false;
      this.md.push(md);
    }
    // Visible characters matter only inside a link (its share of the block, and whether it had any text): outside
    // one, the text is not counted at all.
    if (ctx.link) {
      const visible = nonSpaceLength(s);
      this.visibleChars += visible;
      this.linkChars += visible;
    }
  }

  walk(node: AnyNode, parent: Element, ctx: Ctx): void {
    if (isText(node)) {
      if (ctx.pre) this.append(node.data, parent, ctx, node.data);
      else this.append(node.data, parent, ctx);
      return;
    }
    if (!isTag(node)) return;
    const el = node;
    if (this.opts.skip?.has(el)) {
      if (BLOCK_TAGS.has(el.name)) this.flush(ctx);
      return;
    }
    switch (TAG_ACTIONS.get(el.name)) {
      case 'br':
        if (ctx.pre) this.append('\n', parent, ctx, '\n');
        else this.flush(ctx);
        return;
      case 'hr':
        this.flush(ctx);
        return;
      case 'img':
        this.image(el, ctx);
        return;
      case 'heading':
        this.flush(ctx);
        this.children(el, el, ctx);
        this.flush(ctx, 'heading', Number(el.name[1]));
        return;
      case 'list':
        this.flush(ctx);
        this.children(el, el, { ...ctx, listDepth: ctx.listDepth + 1, ordered: el.name === 'ol' });
        this.flush(ctx);
        return;
      case 'li':
        this.flush(ctx);
        this.children(el, el, ctx);
        this.flush(ctx, ctx.listDepth > 0 ? 'item' : 'paragraph');
        return;
      case 'blockquote': {
        this.flush(ctx);
        const inner = { ...ctx, quoted: true };
        this.children(el, el, inner);
        // The quote's own trailing text ("— Name (@handle) date" of an embedded post) is quoted too.
        this.flush(inner);
        return;
      }
      case 'pre':
        this.flush(ctx);
        this.children(el, el, { ...ctx, pre: true });
        this.preBlock(ctx);
        return;
      case 'table':
        this.flush(ctx);
        if (isDataTable(el, this.opts.sizeOf)) this.table(el);
        else this.children(el, el, ctx);
        this.flush(ctx);
        return;
      case 'figcaption':
        this.flush(ctx);
        this.children(el, el, ctx);
        this.flush(ctx);
        return;
      case 'a':
        this.link(el, parent, ctx);
        return;
      default:
        // Inline caption wrappers (<span class="newsCaption">) stand on their own, so captions can be told apart.
        if (el.attribs.class !== undefined && INLINE_CAPTION.test(el.attribs.class)) {
          this.flush(ctx);
          this.children(el, el, ctx);
          this.flush(ctx);
        } else {
          this.children(el, parent, ctx);
        }
        return;
      case 'block':
        this.flush(ctx);
        this.children(el, el, ctx);
        this.flush(ctx);
        return;
    }
  }

  children(el: Element, owner: Element, ctx: Ctx): void {
    if (!this.opts.elementGap) {
      for (const c of el.children) this.walk(c, owner, ctx);
      return;
    }
    let afterElement = false;
    for (const c of el.children) {
      const tag = isTag(c);
      if (tag && afterElement && this.textPieces > 0) {
        this.text += ' ';
        this.textPieces++;
      }
      this.walk(c, owner, ctx);
      afterElement = tag;
    }
  }

  private link(el: Element, parent: Element, ctx: Ctx): void {
    // Past a few thousand links the page is a link farm: keep their text, skip building Markdown links.
    const href = this.opts.links === false || ++this.linkCount > MAX_MARKDOWN_LINKS ? undefined : this.opts.urls?.resolve(el.attribs.href);
    const outer = ctx.link;
    if (!href || outer || spansBlocks(el)) {
      ctx.link = outer ?? href ?? '#';
      this.children(el, parent, ctx);
      ctx.link = outer;
      return;
    }
    const mdStart = this.md.length;
    const visibleBefore = this.visibleChars;
    this.md.push('[');
    this.mdSame = false;
    ctx.link = href;
    this.children(el, parent, ctx);
    ctx.link = outer;
    if (this.visibleChars === visibleBefore || this.md.length <= mdStart) {
      if (this.md[mdStart] === '[') this.md.splice(mdStart, 1);
      return;
    }
    this.md.push(`](${href.replace(/\)/g, '%29')})`);
    // A block boundary inside the link flushed the '[' with the block before: this half still marks the new one.
    this.mdSame = false;
  }

  private image(el: Element, ctx: Ctx): void {
    if (this.opts.links === false) return;
    const src = imageSource(el, this.opts.urls);
    if (!src || isDecorativeImage(el, src)) return;
    const alt = collapseSpace(attr(el, 'alt') ?? attr(el, 'title') ?? '') || undefined;
    const block: Block = { kind: 'image', text: '', md: '', el, linkChars: 0, image: { src, alt } };
    if (ctx.quoted) block.quoted = true;
    // An image inside a paragraph is placed after that paragraph, so the sentence is not cut in two.
    if (this.owner) this.pendingImages.push(block);
    else this.blocks.push(block);
  }

  private preBlock(ctx: Ctx): void {
    const text = this.text.replace(/^\n+|\s+$/g, '');
    if (text && this.owner) this.blocks.push({ kind: 'pre', text, md: text, el: this.owner, linkChars: this.linkChars, quoted: ctx.quoted || undefined });
    this.text = '';
    this.textPieces = 0;
    this.md.length = 0;
    this.mdSame = true;
    this.linkChars = 0;
    this.owner = undefined;
  }

  private table(el: Element): void {
    const rows = tableRows(el);
    if (rows.length === 0) return;
    const text = rows.map((r) => r.filter(Boolean).join(' ')).join('\n');
    this.blocks.push({ kind: 'table', text, md: text, el, linkChars: 0, rows });
  }
}

/**
 * Whether anything inside the link, at any depth, ends a block (a <div> in a <span>, a <br>, a caption wrapper): such
 * a link cannot be one Markdown link, whose '[' would close the block before and its '](url)' open the next.
 */
function spansBlocks(el: Element): boolean {
  for (const c of el.children) {
    if (!isTag(c)) continue;
    const action = TAG_ACTIONS.get(c.name);
    if (action !== undefined && action !== 'a' && action !== 'img') return true;
    if (c.attribs.class !== undefined && INLINE_CAPTION.test(c.attribs.class)) return true;
    if (c.children.length > 0 && spansBlocks(c)) return true;
  }
  return false;
}

/** Blocks of every root in order. */
export function emitBlocks(roots: Element[], opts: EmitOptions): Block[] {
  const e = new Emitter(opts);
  const ctx: Ctx = { listDepth: 0, ordered: false, quoted: false, pre: false };
  for (const r of roots) {
    e.walk(r, r, ctx);
    e.flush(ctx);
  }
  return e.blocks;
}
