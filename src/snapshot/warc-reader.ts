import { readFile } from 'node:fs/promises';
import { WARCParser } from 'warcio';
import { SnapshotStoreError } from './errors.js';

/** The archived HTTP response of a snapshot, bytes exactly as stored. */
export interface WarcResponse {
  targetUri: string;
  /** WARC-Date of the response record (ISO 8601). */
  date: string | null;
  /** The HTTP status line as archived, e.g. `HTTP/1.1 200 OK`. */
  statusLine: string;
  status: number;
  statusText: string;
  /** Lower-case names, repeated headers joined with ", " (same convention as FetchResult.headers). */
  headers: Record<string, string>;
  /** Header lines in archived order, names as received. */
  rawHeaders: [string, string][];
  body: Buffer;
  ipAddress: string | null;
  /** `sha256:<hex>` of the body, from the WARC header. */
  payloadDigest: string | null;
  truncated: boolean;
}

/** One record of a WARC file, for inspection (tests, `snapcrawl show --warc`). */
export interface WarcRecordInfo {
  type: string;
  recordId: string | null;
  targetUri: string | null;
  date: string | null;
  concurrentTo: string[];
  contentType: string | null;
  payloadDigest: string | null;
  blockDigest: string | null;
  /** All WARC header fields, lower-case names. */
  warcHeaders: Record<string, string>;
  /** The record block: for request/response the raw HTTP message, else the content. */
  block: Buffer;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

async function* records(source: string | Uint8Array): AsyncGenerator<WarcRecordInfo> {
  const bytes = typeof source === 'string' ? await readFile(source) : source;
  // parseHttp off: we want the HTTP block byte for byte, not warcio's parsed and normalized view.
  for await (const record of WARCParser.iterRecords([bytes], { parseHttp: false })) {
    const block = Buffer.from(await record.readFully(false));
    const warcHeaders: Record<string, string> = {};
    for (const [name, value] of record.warcHeaders.headers) warcHeaders[name.toLowerCase()] = value;
    yield {
      type: record.warcType,
      recordId: record.warcHeader('WARC-Record-ID') ?? null,
      targetUri: record.warcTargetURI ?? null,
      date: record.warcDate ?? null,
      concurrentTo: (record.warcConcurrentTo ?? []).map((s) => s.trim()).filter(Boolean),
      contentType: record.warcContentType ?? null,
      payloadDigest: record.warcPayloadDigest ?? null,
      blockDigest: record.warcBlockDigest ?? null,
      warcHeaders,
      block,
    };
  }
}

/** Every record in a WARC file (path or bytes), in order. */
export async function listWarcRecords(source: string | Uint8Array): Promise<WarcRecordInfo[]> {
  const out: WarcRecordInfo[] = [];
  for await (const info of records(source)) out.push(info);
  return out;
}

function parseHttpResponse(block: Buffer, where: string): Pick<WarcResponse, 'statusLine' | 'status' | 'statusText' | 'headers' | 'rawHeaders' | 'body'> {
  const end = block.indexOf(CRLFCRLF);
  if (end < 0) throw new SnapshotStoreError('WARC response has no HTTP header block', { path: where });
  // Header bytes are latin1 on the wire; decoding as latin1 keeps every byte.
  const [statusLine = '', ...lines] = block.subarray(0, end).toString('latin1').split('\r\n');
  const match = /^HTTP\/\S+\s+(\d{3})(?:\s(.*))?$/.exec(statusLine);
  if (!match) throw new SnapshotStoreError(`bad HTTP status line "${statusLine}"`, { path: where });
  const rawHeaders: [string, string][] = [];
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    rawHeaders.push([name, value]);
    const key = name.toLowerCase();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  return {
    statusLine,
    status: Number(match[1]),
    statusText: match[2] ?? '',
    headers,
    rawHeaders,
    body: block.subarray(end + CRLFCRLF.length),
  };
}

function toResponse(record: WarcRecordInfo, where: string): WarcResponse {
  return {
    targetUri: record.targetUri ?? '',
    date: record.date,
    ...parseHttpResponse(record.block, where),
    ipAddress: record.warcHeaders['warc-ip-address'] ?? null,
    payloadDigest: record.payloadDigest,
    truncated: 'warc-truncated' in record.warcHeaders,
  };
}

/**
 * The `response` record with this WARC-Record-ID (a page requisite's, as snapshot.json names it), or
 * null when the file has none.
 */
export async function readWarcResponseById(source: string | Uint8Array, recordId: string): Promise<WarcResponse | null> {
  const where = typeof source === 'string' ? source : '<buffer>';
  for await (const record of records(source)) {
    if (record.type === 'response' && record.recordId === recordId) return toResponse(record, where);
  }
  return null;
}

/**
 * The first `response` record of a WARC file (path or bytes): target URI, status, headers and the
 * body bytes exactly as archived. Throws SnapshotStoreError when there is none.
 */
export async function readWarcResponse(source: string | Uint8Array): Promise<WarcResponse> {
  const where = typeof source === 'string' ? source : '<buffer>';
  for await (const record of records(source)) {
    if (record.type === 'response') return toResponse(record, where);
  }
  throw new SnapshotStoreError('WARC file has no response record', { path: where });
}
