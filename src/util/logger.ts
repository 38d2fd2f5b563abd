import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines on stderr (stdout stays free for command output); silent in tests unless asked. */
export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const level = options.level ?? process.env.SNAPCRAWL_LOG_LEVEL ?? 'info';
  return pino({ level, base: { name: 'snapcrawl' } }, (options.destination ?? process.stderr) as pino.DestinationStream);
}

/** A logger that drops everything; the default for library callers that pass none. */
export const silentLogger: Logger = pino({ level: 'silent' });
