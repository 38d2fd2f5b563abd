import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TrapGuard } from '../../src/crawler/trapGuard.js';

const limits = { maxUrlLength: 80, maxRepeatedSegments: 2, maxQueryParams: 3, maxQueryVariants: 3 };

test('long URLs, repeated segments and parameter floods are refused with the limit named', () => {
  const g = new TrapGuard(limits);
  assert.equal(g.check(`http://x.example/${'a'.repeat(100)}`), 'maxUrlLength');
  assert.equal(g.check('http://x.example/a/b/a/b/a/'), 'maxRepeatedSegments');
  assert.equal(g.check('http://x.example/a/b/a/b'), null);
  assert.equal(g.check('http://x.example/p?a=1&b=2&c=3&d=4'), 'maxQueryParams');
});

test('only so many distinct query variants of one path; repeats of a known one pass', () => {
  const g = new TrapGuard(limits);
  for (let i = 1; i <= 3; i++) assert.equal(g.check(`http://x.example/cal?page=${i}`), null);
  assert.equal(g.check('http://x.example/cal?page=4'), 'maxQueryVariants');
  assert.equal(g.check('http://x.example/cal?page=2'), null, 'a variant already admitted stays admitted');
  assert.equal(g.check('http://x.example/other?page=9'), null, 'other paths have their own budget');
});
