/** Shared set-up for the site tests: a store crawled from the fixture news site, and HTTP helpers. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { ARTICLES, PROMOTION_EDIT } from '../fixtures/site/articles.js';
import { crawlFixtureSite, startFixtureSite, type FixtureSite } from '../fixtures/site/fixture-site.js';

export interface CrawledFixture {
  fixture: FixtureSite;
  storeDir: string;
  /** Latest snapshot id of each fixture article, by key. */
  ids: Record<string, string>;
  /** The first version of the `promotion` article (the edit made a second one). */
  promotionV1: string;
  /** Stops the fixture site and removes the store. */
  cleanup(): Promise<void>;
}

/**
 * Crawls every fixture article (except those in `skip`), then crawls `promotion` again after an edit
 * so it has two versions.
 */
export async function crawledFixture(options: { skip?: string[] } = {}): Promise<CrawledFixture> {
  const root = mkdtempSync(join(tmpdir(), 'snapcrawl-site-'));
  const storeDir = join(root, 'store');
  const fixture = await startFixtureSite();
  const keys = ARTICLES.map((a) => a.key).filter((k) => !options.skip?.includes(k));
  await crawlFixtureSite(fixture, storeDir, keys);
  fixture.edit('promotion', PROMOTION_EDIT);
  await crawlFixtureSite(fixture, storeDir, ['promotion']);
  const store = SnapshotStore.open(storeDir, { readonly: true });
  const ids: Record<string, string> = {};
  let promotionV1 = '';
  try {
    for (const key of keys) ids[key] = store.latestFor(fixture.urlOf(key))!.id;
    promotionV1 = store.versions(fixture.urlOf('promotion'))[0].id;
  } finally {
    store.close();
  }
  return {
    fixture,
    storeDir,
    ids,
    promotionV1,
    cleanup: async () => {
      await fixture.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface Fetched {
  status: number;
  headers: Headers;
  text: string;
}

export async function get(base: string, path: string, init?: RequestInit): Promise<Fetched> {
  const res = await fetch(new URL(path, base), { redirect: 'manual', ...init });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

export async function getJson<T>(base: string, path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(new URL(path, base));
  return { status: res.status, body: (await res.json()) as T };
}
