/**
 * An unusable environment — a store path that is a file, a read-only or full file system, a store
 * under /proc, a bad or busy port, an invalid cron `schedule` — exits 2 at once, and the message
 * names the path and the cause (off a terminal: one JSON line, like every other diagnostic).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { makeConfig } from '../../src/config/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { ConfigError } from '../../src/util/errors.js';
import { reportProblem, setJsonDiagnostics } from '../../src/cli/output.js';
import { EnvironmentError, requireStore, resolveWritableStore } from '../../src/cli/storeDir.js';
import { runCli, startCli, type CliResult } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

/** The JSON diagnostic lines on stderr (every stderr line must be one). */
function diagnostics(r: CliResult): { msg: string; exitCode?: number; path?: string; code?: string; level: number }[] {
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  return lines.map((l) => {
    try {
      return JSON.parse(l);
    } catch {
      assert.fail(`stderr line is not JSON: ${l}`);
    }
  });
}

function lastError(r: CliResult) {
  const d = diagnostics(r);
  assert.ok(d.length > 0, `no diagnostic on stderr (exit ${r.code}); stdout: ${r.stdout}`);
  return d[d.length - 1];
}

/** Mounts a tmpfs on `dir` (we run as root in the test sandbox); returns null and the reason when it cannot. */
function tryMount(dir: string, options: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (e) {
    return `cannot mount a tmpfs here (${String((e as { stderr?: Buffer }).stderr ?? e).trim() || 'mount failed'}); needs root and mount rights`;
  }
}

function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
  }
}

