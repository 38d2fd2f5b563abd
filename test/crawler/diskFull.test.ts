import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startNewsSite } from '../../demo/index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { runCli, writeNewsSiteConfig } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

/** A small file system of its own for the store (tmpfs), so "disk full" is real; null where mounting is not allowed. */
function smallDisk(dir: string, size: string): string | null {
  const mountPoint = join(dir, 'disk');
  mkdirSync(mountPoint);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mountPoint], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return mountPoint;
}

/** Fills the file system at `dir` until `leaveBytes` are free; returns the filler file. */
function fill(dir: string, leaveBytes: number, name: string): string {
  const file = join(dir, name);
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) {
      const { bavail, bsize } = statfsSync(dir);
      const free = bavail * bsize;
      if (free <= leaveBytes) break;
      writeSync(fd, block, 0, Math.min(block.length, free - leaveBytes));
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

const canMount = process.getuid?.() === 0;

test('a disk that fills mid-run ends the run with exit 1, "disk full at …", a failed run and its report; freed, the next run completes', { skip: canMount ? false : 'needs root to mount a small tmpfs' }, async (t) => {
  const dir = tempDir();
  const disk = smallDisk(dir, '24m');
  if (!disk) return t.skip('mount -t tmpfs is not allowed here');
  const site = await startNewsSite({ articles: 300 });
  const store = join(disk, 'store');
  const config = join(dir, 'sources.yaml');
  writeNewsSiteConfig(config, {
    store,
    siteUrl: site.url,
    concurrency: 4,
    delayMs: 0,
    perHostConcurrency: 4,
    extra: [`    sitemaps: ["${site.url}/sitemap.xml"]`, '    maxPages: 2000'],
  });
  try {
    // A first run captures some articles, so the store, its database and WAL exist.
    const first = await runCli(['crawl', '--config', config, '--json', '--max-pages', '20']);
    assert.equal(first.code, 0, first.stderr.slice(-2000));
    const filler = fill(disk, 1536 * 1024, 'filler-1.bin');

    const full = await runCli(['crawl', '--config', config, '--json']);
    assert.equal(full.code, 1, `exit ${full.code}\n${full.stderr.slice(-3000)}`);
    assert.match(full.stdout + full.stderr, /disk full at /);
    assert.doesNotMatch(full.stderr, /SqliteError: .*\n\s+at /, 'no raw stack');
    const summaryLine = full.stdout.trim().split('\n').pop()!;
    const summary = (JSON.parse(summaryLine) as { summary: { status: string; failure?: { kind: string; message: string } } }).summary;
    assert.equal(summary.status, 'failed');
    assert.equal(summary.failure?.kind, 'disk-full');
    assert.match(summary.failure?.message ?? '', /disk full at /);

    // Still full: a restart says so plainly instead of dying in the lock.
    const fuller = fill(disk, 0, 'filler-2.bin');
    const again = await runCli(['crawl', '--config', config, '--json']);
    assert.equal(again.code, 1, again.stderr.slice(-2000));
    assert.match(again.stdout + again.stderr, /disk full at /);
    unlinkSync(fuller);
    unlinkSync(filler);

    const resumed = await runCli(['crawl', '--config', config, '--json']);
    assert.equal(resumed.code, 0, resumed.stderr.slice(-3000));
    const db = openStoreDatabase(store);
    const stored = new Set((db.prepare(`SELECT url FROM snapshots`).all() as { url: string }[]).map((r) => r.url));
    const runs = db.prepare(`SELECT status FROM runs ORDER BY started_at`).all() as { status: string }[];
    db.close();
    const missing = site.articles.filter((a) => !stored.has(`${site.url}${a.path}`));
    assert.equal(missing.length, 0, `${missing.length} articles missing after the disk was freed`);
    assert.ok(runs.some((r) => r.status === 'failed'), `runs: ${JSON.stringify(runs)}`);
    const verify = await runCli(['verify', '--deep', '--store', store]);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
  } finally {
    await site.close();
    execFileSync('umount', ['-l', disk], { stdio: 'ignore' }); // before tempDir's clean-up removes the folder
  }
});
