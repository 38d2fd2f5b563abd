import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { detectChallenge } from '../../src/crawler/health.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { pino } from 'pino';
import { startTestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';
import { DRIFT_PARAGRAPHS, driftArticlePage } from '../fixtures/drift-article.js';

function captureLogger() {
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  return { logger: pino({ level: 'warn' }, destination), lines };
}

test('extraction drift: a redesign that loses dates and titles is flagged against the last runs, and fill-rates are reported per source', async () => {
  let run = 1;
  const PER_RUN = 4;
  const server = await startTestServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/robots.txt') return void res.writeHead(404).end();
    if (url === '/') {
      const links = Array.from({ length: PER_RUN }, (_, i) => `<li><a href="/a/r${run}-${i + 1}">Story ${run}-${i + 1}</a></li>`).join('');
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body><ul>${links}</ul></body></html>`);
    }
    const m = /^\/a\/r(\d+)-(\d+)$/.exec(url);
    if (!m) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(driftArticlePage(`r${m[1]}-${m[2]}`, Number(m[2]), Number(m[1]) >= 3));
  });
  const store = tempDir();
  const source = {
    name: 'bridge',
    seeds: [`${server.url}/`],
    articlePattern: '/a/r\\d+-\\d+$',
    maxDepth: 1,
    politeness: { delayMs: 0, perHostConcurrency: 2 },
    allowPrivate: true,
    health: { driftMargin: 0.2, minArticles: 3 },
  };
  try {
    const reports = [];
    const logs = [];
    for (run = 1; run <= 3; run++) {
      const { logger, lines } = captureLogger();
      reports.push(await crawlOnce(store, [source], { logger }));
      logs.push(lines);
    }
    const [r1, r2, r3] = reports;
    for (const r of reports) assert.equal(r!.status, 'completed');
    assert.deepEqual(r1!.perSource.bridge, {
      fetched: 4,
      stored: 4,
      filled: { title: 4, publishedAt: 4, author: 4, source: 0, body: 4 },
      fill: { title: 1, publishedAt: 1, author: 1, source: 0, body: 1 },
    });
    assert.deepEqual(r1!.drift, []);
    assert.deepEqual(r2!.drift, [], JSON.stringify(r2!.drift));
    const fields = r3!.drift.map((d) => d.field).sort();
    assert.ok(fields.includes('publishedAt'), JSON.stringify(r3!.drift));
    assert.ok(fields.includes('title'), `a generic title shared by every article is a missing title: ${JSON.stringify(r3!.drift)}`);
    assert.ok(!fields.includes('body'), 'the body is still found');
    const date = r3!.drift.find((d) => d.field === 'publishedAt')!;
    assert.deepEqual(date, { source: 'bridge', field: 'publishedAt', before: 1, now: 0 });
    assert.equal(r3!.perSource.bridge!.stored, 4);
    const warn = logs[2]!.find((l) => l.msg.startsWith('extraction drift on source bridge: publishedAt'));
    assert.ok(warn, JSON.stringify(logs[2]));
    assert.equal(warn.msg, 'extraction drift on source bridge: publishedAt 1.00 → 0.00; the site may have been redesigned');
    assert.equal(warn.level, 40);
    assert.ok(!logs[1]!.some((l) => l.msg.startsWith('extraction drift')));
    // The run report in the runs table carries it too (it is the next run's baseline).
    const db = openStoreDatabase(store, { readonly: true });
    const saved = db.prepare('SELECT summary FROM runs WHERE id = ?').get(r3!.runId) as { summary: string };
    db.close();
    assert.equal(JSON.parse(saved.summary).drift.length, r3!.drift.length);
  } finally {
    await server.close();
  }
});

test('challenge pages and bot walls are counted as blocked, never stored, and retried later', async () => {
  const article = driftArticlePage('ok', 1, false);
  const server = await startTestServer((req, res) => {
    switch (req.url) {
      case '/robots.txt':
        return void res.writeHead(404).end();
      case '/':
        return void res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<html><body><a href="/a/1">one</a> <a href="/a/2">two</a> <a href="/a/3">three</a> <a href="/a/4">four</a></body></html>');
      case '/a/1': // a 200 "Just a moment..." interstitial
        return void res.writeHead(200, { 'content-type': 'text/html' }).end(
          `<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div id="cf-chl-widget">Checking your browser before accessing the site.</div>
          <script>window._cf_chl_opt={cvId:'3'};</script></body></html>`,
        );
      case '/a/2': // a 503 with a challenge script
        return void res.writeHead(503, { 'content-type': 'text/html' }).end(
          `<html><head><title>Attention</title></head><body><noscript>Enable JavaScript</noscript>
          <script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=1"></script></body></html>`,
        );
      case '/a/3': // a Chinese slider check
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
          '<html><head><title>安全验证</title></head><body><p>请完成下方滑动验证后继续访问</p><div id="nc"></div></body></html>',
        );
      case '/a/4':
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article);
      default:
        return void res.writeHead(404).end();
    }
  });
  const store = tempDir();
  try {
    const summary = await crawlOnce(
      store,
      [{ name: 'walls', seeds: [`${server.url}/`], articlePattern: '/a/\\d+$', maxDepth: 1, politeness: { delayMs: 0 }, allowPrivate: true }],
      {},
      { fetch: { retries: 0 } },
    );
    assert.equal(summary.failed.blocked, 3, JSON.stringify(summary.failed));
    assert.equal(summary.failed['http-503'], undefined);
    assert.equal(summary.snapshots.new, 1);
    assert.deepEqual(
      summary.blockedExamples.map((e) => [new URL(e.url).pathname, e.status, e.marker]).sort(),
      [
        ['/a/1', 200, 'cf-chl'],
        ['/a/2', 503, 'challenge-platform'],
        ['/a/3', 200, '安全验证'],
      ],
    );
    assert.equal(summary.perSource.walls!.stored, 1);
    const snapshots = SnapshotStore.open(store);
    try {
      assert.deepEqual(snapshots.list().map((s) => new URL(s.url).pathname), ['/a/4']);
    } finally {
      snapshots.close();
    }
    const db = openStoreDatabase(store, { readonly: true });
    const rows = db
      .prepare(`SELECT url, state, outcome, next_revisit_at AS next FROM frontier WHERE outcome = 'blocked' ORDER BY url`)
      .all() as { url: string; state: string; next: number | null }[];
    db.close();
    assert.equal(rows.length, 3);
    for (const r of rows) {
      assert.equal(r.state, 'failed');
      assert.ok(typeof r.next === 'number' && r.next > Date.now(), `${r.url} is retried by a later run`);
    }
  } finally {
    await server.close();
  }
});

