/**
 * For the "never hotlink" tests: an "original site" on loopback whose article page references
 * everything a page can make a browser load (images with srcset, <picture> sources, a poster, CSS
 * url() inline and in <style>, stylesheets, preload / preconnect links, media, frames, a refresh) and
 * whose <base href> points back at itself; a store the real crawler filled from it (two versions, so
 * the versions page has a diff); and a checker that lists every reference in a page of our site that
 * a browser would load from another origin.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { makeConfig, makeSource } from '../../src/config/index.js';
import { Crawler } from '../../src/crawler/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';

/** The original site: counts every request and every TCP connection it gets. */
export interface OriginalSite {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  articleUrl: string;
  /** Requests since the last `reset()`, as `METHOD /path`. */
  requests: string[];
  /** TCP connections opened since the last `reset()` (a preconnect opens one without a request). */
  connections: number;
  reset(): void;
  /** The next fetch of the article gets a changed paragraph (a second version). */
  edit(): void;
  close(): Promise<void>;
}

export const IMAGE_ALT = 'Lights along the old pier';
export const IMAGE_CAPTION = 'The lights were switched on at dusk.';
export const SECOND_ALT = 'A crowd on the pier';

const PARAGRAPHS = [
  'The harbour lights returned to the old pier on Saturday evening, twenty years after the last lamp was taken down for repairs that never came.',
  'More than two thousand people gathered along the waterfront to watch the council switch them on, one section at a time, from the ferry terminal to the lighthouse.',
  'The restoration cost four million and was paid for in part by a fund that residents started after a storm damaged the pier in the winter of 2019.',
  'Engineers replaced every cable and most of the posts, but kept the cast-iron lanterns, which were cleaned, repainted and fitted with low-energy bulbs.',
  'The council said the pier will stay open until midnight through the summer, and that a small museum about its history will open in the old ticket office next year.',
];

