import cliProgress from 'cli-progress';
import type { CrawlProgress } from '../crawler/index.js';

/** What the bar shows beyond the crawler's own counters (read from the run's log lines, see `logTap`). */
export interface ProgressExtras {
  elapsedMs: number;
  newSnapshots: number;
  host: string | null;
}

/** 75 s → "1m15s", 3 h → "3h00m"; under a minute in seconds. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** The bar's text fields: counters, elapsed time, ETA (what is queued or in flight at the current rate), new snapshots, host. */
export function progressFields(p: CrawlProgress, x: ProgressExtras) {
  const left = p.queued + p.inFlight;
  const eta = left === 0 ? '0s' : p.pagesPerSecond > 0 ? formatDuration((left / p.pagesPerSecond) * 1000) : '?';
  return {
    done: p.done,
    queued: p.queued,
    failed: p.failed,
    rate: p.pagesPerSecond.toFixed(1),
    newSnapshots: x.newSnapshots,
    elapsed: formatDuration(x.elapsedMs),
    // not `eta`: cli-progress fills that token with its own figure (seconds, no unit)
    etaText: eta,
    host: x.host ?? '-',
  };
}

export const PROGRESS_FORMAT =
  ' {bar} {done} done | {queued} queued | {failed} failed | {newSnapshots} new | {rate} pages/s | {elapsed} elapsed, ETA {etaText} | {host}';

/** The line without the bar itself (what the tests read). */
export function formatProgressLine(p: CrawlProgress, x: ProgressExtras): string {
  const f = progressFields(p, x) as Record<string, string | number>;
  return PROGRESS_FORMAT.replace(' {bar} ', '').replace(/\{(\w+)\}/g, (_, k: string) => String(f[k]));
}

/**
 * A one-line progress bar for interactive runs (stderr, so stdout stays clean). `logStream` is the
 * destination for the run's logger (at debug level): it counts new snapshots and follows the current
 * host from the log lines, and passes errors (level ≥ 50) through to stderr.
 */
export function createProgressBar(): { update: (p: CrawlProgress) => void; stop: () => void; logStream: NodeJS.WritableStream } {
  const bar = new cliProgress.SingleBar(
    { format: PROGRESS_FORMAT, hideCursor: true, clearOnComplete: false, stream: process.stderr, fps: 5 },
    cliProgress.Presets.shades_classic,
  );
  const t0 = Date.now();
  const extras: ProgressExtras = { elapsedMs: 0, newSnapshots: 0, host: null };
  let started = false;
  let last: CrawlProgress | null = null;
  const update = (p: CrawlProgress) => {
    last = p;
    extras.elapsedMs = Date.now() - t0;
    const total = p.done + p.queued + p.inFlight;
    const payload = progressFields(p, extras);
    if (!started) {
      bar.start(Math.max(1, total), p.done, payload);
      started = true;
    } else {
      bar.setTotal(Math.max(1, total));
      bar.update(p.done, payload);
    }
  };
  const logStream = {
    write(chunk: string | Buffer): boolean {
      for (const line of String(chunk).split('\n')) {
        if (!line.trim()) continue;
        let entry: { level?: number; msg?: string; url?: string; version?: string };
        try {
          entry = JSON.parse(line);
        } catch {
          process.stderr.write(`${line}\n`);
          continue;
        }
        if (entry.msg === 'snapshot' && entry.version === 'new') extras.newSnapshots++;
        if (typeof entry.url === 'string') {
          try {
            extras.host = new URL(entry.url).host;
          } catch {
            /* not a URL */
          }
        }
        if ((entry.level ?? 0) >= 50) process.stderr.write(`${line}\n`);
      }
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  return {
    update,
    stop: () => {
      if (started) {
        if (last) update(last);
        bar.stop();
        started = false;
      }
    },
    logStream,
  };
}
