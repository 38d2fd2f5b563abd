import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { canonicalCharset, charsetFromContentType, decodeHtml, prescanMetaCharset } from '../../src/fetch/index.js';

const ZH = '新华社北京电 国务院总理今天在人民大会堂会见了来访的外国领导人，双方就进一步加强合作交换了意见。';

function page(head: string, body = ZH): string {
  return `<!DOCTYPE html><html><head>${head}<title>新闻</title></head><body><p>${body}</p></body></html>`;
}

test('charsetFromContentType reads the charset parameter, quoted or not', () => {
  assert.equal(charsetFromContentType('text/html; charset=GBK'), 'gbk');
  assert.equal(charsetFromContentType('text/html;charset="utf-8"'), 'utf-8');
  assert.equal(charsetFromContentType("text/html; foo=bar; charset='gb2312'"), 'gb2312');
  assert.equal(charsetFromContentType('text/html'), undefined);
  assert.equal(charsetFromContentType('text/html; charset='), undefined);
  assert.equal(charsetFromContentType(null), undefined);
});

test('GBK-family labels decode as gb18030; unknown labels are not decoders', () => {
  for (const label of ['gbk', 'GB2312', 'x-gbk', 'cp936', 'gb18030']) assert.equal(canonicalCharset(label), 'gb18030', label);
  assert.equal(canonicalCharset('iso-8859-1'), 'windows-1252');
  assert.equal(canonicalCharset('UTF8'), 'utf-8');
  assert.equal(canonicalCharset('big5'), 'big5');
  assert.equal(canonicalCharset('no-such-charset'), undefined);
});

test('a GBK page declared only in <meta http-equiv> decodes correctly', () => {
  const bytes = iconv.encode(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk');
  const decoded = decodeHtml(bytes, 'text/html');
  assert.equal(decoded.charset, 'gb18030');
  assert.equal(decoded.detectedBy, 'meta');
  assert.ok(decoded.text.includes(ZH));
});

test('<meta charset> is found; comments are skipped and the first declaration wins', () => {
  const html = page('<!-- <meta charset="big5"> --><meta charset=\'gbk\'><meta charset="utf-8">');
  const decoded = decodeHtml(iconv.encode(html, 'gbk'));
  assert.equal(decoded.detectedBy, 'meta');
  assert.ok(decoded.text.includes(ZH));
  assert.equal(prescanMetaCharset(Buffer.from('<meta content="text/html; charset=big5" http-equiv="content-type">')), 'big5');
  // content= without http-equiv is not a declaration (HTML spec prescan).
  assert.equal(prescanMetaCharset(Buffer.from('<meta name="x" content="charset=big5">')), undefined);
  assert.equal(prescanMetaCharset(Buffer.from('<meta charset="utf-16le">')), 'utf-8');
});

test('a declaration past the first 4 KiB is not seen', () => {
  const html = `<html><head>${' '.repeat(5000)}<meta charset="gbk"></head></html>`;
  assert.equal(prescanMetaCharset(Buffer.from(html)), undefined);
});

test('the Content-Type charset beats <meta>', () => {
  const bytes = iconv.encode(page('<meta charset="big5">'), 'gbk');
  const decoded = decodeHtml(bytes, 'text/html; charset=GBK');
  assert.equal(decoded.detectedBy, 'content-type');
  assert.equal(decoded.charset, 'gb18030');
  assert.ok(decoded.text.includes(ZH));
});

test('a BOM beats everything and is stripped', () => {
  const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('<meta charset="gbk">'))]);
  const decoded = decodeHtml(utf8, 'text/html; charset=gbk');
  assert.deepEqual([decoded.charset, decoded.detectedBy], ['utf-8', 'bom']);
  assert.ok(decoded.text.startsWith('<!DOCTYPE'));
  assert.ok(decoded.text.includes(ZH));
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page(''), 'utf-16le')]);
  const decoded16 = decodeHtml(utf16);
  assert.deepEqual([decoded16.charset, decoded16.detectedBy], ['utf-16le', 'bom']);
  assert.ok(decoded16.text.includes(ZH));
});

test('with no declaration, chardet detects GBK and valid UTF-8 is taken as UTF-8', () => {
  const gbk = decodeHtml(iconv.encode(page(''), 'gbk'), 'text/html');
  assert.deepEqual([gbk.charset, gbk.detectedBy], ['gb18030', 'detected']);
  assert.ok(gbk.text.includes(ZH));
  const utf8 = decodeHtml(Buffer.from(page('')));
  assert.deepEqual([utf8.charset, utf8.detectedBy], ['utf-8', 'detected']);
  assert.ok(utf8.text.includes(ZH));
});

