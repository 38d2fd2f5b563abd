/**
 * The text blocks a page's body is made of (paragraphs, headings, list items, quotes, code, tables, images) and the
 * options of their emission; block-emitter.ts turns a DOM subtree into them.
 */
import type { Element } from './dom.js';
import type { UrlResolver } from './links.js';

export type BlockKind = 'paragraph' | 'heading' | 'item' | 'pre' | 'table' | 'image';

export interface Block {
  kind: BlockKind;
  /** Plain text (tables: cells joined by spaces, rows by newlines). */
  text: string;
  /** Inline Markdown of the text (links kept). */
  md: string;
  /** The block-level element the text came from. */
  el: Element;
  /** Length of text inside links (plain characters). */
  linkChars: number;
  headingLevel?: number;
  listDepth?: number;
  ordered?: boolean;
  quoted?: boolean;
  rows?: string[][];
  image?: { src: string; alt?: string; caption?: string };
}

export interface EmitOptions {
  /** Resolves image and link URLs against the page. */
  urls?: UrlResolver;
  /** Subtrees to leave out (furniture found by the cleaner). */
  skip?: Set<Element>;
  /** Build Markdown links and image blocks (a URL parse each); off for the page-wide line pass. */
  links?: boolean;
  /** Precomputed text size of an element (weighted length), to avoid re-reading table cells. */
  sizeOf?: (el: Element) => number;
  /**
   * A space between two elements that touch with no text between them ("<span>10:00</span><span>新华社</span>",
   * "<span>May 2nd 2025</span><span>11 mins</span>"): a page's style sheet sets them apart, its markup does not. For
   * the page-wide line pass (dates, bylines, sources), never for the body, whose words may be split over elements.
   */
  elementGap?: boolean;
}
