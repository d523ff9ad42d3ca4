import { createHash, createPrivateKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import jsonld from 'jsonld';
import type { DocumentLoader } from './contexts.js';
import { fastDataset } from './fast-rdf.js';
import { canonizeQuads } from './rdfc.js';
import { JsonLdSafetyError, isJsonLdContentError, jsonLdFailure, lossyNumbers } from './jsonld-safety.js';
import { decodeBase58btc, encodeBase58btc } from './multikey.js';

/** Proof suites whose signature is Ed25519 over sha256(canon(proof config)) ‖ sha256(canon(document)). */
export const ED25519_RDFC_SUITES = ['eddsa-rdfc-2022', 'eddsa-2022', 'Ed25519Signature2020'] as const;
/** One of those suites. */
export type Ed25519RdfcSuite = (typeof ED25519_RDFC_SUITES)[number];

type Json = Record<string, unknown>;

/** The suite name of a proof: its `cryptosuite` for DataIntegrityProof, otherwise its `type`. */
export function suiteOf(proof: Json): string {
  return proof['type'] === 'DataIntegrityProof' && typeof proof['cryptosuite'] === 'string'
    ? proof['cryptosuite']
    : String(proof['type'] ?? 'unknown');
}

/**
 * RDFC-1.0 canonical N-Quads, and which path produced them: the direct fast path or jsonld.js (safe mode).
 * Throws a JsonLdSafetyError (with the JSON Pointer of the problem) for a document jsonld.js safe mode refuses,
 * and for a node with two keys meaning @type (which jsonld.js merges); a context that cannot be loaded is a
 * plain Error naming it (with our loaders, "… not available offline").
 */
export async function canonizeWithPath(document: unknown, loader: DocumentLoader): Promise<{ nquads: string; path: 'fast' | 'jsonld' }> {
  let noted: JsonLdSafetyError | null = null;
  let typeCollision: JsonLdSafetyError | null = null;
  if (typeof document === 'object' && document !== null && !Array.isArray(document)) {
    const fast = await fastDataset(document as Json);
    if ('quads' in fast) return { nquads: await canonizeQuads(fast.quads), path: 'fast' };
    ({ issue: noted, typeCollision } = fast);
  }
  let nquads: string;
  try {
    nquads = await jsonld.canonize(document, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: loader, safe: true });
  } catch (e) {
    // When jsonld.js refuses the content, the problem the fast walk had already located (if any) names the place best.
    throw noted && isJsonLdContentError(e) ? noted : jsonLdFailure(e, document);
  }
  // Two keys meaning @type: jsonld.js merges them, Tessera refuses them (the fast walk checks what jsonld.js read).
  if (typeCollision) throw typeCollision;
  return { nquads, path: 'jsonld' };
}

/** RDFC-1.0 canonical N-Quads of a JSON-LD document, as strict as jsonld.js safe mode (see canonizeWithPath for what it throws). */
export async function canonize(document: unknown, loader: DocumentLoader): Promise<string> {
  return (await canonizeWithPath(document, loader)).nquads;
}

/** Canonical proof configurations met lately, by their JSON text (oldest first). */
const recentConfigs = new Map<string, string>();
const RECENT_CONFIGS = 16;
const MAX_CACHED_CONFIG_CHARS = 4096;

/** Whether every leaf of a JSON-like value is a string primitive (so its JSON text says all the canonicaliser reads). */
function stringsOnly(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return true;
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every((v) => stringsOnly(v, depth + 1));
}

/**
 * RDFC-1.0 canonical N-Quads of a proof configuration. Credentials signed in the same second share one (bulk
 * issuance signs hundreds), so the last few are kept by their JSON text. Only what the fast path canonicalised is
 * kept: its contexts come from the bundle, so its result depends on the document alone; and only configurations
 * whose every leaf is a string primitive, so that equal JSON text means an equal document (no undefined, NaN,
 * Date or String object hiding behind the same text).
 */
export async function canonizeProofConfig(config: Json, loader: DocumentLoader): Promise<string> {
  const cacheable = stringsOnly(config);
  const key = cacheable ? JSON.stringify(config) : '';
  const hit = cacheable ? recentConfigs.get(key) : undefined;
  if (hit !== undefined) return hit;
  const { nquads, path } = await canonizeWithPath(config, loader);
  if (cacheable && path === 'fast' && key.length <= MAX_CACHED_CONFIG_CHARS) {
    if (recentConfigs.size >= RECENT_CONFIGS) recentConfigs.delete(recentConfigs.keys().next().value ?? '');
    recentConfigs.set(key, nquads);
  }
  return nquads;
}

