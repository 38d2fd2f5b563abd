import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { extractArticle } from '../../src/extract/index.js';
import { articleFixture } from '../fixtures/browser/site.js';
import { browserSite, captureLogger, CHROMIUM_SKIP, loopbackBrowser } from '../fixtures/browser/harness.js';

/** Waits until the fetcher has a browser running and returns its pid. */
async function runningPid(pid: () => number | undefined): Promise<number> {
  const deadline = Date.now() + 30_000; // the launch timeout: a starved machine starts Chromium slowly
  while (Date.now() < deadline) {
    const value = pid();
    if (value !== undefined) return value;
    await sleep(20);
  }
  throw new Error('browser never started');
}

function titleOf(html: string, url: string): string | undefined {
  return extractArticle(html, { url }).title;
}

describe('browser restarts', { skip: CHROMIUM_SKIP }, () => {
  test('a browser killed mid-render is restarted, the page retried, and later renders succeed', async () => {
    const site = await browserSite({ scriptDelayMs: 100, apiDelayMs: 1_000 });
    const { logger, lines } = captureLogger();
    const browser = loopbackBrowser({ logger, maxPages: 2 });
    const url = `${site.url}/js/4`;

    const pending = browser.render(url);
    const firstPid = await runningPid(() => browser.browserPid());
    // The page is waiting for its script's slow fetch: kill the whole browser under it.
    await sleep(500);
    process.kill(firstPid, 'SIGKILL');
    const rendered = await pending;

    assert.equal(rendered.attempts, 2, 'the page was retried once');
    assert.equal(titleOf(rendered.html, url), articleFixture(4).title);
    assert.equal(browser.restarts, 1);
    assert.notEqual(browser.browserPid(), firstPid);
    assert.ok(lines.some((l) => l.msg === 'browser failed mid-render; retrying on a fresh browser' && l.failure === 'crashed'));

    const next = await browser.render(`${site.url}/static/5`);
    assert.equal(next.attempts, 1);
    assert.equal(titleOf(next.html, `${site.url}/static/5`), articleFixture(5).title);
  });

  test('a browser that died between pages is replaced on the next render', async () => {
    const site = await browserSite();
    const browser = loopbackBrowser();
    await browser.render(`${site.url}/static/1`, { screenshot: false });
    const pid = await runningPid(() => browser.browserPid());
    process.kill(pid, 'SIGKILL');
    // The pool notices the disconnect on its own; wait for that rather than a guessed interval.
    for (const deadline = Date.now() + 30_000; browser.browserPid() !== undefined && Date.now() < deadline; ) await sleep(20);
    assert.equal(browser.browserPid(), undefined, 'the dead browser was noticed');
    const rendered = await browser.render(`${site.url}/static/2`, { screenshot: false });
    assert.equal(rendered.attempts, 1, 'no failed attempt: the dead browser was noticed before use');
    assert.equal(browser.restarts, 1);
    assert.equal(titleOf(rendered.html, `${site.url}/static/2`), articleFixture(2).title);
  });

  test('a hung browser (stopped process) is detected past the time limit, killed and the page retried', async () => {
    const site = await browserSite({ scriptDelayMs: 100, apiDelayMs: 500 });
    const { logger, lines } = captureLogger();
    const browser = loopbackBrowser({ logger, timeLimitMs: 2_000 });
    const url = `${site.url}/js/6`;
    const pending = browser.render(url);
    const pid = await runningPid(() => browser.browserPid());
    await sleep(300);
    process.kill(pid, 'SIGSTOP');
    const started = Date.now();
    const rendered = await pending;
    assert.equal(rendered.attempts, 2, 'retried on a fresh browser');
    assert.equal(rendered.document.status, 200);
    const detected = lines.find((l) => l.msg === 'browser failed mid-render; retrying on a fresh browser' && l.failure === 'hung');
    assert.ok(detected, 'the hang was logged');
    // Detection = time limit (2 s) + probe delay and timeout (~4 s) + slack; the relaunch after it is not timed.
    // Waiting out every capture step instead would take CAPTURE_GRACE_MS (35 s) past the limit.
    const detectedAfterMs = Number(detected.time) - started;
    assert.ok(detectedAfterMs < 12_000, `hang detected ${detectedAfterMs} ms after the browser stopped`);
    assert.equal(browser.restarts, 1);
    // The short limit was for detecting the hang quickly; with room to load, the new browser renders it all.
    const again = await browser.render(url, { timeLimitMs: 15_000 });
    assert.equal(again.attempts, 1);
    assert.equal(titleOf(again.html, url), articleFixture(6).title);
  });
});
