import type Database from 'better-sqlite3';

/**
 * One numbered schema step. `version` is what PRAGMA user_version reads once the step has run: steps run in order,
 * each in its own transaction with the version bump, so a killed upgrade leaves the store at a whole version.
 */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

export class MigrationError extends Error {
  constructor(message: string, readonly storeVersion: number) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Brings `db` up to the newest of `migrations`; returns the versions applied. Read-only handles are only checked. */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const newest = sorted.length;
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > newest) {
    throw new MigrationError(`the store's schema is version ${current}, newer than this snapcrawl knows (${newest}): upgrade snapcrawl`, current);
  }
  if (db.readonly) return [];
  const applied: number[] = [];
  for (const m of sorted) {
    if (m.version <= current) continue;
    // Re-read inside the write lock: another process opening the same store may have run this step meanwhile.
    const ran = db.transaction(() => {
      if (Number(db.pragma('user_version', { simple: true })) >= m.version) return false;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      return true;
    }).immediate();
    if (ran) applied.push(m.version);
  }
  return applied;
}
