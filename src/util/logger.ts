import { pino, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level?: string;
  destination?: NodeJS.WritableStream;
  /**
   * The CLI writes the run summary itself (one JSON line per run): the crawler's 'crawl finished' line
   * then carries only the run id and status, so the summary is not in the log twice.
   */
  summaryElsewhere?: boolean;
}

/** JSON lines on stderr (stdout stays free for command output), ISO times; silent in tests unless asked. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.SNAPCRAWL_LOG_LEVEL ?? 'info';
  return pino(
    {
      level,
      base: { name: 'snapcrawl' },
      timestamp: pino.stdTimeFunctions.isoTime,
      ...(options.summaryElsewhere && {
        hooks: {
          logMethod(args, method) {
            const [fields, msg] = args as unknown[];
            const summary = (fields as { summary?: { runId?: string; status?: string } } | null)?.summary;
            if (msg === 'crawl finished' && summary && typeof summary === 'object') {
              const { summary: _omitted, ...rest } = fields as Record<string, unknown>;
              return method.apply(this, [{ ...rest, runId: summary.runId, status: summary.status }, msg] as Parameters<typeof method>);
            }
            return method.apply(this, args);
          },
        },
      }),
    },
    (options.destination ?? process.stderr) as pino.DestinationStream,
  );
}

/** A logger that drops everything; the default for library callers that pass none. */
export const silentLogger: Logger = pino({ level: 'silent' });
