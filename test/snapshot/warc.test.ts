import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { buildWarc, listWarcRecords, newWarcRecordId, readWarcResponse, readWarcResponseById, SnapshotStore } from '../../src/snapshot/index.js';
import { sha256Hex } from '../../src/snapshot/hash.js';
import { makeFetch, makeInput, tempRoot } from './fixtures.js';

/** GBK "你好", a NUL, 0xFF, an embedded CRLFCRLF and a lone CR: anything a text round-trip would mangle. */
const HOSTILE_BODY = Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x00, 0xff, 0x0d, 0x0a, 0x0d, 0x0a, 0x41, 0x0d, 0x80]);
/** A header value as undici gives it: raw bytes decoded as latin1 (here GBK bytes of a file name). */
const LATIN1_HEADER = Buffer.from([0x61, 0x74, 0x74, 0x3b, 0x20, 0xc4, 0xe3, 0x2e, 0x74, 0x78, 0x74]).toString('latin1');

function hostileFetch() {
  return makeFetch({
    url: 'http://example.com/old?id=1',
    finalUrl: 'https://example.com/new?id=1',
    status: 200,
    statusText: 'Okay Then',
    body: HOSTILE_BODY,
    rawHeaders: [
      ['Content-Type', 'text/html; charset=gbk'],
      ['Set-Cookie', 'a=1'],
      ['X-Name', LATIN1_HEADER],
      ['Set-Cookie', 'b=,,,2'],
      ['Transfer-Encoding', 'chunked'],
    ],
    redirects: [{ url: 'http://example.com/old?id=1', status: 301, location: 'https://example.com/new?id=1' }],
    remoteAddress: '198.51.100.9',
  });
}

test('WARC round-trip returns the exact status line, headers and body bytes', async () => {
  const fetch = hostileFetch();
  const warc = buildWarc(fetch, { software: 'snapcrawl/test', snapshotId: 'sid' });
  const response = await readWarcResponse(warc);

  assert.ok(response.body.equals(HOSTILE_BODY), 'body bytes identical');
  assert.equal(response.targetUri, 'https://example.com/new?id=1');
  assert.equal(response.statusLine, 'HTTP/1.1 200 Okay Then');
  assert.equal(response.status, 200);
  assert.equal(response.statusText, 'Okay Then');
  assert.equal(response.date, fetch.fetchedAt.toISOString());
  assert.equal(response.ipAddress, '198.51.100.9');
  assert.equal(response.payloadDigest, `sha256:${sha256Hex(HOSTILE_BODY)}`);
  assert.equal(response.truncated, false);
  // Order and repeats as received; chunked framing is gone from the body, so its header is renamed.
  assert.deepEqual(response.rawHeaders, [
    ['Content-Type', 'text/html; charset=gbk'],
    ['Set-Cookie', 'a=1'],
    ['X-Name', LATIN1_HEADER],
    ['Set-Cookie', 'b=,,,2'],
    ['X-Archive-Orig-Transfer-Encoding', 'chunked'],
  ]);
  assert.equal(response.headers['set-cookie'], 'a=1, b=,,,2');

  // The header bytes on disk are the bytes received (not UTF-8 re-encoded).
  const plain = gunzipSync(warc);
  assert.ok(plain.includes(Buffer.concat([Buffer.from('X-Name: '), Buffer.from(LATIN1_HEADER, 'latin1'), Buffer.from('\r\n')])));
});

test('WARC has warcinfo, request, response and redirect metadata, linked by WARC-Concurrent-To', async () => {
  const fetch = hostileFetch();
  const warc = buildWarc(fetch, { software: 'snapcrawl/test', snapshotId: 'sid' });
  assert.deepEqual([...warc.subarray(0, 2)], [0x1f, 0x8b], 'gzip');
  const records = await listWarcRecords(warc);
  assert.deepEqual(records.map((r) => r.type), ['warcinfo', 'request', 'response', 'metadata']);
  const [info, request, response, metadata] = records as [typeof records[0], typeof records[0], typeof records[0], typeof records[0]];

  assert.match(info.block.toString(), /software: snapcrawl\/test\r\n/);
  assert.match(info.block.toString(), /snapcrawl-snapshot-id: sid\r\n/);
  assert.ok(response.recordId);
  assert.deepEqual(request.concurrentTo, [response.recordId]);
  assert.deepEqual(metadata.concurrentTo, [response.recordId]);
  assert.equal(request.targetUri, 'https://example.com/new?id=1');
  assert.equal(request.warcHeaders['warc-ip-address'], '198.51.100.9');
  assert.match(request.block.toString('latin1'), /^GET \/new\?id=1 HTTP\/1\.1\r\nHost: example\.com\r\nuser-agent: snapcrawl-test\/1\.0\r\naccept: text\/html\r\n\r\n$/);
  assert.match(metadata.block.toString(), /redirect: 301 http:\/\/example\.com\/old\?id=1 -> https:\/\/example\.com\/new\?id=1/);
  for (const record of [request, response, metadata]) {
    assert.equal(record.blockDigest, `sha256:${sha256Hex(record.block)}`, `${record.type} block digest`);
  }
});

