import { createHash, randomUUID } from 'node:crypto';
import { crc32, gzipSync } from 'node:zlib';
import { WARCRecord, WARC_1_1 } from 'warcio';
import type { FetchResult } from '../fetch/types.js';
import type { ArchivedResource } from './types.js';

export { readWarcResponse, readWarcResponseById, listWarcRecords, type WarcResponse, type WarcRecordInfo } from './warc-reader.js';

/** Name of the WARC file inside each snapshot folder. */
export const WARC_FILE_NAME = 'page.warc.gz';

export interface WarcWriteOptions {
  /** `snapcrawl/0.1.0`: goes into the warcinfo record. */
  software: string;
  /** Snapshot id, recorded in warcinfo so a lone WARC file still says which snapshot it is. */
  snapshotId?: string;
  filename?: string;
}

/** What a browser render adds to the page's WARC. */
export interface WarcExtras {
  /** Sub-resources, each archived as request + response (+ redirect metadata) after the page. */
  resources?: readonly ArchivedResource[];
  /** The rendered DOM, archived as a `conversion` record referring to the page's response. */
  renderedHtml?: string;
  /**
   * The page's exchange already serialised by exchangeMembers (in an extraction worker, off the main
   * thread); used as is when the WARC has no conversion record that must refer to its response.
   */
  exchange?: Buffer;
}

/**
 * Header names whose meaning no longer matches the stored body. undici hands us the de-chunked body,
 * so a kept `Transfer-Encoding: chunked` would make replay tools try to de-chunk it again; the value
 * is kept under the conventional `X-Archive-Orig-` name instead.
 */
const RENAMED_RESPONSE_HEADERS = new Set(['transfer-encoding']);

/**
 * The HTTP message block (status line, header lines, blank line, body) as bytes. Header strings come
 * from undici decoded as latin1 (one char per byte), so encoding them back as latin1 restores the exact
 * bytes received; warcio's own header writer re-encodes as UTF-8 and groups repeated names.
 */
function httpBlock(startLine: string, headers: [string, string][], body: Uint8Array): Uint8Array[] {
  const head = [startLine, ...headers.map(([name, value]) => `${name}: ${value}`)].join('\r\n') + '\r\n\r\n';
  return [Buffer.from(head, 'latin1'), body];
}

function digest(chunks: Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  return `sha256:${hash.digest('hex')}`;
}

/** A warcio record (headers: id, date, type, content type, digests, length) plus the block we write after them. */
interface BlockRecord {
  record: WARCRecord;
  block: Uint8Array[];
}

/**
 * warcio builds the record and its WARC headers; the block is ours, verbatim, so the digests are ours
 * too (warcio only knows the payload boundary when it wrote the HTTP headers itself).
 */
function recordWithBlock(
  type: 'warcinfo' | 'request' | 'response' | 'metadata' | 'conversion',
  common: { url?: string; date: string; filename?: string },
  warcHeaders: [string, string][],
  block: Uint8Array[],
  payload: Uint8Array[] | null,
): BlockRecord {
  const digests: [string, string][] = payload === null ? [] : [['WARC-Payload-Digest', digest(payload)], ['WARC-Block-Digest', digest(block)]];
  const record = WARCRecord.create({ ...common, type, warcVersion: WARC_1_1, warcHeaders: [...warcHeaders, ...digests] });
  record.httpHeaders = null;
  record.warcHeaders.headers.set('Content-Length', String(block.reduce((n, c) => n + c.length, 0)));
  return { record, block };
}

const CRLF = Buffer.from('\r\n');

/**
 * One record as its own gzip member, as WARC readers and indexers expect: WARC headers (warcio's
 * serializer), blank line, block, two CRLFs. Synchronous on purpose: warcio's WARCSerializer is
 * async-only, and SnapshotStore.write is synchronous so the crawler's store step can't interleave.
 */
function serialize({ record, block }: BlockRecord): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(record.warcHeaders.toString(), 'utf8'), CRLF, ...block, CRLF, CRLF]));
}

