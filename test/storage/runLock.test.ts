import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { acquireRunLock, runLockHolder, type LockBody } from '../../src/storage/index.js';
import { LockError } from '../../src/util/errors.js';
import { tempDir } from '../helpers/tmp.js';

const lockFile = (store: string) => join(store, 'crawl.lock');
const readLock = (store: string) => JSON.parse(readFileSync(lockFile(store), 'utf8')) as LockBody;
const writeLock = (store: string, body: LockBody) => writeFileSync(lockFile(store), JSON.stringify(body));
/** A pid that has already exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

test('the lock names its holder by worker id and carries a lease; release removes it', () => {
  const store = tempDir();
  const lock = acquireRunLock(store, { leaseMs: 30_000 });
  try {
    const body = readLock(store);
    assert.equal(body.worker, lock.worker);
    assert.match(lock.worker, new RegExp(`^${hostname()}:${process.pid}:[0-9a-f]{8}$`));
    assert.ok(body.expiresAt! > Date.now() && body.expiresAt! <= Date.now() + 30_000);
    assert.deepEqual(runLockHolder(store), body, 'a live lock of this process is held');
  } finally {
    lock.release();
  }
  assert.equal(runLockHolder(store), null);
});

test("another machine's run is refused while its lease is live, whatever its pid, and taken over once it expired", () => {
  const store = tempDir();
  const other: LockBody = { pid: 1, host: 'crawler-b.example', startedAt: '2026-01-01T00:00:00Z', worker: 'crawler-b.example:1:0badc0de', expiresAt: Date.now() + 60_000 };
  writeLock(store, other);
  assert.deepEqual(runLockHolder(store), other);
  assert.throws(() => acquireRunLock(store), (err: unknown) => err instanceof LockError && /crawler-b\.example:1:0badc0de.*lease runs to/.test(err.message));

  writeLock(store, { ...other, expiresAt: Date.now() - 1 });
  assert.equal(runLockHolder(store), null, 'an expired lease holds nothing');
  const lock = acquireRunLock(store);
  try {
    assert.equal(lock.recovered?.worker, other.worker, 'the expired holder is reported, so its leases can be taken back');
    assert.equal(readLock(store).worker, lock.worker);
  } finally {
    lock.release();
  }
});

test("on this machine the holder's process speaks for it: a dead one's live lease is taken over at once, a running one's is not", () => {
  const store = tempDir();
  const pid = deadPid();
  writeLock(store, { pid, host: hostname(), startedAt: 'x', worker: `${hostname()}:${pid}:deadbeef`, expiresAt: Date.now() + 60_000 });
  const lock = acquireRunLock(store);
  lock.release();
  assert.equal(lock.recovered?.pid, pid);

  // pid 1 runs on every machine: a lease of it here is a live run, even past its expiry (it may be stalled, not dead).
  writeLock(store, { pid: 1, host: hostname(), startedAt: 'y', worker: `${hostname()}:1:00000001`, expiresAt: Date.now() - 1 });
  assert.throws(() => acquireRunLock(store), /another crawl \(pid 1, started y\) holds the lock on /);
});

test('a lock from an older snapcrawl (no lease) keeps its rules: another machine refuses, a dead local pid is taken over', () => {
  const store = tempDir();
  writeLock(store, { pid: 4242, host: 'old-host.example', startedAt: 'z' });
  assert.throws(() => acquireRunLock(store), /locked by host old-host\.example \(pid 4242\); remove .* if that run is dead/);
  writeLock(store, { pid: deadPid(), host: hostname(), startedAt: 'z' });
  acquireRunLock(store).release();
});

test('the holder renews its lease while it holds the lock', async () => {
  const store = tempDir();
  const lock = acquireRunLock(store, { leaseMs: 3000 });
  try {
    const first = readLock(store).expiresAt!;
    for (let i = 0; i < 100 && readLock(store).expiresAt === first; i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(readLock(store).expiresAt! > first, 'renewed (every third of the lease)');
    assert.equal(readLock(store).worker, lock.worker);
  } finally {
    lock.release();
  }
});

test('contenders racing for a dead run\'s lock: exactly one takes it over, every round', async () => {
  const { spawn } = await import('node:child_process');
  const contender = join(import.meta.dirname, '../fixtures/storage/lock-contender.ts');
  for (let round = 0; round < Number(process.env.LOCK_RACE_ROUNDS ?? 3); round++) {
    const store = tempDir();
    const pid = deadPid();
    writeLock(store, { pid, host: hostname(), startedAt: 'x', worker: `${hostname()}:${pid}:deadbeef`, expiresAt: Date.now() + 60_000 });
    const startAt = Date.now() + 2500; // after every child has loaded tsx
    const children = Array.from({ length: 4 }, () =>
      spawn(process.execPath, ['--import', 'tsx', contender, store, String(startAt)], { stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    const exited = children.map(
      (child) => new Promise<void>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`contender exited ${code}`))))),
    );
    // Each contender's answer; the winner holds the lock until every contender has answered (then its stdin closes).
    const outcomes = await Promise.all(
      children.map(
        (child) =>
          new Promise<string>((resolve, reject) => {
            let out = '';
            child.stdout.on('data', (d: Buffer) => {
              out += d.toString();
              if (out.includes('\n')) resolve(out.trim());
            });
            child.on('error', reject);
            child.on('exit', (code) => reject(new Error(`contender exited ${code} before answering`)));
          }),
      ),
    );
    for (const child of children) child.stdin.end();
    await Promise.all(exited);
    assert.equal(outcomes.filter((o) => o === 'got').length, 1, `round ${round}: ${outcomes.join(', ')}`);
  }
});
