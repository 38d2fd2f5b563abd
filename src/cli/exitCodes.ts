/** Process exit codes; documented in the README so cron wrappers can act on them. */
export const EXIT = {
  OK: 0,
  ERROR: 1,
  USAGE: 2,
  /** The environment is unusable: the store path is a file, read-only, full or cannot be created; the port is taken. */
  ENVIRONMENT: 2,
  LOCKED: 3,
  /** The run completed but every fetch failed (source down, network gone). */
  ALL_FAILED: 4,
  SIGINT: 130,
  SIGTERM: 143,
} as const;
