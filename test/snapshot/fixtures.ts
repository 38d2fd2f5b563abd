import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Article } from '../../src/extract/types.js';
import type { FetchResult } from '../../src/fetch/types.js';
import type { SnapshotInput } from '../../src/snapshot/index.js';

/** A fresh directory under the OS temp dir; the store goes in `<root>/store` so escapes are visible. */
export function tempRoot(t: { after: (fn: () => void) => void }): { root: string; storeDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'snapcrawl-snap-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  return { root, storeDir: join(root, 'store') };
}

export function makeFetch(overrides: Partial<FetchResult> = {}): FetchResult {
  const url = overrides.url ?? 'https://news.example.com/2025/10/13/story.html?utm_source=rss';
  const body = overrides.body ?? Buffer.from('<html><head><title>Story</title></head><body><p>Hello world.</p></body></html>');
  return {
    url,
    finalUrl: url,
    status: 200,
    statusText: 'OK',
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length) },
    rawHeaders: [
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Content-Length', String(body.length)],
    ],
    requestHeaders: { 'user-agent': 'snapcrawl-test/1.0', accept: 'text/html' },
    body,
    truncated: false,
    redirects: [],
    fetchedAt: new Date('2025-10-13T05:45:01.123Z'),
    remoteAddress: '203.0.113.7',
    attempts: 1,
    ...overrides,
  };
}

export function makeArticle(overrides: Partial<Article> = {}): Article {
  return {
    title: 'A story',
    canonicalUrl: undefined,
    language: 'en',
    description: 'What happened',
    publishedAt: '2025-10-13T13:40:00+08:00',
    modifiedAt: undefined,
    author: 'R. Porter',
    editor: 'E. Ditor',
    publisher: 'Example News',
    category: 'World',
    tags: ['one', 'two'],
    images: [{ src: 'https://news.example.com/a.jpg', alt: 'alt', caption: 'cap' }],
    body: 'Hello world.',
    markdown: 'Hello **world**.',
    outlinks: [],
    warnings: [],
    ...overrides,
  };
}

let clock = Date.parse('2025-10-13T05:45:01.000Z');

/** Each call a second later than the last, so versions have distinct, ordered fetch times. */
export function nextTime(): Date {
  clock += 1000;
  return new Date(clock);
}

export function makeInput(opts: { url?: string; body?: string; bodyBytes?: Buffer; fetch?: Partial<FetchResult>; article?: Partial<Article> } = {}): SnapshotInput {
  const text = opts.body ?? 'Hello world.';
  const fetch = makeFetch({
    fetchedAt: nextTime(),
    ...(opts.url ? { url: opts.url, finalUrl: opts.url } : {}),
    body: opts.bodyBytes ?? Buffer.from(`<html><body><p>${text}</p><div class="ad">${Math.random()}</div></body></html>`),
    ...opts.fetch,
  });
  return {
    fetch,
    article: makeArticle({ body: text, markdown: text, ...opts.article }),
    decoded: { charset: 'utf-8' },
    source: 'example-news',
    userAgent: 'snapcrawl-test/1.0',
    robots: { allowed: true, robotsUrl: 'https://news.example.com/robots.txt', reason: 'rules' },
  };
}

/** Every file below `dir`, as paths relative to it (sorted). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}
