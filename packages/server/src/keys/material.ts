import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { multikeyFromEd25519, multikeyFromP256 } from '@tessera/credentials';

/** Fresh Ed25519 key material: the raw 32-byte seed and the Multikey public key. */
export function generateEd25519(): { seed: Buffer; publicKeyMultibase: string; publicRaw: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const pub = publicKey.export({ format: 'jwk' });
  if (!jwk.d || !pub.x) throw new Error('Ed25519 export failed');
  const publicRaw = Buffer.from(pub.x, 'base64url');
  return { seed: Buffer.from(jwk.d, 'base64url'), publicRaw, publicKeyMultibase: multikeyFromEd25519(publicRaw) };
}

/** A private KeyObject from a raw 32-byte seed and its raw public key. */
export function ed25519PrivateKey(seed: Uint8Array, publicRaw: Uint8Array): KeyObject {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: Buffer.from(seed).toString('base64url'), x: Buffer.from(publicRaw).toString('base64url') },
    format: 'jwk',
  });
}

/**
 * Sign bytes with a private key: Ed25519 as it is; P-256 as ECDSA over SHA-256 with the signature as r‖s
 * (64 bytes), the form JOSE (ES256) wants.
 */
export function signBytes(privateKey: KeyObject, data: Uint8Array): Uint8Array {
  if (privateKey.asymmetricKeyType === 'ec')
    return new Uint8Array(nodeSign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
  return new Uint8Array(nodeSign(null, data, privateKey));
}

/** PKCS#8 header for a P-256 private key given only its 32-byte scalar (OpenSSL derives the public point). */
const P256_PKCS8_PREFIX = Buffer.from('3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420', 'hex');

/** The `zDn…` Multikey of a P-256 key (public or private): the compressed point. */
export function p256PublicMultibase(key: KeyObject): string {
  const { x, y } = createPublicKey(key).export({ format: 'jwk' });
  if (!x || !y) throw new Error('Not a P-256 key');
  const yBytes = Buffer.from(y, 'base64url');
  return multikeyFromP256(Uint8Array.from([(yBytes.at(-1) ?? 0) % 2 === 0 ? 2 : 3, ...Buffer.from(x, 'base64url')]));
}

/** Fresh P-256 key material: the 32-byte private scalar and the `zDn…` Multikey public key. */
export function generateP256(): { scalar: Buffer; publicKeyMultibase: string } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const d = privateKey.export({ format: 'jwk' }).d;
  if (!d) throw new Error('P-256 export failed');
  return { scalar: Buffer.from(d, 'base64url'), publicKeyMultibase: p256PublicMultibase(privateKey) };
}

/** A private KeyObject from a 32-byte P-256 scalar. */
export function p256PrivateKey(scalar: Uint8Array): KeyObject {
  if (scalar.length !== 32) throw new Error('A P-256 private key has 32 bytes');
  return createPrivateKey({ key: Buffer.concat([P256_PKCS8_PREFIX, scalar]), format: 'der', type: 'pkcs8' });
}
