import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Frontier, stripLearnedParams, trustedCanonical, withoutParams } from '../../src/frontier/index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { tempDir } from '../helpers/tmp.js';

const H = 'https://news.example';

function setup() {
  const db = openStoreDatabase(tempDir());
  const frontier = new Frontier(db, 'run1');
  return { db, frontier, learner: frontier.params };
}

test('withoutParams drops named parameters in place, keeping every other byte and order', () => {
  const names = new Set(['from', 'pos']);
  assert.equal(withoutParams(`${H}/a.shtml?z=1&from=x&q=%D6%D0&pos=3#c`, names), `${H}/a.shtml?z=1&q=%D6%D0`);
  assert.equal(withoutParams(`${H}/a.shtml?from=x`, names), `${H}/a.shtml`);
  assert.equal(withoutParams(`${H}/a.shtml?fromage=1`, names), `${H}/a.shtml?fromage=1`);
  assert.equal(withoutParams(`${H}/a.shtml#x`, names), `${H}/a.shtml#x`);
});

test('trustedCanonical: same host (www aside), never the home page for an inner page', () => {
  assert.equal(trustedCanonical('/n/1.shtml', `${H}/n/1.shtml?from=x`), `${H}/n/1.shtml`);
  assert.equal(trustedCanonical('https://www.news.example/n/1.shtml', `${H}/n/1.shtml`), 'https://www.news.example/n/1.shtml');
  assert.equal(trustedCanonical('https://other.example/n/1.shtml', `${H}/n/1.shtml`), null);
  assert.equal(trustedCanonical(`${H}/`, `${H}/n/1.shtml`), null);
  assert.equal(trustedCanonical(`${H}/`, `${H}/?from=x`), `${H}/`);
  assert.equal(trustedCanonical(undefined, `${H}/n/1.shtml`), null);
});

test('a parameter is learned after confirmations on two different pages, not before', () => {
  const { db, learner } = setup();
  // The page names its URL less `from` as canonical: one confirmation (base n/1).
  let r = learner.observe({ url: `${H}/n/1.shtml?from=timeline`, canonical: `${H}/n/1.shtml`, contentHash: 'h1' });
  assert.deepEqual(r.learned, []);
  // The same page again, another value: still one base.
  r = learner.observe({ url: `${H}/n/1.shtml?from=list`, canonical: `${H}/n/1.shtml`, contentHash: 'h1' });
  assert.deepEqual(r.learned, []);
  assert.equal(stripLearnedParams(db, `${H}/n/9.shtml?from=a`), `${H}/n/9.shtml?from=a`);
  // Another page: pairwise by content hash (no canonicals), the URL without the parameter fetched after.
  learner.observe({ url: `${H}/n/2.shtml?from=timeline`, canonical: null, contentHash: 'h2' });
  r = learner.observe({ url: `${H}/n/2.shtml`, canonical: null, contentHash: 'h2' });
  assert.deepEqual(r.learned, [{ host: 'news.example', param: 'from', confirmations: 2 }]);
  assert.equal(stripLearnedParams(db, `${H}/n/9.shtml?from=a&x=1#top`), `${H}/n/9.shtml?x=1`);
  assert.equal(stripLearnedParams(db, `https://other.example/n/9.shtml?from=a`), `https://other.example/n/9.shtml?from=a`, 'per host');
  assert.deepEqual(learner.learned(), [{ host: 'news.example', param: 'from', confirmations: 2 }]);
  db.close();
});

test('never learned: a parameter whose values gave different canonicals or content, and content-bearing names', () => {
  const { db, learner } = setup();
  // `edition`: two confirmations, but one pair of values gave different content.
  learner.observe({ url: `${H}/n/1.shtml?edition=a`, canonical: `${H}/n/1.shtml`, contentHash: 'h1' });
  learner.observe({ url: `${H}/list?edition=a`, canonical: null, contentHash: 'l1' });
  learner.observe({ url: `${H}/list?edition=b`, canonical: null, contentHash: 'l2' });
  const r = learner.observe({ url: `${H}/n/2.shtml?edition=a`, canonical: `${H}/n/2.shtml`, contentHash: 'h2' });
  assert.deepEqual(r.learned, []);
  // `id`: different canonicals per value.
  learner.observe({ url: `${H}/show?id=1`, canonical: `${H}/show?id=1`, contentHash: 'a' });
  learner.observe({ url: `${H}/show?id=2`, canonical: `${H}/show?id=2`, contentHash: 'b' });
  // `page`: page=1 is the listing itself on two listings, but the name selects content: never learned.
  learner.observe({ url: `${H}/world?page=1`, canonical: `${H}/world`, contentHash: 'w' });
  learner.observe({ url: `${H}/china?page=1`, canonical: `${H}/china`, contentHash: 'c' });
  assert.deepEqual(learner.learned(), []);
  const states = db.prepare(`SELECT param, state FROM learned_params ORDER BY param`).all();
  assert.deepEqual(states, [{ param: 'edition', state: 'significant' }, { param: 'id', state: 'significant' }]);
  db.close();
});

