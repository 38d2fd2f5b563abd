/** Our own news-page fixtures (test/fixtures/extract/*.html + .json expectations), also scored by `npm run eval`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../../src/extract/index.js';
import { scoreBody } from '../../scripts/eval.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/extract');

interface Expectation {
  url: string;
  timezone?: string;
  /** Fetch time, for relative dates. */
  now?: string;
  title?: string;
  publishedAt?: string;
  modifiedAt?: string;
  author?: string;
  editor?: string;
  source?: string;
  category?: string;
  language?: string;
  canonicalUrl?: string;
  tags?: string[];
  body: string;
  bodyIncludes?: string[];
  bodyExcludes?: string[];
  markdownIncludes?: string[];
  outlinksInclude?: string[];
  imagesInclude?: string[];
}

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const name = file.replace(/\.json$/, '');
  test(`fixture ${name}`, () => {
    const exp = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Expectation;
    const html = readFileSync(join(dir, `${name}.html`), 'utf8');
    const a = extractArticle(html, { url: exp.url, timezone: exp.timezone, now: exp.now ? new Date(exp.now) : undefined });
    const fields = ['title', 'publishedAt', 'modifiedAt', 'author', 'editor', 'category', 'language', 'canonicalUrl'] as const;
    for (const f of fields) if (exp[f] !== undefined) assert.equal(a[f], exp[f], f);
    if (exp.source !== undefined) assert.equal(a.publisher, exp.source, 'publisher/source');
    if (exp.tags) assert.deepEqual(a.tags, exp.tags, 'tags');
    const score = scoreBody(a.body, exp.body, true);
    assert.ok((score.precision ?? 0) >= 0.95 && (score.recall ?? 0) >= 0.95, `body P ${score.precision} R ${score.recall}\n${a.body}`);
    for (const s of exp.bodyIncludes ?? []) assert.ok(a.body.includes(s), `body should include ${s}`);
    for (const s of exp.bodyExcludes ?? []) assert.ok(!a.body.includes(s), `body should not include ${s}`);
    for (const s of exp.markdownIncludes ?? []) assert.ok(a.markdown.includes(s), `markdown should include ${s}\n${a.markdown}`);
    for (const u of exp.outlinksInclude ?? []) assert.ok(a.outlinks.includes(u), `outlinks should include ${u}`);
    for (const u of exp.imagesInclude ?? []) assert.ok(a.images.some((i) => i.src === u), `images should include ${u}`);
    assert.ok(a.outlinks.every((u) => /^https?:\/\//.test(u) && !u.includes('#')), 'outlinks are absolute, without fragments');
  });
}
