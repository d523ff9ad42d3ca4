/**
 * Test builders for the forgery corpus (engine/forgery.test.ts): fixed keys, DID documents, issuer profiles
 * and key documents, and credentials signed with an INDEPENDENT stack: digitalbazaar's `@digitalbazaar/vc`,
 * `data-integrity`, `eddsa-rdfc-2022-cryptosuite`, `ecdsa-rdfc-2019-cryptosuite`, `ed25519-multikey` and
 * `ecdsa-multikey` for Data Integrity, `jose` for JWTs. Nothing here calls the engine's signer or key code;
 * only the bundled JSON-LD contexts are borrowed (for the signer's document loader).
 *
 * Keys are derived from fixed labels (sha256 of the label is the Ed25519 seed or the P-256 scalar), and every
 * date is fixed, so the corpus is the same on every run (ES256 signatures differ, their outcome does not).
 * Not exported from the package index.
 */
import { createECDH, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { CompactSign, importJWK } from 'jose';
import type { JWK } from 'jose';
import jsigs from 'jsonld-signatures';
import { documentLoader } from '../engine/contexts.js';

export type Json = Record<string, unknown>;

/** The verifier's clock for the whole corpus. */
export const NOW = new Date('2026-11-24T00:00:00Z');
/** When every proof was made. */
export const CREATED = '2026-01-01T00:00:00Z';
const VALID_FROM = '2026-01-01T00:00:00Z';
const VALID_UNTIL = '2030-01-01T00:00:00Z';

const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
const JWK_CONTEXT = 'https://w3id.org/security/jwk/v1';

// ---------------------------------------------------------------------------------------------------------
// Keys

/** A fixed key pair: Multikey values (as digitalbazaar writes them) and JWKs (as jose reads them). */
export interface FixedKey {
  curve: 'Ed25519' | 'P-256';
  label: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
  publicJwk: JWK;
  privateJwk: JWK;
  /** The raw public key bytes (Ed25519: 32 bytes; P-256: the 33-byte compressed point). */
  publicRaw: Uint8Array;
}

/** The parts of digitalbazaar's untyped key-pair modules used here (the package's modules.d.ts declares less). */
interface MultikeyPair {
  publicKeyMultibase: string;
  secretKeyMultibase?: string;
  signer(): { id?: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
}
interface Ed25519MultikeyApi {
  generate(options: { seed: Uint8Array; id?: string; controller?: string }): Promise<
    MultikeyPair & {
      export(options: {
        publicKey: boolean;
        secretKey: boolean;
        includeContext: boolean;
      }): Promise<{ publicKeyMultibase: string; secretKeyMultibase: string }>;
    }
  >;
  from(key: Json): Promise<MultikeyPair>;
  toJwk(options: { keyPair: MultikeyPair; secretKey: boolean }): Promise<JWK>;
}
interface EcdsaMultikeyApi {
  fromJwk(options: { jwk: JWK; secretKey: boolean; id?: string; controller?: string }): Promise<MultikeyPair>;
  from(key: Json): Promise<MultikeyPair>;
}
const ed25519Api = Ed25519Multikey as unknown as Ed25519MultikeyApi;
const ecdsaApi = EcdsaMultikey as unknown as EcdsaMultikeyApi;

const digest = (label: string): Buffer => createHash('sha256').update(`tessera forgery corpus / ${label}`).digest();

/** An Ed25519 key from a fixed seed, made by @digitalbazaar/ed25519-multikey. */
export async function ed25519Key(label: string): Promise<FixedKey> {
  const seed = digest(label);
  const pair = await ed25519Api.generate({ seed });
  const exported = await pair.export({ publicKey: true, secretKey: true, includeContext: false });
  const publicJwk = await ed25519Api.toJwk({ keyPair: pair, secretKey: false });
  // A JWK's `d` is the 32-byte seed (digitalbazaar's secret key is seed ‖ public key).
  const privateJwk: JWK = { ...publicJwk, d: seed.toString('base64url') };
  return {
    curve: 'Ed25519',
    label,
    publicKeyMultibase: exported.publicKeyMultibase,
    secretKeyMultibase: exported.secretKeyMultibase,
    publicJwk,
    privateJwk,
    publicRaw: Buffer.from(String(publicJwk.x), 'base64url'),
  };
}

/** A P-256 key from a fixed scalar; its Multikey values made by @digitalbazaar/ecdsa-multikey. */
export async function p256Key(label: string): Promise<FixedKey> {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(digest(label));
  const point = ecdh.getPublicKey();
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
  const publicJwk: JWK = { kty: 'EC', crv: 'P-256', x: b64(point.subarray(1, 33)), y: b64(point.subarray(33, 65)) };
  const privateJwk: JWK = { ...publicJwk, d: b64(ecdh.getPrivateKey()) };
  // key_ops keeps ecdsa-multikey from importing the key for ECDH.
  const pair = await ecdsaApi.fromJwk({ jwk: { ...privateJwk, key_ops: ['sign'] }, secretKey: true });
  return {
    curve: 'P-256',
    label,
    publicKeyMultibase: pair.publicKeyMultibase,
    secretKeyMultibase: pair.secretKeyMultibase ?? '',
    publicJwk,
    privateJwk,
    publicRaw: Uint8Array.from(ecdh.getPublicKey(null, 'compressed')),
  };
}

/** `did:key:<multikey>` and its one verification method `did:key:<multikey>#<multikey>`. */
export function didKeyOf(key: FixedKey): { did: string; method: string } {
  const did = `did:key:${key.publicKeyMultibase}`;
  return { did, method: `${did}#${key.publicKeyMultibase}` };
}

// ---------------------------------------------------------------------------------------------------------
// Documents

/** The https URL of a did:web DID document (did:web:host → /.well-known/did.json; did:web:host:a:b → /a/b/did.json). */
export function didWebUrl(did: string): string {
  const [host = '', ...path] = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  return path.length === 0 ? `https://${host}/.well-known/did.json` : `https://${host}/${path.join('/')}/did.json`;
}

/** A Multikey verification method object. */
export function multikeyMethod(id: string, controller: string, key: FixedKey): Json {
  return { id, type: 'Multikey', controller, publicKeyMultibase: key.publicKeyMultibase };
}

/** A JsonWebKey verification method object. */
export function jwkMethod(id: string, controller: string, key: FixedKey): Json {
  return { id, type: 'JsonWebKey', controller, publicKeyJwk: key.publicJwk };
}

/** Verification relationships of a controller document: each entry is a method object or a reference (its id). */
export interface Relationships {
  verificationMethod?: Json[];
  assertionMethod?: Array<string | Json>;
  authentication?: Array<string | Json>;
  capabilityInvocation?: Array<string | Json>;
  capabilityDelegation?: Array<string | Json>;
}

/** A DID document (DID Core v1 + Multikey + JWK contexts). */
export function didDocument(id: string, relationships: Relationships): Json {
  return { '@context': [DID_CONTEXT, MULTIKEY_CONTEXT, JWK_CONTEXT], id, ...relationships };
}

/** An issuer's published OB 3.0 profile that lists its keys the way a controller document does. */
export function profileDocument(id: string, name: string, relationships: Relationships): Json {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', MULTIKEY_CONTEXT],
    id,
    type: ['Profile'],
    name,
    ...relationships,
  };
}

/** A key document served at its own URL (Multikey), naming whoever it claims as its controller. */
export function keyDocument(id: string, controller: string, key: FixedKey): Json {
  return { '@context': MULTIKEY_CONTEXT, ...multikeyMethod(id, controller, key) };
}

// ---------------------------------------------------------------------------------------------------------
// Credentials

const SIMPLE = new URL('../../test/fixtures/1edtech-validator/ob30/simple.json', import.meta.url);

/** The 1EdTech `simple.json` OB 3.0 credential (VC 2.0 + OB 3.0.3 contexts) without its proof, for `issuer`. */
export function unsignedCredential(issuer: string | Json, id = 'urn:uuid:5a4e29a6-4f0c-4d36-9d1f-3d2b1e0c7a11'): Json {
  const base = JSON.parse(readFileSync(SIMPLE, 'utf8')) as Json;
  delete base['proof'];
  return { ...base, id, issuer, validFrom: VALID_FROM, validUntil: VALID_UNTIL };
}

/** The proof purposes the corpus signs with. */
export type Purpose = 'assertionMethod' | 'authentication' | 'capabilityInvocation' | 'capabilityDelegation';

interface PurposeApi {
  AssertionProofPurpose: new () => object;
  AuthenticationProofPurpose: new (options: { challenge: string }) => object;
  ControllerProofPurpose: new (options: { term: string }) => object;
}
const purposes = (jsigs as unknown as { purposes: PurposeApi }).purposes;
const issue = vc.issue as unknown as (options: {
  credential: Json;
  suite: unknown;
  purpose: object;
  documentLoader: unknown;
  now: Date;
}) => Promise<Json>;

function purposeOf(purpose: Purpose): object {
  if (purpose === 'assertionMethod') return new purposes.AssertionProofPurpose();
  if (purpose === 'authentication') return new purposes.AuthenticationProofPurpose({ challenge: 'login-challenge-7f3a' });
  return new purposes.ControllerProofPurpose({ term: purpose });
}

/** What signs a Data Integrity proof: a fixed key under a verification method id. */
export interface DiSigner {
  key: FixedKey;
  /** The verification method id written into the proof (its part before `#` is the key pair's controller). */
  method: string;
  /** assertionMethod unless given. */
  purpose?: Purpose;
}

/** Sign with digitalbazaar's @digitalbazaar/vc `issue`: data-integrity with eddsa-rdfc-2022 for an Ed25519 key, ecdsa-rdfc-2019 for a P-256 key. */
export async function signDi(credential: Json, signer: DiSigner): Promise<Json> {
  const controller = signer.method.split('#')[0] ?? signer.method;
  const multikey: Json = {
    type: 'Multikey',
    id: signer.method,
    controller,
    publicKeyMultibase: signer.key.publicKeyMultibase,
    secretKeyMultibase: signer.key.secretKeyMultibase,
  };
  const pair = signer.key.curve === 'Ed25519' ? await ed25519Api.from(multikey) : await ecdsaApi.from(multikey);
  const suite = new DataIntegrityProof({
    signer: pair.signer(),
    cryptosuite: signer.key.curve === 'Ed25519' ? eddsaRdfc2022 : ecdsaRdfc2019,
    date: CREATED,
  });
  const signed = await issue({
    credential: structuredClone(credential),
    suite,
    purpose: purposeOf(signer.purpose ?? 'assertionMethod'),
    documentLoader: documentLoader(),
    now: NOW,
  });
  // The OB 3.0 JSON Schema wants `proof` to be an array.
  return { ...signed, proof: [signed['proof']].flat() };
}

/** The VC-JWT claims OB 3.0 asks for: iss, jti, sub, nbf, exp, and the credential in `vc`. */
export function jwtClaims(credential: Json, overrides: Json = {}): Json {
  const issuer = credential['issuer'];
  const iss = typeof issuer === 'string' ? issuer : (issuer as Json | undefined)?.['id'];
  const subject = (credential['credentialSubject'] as Json | undefined)?.['id'];
  return {
    iss,
    jti: credential['id'],
    sub: subject,
    nbf: Date.parse(String(credential['validFrom'])) / 1000,
    exp: Date.parse(String(credential['validUntil'])) / 1000,
    vc: credential,
    ...overrides,
  };
}

/** A compact JWS made by jose: EdDSA for an Ed25519 key, ES256 for a P-256 key (or `header.alg` if given). */
export async function signJose(
  payload: Json,
  header: { kid?: string; jwk?: JWK; alg?: string; typ?: string },
  key: FixedKey,
): Promise<string> {
  const alg = header.alg ?? (key.curve === 'Ed25519' ? 'EdDSA' : 'ES256');
  const privateKey = await importJWK(key.privateJwk, alg);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ typ: 'JWT', ...header, alg })
    .sign(privateKey);
}

