import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig, parseConfig } from '../../src/config/index.js';
import { ConfigError } from '../../src/util/errors.js';
import { tempDir } from '../helpers/tmp.js';

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected ConfigError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a ConfigError');
}

test('defaults fill a minimal config', () => {
  const cfg = parseConfig({ sources: [{ name: 'a', seeds: ['https://news.example/'] }] });
  assert.equal(cfg.store, 'snapshots');
  assert.equal(cfg.sources[0].maxDepth, 3);
  assert.equal(cfg.sources[0].politeness.delayMs, 1000);
  assert.equal(cfg.sources[0].render, 'http');
  assert.equal(cfg.sources[0].allowPrivate, false);
  assert.equal(cfg.fetch.maxBytes, 10 * 1024 * 1024);
});

test('errors name the file and the path of each problem', () => {
  const err = errorOf(() =>
    parseConfig(
      {
        sources: [
          { name: 'ok', seeds: ['https://a.example/'] },
          { name: 'ok2', seeds: ['https://b.example/'] },
          { name: 'bad', seeds: ['not a url'], timezone: 'Mars/Base', include: ['(['], politeness: { delayMs: -1 } },
        ],
      },
      'my.yaml',
    ),
  );
  assert.equal(err.file, 'my.yaml');
  const paths = err.issues.map((i) => i.path);
  assert.ok(paths.includes('sources[2].seeds[0]'), paths.join());
  assert.ok(paths.includes('sources[2].timezone'));
  assert.ok(paths.includes('sources[2].include[0]'));
  assert.ok(paths.includes('sources[2].politeness.delayMs'));
  assert.match(err.message, /my\.yaml/);
  assert.match(err.message, /sources\[2\]\.seeds\[0\]: must be an absolute http\(s\) URL/);
});

test('unknown keys, duplicate names and sources without entry points are refused', () => {
  const err = errorOf(() =>
    parseConfig({ sources: [{ name: 'a', seeds: ['https://a.example/'], seedz: [] }, { name: 'a' }] }),
  );
  const text = err.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
  assert.match(text, /sources\[0\]: Unrecognized key: "seedz"/);
  assert.match(text, /sources\[1\]\.name: duplicate source name "a"/);
  assert.match(text, /sources\[1\]\.seeds: a source needs at least one of seeds, feeds or sitemaps/);
});

test('loadConfig reports unreadable files and YAML syntax errors with the file name', () => {
  const dir = tempDir();
  const missing = errorOf(() => loadConfig(join(dir, 'nope.yaml')));
  assert.match(missing.message, /cannot read config .*nope\.yaml/);
  const broken = join(dir, 'broken.yaml');
  writeFileSync(broken, 'sources:\n  - name: a\n    seeds: [https://a.example/\n');
  const syntax = errorOf(() => loadConfig(broken));
  assert.match(syntax.message, /broken\.yaml is not valid YAML/);
  const good = join(dir, 'good.yaml');
  writeFileSync(good, 'sources:\n  - name: a\n    seeds: [https://a.example/]\n    timezone: Asia/Shanghai\n');
  assert.equal(loadConfig(good).sources[0].timezone, 'Asia/Shanghai');
});