/**
 * The bytes an Ed25519 RDFC proof signs: sha256(canonical proof configuration) ‖ sha256(canonical document).
 * The document is read first: if it is not strict JSON-LD, that JsonLdSafetyError is thrown; a proof
 * configuration that is not (e.g. a suite's terms under contexts that do not define them) is a plain Error
 * about the proof, since the credential itself may be fine.
 */
export async function hashData(unsecured: Json, proofConfig: Json, loader: DocumentLoader): Promise<Buffer> {
  const config: Json = { ...proofConfig, '@context': unsecured['@context'] };
  delete config['proofValue'];
  const docCanon = await canonize(unsecured, loader);
  let proofCanon: string;
  try {
    proofCanon = await canonizeProofConfig(config, loader);
  } catch (e) {
    if (e instanceof JsonLdSafetyError)
      throw new Error(`The proof configuration is not strict JSON-LD at ${e.path === '' ? 'its root' : e.path}: ${e.reason}`, { cause: e });
    throw e;
  }
  return Buffer.concat([createHash('sha256').update(proofCanon).digest(), createHash('sha256').update(docCanon).digest()]);
}

/** The document without its `proof`. */
export function unsecuredDocument(document: Json): Json {
  const copy = { ...document };
  delete copy['proof'];
  return copy;
}

/** Check one Ed25519 RDFC proof of a document against a public key. */
export async function verifyEd25519RdfcProof(
  document: Json,
  proof: Json,
  key: KeyObject,
  loader: DocumentLoader,
): Promise<{ verified: boolean; reason: string }> {
  const value = proof['proofValue'];
  if (typeof value !== 'string') return { verified: false, reason: 'The proof has no proofValue' };
  let signature: Uint8Array;
  try {
    signature = decodeBase58btc(value);
  } catch {
    return { verified: false, reason: 'proofValue is not base58btc multibase' };
  }
  if (signature.length !== 64) return { verified: false, reason: 'proofValue is not a 64-byte Ed25519 signature' };
  if (key.asymmetricKeyType !== 'ed25519')
    return {
      verified: false,
      reason: `the verification method is a ${key.asymmetricKeyType ?? 'unknown'} key, and this suite needs Ed25519`,
    };
  const data = await hashData(unsecuredDocument(document), proof, loader);
  const ok = nodeVerify(null, data, key, signature);
  return { verified: ok, reason: ok ? 'The signature matches' : 'The signature does not match the document' };
}

/** Something that signs bytes with Ed25519 under a verification method id. */
export interface Ed25519Signer {
  /** Verification method URL written into the proof. */
  id: string;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** A signer over a raw 32-byte Ed25519 seed (keys held in memory, e.g. from `tessera keygen`). */
export function seedSigner(seed: Uint8Array, id: string): Ed25519Signer {
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  return { id, sign: async (data) => new Uint8Array(nodeSign(null, data, key)) };
}

/** Add an eddsa-rdfc-2022 DataIntegrityProof; existing proofs are kept (the result's `proof` is an array). */
export async function signDataIntegrity(
  unsigned: Json,
  opts: { signer: Ed25519Signer; created: string; loader: DocumentLoader; proofPurpose?: string },
): Promise<Json> {
  const unsecured = unsecuredDocument(unsigned);
  const [lossy] = lossyNumbers(unsecured);
  if (lossy)
    throw new JsonLdSafetyError(
      lossy.path,
      `the number ${lossy.value} would be signed as ${lossy.value.toFixed(0)} (JSON-LD canonicalisation drops its fraction), so the signature would not protect it; give it as a string or in a larger unit (lossy number)`,
    );
  const proof: Json = {
    type: 'DataIntegrityProof',
    created: opts.created,
    verificationMethod: opts.signer.id,
    cryptosuite: 'eddsa-rdfc-2022',
    proofPurpose: opts.proofPurpose ?? 'assertionMethod',
  };
  const signature = await opts.signer.sign(await hashData(unsecured, proof, opts.loader));
  const existing = ([] as unknown[]).concat(unsigned['proof'] ?? []);
  return { ...unsecured, proof: [...existing, { ...proof, proofValue: encodeBase58btc(signature) }] };
}