/** A compact JWS with an HMAC algorithm, made by jose, with whatever bytes the forger chose as the secret. */
export async function signHmac(
  payload: Json,
  header: { kid?: string; alg: 'HS256' | 'HS384' | 'HS512' },
  secret: Uint8Array,
): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ typ: 'JWT', ...header }).sign(secret);
}

/** A token put together by hand (alg none and other things no library will sign). */
export function handmadeJwt(header: Json, payload: Json, signature = ''): string {
  const part = (value: Json) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part(payload)}.${signature}`;
}

/** The three parts of a compact JWS. */
export function jwtParts(token: string): { header: Json; payload: Json; signature: string } {
  const [h = '', p = '', signature = ''] = token.split('.');
  const read = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Json;
  return { header: read(h), payload: read(p), signature };
}

/** A deep copy with one change applied (for mutating signed credentials). */
export function edited(doc: Json, change: (copy: Json) => void): Json {
  const copy = structuredClone(doc);
  change(copy);
  return copy;
}

/** A nested object of a JSON document by keys (throws if a key is missing, so a broken builder fails loudly). */
export function at(doc: Json, ...keys: Array<string | number>): Json {
  let value: unknown = doc;
  for (const key of keys) {
    value = (value as Record<string | number, unknown> | undefined)?.[key];
    if (typeof value !== 'object' || value === null) throw new Error(`No object at ${keys.join('.')}`);
  }
  return value as Json;
}
