import assert from 'node:assert/strict';
import net from 'node:net';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import { addressPolicy, HostVetter, PrivateAccess } from '../../src/fetch/index.js';
import { GuardProxy } from '../../src/fetch/browser/guardProxy.js';
import { FetchError } from '../../src/util/errors.js';
import { browserSite, captureLogger, CHROMIUM_SKIP, loopbackBrowser, recordConnections, startTestServer } from '../fixtures/browser/harness.js';

/** Reads exactly `n` bytes from a socket. */
async function readBytes(socket: net.Socket, n: number): Promise<Buffer> {
  let buffered = Buffer.alloc(0);
  while (buffered.length < n) {
    const chunk = socket.read() as Buffer | null;
    if (chunk) buffered = Buffer.concat([buffered, chunk]);
    else await Promise.race([once(socket, 'readable'), once(socket, 'close').then(() => assert.fail('socket closed'))]);
  }
  if (buffered.length > n) socket.unshift(buffered.subarray(n));
  return buffered.subarray(0, n);
}

/** A bare SOCKS5 CONNECT (domain form, as Chromium sends it); returns the reply code and the socket. */
async function socksConnect(proxyUrl: string, host: string, port: number): Promise<{ reply: number; socket: net.Socket }> {
  const proxy = new URL(proxyUrl);
  const socket = net.createConnection(Number(proxy.port), proxy.hostname);
  await once(socket, 'connect');
  socket.write(Buffer.from([5, 1, 0]));
  assert.deepEqual([...(await readBytes(socket, 2))], [5, 0]);
  const name = Buffer.from(host);
  socket.write(Buffer.concat([Buffer.from([5, 1, 0, 3, name.length]), name, Buffer.from([port >> 8, port & 0xff])]));
  const reply = await readBytes(socket, 10);
  return { reply: reply[1], socket };
}

describe('SSRF policy for browser requests (no traffic involved)', () => {
  test('IP literals are judged directly, names through DNS, with the existing ranges', async () => {
    const strict = new HostVetter(addressPolicy());
    for (const host of ['10.0.0.1', '169.254.169.254', '[::1]', '[::ffff:10.0.0.1]', '127.0.0.1']) {
      const verdict = await strict.vet(host);
      assert.equal(verdict.allowed, false, host);
      assert.ok(!verdict.allowed && verdict.blocked, `${host} is refused as an address`);
    }
    const viaDns = await strict.vet('localhost');
    assert.ok(!viaDns.allowed && viaDns.blocked && /loopback/.test(viaDns.range), 'localhost resolves to loopback and is refused');

    const loopbackOnly = new HostVetter(addressPolicy(false, ['loopback']));
    assert.equal((await loopbackOnly.vet('127.0.0.1')).allowed, true);
    assert.equal((await loopbackOnly.vet('localhost')).allowed, true);
    assert.equal((await loopbackOnly.vet('10.0.0.1')).allowed, false);
    assert.equal((await loopbackOnly.vet('169.254.169.254')).allowed, false);

    // allowPrivate opens everything (intranet crawls); vetting only, nothing is contacted here.
    const open = new HostVetter(addressPolicy(true));
    assert.equal((await open.vet('10.0.0.1')).allowed, true);
    assert.equal((await open.vet('169.254.169.254')).allowed, true);
  });

  test('a scoped policy opens its endpoints (host and port) only, per request', async () => {
    const scoped = new HostVetter(addressPolicy(PrivateAccess.of(['http://127.0.0.1:8787/news/'])));
    assert.equal((await scoped.vetUrl('http://127.0.0.1:8787/img/1.png')).allowed, true);
    assert.equal((await scoped.vetUrl('ws://127.0.0.1:8787/live')).allowed, true, 'same endpoint, another scheme');
    assert.equal((await scoped.vet('127.0.0.1', 8787)).allowed, true, 'the guard proxy asks by host and port');
    for (const url of ['http://127.0.0.1:9999/admin-secret', 'http://127.0.0.1/', 'https://127.0.0.1/', 'http://localhost:8787/', 'http://10.0.0.1:8787/']) {
      const verdict = await scoped.vetUrl(url);
      assert.ok(!verdict.allowed && verdict.blocked, `${url} is refused as an address`);
    }
    const other = await scoped.vet('127.0.0.1', 9999);
    assert.ok(!other.allowed && other.blocked && other.reason === 'blocked address 127.0.0.1 (loopback) for 127.0.0.1:9999', JSON.stringify(other));
    assert.equal((await scoped.vet('127.0.0.1')).allowed, false, 'no port, no opening');
  });
});

