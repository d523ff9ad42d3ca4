/**
 * Public keys beyond Ed25519 and P-256 Multikeys: P-384 (`z82…`) and secp256k1 (`zQ3s…`) Multikeys, JWKs
 * (OKP Ed25519, EC P-256 / P-384 / secp256k1, RSA), `did:jwk` identifiers, and which JWS algorithms each
 * kind of key may sign with. Every decoder returns a node:crypto KeyObject (OpenSSL checks that points are
 * on their curve) or throws a `KeyResolutionError` ('failed') that says what is wrong.
 */
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import type { JsonWebKey, KeyObject } from 'node:crypto';
import { KeyResolutionError, ed25519PublicKey, p256PublicKey } from './keys.js';
import {
  decodeBase58btc,
  ed25519FromMultikey,
  encodeBase58btc,
  multikeyFromEd25519,
  multikeyFromP256,
  p256FromMultikey,
} from './multikey.js';

/** The kinds of public key the engine verifies with. */
export const KEY_TYPES = ['Ed25519', 'P-256', 'P-384', 'secp256k1', 'RSA'] as const;
/** One of those kinds. */
export type KeyType = (typeof KEY_TYPES)[number];

const fail = (message: string): KeyResolutionError => new KeyResolutionError(message, 'failed');
const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** OpenSSL's curve names for the EC kinds. */
const CURVES: Record<string, KeyType> = { prime256v1: 'P-256', secp384r1: 'P-384', secp256k1: 'secp256k1' };

/** The kind of a node:crypto key, or null when the engine does not verify with that kind (X25519, P-521, DSA, …). */
export function keyTypeOf(key: KeyObject): KeyType | null {
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return 'Ed25519';
    case 'rsa':
      return 'RSA';
    case 'ec':
      return CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''] ?? null;
    default:
      return null;
  }
}

/** The kind of a key in words for a message: "an Ed25519 key", "a 1024-bit RSA key", "a secp521r1 EC key". */
export function describeKey(key: KeyObject): string {
  const type = keyTypeOf(key);
  if (type === 'RSA') return `a ${key.asymmetricKeyDetails?.modulusLength ?? '?'}-bit RSA key`;
  if (type === 'Ed25519') return 'an Ed25519 key';
  if (type) return `a ${type} key`;
  if (key.asymmetricKeyType === 'ec') return `a ${key.asymmetricKeyDetails?.namedCurve ?? 'unknown-curve'} EC key`;
  if (key.asymmetricKeyType === 'rsa-pss') return 'an RSA-PSS key';
  return `a${/^[aeiox]/i.test(key.asymmetricKeyType ?? '') ? 'n' : ''} ${key.asymmetricKeyType ?? key.type} key`;
}

// ---------------------------------------------------------------------------------------------------------
// Multikeys

/** A multicodec public key kind this module adds: varint prefix, compressed point length, SPKI header. */
interface EcCodec {
  name: string;
  prefix: readonly [number, number];
  length: number;
  /** DER SubjectPublicKeyInfo up to the compressed point: id-ecPublicKey, the curve OID, the BIT STRING header. */
  spki: Buffer;
}

/** multicodec p384-pub (0x1201, varint 81 24); SPKI with secp384r1 (1.3.132.0.34) and a 49-byte point. */
const P384: EcCodec = {
  name: 'P-384',
  prefix: [0x81, 0x24],
  length: 49,
  spki: Buffer.from('3046301006072a8648ce3d020106052b81040022033200', 'hex'),
};
/** multicodec secp256k1-pub (0xe7, varint e7 01); SPKI with secp256k1 (1.3.132.0.10) and a 33-byte point. */
const SECP256K1: EcCodec = {
  name: 'secp256k1',
  prefix: [0xe7, 0x01],
  length: 33,
  spki: Buffer.from('3036301006072a8648ce3d020106052b8104000a032200', 'hex'),
};
const ED25519_PREFIX = [0xed, 0x01] as const;
const P256_PREFIX = [0x80, 0x24] as const;

