/**
 * Regenerates corpus/zh/manual-bodies.json: the `manual-template` body labels of the 74 NetEase pages
 * (the cx-extractor-python entries of corpus/zh/manual-labels.json), read from the pages in
 * corpus/zh/pages/ (run `scripts/corpus/build-zh.ts` once first so the pages exist, then again to fold
 * the bodies into truth.json):
 *
 *   npx tsx scripts/corpus/netease-bodies.ts && MIRRORS=/work/.mirror npx tsx scripts/corpus/build-zh.ts
 *
 * The label is the visible text of the article container as the site's two 2015 templates mark it
 * (`#endText` or `.entext`; where a page has both, the one with more text — the other is an empty or
 * a one-line copyright stub), one line per block element or `<br>`, whitespace collapsed, minus:
 * the `重点推荐` promo block (the client-app promo table before the `.biaoqian` heading, the heading
 * and the list of links after it), ads (`.gg200x300`, iframes, scripts, styles, empty quote widgets)
 * and the `.ep-source` line (`本文来源…` / `责任编辑…`). A `相关新闻` heading inside the container starts
 * a second story, so the body stops there (one page).
 *
 * Deliberately a plain DOM walk with cheerio, not snapcrawl's extractor (the labels score it).
 * The output is the pages' own text, so it stays out of git like the pages (.gitignore).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

const root = resolve(import.meta.dirname, '../..');
const zhDir = join(root, 'corpus/zh');

/** Elements that start a new line of the label. */
const BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tbody', 'tr', 'td', 'th', 'ul', 'ol', 'li',
  'blockquote', 'pre', 'hr', 'section', 'center', 'dl', 'dt', 'dd', 'figure', 'figcaption',
]);
const DROP = 'script, style, noscript, iframe, .gg200x300, .ep-source, .QF_INCLUDE';

/** Pages are stored in their original bytes: UTF-8 if that decodes strictly, else GBK (NetEase 2015). */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** The visible text of `node` as lines: block elements and <br> break lines; whitespace collapsed. */
function lines(node: AnyNode): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = () => {
    const line = cur.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    if (line) out.push(line);
    cur = '';
  };
  const walk = (n: AnyNode) => {
    if (n.type === 'text') {
      cur += (n as unknown as { data: string }).data;
      return;
    }
    if (n.type !== 'tag') return;
    const el = n as Element;
    const block = BLOCK.has(el.tagName.toLowerCase());
    if (block) flush();
    for (const c of el.children) walk(c);
    if (block) flush();
  };
  walk(node);
  flush();
  return out;
}

function bodyOf(html: string): string | undefined {
  const $ = cheerio.load(html);
  const candidates = [...$('#endText').toArray(), ...$('.entext').toArray()];
  if (candidates.length === 0) return undefined;
  const container = candidates
    .map((el) => ({ el, len: $(el).text().replace(/\s+/g, '').length }))
    .sort((a, b) => b.len - a.len)[0].el;
  const $c = $(container);
  // The 重点推荐 promo: the heading block, the link list after it, and the promo table(s) before it.
  $c.find('.biaoqian').each((_, el) => {
    const $b = $(el);
    const next = $b.next();
    if (next.is('div')) next.remove();
    let prev = $b.prev();
    while (prev.is('table')) {
      const p = prev.prev();
      prev.remove();
      prev = p;
    }
    $b.remove();
  });
  $c.find(DROP).remove();
  const out: string[] = [];
  for (const line of lines(container)) {
    if (line === '相关新闻') break; // a second story follows
    if (/^(本文来源|责任编辑)[:：]/.test(line)) continue;
    out.push(line);
  }
  return out.length ? out.join('\n') : undefined;
}

function main(): void {
  const labels: Record<string, { repo: string }> = JSON.parse(readFileSync(join(zhDir, 'manual-labels.json'), 'utf8'));
  const ids = Object.keys(labels)
    .filter((id) => labels[id].repo === 'chrislinan/cx-extractor-python')
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const bodies: Record<string, string> = {};
  const missing: string[] = [];
  for (const id of ids) {
    const file = join(zhDir, 'pages', `${id}.html.gz`);
    if (!existsSync(file)) throw new Error(`${file} missing: run scripts/corpus/build-zh.ts first`);
    const body = bodyOf(decode(gunzipSync(readFileSync(file))));
    if (body) bodies[id] = body;
    else missing.push(id);
  }
  writeFileSync(join(zhDir, 'manual-bodies.json'), JSON.stringify(bodies, null, 1) + '\n');
  console.log(`${Object.keys(bodies).length} NetEase bodies of ${ids.length} pages${missing.length ? `; none for ${missing.join(', ')}` : ''}`);
}

main();
