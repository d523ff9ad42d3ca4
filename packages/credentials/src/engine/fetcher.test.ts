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

const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof FetchError ? e.code : `other: ${String(e)}`));

describe('guarded fetcher', () => {
  it('classifies addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '224.0.0.1']) expect(isForbiddenAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111']) expect(isForbiddenAddress(a), a).toBe(false);
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
    const base = JSON.parse(readFileSync(new URL('../../test/fixtures/1edtech-validator/ob30/simple.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    delete base['proof'];
    const signed = await signDataIntegrity({ ...base, issuer: { id: did, type: ['Profile'], name: 'Issuer' } }, { signer: seedSigner(seed, `${did}#key-1`), created: '2024-01-01T00:00:00Z', loader: documentLoader() });
    const didDoc = { '@context': ['https://www.w3.org/ns/did/v1'], id: did, verificationMethod: [{ id: `${did}#key-1`, type: 'Multikey', controller: did, publicKeyMultibase: multikey }], assertionMethod: [`${did}#key-1`] };
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
