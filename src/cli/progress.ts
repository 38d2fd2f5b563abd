import cliProgress from 'cli-progress';
import type { CrawlProgress } from '../crawler/index.js';

/** A one-line progress bar for interactive runs (stderr, so stdout stays clean). */
export function createProgressBar(): { update: (p: CrawlProgress) => void; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    {
      format: ' {bar} {done} done | {queued} queued | {failed} failed | {rate} pages/s',
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      const total = p.done + p.queued + p.inFlight;
      const payload = { done: p.done, queued: p.queued, failed: p.failed, rate: p.pagesPerSecond.toFixed(1) };
      if (!started) {
        bar.start(Math.max(1, total), p.done, payload);
        started = true;
      } else {
        bar.setTotal(Math.max(1, total));
        bar.update(p.done, payload);
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
