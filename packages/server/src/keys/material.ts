import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as edSign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { encodeEd25519PublicMultibase } from './multikey.js';

/** Fresh Ed25519 key material: the raw 32-byte seed and the Multikey public key. */
export function generateEd25519(): { seed: Buffer; publicKeyMultibase: string; publicRaw: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const pub = publicKey.export({ format: 'jwk' });
  if (!jwk.d || !pub.x) throw new Error('Ed25519 export failed');
  const publicRaw = Buffer.from(pub.x, 'base64url');
  return { seed: Buffer.from(jwk.d, 'base64url'), publicRaw, publicKeyMultibase: encodeEd25519PublicMultibase(publicRaw) };
}

/** A private KeyObject from a raw 32-byte seed and its raw public key. */
export function ed25519PrivateKey(seed: Uint8Array, publicRaw: Uint8Array): KeyObject {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: Buffer.from(seed).toString('base64url'), x: Buffer.from(publicRaw).toString('base64url') },
    format: 'jwk',
  });
}

/** Raw public key bytes of a private key. */
export function ed25519PublicRaw(privateKey: KeyObject): Buffer {
  const x = createPublicKey(privateKey).export({ format: 'jwk' }).x;
  if (!x) throw new Error('Not an Ed25519 key');
  return Buffer.from(x, 'base64url');
}

/** Sign bytes with Ed25519. */
export function ed25519Sign(privateKey: KeyObject, data: Uint8Array): Uint8Array {
  return new Uint8Array(edSign(null, data, privateKey));
}
