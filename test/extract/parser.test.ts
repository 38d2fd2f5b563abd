/** parseHtml (fast tokenizer + common names as constants) builds the same DOM as stock htmlparser2, node for node. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Parser, parseDocument } from 'htmlparser2';
import type { ParentNode } from 'domhandler';
import { elementsIn } from '../../src/extract/dom.js';
import { FastParser, parseHtml, parseHtmlListing } from '../../src/extract/parser.js';
import { domTestPages, dumpDom } from '../helpers/dom-pages.js';

function assertSameDom(html: string, label: string): void {
  assert.deepEqual(dumpDom(parseHtml(html).children), dumpDom(parseDocument(html).children), label);
}

test('the fast parser is in use (the stock internal it overrides is there)', () => {
  assert.notEqual(FastParser, Parser);
});

test('names in the table, names not in it, other cases and name-like text parse as with stock htmlparser2', () => {
  const cases = [
    '<div class="a" id="b"><p>div</p><span>class</span><a href="a">a</a></div>',
    // Upper and mixed case: lower-cased as before (the table matches exact lower-case spelling only).
    '<DIV CLASS="x" Id="y"><P>text</P></DIV><Span STYLE="display:none">h</Span>',
    // Names that start like table names but are longer or shorter, and names the table does not hold.
    '<divx classy="1" i="2" hrefs="3"><ab>t</ab><my-element data-foo="x" data-src2="y">z</my-element></divx>',
    // Text and attribute values spelling names; a name at the very end of the page; an unclosed tag name.
    '<p title="class">href</p>id<b>src</b>style<a',
    '<img src=x alt=y width=10 height=20><br/><hr /><input type=text value="v" hidden>',
    '<table cellpadding="0" cellspacing="0"><tr><td colspan=2 valign=top>x</td></tr></table>',
    '<svg viewBox="0 0 1 1"><path d="M0"/><use xlink:href="#i"/></svg><math><mi>x</mi></math>',
    '<script type="text/javascript">var a = "<div class=x>";</script><style>p{}</style>',
    '<div class="a" class="b" CLASS="c">duplicate attributes: the first kept</div>',
    '</div></p></span>stray closing tags<p>end',
    '<a\nhref="x"\tclass=\'y\'>multi\nline</a>',
    // Quoted attributes read in one call: duplicates in other cases, single quotes, entities, names off the table.
    '<a href="1" HREF="2" Href=\'3\' title="a&amp;b" data-Custom="v" constructor="c" __proto__="p">x</a>',
    // Closing tags named from the table in any case, inside and out of foreign content (svg, math, title).
    '<svg><foreignObject><DIV>x</Div></foreignObject><title>t</TITLE></SVG><P>p</P><MATH><mi>i</MI></math></BODY>',
  ];
  for (const html of cases) assertSameDom(html, html);
});

test('every page of the fixture set and the committed corpora parses to the same DOM', () => {
  const pages = domTestPages();
  assert.ok(pages.length >= 19);
  for (const [name, html] of pages) assertSameDom(html, name);
});

test('the elements listed while parsing are the tree\'s elements in pre-order (implied closes, stray tags, real pages)', () => {
  const cases = [
    '<ul><li>a<li>b<p>c<div>d</ul><table><tr><td>1<td>2<tr><td>3</table><p>e<p>f',
    '<div><span><b>mis</span>nested</b></div></div><br/></p><select><option>x<option>y</select><svg><g><path/></g></svg>',
    '<dl><dt>t<dd>d<dt>u</dl><img src=x><input><script>if (a<b) {}</script><p>end',
  ];
  const pages: Array<[string, string]> = [...cases.map((c): [string, string] => [c, c]), ...domTestPages()];
  for (const [name, html] of pages) {
    const listed = parseHtmlListing(html, Number.POSITIVE_INFINITY);
    const walked = elementsIn(listed.doc);
    assert.equal(listed.elements.length, walked.length, name);
    assert.ok(listed.elements.every((el, i) => el === walked[i]), name);
    let deepest = 0;
    for (const el of walked) {
      let depth = 0;
      for (let p: ParentNode | null = el; p && p.type !== 'root'; p = p.parent) depth++;
      deepest = Math.max(deepest, depth);
    }
    assert.equal(listed.maxDepth, deepest, name);
  }
  // The list is capped; the tree is not.
  const capped = parseHtmlListing('<div><p>a</p><p>b</p><p>c</p></div>', 2);
  assert.deepEqual(capped.elements.map((el) => el.name), ['div', 'p']);
  assert.equal(elementsIn(capped.doc).length, 4);
});

test('the parser notes the first listed <base> with an href, as a search of the listed elements finds it', () => {
  const cases = [
    '<html><head><base target="_blank"><base href="/a/"><base href="/b/"></head><body><p>x</p></body></html>',
    '<html><head><base href=""><title>t</title></head><body><base href="https://example.com/c/"></body></html>',
    '<html><head><title>no base</title></head><body><a href="/x">x</a></body></html>',
  ];
  for (const html of cases) {
    const listed = parseHtmlListing(html, Number.POSITIVE_INFINITY);
    assert.equal(listed.base, listed.elements.find((el) => el.name === 'base' && !!el.attribs.href), html);
  }
  assert.equal(parseHtmlListing(cases[0], Number.POSITIVE_INFINITY).base?.attribs.href, '/a/');
  assert.equal(parseHtmlListing(cases[1], Number.POSITIVE_INFINITY).base?.attribs.href, 'https://example.com/c/');
  // Past the cap the element is not listed, so not noted either.
  assert.equal(parseHtmlListing('<div><p>a</p></div><base href="/z/">', 2).base, undefined);
});
