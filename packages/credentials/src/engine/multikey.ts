import { decode, encode } from 'base58-universal';

/** base58btc multibase ('z' prefix). */
export function encodeBase58btc(bytes: Uint8Array): string {
  return `z${encode(bytes)}`;
}

/** Decode a base58btc multibase ('z' prefix) value. */
export function decodeBase58btc(value: string): Uint8Array {
  if (!value.startsWith('z')) throw new Error('Expected a base58btc multibase value (z…)');
  return decode(value.slice(1));
}

/** A multicodec key kind: its varint prefix, the key's length in bytes, and a name for errors. */
interface Codec {
  prefix: readonly [number, number];
  length: number;
  name: string;
  /** Extra check of the key bytes (e.g. a compressed point starts 02 or 03). */
  valid?: (key: Uint8Array) => boolean;
}

const compressedPoint = (key: Uint8Array) => key[0] === 2 || key[0] === 3;
const ED25519_PUB: Codec = { prefix: [0xed, 0x01], length: 32, name: 'Ed25519 Multikey' };
/** multicodec p256-pub (0x1200) and p256-priv (0x1306) as varints. */
const P256_PUB: Codec = { prefix: [0x80, 0x24], length: 33, name: 'P-256 Multikey (compressed point)', valid: compressedPoint };
const P256_PRIV: Codec = { prefix: [0x86, 0x26], length: 32, name: 'P-256 secret Multikey' };

function decodeKey(multibase: string, codec: Codec): Uint8Array {
  const bytes = decodeBase58btc(multibase);
  const key = bytes.slice(2);
  if (
    bytes.length !== codec.length + 2 ||
    bytes[0] !== codec.prefix[0] ||
    bytes[1] !== codec.prefix[1] ||
    (codec.valid && !codec.valid(key))
  )
    throw new Error(`Not a ${codec.name}`);
  return key;
}

function encodeKey(key: Uint8Array, codec: Codec): string {
  if (key.length !== codec.length || (codec.valid && !codec.valid(key)))
    throw new Error(`A ${codec.name} key has ${codec.length} bytes${codec.valid ? ' in the expected form' : ''}`);
  return encodeBase58btc(Uint8Array.from([...codec.prefix, ...key]));
}

/** Which kind of public key a Multikey value holds, by its multicodec prefix: P-256, or else Ed25519 (whose decoder then says what is wrong). */
export function multikeyAlgorithm(multibase: string): 'Ed25519' | 'P-256' {
  try {
    const bytes = decodeBase58btc(multibase);
    return bytes[0] === P256_PUB.prefix[0] && bytes[1] === P256_PUB.prefix[1] ? 'P-256' : 'Ed25519';
  } catch {
    return 'Ed25519';
  }
}

/** The raw 32-byte Ed25519 public key in a `z6Mk…` Multikey value. */
export const ed25519FromMultikey = (multibase: string): Uint8Array => decodeKey(multibase, ED25519_PUB);
/** The `z6Mk…` Multikey value of a raw Ed25519 public key. */
export const multikeyFromEd25519 = (raw: Uint8Array): string => encodeKey(raw, ED25519_PUB);
/** The 33-byte compressed P-256 public key in a `zDn…` Multikey value. */
export const p256FromMultikey = (multibase: string): Uint8Array => decodeKey(multibase, P256_PUB);
/** The `zDn…` Multikey value of a 33-byte compressed P-256 public key. */
export const multikeyFromP256 = (compressed: Uint8Array): string => encodeKey(compressed, P256_PUB);
/** The 32-byte P-256 private scalar in a secretKeyMultibase value (multicodec p256-priv). */
export const p256SecretFromMultikey = (multibase: string): Uint8Array => decodeKey(multibase, P256_PRIV);
/** The secretKeyMultibase value (multicodec p256-priv) of a 32-byte P-256 private scalar. */
export const multikeyFromP256Secret = (scalar: Uint8Array): string => encodeKey(scalar, P256_PRIV);
