// Key decoding beyond Ed25519/P-256 Multikeys (P-384, secp256k1, JWKs, did:jwk) and the JWS algorithm allow-list,
// checked against keys and signatures made elsewhere: digitalbazaar's ecdsa-multikey, jose, and node:crypto.
import { createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { generate } from '@digitalbazaar/ecdsa-multikey';
import { CompactSign, compactVerify, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  allowedJwsAlgorithms,
  checkJwsAlgorithm,
  describeKey,
  didJwkFromJwk,
  keyTypeOf,
  multikeyFromPublicKey,
  multikeyFromSecp256k1,
  p384FromMultikey,
  publicKeyFromJwk,
  publicKeyFromMultikey,
  resolveDidJwk,
  secp256k1FromMultikey,
  verifyEs256kJws,
} from './key-types.js';
import { KeyResolutionError } from './keys.js';
import { decodeBase58btc, encodeBase58btc } from './multikey.js';

const data = new TextEncoder().encode('header.payload');
const changed = new TextEncoder().encode('header.changed');
const jwkOf = (key: KeyObject) => key.export({ format: 'jwk' }) as Record<string, unknown>;
/** Same public key: the JWK form is canonical (SPKI keeps the compressed or uncompressed form it was given). */
const sameKey = (a: KeyObject, b: KeyObject) => expect(jwkOf(a)).toEqual(jwkOf(b));

/** The error a function throws (undefined when it does not throw). */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** Expect a 'failed' KeyResolutionError whose message matches `reason`. */
function expectRefused(f: () => unknown, reason: RegExp): void {
  const error = thrown(f);
  expect(error).toBeInstanceOf(KeyResolutionError);
  expect((error as KeyResolutionError).outcome).toBe('failed');
  expect((error as KeyResolutionError).message).toMatch(reason);
}

/** A secp256k1 Multikey built by hand from a node key: varint e7 01, then 02/03 by y's parity, then x. */
function handMadeSecp256k1(key: KeyObject): string {
  const { x, y } = jwkOf(key);
  const yBytes = Buffer.from(String(y), 'base64url');
  return encodeBase58btc(Uint8Array.from([0xe7, 0x01, 2 + ((yBytes.at(-1) ?? 0) & 1), ...Buffer.from(String(x), 'base64url')]));
}

const big = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = ((base % mod) + mod) % mod;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
  }
  return result;
}

/**
 * The smallest x for which x³ + ax + b has no square root mod p, so no point of the curve has that x: a
 * compressed point with it is off the curve. b is taken from a real point (y² − x³ − ax), so it is right.
 */
function offCurveX(curve: 'P-384' | 'secp256k1'): Uint8Array {
  const size = curve === 'P-384' ? 48 : 32;
  const p = curve === 'P-384' ? 2n ** 384n - 2n ** 128n - 2n ** 96n + 2n ** 32n - 1n : 2n ** 256n - 2n ** 32n - 977n;
  const a = curve === 'P-384' ? p - 3n : 0n;
  const { x, y } = jwkOf(generateKeyPairSync('ec', { namedCurve: curve }).publicKey);
  const [px, py] = [big(Buffer.from(String(x), 'base64url')), big(Buffer.from(String(y), 'base64url'))];
  const b = (((py * py - px * px * px - a * px) % p) + p) % p;
  for (let candidate = 1n; ; candidate++) {
    const rhs = (candidate ** 3n + a * candidate + b) % p;
    if (modPow(rhs, (p - 1n) / 2n, p) === p - 1n) return Buffer.from(candidate.toString(16).padStart(size * 2, '0'), 'hex');
  }
}