test('a learned parameter contradicted later is un-learned', () => {
  const { db, learner } = setup();
  // Seen before anything was learned: a tool page with `ref`.
  learner.observe({ url: `${H}/tool?ref=x`, canonical: null, contentHash: 't1' });
  learner.observe({ url: `${H}/n/1.shtml?ref=a`, canonical: `${H}/n/1.shtml`, contentHash: 'h1' });
  const r1 = learner.observe({ url: `${H}/n/2.shtml?ref=a`, canonical: `${H}/n/2.shtml`, contentHash: 'h2' });
  assert.deepEqual(r1.learned.map((p) => p.param), ['ref']);
  // The tool page without `ref` is another page: `ref` is kept from now on.
  const r2 = learner.observe({ url: `${H}/tool`, canonical: null, contentHash: 't2' });
  assert.deepEqual(r2.unlearned, [{ host: 'news.example', param: 'ref' }]);
  assert.deepEqual(learner.learned(), []);
  assert.equal(stripLearnedParams(db, `${H}/n/9.shtml?ref=a`), `${H}/n/9.shtml?ref=a`);
  db.close();
});

test('learning turns queued variants into aliases of their plain URL; a fetched variant hands its page to the canonical', () => {
  const { db, frontier, learner } = setup();
  frontier.add({ url: `${H}/n/3.shtml?from=timeline`, source: 's', depth: 1 });
  frontier.add({ url: `${H}/n/4.shtml?from=timeline`, source: 's', depth: 1 });
  frontier.add({ url: `${H}/n/4.shtml`, source: 's', depth: 2 });
  learner.observe({ url: `${H}/n/1.shtml?from=timeline`, canonical: `${H}/n/1.shtml`, contentHash: 'h1' });
  const r = learner.observe({ url: `${H}/n/2.shtml?from=timeline`, canonical: `${H}/n/2.shtml`, contentHash: 'h2' });
  assert.equal(r.learned.length, 1);
  assert.equal(r.aliased, 2);
  const rows = db.prepare(`SELECT url, state, alias_of FROM frontier ORDER BY url`).all();
  assert.deepEqual(rows, [
    { url: `${H}/n/3.shtml`, state: 'queued', alias_of: null },
    { url: `${H}/n/3.shtml?from=timeline`, state: 'done', alias_of: `${H}/n/3.shtml` },
    { url: `${H}/n/4.shtml`, state: 'queued', alias_of: null },
    { url: `${H}/n/4.shtml?from=timeline`, state: 'done', alias_of: `${H}/n/4.shtml` },
  ]);

  // A variant of an unlearned parameter, fetched, whose page is n/5: the canonical row takes the fetch over.
  frontier.add({ url: `${H}/n/5.shtml?src=x`, source: 's', depth: 1 });
  frontier.add({ url: `${H}/n/5.shtml`, source: 's', depth: 2 });
  // Held by this frontier, as its claim would have left it: an alias finish changes only a row its worker holds.
  db.prepare(`UPDATE frontier SET state='in_flight', lease_worker=? WHERE url=?`).run(frontier.worker, `${H}/n/5.shtml?src=x`);
  frontier.finishAsAlias(`${H}/n/5.shtml?src=x`, `${H}/n/5.shtml`, {
    state: 'done', outcome: 'snapshot-new', status: 200, snapshotId: 'S5', nextRevisitAt: 123, source: 's', depth: 1,
  });
  const variant = db.prepare(`SELECT state, alias_of, snapshot_id, next_revisit_at, outcome FROM frontier WHERE url=?`).get(`${H}/n/5.shtml?src=x`);
  assert.deepEqual(variant, { state: 'done', alias_of: `${H}/n/5.shtml`, snapshot_id: 'S5', next_revisit_at: null, outcome: `alias-of:${H}/n/5.shtml` });
  const canonical = db.prepare(`SELECT state, snapshot_id, next_revisit_at FROM frontier WHERE url=?`).get(`${H}/n/5.shtml`);
  assert.deepEqual(canonical, { state: 'done', snapshot_id: 'S5', next_revisit_at: 123 });
  db.close();
});
