/**
 * Counts the store round trips of one process, by kind: Redis commands (scripts by name), PostgreSQL statements
 * (by their first words) and socket writes by server port (Redis: one per auto-pipelined batch), written as JSON to $ROUND_TRIPS_DIR/<pid>.json when the process exits. For the shared-crawl
 * bench's workers:
 *
 *   ROUND_TRIPS_DIR=/tmp/rt BENCH_WORKER_NODE_ARGS='--import ./scripts/bench/round-trips.mjs' BENCH_WORKERS=1 BENCH_RUNS=1 \
 *     node --import tsx scripts/bench/workers.ts
 *
 * Counting is in the client (ioredis sendCommand, pg Client.query), so other clients of shared servers do not blur it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';

const dir = process.env.ROUND_TRIPS_DIR ?? '/tmp/round-trips';
const redisCounts = new Map();
const pgCounts = new Map();
const shaNames = new Map();
/** Writes to each server port: with ioredis auto-pipelining, one per batch of commands sent together (a round trip). */
const writes = new Map();
const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);

const define = Redis.prototype.defineCommand;
Redis.prototype.defineCommand = function (name, def) {
  shaNames.set(createHash('sha1').update(def.lua).digest('hex'), name);
  return define.call(this, name, def);
};
const send = Redis.prototype.sendCommand;
Redis.prototype.sendCommand = function (command, stream) {
  const name = command.name === 'evalsha' || command.name === 'eval' ? (shaNames.get(String(command.args[0])) ?? command.name) : command.name;
  bump(redisCounts, name);
  return send.call(this, command, stream);
};
const write = net.Socket.prototype.write;
net.Socket.prototype.write = function (...args) {
  if (this.remotePort !== undefined) bump(writes, String(this.remotePort));
  return write.apply(this, args);
};
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
  const text = typeof config === 'string' ? config : (config?.text ?? '?');
  bump(pgCounts, text.replace(/\s+/g, ' ').trim().slice(0, 70));
  return query.call(this, config, ...rest);
};

process.on('exit', () => {
  mkdirSync(dir, { recursive: true });
  const obj = (m) => Object.fromEntries([...m].sort((a, b) => b[1] - a[1]));
  writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify({ writes: obj(writes), redis: obj(redisCounts), pg: obj(pgCounts) }, null, 1));
});
