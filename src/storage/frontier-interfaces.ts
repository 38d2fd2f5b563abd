/**
 * The frontier store's contract (interfaces.ts re-exports it): the URL queue shared by a crawl's workers, its leases,
 * host politeness, takedown rules and learned URL parameters; SQLite embedded, Redis shared.
 */

/** `host:pid:random` — who holds a lease; a dead worker's leases expire and go back to the queue. */
export type WorkerId = string;

export interface Lease {
  worker: WorkerId;
  /** Epoch ms; after it the URL may be reclaimed by anyone. */
  expiresAt: number;
}

export type QueuedKind = 'seed' | 'feed' | 'sitemap' | 'page';
export type QueuedState = 'queued' | 'in_flight' | 'done' | 'failed' | 'skipped';

/** A URL to add. `url` is the de-duplication key (already normalized by the caller). */
export interface QueueItem {
  url: string;
  /** What to fetch (the URL as discovered); defaults to `url`. */
  requestUrl?: string;
  /** Host key (hostname[:port]) the pacing and concurrency apply to. */
  host: string;
  source: string;
  depth: number;
  kind: QueuedKind;
  priority?: number;
  discoveredFrom?: string | null;
  /** Not before this time (epoch ms); default now. */
  notBefore?: number;
}

/** A claimed URL: the row plus the lease that makes this worker its only fetcher until it expires. */
export interface ClaimedItem {
  url: string;
  requestUrl: string;
  host: string;
  source: string;
  depth: number;
  kind: QueuedKind;
  attempts: number;
  discoveredFrom: string | null;
  lease: Lease;
  /**
   * Present when the claim itself did what a worker asks first of every claimed URL, in the same round trip: the
   * store's takedown rules were checked (a URL they cover is never handed out) and `validators` is what
   * `validators(url)` answers (only the lease holder changes it until the lease ends). Absent: ask the store.
   */
  claimChecks?: { validators: UrlValidators };
}

/** Politeness per host, set by the worker from config (every worker of one crawl runs the same config). */
export interface HostPolicy {
  /** Minimum spacing between request starts to one host, ms. */
  delayMs: number;
  /** At most this many leases live on one host at once. */
  concurrency: number;
}

export interface ClaimRequest {
  worker: WorkerId;
  /** At most this many URLs. */
  limit: number;
  now: number;
  /** How long the lease lasts (renew for longer work). */
  leaseMs: number;
  /** Politeness for a host (by its source); claim never hands out a URL that would break it. */
  policyFor: (host: string, source: string) => HostPolicy;
  /** Sources whose page budget is spent: their URLs are not handed out. */
  exhaustedSources?: ReadonlySet<string>;
  /** Hosts whose page budget (a source's maxPagesPerHost) is spent: their URLs are not handed out. */
  exhaustedHosts?: ReadonlySet<string>;
}

/** A URL's row as a site's change signal is judged against it. */
export interface SiteSignalState {
  state: QueuedState;
  source: string;
  kind: QueuedKind;
  siteModified: string | null;
  lastModified: string | null;
  /** When it was last finished (epoch ms), or null. */
  fetchedAt: number | null;
  nextRevisitAt: number | null;
}

/** A question about a shared set: its size, and which of `members` it holds ('all': list them). */
export interface SetRead {
  key: string;
  members: readonly string[] | 'all';
}

export interface SetState {
  size: number;
  /** The asked members the set holds (every member for 'all'). */
  members: string[];
}

export interface FinishedFetch {
  state: 'done' | 'failed' | 'skipped';
  outcome: string;
  status?: number;
  error?: string;
  snapshotId?: string;
  etag?: string;
  lastModified?: string;
  /** Revisit at this time (epoch ms), or never (null/absent). */
  nextRevisitAt?: number | null;
}

/** What earlier fetches learned about a URL (conditional requests, revisit counting). */
export interface UrlValidators {
  etag: string | null;
  lastModified: string | null;
  snapshotId: string | null;
  fetchCount: number;
}

export interface QueueCounts {
  queued: number;
  inFlight: number;
  done: number;
  failed: number;
  skipped: number;
}

export type ExclusionKind = 'url' | 'prefix' | 'host' | 'id';