describe('guard proxy (the browser\'s only way out)', () => {
  test('refuses a blocked address without connecting, tunnels an allowed one byte for byte', async (t) => {
    const blocked: string[] = [];
    const proxy = await GuardProxy.start(new HostVetter(addressPolicy(false, ['loopback'])), { onBlocked: (target) => blocked.push(target) });
    t.after(() => proxy.close());
    const server = await startTestServer((_req, res) => res.end('through the tunnel'));
    t.after(() => server.close());

    const { result: refused, hosts } = await recordConnections(() => socksConnect(proxy.url, '10.0.0.1', 80));
    assert.equal(refused.reply, 2, 'SOCKS reply 2: connection not allowed by ruleset');
    assert.deepEqual(hosts, [], 'no connection attempted');
    assert.deepEqual(blocked, ['10.0.0.1:80']);
    refused.socket.destroy();

    const { reply, socket } = await socksConnect(proxy.url, 'localhost', server.port);
    assert.equal(reply, 0);
    socket.write('GET /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    let text = '';
    for await (const chunk of socket) text += String(chunk);
    assert.match(text, /^HTTP\/1\.1 200 OK[\s\S]*through the tunnel$/);
    assert.equal(proxy.remoteAddressOf(`http://localhost:${server.port}/x`), '127.0.0.1');
  });
});

describe('guard proxy with a scoped policy', () => {
  test('tunnels to the allowed endpoint, refuses another port of the same IP without connecting', async (t) => {
    const allowed = await startTestServer((_req, res) => res.end('allowed'));
    const other = await startTestServer((_req, res) => res.end('admin secret'));
    t.after(() => allowed.close());
    t.after(() => other.close());
    const blocked: string[] = [];
    const proxy = await GuardProxy.start(new HostVetter(addressPolicy(PrivateAccess.of([`${allowed.url}/`]))), {
      onBlocked: (target) => blocked.push(target),
    });
    t.after(() => proxy.close());

    const { result: refused, hosts } = await recordConnections(() => socksConnect(proxy.url, '127.0.0.1', other.port));
    assert.equal(refused.reply, 2);
    assert.deepEqual(hosts, [], 'no connection attempted');
    assert.deepEqual(blocked, [`127.0.0.1:${other.port}`]);
    refused.socket.destroy();

    const { reply, socket } = await socksConnect(proxy.url, '127.0.0.1', allowed.port);
    assert.equal(reply, 0);
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    let text = '';
    for await (const chunk of socket) text += String(chunk);
    assert.match(text, /allowed$/);
    assert.deepEqual(other.requests, []);
  });
});

describe('SSRF guard on every browser request', { skip: CHROMIUM_SKIP }, () => {
  test('sub-resources, a redirect hop, a script fetch and a WebSocket to private addresses are refused before any connection', async () => {
    const site = await browserSite();
    const { logger, lines } = captureLogger();
    const browser = loopbackBrowser({ logger });
    const { result: rendered, hosts } = await recordConnections(() => browser.render(`${site.url}/private-refs`));

    const refused = (url: string) => rendered.blocked.find((b) => b.url === url && b.cause === 'address');
    assert.match(refused('http://10.0.0.1/x.js')?.reason ?? '', /10\.0\.0\.1 \(private\)/);
    assert.match(refused('http://169.254.169.254/latest/meta-data/')?.reason ?? '', /linkLocal/);
    assert.equal(refused('http://10.0.0.1/api')?.layer, 'route', 'a script fetch goes through route interception');
    assert.equal(refused('ws://10.0.0.1/socket')?.layer, 'route', 'WebSockets are intercepted too');
    // Playwright never routes redirect hops; the guard proxy refuses that connection instead.
    assert.equal(refused('10.0.0.1:80')?.layer, 'proxy', 'the redirect to 10.0.0.1 was refused at connect time');

    // Nothing was ever sent anywhere but loopback: the proxy (the browser's only way out) connected to 127.0.0.1 only.
    assert.ok(hosts.length > 0, 'the guard proxy made the page connections');
    assert.deepEqual([...new Set(hosts)], ['127.0.0.1']);
    assert.ok(rendered.resources.every((r) => new URL(r.url).hostname !== '10.0.0.1' && !r.url.includes('169.254')));
    assert.equal(site.requests.includes('GET /private-refs'), true);

    // A hostname that resolves to loopback is allowed when loopback is (sub-resource ran).
    assert.ok(rendered.html.includes('data-ok="1"'), 'http://localhost:<port>/ok.js loaded');
    assert.ok(lines.some((l) => l.msg === 'browser request blocked (SSRF guard)' && l.url === 'http://10.0.0.1/x.js'), 'blocks are logged');
    assert.ok(lines.some((l) => l.msg === 'browser connection blocked (SSRF guard)' && l.target === '10.0.0.1:80'));
  });

  test('without allowPrivate the page itself is refused and the server never hears from the browser', async () => {
    const site = await browserSite();
    const browser = loopbackBrowser({ allowedPrivateRanges: [] });
    await assert.rejects(browser.render(`${site.url}/static/1`), (err: unknown) => {
      assert.ok(err instanceof FetchError, String(err));
      assert.equal(err.kind, 'blocked-address');
      assert.match(err.message, /127\.0\.0\.1 \(loopback\)/);
      assert.equal(err.url, `${site.url}/static/1`);
      return true;
    });
    assert.deepEqual(site.requests, []);
  });
});
