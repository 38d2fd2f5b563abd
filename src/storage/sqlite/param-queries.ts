/**
 * Parameter learning's SQL (tables learned_params, param_pages, param_variants, param_evidence: 001-baseline.ts),
 * as statements prepared once per connection.
 */
import type { StoreDatabase, StoreStatement } from '../database.js';
import { hasTable } from './schema-queries.js';

export interface ParamPageRow {
  url: string;
  canonical: string | null;
  content_hash: string;
}

export interface LearnedParamRow {
  host: string;
  param: string;
  confirmations: number;
}

/** The learner's statements (paramLearning.ts ParamLearner). */
export function paramStatements(db: StoreDatabase) {
  return {
    upsertPage: db.prepare(`INSERT INTO param_pages (url, host, canonical, content_hash, seen_at) VALUES (@url, @host, @canonical, @hash, @now)
      ON CONFLICT(url) DO UPDATE SET canonical=excluded.canonical, content_hash=excluded.content_hash, seen_at=excluded.seen_at`),
    page: db.prepare<[string], ParamPageRow>(`SELECT url, canonical, content_hash FROM param_pages WHERE url = ?`),
    addVariant: db.prepare(`INSERT OR IGNORE INTO param_variants (base, param, url, host, value) VALUES (@base, @param, @url, @host, @value)`),
    siblings: db.prepare<[{ base: string; param: string; url: string }], ParamPageRow>(`SELECT p.url, p.canonical, p.content_hash
      FROM param_variants v JOIN param_pages p ON p.url = v.url WHERE v.base = @base AND v.param = @param AND v.url != @url LIMIT 20`),
    children: db.prepare<[{ base: string }], ParamPageRow & { param: string }>(`SELECT v.param, p.url, p.canonical, p.content_hash
      FROM param_variants v JOIN param_pages p ON p.url = v.url WHERE v.base = @base LIMIT 50`),
    evidence: db.prepare(`INSERT OR IGNORE INTO param_evidence (host, param, base, verdict, detail, seen_at)
      VALUES (@host, @param, @base, @verdict, @detail, @now)`),
    // One row per base and verdict (the primary key), so counting rows counts bases.
    sameCount: db.prepare<[string, string], number>(`SELECT count(*) FROM param_evidence WHERE host = ? AND param = ? AND verdict = 'same'`).pluck(),
    anyDifferent: db.prepare<[string, string], number>(`SELECT 1 FROM param_evidence WHERE host = ? AND param = ? AND verdict = 'different' LIMIT 1`).pluck(),
    state: db.prepare<[string, string], string>(`SELECT state FROM learned_params WHERE host = ? AND param = ?`).pluck(),
    setState: db.prepare(`INSERT INTO learned_params (host, param, state, confirmations, learned_at) VALUES (@host, @param, @state, @confirmations, @now)
      ON CONFLICT(host, param) DO UPDATE SET state=excluded.state, confirmations=excluded.confirmations, learned_at=excluded.learned_at`),
    all: db.prepare<[], LearnedParamRow>(`SELECT host, param, confirmations FROM learned_params WHERE state = 'ignorable' ORDER BY host, param`),
  };
}

/** A host's ignorable parameters (plucked names); null on a (read-only, older) store without the table. */
export function learnedParamsStatement(db: StoreDatabase): StoreStatement<[string], string> | null {
  if (!hasTable(db, 'learned_params')) return null;
  return db.prepare<[string], string>(`SELECT param FROM learned_params WHERE host = ? AND state = 'ignorable'`).pluck();
}