function decodeCompressed(multibase: string, codec: EcCodec): Uint8Array {
  const bytes = decodeBase58btc(multibase);
  if (bytes[0] !== codec.prefix[0] || bytes[1] !== codec.prefix[1]) throw new Error(`Not a ${codec.name} Multikey (multicodec prefix)`);
  const point = bytes.slice(2);
  if (point.length !== codec.length)
    throw new Error(`A ${codec.name} Multikey holds a ${codec.length}-byte compressed point, not ${point.length} bytes`);
  if (point[0] !== 2 && point[0] !== 3) throw new Error(`A ${codec.name} Multikey holds a compressed point (starting 02 or 03)`);
  return point;
}

function encodeCompressed(point: Uint8Array, codec: EcCodec): string {
  if (point.length !== codec.length || (point[0] !== 2 && point[0] !== 3))
    throw new Error(`A ${codec.name} compressed point has ${codec.length} bytes and starts 02 or 03`);
  return encodeBase58btc(Uint8Array.from([...codec.prefix, ...point]));
}

function ecPublicKey(point: Uint8Array, codec: EcCodec): KeyObject {
  if (point.length !== codec.length || (point[0] !== 2 && point[0] !== 3))
    throw new Error(`A ${codec.name} compressed point has ${codec.length} bytes and starts 02 or 03`);
  try {
    return createPublicKey({ key: Buffer.concat([codec.spki, point]), format: 'der', type: 'spki' });
  } catch {
    throw new Error(`The point is not on the ${codec.name} curve`);
  }
}

/** The 49-byte compressed P-384 point in a `z82…` Multikey value (multicodec p384-pub). */
export const p384FromMultikey = (multibase: string): Uint8Array => decodeCompressed(multibase, P384);
/** The `z82…` Multikey value of a 49-byte compressed P-384 point. */
export const multikeyFromP384 = (compressed: Uint8Array): string => encodeCompressed(compressed, P384);
/** The 33-byte compressed secp256k1 point in a `zQ3s…` Multikey value (multicodec secp256k1-pub). */
export const secp256k1FromMultikey = (multibase: string): Uint8Array => decodeCompressed(multibase, SECP256K1);
/** The `zQ3s…` Multikey value of a 33-byte compressed secp256k1 point. */
export const multikeyFromSecp256k1 = (compressed: Uint8Array): string => encodeCompressed(compressed, SECP256K1);
/** A node:crypto public key for a 49-byte compressed P-384 point (throws when it is not on the curve). */
export const p384PublicKey = (compressed: Uint8Array): KeyObject => ecPublicKey(compressed, P384);
/** A node:crypto public key for a 33-byte compressed secp256k1 point (throws when it is not on the curve). */
export const secp256k1PublicKey = (compressed: Uint8Array): KeyObject => ecPublicKey(compressed, SECP256K1);

/** Which kind a Multikey value names by its multicodec prefix, or null when it is none of the four. */
export function multikeyTypeOf(multibase: string): Exclude<KeyType, 'RSA'> | null {
  let bytes: Uint8Array;
  try {
    bytes = decodeBase58btc(multibase);
  } catch {
    return null;
  }
  const is = (prefix: readonly [number, number]) => bytes[0] === prefix[0] && bytes[1] === prefix[1];
  if (is(ED25519_PREFIX)) return 'Ed25519';
  if (is(P256_PREFIX)) return 'P-256';
  if (is(P384.prefix)) return 'P-384';
  if (is(SECP256K1.prefix)) return 'secp256k1';
  return null;
}

/**
 * A public key from a Multikey value: Ed25519 (`z6Mk…`), P-256 (`zDn…`), P-384 (`z82…`) or secp256k1
 * (`zQ3s…`). Throws a 'failed' KeyResolutionError naming the problem (`where` starts the message).
 */
