import type { FrontierEntry } from '../frontier/index.js';
import { storeTrouble, StoreFullError } from '../storage/index.js';
import type { Logger } from '../util/logger.js';
import type { PageProcessor } from './pageProcessor.js';
import { writeRunReport } from './runs.js';
import type { RunSummary } from './summary.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * How an embedded run meets the store's errors (crawler.ts keeps the loop, this the policy): a busy store is retried,
 * a full disk ends the run `failed` once what is in flight is done, and a page whose processing crashed is recorded
 * or requeued, never fatal to the run; the run's last writes on a full disk still end it with its summary.
 */
export class RunFaults {
  /** An error that ends the run (a full disk): no more pages are claimed, the run is reported `failed`. */
  fatal: Error | null = null;

  /** `onFatal` wakes the claim loop, which then sees `fatal` and stops claiming. */
  constructor(private readonly storeDir: string, private readonly onFatal: () => void) {}

  /** Records a full disk met under `err` as the run's fatal error (the first one stays); returns it. */
  diskFull(err: unknown): Error {
    this.fatal ??= new StoreFullError(this.storeDir, { cause: err });
    return this.fatal;
  }

  /**
   * Whether the run can go on after a store error: a busy store can (the caller retries), a full disk
   * cannot (the run stops claiming, finishes what is in flight and ends `failed`). Anything else is a bug.
   */
  survivable(err: unknown, log: Logger): boolean {
    const trouble = storeTrouble(err, this.storeDir);
    if (trouble === 'busy') {
      log.warn({ err: String(err) }, 'store busy; retrying');
      return true;
    }
    if (trouble === 'full') {
      if (!this.fatal) log.error({ storeDir: this.storeDir, err: String(err) }, 'disk full: stopping the run');
      this.fatal ??= new StoreFullError(this.storeDir, { cause: err });
      this.onFatal();
      return true;
    }
    return false;
  }

  /**
   * The run's last writes: index bookkeeping, then the report file. On a full disk either may fail;
   * the run still ends with its summary (logged and returned), never with a raw stack.
   */
  finishRun(summary: RunSummary, bookkeeping: () => void, log: Logger): void {
    const storeDir = this.storeDir;
    for (const [what, step] of [
      ['run bookkeeping', bookkeeping],
      ['run report', () => writeRunReport(storeDir, summary)],
    ] as const) {
      try {
        step();
      } catch (err) {
        if (storeTrouble(err, storeDir) === 'full') {
          const fatal = this.diskFull(err);
          summary.status = 'failed';
          summary.failure = { kind: 'disk-full', message: fatal.message };
        }
        log.error({ err: String(err), storeDir }, `could not write the ${what}`);
      }
    }
  }

  async process(processor: PageProcessor, entry: FrontierEntry, log: Logger): Promise<void> {
    try {
      await processor.process(entry);
    } catch (err) {
      if (this.survivable(err, log)) {
        // The store's trouble, not the page's: the page goes back in the queue, never marked failed.
        await this.requeue(processor, entry, log);
        return;
      }
      // A bug in processing one page must not kill the run: record it and go on.
      log.error({ url: entry.url, err }, 'page processing crashed');
      try {
        processor.recordCrash(entry, err);
      } catch (recordErr) {
        if (!this.survivable(recordErr, log)) throw recordErr;
        await this.requeue(processor, entry, log);
      }
    }
  }

  /** Puts a page back in the queue, retrying while the store is busy (an in-flight row left behind waits for the next run). */
  private async requeue(processor: PageProcessor, entry: FrontierEntry, log: Logger): Promise<void> {
    for (let attempt = 1; attempt <= 20; attempt++) {
      try {
        processor.requeueAfterStoreError(entry, this.fatal ? 0 : Date.now() + 500);
        return;
      } catch (err) {
        if (storeTrouble(err) !== 'busy') break;
        await sleep(250 * attempt);
      }
    }
    log.warn({ url: entry.url }, 'could not requeue the page; the next run picks it up');
  }
}
