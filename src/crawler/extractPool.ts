import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../util/logger.js';
import { bundleExtractWorker } from './extractBundle.js';
import { reviveResult, runExtractTask, type ExtractResult, type ExtractTask } from './extractTask.js';

/**
 * true: workers from the start; false: never (everything in the crawl's thread); 'auto' (default):
 * in-process for the first `autoAfter` pages, then workers, so a one-page or test crawl never pays
 * for starting threads (each loads the extractor: ~0.2 s of CPU). Once the workers are starting, a page waits
 * for them rather than being extracted in the crawl's thread (see ExtractPool.run).
 */
export type ExtractPoolMode = boolean | 'auto';

export interface ExtractPoolOptions {
  mode?: ExtractPoolMode;
  /**
   * Worker threads; default one per core beyond the crawl's own thread (which keeps fetching, the
   * frontier, SQLite and the snapshot files), at least one: on 2 cores, 1 worker + the main thread.
   */
  threads?: number;
  autoAfter?: number;
  logger: Logger;
  /** The worker module (tests substitute one that crashes); default extractWorker.mjs. */
  workerFile?: URL;
}

/**
 * The crawl's Node flags minus tsx's loader (`--import tsx`, `--import=tsx/esm`, …), which a bundled worker
 * does not need: other flags (--cpu-prof, --inspect, memory limits) still reach the worker.
 */
function withoutTsx(argv: readonly string[]): string[] {
  const LOADER = /^--(?:import|require|loader|experimental-loader)$/;
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (LOADER.test(arg) && /\btsx\b/.test(argv[i + 1] ?? '')) i++;
    else if (!/^--(?:import|require|loader|experimental-loader)=.*\btsx\b/.test(arg)) out.push(arg);
  }
  return out;
}

/**
 * The flags a worker thread accepts, of `argv`. Node refuses a Worker whose execArgv holds a V8 or process-wide
 * option (`--max-old-space-size`, `--expose-gc`, …: ERR_WORKER_INVALID_EXEC_ARGV), and a worker given no execArgv
 * inherits the process's, so one such flag on the crawl's command line left every page to the crawl's own thread.
 * Those options reach the workers anyway (V8's flags are the process's; the heap limits are set per worker).
 * Each flag is tried on a worker that exits at once: only when the list as a whole was refused.
 */
export function workerExecArgv(argv: readonly string[]): string[] {
  return argv.filter((arg) => {
    try {
      void new Worker('', { eval: true, execArgv: [arg], stdout: true, stderr: true }).terminate();
      return true;
    } catch {
      return false;
    }
  });
}

const refusedExecArgv = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_INVALID_EXEC_ARGV';

/** The worker running this page's extraction died (out of memory, killed): the page fails, the crawl goes on. */
export class ExtractCrashError extends Error {
  override readonly name = 'ExtractCrashError';
}

/** After this many crashes in a row the workers are taken to be broken and extraction moves in-process. */
const MAX_CONSECUTIVE_CRASHES = 5;
/**
 * The worker's young generation: extraction allocates ~2 MB per page, nearly all short-lived, so a larger nursery
 * means fewer scavenges. 24 MB against 8: CPU per page 7.77 vs 8.24 ms (medians of 6 alternating 2 000-article
 * bench crawls), peak RSS +10–13 MB.
 */
const WORKER_YOUNG_MB = 24;
/** How long pages wait for starting workers (ExtractPool.run) before they are extracted in-process meanwhile. */
const STARTUP_WAIT_MS = 30_000;
/** Per-worker heap cap: a hostile page exhausts a worker's heap, not the crawl's. */
const WORKER_HEAP_MB = 256;

const WARM_UP: ExtractTask = {
  fetch: {
    url: 'http://warm-up.invalid/',
    finalUrl: 'http://warm-up.invalid/',
    status: 200,
    statusText: 'OK',
    headers: { 'content-type': 'text/html; charset=utf-8' },
    rawHeaders: [['Content-Type', 'text/html; charset=utf-8']],
    requestHeaders: {},
    body: Buffer.from('<html><head><title>warm-up</title></head><body><p>warm-up</p></body></html>'),
    truncated: false,
    redirects: [],
    fetchedAt: new Date(0),
    attempts: 1,
  },
  options: { url: 'http://warm-up.invalid/' },
  prepare: true,
};

/**
 * Parse + extract + hashing + gzip of fetched pages on worker threads (piscina), sized to the cores, so
 * the crawl's own thread is left with fetching, the frontier and the store. Falls back to running the
 * same task in-process while the workers start, when they cannot start, or when they keep dying.
 */
export class ExtractPool {
  private pool: Piscina<ExtractTask, ExtractResult> | null = null;
  private state: 'idle' | 'starting' | 'ready' | 'off';
  private seen = 0;
  private consecutiveCrashes = 0;
  /** Settles when the workers have answered their warm-up task or could not start (the state leaves 'starting'). */
  private startup: Promise<void> | null = null;
  private startupSettled: () => void = () => undefined;
  readonly counts = { inWorker: 0, inProcess: 0, crashes: 0 };
  readonly threads: number;
  /** How long the workers took to answer their first task (module loading), once they have. */
  startupMs: number | null = null;

