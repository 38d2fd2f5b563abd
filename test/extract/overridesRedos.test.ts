import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_OVERRIDE_INPUT } from '../../src/extract/overrides.js';
import { extractFrom, zhParagraphs } from './helpers.js';

test('an override regex with a capture group extracts its group, across Unicode spaces as JS did', () => {
  const a = extractFrom(`<p class="who">撰稿\u3000张三</p><div>${zhParagraphs(4)}</div>`, {
    overrides: { category: { selector: '.who', regex: '撰稿\\s(\\S+)' }, publisher: { regex: '<p class="WHO">撰稿.(张三)</p>' } },
  });
  assert.equal(a.category, '张三'); // JS `\s` takes U+3000; RE2's own `\s` is ASCII-only
  assert.equal(a.publisher, '张三'); // raw-page regex, case-insensitive as before
});

test('a backtracking-prone override regex over hostile page text returns quickly', () => {
  const hostile = `<p class="x">${'a'.repeat(20_000)}!</p><div>${zhParagraphs(4)}</div>`;
  const start = performance.now();
  const a = extractFrom(hostile, { overrides: { author: { selector: '.x', regex: '^(a+)+$' }, editor: { regex: '(a|aa)+b' } } });
  const ms = performance.now() - start;
  assert.ok(ms < 2000, `took ${ms} ms`);
  assert.equal(a.author, undefined);
  assert.ok(a.warnings.some((w) => w === 'override author: no value'), a.warnings.join('; '));
});

test('an override regex searches only the first MAX_OVERRIDE_INPUT characters of the page', () => {
  const late = `<div>${zhParagraphs(4)}</div><!--${'x'.repeat(MAX_OVERRIDE_INPUT)}--><p>ID-12345</p>`;
  const a = extractFrom(late, { overrides: { category: { regex: 'ID-(\\d+)' } } });
  assert.equal(a.category, undefined);
  assert.ok(a.warnings.some((w) => w.includes(`no value in the first ${MAX_OVERRIDE_INPUT} characters`)), a.warnings.join('; '));
  const early = extractFrom(`<p>ID-67890</p>${late}`, { overrides: { category: { regex: 'ID-(\\d+)' } } });
  assert.equal(early.category, '67890');
});
