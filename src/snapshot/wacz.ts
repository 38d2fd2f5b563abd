/**
 * WACZ 1.1.1 export (Web Archive Collection Zipped, webrecorder's format, what ReplayWeb.page loads):
 * a ZIP holding `archive/*.warc.gz` (each snapshot's page.warc.gz exactly as stored, plus an optional
 * WARC of the robots.txt the store keeps), `indexes/index.cdxj` (warcio's CDXJ indexer: SURT key,
 * timestamp, url, mime, status, digest, length, offset, filename), `pages/pages.jsonl`,
 * `datapackage.json` (sha256 and size of every file) and `datapackage-digest.json`.
 *
 * WARCs are STORED in the ZIP (not deflated again), so a replay tool can seek straight to a record's gzip
 * member with the CDXJ offset and length. Our WARC writer makes every record its own gzip member (warc.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import { CDXIndexer, WARCRecord, WARC_1_1 } from 'warcio';
import { ZipFile } from 'yazl';

export const WACZ_VERSION = '1.1.1';

/** One snapshot to put in the WACZ. */
export interface WaczSnapshot {
  id: string;
  /** The page URL replay should open (the URL the archived response is for). */
  url: string;
  /** ISO 8601 fetch time. */
  fetchedAt: string;
  title: string | null;
  /** Absolute path of the snapshot's page.warc.gz. */
  warcPath: string;
}

/** A robots.txt as the store's robots cache keeps it (latest fetch per origin). */
export interface WaczRobots {
  robotsUrl: string;
  /** ms since the epoch. */
  fetchedAt: number;
  status: number | null;
  outcome: string;
  reason: string;
  /** The body as text (UTF-8 decoded when fetched), when the fetch returned one (2xx). */
  body: string | null;
}

export interface WaczOptions {
  /** `snapcrawl/0.1.0`, for datapackage.json and the robots WARC's warcinfo. */
  software: string;
  title?: string;
  description?: string;
  robots?: readonly WaczRobots[];
  /** Creation time (tests); default now. */
  created?: Date;
}

export interface WaczReport {
  path: string;
  snapshots: number;
  warcFiles: number;
  cdxLines: number;
  robots: number;
  bytes: number;
}

interface Resource {
  name: string;
  path: string;
  hash: string;
  bytes: number;
}

function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** CDXJ lines (warcio's indexer, the one webrecorder's tools use) for one gzipped WARC file as stored. */
async function cdxjLines(bytes: Buffer, filename: string): Promise<string[]> {
  const indexer = new CDXIndexer({ format: 'cdxj' });
  const lines: string[] = [];
  async function* reader(): AsyncGenerator<Uint8Array> {
    yield bytes;
  }
  for await (const cdx of indexer.iterIndex([{ filename, reader: reader() }])) lines.push(indexer.serializeCDXJ(cdx).trimEnd());
  return lines;
}

/** `archive/robots.warc.gz`: warcinfo, then one record per robots.txt as the store keeps it. */
export function buildRobotsWarc(robots: readonly WaczRobots[], software: string, filename: string): Buffer {
  const members: Buffer[] = [];
  const add = (type: 'warcinfo' | 'resource' | 'metadata', url: string | undefined, date: string, headers: [string, string][], block: Buffer): void => {
    const record = WARCRecord.create({ url, date, type, warcVersion: WARC_1_1, filename: type === 'warcinfo' ? filename : undefined, warcHeaders: [
      ['WARC-Record-ID', `<urn:uuid:${randomUUID()}>`],
      ...headers,
      ...(type === 'warcinfo' ? [] : ([['WARC-Block-Digest', sha256(block)]] as [string, string][])),
    ] });
    record.httpHeaders = null;
    record.warcHeaders.headers.set('Content-Length', String(block.length));
    members.push(gzipSync(Buffer.concat([Buffer.from(record.warcHeaders.toString(), 'utf8'), Buffer.from('\r\n'), block, Buffer.from('\r\n\r\n')])));
  };
  const info = [
    `software: ${software}`,
    'format: WARC File Format 1.1',
    'description: robots.txt of the exported snapshots\' origins, as the crawler\'s robots cache keeps it (latest fetch per origin; body text only, not the HTTP exchange)',
  ].join('\r\n');
  add('warcinfo', undefined, new Date().toISOString(), [['Content-Type', 'application/warc-fields']], Buffer.from(`${info}\r\n`, 'utf8'));
  for (const r of robots) {
    const date = new Date(r.fetchedAt).toISOString();
    const provenance: [string, string][] = [
      ['WARC-Snapcrawl-Robots-Status', r.status === null ? 'none' : String(r.status)],
      ['WARC-Snapcrawl-Robots-Outcome', r.outcome],
    ];
    if (r.body !== null) {
      add('resource', r.robotsUrl, date, [['Content-Type', 'text/plain; charset=utf-8'], ...provenance], Buffer.from(r.body, 'utf8'));
    } else {
      const fields = [`robots-url: ${r.robotsUrl}`, `status: ${r.status ?? 'none'}`, `outcome: ${r.outcome}`, `reason: ${r.reason}`].join('\r\n');
      add('metadata', r.robotsUrl, date, [['Content-Type', 'application/warc-fields'], ...provenance], Buffer.from(`${fields}\r\n`, 'utf8'));
    }
  }
  return Buffer.concat(members);
}

