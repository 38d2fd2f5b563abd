import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeSource } from '../../src/config/index.js';
import { compileSafePattern } from '../../src/config/safePattern.js';
import { MAX_SCOPE_URL_LENGTH, SourceScope } from '../../src/crawler/scope.js';

/** Milliseconds `fn` takes. */
function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

test('a source whose patterns are (a+)+$ judges a hostile URL quickly', () => {
  // With JS RegExp, (a+)+$ on 32 a's and a `!` stalled a crawl for 59 s (issue 10); the time doubles per `a`.
  const scope = new SourceScope(
    makeSource({ name: 's', seeds: ['https://a.example/'], articlePattern: '(a+)+$', include: ['(a+)+$'], exclude: ['(a+)+$'] }),
  );
  const hostile = `https://a.example/${'a'.repeat(4000)}!`;
  const ms = timed(() => {
    assert.equal(scope.isArticleUrl(hostile), false);
    assert.equal(scope.allows(hostile), false);
  });
  assert.ok(ms < 500, `took ${ms} ms`);
  assert.equal(scope.isArticleUrl(`https://a.example/${'a'.repeat(4000)}`), true);
});

test('URLs over the scope limit are neither allowed nor articles', () => {
  const scope = new SourceScope(makeSource({ name: 's', seeds: ['https://a.example/'], articlePattern: '/news/' }));
  const base = 'https://a.example/news/';
  const fits = base + 'x'.repeat(MAX_SCOPE_URL_LENGTH - base.length);
  assert.equal(scope.allows(fits), true);
  assert.equal(scope.isArticleUrl(fits), true);
  assert.equal(scope.allows(fits + 'x'), false);
  assert.equal(scope.isArticleUrl(fits + 'x'), false);
  const noPattern = new SourceScope(makeSource({ name: 't', seeds: ['https://a.example/'] }));
  assert.equal(noPattern.isArticleUrl(fits + 'x'), null);
});

test('include, exclude and articlePattern match as before', () => {
  const scope = new SourceScope(
    makeSource({
      name: 's',
      seeds: ['https://www.example.com/'],
      include: ['^https://www\\.example\\.com/(guonei|guoji)/', '^https://www\\.example\\.com/$'],
      exclude: ['/(print|comment)/', '[?&](page|sid)='],
      articlePattern: '/\\d{6}/\\d{2}/t\\d{8}_\\d+\\.s?html?$',
    }),
  );
  assert.equal(scope.allows('https://www.example.com/'), true);
  assert.equal(scope.allows('https://www.example.com/guonei/202510/12/t20251012_1.html'), true);
  assert.equal(scope.allows('https://www.example.com/guonei/print/1'), false);
  assert.equal(scope.allows('https://www.example.com/guoji/?page=2'), false);
  assert.equal(scope.allows('https://www.example.com/tiyu/'), false);
  assert.equal(scope.isArticleUrl('https://www.example.com/guonei/202510/12/t20251012_1.shtml'), true);
  assert.equal(scope.isArticleUrl('https://www.example.com/guonei/'), false);
});

test('a URL is judged by the patterns once, then remembered; long URLs are judged each time', () => {
  const source = makeSource({ name: 's', seeds: ['https://a.example/'], exclude: ['/print/'], articlePattern: '/news/\\d+$' });
  // compileSafePattern keeps one compiled object per pattern: the scope's own, whose test() is counted here.
  const calls = { exclude: 0, article: 0 };
  for (const [key, source] of [['exclude', '/print/'], ['article', '/news/\\d+$']] as const) {
    const pattern = compileSafePattern(source) as { test: (input: string) => boolean };
    const test = pattern.test;
    pattern.test = (input) => {
      calls[key]++;
      return test(input);
    };
  }
  const scope = new SourceScope(source);
  for (let i = 0; i < 3; i++) {
    assert.equal(scope.allows('https://a.example/news/1'), true);
    assert.equal(scope.allows('https://a.example/print/1'), false);
    assert.equal(scope.allows('https://b.example/news/1'), false);
    assert.equal(scope.isArticleUrl('https://a.example/news/1'), true);
    assert.equal(scope.isArticleUrl('https://a.example/news/x'), false);
  }
  assert.deepEqual(calls, { exclude: 3, article: 2 });
  const long = `https://a.example/news/${'1'.repeat(600)}`;
  assert.equal(scope.isArticleUrl(long), true);
  assert.equal(scope.isArticleUrl(long), true);
  assert.equal(calls.article, 4);
});
