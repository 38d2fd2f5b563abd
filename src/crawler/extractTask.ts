/**
 * The CPU-heavy part of handling one fetched page, as a pure function of plain data so it can run in an
 * extraction worker (extractWorker.mjs) or, as the fallback, in the crawl's own thread: decode the
 * bytes, parse and extract the article, hash the body and the extracted text, and serialise (digest and
 * gzip) the page's WARC request/response records. The main thread is left with I/O and the frontier.
 */
import type { Article, ExtractOptions } from '../extract/index.js';
import { extractArticle } from '../extract/index.js';
// Module files, not the packages' index files: a worker loads only what the task needs (no undici, no browser).
import { decodeHtml } from '../fetch/encoding.js';
import type { DecodedText, FetchResult } from '../fetch/types.js';
import { contentHashOf, sha256Hex } from '../snapshot/hash.js';
import { exchangeMembers } from '../snapshot/warc.js';
import type { PreparedWrite } from '../snapshot/writer.js';

export interface ExtractTask {
  fetch: FetchResult;
  /** The document to extract from when it is not the decoded body (a browser render's DOM). */
  html?: string;
  options: ExtractOptions;
  /** Whether the page may be stored: then the hashes and WARC records are prepared too. */
  prepare: boolean;
}

export interface ExtractResult {
  article: Article;
  /** How the body was decoded (snapshot.json `charset`); the text itself stays in the worker. */
  decoded: Omit<DecodedText, 'text'>;
  prepared?: PreparedWrite;
}

/** A Buffer crosses a worker boundary as a plain Uint8Array; hashing and decoding want a Buffer again. */
const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

export function runExtractTask(task: ExtractTask): ExtractResult {
  const fetch = { ...task.fetch, body: asBuffer(task.fetch.body) };
  const { text, ...decoded } = decodeHtml(fetch.body, fetch.headers['content-type']);
  const article = extractArticle(task.html ?? text, task.options);
  if (!task.prepare) return { article, decoded };
  const sha256 = sha256Hex(fetch.body);
  return { article, decoded, prepared: { sha256, contentHash: contentHashOf(article.body, sha256), exchange: exchangeMembers(fetch) } };
}

/** The worker's answer made usable on the main thread (its Uint8Arrays back into Buffers). */
export function reviveResult(result: ExtractResult): ExtractResult {
  const exchange = result.prepared?.exchange;
  if (!exchange || Buffer.isBuffer(exchange)) return result;
  return { ...result, prepared: { ...result.prepared!, exchange: asBuffer(exchange) } };
}
