/**
 * Proof suites beyond the Ed25519 RDFC ones and ecdsa-sd-2023: `Ed25519Signature2018`, `ecdsa-rdfc-2019`
 * (P-256 and P-384), `eddsa-jcs-2022` and `ecdsa-jcs-2019`, each checked with digitalbazaar's suite through
 * jsonld-signatures and a document loader that serves the verification method for the key the caller
 * resolved. This module answers one question: does this proof verify with this public key under this
 * verification method id (with proofPurpose assertionMethod)? Which key, who controls it and whether it is
 * an assertion method of the issuer are the caller's checks. Nothing is fetched.
 */
import type { KeyObject } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createVerifyCryptosuite as ecdsaJcs2019 } from '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { Ed25519Signature2018 } from '@digitalbazaar/ed25519-signature-2018';
import { createVerifyCryptosuite as eddsaJcs2022 } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { contexts as ed25519Signature2018Contexts } from 'ed25519-signature-2018-context';
import jsigs from 'jsonld-signatures';
import type { DocumentLoader } from './contexts.js';
import { describeKey, keyTypeOf, multikeyFromPublicKey } from './key-types.js';
import type { KeyType } from './key-types.js';
import { encodeBase58btc } from './multikey.js';
import { messageOf } from './report.js';

type Json = Record<string, unknown>;

/** The suites this module verifies (a DataIntegrityProof's `cryptosuite`, or the proof `type` for Ed25519Signature2018). */
export const EXTRA_SUITES = ['Ed25519Signature2018', 'ecdsa-rdfc-2019', 'eddsa-jcs-2022', 'ecdsa-jcs-2019'] as const;
/** One of those suites. */
export type ExtraSuite = (typeof EXTRA_SUITES)[number];

/** Whether a suite name is one this module verifies. */
export function isExtraSuite(name: string): name is ExtraSuite {
  return (EXTRA_SUITES as readonly string[]).includes(name);
}

const ED25519_2018_CONTEXT = 'https://w3id.org/security/suites/ed25519-2018/v1';
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

/**
 * JSON-LD contexts these suites need that contexts.ts does not bundle: the Ed25519Signature2018 context
 * (digitalbazaar's signer adds it to a VC 2.0 credential). contexts.ts should register these; until it
 * does, `verifySuiteProof` serves them itself.
 */
export const SUITE_CONTEXTS: Map<string, unknown> = new Map([
  [ED25519_2018_CONTEXT, ed25519Signature2018Contexts.get(ED25519_2018_CONTEXT)],
]);

/** The outcome of checking one proof. */
export interface SuiteProofResult {
  /** passed: the key signed the document; failed: it did not, or the proof or key does not fit the suite; unknown: a needed document is not available offline. */
  outcome: 'passed' | 'failed' | 'unknown';
  /** One sentence for the report. */
  message: string;
}

/** What each suite needs: the proof `type` (and `cryptosuite`), the kinds of key, and those in words. */
const SUITES: Record<ExtraSuite, { type: string; cryptosuite?: string; keys: readonly KeyType[]; keyWords: string }> = {
  Ed25519Signature2018: { type: 'Ed25519Signature2018', keys: ['Ed25519'], keyWords: 'an Ed25519 key' },
  'ecdsa-rdfc-2019': {
    type: 'DataIntegrityProof',
    cryptosuite: 'ecdsa-rdfc-2019',
    keys: ['P-256', 'P-384'],
    keyWords: 'a P-256 or P-384 key',
  },
  'eddsa-jcs-2022': { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', keys: ['Ed25519'], keyWords: 'an Ed25519 key' },
  'ecdsa-jcs-2019': {
    type: 'DataIntegrityProof',
    cryptosuite: 'ecdsa-jcs-2019',
    keys: ['P-256', 'P-384'],
    keyWords: 'a P-256 or P-384 key',
  },
};

/** The digitalbazaar suite object that verifies `suite`. */
function suiteObject(suite: ExtraSuite): unknown {
  switch (suite) {
    case 'Ed25519Signature2018':
      return new Ed25519Signature2018();
    case 'ecdsa-rdfc-2019':
      return new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 });
    case 'eddsa-jcs-2022':
      return new DataIntegrityProof({ cryptosuite: eddsaJcs2022() });
    case 'ecdsa-jcs-2019':
      return new DataIntegrityProof({ cryptosuite: ecdsaJcs2019() });
  }
}

/** The verification method document the suite reads for `key` at `id`: a Multikey, or an Ed25519VerificationKey2018. */
function methodDocument(suite: ExtraSuite, id: string, key: KeyObject): Json {
  const hash = id.indexOf('#');
  const controller = hash < 0 ? id : id.slice(0, hash);
  if (suite === 'Ed25519Signature2018') {
    // publicKeyBase58 is the raw 32-byte key in plain base58 (no multibase 'z').
    const raw = Buffer.from(String(key.export({ format: 'jwk' }).x), 'base64url');
    return {
      '@context': ED25519_2018_CONTEXT,
      id,
      type: 'Ed25519VerificationKey2018',
      controller,
      publicKeyBase58: encodeBase58btc(raw).slice(1),
    };
  }
  return { '@context': MULTIKEY_CONTEXT, id, type: 'Multikey', controller, publicKeyMultibase: multikeyFromPublicKey(key) };
}