export interface ExclusionRule {
  kind: ExclusionKind;
  value: string;
}

export interface ExclusionRow extends ExclusionRule {
  reason: string | null;
  createdAt: string;
}

/**
 * One fetched page's evidence about its URL's query parameters, as the learner (frontier/paramLearning.ts
 * paramPlan) prepared it: the URL and canonical with the host's learned parameters already dropped, and each
 * single-valued parameter with the URL less it (its base). The store records it, compares it with pages one
 * parameter apart and learns or un-learns parameters by `rules`.
 */
export interface ParamPlan {
  url: string;
  host: string;
  canonical: string | null;
  contentHash: string;
  pieces: readonly { name: string; value: string; base: string }[];
  rules: { minConfirmations: number; neverLearned: readonly string[] };
}

/** What one observation changed in a host's learned (ignorable) parameters. */
export interface ParamChanges {
  learned: { host: string; param: string; confirmations: number }[];
  unlearned: { host: string; param: string }[];
  /**
   * Queued URLs that carried a parameter learned now and became aliases of their URL less it (finished
   * `alias-of:<url>`, the plain URL queued in their place), in the same atomic step. Absent: none, or the store does not
   * alias (the SQLite lease frontier; the embedded crawl's ParamLearner does it on its own table).
   */
  aliased?: number;
}

/**
 * What one page adds to its shared run's report, recorded by the page's finish (or give-back) in the same atomic
 * step, and only when that step applies (the lease was still the worker's): a page counts once, whichever worker
 * finished it, and a worker killed with pages in flight counts none of them (their next worker does).
 */
export interface RunTally {
  /** The run's tally: one per run, read whole by readTally. */
  key: string;
  /** Counters added to (integers). */
  add?: Readonly<Record<string, number>>;
  /** Records set once: a field already set keeps its first value. */
  once?: Readonly<Record<string, string>>;
}

/**
 * The shared crawl frontier: queue, seen set, leases, per-host pacing and concurrency, budgets and counters.
 * Every multi-step change (claim, finish, reclaim) is atomic in the backend, so two workers never hold one URL.
 */
export interface FrontierStore {
  /** Adds the URLs not seen before (nor excluded); returns how many were new. */
  addMany(items: readonly QueueItem[]): Promise<number>;
  /**
   * Marks URLs handled without a fetch of their own (the final URL of a redirect another page followed; the
   * canonical article a variant URL was stored as): added as `done` with `outcome` when new, moved to `done` when
   * queued, left alone otherwise (fetched, or being fetched). With `fetch`, the URL takes that fetch as its own, as
   * `finish` records one (validators, snapshot, next revisit, fetch count). Returns how many changed.
   */
  markHandled(items: readonly QueueItem[], outcome: string, now: number, fetch?: FinishedFetch): Promise<number>;
  /** Puts a seen URL back on the queue if it is done or failed (a scheduled revisit or a re-seed); true if requeued. */
  requeue(url: string, notBefore: number): Promise<boolean>;
  /**
   * Hands out up to `limit` due URLs under leases, honouring each host's delay (spacing of request starts) and
   * concurrency (live leases per host). The claim itself books the host's next allowed start.
   */
  claim(request: ClaimRequest): Promise<ClaimedItem[]>;
  /** Extends the worker's leases (long fetches, browser renders). Returns the URLs still held. */
  renew(worker: WorkerId, urls: readonly string[], expiresAt: number): Promise<string[]>;
  /**
   * Records the result and releases the lease; false (and no change) when the lease was lost to someone else.
   * With `tally`, adds it to the run's tally in the same atomic step.
   */
  finish(worker: WorkerId, url: string, result: FinishedFetch, now: number, tally?: RunTally): Promise<boolean>;
  /** Releases the lease and queues the URL again at `at` (a transient failure); false when the lease was lost. `tally` as for finish. */
  retryLater(worker: WorkerId, url: string, at: number, error: string, tally?: RunTally): Promise<boolean>;
  /** A run's tally by field: counters as decimal strings, records as set. Empty for a key never tallied. */
  readTally(key: string): Promise<Map<string, string>>;
  /** Removes a run's tally (its report is written). */
  dropTally(key: string): Promise<void>;
  /**
   * Done or failed URLs of `sources` whose next revisit (FinishedFetch.nextRevisitAt) is due by `now` go back on the
   * queue, due at once (a done URL's attempts start again); returns how many. What the embedded crawl does at the
   * start of every run: a shared crawl's seeder does it once per run.
   */
  requeueDue(now: number, sources: readonly string[]): Promise<number>;
  /**
   * Books one request start to `host` outside any claim (a page requisite: an image of an article being stored):
   * the earliest time at or after `now` that keeps the host's spacing (`delayMs`, or the delay a claim stored for the
   * host when longer). The host's next allowed start moves past it, so no claim, here or in another worker, takes it.
   */
  bookStart(host: string, now: number, delayMs: number): Promise<number>;
  /** Expired leases go back to the queue (attempts kept); returns how many. */
  reclaimExpired(now: number): Promise<number>;
  /** Earliest time a queued URL becomes claimable (null when nothing is queued). */
  nextDueAt(): Promise<number | null>;
  /** Leases not yet expired at `now`. */
  liveLeases(now: number): Promise<number>;
  /**
   * nextDueAt and liveLeases(now) read at one instant, for judging a crawl's end. Read one after the other, a page
   * finishing between the two reads (its links queued, then its lease ended) showed an empty queue and no live
   * lease in the middle of a crawl, and a worker ended the run (and wrote its report) while another still crawled.
   */
  queueState(now: number): Promise<{ nextDueAt: number | null; liveLeases: number }>;
  counts(): Promise<QueueCounts>;
  validators(url: string): Promise<UrlValidators | null>;
  /** Whether `url` was ever added. */
  has(url: string): Promise<boolean>;
  /** `has` for many URLs in one call (a page's links, for the trap guard). */
  hasMany(urls: readonly string[]): Promise<boolean[]>;

