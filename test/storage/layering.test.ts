import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkLayers } from '../../scripts/lint-layers.js';
import { tempDir } from '../helpers/tmp.js';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

function tree(files: Record<string, string>): string {
  const root = tempDir();
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

test('src/ keeps its layers: better-sqlite3 and SQL only in src/storage/, no import of a higher layer', () => {
  const violations = checkLayers(SRC);
  assert.deepEqual(violations.map((v) => `${v.file}:${v.line}: [${v.rule}] ${v.detail}`), []);
});

test('the check catches each kind of violation, and lets storage hold SQL', () => {
  const root = tree({
    'storage/sqlite/queries.ts': `import Database from 'better-sqlite3';\nexport const q = (db: Database.Database) => db.prepare('SELECT id FROM t WHERE x = ?');\n`,
    'storage/database.ts': `import type Database from 'better-sqlite3';\nexport const w = (db: Database.Database) => db.pragma('journal_mode = WAL');\n`,
    'util/re.ts': `export const m = /a(b)/.exec('ab');\nexport const note = 'select the rows from the list';\n`,
    'frontier/bad-import.ts': `import type { Statement } from 'better-sqlite3';\nexport type S = Statement;\n`,
    'frontier/bad-prepare.ts': `export const f = (db: { prepare(s: string): unknown }) => db.prepare(\`UPDATE frontier SET state='queued'\`);\n`,
    'site/bad-exec.ts': `export const g = (db: { exec(s: string): void }) => db.exec(SCHEMA);\nconst SCHEMA = 'x';\n`,
    'snapshot/bad-constant.ts': `export const SQL = \`DELETE FROM snapshots WHERE id = ?\`;\n`,
    'crawler/bad-dynamic.ts': `export const load = () => import('better-sqlite3');\n`,
    'config/bad-layer.ts': `export { Frontier } from '../frontier/frontier.js';\n`,
  });
  const found = checkLayers(root).map((v) => `${v.file.replace(/\\/g, '/')}:${v.rule}`);
  assert.deepEqual(found.sort(), [
    'src/config/bad-layer.ts:layer-order',
    'src/crawler/bad-dynamic.ts:sqlite-import',
    'src/frontier/bad-import.ts:sqlite-import',
    'src/frontier/bad-prepare.ts:sql-outside-storage',
    'src/frontier/bad-prepare.ts:sql-outside-storage',
    'src/site/bad-exec.ts:sql-outside-storage',
    'src/snapshot/bad-constant.ts:sql-outside-storage',
  ]);
});

test('the lint script (npm run lint) exits 1 on a violation and 0 on a clean tree', async () => {
  const { spawnSync } = await import('node:child_process');
  const script = join(SRC, '..', 'scripts', 'lint-layers.ts');
  const tsx = join(SRC, '..', 'node_modules', '.bin', 'tsx');
  const bad = tree({ 'fetch/cache.ts': `import Database from 'better-sqlite3';\nexport const db = new Database(':memory:');\n` });
  const failed = spawnSync(tsx, [script, bad], { encoding: 'utf8' });
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /src\/fetch\/cache\.ts:1: \[sqlite-import\]/);
  const good = tree({ 'fetch/ok.ts': `export const x = 1;\n` });
  assert.equal(spawnSync(tsx, [script, good], { encoding: 'utf8' }).status, 0);
});
