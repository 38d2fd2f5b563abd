import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CHAIN_BUDGET_FACTOR, TrapGuard, urlTemplate, type TrapGuardOptions } from '../../src/crawler/trapGuard.js';
import { normalizeUrl } from '../../src/frontier/index.js';

const limits = { maxUrlLength: 80, maxRepeatedSegments: 2, maxQueryParams: 3, maxQueryVariants: 3, maxTemplateChain: 10 };
const defaults = { maxUrlLength: 2048, maxRepeatedSegments: 3, maxQueryParams: 12, maxQueryVariants: 100, maxTemplateChain: 10 };
const NOW = new Date('2026-12-04T12:00:00Z');
const X = 'http://x.example';

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

test('a URL template masks digit runs and drops sequence parameters; ids and non-numeric parameters stay', () => {
  assert.equal(urlTemplate(`${X}/calendar/2031/07`), 'x.example/calendar/#/#');
  assert.equal(urlTemplate(`${X}/calendar/2031/07?page=3`), 'x.example/calendar/#/#', 'page 1 and page N: one template');
  assert.equal(urlTemplate(`${X}/archive/2024-05-06/`), 'x.example/archive/#-#-#/');
  assert.equal(urlTemplate(`${X}/news/2024/05/06/100123.html`), 'x.example/news/#/#/#/#.html');
  assert.equal(urlTemplate(`${X}/zh/guonei/202510/01/t20251001_404404.html`), 'x.example/zh/guonei/#/#/t#_#.html');
  assert.equal(urlTemplate(`${X}/list?offset=40&sort=desc`), 'x.example/list?sort=desc');
  assert.equal(urlTemplate(`${X}/events?date=20250101`), 'x.example/events', 'a date value is a sequence whatever its name');
  assert.equal(urlTemplate(`${X}/index.php?cat=3&page=2`), 'x.example/index.php?cat=#');
  assert.equal(urlTemplate(`${X}/index.php?id=55`), 'x.example/index.php?id=#', 'an id parameter keeps its own template');
  assert.equal(urlTemplate(`${X}/?p=123`), 'x.example/?p=#', 'WordPress post ids are not pagination');
  assert.equal(urlTemplate(`${X}/cal/2031/07?page=2&utm_source=feed`), 'x.example/cal/#/#', 'tracking parameters never split a template');
  assert.equal(urlTemplate('mailto:a@b.c'), null);
});

/**
 * A miniature crawl driving the guard the way LinkIntake does: breadth first, each URL's lineage is its first
 * discovery path, a URL already known is passed as known. `links(url)` is the page's outlinks.
 */
function crawl(
  seeds: string[],
  links: (url: string) => string[],
  opts: { maxPages?: number; isArticle?: (url: string) => boolean; guard?: Partial<TrapGuardOptions>; maxTemplateChain?: number } = {},
) {
  const parent = new Map<string, string | null>();
  const queue: string[] = [];
  for (const s of seeds) {
    const n = normalizeUrl(s)!;
    parent.set(n, null);
    queue.push(n);
  }
  const refused: Record<string, number> = {};
  const capped: string[] = [];
  const g = new TrapGuard(
    { ...defaults, maxTemplateChain: opts.maxTemplateChain ?? 10 },
    { now: NOW, isKnown: (u) => parent.has(u), onTemplateCapped: (t, limit) => capped.push(`${limit} ${t}`), ...opts.guard },
  );
  const fetched: string[] = [];
  while (queue.length > 0 && fetched.length < (opts.maxPages ?? 5000)) {
    const url = queue.shift()!;
    fetched.push(url);
    const lineage: string[] = [];
    for (let u: string | null | undefined = url; u; u = parent.get(u)) lineage.push(u);
    const origin = g.foundOn(lineage, opts.isArticle);
    for (const link of links(url)) {
      const broken = g.check(link, origin);
      if (broken) {
        refused[broken] = (refused[broken] ?? 0) + 1;
        continue;
      }
      const n = normalizeUrl(link)!;
      if (parent.has(n)) continue;
      parent.set(n, url);
      queue.push(n);
    }
  }
  return { fetched, refused, capped, known: parent };
}

