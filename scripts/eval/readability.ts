/**
 * Readability.js (@mozilla/readability + jsdom, devDependencies) on the same decoded pages as ours, so the body
 * figures have a reference beside them. jsdom costs ~0.5 s a page, so results are cached on disk by a hash of the
 * page text and URL (node_modules/.cache, which git ignores); a second `npm run eval` is fast.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { load } from 'cheerio';

export type ReadabilityBody = (html: string, url: string) => string;

/** Block-level tags whose boundaries become line breaks, so words of adjacent paragraphs do not fuse into a token. */
const BLOCK_TAG = /<\/?(?:p|div|h[1-6]|li|br|tr|td|th|section|article|blockquote|pre|ul|ol|dl|dt|dd|table|figure|figcaption|header|footer)\b[^>]*>/gi;

export function htmlToText(html: string): string {
  return load(html.replace(BLOCK_TAG, '\n')).root().text().replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

/** Undefined when the devDependencies are not installed: the eval then prints our figures alone. */
export async function loadReadability(cacheRoot: string): Promise<ReadabilityBody | undefined> {
  let JSDOM: typeof import('jsdom').JSDOM;
  let VirtualConsole: typeof import('jsdom').VirtualConsole;
  let Readability: typeof import('@mozilla/readability').Readability;
  let version = '?';
  try {
    ({ JSDOM, VirtualConsole } = await import('jsdom'));
    ({ Readability } = await import('@mozilla/readability'));
    const require = createRequire(import.meta.url);
    version = (require('@mozilla/readability/package.json') as { version: string }).version;
  } catch {
    return undefined;
  }
  const cacheDir = join(cacheRoot, 'node_modules', '.cache', 'snapcrawl-eval', `readability-${version}`);
  mkdirSync(cacheDir, { recursive: true });
  const quiet = new VirtualConsole();
  return (html, url) => {
    const key = createHash('sha1').update(url).update('\0').update(html).digest('hex');
    const file = join(cacheDir, `${key}.txt`);
    if (existsSync(file)) return readFileSync(file, 'utf8');
    let text = '';
    try {
      const dom = new JSDOM(html, { url, virtualConsole: quiet });
      const article = new Readability(dom.window.document).parse();
      dom.window.close();
      text = article?.content ? htmlToText(article.content) : '';
    } catch {
      text = ''; // a page jsdom cannot take scores as nothing extracted
    }
    writeFileSync(file, text);
    return text;
  };
}