test('warcinfo is a gzip member of stored deflate blocks (no zlib stream per snapshot), read back whole past 64 KiB', async () => {
  for (const software of ['snapcrawl/test', `snapcrawl/${'x'.repeat(70_000)}`]) {
    const fetch = makeFetch({});
    const warc = buildWarc(fetch, { software, snapshotId: 'sid' });
    assert.deepEqual([...warc.subarray(0, 3)], [0x1f, 0x8b, 8], 'gzip, deflate');
    assert.equal((warc[10]! >> 1) & 3, 0, 'the first deflate block is stored (BTYPE 00)');
    const records = await listWarcRecords(warc);
    assert.deepEqual(records.map((r) => r.type), ['warcinfo', 'request', 'response']);
    assert.ok(records[0]!.block.toString().includes(`software: ${software}\r\n`));
    assert.ok((await readWarcResponse(warc)).body.equals(fetch.body), 'the records after it read as before');
    assert.ok(gunzipSync(warc).toString('latin1').startsWith('WARC/1.1\r\n'), 'one gzip stream of members, as any reader takes it');
  }
});

test('no redirects: no metadata record; truncated bodies are flagged', async () => {
  const records = await listWarcRecords(buildWarc(makeFetch({ truncated: true }), { software: 's' }));
  assert.deepEqual(records.map((r) => r.type), ['warcinfo', 'request', 'response']);
  assert.equal(records[2]!.warcHeaders['warc-truncated'], 'length');
  assert.equal((await readWarcResponse(buildWarc(makeFetch({ truncated: true }), { software: 's' }))).truncated, true);
});

test('the stored page.warc.gz holds the exact bytes fetched', async (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  t.after(() => store.close());
  const input = makeInput({ bodyBytes: HOSTILE_BODY, fetch: hostileFetch() });
  const outcome = store.write(input);
  const files = store.files(outcome.id);
  assert.ok(files);
  const response = await readWarcResponse(files.warc);
  assert.ok(response.body.equals(HOSTILE_BODY));
  assert.equal(store.get(outcome.id)?.sha256, sha256Hex(HOSTILE_BODY));
  assert.equal((await store.verify(outcome.id))?.ok, true);
  assert.ok(readFileSync(files.warc).length > 0);
});

test('verify() notices a WARC whose body no longer matches snapshot.json', async (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  t.after(() => store.close());
  const outcome = store.write(makeInput());
  const files = store.files(outcome.id);
  assert.ok(files);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(files.warc, buildWarc(makeFetch({ body: Buffer.from('tampered') }), { software: 's' }));
  assert.equal((await store.verify(outcome.id))?.ok, false);
});

test('readWarcResponse rejects a WARC without a response record', async () => {
  const { WARCRecord, WARCSerializer } = await import('warcio');
  const info = WARCRecord.createWARCInfo({}, { software: 'x' });
  const bytes = await WARCSerializer.serialize(info, { gzip: true });
  await assert.rejects(readWarcResponse(bytes), /no response record/);
});

test('a page requisite keeps the WARC-Record-ID it was given, and is read back by it', async () => {
  const page = makeFetch({ url: 'https://example.com/a', finalUrl: 'https://example.com/a' });
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
  const id = newWarcRecordId();
  const image = makeFetch({
    url: 'https://cdn.example.com/p.png',
    finalUrl: 'https://cdn.example.com/p.png',
    body: png,
    headers: { 'content-type': 'image/png' },
    rawHeaders: [['Content-Type', 'image/png']],
  });
  const warc = buildWarc(page, { software: 'test/1' }, { resources: [{ ...image, warcRecordId: id }] });
  assert.match(id, /^<urn:uuid:[0-9a-f-]{36}>$/);
  const records = await listWarcRecords(warc);
  assert.equal(records.filter((r) => r.type === 'response').length, 2);
  assert.equal((await readWarcResponse(warc)).targetUri, 'https://example.com/a', 'the page stays the first response');
  const back = await readWarcResponseById(warc, id);
  assert.ok(back);
  assert.equal(back.targetUri, 'https://cdn.example.com/p.png');
  assert.equal(back.headers['content-type'], 'image/png');
  assert.ok(back.body.equals(png));
  assert.equal(back.payloadDigest, `sha256:${sha256Hex(png)}`);
  assert.equal(await readWarcResponseById(warc, newWarcRecordId()), null);
});
