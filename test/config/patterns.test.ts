import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig, parseConfig } from '../../src/config/index.js';
import { ConfigError } from '../../src/util/errors.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

function issuesOf(input: unknown): Map<string, string> {
  try {
    parseConfig(input);
  } catch (e) {
    assert.ok(e instanceof ConfigError, String(e));
    return new Map(e.issues.map((i) => [i.path, i.message]));
  }
  assert.fail('expected a ConfigError');
}

test('lookaround and backreferences in config patterns are errors naming the path and why', () => {
  const issues = issuesOf({
    sources: [{
      name: 'a',
      seeds: ['https://a.example/'],
      articlePattern: '^(?!.*/print/).*\\.html$',
      include: ['^https://a\\.example/', '(?<=/)news/'],
      exclude: ['/(\\w+)/\\1/'],
      extract: { publishedAt: { regex: '发布时间(?=：)' } },
    }],
  });
  assert.match(issues.get('sources[0].articlePattern') ?? '', /uses a lookahead .*linear-time engine \(RE2\) does not support/);
  assert.match(issues.get('sources[0].include[1]') ?? '', /uses a lookbehind/);
  assert.match(issues.get('sources[0].exclude[0]') ?? '', /uses a backreference/);
  assert.match(issues.get('sources[0].extract.publishedAt.regex') ?? '', /uses a lookahead/);
  assert.equal(issues.size, 4, [...issues.keys()].join());
});

test('(a+)+$ and the patterns of the example configs validate unchanged', () => {
  const cfg = parseConfig({
    sources: [{ name: 'a', seeds: ['https://a.example/'], articlePattern: '(a+)+$', include: ['(a+)+$'], exclude: ['(a|aa)*$'] }],
  });
  assert.equal(cfg.sources[0].articlePattern, '(a+)+$');
  for (const file of ['config/sources.yaml', 'config/demo.yaml']) assert.ok(loadConfig(file).sources.length > 0, file);
});

test('a config with a lookahead makes the CLI exit 2 naming the file and the path', async () => {
  const file = join(tempDir(), 'lookahead.yaml');
  writeFileSync(file, 'sources:\n  - name: a\n    seeds: ["https://a.example/"]\n    articlePattern: \'^(?!.*print).*$\'\n');
  const r = await runCli(['crawl', '--config', file]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /lookahead\.yaml/);
  assert.match(r.stderr, /sources\[0\]\.articlePattern: uses a lookahead/);
});
