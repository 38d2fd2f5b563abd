import { Cron } from 'croner';
import type { CrawlConfig, SourceConfig } from '../config/index.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { Crawler, type CrawlOptions } from './crawler.js';
import type { RunSummary } from './summary.js';

export interface ScheduledRun {
  source: string;
  summary?: RunSummary;
  error?: unknown;
}

/**
 * `snapcrawl schedule`: runs each source on its own cron expression. Runs go through one in-process
 * line because they share the store's lock; a source whose previous run is still running or waiting
 * is not queued again (it never overlaps itself).
 */
export class CrawlScheduler {
  private readonly jobs: Cron[] = [];
  private readonly waiting: SourceConfig[] = [];
  private readonly busy = new Set<string>();
  private current: Crawler | null = null;
  private draining: Promise<void> | null = null;

  constructor(
    private readonly config: CrawlConfig,
    private readonly options: Omit<CrawlOptions, 'sources'> & { onRun?: (r: ScheduledRun) => void; logger?: Logger },
  ) {}

  /** Starts the timers; returns the scheduled sources and their next run times. */
  start(): { source: string; next: Date | null }[] {
    const log = this.options.logger ?? silentLogger;
    const out: { source: string; next: Date | null }[] = [];
    for (const source of this.config.sources) {
      if (!source.schedule) continue;
      const job = new Cron(source.schedule, { timezone: source.timezone, name: source.name }, () => {
        this.enqueue(source);
      });
      this.jobs.push(job);
      out.push({ source: source.name, next: job.nextRun() });
      log.info({ source: source.name, schedule: source.schedule, next: job.nextRun()?.toISOString() }, 'scheduled');
    }
    return out;
  }

  /** Queues a run of `source` now unless one is already running or waiting. */
  enqueue(source: SourceConfig): boolean {
    const log = this.options.logger ?? silentLogger;
    if (this.busy.has(source.name)) {
      log.warn({ source: source.name }, 'previous run still going; this tick is skipped');
      return false;
    }
    this.busy.add(source.name);
    this.waiting.push(source);
    this.draining ??= this.drain().finally(() => (this.draining = null));
    return true;
  }

  private async drain(): Promise<void> {
    for (let source = this.waiting.shift(); source; source = this.waiting.shift()) {
      const crawler = new Crawler(this.config, { ...this.options, sources: [source] });
      this.current = crawler;
      try {
        const summary = await crawler.run();
        this.options.onRun?.({ source: source.name, summary });
      } catch (error) {
        (this.options.logger ?? silentLogger).error({ source: source.name, err: error }, 'scheduled run failed');
        this.options.onRun?.({ source: source.name, error });
      } finally {
        this.current = null;
        this.busy.delete(source.name);
      }
    }
  }

  /** Stops the timers and the running crawl (gracefully), and waits for it. */
  async stop(): Promise<void> {
    for (const job of this.jobs) job.stop();
    this.waiting.length = 0;
    this.current?.stop();
    await this.draining;
  }
}
