/**
 * `ecdsa-sd-2023` derived proofs (selective disclosure over P-256), verified with digitalbazaar's
 * cryptosuite and jsonld-signatures through our own document loader: contexts are bundled, and the
 * verification method is either an https URL / did:key whose fragment (or did:key identifier) is the
 * P-256 Multikey (`zDn…`), or a document the caller's loader holds. Nothing is fetched.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createVerifyCryptosuite } from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import jsigs from 'jsonld-signatures';
import type { DocumentLoader } from './contexts.js';
import { p256FromMultikey } from './multikey.js';
import { messageOf } from './report.js';

type Json = Record<string, unknown>;

/** The outcome of checking one ecdsa-sd-2023 proof. */
export interface EcdsaSdResult {
  /** passed: the disclosed document is signed by the key; failed: it is not (or the proof is malformed); unknown: a needed document is not available offline. */
  outcome: 'passed' | 'failed' | 'unknown';
  /** One sentence for the report. */
  message: string;
  /** The controller of the key (set only when the proof verified). */
  controller?: string;
}

const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

/** Whether a value is a well-formed P-256 public Multikey (`zDn…`, a compressed point). */
function isP256Multikey(value: string): boolean {
  try {
    p256FromMultikey(value);
    return true;
  } catch {
    return false;
  }
}

interface KeyDocuments {
  /** Documents served for the method URL (and the fragment form of a bare did:key). */
  byUrl: Map<string, Json>;
  /** The controller document the assertionMethod check uses. */
  controller: Json;
}

/**
 * The Multikey verification method and controller document that a self-describing method stands for:
 * `https://…#zDn…` or `did:key:zDn…[#zDn…]`. Null for anything else (left to the caller's loader).
 */
export function p256FragmentKey(method: string): KeyDocuments | null {
  const hash = method.indexOf('#');
  const controller = hash < 0 ? method : method.slice(0, hash);
  const fragment = hash < 0 ? '' : method.slice(hash + 1);
  let key: string;
  if (controller.startsWith('did:key:')) {
    key = controller.slice('did:key:'.length);
    if (fragment !== '' && fragment !== key) return null;
  } else if (controller.startsWith('https://') && controller.length > 'https://'.length) {
    key = fragment;
  } else return null;
  if (!isP256Multikey(key)) return null;
  const id = `${controller}#${key}`;
  const vm: Json = { '@context': MULTIKEY_CONTEXT, id, type: 'Multikey', controller, publicKeyMultibase: key };
  return {
    byUrl: new Map([
      [id, vm],
      [method, vm],
    ]),
    controller: { '@context': MULTIKEY_CONTEXT, id: controller, assertionMethod: [id] },
  };
}

/**
 * Verify one ecdsa-sd-2023 derived proof.
 *
 * `document` is the credential as presented without its `proof`; `proof` is the one DataIntegrityProof to
 * check; `loader` resolves contexts and any other documents (use `documentLoader(documents)`: bundled
 * contexts, then the caller's documents, never the network). Never throws.
 */
export async function verifyEcdsaSdProof(document: Json, proof: Json, loader: DocumentLoader): Promise<EcdsaSdResult> {
  const fail = (reason: string): EcdsaSdResult => ({ outcome: 'failed', message: `The ecdsa-sd-2023 proof does not verify: ${reason}` });
  if (proof['type'] !== 'DataIntegrityProof' || proof['cryptosuite'] !== 'ecdsa-sd-2023')
    return fail('it is not a DataIntegrityProof with cryptosuite ecdsa-sd-2023');
  if (proof['proofPurpose'] !== 'assertionMethod')
    return fail(`the proof purpose is ${String(proof['proofPurpose'])}, not assertionMethod`);
  const value = proof['proofValue'];
  if (typeof value !== 'string' || !value.startsWith('u')) return fail('proofValue is not a base64url multibase (u…) string');
  const method = typeof proof['verificationMethod'] === 'string' ? proof['verificationMethod'] : '';
  if (method === '') return fail('the proof has no verificationMethod');

  const keys = p256FragmentKey(method);
  let missing: string | null = null;
  const withKeys: DocumentLoader = async (url) => {
    const local = keys?.byUrl.get(url);
    if (local !== undefined) return { contextUrl: null, documentUrl: url, document: structuredClone(local) };
    try {
      return await loader(url);
    } catch (e) {
      missing ??= url;
      throw e;
    }
  };
  const unknown = (url: string): EcdsaSdResult => ({
    outcome: 'unknown',
    message: `The ecdsa-sd-2023 proof could not be checked: ${url} is not available offline`,
  });

  try {
    const suite = new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() });
    const purpose = new jsigs.purposes.AssertionProofPurpose(keys ? { controller: structuredClone(keys.controller) } : {});
    const result = await jsigs.verify({ ...document, proof: structuredClone(proof) }, { suite, purpose, documentLoader: withKeys });
    if (result.verified) {
      const owner = result.results?.[0]?.purposeResult?.controller?.id;
      const controller = typeof owner === 'string' ? owner : (method.split('#')[0] ?? method);
      return { outcome: 'passed', message: `The ecdsa-sd-2023 signature is valid for ${method}`, controller };
    }
    if (missing !== null) return unknown(missing);
    const reason = result.results?.find((r) => !r.verified)?.error ?? result.error;
    return fail(reason === undefined ? 'the signature does not match' : errorText(reason));
  } catch (e) {
    if (missing !== null) return unknown(missing);
    return fail(errorText(e));
  }
}

/** jsonld-signatures nests the useful message in aggregated errors, the cryptosuite in `cause`. */
function errorText(error: unknown): string {
  const inner = (error as { errors?: unknown } | null)?.errors;
  if (Array.isArray(inner) && inner.length > 0) return inner.map(errorText).join('; ');
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause !== undefined) return `${messageOf(error)} (${errorText(cause)})`;
  // jsonld.js safe mode: name the term or value that did not map to an IRI.
  const event = (error as { details?: { event?: { code?: unknown; details?: Record<string, unknown> } } } | null)?.details?.event;
  if (typeof event?.code === 'string') {
    const what = event.details?.['property'] ?? event.details?.['value'] ?? event.details?.['term'];
    return `${messageOf(error)} (${event.code}${typeof what === 'string' ? `: ${what}` : ''})`;
  }
  return messageOf(error);
}
