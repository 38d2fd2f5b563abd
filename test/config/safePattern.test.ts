import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileSafePattern, safePatternProblem } from '../../src/config/safePattern.js';

// Patterns and inputs where RE2's defaults differ from JavaScript's (`\s` and `.` are Unicode-aware in JS, `\p`
// and `\A` are plain letters, `[]` matches nothing, a `-` beside a class escape is literal), plus ordinary ones.
const PATTERNS = [
  '撰稿\\s*(\\S+)', 'a.c', '[\\s\\S]+', '[^\\S]+', '[\\s-z]+', '[a-\\d]+', '\\p{L}', '\\A\\z', '[]a', '[^]a',
  '[[:alpha:]]', '\\u00a0(x)', '\\x41', '\\u{41}', '\\cA', '[\\b]', '\\012', '\\8', '(a)\\2', 'a{', '\\-', '\\/',
  '(?<y>\\d{4})-(\\d\\d)', '[\\w-.]+', 'k\\k', '(?:a|b)*?c', '(a)|(b)', '\\t\\v\\f', 'é+', '', '\\$', 'a+?',
  '发布时间[:：]\\s*(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(?::\\d{2})?)',
  '^https://news\\.example\\.net/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/?$',
];
const INPUTS = [
  '撰稿\u3000张三 x', '撰稿\u00a0张三', 'abc a\rc a\u2028c a\nc', ' \t\u3000xy', 'a-z5 q', 'pL p{L} L', 'Az', 'a', '\na',
  ':alpha', '\u00a0x', 'AA', 'u'.repeat(41), '\x01', '\b', '\n', '8', '\x02', 'a{', '-', '/', '2025-10', 'b-c.d', 'kk',
  'ababc', 'b', '\t\v\f', 'ÉéE', '', '$', 'aa', '发布时间：2025-10-12 10:00:01', 'https://news.example.net/2025/10/12/slug/',
];

test('config patterns keep their JavaScript meaning under RE2', () => {
  for (const source of PATTERNS) {
    for (const ignoreCase of [false, true]) {
      const js = new RegExp(source, ignoreCase ? 'i' : '');
      const safe = compileSafePattern(source, { ignoreCase });
      for (const input of INPUTS) {
        const what = `/${source}/${ignoreCase ? 'i' : ''} on ${JSON.stringify(input)}`;
        assert.deepEqual(safe.exec(input), js.exec(input)?.slice() ?? null, what);
        assert.equal(safe.test(input), js.test(input), what);
      }
    }
  }
});

test('(a+)+$ runs in linear time on a hostile input', () => {
  // A backtracking engine tries every way to split the a's between the two `+` before failing on the `!`:
  // ~2^n steps, 59 s at n = 32 (issue 10), so n = 5000 would never finish. RE2 takes about a millisecond.
  const pattern = compileSafePattern('(a+)+$');
  const hostile = 'a'.repeat(5000) + '!';
  const start = performance.now();
  assert.equal(pattern.test(hostile), false);
  assert.equal(pattern.exec(hostile), null);
  assert.ok(performance.now() - start < 500, `took ${performance.now() - start} ms`);
  assert.ok(pattern.test('a'.repeat(5000)));
});

test('lookaround and backreferences are refused, saying why', () => {
  assert.match(safePatternProblem('^(?!.*print).*$')!, /uses a lookahead .*linear-time engine/);
  assert.match(safePatternProblem('x(?=y)')!, /uses a lookahead/);
  assert.match(safePatternProblem('(?<=/)news')!, /uses a lookbehind/);
  assert.match(safePatternProblem('(?<!a)b')!, /uses a lookbehind/);
  assert.match(safePatternProblem('(\\w)\\1')!, /uses a backreference/);
  assert.match(safePatternProblem('(?<q>["\'])\\k<q>')!, /uses a backreference/);
  assert.match(safePatternProblem('a{1001}')!, /not supported by the linear-time engine \(RE2\): invalid repetition size/);
  assert.match(safePatternProblem('((')!, /is not a valid regular expression \(Unterminated group\)/);
  assert.equal(safePatternProblem('(a+)+$'), null);
  assert.throws(() => compileSafePattern('x(?=y)'), (e: unknown) => e instanceof SyntaxError && /lookahead/.test(e.message));
});

test('a pattern is compiled once per process (RE2 objects live outside the garbage collector)', () => {
  assert.equal(compileSafePattern('/news/\\d+'), compileSafePattern('/news/\\d+'));
  assert.notEqual(compileSafePattern('/news/\\d+'), compileSafePattern('/news/\\d+', { ignoreCase: true }));
});
