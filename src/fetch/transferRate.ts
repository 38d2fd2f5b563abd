import type { Readable } from 'node:stream';

/** The slowest body transfer accepted: fewer than `bytesPerSecond` on average over `windowMs` ends it. */
export interface MinTransferRate {
  bytesPerSecond: number;
  windowMs: number;
}

/** A body that arrived too slowly (a drip-feeding server); a kind of timeout. */
export class SlowTransferError extends Error {
  constructor(readonly bytes: number, readonly rate: MinTransferRate) {
    super(`transfer too slow: ${bytes} bytes in the last ${Math.round(rate.windowMs / 1000)} s (minimum ${rate.bytesPerSecond} B/s)`);
    this.name = 'SlowTransferError';
  }
}

/**
 * Watches a body stream on a timer (not on chunk arrival, so a server that sends one byte just inside
 * the idle timeout is caught too) and destroys it with SlowTransferError when the bytes received in the
 * last window fall below the minimum. `bodyTimeoutMs` alone cannot do this: it resets on every byte.
 */
export function watchTransferRate(stream: Readable, received: () => number, rate: MinTransferRate): { stop(): void } {
  if (!(rate.bytesPerSecond > 0) || !(rate.windowMs > 0)) return { stop() {} };
  const tickMs = Math.max(50, Math.min(1000, rate.windowMs / 4));
  const started = Date.now();
  // (time, bytes so far) samples, oldest first, covering at least one window.
  const samples: [number, number][] = [[started, 0]];
  const timer = setInterval(() => {
    const now = Date.now();
    const bytes = received();
    samples.push([now, bytes]);
    while (samples.length > 2 && samples[1]![0] <= now - rate.windowMs) samples.shift();
    const [since, before] = samples[0]!;
    if (now - since < rate.windowMs) return; // not a full window yet
    const inWindow = bytes - before;
    if (inWindow < (rate.bytesPerSecond * (now - since)) / 1000) {
      clearInterval(timer);
      stream.destroy(new SlowTransferError(inWindow, rate));
    }
  }, tickMs);
  return { stop: () => clearInterval(timer) };
}
