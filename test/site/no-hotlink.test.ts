/**
 * Never hotlink: no page of the site (server or static export) makes a reader's browser load anything
 * from another origin. The store is crawled from a loopback "original site" whose article has images
 * (srcset, <picture>, poster, CSS url()) resolved against an archived <base href> pointing back at it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import { PAGE_CSP, RAW_CSP, renderStaticSite, startSiteServer, STATIC_PAGE_CSP, type SiteServer } from '../../src/site/index.js';
import { get } from './helpers.js';
import {
  cssUrls,
  externalLinksWithoutRel,
  hotlinkFixture,
  IMAGE_ALT,
  IMAGE_CAPTION,
  offsiteReferences,
  parseCsp,
  remoteSources,
  SECOND_ALT,
  type HotlinkFixture,
} from './hotlink-fixture.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

describe('never hotlink', () => {
  let fx: HotlinkFixture;
  let server: SiteServer;
  let site: string;
  let origin: string;

  before(async () => {
    fx = await hotlinkFixture();
    server = await startSiteServer({ storeDir: fx.storeDir, port: 0, site: { title: 'Archive', locale: 'en' } });
    site = new URL(server.url).origin;
    origin = fx.original.origin;
  });
  after(async () => {
    await server?.close();
    await fx?.cleanup();
  });

  /** Every HTML page the server has for the fixture snapshot, and a few around it. */
  const htmlPaths = (): string[] => [
    '/',
    '/c/World',
    '/search?q=harbour',
    `/s/${fx.id}`,
    `/s/${fx.firstId}`,
    `/s/${fx.id}/versions`,
    `/s/${fx.id}/versions?from=${fx.firstId}&to=${fx.id}`,
    `/s/${fx.id}/raw`,
    `/s/${fx.id}/raw?view=source`,
    '/s/20990101T000000Z-00000000',
    '/no/such/page',
  ];

  test('the snapshot names its images (alt, caption, original URL as a link out) and loads none', async () => {
    const page = await get(site, `/s/${fx.id}`);
    assert.equal(page.status, 200);
    const $ = cheerio.load(page.text);
    const body = $('article .body');
    assert.equal(body.find('img, picture, source, video, audio, iframe, object, embed, svg').length, 0);
    const placeholders = body.find('figure.image-placeholder');
    assert.equal(placeholders.length, 2);
    const first = placeholders.first();
    assert.match(first.find('.image-name').text(), new RegExp(`Image\\s*${IMAGE_ALT}`));
    assert.equal(first.find('figcaption').text(), IMAGE_CAPTION);
    // The extractor resolved the image against the archived <base href>: the URL is named, never loaded.
    const link = first.find('.image-source a');
    assert.equal(link.attr('href'), `${origin}/static/img/lights.jpg`);
    assert.equal(link.text(), `${origin}/static/img/lights.jpg`);
    assert.equal(link.attr('rel'), 'noopener noreferrer nofollow');
    assert.equal(link.attr('referrerpolicy'), 'no-referrer');
    assert.match(placeholders.eq(1).text(), new RegExp(SECOND_ALT));
    assert.equal(placeholders.eq(1).find('.image-source a').attr('href'), `${origin}/static/img/crowd.jpg`);
    assert.match((await get(site, `/api/snapshots/${fx.id}`)).text, new RegExp(`${origin}/static/img/lights.jpg`), 'the record keeps the URL');
  });

  test('no served page references another origin in src, srcset, poster, link href, style url() or <base>', async () => {
    for (const path of htmlPaths()) {
      const res = await get(site, path);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/, path);
      const pageUrl = new URL(path, site).href;
      assert.deepEqual(offsiteReferences(res.text, pageUrl, site), [], path);
      assert.deepEqual(externalLinksWithoutRel(res.text, pageUrl, site), [], path);
      const $ = cheerio.load(res.text);
      assert.equal($('base').length, 0, path);
      assert.deepEqual($('iframe').map((_, el) => new URL($(el).attr('src') ?? 'about:blank', pageUrl).origin).get().filter((o) => o !== site), [], path);
    }
    const source = await get(site, `/s/${fx.id}/raw?view=source`);
    assert.match(source.text, /&lt;base href=&quot;http:\/\/127\.0\.0\.1:\d+\/static\/&quot;&gt;/, 'the source view shows the archived <base> as text');
    const css = await get(site, '/assets/site.css');
    assert.deepEqual(cssUrls(css.text), [], 'the stylesheet loads nothing');
    assert.deepEqual(fx.original.requests, []);
  });

  test('every response sends a CSP with img-src self and no remote origin, no base, and no referrer', async () => {
    const paths = [...htmlPaths(), '/assets/site.css', '/robots.txt', '/api/snapshots', `/api/snapshots/${fx.id}`];
    for (const path of paths) {
      const res = await get(site, path);
      const csp = res.headers.get('content-security-policy') ?? '';
      const d = parseCsp(csp);
      assert.deepEqual(remoteSources(csp), [], `${path}: ${csp}`);
      assert.deepEqual(d.get('default-src'), ["'none'"], path);
      assert.deepEqual(d.get('img-src'), ["'self'"], path);
      assert.deepEqual(d.get('style-src'), ["'self'"], path);
      assert.deepEqual(d.get('base-uri'), ["'none'"], path);
      assert.deepEqual(d.get('form-action'), ["'self'"], path);
      assert.deepEqual(d.get('frame-ancestors'), ["'none'"], path);
      assert.equal(d.has('script-src'), false, path);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
      assert.equal(res.headers.get('x-dns-prefetch-control'), 'off', path);
    }
    assert.equal(PAGE_CSP.includes('http'), false);
  });

  test('the raw frame: archived bytes as received, under a CSP that loads nothing and ignores their <base>', async () => {
    const view = cheerio.load((await get(site, `/s/${fx.id}/raw`)).text);
    const frame = view('iframe.raw-frame');
    assert.equal(frame.attr('sandbox'), '');
    assert.equal(frame.attr('referrerpolicy'), 'no-referrer');
    assert.equal(frame.attr('src'), `/s/${fx.id}/raw/content`);

    const res = await get(site, `/s/${fx.id}/raw/content`);
    assert.match(res.text, new RegExp(`<base href="${origin}/static/">`), 'only frames are neutralised in the copy shown');
    assert.match(res.text, /srcset="img\/lights-640\.jpg 640w/);
    assert.doesNotMatch(res.text, /<iframe\b[^>]*\ssrc=/i, 'no frame names a document to load');
    assert.match(res.text, /<iframe\b[^>]*\sdata-archived-src=/i);
    // The exact bytes, read as the original site served them, reference it every way the checker knows.
    const original = await get(site, `/s/${fx.id}/raw/original`);
    const kinds = new Set(offsiteReferences(original.text, fx.original.articleUrl, site).map((r) => r.where));
    for (const kind of ['<base>', '<img src>', '<img srcset>', '<source srcset>', '<video poster>', '<div style> url()', '<style> url()', '<link href>', '<meta refresh>', '<iframe src>', '<body background>']) {
      assert.ok(kinds.has(kind), `the checker finds ${kind}`);
    }
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.equal(csp, RAW_CSP);
    const d = parseCsp(csp);
    assert.deepEqual(d.get('sandbox'), [], 'sandboxed with no allow-* tokens');
    assert.deepEqual(d.get('default-src'), ["'none'"]);
    assert.deepEqual(d.get('img-src'), ['data:'], 'images only inline: nothing is fetched');
    for (const directive of ['font-src', 'base-uri', 'form-action']) assert.deepEqual(d.get(directive), ["'none'"], directive);
    for (const fallsBack of ['media-src', 'frame-src', 'child-src', 'object-src', 'connect-src', 'manifest-src', 'script-src']) {
      assert.equal(d.has(fallsBack), false, `${fallsBack} falls back to default-src 'none'`);
    }
    assert.deepEqual(remoteSources(csp), []);
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.deepEqual(fx.original.requests, []);
  });

  test('the static export: relative references only, a meta CSP with img-src self and a no-referrer meta on every page', async () => {
    const outDir = join(fx.root, 'export');
    await renderStaticSite({ storeDir: fx.storeDir, outDir, site: { title: 'Archive', locale: 'en' } });
    const pages = walk(outDir).filter((f) => f.endsWith('.html'));
    assert.ok(pages.some((f) => f.endsWith(join('s', fx.id, 'raw', 'index.html'))));
    const exportOrigin = 'http://export.invalid';
    for (const file of pages) {
      const rel = relative(outDir, file);
      const text = readFileSync(file, 'utf8');
      const pageUrl = `${exportOrigin}/${rel.split('/').map(encodeURIComponent).join('/')}`;
      assert.deepEqual(offsiteReferences(text, pageUrl, exportOrigin), [], rel);
      assert.deepEqual(externalLinksWithoutRel(text, pageUrl, exportOrigin), [], rel);
      const $ = cheerio.load(text);
      const meta = $('meta[http-equiv="Content-Security-Policy"]');
      assert.equal(meta.length, 1, rel);
      const csp = meta.attr('content') ?? '';
      assert.equal(csp, STATIC_PAGE_CSP, rel);
      assert.equal($('meta[name="referrer"]').attr('content'), 'no-referrer', rel);
      // The policy comes before anything it governs.
      const head = $('head').children().toArray();
      assert.ok(head.findIndex((el) => el.type === 'tag' && el.name === 'meta' && el.attribs['http-equiv'] !== undefined) < head.findIndex((el) => el.type === 'tag' && el.name === 'link'), rel);
    }
    const d = parseCsp(STATIC_PAGE_CSP);
    assert.deepEqual(remoteSources(STATIC_PAGE_CSP), []);
    assert.deepEqual(d.get('default-src'), ["'none'"]);
    assert.deepEqual(d.get('img-src'), ["'self'"]);
    assert.deepEqual(d.get('base-uri'), ["'none'"]);
    assert.deepEqual(d.get('form-action'), ["'none'"], 'the export has no forms');
    for (const metaCannot of ['sandbox', 'frame-ancestors', 'report-uri']) assert.equal(d.has(metaCannot), false, metaCannot);

    // The raw page embeds the archived page in a sandboxed srcdoc frame, which inherits the page's policy.
    const raw = cheerio.load(readFileSync(join(outDir, 's', fx.id, 'raw', 'index.html'), 'utf8'));
    const frame = raw('iframe.raw-frame');
    assert.equal(frame.attr('sandbox'), '');
    assert.equal(frame.attr('src'), undefined);
    assert.match(frame.attr('srcdoc') ?? '', new RegExp(`<base href="${origin}/static/">`));
    assert.deepEqual(fx.original.requests, []);
  });
});