  /** Counts one more stored page against a budget key (a source, a host); returns the new total. */
  incrementCounter(key: string, by?: number): Promise<number>;
  counter(key: string): Promise<number>;

  /** What each URL's row says for a site's change signal (sitemap lastmod, feed updated); null for a URL never added. */
  siteSignals(urls: readonly string[]): Promise<(SiteSignalState | null)[]>;
  /** Records the site's newest change signal per URL (compared with the next one: src/frontier/siteSignal.ts). */
  setSiteModified(items: readonly { url: string; modified: string }[]): Promise<void>;

  /** Several counters at once (0 for a key never counted). */
  counters(keys: readonly string[]): Promise<number[]>;

  /**
   * Sets every worker of a crawl reads and adds to (the trap guard's state per run: src/crawler/worker-traps.ts):
   * each set's size and which of the asked members it holds ('all': every member).
   */
  readSets(reads: readonly SetRead[]): Promise<SetState[]>;
  /** Adds members to shared sets; a set not added to for `ttlMs` may be dropped (Redis expires it). */
  addToSets(adds: readonly { key: string; members: readonly string[] }[], ttlMs: number): Promise<void>;
  /** The URLs `url` was found through: its discoverer, that one's, … (nearest first, at most `max`, stopping at a cycle). */
  lineage(url: string, max: number): Promise<string[]>;

  /** robots.txt bodies cached per origin until `expiresAt`. */
  robots(origin: string, now: number): Promise<string | null>;
  putRobots(origin: string, body: string, expiresAt: number): Promise<void>;

  /** Takedown rules the frontier refuses to hand out (a takedown made while workers run). */
  addExclusions(rules: readonly ExclusionRule[], reason: string | null): Promise<number>;
  removeExclusion(rule: ExclusionRule): Promise<boolean>;
  listExclusions(): Promise<ExclusionRow[]>;
  isExcluded(url: string): Promise<boolean>;

  /** The query parameters learned for `host` not to change the page (dropped from its links). */
  learnedParams(host: string): Promise<string[]>;
  /** Records one page's parameter evidence (a {@link ParamPlan}) and learns/un-learns by it; one atomic step. */
  observeParams(plan: ParamPlan, now: number): Promise<ParamChanges>;

  /** Claims the one-time "seed this run" marker: true for exactly one caller per `key`. */
  claimOnce(key: string, worker: WorkerId, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}
