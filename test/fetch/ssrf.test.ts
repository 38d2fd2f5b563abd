import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { test } from 'node:test';
import { assertIpLiteralAllowed, BlockedAddressError, blockedRange, guardedLookup } from '../../src/fetch/ssrf.js';
import { PrivateAccess } from '../../src/fetch/privateAccess.js';
import { endpointOfUrl, parseEndpoint } from '../../src/util/endpoint.js';

test('non-public addresses are blocked, with the range named', () => {
  const blocked: [string, RegExp][] = [
    ['127.0.0.1', /loopback/],
    ['127.255.0.9', /loopback/],
    ['10.1.2.3', /private/],
    ['172.16.5.4', /private/],
    ['192.168.0.1', /private/],
    ['169.254.169.254', /linkLocal/], // cloud metadata
    ['100.64.0.1', /carrierGradeNat/],
    ['0.0.0.0', /unspecified/],
    ['224.0.0.251', /multicast/],
    ['255.255.255.255', /broadcast/],
    ['192.0.2.10', /reserved/], // documentation
    ['::1', /loopback/],
    ['::', /unspecified/],
    ['fe80::1', /linkLocal/],
    ['fe80::1%eth0', /linkLocal/],
    ['fc00::1', /uniqueLocal/],
    ['fd12:3456::1', /uniqueLocal/],
    ['ff02::1', /multicast/],
    ['::ffff:127.0.0.1', /ipv4Mapped:loopback/],
    ['::ffff:10.0.0.1', /ipv4Mapped:private/],
    ['64:ff9b::7f00:1', /rfc6052:loopback/],
    ['2002:c0a8:101::1', /6to4:private/],
    ['::7f00:1', /loopback/], // deprecated IPv4-compatible form
    ['[::1]', /loopback/],
    ['not-an-ip', /invalid/],
  ];
  for (const [address, range] of blocked) {
    const got = blockedRange(address);
    assert.ok(got !== undefined, `${address} should be blocked`);
    assert.match(got, range, address);
  }
});

test('public addresses pass, including IPv6 forms that embed a public IPv4', () => {
  for (const address of ['8.8.8.8', '93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1']) {
    assert.equal(blockedRange(address), undefined, address);
  }
});

test('IP-literal URLs are checked directly (net.connect never calls lookup for them)', () => {
  assert.throws(() => assertIpLiteralAllowed(new URL('http://127.0.0.1:8080/')), BlockedAddressError);
  assert.throws(() => assertIpLiteralAllowed(new URL('http://[::1]/')), BlockedAddressError);
  // WHATWG URL normalises odd IPv4 spellings, so these are caught too.
  assert.throws(() => assertIpLiteralAllowed(new URL('http://2130706433/')), BlockedAddressError);
  assert.throws(() => assertIpLiteralAllowed(new URL('http://0x7f.1/')), BlockedAddressError);
  assert.doesNotThrow(() => assertIpLiteralAllowed(new URL('http://8.8.8.8/')));
  assert.doesNotThrow(() => assertIpLiteralAllowed(new URL('http://example.com/')));
});

function lookup(hostname: string, all: boolean): Promise<string | LookupAddress[]> {
  return new Promise((resolve, reject) => {
    guardedLookup(hostname, { all }, (err, address) => (err ? reject(err) : resolve(address)));
  });
}

test('the guarded lookup refuses names that resolve to blocked addresses, in both callback forms', async () => {
  for (const all of [false, true]) {
    await assert.rejects(lookup('localhost', all), (err: unknown) => {
      assert.ok(err instanceof BlockedAddressError);
      assert.equal(err.hostname, 'localhost');
      assert.match(err.message, /127\.0\.0\.1|::1/);
      return true;
    });
  }
});

test('endpoints are host:port, spelled one way whatever they come from', () => {
  assert.equal(endpointOfUrl('http://127.0.0.1:8787/a?b'), '127.0.0.1:8787');
  assert.equal(endpointOfUrl('http://127.0.0.1/'), '127.0.0.1:80');
  assert.equal(endpointOfUrl('https://Intranet.Example/'), 'intranet.example:443');
  assert.equal(endpointOfUrl('wss://[0:0:0:0:0:0:0:1]:8443/x'), '[::1]:8443');
  assert.equal(endpointOfUrl('http://2130706433:8080/'), '127.0.0.1:8080', 'IPv4 shorthands are normalized as a browser does');
  assert.equal(endpointOfUrl('ftp://127.0.0.1/'), undefined);
  assert.equal(parseEndpoint('127.0.0.1:8787'), '127.0.0.1:8787');
  assert.equal(parseEndpoint('[::1]:8080'), '[::1]:8080');
  assert.equal(parseEndpoint('http://10.0.0.5:8080/'), '10.0.0.5:8080');
  for (const bad of ['127.0.0.1', '127.0.0.1:0', '127.0.0.1:70000', 'http://10.0.0.5/admin', 'http://u:p@10.0.0.5/', 'a b:80', '']) {
    assert.equal(parseEndpoint(bad), undefined, bad);
  }
});

test('PrivateAccess: NONE, ALL, or exactly the listed endpoints', () => {
  const scoped = PrivateAccess.of(['http://127.0.0.1:8787/feed.xml', 'localhost:8080']);
  assert.ok(scoped.allowsUrl('http://127.0.0.1:8787/x') && scoped.allowsUrl(new URL('http://LOCALHOST:8080/')));
  assert.ok(!scoped.allowsUrl('http://127.0.0.1:8788/x'), 'another port');
  assert.ok(!scoped.allowsUrl('http://127.0.0.2:8787/x'), 'another IP');
  assert.ok(!scoped.allowsUrl('https://127.0.0.1/'), 'another default port');
  assert.ok(scoped.allowsEndpoint('127.0.0.1', 8787) && !scoped.allowsEndpoint('127.0.0.1', 9999));
  assert.ok(!PrivateAccess.NONE.allowsUrl('http://127.0.0.1:8787/') && PrivateAccess.NONE.isNone);
  assert.ok(PrivateAccess.ALL.allowsUrl('http://10.0.0.1/') && PrivateAccess.ALL.allowsEndpoint('169.254.169.254', 80));
  assert.ok(PrivateAccess.of([]).isNone);
  assert.throws(() => PrivateAccess.of(['10.0.0.1']), /host:port/);
});
