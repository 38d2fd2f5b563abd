/** Raised by withTimeout; Playwright's own timeouts are errors.TimeoutError (name 'TimeoutError'). */
export class DeadlineError extends Error {
  constructor(readonly what: string, readonly ms: number) {
    super(`${what} took longer than ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

/** By name, so this module does not load playwright-core (1–2 s of import time) for callers that never render. */
export function isTimeout(err: unknown): boolean {
  return err instanceof DeadlineError || (err instanceof Error && err.name === 'TimeoutError');
}

/**
 * Settles with `promise` or rejects with DeadlineError after `ms`. For calls that take no timeout
 * of their own (context.close, response.body) and would otherwise hang with a hung browser.
 * The losing promise is left to settle on its own; its rejection is swallowed.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(what, ms)), Math.max(0, ms));
  });
  promise.catch(() => undefined);
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/**
 * Settles with `promise`, or rejects as soon as `signal` aborts: a page call caught mid-way by a
 * closing context is not guaranteed to settle promptly, and an aborted render must not wait for it.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([promise, aborted]).finally(() => signal.removeEventListener('abort', onAbort!));
}

/** Milliseconds until `deadline` (epoch ms), at least `floor` so a last step still gets a chance. */
export function remaining(deadline: number, floor = 1): number {
  return Math.max(floor, deadline - Date.now());
}