/** Structural checks before the suite runs: null when the proof has the suite's shape, else why not. */
function shapeProblem(suite: ExtraSuite, proof: Json): string | null {
  const want = SUITES[suite];
  if (proof['type'] !== want.type || (want.cryptosuite !== undefined && proof['cryptosuite'] !== want.cryptosuite)) {
    return want.cryptosuite ? `it is not a DataIntegrityProof with cryptosuite ${want.cryptosuite}` : `it is not an ${want.type} proof`;
  }
  if (proof['proofPurpose'] !== 'assertionMethod')
    return `the proof purpose is ${JSON.stringify(proof['proofPurpose'] ?? null)}, not assertionMethod`;
  const method = proof['verificationMethod'];
  if (typeof method !== 'string' || method === '') return 'the proof has no verificationMethod (a URL string)';
  if (suite === 'Ed25519Signature2018') {
    const jws = proof['jws'];
    if (typeof jws !== 'string' || !/^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/.test(jws))
      return 'jws is not a detached compact JWS (header..signature)';
    const head = jws.slice(0, jws.indexOf('.'));
    let header: unknown;
    try {
      header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    } catch {
      return 'the JWS header is not base64url-encoded JSON';
    }
    const h = (typeof header === 'object' && header !== null ? header : {}) as Json;
    const exact =
      Object.keys(h).length === 3 &&
      h['alg'] === 'EdDSA' &&
      h['b64'] === false &&
      Array.isArray(h['crit']) &&
      h['crit'].length === 1 &&
      h['crit'][0] === 'b64';
    if (!exact) return 'the JWS header is not {"alg":"EdDSA","b64":false,"crit":["b64"]}';
    return null;
  }
  const value = proof['proofValue'];
  if (typeof value !== 'string' || !/^[zu]./.test(value)) return 'proofValue is not a multibase (z… or u…) string';
  return null;
}

/** The useful text inside what jsonld-signatures reports: aggregated errors, causes, jsonld.js safe-mode events. */
function errorText(error: unknown): string {
  if (Array.isArray(error)) return error.map(errorText).join('; ');
  const inner = (error as { errors?: unknown } | null)?.errors;
  if (Array.isArray(inner) && inner.length > 0) return inner.map(errorText).join('; ');
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause !== undefined) return `${messageOf(error)} (${errorText(cause)})`;
  const event = (error as { details?: { event?: { code?: unknown; details?: Json } } } | null)?.details?.event;
  if (typeof event?.code === 'string') {
    const what = event.details?.['property'] ?? event.details?.['value'] ?? event.details?.['term'];
    return `${messageOf(error)} (${event.code}${typeof what === 'string' ? `: ${what}` : ''})`;
  }
  return messageOf(error);
}

/**
 * Verify one proof of `document` (the credential without its `proof`) with `key`, the public key of the
 * proof's verificationMethod as the caller resolved it. `suite` is the proof's suite name (its `cryptosuite`,
 * or `type` for Ed25519Signature2018); `loader` resolves contexts (e.g. `documentLoader(documents)` from
 * contexts.ts); the verification method itself is served from `key`. Never throws.
 */
export async function verifySuiteProof(opts: {
  document: Json;
  proof: Json;
  suite: string;
  key: KeyObject;
  loader: DocumentLoader;
}): Promise<SuiteProofResult> {
  const { document, proof, suite, key, loader } = opts;
  const fail = (why: string): SuiteProofResult => ({ outcome: 'failed', message: `The ${suite} proof does not verify: ${why}` });
  try {
    if (!isExtraSuite(suite)) return fail(`${suite} is not one of the suites checked here (${EXTRA_SUITES.join(', ')})`);
    const problem = shapeProblem(suite, proof);
    if (problem) return fail(problem);
    const type = keyTypeOf(key);
    const needs = SUITES[suite];
    if (type === null || !needs.keys.includes(type))
      return fail(`the verification method is ${describeKey(key)}, and this suite needs ${needs.keyWords}`);

    const method = String(proof['verificationMethod']);
    const vm = methodDocument(suite, method, key);
    const controller = { id: String(vm['controller']), assertionMethod: [method] };
    let missing: string | null = null;
    const withKey: DocumentLoader = async (url) => {
      if (url === method) return { contextUrl: null, documentUrl: url, document: structuredClone(vm) };
      const bundled = SUITE_CONTEXTS.get(url);
      if (bundled !== undefined) return { contextUrl: null, documentUrl: url, document: structuredClone(bundled) };
      try {
        return await loader(url);
      } catch (e) {
        missing ??= url;
        throw e;
      }
    };

    const purpose = new jsigs.purposes.AssertionProofPurpose({ controller });
    const secured = { ...structuredClone(document), proof: structuredClone(proof) };
    let result: Awaited<ReturnType<typeof jsigs.verify>>;
    try {
      result = await jsigs.verify(secured, { suite: suiteObject(suite), purpose, documentLoader: withKey });
    } catch (e) {
      if (missing !== null) return unknownResult(suite, missing);
      return fail(errorText(e));
    }
    if (result.verified) return { outcome: 'passed', message: `The ${suite} signature is valid for ${method}` };
    if (missing !== null) return unknownResult(suite, missing);
    const reason = result.results?.find((r) => !r.verified)?.error ?? result.error;
    if (reason === undefined) return fail('the signature does not match');
    const text = errorText(reason);
    if (suite === 'Ed25519Signature2018' && /insufficient proofs matched|No matching proofs/.test(text)) {
      return fail(
        `the document's @context has none of the contexts Ed25519Signature2018 is defined in (${ED25519_2018_CONTEXT}, the Ed25519 2020 suite context, VC 1.1 or security v2)`,
      );
    }
    return fail(/^Invalid signature\.?$/.test(text) ? 'the signature does not match the document' : text);
  } catch (e) {
    return fail(errorText(e));
  }
}

function unknownResult(suite: string, url: string): SuiteProofResult {
  return { outcome: 'unknown', message: `The ${suite} proof could not be checked: ${url} is not available offline` };
}