test('plain ASCII with no declaration falls to the UTF-8 default', () => {
  const decoded = decodeHtml(Buffer.from('<html><body>Hello</body></html>'));
  assert.deepEqual([decoded.charset, decoded.detectedBy, decoded.text], ['utf-8', 'default', '<html><body>Hello</body></html>']);
});

test('an unknown declared label falls through to the next step', () => {
  const bytes = iconv.encode(page('<meta charset="gbk">'), 'gbk');
  const decoded = decodeHtml(bytes, 'text/html; charset=x-bogus');
  assert.equal(decoded.detectedBy, 'meta');
  assert.ok(decoded.text.includes(ZH));
});

test('a GBK page behind "charset=utf-8" is rescued by detection; a real UTF-8 page is not', () => {
  const gbkBytes = iconv.encode(page('<meta charset="gbk">'), 'gbk');
  const rescued = decodeHtml(gbkBytes, 'text/html; charset=utf-8');
  assert.deepEqual([rescued.charset, rescued.detectedBy], ['gb18030', 'detected']);
  assert.ok(rescued.text.includes(ZH));
  // A UTF-8 page with one stray byte keeps its declared charset.
  const utf8 = Buffer.concat([Buffer.from(page('')), Buffer.from([0xff])]);
  const kept = decodeHtml(utf8, 'text/html; charset=utf-8');
  assert.deepEqual([kept.charset, kept.detectedBy], ['utf-8', 'content-type']);
});

test('labels that name Object.prototype members are unknown labels, not a crash', () => {
  for (const label of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    assert.equal(canonicalCharset(label), undefined, label);
    const html = Buffer.from(`<html><head><meta charset="${label}"><title>标题</title></head><body>正文</body></html>`, 'utf8');
    const decoded = decodeHtml(html);
    assert.match(decoded.text, /标题/, label);
    assert.equal(decoded.charset, 'utf-8', label);
    assert.equal(decodeHtml(html, `text/html; charset=${label}`).charset, 'utf-8', label);
  }
});

test('a UTF-8 page said to be gb2312 stays UTF-8 with a few stray GBK bytes in it (an include saved in GBK)', () => {
  const article = page('<meta charset="gb2312">', `${ZH}${ZH}`);
  const cut = article.indexOf('</body>');
  const include = iconv.encode('<div>广告：欢迎访问合作伙伴网站</div>', 'gbk');
  const bytes = Buffer.concat([Buffer.from(article.slice(0, cut)), include, Buffer.from(article.slice(cut))]);
  const decoded = decodeHtml(bytes);
  assert.equal(decoded.charset, 'utf-8');
  assert.ok(decoded.text.includes(ZH));
  // A GBK page with a UTF-8 snippet in it (the reverse) is still GBK: most of its bytes break UTF-8.
  const gbk = iconv.encode(page('<meta charset="gb2312">', `${ZH}${ZH}`), 'gbk');
  const mixed = Buffer.concat([gbk.subarray(0, gbk.length - 20), Buffer.from('<p>合作伙伴</p>'), gbk.subarray(gbk.length - 20)]);
  assert.equal(decodeHtml(mixed).charset, 'gb18030');
  assert.ok(decodeHtml(mixed).text.includes(ZH));
  // Too little UTF-8 to judge (one word and a stray byte): not read as UTF-8.
  const short = Buffer.concat([Buffer.from('<html><head><meta charset="gb2312"></head><body>新闻'), Buffer.from([0xb0]), Buffer.from('</body></html>')]);
  assert.notEqual(decodeHtml(short).charset, 'utf-8');
});

test('a GBK page with a larger UTF-8 script before its article stays GBK: script and style bytes are not counted', () => {
  const menu = '首页新闻体育娱乐财经科技汽车房产教育旅游'.repeat(20);
  const head = `<meta charset="gbk"><script>var menu="${menu}";</script><style>/* ${menu} */</style>`;
  const gbk = iconv.encode(page('<meta charset="gbk">', `${ZH}${ZH}`), 'gbk');
  const cut = gbk.indexOf(Buffer.from('<title>'));
  const bytes = Buffer.concat([gbk.subarray(0, cut), Buffer.from(head.replace('<meta charset="gbk">', '')), gbk.subarray(cut)]);
  const decoded = decodeHtml(bytes);
  assert.equal(decoded.charset, 'gb18030');
  assert.ok(decoded.text.includes(ZH));
  // The UTF-8 article with a GBK include beside a script is still UTF-8 (the script is skipped, the text counted).
  const article = page(`<meta charset="gb2312"><script>var a="${menu}";</script>`, `${ZH}${ZH}`);
  const end = article.indexOf('</body>');
  const mixed = Buffer.concat([Buffer.from(article.slice(0, end)), iconv.encode('<div>广告：欢迎访问合作伙伴网站</div>', 'gbk'), Buffer.from(article.slice(end))]);
  assert.equal(decodeHtml(mixed).charset, 'utf-8');
});
