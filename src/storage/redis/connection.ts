import { Redis } from 'ioredis';
import { SCRIPTS, scriptSource, type ScriptName } from './scripts.js';

/** A Redis frontier could not be reached or answered unexpectedly. */
export class RedisFrontierError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RedisFrontierError';
  }
}

export type ScriptArg = string | number;
type ScriptFn = (...args: ScriptArg[]) => Promise<unknown>;

/** Checks `redis://HOST:PORT/DB` (or rediss://) before a connection is attempted. */
export function parseRedisUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (err) {
    throw new RedisFrontierError(`not a Redis URL: ${url}`, { cause: err });
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new RedisFrontierError(`not a redis:// URL: ${url}`);
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new RedisFrontierError(`the Redis database must be a number: ${url}`);
  return parsed;
}

/**
 * Connects and registers the frontier's scripts (defineCommand: EVALSHA, re-sent by EVAL once if the server lost its
 * script cache). Fails fast when the server is not there rather than queueing commands forever.
 */
export async function openRedis(url: string): Promise<Redis> {
  parseRedisUrl(url);
  // Auto-pipelining: the commands a worker's pages issue in one event-loop turn go out in one write (one syscall,
  // one read of the replies) instead of one each; replies and atomicity per command are unchanged.
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, enableOfflineQueue: true, connectTimeout: 5_000, enableAutoPipelining: true });
  for (const name of Object.keys(SCRIPTS) as ScriptName[]) redis.defineCommand(name, { numberOfKeys: 0, lua: scriptSource(name) });
  // A lost connection surfaces as the failing command's rejection (after ioredis's retries); without a listener
  // ioredis would also print every reconnect attempt.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    throw new RedisFrontierError(`cannot connect to Redis at ${url}: ${(err as Error).message}`, { cause: err });
  }
  return redis;
}

/** Runs one registered script; the prefix goes first (ARGV[1]). */
export function runScript(redis: Redis, prefix: string, name: ScriptName, ...args: ScriptArg[]): Promise<unknown> {
  const fn = (redis as unknown as Record<ScriptName, ScriptFn>)[name];
  return fn.call(redis, prefix, ...args);
}

/** Deletes every key under `prefix` (SCAN, so a large frontier does not block the server). */
export async function deleteByPrefix(redis: Redis, prefix: string): Promise<number> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  let cursor = '0';
  let removed = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1_000);
    cursor = next;
    if (keys.length > 0) removed += await redis.unlink(...keys);
  } while (cursor !== '0');
  return removed;
}
