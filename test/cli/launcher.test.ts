import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = `${ROOT}bin/snapcrawl.js`;
const VERSION = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;

test('bin/snapcrawl.js runs the CLI from a cached bundle, and through tsx when asked, with the same result', async () => {
  const bundled = await run(process.execPath, [BIN, '--version'], { cwd: ROOT });
  assert.equal(bundled.stdout.trim(), VERSION);
  const cached = readdirSync(`${ROOT}node_modules/.cache/snapcrawl`).filter((f) => /^cli-[0-9a-f]{16}$/.test(f));
  assert.ok(cached.length >= 1, 'the bundle is cached under node_modules/.cache/snapcrawl/cli-<fingerprint>/');
  const viaTsx = await run(process.execPath, [BIN, '--version'], { cwd: ROOT, env: { ...process.env, SNAPCRAWL_TSX: '1' } });
  assert.equal(viaTsx.stdout.trim(), VERSION);
  // A command that loads the extractor and reads a page: the bundle holds more than the CLI's skeleton.
  const extracted = await run(process.execPath, [BIN, 'extract', `${ROOT}test/fixtures/extract/${readdirSync(`${ROOT}test/fixtures/extract`).find((f) => f.endsWith('.html'))}`, '--json'], { cwd: ROOT });
  assert.ok((JSON.parse(extracted.stdout) as { title?: string }).title, 'the bundled CLI extracts a fixture page');
});
