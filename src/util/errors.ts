/** Base class so callers can tell snapcrawl's own failures from bugs. */
export class SnapcrawlError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A config file that cannot be used; `path` is like `sources[2].seeds[0]`. */
export class ConfigError extends SnapcrawlError {
  constructor(
    message: string,
    readonly file: string,
    readonly issues: { path: string; message: string }[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type FetchErrorKind =
  | 'network'
  | 'timeout'
  | 'http'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'redirect-refused'
  | 'blocked-address'
  | 'invalid-url'
  | 'retry-later';

/** A fetch that failed for good (after retries); carries the URL and the underlying cause. */
export class FetchError extends SnapcrawlError {
  constructor(
    message: string,
    readonly url: string,
    readonly kind: FetchErrorKind,
    options?: { cause?: unknown; status?: number; retryAt?: Date },
  ) {
    super(`${message} (${url})`, options);
    this.status = options?.status;
    this.retryAt = options?.retryAt;
  }
  readonly status?: number;
  /** For `retry-later`: when the server said to come back (Retry-After beyond what we wait inline). */
  readonly retryAt?: Date;
}

/** Another process holds the store's run lock. */
export class LockError extends SnapcrawlError {
  constructor(message: string, readonly lockFile: string, readonly holderPid?: number) {
    super(message);
  }
}

/** A store that cannot be opened or written. */
export class StoreError extends SnapcrawlError {}
