import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom, zhParagraphs } from './helpers.js';

const page = `<h1>自动识别的标题</h1><div class="meta"><span class="pub">发布：2025.10.12 下午3:05</span><span class="who">撰稿 张三</span></div>
  <div id="story">${zhParagraphs(2)}</div><div class="content">${zhParagraphs(4)}</div><span class="kw">公交</span><span class="kw">出行</span>`;

test('per-field overrides win over automatic extraction', () => {
  const a = extractFrom(page, {
    timezone: 'Asia/Shanghai',
    head: '<title>自动识别的标题</title><meta name="custom-title" content="配置指定的标题">',
    overrides: {
      title: { selector: 'meta[name="custom-title"]', attr: 'content' },
      publishedAt: { selector: '.pub', regex: '(\\d{4}\\.\\d{1,2}\\.\\d{1,2} 下午\\d{1,2}:\\d{2})' },
      author: { selector: '.who', regex: '撰稿\\s*(\\S+)' },
      source: { regex: '<span class="who">撰稿 (张三)</span>' },
      tags: { selector: '.kw' },
      body: { selector: '#story' },
    },
  });
  assert.equal(a.title, '配置指定的标题');
  assert.equal(a.publishedAt, '2025-10-12T15:05:00+08:00');
  assert.equal(a.author, '张三');
  assert.equal(a.publisher, '张三');
  assert.deepEqual(a.tags, ['公交', '出行']);
  assert.equal(a.body.split('\n\n').length, 2);
});

test('a broken override is reported in warnings and automatic extraction stays', () => {
  const a = extractFrom(page, {
    head: '<title>自动识别的标题</title>',
    overrides: { title: { selector: '.does-not-exist' }, author: { selector: '[[[' }, nonsense: { selector: 'h1' } },
  });
  assert.equal(a.title, '自动识别的标题');
  assert.ok(a.warnings.some((w) => w.includes('override title')));
  assert.ok(a.warnings.some((w) => w.includes('override author')));
  assert.ok(a.warnings.some((w) => w.includes('nonsense')));
});
