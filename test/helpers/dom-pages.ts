/**
 * For the tests that hold our parser (tokenizer.test.ts) and DOM builder (parser.test.ts) to stock htmlparser2's
 * output: a comparable dump of a DOM, and the real pages to compare them on.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AnyNode } from 'domhandler';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every node's type, name, attributes (in order) and text, depth-first. */
export function dumpDom(nodes: AnyNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    if ('data' in n) out.push(`${n.type}:${JSON.stringify(n.data)}`);
    else if ('name' in n && 'attribs' in n) out.push(`${n.type}:${n.name}:${JSON.stringify(Object.entries(n.attribs))}`);
    else out.push(n.type);
    if ('children' in n) {
      out.push('(');
      dumpDom(n.children, out);
      out.push(')');
    }
  }
  return out;
}

/**
 * [name, html] of every extraction fixture and of up to 80 pages of each locally built corpus (corpus/en, corpus/zh;
 * absent on a clean clone). Corpus bytes are read as UTF-8: the parsers see whatever characters come out, garbled or
 * not, and must agree on them.
 */
export function domTestPages(): Array<[string, string]> {
  const pages: Array<[string, string]> = [];
  const fixtures = join(ROOT, 'test/fixtures/extract');
  for (const f of readdirSync(fixtures).filter((x) => x.endsWith('.html'))) pages.push([f, readFileSync(join(fixtures, f), 'utf8')]);
  for (const dir of ['corpus/en/pages', 'corpus/zh/pages']) {
    const abs = join(ROOT, dir);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs).filter((x) => x.endsWith('.html.gz')).slice(0, 80)) pages.push([f, gunzipSync(readFileSync(join(abs, f))).toString('utf8')]);
  }
  return pages;
}
