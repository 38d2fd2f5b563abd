import { readFileSync } from 'node:fs';
import type { Article } from '../extract/types.js';
import type { SnapshotInput, SnapshotRecord } from './types.js';
import { WARC_FILE_NAME } from './warc.js';

export const SNAPSHOT_JSON_FILE = 'snapshot.json';
export const ARTICLE_FILE_NAME = 'article.md';
export const SCREENSHOT_FILE_NAME = 'screenshot.png';

/** name/version written into every snapshot and WARC; read once from package.json. */
export const CRAWLER_INFO: { name: string; version: string } = readCrawlerInfo();

function readCrawlerInfo(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      name?: unknown;
      version?: unknown;
    };
    return {
      name: typeof pkg.name === 'string' ? pkg.name : 'snapcrawl',
      version: typeof pkg.version === 'string' ? pkg.version : '0.0.0',
    };
  } catch {
    // Bundled or relocated builds may not ship package.json; the name alone still says who made it.
    return { name: 'snapcrawl', version: '0.0.0' };
  }
}

function headerValue(headers: Record<string, string>, name: string): string | null {
  const value = headers[name];
  return value === undefined || value === '' ? null : value;
}

/**
 * The extracted fields as snapshot.json names them (missing ones as null); `snapcrawl extract --json` prints the
 * same. canonicalUrl is left to the caller: snapshot.json keeps it beside the other URLs.
 */
export function articleFields(article: Article, defaultCategory?: string): ArticleFields {
  return {
    title: article.title ?? null,
    publishedAt: article.publishedAt ?? null,
    modifiedAt: article.modifiedAt ?? null,
    author: article.author ?? null,
    editor: article.editor ?? null,
    publisher: article.publisher ?? null,
    category: article.category ?? defaultCategory ?? null,
    tags: [...article.tags],
    language: article.language ?? null,
    description: article.description ?? null,
    body: article.body,
    images: article.images.map((img) => ({ ...img })),
  };
}

export type ArticleFields = Pick<
  SnapshotRecord,
  'title' | 'publishedAt' | 'modifiedAt' | 'author' | 'editor' | 'publisher' | 'category' | 'tags' | 'language' | 'description' | 'body' | 'images'
>;

/** Everything `snapshot.json` holds, from what the crawler fetched and extracted. */
export function buildSnapshotRecord(
  input: SnapshotInput,
  ids: { id: string; url: string; previousId: string | null },
  hashes: { sha256: string; contentHash: string },
): SnapshotRecord {
  const { fetch, article } = input;
  return {
    id: ids.id,
    url: ids.url,
    canonicalUrl: article.canonicalUrl ?? null,
    finalUrl: fetch.finalUrl,
    redirects: fetch.redirects.map((hop) => ({ url: hop.url, status: hop.status, location: hop.location })),
    fetchedAt: fetch.fetchedAt.toISOString(),
    httpStatus: fetch.status,
    contentType: headerValue(fetch.headers, 'content-type'),
    charset: input.decoded.charset || null,
    sha256: hashes.sha256,
    bytes: fetch.body.length,
    truncated: fetch.truncated,
    userAgent: input.userAgent,
    crawler: { ...CRAWLER_INFO },
    robots: { allowed: input.robots.allowed, robotsUrl: input.robots.robotsUrl },
    source: input.source,
    ...articleFields(article, input.defaultCategory),
    previousId: ids.previousId,
    contentHash: hashes.contentHash,
    render: input.render ? { ...input.render } : { mode: 'http' },
    files: { warc: WARC_FILE_NAME, article: ARTICLE_FILE_NAME, ...(input.screenshot ? { screenshot: SCREENSHOT_FILE_NAME } : {}) },
    requisites: input.requisites ? { images: input.requisites.images.map((img) => ({ ...img })) } : null,
  };
}

/** JSON strings are valid YAML scalars, so front-matter values can't break out of their line. */
function yamlLine(key: string, value: string | null): string | null {
  return value === null ? null : `${key}: ${JSON.stringify(value)}`;
}

/**
 * `article.md`: provenance front matter (original URL, snapshot time first), then the title and the
 * body markdown. Readable on its own, without the index or the site.
 */
export function renderArticleMarkdown(record: SnapshotRecord, bodyMarkdown: string): string {
  const front = [
    yamlLine('title', record.title),
    yamlLine('original_url', record.url),
    yamlLine('snapshot_time', record.fetchedAt),
    record.finalUrl !== record.url ? yamlLine('final_url', record.finalUrl) : null,
    yamlLine('canonical_url', record.canonicalUrl),
    yamlLine('snapshot_id', record.id),
    yamlLine('published_at', record.publishedAt),
    yamlLine('author', record.author),
    yamlLine('source', record.source),
    yamlLine('category', record.category),
    yamlLine('sha256', record.sha256),
    yamlLine('previous_id', record.previousId),
  ].filter((line): line is string => line !== null);
  const body = (bodyMarkdown.trim() === '' ? record.body : bodyMarkdown).trim();
  const heading = record.title ? `# ${record.title.replace(/\s+/g, ' ').trim()}\n\n` : '';
  return `---\n${front.join('\n')}\n---\n\n${heading}${body}\n`;
}
