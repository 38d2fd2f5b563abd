import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { HttpFetcher, parseRetryAfter, PrivateAccess, type HttpFetcherOptions } from '../../src/fetch/index.js';
import { FetchError, type FetchErrorKind } from '../../src/util/errors.js';
import { startTestServer, type RouteHandler, type TestServer } from '../fixtures/http-server.js';

const UA = 'snapcrawl-test/1.0';

/** A fetcher allowed onto loopback with fast retries; closed when the file ends. */
function loopbackFetcher(options: Partial<HttpFetcherOptions> = {}): HttpFetcher {
  const fetcher = new HttpFetcher({ userAgent: UA, allowPrivate: true, retryBaseDelayMs: 5, ...options });
  after(() => fetcher.close());
  return fetcher;
}

async function server(handler: RouteHandler): Promise<TestServer> {
  const s = await startTestServer(handler);
  after(() => s.close());
  return s;
}

async function rejectsWithKind(promise: Promise<unknown>, kind: FetchErrorKind): Promise<FetchError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof FetchError, `expected FetchError, got ${String(err)}`);
    assert.equal(err.kind, kind, err.message);
    return err;
  }
  assert.fail(`expected FetchError kind ${kind}, but the fetch succeeded`);
}

describe('HttpFetcher basics', () => {
  test('returns exact bytes, headers in both forms, request headers and the remote address', async () => {
    let seen: Record<string, string | string[] | undefined> = {};
    const s = await server((req, res) => {
      seen = req.headers;
      res.setHeader('Content-Type', 'text/html; charset=gbk');
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.end(Buffer.from([0xd6, 0xd0, 0xce, 0xc4]));
    });
    const result = await loopbackFetcher().fetch(`${s.url}/page?x=1`, { headers: { 'If-None-Match': '"v1"' } });
    assert.equal(result.status, 200);
    assert.equal(result.statusText, 'OK');
    assert.deepEqual([...result.body], [0xd6, 0xd0, 0xce, 0xc4]);
    assert.equal(result.truncated, false);
    assert.equal(result.finalUrl, `${s.url}/page?x=1`);
    assert.equal(result.headers['content-type'], 'text/html; charset=gbk');
    assert.equal(result.headers['set-cookie'], 'a=1, b=2');
    assert.deepEqual(result.rawHeaders.filter(([name]) => name.toLowerCase() === 'set-cookie'), [['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']]);
    assert.equal(result.requestHeaders['user-agent'], UA);
    assert.equal(result.requestHeaders['if-none-match'], '"v1"');
    assert.equal(seen['user-agent'], UA);
    assert.equal(seen['accept-encoding'], 'identity');
    assert.equal(seen['if-none-match'], '"v1"');
    assert.equal(result.remoteAddress, '127.0.0.1');
    assert.equal(result.attempts, 1);
    assert.deepEqual(result.redirects, []);
  });

  test('a 404 is returned, not retried and not thrown', async () => {
    const s = await server((_req, res) => {
      res.writeHead(404).end('gone');
    });
    const result = await loopbackFetcher().fetch(`${s.url}/missing`);
    assert.equal(result.status, 404);
    assert.equal(result.attempts, 1);
    assert.equal(s.requests.length, 1);
  });

  test('an unparseable or non-http URL is invalid-url', async () => {
    const fetcher = loopbackFetcher();
    await rejectsWithKind(fetcher.fetch('not a url'), 'invalid-url');
    await rejectsWithKind(fetcher.fetch('ftp://example.com/file'), 'invalid-url');
  });
});

describe('HttpFetcher redirects', () => {
  test('follows a chain hop by hop, resolving relative Locations, and records every hop', async () => {
    const s = await server((req, res) => {
      if (req.url === '/a') res.writeHead(301, { Location: '/b' }).end();
      else if (req.url === '/b') res.writeHead(302, { Location: `http://127.0.0.1:${(req.socket.localPort ?? 0).toString()}/c?q=1` }).end('moved');
      else if (req.url === '/c?q=1') res.end('final');
      else res.writeHead(404).end();
    });
    const result = await loopbackFetcher().fetch(`${s.url}/a`);
    assert.equal(result.status, 200);
    assert.equal(result.body.toString(), 'final');
    assert.equal(result.url, `${s.url}/a`);
    assert.equal(result.finalUrl, `${s.url}/c?q=1`);
    assert.deepEqual(result.redirects, [
      { url: `${s.url}/a`, status: 301, location: `${s.url}/b` },
      { url: `${s.url}/b`, status: 302, location: `${s.url}/c?q=1` },
    ]);
  });

  test('a loop is detected', async () => {
    const s = await server((req, res) => {
      res.writeHead(302, { Location: req.url === '/x' ? '/y' : '/x' }).end();
    });
    await rejectsWithKind(loopbackFetcher().fetch(`${s.url}/x`), 'redirect-loop');
    assert.equal(s.requests.length, 2);
  });

  test('more than maxRedirects hops is too-many-redirects; exactly maxRedirects is fine', async () => {
    const s = await server((req, res) => {
      const n = Number(req.url?.slice(1) ?? 0);
      if (n < 3) res.writeHead(301, { Location: `/${n + 1}` }).end();
      else res.end('landed');
    });
    const fetcher = loopbackFetcher({ maxRedirects: 2 });
    await rejectsWithKind(fetcher.fetch(`${s.url}/0`), 'too-many-redirects');
    assert.equal(s.requests.length, 3);
    const ok = await fetcher.fetch(`${s.url}/0`, { maxRedirects: 3 });
    assert.equal(ok.body.toString(), 'landed');
    assert.equal(ok.redirects.length, 3);
    await rejectsWithKind(fetcher.fetch(`${s.url}/0`, { maxRedirects: 0 }), 'too-many-redirects');
  });

  test('a redirect to a non-http scheme is refused', async () => {
    const s = await server((_req, res) => {
      res.writeHead(302, { Location: 'file:///etc/passwd' }).end();
    });
    const err = await rejectsWithKind(loopbackFetcher().fetch(`${s.url}/`), 'invalid-url');
    assert.match(err.message, /file:/);
  });
});