export function publicKeyFromMultikey(multibase: string, where = 'The Multikey'): KeyObject {
  const type = multikeyTypeOf(multibase);
  if (type === null) {
    const detail = multibase.startsWith('z')
      ? 'its multicodec prefix is not Ed25519, P-256, P-384 or secp256k1'
      : 'it is not base58btc multibase (z…)';
    throw fail(`${where} is not a usable public key: ${detail}`);
  }
  try {
    if (type === 'Ed25519') return ed25519PublicKey(ed25519FromMultikey(multibase));
    if (type === 'P-256') return p256PublicKey(p256FromMultikey(multibase));
    if (type === 'P-384') return p384PublicKey(p384FromMultikey(multibase));
    return secp256k1PublicKey(secp256k1FromMultikey(multibase));
  } catch (e) {
    throw fail(`${where} is not a usable ${type} key: ${reason(e)}`);
  }
}

/** The compressed form (02/03 ‖ x) of an EC public key. */
function compressedPoint(key: KeyObject, size: number): Uint8Array {
  const jwk = key.export({ format: 'jwk' });
  const x = Buffer.from(String(jwk.x), 'base64url');
  const y = Buffer.from(String(jwk.y), 'base64url');
  if (x.length !== size || y.length !== size) throw new Error(`Expected ${size}-byte coordinates`);
  return Uint8Array.from([2 + ((y.at(-1) ?? 0) & 1), ...x]);
}