/**
 * A record as a gzip member whose deflate stream stores the bytes uncompressed (RFC 1951 stored blocks): still one
 * valid gzip member per record for every reader, without setting up a zlib stream. For the warcinfo record, a few
 * hundred bytes written once per snapshot on the crawl's thread: gzipSync cost 17 µs of CPU each in isolation (a
 * Gzip stream and deflate state per call, 2.6% of the crawl thread's perf samples), this 4 µs, for ~200 bytes more.
 */
function serializeStored({ record, block }: BlockRecord): Buffer {
  const data = Buffer.concat([Buffer.from(record.warcHeaders.toString(), 'utf8'), CRLF, ...block, CRLF, CRLF]);
  const blocks = Math.max(1, Math.ceil(data.length / 0xffff));
  const out = Buffer.allocUnsafe(10 + blocks * 5 + data.length + 8);
  out.set([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]); // gzip header: deflate, no flags, no mtime, unknown OS
  let at = 10;
  for (let i = 0; i < blocks; i++) {
    const chunk = data.subarray(i * 0xffff, (i + 1) * 0xffff);
    out[at] = i === blocks - 1 ? 1 : 0; // BFINAL on the last block, BTYPE 00 (stored)
    out.writeUInt16LE(chunk.length, at + 1);
    out.writeUInt16LE(~chunk.length & 0xffff, at + 3);
    out.set(chunk, at + 5);
    at += 5 + chunk.length;
  }
  out.writeUInt32LE(crc32(data), at);
  out.writeUInt32LE(data.length % 2 ** 32, at + 4);
  return out;
}

/** A fresh WARC-Record-ID (`<urn:uuid:…>`), for a record whose id must be known before the WARC is built. */
export function newWarcRecordId(): string {
  return recordId();
}

function recordId(): string {
  return `<urn:uuid:${randomUUID()}>`;
}

function archivedResponseHeaders(raw: [string, string][]): [string, string][] {
  return raw.map(([name, value]) =>
    RENAMED_RESPONSE_HEADERS.has(name.toLowerCase()) ? [`X-Archive-Orig-${name}`, value] : [name, value],
  );
}

function requestHeaderLines(fetch: FetchResult, target: URL): [string, string][] {
  // HTTP/2 pseudo-headers (a browser may report them) have no place in an HTTP/1.1 message block.
  const sent = Object.entries(fetch.requestHeaders).filter(([name]) => !name.startsWith(':'));
  const hasHost = sent.some(([name]) => name.toLowerCase() === 'host');
  // undici always sends Host; the fetcher's header record may not list it.
  return hasHost ? sent : [['Host', target.host], ...sent];
}

function redirectChainFields(fetch: FetchResult): string {
  const lines = [`requested-url: ${fetch.url}`];
  for (const hop of fetch.redirects) lines.push(`redirect: ${hop.status} ${hop.url} -> ${hop.location}`);
  lines.push(`final-url: ${fetch.finalUrl}`, `fetch-attempts: ${fetch.attempts}`);
  return lines.join('\r\n') + '\r\n';
}

/**
 * request, response and (when there were redirects) metadata records for one exchange; request and
 * metadata point at the response with WARC-Concurrent-To. Returns the response's record id too.
 */