  constructor(private readonly opts: ExtractPoolOptions) {
    this.threads = Math.max(1, opts.threads ?? availableParallelism() - 1);
    const mode = opts.mode ?? 'auto';
    this.state = mode === false ? 'off' : 'idle';
    if (mode === true) this.start();
  }

  /** Extracts one page; rejects only with ExtractCrashError (the task itself never throws: extractArticle is guarded). */
  async run(task: ExtractTask): Promise<ExtractResult> {
    if (this.state === 'idle' && ++this.seen >= (this.opts.autoAfter ?? 32)) this.start();
    // While the workers start (0.3 s on a quiet machine, 1-2 s on a busy one), pages wait for them instead of being
    // extracted here: each page extracted in the crawl's thread made its isolate compile the extractor's functions
    // and regular expressions a second time (the worker compiles them anyway), 20-100 cold pages per crawl.
    if (this.state === 'starting') await this.startup;
    const pool = this.pool;
    if (this.state !== 'ready' || !pool) {
      this.counts.inProcess++;
      return runExtractTask(task);
    }
    try {
      const result = reviveResult(await pool.run(task));
      this.consecutiveCrashes = 0;
      this.counts.inWorker++;
      return result;
    } catch (err) {
      this.counts.crashes++;
      const message = err instanceof Error ? err.message : String(err);
      if (++this.consecutiveCrashes >= MAX_CONSECUTIVE_CRASHES && this.state === 'ready') {
        this.opts.logger.error({ err: message }, 'extraction workers keep dying; extracting in-process from now on');
        this.shutdown();
      }
      throw new ExtractCrashError(`extraction worker failed: ${message}`, { cause: err });
    }
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.state = 'off';
    this.pool = null;
    this.startupSettled();
    await pool?.destroy().catch(() => undefined);
  }

  private start(): void {
    this.state = 'starting';
    this.startup = new Promise<void>((resolve) => (this.startupSettled = resolve));
    // Pages wait while the worker module is bundled (extractBundle.ts) and loaded, but not for ever: a start that
    // neither answers nor fails within STARTUP_WAIT_MS lets them be extracted in-process again meanwhile.
    setTimeout(() => this.startupSettled(), STARTUP_WAIT_MS).unref();
    const bundled = this.opts.workerFile ? Promise.resolve(null) : bundleExtractWorker();
    void bundled.then(
      (url) => {
        if (this.state === 'starting') this.launch(url);
      },
      (err: unknown) => this.failedToStart(err), // pages wait for the start: it must settle
    );
  }

  /** Starts the threads on the bundled module (plain JavaScript: no tsx in the workers) or, without one, extractWorker.mjs. */
  private launch(bundle: URL | null): void {
    // A bundled worker needs no tsx loader; an unbundled one inherits the process's flags, tsx's among them.
    const argv = bundle ? withoutTsx(process.execArgv) : process.execArgv;
    const open = (execArgv: string[]) =>
      new Piscina<ExtractTask, ExtractResult>({
        // A CommonJS loader that import()s the worker module on the first task (why: extractWorkerLoader.cjs).
        filename: new URL('./extractWorkerLoader.cjs', import.meta.url).href,
        workerData: { extractModule: (bundle ?? this.opts.workerFile ?? new URL('./extractWorker.mjs', import.meta.url)).href },
        minThreads: this.threads,
        maxThreads: this.threads,
        execArgv,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      });
    try {
      try {
        this.pool = open(argv);
      } catch (err) {
        if (!refusedExecArgv(err)) throw err;
        this.pool = open(workerExecArgv(argv));
      }
    } catch (err) {
      this.failedToStart(err);
      return;
    }
    // A worker that dies outside a task (its module failed to load) is reported here, not by run().
    this.pool.on('error', (err: unknown) => {
      if (this.state === 'starting') this.failedToStart(err);
      else this.opts.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'an extraction worker died');
    });
    // One task through every worker's module loading: until it answers, pages are extracted in-process.
    const t0 = performance.now();
    this.pool.run(WARM_UP).then(
      () => {
        this.startupMs = performance.now() - t0;
        if (this.state === 'starting') this.state = 'ready';
        this.startupSettled();
        this.opts.logger.debug({ threads: this.threads }, 'extraction workers ready');
      },
      (err: unknown) => this.failedToStart(err),
    );
  }

  private failedToStart(err: unknown): void {
    if (this.state === 'off') return; // closed while starting: not a failure
    this.opts.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'extraction workers could not start; extracting in-process');
    this.shutdown();
  }

  private shutdown(): void {
    const pool = this.pool;
    this.state = 'off';
    this.pool = null;
    this.startupSettled();
    void pool?.destroy().catch(() => undefined);
  }
}
