import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig, parseConfig, withSharedStores } from '../../src/config/index.js';
import { ConfigError } from '../../src/util/errors.js';
import { tempDir } from '../helpers/tmp.js';

const source = { name: 'a', seeds: ['https://news.example/'] };

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected ConfigError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a ConfigError');
}

test('frontier and index are absent by default (SQLite in the store)', () => {
  const cfg = parseConfig({ sources: [source] });
  assert.equal(cfg.frontier, undefined);
  assert.equal(cfg.index, undefined);
});

test('redis:// frontier and postgres:// / postgresql:// index are accepted as written', () => {
  const cfg = parseConfig({ frontier: 'redis://127.0.0.1:6379/2', index: 'postgres://postgres@127.0.0.1:5432/snapcrawl', sources: [source] });
  assert.equal(cfg.frontier, 'redis://127.0.0.1:6379/2');
  assert.equal(cfg.index, 'postgres://postgres@127.0.0.1:5432/snapcrawl');
  assert.equal(parseConfig({ index: 'postgresql://u:p@db.internal/crawl', sources: [source] }).index, 'postgresql://u:p@db.internal/crawl');
  assert.equal(parseConfig({ frontier: 'redis://cache.internal', sources: [source] }).frontier, 'redis://cache.internal');
});

test('a bad frontier or index URL fails with the field path and what is wrong', () => {
  const cases: [Record<string, string>, string, RegExp][] = [
    [{ frontier: 'http://127.0.0.1:6379/0' }, 'frontier', /only redis:\/\//],
    [{ frontier: 'rediss-not-a-url' }, 'frontier', /redis:\/\/127\.0\.0\.1:6379\/0/],
    [{ frontier: 'redis://127.0.0.1:6379/queue' }, 'frontier', /database must be a number/],
    [{ index: 'mysql://127.0.0.1/snap' }, 'index', /only postgres:\/\/ or postgresql:\/\//],
    [{ index: 'postgres://127.0.0.1:5432/' }, 'index', /needs a database name/],
    [{ index: 'postgres://127.0.0.1:5432' }, 'index', /needs a database name/],
  ];
  for (const [fields, path, message] of cases) {
    const err = configError(() => parseConfig({ ...fields, sources: [source] }, 'c.yaml'));
    const issue = err.issues.find((i) => i.path === path);
    assert.ok(issue, `${JSON.stringify(fields)}: no issue at ${path} in ${JSON.stringify(err.issues)}`);
    assert.match(issue.message, message);
    assert.match(err.message, /c\.yaml/);
  }
});

test('the fields load from YAML', () => {
  const dir = tempDir();
  const file = join(dir, 'c.yaml');
  writeFileSync(file, ['frontier: redis://127.0.0.1:6379/0', 'index: postgres://127.0.0.1/snap', 'sources:', '  - name: a', '    seeds: ["https://news.example/"]'].join('\n'));
  const cfg = loadConfig(file);
  assert.equal(cfg.frontier, 'redis://127.0.0.1:6379/0');
  assert.equal(cfg.index, 'postgres://127.0.0.1/snap');
});

test('--frontier overrides the config, checked by the same rules', () => {
  const cfg = parseConfig({ frontier: 'redis://127.0.0.1:6379/0', sources: [source] });
  const over = withSharedStores(cfg, { frontier: 'redis://127.0.0.1:6380/3' });
  assert.equal(over.frontier, 'redis://127.0.0.1:6380/3');
  assert.equal(cfg.frontier, 'redis://127.0.0.1:6379/0', 'the loaded config is not changed in place');
  assert.equal(withSharedStores(cfg, {}).frontier, 'redis://127.0.0.1:6379/0');
  const err = configError(() => withSharedStores(cfg, { frontier: 'memcached://127.0.0.1' }));
  assert.match(err.message, /--frontier memcached:\/\/127\.0\.0\.1: only redis:\/\//);
  assert.equal(err.issues[0]?.path, '--frontier');
});
