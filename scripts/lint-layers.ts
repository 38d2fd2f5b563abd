/**
 * `npm run lint`: the layering rules of src/ that the compiler does not check (issue 13).
 * - Only src/storage/ may import better-sqlite3 (type imports too): the store database is storage's business.
 * - No SQL outside src/storage/: no `.prepare(` or `.pragma(` call, no `.exec(` on a database handle or with SQL
 *   text, and no string that reads as an SQL statement. Callers use the query modules of src/storage/sqlite/.
 * - A layer imports only layers below it: util → storage → config → frontier → fetch → extract → snapshot →
 *   site / takedown → crawler → cli.
 * Exit 1 with one line per violation. test/storage/layering.test.ts runs the same check, so `npm test` fails too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface LayerViolation {
  file: string;
  line: number;
  rule: 'sqlite-import' | 'sql-outside-storage' | 'layer-order';
  detail: string;
}

/** Lower number: lower layer. Folders not listed (none today) are not checked for order. */
const LAYER_RANK: Record<string, number> = {
  util: 0,
  storage: 1,
  config: 2,
  frontier: 3,
  fetch: 4,
  extract: 5,
  snapshot: 6,
  site: 7,
  takedown: 7,
  crawler: 8,
  cli: 9,
};

/** An SQL statement's opening (upper-case keywords, as this code base writes SQL; prose does not match). */
const SQL_TEXT =
  /\b(SELECT\b[^;]*?\bFROM\b|INSERT\s+(OR\s+[A-Z]+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|CREATE\s+(TEMP\s+|UNIQUE\s+|VIRTUAL\s+)?(TABLE|INDEX|TRIGGER|VIEW)\b|ALTER\s+TABLE\b|DROP\s+(TABLE|INDEX|TRIGGER|VIEW)\b|PRAGMA\s+[a-z_]+)/;
/** A receiver that is a database handle: `db`, `this.db`, `store.db`, `database`, `crawlerDb`… */
const DB_RECEIVER = /(^|\.)(db|database|\w+Db)$/;

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(path));
    else if (/\.(ts|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The top folder under src/ of a path relative to src/ (`frontier` for `frontier/claims.ts`). */
function layerOf(relToSrc: string): string {
  return relToSrc.split(sep)[0]!;
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

/** Violations of the rules above in the TypeScript files under `srcDir` (a project's src/). */
export function checkLayers(srcDir: string): LayerViolation[] {
  const root = resolve(srcDir);
  const violations: LayerViolation[] = [];
  for (const path of tsFiles(root)) {
    const rel = relative(root, path);
    const layer = layerOf(rel);
    const inStorage = layer === 'storage';
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const report = (node: ts.Node, rule: LayerViolation['rule'], detail: string) =>
      violations.push({ file: join('src', rel), line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, rule, detail });

    const checkImport = (node: ts.Node, specifier: string) => {
      if (specifier === 'better-sqlite3' && !inStorage) report(node, 'sqlite-import', 'imports better-sqlite3 outside src/storage/');
      if (!specifier.startsWith('.')) return;
      const target = relative(root, resolve(dirname(path), specifier));
      if (target.startsWith('..')) return;
      const to = layerOf(target);
      const from = LAYER_RANK[layer];
      const toRank = LAYER_RANK[to];
      if (from !== undefined && toRank !== undefined && toRank > from) report(node, 'layer-order', `${layer} imports ${to} (a higher layer): ${specifier}`);
    };

    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        checkImport(node, node.moduleSpecifier.text);
      } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
        checkImport(node, node.moduleReference.expression.text);
      } else if (ts.isCallExpression(node)) {
        const [first] = node.arguments;
        const dynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require');
        if (dynamic && first && ts.isStringLiteral(first)) checkImport(node, first.text);
        if (!inStorage && ts.isPropertyAccessExpression(node.expression)) {
          const method = node.expression.name.text;
          const receiver = node.expression.expression.getText(source);
          const firstText = first ? literalText(first) : null;
          if (method === 'prepare' || method === 'pragma') report(node, 'sql-outside-storage', `.${method}( outside src/storage/`);
          else if (method === 'exec' && (DB_RECEIVER.test(receiver) || (firstText !== null && SQL_TEXT.test(firstText)))) {
            report(node, 'sql-outside-storage', `${receiver}.exec( outside src/storage/`);
          }
        }
      } else if (!inStorage) {
        const text = literalText(node);
        if (text !== null && SQL_TEXT.test(text)) report(node, 'sql-outside-storage', `SQL text outside src/storage/: ${text.trim().slice(0, 60)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return violations;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const srcDir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
  const violations = checkLayers(srcDir);
  for (const v of violations) console.error(`${v.file}:${v.line}: [${v.rule}] ${v.detail}`);
  if (violations.length > 0) {
    console.error(`lint: ${violations.length} layering violation(s)`);
    process.exit(1);
  }
  console.log('lint: layering ok');
}