const pad = (n: number) => String(n).padStart(2, '0');
const month = (y: number, m: number) => {
  const d = new Date(Date.UTC(y, m - 1, 1));
  return `${X}/calendar/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}`;
};

describe('template traps', () => {
  test('500 articles of one template found on a few listing pages are all admitted', () => {
    const article = (i: number) => `${X}/news/2024/05/06/${100000 + i}.html`;
    const listing = (p: number) => (p === 1 ? `${X}/news/` : `${X}/news/?page=${p}`);
    const { fetched, refused } = crawl([`${X}/`], (url) => {
      const u = new URL(url);
      if (u.pathname === '/') return [listing(1)];
      if (u.pathname === '/news/') {
        const p = Number(u.searchParams.get('page') ?? '1');
        const items = Array.from({ length: 100 }, (_, i) => article((p - 1) * 100 + i));
        return p < 5 ? [...items, listing(p + 1)] : items;
      }
      // Each article links five related articles of the same template, and back to the listing.
      const id = Number(/(\d+)\.html$/.exec(u.pathname)![1]) - 100000;
      return [...[1, 2, 3, 4, 5].map((k) => article((id + k * 37) % 500)), listing(1)];
    });
    const articles = fetched.filter((u) => u.endsWith('.html'));
    assert.equal(articles.length, 500);
    assert.deepEqual(refused, {});
  });

  test('articles found only through related-article links are not capped when articlePattern declares them', () => {
    // A listing shows 10 articles; the rest are reachable only article to article, 60 hops deep.
    const article = (i: number) => `${X}/news/${1000000 + i}.shtml`;
    const isArticle = (u: string) => /\/news\/\d+\.shtml$/.test(u);
    const links = (url: string) => {
      if (new URL(url).pathname === '/') return Array.from({ length: 10 }, (_, i) => article(i));
      const id = Number(/(\d+)\.shtml$/.exec(url)![1]) - 1000000;
      return id + 10 < 600 ? [article(id + 10), `${X}/`] : [`${X}/`];
    };
    const declared = crawl([`${X}/`], links, { isArticle });
    assert.equal(declared.fetched.length, 601);
    assert.deepEqual(declared.refused, {});
    // Without the pattern every page counts: the same chain is cut (and reported) like any other.
    const undeclared = crawl([`${X}/`], links);
    assert.ok(undeclared.fetched.length < 601 && (undeclared.refused.maxTemplateChain ?? 0) > 0, JSON.stringify(undeclared.refused));
  });

  test('an endless ?page=N listing is cut after maxTemplateChain hops; every article it listed on the way is kept', () => {
    const listing = (p: number) => (p === 1 ? `${X}/list/` : `${X}/list/?page=${p}`);
    const { fetched, refused, capped } = crawl([`${X}/list/`], (url) => {
      const u = new URL(url);
      if (u.pathname === '/list/') {
        const p = Number(u.searchParams.get('page') ?? '1');
        // Past page 3 there is nothing left to list, but "next" never ends.
        const items = p <= 3 ? Array.from({ length: 20 }, (_, i) => `${X}/a/${p * 100 + i}.html`) : [];
        return [...items, listing(p + 1), listing(Math.max(1, p - 1))];
      }
      return [];
    });
    const pages = fetched.filter((u) => u.includes('/list/'));
    assert.equal(pages.length, 11, `the seed plus 10 hops: ${pages.length}`);
    assert.equal(fetched.filter((u) => u.includes('/a/')).length, 60);
    assert.equal(refused.maxTemplateChain, 1);
    assert.deepEqual(capped, ['maxTemplateChain x.example/list/']);
  });

  test('a calendar linking next and previous month and the next page (a lattice) is held to the per-template budget', () => {
    const { fetched, refused, capped } = crawl([`${X}/`], (url) => {
      const u = new URL(url);
      if (u.pathname === '/') return [month(2026, 12), `${X}/news/2026/12/01/1.html`];
      const m = /^\/calendar\/(\d{4})\/(\d{2})$/.exec(u.pathname);
      if (!m) return [];
      const [y, mo] = [Number(m[1]), Number(m[2])];
      const page = Number(u.searchParams.get('page') ?? '1');
      return [month(y, mo + 1), month(y, mo - 1), `${month(y, mo)}?page=${page + 1}`, `${X}/news/2026/12/01/1.html`];
    });
    const calendar = fetched.filter((u) => u.includes('/calendar/'));
    // The entry page and the three links one hop deep; two hops or more: the budget, 30 plus those 4.
    assert.ok(calendar.length <= 1 + 3 + (CHAIN_BUDGET_FACTOR * 10 + 4), `calendar pages: ${calendar.length}`);
    assert.ok(calendar.length >= 20, `the budget is used, not cut at once: ${calendar.length}`);
    assert.ok((refused.maxTemplateChain ?? 0) > 0);
    assert.ok(capped.includes('maxTemplateChain x.example/calendar/#/#'), capped.join());
  });

  test('dates outside [1990, next year] found through their own template, or on a page with one, are refused', () => {
    const { fetched, refused } = crawl([`${X}/`], (url) => {
      const u = new URL(url);
      if (u.pathname === '/') return [month(2031, 7), `${X}/archive/1969/07/21/moon-landing.html`];
      const m = /^\/calendar\/(\d{4})\/(\d{2})$/.exec(u.pathname);
      if (!m) return [];
      const [y, mo] = [Number(m[1]), Number(m[2])];
      return [month(y, mo + 1), month(y, mo - 1), `${month(y, mo)}/01`, `${month(y, mo)}/02`, `${X}/news/2026/11/30/9.html`];
    });
    assert.ok(fetched.includes(`${X}/calendar/2031/07`), 'linked from elsewhere: the first page is fetched');
    assert.ok(fetched.includes(`${X}/archive/1969/07/21/moon-landing.html`), 'an old article linked from the home page passes');
    assert.ok(fetched.includes(`${X}/news/2026/11/30/9.html`), 'a plausible date on the trap page passes');
    assert.equal(fetched.filter((u) => u.includes('/calendar/')).length, 1);
    assert.equal(refused.implausibleDate, 4, 'next and previous month, and two day pages of a 2031 month');
  });

  test('a plausible calendar is cut by the chain cap in both directions', () => {
    const { fetched } = crawl([`${X}/`], (url) => {
      const u = new URL(url);
      if (u.pathname === '/') return [month(2020, 6)];
      const m = /^\/calendar\/(\d{4})\/(\d{2})$/.exec(u.pathname)!;
      return [month(Number(m[1]), Number(m[2]) + 1), month(Number(m[1]), Number(m[2]) - 1)];
    });
    const calendar = fetched.filter((u) => u.includes('/calendar/'));
    assert.equal(calendar.length, 21, '10 hops forward, 10 back');
    assert.ok(calendar.includes(`${X}/calendar/2021/04`) && !calendar.includes(`${X}/calendar/2021/05`));
  });

  test('known URLs are never refused, feed and sitemap items skip the template rules, and the knob tightens the cap', () => {
    const g = new TrapGuard(defaults, { now: NOW, isKnown: (u) => u === `${X}/list/?page=30` });
    const deep = g.foundOn(Array.from({ length: 12 }, (_, i) => `${X}/list/?page=${12 - i}`));
    assert.equal(g.check(`${X}/list/?page=13`, deep), 'maxTemplateChain');
    assert.equal(g.check(`${X}/list/?page=30`, deep), null, 'already in the frontier: re-finding it adds nothing');
    assert.equal(g.check(`${X}/list/?page=13`), null, 'no origin (a feed or sitemap item): shape limits only');
    assert.equal(g.check(`${X}/calendar/2031/08`, g.foundOn([`${X}/calendar/2031/07`])), 'implausibleDate');
    assert.equal(g.check(`${X}/news/2031/08/1.html`, g.foundOn([`${X}/`])), null, 'a listing may link anything');

    const tight = crawl([`${X}/list/`], (url) => [`${X}/list/?page=${Number(new URL(url).searchParams.get('page') ?? '1') + 1}`], {
      maxTemplateChain: 3,
    });
    assert.equal(tight.fetched.length, 4);
  });
});