describe('P-384 Multikeys (z82…), checked against digitalbazaar’s ecdsa-multikey', () => {
  it('a key digitalbazaar makes decodes to a key its signatures verify with, and encodes back to the same value', async () => {
    const pair = await generate({ curve: 'P-384' });
    expect(pair.publicKeyMultibase.startsWith('z82')).toBe(true);
    const key = publicKeyFromMultikey(pair.publicKeyMultibase);
    expect(keyTypeOf(key)).toBe('P-384');
    expect(p384FromMultikey(pair.publicKeyMultibase)).toHaveLength(49);
    expect(multikeyFromPublicKey(key)).toBe(pair.publicKeyMultibase);
    const signature = await pair.signer().sign({ data });
    expect(signature).toHaveLength(96);
    expect(nodeVerify('sha384', data, { key, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
    expect(nodeVerify('sha384', changed, { key, dsaEncoding: 'ieee-p1363' }, signature)).toBe(false);
  });

  it('refuses a truncated value, a wrong point prefix and an off-curve point, each with the reason', async () => {
    const pair = await generate({ curve: 'P-384' });
    const bytes = decodeBase58btc(pair.publicKeyMultibase);
    // Wrong length: a 48-byte point cannot be a compressed P-384 point.
    expectRefused(
      () => publicKeyFromMultikey(encodeBase58btc(bytes.slice(0, 50))),
      /not a usable P-384 key: .*49-byte compressed point, not 48 bytes/,
    );
    // 04 marks an uncompressed point, which would need 97 bytes.
    expectRefused(
      () => publicKeyFromMultikey(encodeBase58btc(Uint8Array.from([...bytes.slice(0, 2), 4, ...bytes.slice(3)]))),
      /not a usable P-384 key: .*starting 02 or 03/,
    );
    // x with no y on the curve.
    const off = encodeBase58btc(Uint8Array.from([0x81, 0x24, 2, ...offCurveX('P-384')]));
    expectRefused(
      () => publicKeyFromMultikey(off, 'did:key:z82off'),
      /^did:key:z82off is not a usable P-384 key: The point is not on the P-384 curve/,
    );
  });
});

describe('secp256k1 Multikeys (zQ3s…)', () => {
  it('a Multikey built by hand from a node key decodes to that key, and node signatures verify with it', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    const value = handMadeSecp256k1(publicKey);
    expect(value.startsWith('zQ3s')).toBe(true);
    const key = publicKeyFromMultikey(value);
    expect(keyTypeOf(key)).toBe('secp256k1');
    sameKey(key, publicKey);
    expect(multikeyFromPublicKey(publicKey)).toBe(value);
    expect(multikeyFromSecp256k1(secp256k1FromMultikey(value))).toBe(value);
    const signature = nodeSign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
    expect(nodeVerify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
    expect(nodeVerify('sha256', changed, { key, dsaEncoding: 'ieee-p1363' }, signature)).toBe(false);
  });

  it('refuses wrong-length, wrong-prefix and off-curve values, and names an unknown multicodec', () => {
    const bytes = decodeBase58btc(handMadeSecp256k1(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey));
    expectRefused(
      () => publicKeyFromMultikey(encodeBase58btc(Uint8Array.from([...bytes, 0]))),
      /not a usable secp256k1 key: .*33-byte compressed point, not 34 bytes/,
    );
    expectRefused(
      () => publicKeyFromMultikey(encodeBase58btc(Uint8Array.from([0xe7, 0x01, 5, ...bytes.slice(3)]))),
      /not a usable secp256k1 key: .*starting 02 or 03/,
    );
    expectRefused(
      () => publicKeyFromMultikey(encodeBase58btc(Uint8Array.from([0xe7, 0x01, 3, ...offCurveX('secp256k1')]))),
      /not on the secp256k1 curve/,
    );
    // x = p, the field prime: not a field element at all.
    const fieldPrime = Buffer.from('fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f', 'hex');
    expectRefused(
      () => publicKeyFromMultikey(encodeBase58btc(Uint8Array.from([0xe7, 0x01, 2, ...fieldPrime]))),
      /not on the secp256k1 curve/,
    );
    // p521-pub (0x1202) is a real multicodec, but not one the engine verifies with.
    expectRefused(
      () => publicKeyFromMultikey(encodeBase58btc(Uint8Array.from([0x82, 0x24, 2, ...new Uint8Array(66)]))),
      /multicodec prefix is not Ed25519, P-256, P-384 or secp256k1/,
    );
    expectRefused(() => publicKeyFromMultikey('uAAAA'), /not base58btc multibase/);
  });

  it('Ed25519 and P-256 Multikeys still decode (through multikey.ts and keys.ts)', async () => {
    const ed = generateKeyPairSync('ed25519').publicKey;
    const edValue = multikeyFromPublicKey(ed);
    expect(edValue.startsWith('z6Mk')).toBe(true);
    sameKey(publicKeyFromMultikey(edValue), ed);
    const pair = await generate({ curve: 'P-256' });
    const p256 = publicKeyFromMultikey(pair.publicKeyMultibase);
    expect(keyTypeOf(p256)).toBe('P-256');
    expect(nodeVerify('sha256', data, { key: p256, dsaEncoding: 'ieee-p1363' }, await pair.signer().sign({ data }))).toBe(true);
    expectRefused(() => publicKeyFromMultikey(encodeBase58btc(decodeBase58btc(edValue).slice(0, 20))), /not a usable Ed25519 key/);
  });
});

describe('JWKs', () => {
  const kinds: Array<[string, () => KeyObject]> = [
    ['Ed25519', () => generateKeyPairSync('ed25519').publicKey],
    ['P-256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey],
    ['P-384', () => generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey],
    ['secp256k1', () => generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey],
    ['RSA', () => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey],
  ];
  it.each(kinds)('a public %s JWK decodes to the same key', (type, make) => {
    const key = make();
    const decoded = publicKeyFromJwk({ ...jwkOf(key), kid: 'k1', use: 'sig', key_ops: ['verify'] });
    expect(keyTypeOf(decoded)).toBe(type);
    sameKey(decoded, key);
  });

  it('refuses private and symmetric keys, other kinds and curves, off-curve points, encryption keys and a mismatched alg', () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pub = jwkOf(p256.publicKey);
    expectRefused(() => publicKeyFromJwk(p256.privateKey.export({ format: 'jwk' })), /private or symmetric key material \("d"\)/);
    const rsaPrivate = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    expectRefused(() => publicKeyFromJwk(rsaPrivate), /private or symmetric key material \("d", "p", "q", "dp", "dq", "qi"\)/);
    expectRefused(() => publicKeyFromJwk({ kty: 'oct', k: 'c2VjcmV0' }), /private or symmetric key material \("k"\)/);
    expectRefused(() => publicKeyFromJwk({ kty: 'oct' }), /symmetric \("oct"\) key cannot prove who signed/);
    expectRefused(
      () => publicKeyFromJwk(jwkOf(generateKeyPairSync('ec', { namedCurve: 'P-521' }).publicKey)),
      /EC curve "P-521" is not P-256, P-384 or secp256k1/,
    );
    expectRefused(() => publicKeyFromJwk(jwkOf(generateKeyPairSync('x25519').publicKey)), /OKP curve "X25519" is not Ed25519/);
    expectRefused(() => publicKeyFromJwk(jwkOf(generateKeyPairSync('ed448').publicKey)), /OKP curve "Ed448" is not Ed25519/);
    const y = Buffer.from(String(pub['y']), 'base64url');
    y[7] = (y[7] ?? 0) ^ 1;
    expectRefused(() => publicKeyFromJwk({ ...pub, y: y.toString('base64url') }), /not on the P-256 curve/);
    expectRefused(() => publicKeyFromJwk({ ...pub, x: String(pub['x']).slice(2) }), /P-256 coordinates have 32 bytes/);
    expectRefused(() => publicKeyFromJwk({ ...pub, use: 'enc' }), /is for "enc", not for signatures/);
    expectRefused(() => publicKeyFromJwk({ ...pub, key_ops: ['encrypt'] }), /key_ops without "verify"/);
    expectRefused(
      () => publicKeyFromJwk({ ...pub, alg: 'ES384' }),
      /names the algorithm "ES384": The key is a P-256 key, which signs with ES256, not ES384/,
    );
    expectRefused(() => publicKeyFromJwk({ ...pub, alg: 'HS256' }), /HMAC/);
    expectRefused(() => publicKeyFromJwk({ kty: 'EC', crv: 'P-256', x: 'not base64url!', y: pub['y'] }), /"x" is not a base64url string/);
    expectRefused(() => publicKeyFromJwk('{"kty":"EC"}', 'The jwk header'), /^The jwk header is not a JSON object/);
    // The allowed alg is accepted.
    expect(keyTypeOf(publicKeyFromJwk({ ...pub, alg: 'ES256' }))).toBe('P-256');
  });
});

describe('did:jwk', () => {
  // The P-256 and X25519 examples of the did:jwk method specification.
  const SPEC_P256 =
    'did:jwk:eyJjcnYiOiJQLTI1NiIsImt0eSI6IkVDIiwieCI6ImFjYklRaXVNczNpOF91c3pFakoydHBUdFJNNEVVM3l6OTFQSDZDZEgyVjAiLCJ5IjoiX0tjeUxqOXZXTXB0bm1LdG00NkdxRHo4d2Y3NEk1TEtncmwyR3pIM25TRSJ9';
  const SPEC_X25519 =
    'did:jwk:eyJrdHkiOiJPS1AiLCJjcnYiOiJYMjU1MTkiLCJ1c2UiOiJlbmMiLCJ4IjoiM3A3YmZYdDl3YlRUVzJIQzdPUTFOei1EUThoYmVHZE5yZngtRkctSUswOCJ9';

  it('resolves the specification’s P-256 example to its DID document, and encodes its JWK back to the same DID', () => {
    const resolved = resolveDidJwk(`${SPEC_P256}#0`);
    expect(resolved.did).toBe(SPEC_P256);
    expect(resolved.methodId).toBe(`${SPEC_P256}#0`);
    expect(resolved.jwk).toEqual({
      crv: 'P-256',
      kty: 'EC',
      x: 'acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0',
      y: '_KcyLj9vWMptnmKtm46GqDz8wf74I5LKgrl2GzH3nSE',
    });
    expect(keyTypeOf(resolved.key)).toBe('P-256');
    expect(resolved.document).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
      id: SPEC_P256,
      verificationMethod: [{ id: `${SPEC_P256}#0`, type: 'JsonWebKey2020', controller: SPEC_P256, publicKeyJwk: resolved.jwk }],
      assertionMethod: [`${SPEC_P256}#0`],
      authentication: [`${SPEC_P256}#0`],
      capabilityInvocation: [`${SPEC_P256}#0`],
      capabilityDelegation: [`${SPEC_P256}#0`],
      keyAgreement: [`${SPEC_P256}#0`],
    });
    // Member order does not matter: the DID is made from the sorted JSON.
    expect(didJwkFromJwk({ y: resolved.jwk['y'], x: resolved.jwk['x'], kty: 'EC', crv: 'P-256' })).toBe(SPEC_P256);
    expect(resolveDidJwk(SPEC_P256).methodId).toBe(`${SPEC_P256}#0`);
  });

  it('refuses the specification’s X25519 example: an encryption key cannot sign', () => {
    expectRefused(() => resolveDidJwk(SPEC_X25519), /OKP curve "X25519" is not Ed25519/);
  });

  it.each([
    ['EdDSA', 'Ed25519'],
    ['ES256', 'P-256'],
    ['ES384', 'P-384'],
    ['RS256', 'RSA'],
    ['PS256', 'RSA'],
  ] as const)('round trip: a jose %s key → did:jwk → KeyObject verifies a jose signature, and only the right one', async (alg, type) => {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
    const did = didJwkFromJwk({ ...(await exportJWK(publicKey)) });
    const resolved = resolveDidJwk(`${did}#0`);
    expect(keyTypeOf(resolved.key)).toBe(type);
    expect(resolved.document['assertionMethod']).toEqual([`${did}#0`]);
    const token = await new CompactSign(data).setProtectedHeader({ alg, kid: `${did}#0` }).sign(privateKey);
    expect(checkJwsAlgorithm(alg, resolved.key)).toBeNull();
    const { payload } = await compactVerify(token, resolved.key, { algorithms: allowedJwsAlgorithms(resolved.key) });
    expect(payload).toEqual(data);
    // Another key of the same kind does not verify it.
    const other = resolveDidJwk(didJwkFromJwk({ ...(await exportJWK((await generateKeyPair(alg, { extractable: true })).publicKey)) }));
    await expect(compactVerify(token, other.key, { algorithms: [alg] })).rejects.toThrow(/signature verification failed/);
  });

  it('refuses another fragment, an identifier that is not base64url JSON, and private keys', () => {
    expectRefused(() => resolveDidJwk(`${SPEC_P256}#1`), /one verification method, #0/);
    expectRefused(() => resolveDidJwk('did:jwk:not+base64'), /not base64url/);
    expectRefused(() => resolveDidJwk(`did:jwk:${Buffer.from('not json').toString('base64url')}`), /not base64url-encoded JSON/);
    expectRefused(() => resolveDidJwk(`did:jwk:${Buffer.from('[1,2]').toString('base64url')}`), /not a JSON object/);
    expectRefused(() => resolveDidJwk('did:key:z6Mk'), /is not a did:jwk/);
    const secret = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
    expectRefused(
      () => resolveDidJwk(`did:jwk:${Buffer.from(JSON.stringify(secret)).toString('base64url')}`),
      /private or symmetric key material/,
    );
    expect(() => didJwkFromJwk(secret as Record<string, unknown>)).toThrow(/private or symmetric key material/);
  });
});

describe('JWS algorithms per key type', () => {
  const ed = generateKeyPairSync('ed25519');
  const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 });

  it('allows exactly one family per key type; weak RSA and other kinds get nothing', () => {
    expect(allowedJwsAlgorithms(ed.publicKey)).toEqual(['EdDSA', 'Ed25519']);
    expect(allowedJwsAlgorithms(p256.publicKey)).toEqual(['ES256']);
    expect(allowedJwsAlgorithms(p384.publicKey)).toEqual(['ES384']);
    expect(allowedJwsAlgorithms(k1.publicKey)).toEqual(['ES256K']);
    expect(allowedJwsAlgorithms(rsa.publicKey)).toEqual(['RS256', 'PS256']);
    expect(allowedJwsAlgorithms(rsa1024.publicKey)).toEqual([]);
    expect(allowedJwsAlgorithms(generateKeyPairSync('ec', { namedCurve: 'P-521' }).publicKey)).toEqual([]);
    expect(allowedJwsAlgorithms(generateKeyPairSync('x25519').publicKey)).toEqual([]);
  });

  it('never allows none or HMAC, and says why a key does not fit an algorithm', () => {
    for (const key of [ed.publicKey, p256.publicKey, rsa.publicKey]) {
      expect(checkJwsAlgorithm('none', key)).toBe('The JWT algorithm "none" means the token is not signed at all');
      expect(checkJwsAlgorithm('NONE', key)).toMatch(/not signed/);
      for (const hs of ['HS256', 'HS384', 'HS512'])
        expect(checkJwsAlgorithm(hs, key)).toBe(`The JWT algorithm "${hs}" is an HMAC algorithm, which cannot prove who signed`);
    }
    expect(checkJwsAlgorithm('ES384', p256.publicKey)).toBe('The key is a P-256 key, which signs with ES256, not ES384');
    expect(checkJwsAlgorithm('ES256', p384.publicKey)).toBe('The key is a P-384 key, which signs with ES384, not ES256');
    expect(checkJwsAlgorithm('ES256', k1.publicKey)).toBe('The key is a secp256k1 key, which signs with ES256K, not ES256');
    expect(checkJwsAlgorithm('RS256', ed.publicKey)).toBe('The key is an Ed25519 key, which signs with EdDSA or Ed25519, not RS256');
    expect(checkJwsAlgorithm('RS256', rsa1024.publicKey)).toBe('The key is a 1024-bit RSA key; RSA keys need at least 2048 bits');
    expect(checkJwsAlgorithm('ES512', p256.publicKey)).toMatch(/^The JWT algorithm "ES512" is not accepted/);
    expect(checkJwsAlgorithm('ES256', generateKeyPairSync('x25519').publicKey)).toBe(
      'The key is an x25519 key, which this engine does not accept for signatures',
    );
    expect(describeKey(generateKeyPairSync('ec', { namedCurve: 'P-521' }).publicKey)).toBe('a secp521r1 EC key');
    expect(checkJwsAlgorithm('PS256', rsa.publicKey)).toBeNull();
    expect(checkJwsAlgorithm('Ed25519', ed.publicKey)).toBeNull();
  });

  it('ES384, RS256, PS256 and EdDSA JWTs signed with jose verify with the keys decoded here, limited to the allowed algorithms', async () => {
    const cases: Array<[string, KeyObject, KeyObject]> = [
      ['ES384', p384.privateKey, publicKeyFromMultikey(multikeyFromPublicKey(p384.publicKey))],
      ['RS256', rsa.privateKey, publicKeyFromJwk(jwkOf(rsa.publicKey))],
      ['PS256', rsa.privateKey, publicKeyFromJwk(jwkOf(rsa.publicKey))],
      ['EdDSA', ed.privateKey, publicKeyFromJwk(jwkOf(ed.publicKey))],
    ];
    for (const [alg, signer, verifier] of cases) {
      const token = await new CompactSign(data).setProtectedHeader({ alg }).sign(signer);
      expect(checkJwsAlgorithm(alg, verifier)).toBeNull();
      expect((await compactVerify(token, verifier, { algorithms: allowedJwsAlgorithms(verifier) })).protectedHeader.alg).toBe(alg);
    }
    // An ES256 token is refused for a P-384 key by the allow-list, before any signature check.
    const es256 = await new CompactSign(data).setProtectedHeader({ alg: 'ES256' }).sign(p256.privateKey);
    await expect(compactVerify(es256, p384.publicKey, { algorithms: allowedJwsAlgorithms(p384.publicKey) })).rejects.toThrow(
      /"alg" \(Algorithm\) Header Parameter value not allowed/,
    );
  });

  it('an HS256 token made with jose is refused by the allow-list whatever the key', async () => {
    const token = await new CompactSign(data)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('a shared secret that anyone holding it can use'));
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as { alg: string };
    expect(checkJwsAlgorithm(header.alg, p256.publicKey)).toMatch(/HMAC algorithm, which cannot prove who signed/);
  });
});