describe('HttpFetcher retries', () => {
  test('a 500 followed by a 200 is retried and succeeds', async () => {
    let calls = 0;
    const s = await server((_req, res) => {
      calls++;
      if (calls === 1) res.writeHead(500).end('oops');
      else res.end('ok');
    });
    const result = await loopbackFetcher().fetch(`${s.url}/`);
    assert.equal(result.status, 200);
    assert.equal(result.body.toString(), 'ok');
    assert.equal(result.attempts, 2);
  });

  test('a 500 that never recovers is returned after the retries, with attempts counted', async () => {
    const s = await server((_req, res) => {
      res.writeHead(500).end('still broken');
    });
    const result = await loopbackFetcher({ retries: 2 }).fetch(`${s.url}/`);
    assert.equal(result.status, 500);
    assert.equal(result.body.toString(), 'still broken');
    assert.equal(result.attempts, 3);
    assert.equal(s.requests.length, 3);
  });

  test('429 with Retry-After: 1 waits about a second, then succeeds', async () => {
    let calls = 0;
    const s = await server((_req, res) => {
      calls++;
      if (calls === 1) res.writeHead(429, { 'Retry-After': '1' }).end();
      else res.end('ok');
    });
    const started = Date.now();
    const result = await loopbackFetcher().fetch(`${s.url}/`);
    assert.ok(Date.now() - started >= 950, `waited only ${Date.now() - started} ms`);
    assert.equal(result.status, 200);
    assert.equal(result.attempts, 2);
  });

  test('a Retry-After beyond maxRetryAfterMs throws retry-later with retryAt', async () => {
    const s = await server((_req, res) => {
      res.writeHead(503, { 'Retry-After': '3600' }).end();
    });
    const err = await rejectsWithKind(loopbackFetcher({ maxRetryAfterMs: 5000 }).fetch(`${s.url}/`), 'retry-later');
    assert.equal(err.status, 503);
    assert.ok(err.retryAt && Math.abs(err.retryAt.getTime() - (Date.now() + 3_600_000)) < 5000);
    assert.equal(s.requests.length, 1);
  });

  test('parseRetryAfter reads seconds and HTTP dates', () => {
    const now = Date.parse('2024-05-01T00:00:00Z');
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter('Wed, 01 May 2024 00:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Tue, 30 Apr 2024 00:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });
});

describe('HttpFetcher limits and failures', () => {
  test('a 5 MB body is cut at the cap without hanging', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const s = await server((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      for (let i = 0; i < 80; i++) res.write(chunk); // 5 MiB
      res.end();
    });
    const started = Date.now();
    const capped = await loopbackFetcher({ maxBytes: 1024 * 1024 }).fetch(`${s.url}/big`);
    assert.equal(capped.body.length, 1024 * 1024);
    assert.equal(capped.truncated, true);
    assert.ok(Date.now() - started < 3000);
    const exact = await loopbackFetcher().fetch(`${s.url}/big`, { maxBytes: 5 * 1024 * 1024 });
    assert.equal(exact.body.length, 5 * 1024 * 1024);
    assert.equal(exact.truncated, false);
  });

  test('a server that never answers hits the headers timeout', async () => {
    const s = await server(() => {
      /* never respond */
    });
    const started = Date.now();
    await rejectsWithKind(loopbackFetcher({ headersTimeoutMs: 200, retries: 0 }).fetch(`${s.url}/`), 'timeout');
    // undici runs header timeouts on a ~1 s resolution timer, hence the loose bound.
    assert.ok(Date.now() - started < 3000);
  });

  test('an aborting signal (AbortSignal.timeout) ends the fetch as a timeout', async () => {
    const s = await server(() => {
      /* never respond */
    });
    await rejectsWithKind(loopbackFetcher().fetch(`${s.url}/`, { signal: AbortSignal.timeout(150) }), 'timeout');
  });

  test('connection refused is a network error after the retries', async () => {
    const s = await startTestServer((_req, res) => res.end());
    const url = `${s.url}/`;
    await s.close();
    const err = await rejectsWithKind(loopbackFetcher({ retries: 1 }).fetch(url), 'network');
    assert.match(err.message, /ECONNREFUSED/);
    assert.equal(err.url, url);
  });
});

describe('HttpFetcher SSRF guard', () => {
  test('loopback is refused by default, as an IP literal and as a name', async () => {
    const s = await server((_req, res) => res.end('secret'));
    const fetcher = new HttpFetcher({ userAgent: UA, retryBaseDelayMs: 5 });
    after(() => fetcher.close());
    const literal = await rejectsWithKind(fetcher.fetch(`${s.url}/`), 'blocked-address');
    assert.match(literal.message, /127\.0\.0\.1/);
    const named = await rejectsWithKind(fetcher.fetch(`http://localhost:${s.port}/`), 'blocked-address');
    assert.match(named.message, /127\.0\.0\.1|::1/);
    await rejectsWithKind(fetcher.fetch(`http://[::ffff:127.0.0.1]:${s.port}/`), 'blocked-address');
    assert.equal(s.requests.length, 0);
  });

  test('privateAccess is judged per hop: only the endpoints it lists may be private', async () => {
    const secret = await server((_req, res) => res.end('admin secret'));
    const s = await server((req, res) => {
      if (req.url === '/to-localhost') res.writeHead(302, { Location: `http://localhost:${String(req.socket.localPort)}/secret` }).end();
      else if (req.url === '/to-other-port') res.writeHead(302, { Location: `${secret.url}/admin-secret` }).end();
      else if (req.url === '/to-self') res.writeHead(302, { Location: '/ok' }).end();
      else res.end('ok');
    });
    const fetcher = new HttpFetcher({ userAgent: UA, retryBaseDelayMs: 5 });
    after(() => fetcher.close());
    const own = { privateAccess: PrivateAccess.of([`${s.url}/`]) };
    assert.equal((await fetcher.fetch(`${s.url}/`, own)).body.toString(), 'ok');
    assert.equal((await fetcher.fetch(`${s.url}/to-self`, own)).finalUrl, `${s.url}/ok`);
    // Another port on the same IP is another endpoint: the hop goes through the guard and is refused before connecting.
    const otherPort = await rejectsWithKind(fetcher.fetch(`${s.url}/to-other-port`, own), 'blocked-address');
    assert.match(otherPort.message, /127\.0\.0\.1 \(loopback\) at http:\/\/127\.0\.0\.1:\d+\/admin-secret/);
    assert.equal(otherPort.url, `${s.url}/to-other-port`);
    assert.deepEqual(secret.requests, []);
    // Same port under another name is another endpoint too (the guard refuses it after DNS).
    await rejectsWithKind(fetcher.fetch(`${s.url}/to-localhost`, own), 'blocked-address');
    // Nothing listed: nothing private, whatever the first hop was.
    await rejectsWithKind(fetcher.fetch(`${s.url}/`, { privateAccess: PrivateAccess.of([`${secret.url}/`]) }), 'blocked-address');
    assert.deepEqual(s.requests, ['GET /', 'GET /to-self', 'GET /ok', 'GET /to-other-port', 'GET /to-localhost']);
    // Listing both endpoints (allowPrivateHosts) lets the hop through.
    const both = { privateAccess: PrivateAccess.of([`${s.url}/`, `localhost:${s.port}`]) };
    assert.equal((await fetcher.fetch(`${s.url}/to-localhost`, both)).finalUrl, `http://localhost:${s.port}/secret`);
  });

  test('PrivateAccess.ALL (tests and tools only) lifts the guard for every hop', async () => {
    const s = await server((req, res) => {
      if (req.url === '/hop') res.writeHead(302, { Location: `http://localhost:${String(req.socket.localPort)}/secret` }).end();
      else res.end('ok');
    });
    const fetcher = new HttpFetcher({ userAgent: UA, retryBaseDelayMs: 5 });
    after(() => fetcher.close());
    const viaRedirect = await fetcher.fetch(`${s.url}/hop`, { privateAccess: PrivateAccess.ALL });
    assert.equal(viaRedirect.finalUrl, `http://localhost:${s.port}/secret`);
    assert.equal(s.requests.length, 2);
  });
});

describe('HttpFetcher onRequestSent', () => {
  test('is told each request as its headers go out: every redirect hop and retry, with its URL', async () => {
    let attempts = 0;
    const s = await server((req, res) => {
      if (req.url === '/start') return void res.writeHead(302, { Location: '/flaky' }).end();
      if (++attempts === 1) return void res.writeHead(503).end();
      res.end('ok');
    });
    const sent: string[] = [];
    const result = await loopbackFetcher().fetch(`${s.url}/start`, { onRequestSent: (url) => sent.push(url.pathname) });
    assert.equal(result.status, 200);
    assert.deepEqual(sent, ['/start', '/flaky', '/flaky']);
    assert.deepEqual(s.requests, ['GET /start', 'GET /flaky', 'GET /flaky']);
  });
});
