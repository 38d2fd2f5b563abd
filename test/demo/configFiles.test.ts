import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/index.js';
import { startNewsSite } from '../../demo/index.js';

describe('config files', () => {
  it('config/sources.yaml validates and shows several kinds of source', () => {
    const config = loadConfig('config/sources.yaml');
    assert.ok(config.sources.length >= 3);
    assert.ok(config.sources.some((s) => s.timezone === 'Asia/Shanghai' && s.extract));
    assert.ok(config.sources.some((s) => s.feeds.length > 0 && s.sitemaps.length > 0));
    for (const s of config.sources) {
      for (const u of [...s.seeds, ...s.feeds, ...s.sitemaps]) assert.match(new URL(u).hostname, /(^|\.)example\.(com|org|net)$/);
    }
  });

  it('config/demo.yaml validates, points at the 8787 placeholder and is quick and polite', () => {
    const config = loadConfig('config/demo.yaml');
    assert.equal(config.sources.length, 1);
    const [source] = config.sources;
    for (const u of [...source.seeds, ...source.feeds, ...source.sitemaps]) assert.ok(u.startsWith('http://127.0.0.1:8787/'), u);
    assert.equal(source.politeness.delayMs, 50);
    assert.ok(source.allowPrivate && config.allowPrivate);
  });

  it("demo.yaml's articlePattern matches exactly the demo site's articles, and its excludes catch the traps", async () => {
    const source = loadConfig('config/demo.yaml').sources[0];
    const article = new RegExp(source.articlePattern!);
    const excluded = (u: string) => source.exclude.some((p) => new RegExp(p).test(u));
    const site = await startNewsSite({ faults: true });
    try {
      for (const a of site.articles) assert.ok(article.test(site.url + a.path), a.path);
      for (const p of ['/', '/en/', '/zh/guonei/', '/zh/guonei/index_1.html', '/en/world/page/2/', '/about.html', '/sitemap.xml']) {
        assert.ok(!article.test(site.url + p), p);
      }
      for (const p of ['/calendar/2025/10?page=2', '/zh/guonei/;jsessionid=ABC', '/?sid=0a1b']) assert.ok(excluded(site.url + p), p);
      assert.ok(!site.articles.some((a) => excluded(site.url + a.path)));
    } finally {
      await site.close();
    }
  });
});