describe('ES256K (secp256k1) JWS', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
  /** A compact ES256K JWS signed with node:crypto (jose cannot sign ES256K). */
  function es256k(
    header: Record<string, unknown>,
    payload: string,
    key: KeyObject = privateKey,
    dsaEncoding: 'ieee-p1363' | 'der' = 'ieee-p1363',
  ): string {
    const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(payload).toString('base64url')}`;
    return `${input}.${nodeSign('sha256', Buffer.from(input), { key, dsaEncoding }).toString('base64url')}`;
  }

  it('jose 6 (WebCrypto) does not support ES256K, so verifyEs256kJws exists; if this fails, jose gained ES256K', async () => {
    await expect(new CompactSign(data).setProtectedHeader({ alg: 'ES256K' }).sign(privateKey)).rejects.toThrow(/ES256K is not supported/);
    const token = es256k({ alg: 'ES256K' }, '{"iss":"did:example:1"}');
    await expect(compactVerify(token, publicKey)).rejects.toThrow(/ES256K is not supported/);
  });

  it('a token signed with a node secp256k1 key verifies with the key decoded from its did:jwk and from its Multikey', () => {
    const token = es256k({ alg: 'ES256K', typ: 'JWT' }, '{"iss":"did:example:1"}');
    const viaDidJwk = resolveDidJwk(`${didJwkFromJwk(jwkOf(publicKey))}#0`).key;
    const viaMultikey = publicKeyFromMultikey(handMadeSecp256k1(publicKey));
    expect(verifyEs256kJws(token, viaDidJwk)).toBeNull();
    expect(verifyEs256kJws(token, viaMultikey)).toBeNull();
  });

  it('refuses a changed payload, another key, a DER signature, another alg, crit headers and a P-256 key, each with the reason', () => {
    const token = es256k({ alg: 'ES256K' }, '{"iss":"did:example:1"}');
    const [head, , sig] = token.split('.');
    const tampered = `${head}.${Buffer.from('{"iss":"did:example:2"}').toString('base64url')}.${sig}`;
    expect(verifyEs256kJws(tampered, publicKey)).toBe('The ES256K signature does not match');
    expect(verifyEs256kJws(token, generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey)).toBe(
      'The ES256K signature does not match',
    );
    expect(verifyEs256kJws(es256k({ alg: 'ES256K' }, 'x', privateKey, 'der'), publicKey)).toMatch(
      /^An ES256K signature has 64 bytes \(r ‖ s\), not \d+$/,
    );
    expect(verifyEs256kJws(es256k({ alg: 'ES256' }, 'x'), publicKey)).toBe('The JWS header\'s algorithm is "ES256", not ES256K');
    expect(verifyEs256kJws(es256k({ alg: 'ES256K', b64: false, crit: ['b64'] }, 'x'), publicKey)).toMatch(/critical extensions/);
    expect(verifyEs256kJws(token, generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey)).toBe(
      'The key is a P-256 key, which signs with ES256, not ES256K',
    );
    expect(verifyEs256kJws('a.b', publicKey)).toMatch(/not a compact JWS/);
    expect(verifyEs256kJws(`${head}.payload.`, publicKey)).toMatch(/not a compact JWS/);
  });

  it('a private key passed where a public key is expected still encodes to the public Multikey', () => {
    expect(multikeyFromPublicKey(privateKey)).toBe(multikeyFromPublicKey(createPublicKey(privateKey)));
  });
});
