import { createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { publicKeyFromJwk, publicKeyFromMultikey, resolveDidJwk } from './key-types.js';
import { asRecord } from './json.js';
import { decodeBase58btc } from './multikey.js';

/** A public key resolved from a verification method. */
export interface ResolvedKey {
  /** The verification method id as written in the proof or JWT header. */
  id: string;
  /** Who controls the key (a DID, or the URL of the key without its fragment). */
  controller: string;
  key: KeyObject;
}

/** Why a verification method could not be used: `failed` when it is unusable, `unknown` when a document is unavailable. */
export class KeyResolutionError extends Error {
  constructor(
    message: string,
    readonly outcome: 'failed' | 'unknown',
  ) {
    super(message);
    this.name = 'KeyResolutionError';
  }
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A node:crypto public key for raw Ed25519 bytes. */
export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** SubjectPublicKeyInfo header for a compressed P-256 point (id-ecPublicKey, prime256v1, 33-byte BIT STRING). */
const P256_COMPRESSED_SPKI_PREFIX = Buffer.from('3039301306072a8648ce3d020106082a8648ce3d030107032200', 'hex');

/** A node:crypto public key for a 33-byte compressed P-256 point (OpenSSL checks it is on the curve). */
export function p256PublicKey(compressed: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([P256_COMPRESSED_SPKI_PREFIX, compressed]), format: 'der', type: 'spki' });
}

/** A public key from a Multikey value, by its multicodec: Ed25519 (`z6Mk…`), P-256 (`zDn…`), P-384 (`z82…`) or secp256k1 (`zQ3s…`). */
export function keyFromMultikey(value: string, where = 'The Multikey'): KeyObject {
  return publicKeyFromMultikey(value, where);
}

/** A key from a public JWK (Ed25519, P-256, P-384, secp256k1 or RSA); private material is refused. */
export function keyFromJwk(jwk: unknown, where = 'The JWK'): KeyObject {
  return publicKeyFromJwk(jwk, where);
}

/** The https URL of a did:web DID document (did:web:host%3Aport:path → https://host:port/path/did.json). */
export function didWebDocumentUrl(did: string): string {
  const parts = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  const [host, ...path] = parts;
  if (!host) throw new KeyResolutionError(`${did} has no host`, 'failed');
  return path.length === 0 ? `https://${host}/.well-known/did.json` : `https://${host}/${path.join('/')}/did.json`;
}

type Documents = ReadonlyMap<string, unknown>;

/** Whether a verification method object carries key material (`publicKeyMultibase`, `publicKeyJwk` or `publicKeyBase58`). */
export function hasKeyMaterial(vm: Record<string, unknown>): boolean {
  return vm['publicKeyMultibase'] !== undefined || vm['publicKeyJwk'] !== undefined || vm['publicKeyBase58'] !== undefined;
}

/** The public key of a verification method object: a Multikey, a JWK, or (Ed25519VerificationKey2018) raw base58 bytes. */
export function keyOfMethodObject(vm: Record<string, unknown>, where: string): KeyObject {
  if (typeof vm['publicKeyMultibase'] === 'string') return keyFromMultikey(vm['publicKeyMultibase'], where);
  if (vm['publicKeyJwk'] !== undefined) return keyFromJwk(vm['publicKeyJwk'], where);
  if (typeof vm['publicKeyBase58'] === 'string') {
    if (vm['type'] !== 'Ed25519VerificationKey2018')
      throw new KeyResolutionError(
        `${where} gives publicKeyBase58 for a ${String(vm['type'])}; only Ed25519VerificationKey2018 keys are read that way`,
        'failed',
      );
    let raw: Uint8Array;
    try {
      raw = decodeBase58btc(`z${vm['publicKeyBase58']}`);
    } catch {
      throw new KeyResolutionError(`${where}: publicKeyBase58 is not base58`, 'failed');
    }
    if (raw.length !== 32) throw new KeyResolutionError(`${where}: an Ed25519 public key has 32 bytes, not ${raw.length}`, 'failed');
    return ed25519PublicKey(raw);
  }
  throw new KeyResolutionError(`${where} has no public key (publicKeyMultibase, publicKeyJwk or publicKeyBase58)`, 'failed');
}

