/**
 * The systemd service and timer in deploy/systemd/, as the README shows them: the README holds both files
 * verbatim, `systemd-analyze verify` accepts them, and the service's ExecStart, split the way systemd
 * splits it (no shell, cwd = WorkingDirectory, systemd's PATH and nothing else in the environment), crawls
 * a loopback site into the deployment's store with JSON lines only. Only /srv/snapcrawl is substituted
 * (a stand-in deployment, see test/helpers/deployment.ts); User= is not simulated (the test's own user).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from '../helpers/cli.js';
import { assertCrawled, deploy, jsonLines, run, startDeploymentSite, substitute, SYSTEMD_PATH, type DeploymentSite } from '../helpers/deployment.js';
import { tempDir } from '../helpers/tmp.js';

const UNIT_DIR = join(ROOT, 'deploy', 'systemd');
const SERVICE = readFileSync(join(UNIT_DIR, 'snapcrawl.service'), 'utf8');
const TIMER = readFileSync(join(UNIT_DIR, 'snapcrawl.timer'), 'utf8');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** `[Section]` → key → values, as systemd reads a unit file: `#`/`;` comments, trailing `\` continues a line. */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | null = null;
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = sections.get(header[1]) ?? new Map<string, string[]>();
      sections.set(header[1], current);
      continue;
    }
    const eq = line.indexOf('=');
    assert.ok(current && eq > 0, `a key=value line inside a section: ${line}`);
    const key = line.slice(0, eq).trim();
    current.set(key, [...(current.get(key) ?? []), line.slice(eq + 1).trim()]);
  }
  return sections;
}

function setting(text: string, section: string, key: string): string {
  const values = parseUnit(text).get(section)?.get(key);
  assert.ok(values && values.length === 1, `[${section}] has one ${key}=`);
  return values[0];
}

/** ExecStart as systemd splits it: whitespace-separated words, "double" and 'single' quotes, backslash escapes. */
function splitExecStart(line: string): string[] {
  assert.doesNotMatch(line, /^[-@:+!]/, 'no ExecStart prefixes (not simulated)');
  assert.doesNotMatch(line, /[%$]/, 'no specifiers or variables (not simulated)');
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') word += line[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (c === '\\') {
      word = (word ?? '') + line[++i];
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? '') + c;
  }
  assert.equal(quote, null, 'balanced quotes');
  if (word !== null) words.push(word);
  return words;
}

const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });

describe('the systemd service and timer (deploy/systemd)', () => {
  let server: DeploymentSite;
  before(async () => {
    server = await startDeploymentSite();
  });
  after(() => server.close());

  test('the README shows both files verbatim', () => {
    assert.ok(README.includes('```ini\n' + SERVICE + '```'), 'README.md has deploy/systemd/snapcrawl.service verbatim in an ```ini block');
    assert.ok(README.includes('```ini\n' + TIMER + '```'), 'README.md has deploy/systemd/snapcrawl.timer verbatim in an ```ini block');
  });

  test('systemd-analyze verify accepts them', { skip: analyze.status !== 0 && 'systemd-analyze is not installed here' }, () => {
    const dir = tempDir('snapcrawl-units-');
    for (const name of ['snapcrawl.service', 'snapcrawl.timer']) copyFileSync(join(UNIT_DIR, name), join(dir, name));
    const r = spawnSync('systemd-analyze', ['verify', './snapcrawl.service', './snapcrawl.timer'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr.trim(), '', 'no warnings');
    assert.equal(setting(TIMER, 'Timer', 'OnCalendar'), '*:0/15');
    assert.equal(setting(SERVICE, 'Service', 'Type'), 'oneshot', 'the timer waits for a run to end: no overlap');
  });

  test('ExecStart, without a shell in WorkingDirectory: exit 0, the page fetched, a snapshot, JSON lines', async () => {
    const seed = `${server.url}/`;
    const d = deploy(seed);
    const cwd = substitute(setting(SERVICE, 'Service', 'WorkingDirectory'), d);
    const argv = splitExecStart(setting(SERVICE, 'Service', 'ExecStart')).map((w) => substitute(w, d));
    assert.ok(isAbsolute(argv[0]), `systemd needs an absolute executable: ${argv[0]}`);
    // The unit names node's absolute path; where node lives elsewhere the unit as written would fail, so must this.
    assert.ok(existsSync(argv[0]), `${argv[0]} (the unit's ExecStart) does not exist on this machine`);
    server.requests.length = 0;
    const r = await run(argv[0], argv.slice(1), { cwd, env: { PATH: SYSTEMD_PATH } }).done;
    // systemd sends both streams to the journal: together they are the log.
    assert.equal(r.code, 0, `exit ${r.code} (signal ${r.signal})\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
    jsonLines(r.stderr, 'stderr');
    assertCrawled(d, server, seed, r.stdout + r.stderr);
  });

});
