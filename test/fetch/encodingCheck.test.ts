/** The declared charset is checked against the bytes (issue 12): real byte fixtures built with iconv-lite. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeHtml } from '../../src/fetch/index.js';

const ZH = '新华社北京电 国务院总理今天在人民大会堂会见了来访的外国领导人，双方就进一步加强合作交换了意见。';

function page(head: string, body = ZH): string {
  return `<!DOCTYPE html><html><head>${head}<title>新闻标题</title></head><body><p>${body}</p></body></html>`;
}

test('UTF-8 bytes under <meta charset=gb2312> decode as UTF-8', () => {
  const decoded = decodeHtml(Buffer.from(page('<meta charset="gb2312">'), 'utf8'));
  assert.equal(decoded.charset, 'utf-8');
  assert.equal(decoded.detectedBy, 'detected');
  assert.ok(decoded.text.includes(ZH));
  assert.ok(decoded.text.includes('新闻标题'));
});

test('UTF-8 bytes under a Content-Type gbk or latin-1 declaration decode as UTF-8', () => {
  const bytes = Buffer.from(page('<meta http-equiv="Content-Type" content="text/html; charset=gbk">'), 'utf8');
  assert.ok(decodeHtml(bytes, 'text/html; charset=GBK').text.includes(ZH));
  const fr = Buffer.from(page('<meta charset="iso-8859-1">', 'Le café de la gare a fermé hier soir.'), 'utf8');
  assert.ok(decodeHtml(fr).text.includes('Le café de la gare a fermé'));
});

test('UTF-8 cut mid-character at the end (a capped download) still counts as UTF-8', () => {
  const full = Buffer.from(page('<meta charset="gb2312">'), 'utf8');
  const cut = full.subarray(0, full.indexOf(Buffer.from('</p>')) - 1);
  assert.equal(decodeHtml(cut).charset, 'utf-8');
});

test('a true GBK page under its gb2312 declaration stays GBK (GBK text is not valid UTF-8)', () => {
  const decoded = decodeHtml(iconv.encode(page('<meta charset="gb2312">'), 'gbk'));
  assert.deepEqual([decoded.charset, decoded.detectedBy], ['gb18030', 'meta']);
  assert.ok(decoded.text.includes(ZH));
});

test('a pure-ASCII page keeps its declaration', () => {
  const decoded = decodeHtml(Buffer.from('<html><head><meta charset="gbk"><title>News</title></head><body><p>plain ascii</p></body></html>'));
  assert.deepEqual([decoded.charset, decoded.detectedBy], ['gb18030', 'meta']);
});

test('a GBK page declared Big5 decodes with fewer replacement characters than Big5 gives', () => {
  const long = ZH.repeat(20);
  const bytes = iconv.encode(page('<meta charset="big5">', long), 'gbk');
  const decoded = decodeHtml(bytes);
  const bad = (decoded.text.match(/\uFFFD/g) ?? []).length;
  const asBig5 = (iconv.decode(bytes, 'big5hkscs').match(/\uFFFD/g) ?? []).length;
  assert.ok(bad <= asBig5, `${bad} replacement characters, Big5 gives ${asBig5}`);
});

test('a GBK page behind a server-wide charset=utf-8 decodes as GBK', () => {
  const decoded = decodeHtml(iconv.encode(page('', ZH.repeat(10)), 'gbk'), 'text/html; charset=utf-8');
  assert.equal(decoded.charset, 'gb18030');
  assert.ok(decoded.text.includes(ZH));
});

for (const [enc, bom] of [
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
  ['utf-32le', [0xff, 0xfe, 0, 0]],
  ['utf-32be', [0, 0, 0xfe, 0xff]],
] as const) {
  test(`${enc} with a BOM decodes and the BOM is stripped`, () => {
    const bytes = Buffer.concat([Buffer.from(bom), iconv.encode(page('<meta charset="gbk">'), enc)]);
    const decoded = decodeHtml(bytes, 'text/html; charset=gbk');
    assert.deepEqual([decoded.charset, decoded.detectedBy], [enc, 'bom']);
    assert.ok(decoded.text.startsWith('<!DOCTYPE'));
    assert.ok(decoded.text.includes(ZH));
  });

  test(`${enc} without a BOM is recognised by its zero bytes, whatever is declared`, () => {
    const bytes = iconv.encode(page('<meta charset="utf-16">'), enc);
    assert.notEqual(bytes[0], 0xff);
    const decoded = decodeHtml(bytes, 'text/html; charset=iso-8859-1');
    assert.equal(decoded.charset, enc);
    assert.ok(decoded.text.startsWith('<!DOCTYPE'));
    assert.ok(decoded.text.includes(ZH));
  });
}

// Big5 and GB share the lead-byte range, so the one decodes under the other's label with few or no U+FFFD.
const ZH_TW = '中央社記者今天報導，行政院會議通過新的預算案，總統府發言人表示，政府將持續推動經濟發展與社會福利政策，並與立法院溝通協調。臺灣民眾對於這項政策的反應相當熱烈。';

test('Big5 bytes under a gb2312 label decode as Big5, not as rare GBK characters', () => {
  const bytes = iconv.encode(page('<meta charset="gb2312">', ZH_TW), 'big5');
  assert.ok(!iconv.decode(bytes, 'gb18030').includes(ZH_TW), 'the GB reading is mojibake');
  const decoded = decodeHtml(bytes);
  assert.deepEqual([decoded.charset, decoded.detectedBy], ['big5', 'detected']);
  assert.ok(decoded.text.includes(ZH_TW));
  assert.ok(decodeHtml(bytes, 'text/html; charset=GBK').text.includes(ZH_TW), 'a Content-Type label too');
});

test('GB2312 bytes under a big5 label decode as GB (the pair check decides before the U+FFFD count would)', () => {
  const bytes = iconv.encode(page('<meta charset="big5">', ZH.repeat(2)), 'gbk');
  const decoded = decodeHtml(bytes);
  assert.deepEqual([decoded.charset, decoded.detectedBy], ['gb18030', 'detected']);
  assert.ok(decoded.text.includes(ZH));
});

test('traditional characters really in GBK, and a short Big5 line, keep their labels', () => {
  // Same share of pairs outside GB2312 as Big5 text, but GBK's frequencies: the label is right.
  const gbkTraditional = decodeHtml(iconv.encode(page('<meta charset="gbk">', ZH_TW), 'gbk'));
  assert.deepEqual([gbkTraditional.charset, gbkTraditional.detectedBy], ['gb18030', 'meta']);
  assert.ok(gbkTraditional.text.includes(ZH_TW));
  // Too few pairs for a frequency verdict: the declaration stands.
  const short = decodeHtml(iconv.encode(page('<meta charset="big5">', '臺灣新聞'), 'big5'));
  assert.deepEqual([short.charset, short.detectedBy], ['big5', 'meta']);
  const trueBig5 = decodeHtml(iconv.encode(page('<meta charset="big5">', ZH_TW), 'big5'));
  assert.deepEqual([trueBig5.charset, trueBig5.detectedBy], ['big5', 'meta']);
});
