/**
 * How the CLI reports problems on stderr. On a terminal: one readable line, `snapcrawl: message`.
 * Off a terminal (cron, systemd, pipes) or with --json: one JSON line shaped like the crawl's pino log
 * lines (level, time, name, fields, msg), so a log file that collects stdout and stderr stays JSON lines throughout.
 */

/** pino's numeric levels. */
const LEVELS = { warn: 40, error: 50, fatal: 60 } as const;

let jsonMode: boolean | null = null;

/** Decides once per process: JSON off a terminal, or when --json was given. */
export function setJsonDiagnostics(on: boolean): void {
  jsonMode = on;
}

export function jsonDiagnostics(): boolean {
  return jsonMode ?? process.stderr.isTTY !== true;
}

/**
 * Writes one diagnostic line to stderr. `prefix` names the command (`snapcrawl serve`) in the
 * readable form; `fields` go into the JSON line only (the message must be complete without them).
 */
export function reportProblem(
  message: string,
  options: { level?: keyof typeof LEVELS; prefix?: string; fields?: Record<string, unknown> } = {},
): void {
  if (jsonDiagnostics()) {
    const line = {
      level: LEVELS[options.level ?? 'error'],
      time: Date.now(),
      name: 'snapcrawl',
      ...options.fields,
      msg: message,
    };
    process.stderr.write(`${JSON.stringify(line)}\n`);
  } else {
    process.stderr.write(`${options.prefix ?? 'snapcrawl'}: ${message}\n`);
  }
}