function articleHtml(origin: string, edited: boolean): string {
  const p = edited ? [...PARAGRAPHS.slice(0, 4), `${PARAGRAPHS[4]} Tickets will be free for residents.`] : PARAGRAPHS;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<base href="${origin}/static/">
<title>Harbour lights return to the old pier - Original Times</title>
<meta property="og:image" content="${origin}/static/img/og.jpg">
<meta property="article:published_time" content="2025-10-12T08:00:00Z">
<meta property="article:section" content="World">
<meta name="author" content="A. Writer">
<meta name="referrer" content="unsafe-url">
<meta http-equiv="refresh" content="1;url=${origin}/refresh">
<link rel="stylesheet" href="${origin}/css/site.css">
<link rel="stylesheet" href="css/relative.css">
<link rel="icon" href="/favicon.ico">
<link rel="preload" as="image" href="img/preload.jpg" imagesrcset="img/preload-2x.jpg 2x">
<link rel="prefetch" href="next.html">
<link rel="preconnect" href="${origin}">
<link rel="dns-prefetch" href="${origin}">
<style>
@import url("${origin}/css/imported.css");
@font-face { font-family: Orig; src: url(fonts/orig.woff2) format("woff2"); }
body { background: url(img/bg.png); font-family: Orig, serif; }
</style>
</head>
<body background="img/body-bg.png">
<div class="top" style="background: url(${origin}/static/img/top-bg.png)"><img src="${origin}/static/img/masthead-logo.png" srcset="${origin}/static/img/masthead-logo-2x.png 2x" alt="Original Times logo" width="200" height="50"><a href="/">Original Times</a></div>
<article>
<h1>Harbour lights return to the old pier</h1>
<p class="byline">By A. Writer · <time datetime="2025-10-12T08:00:00Z">12 October 2025</time></p>
<div class="content">
<p>${p[0]}</p>
<figure><img src="img/lights.jpg" srcset="img/lights-640.jpg 640w, img/lights-1280.jpg 1280w" sizes="100vw" alt="${IMAGE_ALT}" width="1280" height="720"><figcaption>${IMAGE_CAPTION}</figcaption></figure>
<p>${p[1]}</p>
<picture><source srcset="img/crowd.webp" type="image/webp"><img src="img/crowd.jpg" alt="${SECOND_ALT}" width="1280" height="720"></picture>
<p>${p[2]}</p>
<div style="background-image: url('img/inline-bg.jpg'); height: 40px"></div>
<video poster="img/poster.jpg" src="media/clip.mp4" controls></video>
<audio src="media/clip.mp3" autoplay></audio>
<object data="media/thing.svg" type="image/svg+xml"></object>
<embed src="media/embed.svg" type="image/svg+xml">
<iframe src="${origin}/embed/frame.html" width="10" height="10"></iframe>
<svg width="10" height="10"><image href="img/svg-image.png" width="10" height="10"/></svg>
<input type="image" src="img/input.png" alt="go">
<table background="img/table-bg.png"><tr><td>&nbsp;</td></tr></table>
<p>${p[3]}</p>
<p>${p[4]}</p>
</div>
</article>
</body>
</html>`;
}

export async function startOriginalSite(): Promise<OriginalSite> {
  let edited = false;
  const requests: string[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/news/2025/harbour-lights.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articleHtml(origin, edited));
    } else if (path === '/robots.txt') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    } else {
      // Anything else "exists", so a leak would be a successful load, not a quiet 404.
      res.writeHead(200, { 'content-type': /\.css$/.test(path) ? 'text/css' : 'image/gif' });
      res.end(/\.css$/.test(path) ? 'body{}' : Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
    }
  });
  server.on('connection', () => void connections++);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    articleUrl: `${origin}/news/2025/harbour-lights.html`,
    requests,
    get connections() {
      return connections;
    },
    reset() {
      requests.length = 0;
      connections = 0;
    },
    edit() {
      edited = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface HotlinkFixture {
  original: OriginalSite;
  storeDir: string;
  root: string;
  /** The latest snapshot of the article, and the first one. */
  id: string;
  firstId: string;
  cleanup(): Promise<void>;
}

async function crawl(original: OriginalSite, storeDir: string): Promise<void> {
  const source = makeSource({
    name: 'original-times',
    seeds: [original.articleUrl],
    maxDepth: 0,
    timezone: 'UTC',
    politeness: { delayMs: 0, perHostConcurrency: 1 },
    allowPrivate: true,
    // Images stay unarchived here: these pages test the placeholder path (archived images: test/crawler/requisites.test.ts).
    requisites: { images: false },
  });
  const config = makeConfig({ sources: [source], allowPrivate: true, fetch: { retries: 0 } });
  const summary = await new Crawler(config, { sources: [source], storeDir, allowPrivate: true, snapshotAllPages: true }).run();
  if (summary.snapshots.new + summary.snapshots.changed !== 1) throw new Error(`crawl stored no new version: ${JSON.stringify(summary)}`);
}

/** Crawls the original site's article twice (with an edit between), then resets its counters. */
export async function hotlinkFixture(): Promise<HotlinkFixture> {
  const root = mkdtempSync(join(tmpdir(), 'snapcrawl-hotlink-'));
  const storeDir = join(root, 'store');
  const original = await startOriginalSite();
  await crawl(original, storeDir);
  original.edit();
  await crawl(original, storeDir);
  const store = SnapshotStore.open(storeDir, { readonly: true });
  let id: string;
  let firstId: string;
  try {
    const versions = store.versions(original.articleUrl);
    firstId = versions[0].id;
    id = versions[versions.length - 1].id;
  } finally {
    store.close();
  }
  original.reset();
  return {
    original,
    storeDir,
    root,
    id,
    firstId,
    cleanup: async () => {
      await original.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Attributes whose URL a browser loads by itself (not on a click), by element; `*` for any element. */
const LOADED_URL_ATTRIBUTES: Record<string, string[]> = {
  '*': ['src', 'srcset', 'poster', 'background', 'data', 'lowsrc', 'dynsrc', 'longdesc', 'imagesrcset', 'xlink:href', 'ping'],
  link: ['href'],
  image: ['href'],
  use: ['href'],
  feimage: ['href'],
  base: ['href'],
  iframe: ['src'],
  object: ['codebase'],
  applet: ['code', 'codebase', 'archive'],
};

/** The URLs of a srcset value (`a.jpg 1x, b.jpg 2x`). */
function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0])
    .filter(Boolean);
}

/** Every `url(...)` and `@import "..."` of a piece of CSS. */
export function cssUrls(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*?))\s*\)/gi)) out.push(m[1] ?? m[2] ?? m[3]);
  for (const m of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) out.push(m[1] ?? m[2]);
  return out;
}

export interface OffsiteReference {
  where: string;
  url: string;
}

/**
 * Every reference in `html` (served at `pageUrl`) that a browser would load by itself from an origin
 * other than `siteOrigin`: src / srcset / poster / background / data / link href / SVG href, CSS
 * url() in style attributes and <style>, a <base> element, a meta refresh. `<a href>` is a click
 * away (the reader's choice) and is not counted; it is checked separately for rel. A srcdoc frame
 * is the archived page itself: reported by the caller's own checks, not here.
 */
export function offsiteReferences(html: string, pageUrl: string, siteOrigin: string): OffsiteReference[] {
  const $ = cheerio.load(html);
  const found: OffsiteReference[] = [];
  const check = (where: string, raw: string): void => {
    const value = raw.trim();
    if (value === '' || /^(?:data|about):/i.test(value) || value.startsWith('#')) return;
    let url: URL;
    try {
      url = new URL(value, pageUrl);
    } catch {
      found.push({ where, url: value });
      return;
    }
    if (url.origin !== siteOrigin) found.push({ where, url: value });
  };
  $('*').each((_, el) => {
    // domhandler gives <style> and <script> types of their own.
    if (el.type !== 'tag' && el.type !== 'style' && el.type !== 'script') return;
    const name = el.name.toLowerCase();
    const attrs = el.attribs;
    for (const attr of new Set([...LOADED_URL_ATTRIBUTES['*'], ...(LOADED_URL_ATTRIBUTES[name] ?? [])])) {
      const value = attrs[attr];
      if (value === undefined) continue;
      if (/srcset$/i.test(attr)) for (const u of srcsetUrls(value)) check(`<${name} ${attr}>`, u);
      else check(`<${name} ${attr}>`, value);
    }
    if (attrs.style !== undefined) for (const u of cssUrls(attrs.style)) check(`<${name} style> url()`, u);
    if (name === 'style') for (const u of cssUrls($(el).text())) check('<style> url()', u);
    if (name === 'base') found.push({ where: '<base>', url: attrs.href ?? '' });
    if (name === 'meta' && /^refresh$/i.test(attrs['http-equiv'] ?? '')) found.push({ where: '<meta refresh>', url: attrs.content ?? '' });
  });
  return found;
}

/** `<a href>`s leaving the site that lack rel="noopener noreferrer nofollow". */
export function externalLinksWithoutRel(html: string, pageUrl: string, siteOrigin: string): string[] {
  const $ = cheerio.load(html);
  const bad: string[] = [];
  $('a[href], area[href]').each((_, el) => {
    const href = $(el).attr('href') ?? '';
    let url: URL;
    try {
      url = new URL(href, pageUrl);
    } catch {
      return;
    }
    if (url.origin === siteOrigin || url.protocol === 'mailto:') return;
    const rel = new Set(($(el).attr('rel') ?? '').split(/\s+/));
    if (!['noopener', 'noreferrer', 'nofollow'].every((r) => rel.has(r))) bad.push(href);
  });
  return bad;
}

/** A CSP header or meta value as directive → sources. */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

/** Sources in a policy that name some origin or scheme other than the page's own ('self', 'none', data:…). */
export function remoteSources(policy: string): string[] {
  const ok = /^(?:'self'|'none'|'unsafe-inline'|data:)$/;
  return [...parseCsp(policy)].flatMap(([name, values]) => values.filter((v) => !ok.test(v)).map((v) => `${name} ${v}`));
}
