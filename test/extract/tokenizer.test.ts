/** The fast tokenizer builds the same DOM as htmlparser2's own, node for node, on tricky markup and real pages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseDocument, Tokenizer } from 'htmlparser2';
import type { AnyNode } from 'domhandler';
import { FastTokenizer } from '../../src/extract/tokenizer.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every node's type, name, attributes (in order) and text, depth-first. */
function dump(nodes: AnyNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    if ('data' in n) out.push(`${n.type}:${JSON.stringify(n.data)}`);
    else if ('name' in n && 'attribs' in n) out.push(`${n.type}:${n.name}:${JSON.stringify(Object.entries(n.attribs))}`);
    else out.push(n.type);
    if ('children' in n) {
      out.push('(');
      dump(n.children, out);
      out.push(')');
    }
  }
  return out;
}

function assertSameDom(html: string, label: string): void {
  const stock = dump(parseDocument(html).children);
  const fast = dump(parseDocument(html, { Tokenizer: FastTokenizer }).children);
  assert.deepEqual(fast, stock, label);
}

test('the fast tokenizer is in use (the stock internals it relies on are there)', () => {
  assert.notEqual(FastTokenizer, Tokenizer);
});

test('text, entities, attributes, raw-text elements, comments and broken markup parse as with the stock tokenizer', () => {
  const cases = [
    '',
    'plain text only',
    '<p>a &amp; b &lt;c&gt; &copy &notanentity; &#x41;&#66; tail &',
    '<p title="x &amp; y" data-a=\'q &quot; "r"\' data-b=unquoted&amp;more data-c="">t</p>',
    '<a href="/x?a=1&b=2&amp;c=3">link</a><img alt="a > b" src=x.png>',
    '<script>if (a < b && c > d) { x = "</p>"; } /* </scrip */ </script><p>after</p>',
    '<style>p > a { content: "<&>" }</style><title>A &amp; B &lt; C</title>',
    '<textarea>a &amp; <b>not bold</b></textarea><xmp>raw <i>x</i></xmp>',
    '<!-- comment with < and & and -- inside --><!----><!--unterminated',
    '<![CDATA[ x < y ]]><!DOCTYPE html><?php echo 1 ?>',
    '<p>unclosed <b>bold <i>italic</p> text < 5 and 6 > 4 <3 <',
    '<div attr="unterminated value >text</div>',
    '<div a=\'single & quote\'>x</div><div b="&#1234;&#x1F600;&amp">y</div>',
    '<svg><text>&lt;svg&gt;</text><![CDATA[in svg]]></svg><math><mi>x</mi></math>',
    '<p>中文 &nbsp;段落，带&mdash;实体。</p>\u0000\ufffd<p>end',
    '<script>unterminated script < & >',
    '<a\nhref="x"\tclass=\'y\'>multi\nline</a><br/><br />',
  ];
  for (const html of cases) assertSameDom(html, html);
});

test('every page of the fixture set and the committed corpora parses to the same DOM', () => {
  const pages: Array<[string, string]> = [];
  const fixtures = join(ROOT, 'test/fixtures/extract');
  for (const f of readdirSync(fixtures).filter((x) => x.endsWith('.html'))) pages.push([f, readFileSync(join(fixtures, f), 'utf8')]);
  for (const dir of ['corpus/en/pages', 'corpus/zh/pages']) {
    const abs = join(ROOT, dir);
    if (!existsSync(abs)) continue;
    // Bytes as UTF-8: the parser sees whatever characters come out, garbled or not, and both must agree on them.
    for (const f of readdirSync(abs).filter((x) => x.endsWith('.html.gz')).slice(0, 80)) pages.push([f, gunzipSync(readFileSync(join(abs, f))).toString('utf8')]);
  }
  assert.ok(pages.length >= 19);
  for (const [name, html] of pages) assertSameDom(html, name);
});
