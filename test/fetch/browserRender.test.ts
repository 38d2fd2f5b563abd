import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import { decideRender, HttpFetcher } from '../../src/fetch/index.js';
import { FetchError } from '../../src/util/errors.js';
import { articleFixture } from '../fixtures/browser/site.js';
import { browserSite, captureLogger, CHROMIUM_SKIP, loopbackBrowser, TEST_UA } from '../fixtures/browser/harness.js';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function httpFetcher(): HttpFetcher {
  const fetcher = new HttpFetcher({ userAgent: TEST_UA, allowPrivate: true, retries: 0 });
  after(() => fetcher.close());
  return fetcher;
}

describe('browser rendering of script-built pages', { skip: CHROMIUM_SKIP }, () => {
  test('http gets no article; browser and auto get the full article with title and date', async () => {
    const site = await browserSite({ scriptDelayMs: 250 });
    const { logger } = captureLogger();
    const browser = loopbackBrowser({ logger });
    const expected = articleFixture(1);
    const url = `${site.url}/js/1`;

    // render: http — the shell only.
    const viaHttp = await httpFetcher().fetch(url);
    const httpArticle = extractArticle(viaHttp.body.toString('utf8'), { url });
    assert.equal(httpArticle.body.includes(expected.paragraphs[0]), false, 'http must not see the article text');
    assert.notEqual(httpArticle.title, expected.title);

    // render: auto — the HTTP page is judged an app shell, so the browser is used, and why is recorded.
    const decision = decideRender('auto', viaHttp.body.toString('utf8'));
    assert.equal(decision.mode, 'browser');
    assert.match(decision.reason, /^auto: app shell: .*#root is empty.*<noscript> asks for JavaScript/);

    // render: browser
    const rendered = await browser.render(url);
    const article = extractArticle(rendered.html, { url: rendered.document.finalUrl });
    assert.equal(article.title, expected.title);
    assert.equal(article.publishedAt, expected.publishedAt);
    for (const paragraph of expected.paragraphs) assert.ok(article.body.includes(paragraph), `body has: ${paragraph.slice(0, 40)}…`);
    // On a starved machine the network can look idle before the script's fetch: then #root is waited for.
    assert.match(rendered.wait.settled, /^(network-idle|root-filled)$/);
    assert.equal(rendered.attempts, 1);

    // The main document is archived as received: the same bytes the HTTP fetch got.
    assert.equal(rendered.document.status, 200);
    assert.ok(rendered.document.body.equals(viaHttp.body), 'document body bytes identical to the HTTP fetch');
    assert.equal(rendered.document.truncated, false);
    assert.equal(rendered.document.remoteAddress, '127.0.0.1');
    assert.equal(rendered.document.requestHeaders['user-agent'], TEST_UA);
    assert.equal(rendered.document.requestHeaders['accept-encoding'], 'identity', 'the document is asked for uncompressed, like HTTP');

    // Sub-resources with exact bodies, same User-Agent, for the WARC.
    const byPath = new Map(rendered.resources.map((r) => [new URL(r.url).pathname, r]));
    for (const path of ['/app.js', '/api/article/1', '/site.css', '/img/1.svg']) assert.ok(byPath.has(path), `resource ${path} kept`);
    const api = byPath.get('/api/article/1')!;
    assert.equal(JSON.parse(api.body.toString('utf8')).title, expected.title);
    assert.equal(api.resourceType, 'fetch');
    assert.equal(api.requestHeaders['user-agent'], TEST_UA);
    assert.ok(rendered.screenshot?.subarray(0, 8).equals(PNG_MAGIC), 'screenshot is a PNG');
  });

  test('auto keeps http for a server-rendered page', async () => {
    const site = await browserSite();
    const page = await httpFetcher().fetch(`${site.url}/static/2`);
    const decision = decideRender('auto', page.body.toString('utf8'));
    assert.equal(decision.mode, 'http');
    assert.match(decision.reason, /^auto: server-rendered content/);
  });

  test('a wait selector ends the wait as soon as the article is in', async () => {
    const site = await browserSite({ scriptDelayMs: 200 });
    const rendered = await loopbackBrowser().render(`${site.url}/js/3`, { waitForSelector: 'article p', screenshot: false });
    assert.equal(rendered.wait.settled, 'selector');
    assert.equal(extractArticle(rendered.html, { url: `${site.url}/js/3` }).title, articleFixture(3).title);
    assert.equal(rendered.screenshot, undefined);
  });

  test('an app that waits longer than the network-idle window is still captured once its #root fills', async () => {
    // The script sleeps 2.5 s before fetching: Chromium reports the network idle (500 ms quiet) first.
    const site = await browserSite({ scriptDelayMs: 2_500 });
    const rendered = await loopbackBrowser().render(`${site.url}/js/4`, { screenshot: false });
    assert.equal(rendered.wait.settled, 'root-filled');
    assert.match(rendered.wait.reason, /^network idle after DOMContentLoaded; then waited for #root to be filled$/);
    const article = extractArticle(rendered.html, { url: `${site.url}/js/4` });
    assert.equal(article.title, articleFixture(4).title);
    assert.ok(article.body.includes(articleFixture(4).paragraphs[3]));
    const paths = rendered.resources.map((r) => new URL(r.url).pathname);
    assert.ok(paths.includes('/img/4.svg'), `the image the app inserted is archived too: ${paths.join(', ')}`);
  });

  test('a #root that never fills costs at most the idle cap more, and the reason says so', async () => {
    const site = await browserSite({ scriptDelayMs: 60_000 });
    const started = Date.now();
    const rendered = await loopbackBrowser({ timeLimitMs: 30_000 }).render(`${site.url}/js/5`, { screenshot: false, networkIdleCapMs: 2_000 });
    assert.equal(rendered.wait.settled, 'network-idle');
    assert.match(rendered.wait.reason, /; #root still empty after 2000 ms more$/);
    assert.ok(Date.now() - started < 15_000, 'bounded by the idle cap, not the 30 s time limit');
  });

  test('a body the server compressed anyway is archived decoded, its encoding headers renamed', async () => {
    const site = await browserSite();
    const rendered = await loopbackBrowser().render(`${site.url}/gzip`, { screenshot: false });
    const names = rendered.document.rawHeaders.map(([name]) => name);
    assert.ok(names.includes('X-Archive-Orig-Content-Encoding') && names.includes('X-Archive-Orig-Content-Length'), names.join(', '));
    assert.ok(!names.some((n) => /^content-(encoding|length)$/i.test(n)));
    assert.ok(rendered.document.body.toString('utf8').startsWith('<!doctype html>'), 'body is the decoded page');
    assert.equal(extractArticle(rendered.html, { url: `${site.url}/gzip` }).title, articleFixture(9).title);
  });

  test('aborting a render (a run that must stop) ends it at once, without blaming the browser', async () => {
    const site = await browserSite();
    const browser = loopbackBrowser({ timeLimitMs: 20_000 });
    const started = Date.now();
    await assert.rejects(browser.render(`${site.url}/never`, { signal: AbortSignal.timeout(800) }), (err: unknown) => {
      assert.ok(err instanceof FetchError, String(err));
      assert.equal(err.kind, 'timeout');
      assert.equal(err.url, `${site.url}/never`);
      return true;
    });
    assert.ok(Date.now() - started < 5_000, `stopped soon after the abort (${Date.now() - started} ms)`);
    const next = await browser.render(`${site.url}/static/1`, { screenshot: false });
    assert.equal(next.attempts, 1);
    assert.equal(browser.restarts, 0);
  });

  test('a page that never stops loading ends at the time limit with a logged reason, keeping what rendered', async () => {
    const site = await browserSite();
    const { logger, lines } = captureLogger();
    const browser = loopbackBrowser({ logger });
    // Chromium launched first: on a loaded 2-core machine its start alone can use up the 2 s under test (seen once:
    // "no response within the 2000 ms time limit"), which says nothing about a page that never ends.
    await browser.render(`${site.url}/`);
    const started = Date.now();
    const rendered = await browser.render(`${site.url}/never`, { timeLimitMs: 2_000 });
    const took = Date.now() - started;
    assert.ok(took < 2_000 + 5_000, `ended soon after the limit (took ${took} ms)`);
    assert.equal(rendered.wait.settled, 'time-limit');
    assert.equal(rendered.wait.domContentLoaded, false);
    assert.match(rendered.wait.reason, /time limit of 2000 ms reached before DOMContentLoaded/);
    assert.ok(rendered.html.includes('Partial page'), 'what had rendered is kept');
    assert.equal(rendered.document.truncated, true, 'the unfinished document body is marked truncated');
    const logged = lines.find((l) => l.msg === 'render stopped at the time limit');
    assert.ok(logged, 'the stop was logged');
    assert.equal(logged.url, `${site.url}/never`);
    assert.match(String(logged.reason), /time limit of 2000 ms/);
  });
});
