/**
 * Parameter learning's SQL (tables learned_params, param_pages, param_variants, param_evidence: 001-baseline.ts),
 * as statements prepared once per connection.
 */
import type { StoreDatabase, StoreStatement } from '../database.js';
import type { ParamChanges, ParamPlan } from '../interfaces.js';
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
    learnedFor: db.prepare<[string], string>(`SELECT param FROM learned_params WHERE host = ? AND state = 'ignorable' ORDER BY param`).pluck(),
  };
}

/** A host's ignorable parameters (plucked names); null on a (read-only, older) store without the table. */
export function learnedParamsStatement(db: StoreDatabase): StoreStatement<[string], string> | null {
  if (!hasTable(db, 'learned_params')) return null;
  return db.prepare<[string], string>(`SELECT param FROM learned_params WHERE host = ? AND state = 'ignorable'`).pluck();
}

type Verdict = 'same' | 'different';

function verdictOf(a: Omit<ParamPageRow, 'url'>, b: Omit<ParamPageRow, 'url'>): Verdict {
  if (a.canonical !== null && b.canonical !== null) return a.canonical === b.canonical ? 'same' : 'different';
  return a.content_hash === b.content_hash ? 'same' : 'different';
}

/**
 * Records one page's parameter evidence and decides the parameters it touched (the rule is paramLearning.ts's):
 * shared by the embedded learner and the workers' SQLite FrontierStore. The caller holds the transaction.
 */
export function recordParamPlan(s: ReturnType<typeof paramStatements>, plan: ParamPlan, now: number): ParamChanges {
  const { url, host, canonical } = plan;
  const changes: ParamChanges = { learned: [], unlearned: [] };
  const touched = new Set<string>();
  const note = (param: string, base: string, verdict: Verdict, detail: string) => {
    s.evidence.run({ host, param, base, verdict, detail, now });
    touched.add(param);
  };
  const self = { canonical, content_hash: plan.contentHash };
  s.upsertPage.run({ url, host, canonical, hash: plan.contentHash, now });
  for (const piece of plan.pieces) {
    const base = piece.base;
    s.addVariant.run({ base, param: piece.name, url, host, value: piece.value });
    // The same URL without the parameter, fetched before.
    const without = s.page.get(base);
    if (without) note(piece.name, base, verdictOf(self, without), `${url} vs ${base}`);
    // The same URL with another value of the parameter.
    for (const other of s.siblings.all({ base, param: piece.name, url })) note(piece.name, base, verdictOf(self, other), `${url} vs ${other.url}`);
    // The page names as its canonical URL this URL less exactly this parameter: the site says it is ignorable.
    if (canonical === base) note(piece.name, base, 'same', `${url} names ${base} canonical`);
  }
  // This URL is the base of URLs fetched before that carry one more parameter.
  for (const child of s.children.all({ base: url })) note(child.param, url, verdictOf(self, child), `${child.url} vs ${url}`);
  const never = new Set(plan.rules.neverLearned);
  for (const param of touched) {
    const state = s.state.get(host, param);
    // Settled, or nothing that could change it: the evidence (which grows with every page carrying the
    // parameter) is not counted, so a page costs the same at the millionth URL as at the first.
    if (state === 'significant') continue;
    const different = s.anyDifferent.get(host, param) !== undefined;
    if (!different && (state !== undefined || never.has(param.toLowerCase()))) continue;
    const same = s.sameCount.get(host, param) as number;
    if (different) {
      s.setState.run({ host, param, state: 'significant', confirmations: same, now });
      if (state === 'ignorable') changes.unlearned.push({ host, param });
      continue;
    }
    if (same < plan.rules.minConfirmations) continue;
    s.setState.run({ host, param, state: 'ignorable', confirmations: same, now });
    changes.learned.push({ host, param, confirmations: same });
  }
  return changes;
}
