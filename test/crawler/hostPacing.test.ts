import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SourceConfig } from '../../src/config/index.js';
import { HostPacing } from '../../src/crawler/hostPacing.js';
import type { Frontier } from '../../src/frontier/index.js';

const source = { politeness: { delayMs: 120 } } as SourceConfig;
const noFrontier = { deferHost: () => undefined } as unknown as Frontier;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('the next start is spaced from when the previous request went out, not from when its wait ended', async () => {
  const pacing = new HostPacing(noFrontier);
  await pacing.waitForHost('h', source);
  // The event loop was busy (another page processed on this thread): the request left 90 ms after its wait ended.
  await sleep(90);
  pacing.requestSent('h');
  const sentAt = Date.now();
  await pacing.waitForHost('h', source);
  assert.ok(Date.now() - sentAt >= 118, `next start ${Date.now() - sentAt} ms after the request went out`);
});

test('a request sent to another host leaves this host\'s spacing alone', async () => {
  const pacing = new HostPacing(noFrontier);
  await pacing.waitForHost('h', source);
  const t0 = Date.now();
  await sleep(90);
  pacing.requestSent('other');
  await pacing.waitForHost('h', source);
  assert.ok(Date.now() - t0 < 200, `waited ${Date.now() - t0} ms`);
});