function exchangeRecords(fetch: ArchivedResource): { records: BlockRecord[]; responseId: string } {
  const date = fetch.fetchedAt.toISOString();
  const target = new URL(fetch.finalUrl);
  const responseId = fetch.warcRecordId ?? recordId();
  const ipHeaders: [string, string][] = fetch.remoteAddress ? [['WARC-IP-Address', fetch.remoteAddress]] : [];
  const common = { url: fetch.finalUrl, date };
  const requestLine = `${fetch.method ?? 'GET'} ${target.pathname}${target.search} HTTP/1.1`;
  const requestBody = fetch.requestBody ?? new Uint8Array(0);
  const request = recordWithBlock(
    'request',
    common,
    [['WARC-Record-ID', recordId()], ['WARC-Concurrent-To', responseId], ...ipHeaders],
    httpBlock(requestLine, requestHeaderLines(fetch, target), requestBody),
    fetch.requestBody ? [fetch.requestBody] : [],
  );

  const responseWarcHeaders: [string, string][] = [['WARC-Record-ID', responseId], ...ipHeaders];
  if (fetch.truncated) responseWarcHeaders.push(['WARC-Truncated', 'length']);
  // undici speaks HTTP/1.1 to origin servers; the reason phrase is the one the server sent.
  const statusLine = `HTTP/1.1 ${fetch.status}${fetch.statusText ? ` ${fetch.statusText}` : ''}`;
  const response = recordWithBlock(
    'response',
    common,
    responseWarcHeaders,
    httpBlock(statusLine, archivedResponseHeaders(fetch.rawHeaders), fetch.body),
    [fetch.body],
  );

  const records = [request, response];
  if (fetch.redirects.length > 0) {
    const chain = [new TextEncoder().encode(redirectChainFields(fetch))];
    const headers: [string, string][] = [['WARC-Record-ID', recordId()], ['WARC-Concurrent-To', responseId]];
    records.push(recordWithBlock('metadata', common, headers, chain, chain));
  }
  return { records, responseId };
}

/**
 * The whole `page.warc.gz` for one fetch: warcinfo, the GET request as sent, the response exactly as
 * received (status line, raw headers, body bytes) and, when there were redirects, a metadata record
 * with the chain. A browser render adds the rendered DOM (conversion record) and then every
 * sub-resource exchange; the page's response stays the first response record.
 */
export function buildWarc(fetch: FetchResult, options: WarcWriteOptions, extras: WarcExtras = {}): Buffer {
  const date = fetch.fetchedAt.toISOString();
  const info: [string, string][] = [
    ['software', options.software],
    ['format', 'WARC File Format 1.1'],
    ['conformsTo', 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/'],
  ];
  if (options.snapshotId) info.push(['snapcrawl-snapshot-id', options.snapshotId]);
  const userAgent = Object.entries(fetch.requestHeaders).find(([n]) => n.toLowerCase() === 'user-agent');
  if (userAgent) info.push(['http-header-user-agent', userAgent[1]]);
  const infoBlock = [Buffer.from(info.map(([k, v]) => `${k}: ${v}\r\n`).join(''), 'utf8')];
  const warcinfo = recordWithBlock('warcinfo', { date, filename: options.filename ?? WARC_FILE_NAME }, [], infoBlock, null);

  if (extras.exchange && extras.renderedHtml === undefined) {
    const rest = (extras.resources ?? []).flatMap((resource) => exchangeRecords(resource).records);
    return Buffer.concat([serializeStored(warcinfo), extras.exchange, ...rest.map(serialize)]);
  }
  const page = exchangeRecords(fetch);
  const records = [warcinfo, ...page.records];
  if (extras.renderedHtml !== undefined) {
    const html = [Buffer.from(extras.renderedHtml, 'utf8')];
    const headers: [string, string][] = [
      ['WARC-Record-ID', recordId()],
      ['WARC-Refers-To', page.responseId],
      ['Content-Type', 'text/html; charset=utf-8'],
    ];
    records.push(recordWithBlock('conversion', { url: fetch.finalUrl, date }, headers, html, html));
  }
  for (const resource of extras.resources ?? []) records.push(...exchangeRecords(resource).records);
  return Buffer.concat([serializeStored(warcinfo), ...records.slice(1).map(serialize)]);
}

/**
 * The page's own records (request, response, redirect metadata), gzipped, as buildWarc writes them after
 * the warcinfo record: the expensive part of a WARC (digests and gzip of the body), and the part that
 * does not depend on the snapshot id, so an extraction worker can build it (WarcExtras.exchange).
 */
export function exchangeMembers(fetch: FetchResult): Buffer {
  return Buffer.concat(exchangeRecords(fetch).records.map(serialize));
}
