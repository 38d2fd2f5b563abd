import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunSummary } from '../../src/crawler/index.js';
import { normalizeUrl } from '../../src/frontier/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { startTestServer, type TestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

/*
 * A hostile site (issue 10, point 6): an endless calendar — every month page links the previous and next month
 * and its own next page, forever — and a listing whose "next page" never ends, beside eight real articles. The
 * source has no exclude patterns, no articlePattern and a page budget far larger than the site: only the
 * crawler's own template trap rules can stop it.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const THIS_MONTH = { y: now.getUTCFullYear(), m: now.getUTCMonth() + 1 };
const monthPath = (y: number, m: number) => {
  const d = new Date(Date.UTC(y, m - 1, 1));
  return `/calendar/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}`;
};

const PARAGRAPH =
  '<p>The city council approved the new bus routes on Tuesday after a long debate, saying they would serve the ' +
  'main residential districts, schools and hospitals, and ease the pressure on the roads at rush hour.</p>';
const articlePath = (i: number) => `/news/2026/11/${pad(i)}/${100000 + i}.html`;
/** Articles 1–6 are on the listing; 7 is linked only from 6, and 8 only from 7 (found through related links). */
const ARTICLES = [1, 2, 3, 4, 5, 6, 7, 8];
const related = (i: number): number[] => (i === 6 ? [7, 1] : i === 7 ? [8, 2] : i === 8 ? [1] : [((i % 6) + 1), (((i + 1) % 6) + 1)]);

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

function articleHtml(i: number): string {
  const links = related(i).map((r) => `<li><a href="${articlePath(r)}">Related story ${r}</a></li>`).join('');
  return page(
    `Bus routes story ${i}`,
    `<nav><a href="/">Home</a> <a href="/news/">News</a> <a href="${monthPath(THIS_MONTH.y, THIS_MONTH.m)}">Calendar</a></nav>
<article><h1>Bus routes story ${i}</h1><p class="byline">By Staff · <time datetime="2026-11-${pad(i)}T08:00:00Z">2026-11-${pad(i)}</time></p>
${PARAGRAPH.repeat(4)}</article><aside><ul>${links}</ul></aside>`,
  );
}

function listingHtml(p: number): string {
  // Pages 1 and 2 list the articles; from page 3 on there is nothing left, but "next" never ends.
  const items = p <= 2 ? [1, 2, 3].map((k) => (p - 1) * 3 + k) : [];
  const next = `<a href="/news/?page=${p + 1}">Next</a>`;
  const prev = p > 1 ? `<a href="${p === 2 ? '/news/' : `/news/?page=${p - 1}`}">Previous</a>` : '';
  return page(`News, page ${p}`, `<h1>News</h1><ul>${items.map((i) => `<li><a href="${articlePath(i)}">Story ${i}</a></li>`).join('')}</ul>${prev} ${next}`);
}

function calendarHtml(y: number, m: number, p: number): string {
  const base = monthPath(y, m);
  return page(
    `Events ${y}-${pad(m)}, page ${p}`,
    `<h1>Events in ${y}-${pad(m)}</h1><ul><li><a href="${articlePath(1)}">Story 1</a></li></ul>
<a href="${monthPath(y, m - 1)}">Previous month</a> <a href="${monthPath(y, m + 1)}">Next month</a>
${p > 1 ? `<a href="${base}?page=${p - 1}">Previous page</a>` : ''} <a href="${base}?page=${p + 1}">Next page</a>`,
  );
}

describe('an endless calendar and an endless listing, crawled with no configuration for them', () => {
  let server: TestServer;
  let summary: RunSummary;
  const storeDir = tempDir();

  before(async () => {
    server = await startTestServer((req, res) => {
      const send = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      const u = new URL(req.url ?? '/', 'http://x');
      if (u.pathname === '/') {
        return send(
          page(
            'Home',
            `<a href="/news/">News</a> <a href="${monthPath(THIS_MONTH.y, THIS_MONTH.m)}">Events this month</a>
<a href="/calendar/2031/07">Events in July 2031</a> <a href="${articlePath(1)}">Top story</a>`,
          ),
        );
      }
      if (u.pathname === '/news/') return send(listingHtml(Number(u.searchParams.get('page') ?? '1') || 1));
      const cal = /^\/calendar\/(\d{4})\/(\d{2})$/.exec(u.pathname);
      if (cal) return send(calendarHtml(Number(cal[1]), Number(cal[2]), Number(u.searchParams.get('page') ?? '1') || 1));
      const art = /^\/news\/2026\/11\/\d{2}\/(\d+)\.html$/.exec(u.pathname);
      const i = art ? Number(art[1]) - 100000 : 0;
      if (ARTICLES.includes(i) && u.pathname === articlePath(i)) return send(articleHtml(i));
      res.writeHead(404).end();
    });
    summary = await crawlOnce(storeDir, [
      {
        name: 'hostile',
        seeds: [`${server.url}/`],
        maxDepth: 100,
        maxPages: 2000,
        politeness: { delayMs: 0, perHostConcurrency: 4 },
        allowPrivate: true,
      },
    ]);
  });
  after(() => server.close());

  const paths = () => server.requests.map((r) => r.replace(/^GET /, ''));

  test('the calendar is cut within 50 pages, and a calendar in 2031 after its first page', () => {
    const calendar = paths().filter((p) => p.startsWith('/calendar/'));
    assert.ok(calendar.length > 0 && calendar.length <= 50, `calendar pages fetched: ${calendar.length}`);
    assert.deepEqual(
      calendar.filter((p) => p.startsWith('/calendar/2031/')),
      ['/calendar/2031/07'],
      'no month in 2031 past the one linked from the home page',
    );
  });

  test('the endless listing is cut after maxTemplateChain hops', () => {
    const listing = paths().filter((p) => p === '/news/' || p.startsWith('/news/?'));
    assert.ok(listing.length >= 3 && listing.length <= 11, `listing pages fetched: ${listing.length}`);
  });

  test('every real article is captured, including those found only through related links', () => {
    const store = SnapshotStore.open(storeDir, { readonly: true });
    try {
      const missing = ARTICLES.filter((i) => !store.latestFor(normalizeUrl(`${server.url}${articlePath(i)}`)!));
      assert.deepEqual(missing, []);
    } finally {
      store.close();
    }
  });

  test('the run stops by itself, far below its page budget, and reports the template caps', () => {
    assert.ok(summary.fetched < 100, `fetched ${summary.fetched}`);
    assert.equal(summary.queuedLeft, 0);
    assert.ok((summary.limitsHit.maxTemplateChain ?? 0) > 0, JSON.stringify(summary.limitsHit));
    assert.ok((summary.limitsHit.implausibleDate ?? 0) > 0, JSON.stringify(summary.limitsHit));
  });
});