/** Sort as `LC_ALL=C sort` does (byte order of the UTF-8 lines), which the replay tools' binary search expects. */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Writes `outPath` (via a temp file in the same folder, renamed into place when complete). Each WARC is
 * read once: hashed, indexed and added to the ZIP from the same bytes, so the index always matches what
 * the archive holds even if the store changes meanwhile.
 */
export async function writeWacz(snapshots: readonly WaczSnapshot[], outPath: string, options: WaczOptions): Promise<WaczReport> {
  const zip = new ZipFile();
  const tmp = join(dirname(outPath), `.${basename(outPath)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`);
  const written = pipeline(zip.outputStream, createWriteStream(tmp));
  // Surface a write error now instead of as an unhandled rejection while we are still adding entries.
  written.catch(() => undefined);
  const created = options.created ?? new Date();
  const mtime = created;
  const resources: Resource[] = [];
  const cdx: string[] = [];
  const addFile = (path: string, bytes: Buffer, compress: boolean): void => {
    zip.addBuffer(bytes, path, { compress, mtime });
    resources.push({ name: basename(path), path, hash: sha256(bytes), bytes: bytes.length });
  };
  try {
    for (const snap of snapshots) {
      const bytes = readFileSync(snap.warcPath);
      const filename = `${snap.id}.warc.gz`;
      cdx.push(...(await cdxjLines(bytes, filename)));
      addFile(`archive/${filename}`, bytes, false);
    }
    const robots = options.robots ?? [];
    if (robots.length > 0) {
      const filename = 'robots.warc.gz';
      const bytes = buildRobotsWarc(robots, options.software, filename);
      cdx.push(...(await cdxjLines(bytes, filename)));
      addFile(`archive/${filename}`, bytes, false);
    }
    cdx.sort(byteOrder);
    addFile('indexes/index.cdxj', Buffer.from(cdx.map((l) => `${l}\n`).join(''), 'utf8'), true);
    const pages = [
      JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: options.title ?? 'All Pages' }),
      ...snapshots.map((s) => JSON.stringify({ id: s.id, url: s.url, ts: s.fetchedAt, title: s.title ?? undefined })),
    ];
    addFile('pages/pages.jsonl', Buffer.from(pages.map((l) => `${l}\n`).join(''), 'utf8'), true);
    const datapackage = {
      profile: 'data-package',
      wacz_version: WACZ_VERSION,
      title: options.title ?? 'snapcrawl export',
      ...(options.description ? { description: options.description } : {}),
      created: created.toISOString(),
      modified: created.toISOString(),
      software: options.software,
      resources: [...resources],
    };
    const datapackageBytes = Buffer.from(`${JSON.stringify(datapackage, null, 2)}\n`, 'utf8');
    zip.addBuffer(datapackageBytes, 'datapackage.json', { mtime });
    const digest = { path: 'datapackage.json', hash: sha256(datapackageBytes) };
    zip.addBuffer(Buffer.from(`${JSON.stringify(digest, null, 2)}\n`, 'utf8'), 'datapackage-digest.json', { mtime });
    zip.end();
    await written;
    renameSync(tmp, outPath);
    const size = statSync(outPath).size;
    return {
      path: outPath,
      snapshots: snapshots.length,
      warcFiles: snapshots.length + (robots.length > 0 ? 1 : 0),
      cdxLines: cdx.length,
      robots: robots.length,
      bytes: size,
    };
  } catch (err) {
    zip.outputStream.resume();
    rmSync(tmp, { force: true });
    throw err;
  }
}
