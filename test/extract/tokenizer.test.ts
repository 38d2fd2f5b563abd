/** The fast tokenizer builds the same DOM as htmlparser2's own, node for node, on tricky markup and real pages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, Tokenizer } from 'htmlparser2';
import { FastTokenizer } from '../../src/extract/tokenizer.js';
import { domTestPages, dumpDom } from '../helpers/dom-pages.js';

function assertSameDom(html: string, label: string): void {
  const stock = dumpDom(parseDocument(html).children);
  const fast = dumpDom(parseDocument(html, { Tokenizer: FastTokenizer }).children);
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
    // Tag and attribute names ended by each character that can end them, and by the end of the input.
    '<img/src=x.png><div\fclass=a\rid=b>t</div\n><p/ a=1>x</p/ junk><a b c=d e/ f= g =h>y</a>',
    '<DIV CLASS="Up" Data-X=1>mixed</DiV><x-custom-el data-a-b-c="1">z</x-custom-el\t>',
    '<span\u000bclass="vt">vertical tab is not whitespace to the tokenizer</span>',
    '<p>cut in a tag name <di',
    '<p>cut in an attribute name <div cla',
    '<p>cut in a closing tag name</p',
    '<p>cut after an attribute name <div class',
    // Longer attribute names ended by '/' (a one-letter name never reaches the fast path).
    '<a bc/d>x</a><a bcd/ e>y</a><input data-x/=1><img altx/>',
    // Quoted values read in one step (stateBeforeAttributeName): empty values, '&' in the value, the other quote
    // inside, a name starting with '=', spaces around '=', a value cut by the end of the input, a duplicate name.
    '<p a="" b=\'\' c="x&amp;y" d=\'say "hi"\' e="it\'s" =f="1" g = "2" h= "3" i ="4" a="dup">t</p>',
    '<a href="x"class="y"id=\'z\'>no space between</a><b title="a>b" lang="en"/><i x="&#65;" y="&">e</i>',
    '<div class="cut at the end',
    '<div class="a" data-v=\'cut',
    '<img src="a.png"alt=\'\'/><br clear="all"/>',
    // Closing tags read in one step (stateBeforeClosingTagName), and the forms left to the stock states.
    '<div><p>a</p></DIV><b>x</b >y</b\n>z</ b></><i>1</1></i/><span>cut</span',
    '<ul><li>one</li></ul></div/></p></br><p>end</p></d1v>',
    // Opening tag names read to their end in one step (stateBeforeTagName), beside the s/t/x names kept on the
    // stock steps (they may open raw-text elements).
    '<section><style>p{}</style><span/><table><textarea>a<b></textarea><xmp>y</xmp><td/><a/><B\tx=1><i\n>k</i><p>x<spa',
  ];
  for (const html of cases) assertSameDom(html, html);
});

test('every page of the fixture set and the committed corpora parses to the same DOM', () => {
  const pages = domTestPages();
  assert.ok(pages.length >= 19);
  for (const [name, html] of pages) assertSameDom(html, name);
});