/** A throwaway config crawling nothing reachable (the store is checked before any fetch). */
function writeConfig(dir: string, lines: string[]): string {
  const file = join(dir, 'sources.yaml');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('resolveWritableStore / requireStore', () => {
  test('creates a missing store and its parents, and leaves no probe file behind', () => {
    const dir = join(tempDir(), 'a', 'b', 'store');
    assert.equal(resolveWritableStore(dir), dir);
    assert.deepEqual(readdirSync(dir), []);
    resolveWritableStore(dir); // an existing one is fine too
    assert.deepEqual(readdirSync(dir), []);
  });

  test('a store path that is a file, or lies under one, is an EnvironmentError naming it', () => {
    const tmp = tempDir();
    const file = join(tmp, 'afile');
    writeFileSync(file, 'x');
    assert.throws(() => resolveWritableStore(file), (e: unknown) => {
      assert.ok(e instanceof EnvironmentError);
      assert.equal(e.code, 'ENOTDIR');
      assert.equal(e.message, `store ${file} is not a directory: it is a file`);
      return true;
    });
    assert.throws(() => resolveWritableStore(join(file, 'sub', 'store')), {
      name: 'EnvironmentError',
      message: `cannot create store ${join(file, 'sub', 'store')}: ${file} is a file, not a directory`,
    });
  });

  test('a dangling symbolic link as the store is refused, not followed into a loop', () => {
    const tmp = tempDir();
    const link = join(tmp, 'store');
    symlinkSync(join(tmp, 'gone', 'target'), link);
    assert.throws(() => resolveWritableStore(link), /cannot create store .*store: .* exists and is not a directory/);
  });

  test('requireStore says what is wrong with a path that holds no store', () => {
    const tmp = tempDir();
    writeFileSync(join(tmp, 'afile'), 'x');
    assert.throws(() => requireStore(join(tmp, 'nope')), /no snapshot store at .*nope: the folder does not exist/);
    assert.throws(() => requireStore(join(tmp, 'afile')), /no snapshot store at .*afile: it is a file, not a directory/);
    assert.throws(() => requireStore(tmp), /no snapshot store at .*: it has no store\.db/);
  });

  test('diagnostics: one readable line on a terminal, one pino-shaped JSON line off one', (t: TestContext) => {
    const written: string[] = [];
    t.mock.method(process.stderr, 'write', (chunk: string) => (written.push(chunk), true));
    try {
      setJsonDiagnostics(false);
      reportProblem('store x is not writable: EROFS', { fields: { exitCode: 2 } });
      setJsonDiagnostics(true);
      reportProblem('store x is not writable: EROFS', { fields: { exitCode: 2 } });
    } finally {
      t.mock.restoreAll();
      setJsonDiagnostics(process.stderr.isTTY !== true);
    }
    assert.equal(written[0], 'snapcrawl: store x is not writable: EROFS\n');
    const line = JSON.parse(written[1]);
    assert.equal(line.level, 50);
    assert.equal(line.name, 'snapcrawl');
    assert.equal(line.exitCode, 2);
    assert.equal(line.msg, 'store x is not writable: EROFS');
    assert.equal(typeof line.time, 'number');
  });
});

describe('config: schedule is a cron expression croner accepts', () => {
  const source = (schedule: string) => ({ sources: [{ name: 'a', seeds: ['https://a.example/'] }, { name: 'b', seeds: ['https://b.example/'], schedule }] });

  test('valid expressions pass', () => {
    for (const s of ['*/15 * * * *', '0 6 * * 1-5', '@daily', '0 */10 * * * *']) assert.equal(makeConfig(source(s)).sources[1].schedule, s);
  });

  test('invalid or never-firing ones are config errors at sources[i].schedule', () => {
    for (const [s, why] of [['not a cron', /five, six, or seven/], ['61 * * * *', /minute/], ['0 0 31 2 *', /never fires/]] as const) {
      assert.throws(() => makeConfig(source(s)), (e: unknown) => {
        assert.ok(e instanceof ConfigError, String(e));
        assert.equal(e.issues.length, 1, JSON.stringify(e.issues));
        assert.equal(e.issues[0].path, 'sources[1].schedule');
        assert.match(e.issues[0].message, why);
        return true;
      });
    }
  });
});

describe('the CLI exits 2 with the path and the cause', () => {
  test('--store naming a regular file (crawl), or a config store: under one', async () => {
    const tmp = tempDir();
    const file = join(tmp, 'afile');
    writeFileSync(file, 'x');
    const r = await runCli(['crawl', 'http://127.0.0.1:9/', '--store', file, '--allow-private']);
    assert.equal(r.code, 2, r.stderr);
    const e = lastError(r);
    assert.equal(e.msg, `store ${file} is not a directory: it is a file`);
    assert.equal(e.exitCode, 2);
    assert.equal(e.path, file);

    const config = writeConfig(tmp, [`store: ${join(file, 'store')}`, 'sources:', '  - name: a', '    seeds: ["http://127.0.0.1:9/"]', '    allowPrivate: true']);
    const r2 = await runCli(['crawl', '--config', config]);
    assert.equal(r2.code, 2, r2.stderr);
    assert.equal(lastError(r2).msg, `cannot create store ${join(file, 'store')}: ${file} is a file, not a directory`);

    const r3 = await runCli(['list', '--store', file]);
    assert.equal(r3.code, 2, r3.stderr);
    assert.match(lastError(r3).msg, /no snapshot store at .*afile: it is a file, not a directory/);
  });

  test('a store under /proc fails fast (no mkdir loop that ignores SIGTERM)', { skip: !existsSync('/proc/self') && 'no /proc on this system' }, async () => {
    const child = startCli(['crawl', 'http://127.0.0.1:9/', '--store', '/proc/snapcrawl-test/store', '--allow-private']);
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const r = await child.result;
    clearTimeout(killer);
    assert.equal(r.signal, null, 'the CLI had to be killed: it hung');
    assert.equal(r.code, 2, r.stderr);
    assert.match(lastError(r).msg, /^cannot create store \/proc\/snapcrawl-test\/store: ENOENT: .*mkdir '\/proc\/snapcrawl-test' \(\/proc does not accept new directories\)$/);
  });

  test('a read-only store (tmpfs mounted ro) is "not writable" for crawl, takedown, verify and status', async (t) => {
    const mnt = join(tempDir(), 'mnt');
    mkdirSync(mnt);
    const reason = tryMount(mnt, 'size=4m');
    if (reason) return t.skip(reason);
    try {
      // An existing store (made while writable), then the file system goes read-only under it.
      openStoreDatabase(join(mnt, 'store')).close();
      execFileSync('mount', ['-o', 'remount,ro', mnt], { stdio: 'pipe' });
      const store = join(mnt, 'store');
      for (const args of [
        ['crawl', 'http://127.0.0.1:9/', '--store', store, '--allow-private'],
        ['takedown', '--url', 'http://127.0.0.1:9/a', '--reason', 'test', '--store', store],
        ['verify', '--store', store],
        ['status', '--store', store],
      ]) {
        const r = await runCli(args);
        assert.equal(r.code, 2, `${args[0]}: ${r.stderr}`);
        const e = lastError(r);
        assert.match(e.msg, new RegExp(`^store ${store} is not writable: EROFS: read-only file system`), args[0]);
        assert.equal(e.code, 'EROFS');
      }
      // A new store below a read-only folder cannot even be created.
      const r = await runCli(['crawl', 'http://127.0.0.1:9/', '--store', join(mnt, 'new', 'store'), '--allow-private']);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(lastError(r).msg, `store ${join(mnt, 'new', 'store')} is not writable: EROFS: read-only file system, mkdir '${join(mnt, 'new')}'`);
    } finally {
      unmount(mnt);
    }
  });

  test('a full file system is named as such (tmpfs without free inodes)', async (t) => {
    const mnt = join(tempDir(), 'mnt');
    mkdirSync(mnt);
    const reason = tryMount(mnt, 'size=64k,nr_inodes=2');
    if (reason) return t.skip(reason);
    try {
      writeFileSync(join(mnt, 'filler'), ''); // takes the last free inode
      const r = await runCli(['crawl', 'http://127.0.0.1:9/', '--store', mnt, '--allow-private']);
      assert.equal(r.code, 1, r.stderr); // a full disk is exit 1, as when it fills mid-run
      const e = lastError(r);
      assert.match(e.msg, new RegExp(`^disk full at ${mnt}`));
      assert.deepEqual(readdirSync(mnt), ['filler'], 'nothing left behind');
    } finally {
      unmount(mnt);
    }
  });

  test('serve: no store at the path, an out-of-range port ("invalid port"), a taken one ("port in use")', async () => {
    const tmp = tempDir();
    const none = await runCli(['serve', '--store', join(tmp, 'nope'), '--port', '0']);
    assert.equal(none.code, 2, none.stderr);
    assert.match(lastError(none).msg, /^no snapshot store at .*nope/);

    const store = join(tmp, 'store');
    SnapshotStore.open(store).close(); // an empty but complete store: serve would start on it
    const bad = await runCli(['serve', '--store', store, '--port', '99999']);
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(lastError(bad).msg, /--port.*'99999'.*invalid port: expected a whole number from 0 to 65535/);

    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as { port: number }).port;
      const busy = await runCli(['serve', '--store', store, '--port', String(port)]);
      assert.equal(busy.code, 2, busy.stderr);
      const e = lastError(busy);
      assert.equal(e.msg, `cannot listen on 127.0.0.1:${port}: port in use by another process (pass another --port)`);
      assert.equal(e.code, 'EADDRINUSE');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  test('an invalid cron schedule: crawl and schedule both exit 2 naming sources[i].schedule', async () => {
    const tmp = tempDir();
    const config = writeConfig(tmp, [
      `store: ${join(tmp, 'store')}`,
      'sources:',
      '  - name: ok',
      '    seeds: ["http://127.0.0.1:9/"]',
      '    schedule: "*/15 * * * *"',
      '  - name: broken',
      '    seeds: ["http://127.0.0.1:9/"]',
      '    schedule: "every five minutes"',
    ]);
    for (const command of ['crawl', 'schedule']) {
      const r = await runCli([command, '--config', config]);
      assert.equal(r.code, 2, `${command}: ${r.stderr}`);
      const e = lastError(r);
      assert.match(e.msg, /sources\[1\]\.schedule: is not a valid cron expression/, command);
      assert.ok(e.msg.includes(config), `${command}: names the file`);
      assert.doesNotMatch(r.stderr, /TypeError|unexpected error/, command);
    }
    assert.ok(!existsSync(join(tmp, 'store')), 'nothing was created');
  });
});