test('detectChallenge: markers count on tiny pages and error statuses, not in real articles', () => {
  const html = (s: string, status = 200) => ({ status, headers: { 'content-type': 'text/html' }, body: Buffer.from(s) });
  assert.equal(detectChallenge(html('<html><body><div id="px-captcha"></div></body></html>', 403)), 'px-captcha');
  assert.equal(detectChallenge(html('<html><body>Please solve the captcha</body></html>')), 'captcha');
  const longArticle = `<html><body><article>${DRIFT_PARAGRAPHS.join(' ').repeat(6)} A new captcha study.</article>
    <script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script></body></html>`;
  assert.equal(detectChallenge(html(longArticle)), null, 'Cloudflare injects challenge-platform into normal pages too');
  assert.equal(detectChallenge(html('<html><body>Service Unavailable</body></html>', 503)), null, 'a plain 503 is an HTTP failure');
  const brief = `<html><body><article><h1>Brief</h1><p>${DRIFT_PARAGRAPHS.join(' ')}</p></article><form><div class="g-recaptcha"></div></form></body></html>`;
  assert.equal(detectChallenge(html(brief)), null, 'a short article with a reCAPTCHA comment form is no challenge');
  assert.equal(detectChallenge(html(brief, 403)), 'captcha', 'the same markers on a 403 are a bot wall');
  assert.equal(detectChallenge({ status: 200, headers: { 'content-type': 'application/rss+xml' }, body: Buffer.from('<rss>captcha</rss>') }), null);
});

test('detectChallenge: Chinese slider checks are found in UTF-8, GBK and UTF-16 bytes; plain pages in any of them are not', async () => {
  const { default: iconv } = await import('iconv-lite');
  const page = '<html><head><meta charset="{cs}"><title>安全验证</title></head><body><p>请拖动滑块完成验证</p></body></html>';
  const plain = '<html><head><meta charset="{cs}"><title>新闻</title></head><body><p>今天的新闻。</p></body></html>';
  for (const [charset, encode] of [
    ['utf-8', (s: string) => Buffer.from(s, 'utf8')],
    ['gbk', (s: string) => iconv.encode(s, 'gbk')],
    ['utf-16le', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, 'utf-16le')])],
  ] as const) {
    const res = (s: string, status: number) => ({ status, headers: { 'content-type': 'text/html' }, body: encode(s.replace('{cs}', charset)) });
    assert.equal(detectChallenge(res(page, 200)), '安全验证', `${charset} challenge page`);
    assert.equal(detectChallenge(res(page, 403)), '安全验证', `${charset} challenge on a 403`);
    assert.equal(detectChallenge(res(plain, 200)), null, `${charset} ordinary page`);
  }
});
