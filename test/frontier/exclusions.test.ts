import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addExclusions, isExcluded, removeExclusion } from '../../src/frontier/index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { tempDir } from '../helpers/tmp.js';

test('prefix rules match by the URL own prefixes, however many rules there are', () => {
  const db = openStoreDatabase(tempDir());
  const rules = Array.from({ length: 5000 }, (_, i) => ({ kind: 'prefix' as const, value: `https://a.example/section-${i}/` }));
  addExclusions(db, [...rules, { kind: 'prefix', value: 'https://b.example/x' }, { kind: 'host', value: 'c.example' }, { kind: 'url', value: 'https://d.example/one' }], {
    reason: 'test',
  });
  assert.equal(isExcluded(db, 'https://a.example/section-4999/story'), true);
  assert.equal(isExcluded(db, 'https://a.example/section-5000/story'), false);
  assert.equal(isExcluded(db, 'https://a.example/section-1'), false, 'shorter than the rule');
  assert.equal(isExcluded(db, 'https://b.example/xyz'), true, 'a prefix need not end at a path boundary');
  assert.equal(isExcluded(db, 'https://b.example/'), false);
  assert.equal(isExcluded(db, 'https://www.c.example/any'), true);
  assert.equal(isExcluded(db, 'https://d.example/one#frag'), true);
  assert.equal(isExcluded(db, 'https://d.example/two'), false);
  const t = performance.now();
  for (let i = 0; i < 20_000; i++) isExcluded(db, `https://a.example/section-x/${i}`);
  assert.ok(performance.now() - t < 5_000, 'look-ups do not walk the 5 000 rules');
  removeExclusion(db, { kind: 'prefix', value: 'https://b.example/x' });
  assert.equal(isExcluded(db, 'https://b.example/xyz'), false, 'a lifted rule stops matching');
  db.close();
});
