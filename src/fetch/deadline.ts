/**
 * A hard deadline for one unit of work (a page, a robots.txt fetch) as an AbortSignal.
 *
 * Why not `AbortSignal.timeout()` combined with `AbortSignal.any()`: on Node 20 the timeout signal is
 * only weakly held by the combined signal, so a garbage collection during a long fetch can drop it and
 * the deadline never fires (a drip-feeding server then holds a run for as long as it likes). A plain
 * timer is strongly held by the event loop until it fires or is cleared, whatever the GC does.
 */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Stops the timer and the parent listener; call it in `finally` once the work is over. */
  clear(): void;
}

/** The reason a deadline aborts with: a TimeoutError, as `AbortSignal.timeout` would give. */
export class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`deadline of ${ms} ms exceeded`);
    this.name = 'TimeoutError';
  }
}

/** Aborts after `ms`, or as soon as `parent` aborts (with the parent's reason). */
export function startDeadline(ms: number, parent?: AbortSignal): Deadline {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  const timer = Number.isFinite(ms) ? setTimeout(() => controller.abort(new DeadlineError(ms)), Math.max(0, ms)) : null;
  return {
    signal: controller.signal,
    clear() {
      if (timer) clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}

/** Runs `work` under a deadline and always clears it afterwards. */
export async function withDeadline<T>(ms: number, parent: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const deadline = startDeadline(ms, parent);
  try {
    return await work(deadline.signal);
  } finally {
    deadline.clear();
  }
}
