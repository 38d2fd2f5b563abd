import type { Migration } from '../migrate.js';
import type { StoreDatabase } from '../../database.js';

/** The name older snapcrawl recorded in `snapshot_migrations` when it ran this data migration itself. */
export const CANONICAL_IDENTITY = 'canonical-identity-v1';

/**
 * The identity rule as it stood when this step was written (frontier/paramLearning.ts trustedCanonical), frozen
 * here so the step means the same whatever that rule becomes: a canonical URL stands for the page when it is on
 * the page's own host (a leading `www.` aside, same port) and is not the home page unless the page is. Both
 * values come from the index, where they were stored normalized.
 */
function trustedCanonical(canonical: string, finalUrl: string): string | null {
  let c: URL;
  let f: URL;
  try {
    c = new URL(canonical);
    f = new URL(finalUrl);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(c.protocol) || !/^https?:$/.test(f.protocol)) return null;
  const bare = (h: string) => h.replace(/\.+$/, '').replace(/^www\./, '');
  if (bare(c.hostname) !== bare(f.hostname) || c.port !== f.port) return null;
  if (c.pathname === '/' && c.search === '' && f.pathname !== '/') return null;
  return canonical;
}

/**
 * Version 4: stores written before the canonical identity keyed each snapshot by the URL fetched, so an article
 * fetched through decorated variants has several "latest" rows. In place: each row whose page named a trusted
 * canonical URL other than its `url` moves to that identity, and `is_latest` is recomputed for every identity
 * touched. Snapshot folders are left as written (their `url` stays findable as the row's `final_url`); nothing is
 * deleted. Skipped when an older snapcrawl already ran it (its row in snapshot_migrations), and recorded there, so
 * an older snapcrawl opening the store does not run it again either.
 */
function up(db: StoreDatabase): void {
  if (db.prepare('SELECT 1 FROM snapshot_migrations WHERE name = ?').get(CANONICAL_IDENTITY)) return;
  const rows = db
    .prepare('SELECT id, url, final_url, canonical_url FROM snapshots WHERE canonical_url IS NOT NULL AND canonical_url != url')
    .all() as { id: string; url: string; final_url: string; canonical_url: string }[];
  const move = db.prepare('UPDATE snapshots SET url = @url, host = @host, hostname = @hostname WHERE id = @id');
  const relatest = db.prepare(`UPDATE snapshots SET is_latest = (id = (SELECT id FROM snapshots s2 WHERE s2.url = snapshots.url
    ORDER BY fetched_at DESC, id DESC LIMIT 1)) WHERE url = ?`);
  const touched = new Set<string>();
  for (const row of rows) {
    const key = trustedCanonical(row.canonical_url, row.final_url);
    if (key === null || key === row.url) continue;
    const parsed = new URL(key);
    move.run({ id: row.id, url: key, host: parsed.host, hostname: parsed.hostname.replace(/\.+$/, '') });
    touched.add(row.url).add(key);
  }
  for (const url of touched) relatest.run(url);
  db.prepare('INSERT OR IGNORE INTO snapshot_migrations (name, applied_at) VALUES (?, ?)').run(CANONICAL_IDENTITY, new Date().toISOString());
}

export const canonicalIdentity: Migration = { version: 4, name: 'canonical-identity', up };
