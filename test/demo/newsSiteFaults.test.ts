import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startNewsSite, type NewsSite } from '../../demo/index.js';

async function get(site: NewsSite, path: string) {
  const res = await fetch(site.url + path, { redirect: 'manual' });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

describe('demo news site with faults', () => {
  let site: NewsSite;
  before(async () => {
    site = await startNewsSite({ faults: true, slowMs: 400 });
  });
  after(async () => site.close());

  it('answers 500 the first time, then 200; resetFaults re-arms it', async () => {
    const path = site.faultPaths!.flaky500;
    assert.ok(site.articles.some((a) => a.path === path));
    assert.equal((await get(site, path)).status, 500);
    assert.equal((await get(site, path)).status, 200);
    assert.equal((await get(site, path)).status, 200);
    site.resetFaults();
    assert.equal((await get(site, path)).status, 500);
    assert.equal((await get(site, path)).status, 200);
  });

  it('answers 429 with Retry-After: 1 the first time, then 200', async () => {
    const path = site.faultPaths!.rateLimited;
    const first = await get(site, path);
    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '1');
    assert.equal((await get(site, path)).status, 200);
  });

  it('redirects /old/… 301 → 302 → the article', async () => {
    const f = site.faultPaths!;
    const hop1 = await get(site, f.redirectChain);
    assert.equal(hop1.status, 301);
    const hop2 = await get(site, hop1.headers.get('location')!);
    assert.equal(hop2.status, 302);
    assert.equal(hop2.headers.get('location'), f.redirectTarget);
    assert.equal((await get(site, f.redirectTarget)).status, 200);
  });

  it('has a redirect loop /loop/a ↔ /loop/b', async () => {
    assert.equal((await get(site, '/loop/a')).headers.get('location'), '/loop/b');
    assert.equal((await get(site, '/loop/b')).headers.get('location'), '/loop/a');
    await assert.rejects(fetch(site.url + '/loop/a'), 'fetch gives up on the loop');
  });

  it('serves a slow page, a ~5 MB page and a linked 404', async () => {
    const t0 = Date.now();
    assert.equal((await get(site, site.faultPaths!.slow)).status, 200);
    assert.ok(Date.now() - t0 >= 380, 'slow page waits slowMs');
    const huge = await get(site, site.faultPaths!.huge);
    assert.equal(huge.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.ok(huge.bytes.length >= 5 * 1024 * 1024 && huge.bytes.length < 6 * 1024 * 1024);
    assert.equal((await get(site, site.faultPaths!.notFound)).status, 404);
  });

  it('links fault paths, tracking-parameter duplicates and session-id URLs from the home page', async () => {
    const home = hrefs((await get(site, '/')).text);
    const f = site.faultPaths!;
    for (const p of [f.redirectChain, f.redirectLoop, f.slow, f.huge, f.notFound, f.calendarTrap]) assert.ok(home.includes(p), p);
    const tracked = home.filter((h) => /[?&](utm_source|spm|fbclid)=/.test(h));
    assert.ok(tracked.length >= 3);
    for (const h of tracked) {
      const clean = h.slice(0, h.indexOf('?'));
      assert.ok(site.articles.some((a) => a.path === clean), `${h} is an article`);
      assert.equal((await get(site, h)).status, 200);
    }
    assert.ok(home.some((h) => /^\/\?sid=[0-9a-f]+$/.test(h)));
    const jsession = home.find((h) => h.includes(';jsessionid='))!;
    assert.equal((await get(site, jsession)).status, 200);
    const again = hrefs((await get(site, '/')).text);
    assert.notEqual(again.find((h) => h.includes(';jsessionid=')), jsession, 'session ids change per render');
  });

  it('has an endless calendar trap', async () => {
    let path = site.faultPaths!.calendarTrap;
    for (let page = 1; page <= 5; page++) {
      const { status, text } = await get(site, path);
      assert.equal(status, 200);
      const next = hrefs(text).find((h) => h === `/calendar/2025/10?page=${page + 1}`);
      assert.ok(next, `page ${page} links to page ${page + 1}`);
      assert.ok(hrefs(text).some((h) => h.includes(';jsessionid=')));
      path = next;
    }
    assert.equal((await get(site, '/calendar/2025/10?page=987654')).status, 200);
  });
});

describe('demo news site mutations', () => {
  it('adds, edits and deletes articles between runs', async () => {
    const site = await startNewsSite({ articles: 6 });
    try {
      const added = site.mutate.addArticle('en');
      assert.equal(site.articles.length, 7);
      assert.equal((await get(site, added.path)).status, 200);
      assert.ok((await get(site, '/rss.xml')).text.includes(site.url + added.path));

      const target = site.articles[0];
      const before = await get(site, target.path);
      const edited = site.mutate.editArticle(target.path, { title: '编辑后的标题', body: ['第一段。', '第二段。', '第三段。', '第四段。'] });
      assert.ok(edited.modifiedAt);
      const afterEdit = await get(site, target.path);
      assert.notEqual(afterEdit.headers.get('etag'), before.headers.get('etag'));
      assert.match((await get(site, '/sitemap.xml')).text, new RegExp(`<lastmod>${edited.modifiedAt!.replace('+', '\\+')}</lastmod>`));

      site.mutate.deleteArticle(added.path);
      assert.equal((await get(site, added.path)).status, 404);
      assert.ok(!(await get(site, '/sitemap.xml')).text.includes(added.path));
      assert.throws(() => site.mutate.deleteArticle('/nope'));
    } finally {
      await site.close();
    }
  });

  it('close() does not wait for a pending slow response', async () => {
    const site = await startNewsSite({ faults: true, slowMs: 10_000 });
    const pending = fetch(site.url + site.faultPaths!.slow).catch(() => 'aborted');
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await site.close();
    assert.ok(Date.now() - t0 < 2000);
    assert.equal(await pending, 'aborted');
  });
});
