import { decode, encode } from 'base58-universal';

const ED25519_PUB = [0xed, 0x01];

/** base58btc multibase ('z' prefix). */
export function encodeBase58btc(bytes: Uint8Array): string {
  return `z${encode(bytes)}`;
}

/** Decode a base58btc multibase ('z' prefix) value. */
export function decodeBase58btc(value: string): Uint8Array {
  if (!value.startsWith('z')) throw new Error('Expected a base58btc multibase value (z…)');
  return decode(value.slice(1));
}

/** The raw 32-byte Ed25519 public key in a `z6Mk…` Multikey value. */
export function ed25519FromMultikey(multibase: string): Uint8Array {
  const bytes = decodeBase58btc(multibase);
  if (bytes.length !== 34 || bytes[0] !== ED25519_PUB[0] || bytes[1] !== ED25519_PUB[1]) throw new Error('Not an Ed25519 Multikey');
  return bytes.slice(2);
}

/** The `z6Mk…` Multikey value of a raw Ed25519 public key. */
export function multikeyFromEd25519(raw: Uint8Array): string {
  if (raw.length !== 32) throw new Error('An Ed25519 public key has 32 bytes');
  return encodeBase58btc(Uint8Array.from([...ED25519_PUB, ...raw]));
}
