import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const page = `<!doctype html><html><head><meta charset="gbk"><title>潍坊友城伙伴增至45个 - 鲁网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/guonei/">国内</a></div>
<h1>潍坊友城伙伴增至45个</h1>
<div class="info">类别:国内 发布时间:2025-10-12 23:41:00 来源:鲁网</div>
<div class="content">
<p>鲁网10月11日讯(记者 王玉龙)潍坊自古就有包容并蓄的开放传统，是世界风筝都、国际动力城、世界手工艺与民间艺术之都。</p>
<p>友城是国际交往的“海外名片”。1986年2月，潍坊市与日本日向市缔结友好城市，这是潍坊与境外城市缔结的第一对友好城市。</p>
<p>近年来，潍坊持续擦亮“国际和平城市”等名片，立足现代产业发展优势，利用好风筝等特色文化资源，推动优势产业深耕海外。</p>
</div><p class="editor">责任编辑:赵岳</p><div class="footer">版权所有 鲁网</div></body></html>`;

test('extract reads saved GBK bytes (gzipped or not) and prints one JSON object per file, in order', async () => {
  const dir = tempDir();
  const a = join(dir, 'a.html');
  const b = join(dir, 'b.html.gz');
  writeFileSync(a, iconv.encode(page, 'gbk'));
  writeFileSync(b, gzipSync(iconv.encode(page.replaceAll('45个', '46个'), 'gbk')));
  const r = await runCli(['extract', a, b, '--json', '--url', 'http://www.sdnews.com.cn/guonei/202510/t20251012_1.htm']);
  assert.equal(r.code, 0, r.stderr);
  const [first, second] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(first.file, a);
  assert.equal(second.file, b);
  assert.equal(first.charset, 'gb18030');
  assert.equal(first.title, '潍坊友城伙伴增至45个');
  assert.equal(second.title, '潍坊友城伙伴增至46个');
  assert.equal(first.publishedAt, '2025-10-12T23:41:00+08:00'.replace('+08:00', first.publishedAt.slice(-6)));
  assert.equal(first.publisher, '鲁网');
  assert.equal(first.author, '王玉龙');
  assert.equal(first.editor, '赵岳');
  assert.match(first.body, /包容并蓄/);
  assert.ok(!first.body.includes('责任编辑'), 'the editor line is not body text');
});

test('extract applies a source timezone; a missing file exits 1 with its name', async () => {
  const dir = tempDir();
  const a = join(dir, 'a.html');
  writeFileSync(a, iconv.encode(page, 'gbk'));
  const cfg = join(dir, 'c.yaml');
  writeFileSync(cfg, 'sources:\n  - name: lu\n    seeds: ["https://www.sdnews.example/"]\n    timezone: Asia/Shanghai\n');
  const r = await runCli(['extract', a, '--json', '--source', 'lu', '--config', cfg]);
  assert.equal(JSON.parse(r.stdout).publishedAt, '2025-10-12T23:41:00+08:00');
  const missing = await runCli(['extract', join(dir, 'nope.html')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope\.html/);
});
