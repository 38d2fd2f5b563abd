import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { test } from 'node:test';
import { assertIpLiteralAllowed, BlockedAddressError, blockedRange, guardedLookup } from '../../src/fetch/ssrf.js';

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