function keyFromMethodDocument(vm: Record<string, unknown>, id: string, fallbackController: string): ResolvedKey {
  const controller = typeof vm['controller'] === 'string' ? vm['controller'] : fallbackController;
  return { id, controller, key: keyOfMethodObject(vm, id) };
}

function findMethod(doc: Record<string, unknown>, id: string, did: string): Record<string, unknown> | null {
  const fragment = id.includes('#') ? `#${id.split('#')[1]}` : null;
  const lists = ['verificationMethod', 'assertionMethod', 'authentication'].flatMap((k) => ([] as unknown[]).concat(doc[k] ?? []));
  for (const entry of lists) {
    const vm = asRecord(entry);
    if (!vm || typeof vm['id'] !== 'string') continue;
    const vmId = vm['id'].startsWith('#') ? `${did}${vm['id']}` : vm['id'];
    if (vmId === id || (fragment && vm['id'] === fragment)) return vm;
  }
  return null;
}

/**
 * Resolve a verification method offline: did:key (with or without fragment), did:web and https key
 * documents through `documents`, and https URLs whose fragment is the key itself (`z6Mk…` Ed25519 or `zDn…` P-256).
 */
export function resolveVerificationMethod(method: string, documents: Documents = new Map()): ResolvedKey {
  if (method.startsWith('did:key:')) {
    const [did = '', fragment] = method.split('#');
    const multibase = did.slice('did:key:'.length);
    if (fragment && fragment !== multibase) throw new KeyResolutionError(`${method}: the fragment does not match the did:key`, 'failed');
    return { id: method, controller: did, key: keyFromMultikey(multibase, method) };
  }
  if (method.startsWith('did:jwk:')) {
    const resolved = resolveDidJwk(method);
    return { id: resolved.methodId, controller: resolved.did, key: resolved.key };
  }
  if (method.startsWith('did:web:')) {
    const [did = ''] = method.split('#');
    const url = didWebDocumentUrl(did);
    const doc = asRecord(documents.get(url) ?? documents.get(url.replace(/^https:/, 'http:')));
    if (!doc) throw new KeyResolutionError(`The DID document of ${did} (${url}) is not available`, 'unknown');
    const vm = method.includes('#') ? findMethod(doc, method, did) : asRecord(([] as unknown[]).concat(doc['verificationMethod'] ?? [])[0]);
    if (!vm) throw new KeyResolutionError(`${method} is not in the DID document of ${did}`, 'failed');
    return keyFromMethodDocument(vm, method, did);
  }
  if (method.startsWith('https://') || method.startsWith('http://')) {
    const [base = '', fragment] = method.split('#');
    if (fragment && /^z(6Mk|Dn|82|Q3s)/.test(fragment)) return { id: method, controller: base, key: keyFromMultikey(fragment, method) };
    const direct = asRecord(documents.get(method));
    if (direct && hasKeyMaterial(direct)) return keyFromMethodDocument(direct, method, base);
    const parent = asRecord(documents.get(base));
    if (parent) {
      const vm = findMethod(parent, method, base);
      if (vm) return keyFromMethodDocument(vm, method, base);
      if (hasKeyMaterial(parent)) return keyFromMethodDocument(parent, method, base);
      throw new KeyResolutionError(`${method} is not in ${base}`, 'failed');
    }
    throw new KeyResolutionError(`The key document ${method} is not available`, 'unknown');
  }
  if (/^did:[a-z0-9]+:/.test(method)) throw new KeyResolutionError(`Unsupported DID method in ${method}`, 'failed');
  throw new KeyResolutionError(`The verification method ${method} is not a DID or an https URL`, 'failed');
}
