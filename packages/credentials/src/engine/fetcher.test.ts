import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, createFetcher, isForbiddenAddress } from './fetcher.js';
import type { Fetcher } from './fetcher.js';
import { generateKeyPairSync } from 'node:crypto';
import { documentLoader } from './contexts.js';
import { seedSigner, signDataIntegrity } from './data-integrity.js';
import { multikeyFromEd25519 } from './multikey.js';
import { verifyCredential } from './verify.js';

let server: Server;
let base = '';
let hits = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    hits += 1;
    if (req.url === '/doc') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    if (req.url === '/big') return res.writeHead(200).end('x'.repeat(5000));
    if (req.url?.startsWith('/loop')) return res.writeHead(302, { location: `/loop${Number(req.url.slice(5) || '0') + 1}` }).end();
    if (req.url === '/slow') return; // never answers
    return res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const code = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof FetchError ? e.code : `other: ${String(e)}`),
  );

describe('guarded fetcher', () => {
  it('classifies addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '224.0.0.1',
    ])
      expect(isForbiddenAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111']) expect(isForbiddenAddress(a), a).toBe(false);
  });

  // One address in every IANA special-purpose range (IPv4 and IPv6), and the forms that hide an IPv4 address.
  const SPECIAL: Array<[range: string, address: string]> = [
    ['0.0.0.0/8 this network', '0.1.2.3'],
    ['10.0.0.0/8 private', '10.200.0.1'],
    ['100.64.0.0/10 shared (CGNAT)', '100.127.255.254'],
    ['127.0.0.0/8 loopback', '127.255.0.1'],
    ['169.254.0.0/16 link-local', '169.254.0.9'],
    ['172.16.0.0/12 private', '172.31.255.1'],
    ['192.0.0.0/24 IETF protocol assignments', '192.0.0.8'],
    ['192.0.2.0/24 TEST-NET-1', '192.0.2.10'],
    ['192.31.196.0/24 AS112', '192.31.196.1'],
    ['192.52.193.0/24 AMT', '192.52.193.1'],
    ['192.88.99.0/24 6to4 relay anycast', '192.88.99.1'],
    ['192.168.0.0/16 private', '192.168.200.1'],
    ['192.175.48.0/24 AS112 direct delegation', '192.175.48.1'],
    ['198.18.0.0/15 benchmarking', '198.19.0.1'],
    ['198.51.100.0/24 TEST-NET-2', '198.51.100.7'],
    ['203.0.113.0/24 TEST-NET-3', '203.0.113.7'],
    ['224.0.0.0/4 multicast', '239.1.2.3'],
    ['240.0.0.0/4 reserved', '250.1.2.3'],
    ['255.255.255.255/32 broadcast', '255.255.255.255'],
    ['::/128 unspecified', '::'],
    ['::1/128 loopback', '::1'],
    ['::/96 IPv4-compatible, embedding loopback', '::7f00:1'],
    ['::/96 IPv4-compatible, embedding a public address', '::1.1.1.1'],
    ['::ffff:0:0/96 IPv4-mapped loopback', '::ffff:7f00:1'],
    ['::ffff:0:0/96 IPv4-mapped private', '::ffff:10.0.0.1'],
    ['::ffff:0:0:0/96 SIIT (RFC 6145) embedding loopback', '::ffff:0:7f00:1'],
    ['64:ff9b::/96 NAT64 embedding loopback', '64:ff9b::7f00:1'],
    ['64:ff9b::/96 NAT64 embedding a public address', '64:ff9b::101:101'],
    ['64:ff9b:1::/48 local-use NAT64', '64:ff9b:1::a00:1'],
    ['100::/64 discard-only', '100::1'],
    ['2001::/23 IETF protocol assignments', '2001:1::1'],
    ['2001::/32 Teredo', '2001:0:4136:e378:8000:63bf:3fff:fdd2'],
    ['2001:2::/48 benchmarking', '2001:2::1'],
    ['2001:3::/32 AMT', '2001:3::1'],
    ['2001:4:112::/48 AS112-v6', '2001:4:112::1'],
    ['2001:10::/28 ORCHID (deprecated)', '2001:10::1'],
    ['2001:20::/28 ORCHIDv2', '2001:20::1'],
    ['2001:db8::/32 documentation', '2001:db8::1'],
    ['2002::/16 6to4 embedding loopback', '2002:7f00:1::'],
    ['2002::/16 6to4 embedding private', '2002:a00:1::1'],
    ['2620:4f:8000::/48 AS112 direct delegation', '2620:4f:8000::1'],
    ['3fff::/20 documentation', '3fff::1'],
    ['5f00::/16 SRv6 SIDs', '5f00::1'],
    ['fc00::/7 unique local', 'fc00::1'],
    ['fc00::/7 unique local (fd)', 'fd12:3456::1'],
    ['fe80::/10 link-local', 'fe80::abcd'],
    ['fe80::/10 link-local with a zone', 'fe80::1%eth0'],
    ['fec0::/10 site-local (deprecated)', 'fec0::1'],
    ['ff00::/8 multicast', 'ff02::1'],
    ['outside 2000::/3 (unassigned)', '4000::1'],
    ['outside 2000::/3 (unassigned, low)', '1:2:3:4::5'],
    ['not an address', 'localhost'],
  ];
  it.each(SPECIAL)('refuses %s (%s)', (_range, address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  const PUBLIC = [
    '1.1.1.1',
    '8.8.8.8',
    '93.184.216.34',
    '100.63.255.255',
    '100.128.0.1',
    '172.32.0.1',
    '192.169.0.1',
    '198.20.0.1',
    '223.255.255.254',
    '::ffff:93.184.216.34',
    '2606:4700:4700::1111',
    '2a00:1450:4001:82b::200e',
    '2001:4860:4860::8888',
    '2003::1',
  ];
  it.each(PUBLIC)('accepts the public address %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });

  it('refuses the IPv6 forms in a URL, not only in the classifier', async () => {
    const f = createFetcher({ mode: 'on' });
    for (const host of ['[::7f00:1]', '[::ffff:0:7f00:1]', '[2002:7f00:1::]', '[fec0::1]', '[100::1]', '[64:ff9b::7f00:1]']) {
      expect(await code(f.get(`https://${host}/x`)), host).toBe('forbidden-address');
    }
    const resolvesTo6to4 = createFetcher({ mode: 'on', lookup: async () => [{ address: '2002:7f00:1::', family: 6 }] });
    expect(await code(resolvesTo6to4.get('https://sneaky.example/x'))).toBe('forbidden-address');
  });

  it('is off unless turned on, and then serves only the documents it was given', async () => {
    const f = createFetcher({ documents: new Map([['https://issuer.example/did.json', { id: 'did:web:issuer.example' }]]) });
    expect(await f.json('https://issuer.example/did.json')).toEqual({ id: 'did:web:issuer.example' });
    expect(await code(f.json('https://other.example/x'))).toBe('offline');
  });

  it('refuses loopback, private and link-local targets, including names that resolve to them', async () => {
    const f = createFetcher({ mode: 'on', lookup: async () => [{ address: '10.0.0.7', family: 4 }] });
    expect(await code(f.get('https://127.0.0.1/x'))).toBe('forbidden-address');
    expect(await code(f.get('https://[::1]/x'))).toBe('forbidden-address');
    expect(await code(f.get('https://169.254.169.254/latest/meta-data'))).toBe('forbidden-address');
    expect(await code(f.get('https://intranet.example/x'))).toBe('forbidden-address');
    expect(await code(f.get(`${base}/doc`))).toBe('scheme');
    expect(await code(f.get('ftp://example.org/x'))).toBe('scheme');
  });

  it('fetches, caches, caps size, stops redirect loops and times out (local server, private addresses allowed)', async () => {
    const f = createFetcher({ mode: 'on', allowPrivate: true, maxBytes: 1000, timeoutMs: 300 });
    const before = hits;
    expect(await f.json(`${base}/doc`)).toEqual({ ok: true });
    expect(await f.json(`${base}/doc`)).toEqual({ ok: true });
    expect(hits - before).toBe(1);
    expect(await code(f.get(`${base}/big`))).toBe('too-large');
    expect(await code(f.get(`${base}/loop0`))).toBe('too-many-redirects');
    expect(await code(f.get(`${base}/slow`))).toBe('timeout');
    expect(await code(f.get(`${base}/missing`))).toBe('http');
  });

  it('lets the verifier fetch what a credential needs (a did:web DID document) instead of reporting it unavailable', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
    const multikey = multikeyFromEd25519(Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url'));
    const did = 'did:web:issuer.example';
    const base = JSON.parse(
      readFileSync(new URL('../../test/fixtures/1edtech-validator/ob30/simple.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    delete base['proof'];
    const signed = await signDataIntegrity(
      { ...base, issuer: { id: did, type: ['Profile'], name: 'Issuer' } },
      { signer: seedSigner(seed, `${did}#key-1`), created: '2024-01-01T00:00:00Z', loader: documentLoader() },
    );
    const didDoc = {
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: did,
      verificationMethod: [{ id: `${did}#key-1`, type: 'Multikey', controller: did, publicKeyMultibase: multikey }],
      assertionMethod: [`${did}#key-1`],
    };
    const requested: string[] = [];
    const fake: Fetcher = {
      get: async () => {
        throw new FetchError('offline', 'not used');
      },
      json: async (url) => {
        requested.push(url);
        if (url === 'https://issuer.example/.well-known/did.json') return didDoc;
        throw new FetchError('offline', `${url} unavailable`);
      },
    };
    const now = new Date('2026-01-01T00:00:00Z');
    expect((await verifyCredential(signed, { now })).verdict).toBe('indeterminate');
    const report = await verifyCredential(signed, { fetcher: fake, now });
    expect(report.verdict, JSON.stringify(report.steps)).toBe('valid');
    expect(requested).toContain('https://issuer.example/.well-known/did.json');
  });
});