/** The Multikey value of an Ed25519, P-256, P-384 or secp256k1 public key (throws for other kinds). */
export function multikeyFromPublicKey(key: KeyObject): string {
  const type = keyTypeOf(key);
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  switch (type) {
    case 'Ed25519':
      return multikeyFromEd25519(Buffer.from(String(pub.export({ format: 'jwk' }).x), 'base64url'));
    case 'P-256':
      return multikeyFromP256(compressedPoint(pub, 32));
    case 'P-384':
      return multikeyFromP384(compressedPoint(pub, 48));
    case 'secp256k1':
      return multikeyFromSecp256k1(compressedPoint(pub, 32));
    default:
      throw new Error(`There is no Multikey form here for ${describeKey(key)}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// JWKs and did:jwk

/** JWK members that carry private or symmetric key material. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;
/** Coordinate length in bytes per EC curve. */
const EC_SIZES: Record<string, number> = { 'P-256': 32, 'P-384': 48, secp256k1: 32 };

function base64urlBytes(value: unknown, member: string): Buffer {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]+$/.test(value)) throw new Error(`"${member}" is not a base64url string`);
  return Buffer.from(value, 'base64url');
}

/**
 * A public key from a JWK: OKP Ed25519, EC P-256 / P-384 / secp256k1, or RSA. Refuses private or symmetric
 * material, other kinds and curves, a `use` other than "sig", `key_ops` without "verify", and an `alg` the
 * key cannot sign with. Throws a 'failed' KeyResolutionError (`where` starts the message).
 */
export function publicKeyFromJwk(jwk: unknown, where = 'The JWK'): KeyObject {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) throw fail(`${where} is not a JSON object`);
  const j = jwk as Record<string, unknown>;
  const secret = PRIVATE_MEMBERS.filter((m) => m in j);
  if (secret.length > 0)
    throw fail(
      `${where} holds private or symmetric key material (${secret.map((m) => `"${m}"`).join(', ')}); only a public key may be used`,
    );
  const kty = j['kty'];
  let material: JsonWebKey;
  try {
    if (kty === 'OKP') {
      if (j['crv'] !== 'Ed25519') throw new Error(`the OKP curve ${JSON.stringify(j['crv'])} is not Ed25519`);
      if (base64urlBytes(j['x'], 'x').length !== 32) throw new Error('an Ed25519 "x" has 32 bytes');
      material = { kty, crv: 'Ed25519', x: String(j['x']) };
    } else if (kty === 'EC') {
      const crv = typeof j['crv'] === 'string' ? j['crv'] : '';
      const size = EC_SIZES[crv];
      if (size === undefined) throw new Error(`the EC curve ${JSON.stringify(j['crv'])} is not P-256, P-384 or secp256k1`);
      if (base64urlBytes(j['x'], 'x').length !== size || base64urlBytes(j['y'], 'y').length !== size)
        throw new Error(`${crv} coordinates have ${size} bytes`);
      material = { kty, crv, x: String(j['x']), y: String(j['y']) };
    } else if (kty === 'RSA') {
      base64urlBytes(j['n'], 'n');
      base64urlBytes(j['e'], 'e');
      material = { kty, n: String(j['n']), e: String(j['e']) };
    } else if (kty === 'oct') {
      throw new Error('a symmetric ("oct") key cannot prove who signed');
    } else {
      throw new Error(`the key type ${JSON.stringify(kty)} is not OKP, EC or RSA`);
    }
  } catch (e) {
    throw fail(`${where} is not a usable public key: ${reason(e)}`);
  }
  if (j['use'] !== undefined && j['use'] !== 'sig') throw fail(`${where} is for ${JSON.stringify(j['use'])}, not for signatures ("sig")`);
  if (j['key_ops'] !== undefined && !(Array.isArray(j['key_ops']) && j['key_ops'].includes('verify')))
    throw fail(`${where} has key_ops without "verify"`);
  let key: KeyObject;
  try {
    key = createPublicKey({ key: material, format: 'jwk' });
  } catch (e) {
    throw fail(`${where} is not a usable public key: ${kty === 'EC' ? `the point is not on the ${String(j['crv'])} curve` : reason(e)}`);
  }
  if (j['alg'] !== undefined) {
    const problem = checkJwsAlgorithm(String(j['alg']), key);
    if (problem) throw fail(`${where} names the algorithm ${JSON.stringify(j['alg'])}: ${problem}`);
  }
  return key;
}

/** A `did:jwk` resolved offline: the DID, its one verification method, the JWK, the key and the DID document. */
export interface DidJwk {
  /** `did:jwk:<base64url JSON JWK>`. */
  did: string;
  /** The only verification method: `did:jwk:…#0`. */
  methodId: string;
  jwk: Record<string, unknown>;
  key: KeyObject;
  /** The DID document the did:jwk method specifies (one JsonWebKey2020 method under every relationship). */
  document: Record<string, unknown>;
}

/** The `did:jwk` of a public JWK: its JSON with members in sorted order, base64url-encoded; refuses keys `publicKeyFromJwk` refuses. */
export function didJwkFromJwk(jwk: Record<string, unknown>): string {
  publicKeyFromJwk(jwk);
  const sorted = Object.fromEntries(Object.entries(jwk).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `did:jwk:${Buffer.from(JSON.stringify(sorted), 'utf8').toString('base64url')}`;
}

/**
 * Resolve a `did:jwk` DID or DID URL (`did:jwk:…` or `did:jwk:…#0`) offline. A fragment other than `0`,
 * an identifier that is not base64url JSON, or a JWK `publicKeyFromJwk` refuses fail with the reason.
 */
export function resolveDidJwk(didUrl: string): DidJwk {
  if (!didUrl.startsWith('did:jwk:')) throw fail(`${didUrl} is not a did:jwk`);
  const hash = didUrl.indexOf('#');
  const did = hash < 0 ? didUrl : didUrl.slice(0, hash);
  if (hash >= 0 && didUrl.slice(hash + 1) !== '0') throw fail(`${didUrl}: a did:jwk has one verification method, #0`);
  const encoded = did.slice('did:jwk:'.length);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) throw fail(`${did} is not a did:jwk: the identifier is not base64url`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw fail(`${did} is not a did:jwk: the identifier is not base64url-encoded JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw fail(`${did} is not a did:jwk: the identifier is not a JSON object`);
  const jwk = parsed as Record<string, unknown>;
  const methodId = `${did}#0`;
  // A key marked "use": "enc" is only for key agreement, so publicKeyFromJwk refuses it here.
  const key = publicKeyFromJwk(jwk, did);
  const document: Record<string, unknown> = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: did,
    verificationMethod: [{ id: methodId, type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk }],
    assertionMethod: [methodId],
    authentication: [methodId],
    capabilityInvocation: [methodId],
    capabilityDelegation: [methodId],
    // As the did:jwk method specifies: keyAgreement too, unless the JWK says "use": "sig".
    ...(jwk['use'] === 'sig' ? {} : { keyAgreement: [methodId] }),
  };
  return { did, methodId, jwk, key, document };
}

// ---------------------------------------------------------------------------------------------------------
// JWS algorithms

/** The JWS algorithms each kind of key may sign with (RSA only with at least 2048 bits). */
export const JWS_ALGORITHMS_BY_KEY_TYPE: Readonly<Record<KeyType, readonly string[]>> = {
  Ed25519: ['EdDSA', 'Ed25519'],
  'P-256': ['ES256'],
  'P-384': ['ES384'],
  secp256k1: ['ES256K'],
  RSA: ['RS256', 'PS256'],
};
/** The smallest RSA modulus accepted, in bits. */
export const MIN_RSA_BITS = 2048;

const ALL_ALGORITHMS = Object.values(JWS_ALGORITHMS_BY_KEY_TYPE).flat();

/** The JWS algorithms a public key may be used with; empty for a kind the engine does not accept (or RSA under 2048 bits). */
export function allowedJwsAlgorithms(key: KeyObject): string[] {
  const type = keyTypeOf(key);
  if (type === null) return [];
  if (type === 'RSA' && (key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) return [];
  return [...JWS_ALGORITHMS_BY_KEY_TYPE[type]];
}

/** Null when `alg` may be used with `key`, else why not in a sentence (none, HMAC, wrong key kind, weak RSA, unknown). */
export function checkJwsAlgorithm(alg: string, key: KeyObject): string | null {
  if (alg.toLowerCase() === 'none') return `The JWT algorithm "${alg}" means the token is not signed at all`;
  if (/^HS\d+$/i.test(alg)) return `The JWT algorithm "${alg}" is an HMAC algorithm, which cannot prove who signed`;
  const type = keyTypeOf(key);
  if (type === null) return `The key is ${describeKey(key)}, which this engine does not accept for signatures`;
  if (type === 'RSA' && (key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS)
    return `The key is ${describeKey(key)}; RSA keys need at least ${MIN_RSA_BITS} bits`;
  const allowed = JWS_ALGORITHMS_BY_KEY_TYPE[type];
  if (allowed.includes(alg)) return null;
  if (ALL_ALGORITHMS.includes(alg)) return `The key is ${describeKey(key)}, which signs with ${allowed.join(' or ')}, not ${alg}`;
  return `The JWT algorithm "${alg}" is not accepted (${ALL_ALGORITHMS.join(', ')})`;
}

/**
 * Check an ES256K compact JWS (ECDSA over secp256k1 with SHA-256, RFC 8812) with node:crypto: jose 6 runs
 * on WebCrypto, which has no secp256k1, so it refuses ES256K. Null when the signature is valid, else why not.
 * Only the signature is checked (and that the header is `alg: ES256K` with no `crit` extensions); claims are the caller's.
 */
export function verifyEs256kJws(token: string, key: KeyObject): string | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !parts.every((p, i) => (i === 1 ? /^[A-Za-z0-9_-]*$/ : /^[A-Za-z0-9_-]+$/).test(p)))
    return 'The token is not a compact JWS (three base64url parts)';
  const [head = '', payload = '', sig = ''] = parts;
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
  } catch {
    return 'The JWS header is not base64url-encoded JSON';
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return 'The JWS header is not a JSON object';
  const h = header as Record<string, unknown>;
  if (h['alg'] !== 'ES256K') return `The JWS header's algorithm is ${JSON.stringify(h['alg'])}, not ES256K`;
  if (h['crit'] !== undefined || h['b64'] !== undefined)
    return 'The JWS header has critical extensions (crit/b64), which are not supported';
  const problem = checkJwsAlgorithm('ES256K', key);
  if (problem) return problem;
  const signature = Buffer.from(sig, 'base64url');
  if (signature.length !== 64) return `An ES256K signature has 64 bytes (r ‖ s), not ${signature.length}`;
  const ok = nodeVerify('sha256', Buffer.from(`${head}.${payload}`, 'ascii'), { key, dsaEncoding: 'ieee-p1363' }, signature);
  return ok ? null : 'The ES256K signature does not match';
}
