import { createPrivateKey, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { generate } from '@digitalbazaar/ecdsa-multikey';
import { describe, expect, it } from 'vitest';
import { KeyResolutionError, resolveVerificationMethod } from './keys.js';
import {
  decodeBase58btc,
  encodeBase58btc,
  multikeyFromP256,
  multikeyFromP256Secret,
  p256FromMultikey,
  p256SecretFromMultikey,
} from './multikey.js';

describe('P-256 Multikeys (zDn…), checked against digitalbazaar’s ecdsa-multikey', () => {
  it('a did:key made by digitalbazaar resolves to the same public key: its signature verifies with ours', async () => {
    const pair = await generate({ curve: 'P-256' });
    const did = `did:key:${pair.publicKeyMultibase}`;
    const data = new TextEncoder().encode('header.payload');
    const signature = await pair.signer().sign({ data });
    for (const method of [did, `${did}#${pair.publicKeyMultibase}`, `https://issuer.example/keys#${pair.publicKeyMultibase}`]) {
      const resolved = resolveVerificationMethod(method);
      expect(resolved.key.asymmetricKeyType).toBe('ec');
      expect(resolved.controller).toBe(method.startsWith('https:') ? 'https://issuer.example/keys' : did);
      expect(nodeVerify('sha256', data, { key: resolved.key, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
      expect(
        nodeVerify('sha256', new TextEncoder().encode('header.changed'), { key: resolved.key, dsaEncoding: 'ieee-p1363' }, signature),
      ).toBe(false);
    }
  });

  it('encodes and decodes public and secret values like digitalbazaar does', async () => {
    const pair = await generate({ curve: 'P-256' });
    const point = p256FromMultikey(pair.publicKeyMultibase);
    expect(point).toHaveLength(33);
    expect(multikeyFromP256(point)).toBe(pair.publicKeyMultibase);
    const secret = pair.secretKeyMultibase ?? '';
    const scalar = p256SecretFromMultikey(secret);
    expect(scalar).toHaveLength(32);
    expect(multikeyFromP256Secret(scalar)).toBe(secret);
    // The scalar is the private key of that public point.
    const jwk = resolveVerificationMethod(`did:key:${pair.publicKeyMultibase}`).key.export({ format: 'jwk' });
    const priv = createPrivateKey({ key: { ...jwk, d: Buffer.from(scalar).toString('base64url') }, format: 'jwk' });
    expect(createPublicKey(priv).export({ format: 'jwk' })).toEqual(jwk);
  });

  it('refuses malformed and off-curve keys with a failed (not unknown) resolution', async () => {
    const pair = await generate({ curve: 'P-256' });
    const bytes = decodeBase58btc(pair.publicKeyMultibase);
    const truncated = encodeBase58btc(bytes.slice(0, 34));
    const badPrefix = encodeBase58btc(Uint8Array.from([...bytes.slice(0, 2), 4, ...bytes.slice(3)]));
    // x = p, the field prime itself: not a field element, so no point; OpenSSL rejects it.
    const notOnCurve = multikeyFromP256(
      Uint8Array.from([2, ...Buffer.from('ffffffff00000001000000000000000000000000ffffffffffffffffffffffff', 'hex')]),
    );
    for (const value of [truncated, badPrefix, notOnCurve]) {
      let error: unknown;
      try {
        resolveVerificationMethod(`did:key:${value}`);
      } catch (e) {
        error = e;
      }
      expect(error, value).toBeInstanceOf(KeyResolutionError);
      expect((error as KeyResolutionError).outcome).toBe('failed');
      expect((error as KeyResolutionError).message).toMatch(/not a usable P-256 key/);
    }
    expect(() => p256SecretFromMultikey(pair.publicKeyMultibase)).toThrow(/Not a P-256 secret Multikey/);
  });
});
