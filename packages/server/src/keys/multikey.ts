import { decode, encode } from 'base58-universal';

// Public Multikey values (Ed25519 and P-256) are encoded and decoded by @tessera/credentials.

const ED25519_PRIV = [0x80, 0x26];

/** Multikey `secretKeyMultibase` (base58btc, multicodec ed25519-priv) for a raw 32-byte Ed25519 seed. */
export function encodeEd25519SecretMultibase(seed: Uint8Array): string {
  if (seed.length !== 32) throw new Error('An Ed25519 secret key seed has 32 bytes');
  return `z${encode(Uint8Array.from([...ED25519_PRIV, ...seed]))}`;
}

/** The raw 32-byte seed inside a `z3u2…` secretKeyMultibase (a 64-byte seed‖public form is accepted too). */
export function decodeEd25519SecretMultibase(multibase: string): Uint8Array {
  if (!multibase.startsWith('z')) throw new Error('Expected a base58btc multibase value');
  const bytes = decode(multibase.slice(1));
  if ((bytes.length !== 34 && bytes.length !== 66) || bytes[0] !== ED25519_PRIV[0] || bytes[1] !== ED25519_PRIV[1])
    throw new Error('Not an Ed25519 secret Multikey');
  return bytes.slice(2, 34);
}

/** The did:key of a Multikey public key (Ed25519 `z6Mk…` or P-256 `zDn…`), and its verification method id. */
export function didKeyOf(publicKeyMultibase: string): { did: string; id: string } {
  const did = `did:key:${publicKeyMultibase}`;
  return { did, id: `${did}#${publicKeyMultibase}` };
}
