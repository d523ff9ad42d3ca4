/**
 * `ecdsa-sd-2023` derived proofs (selective disclosure over P-256), verified with digitalbazaar's
 * cryptosuite through our own document loader: contexts are bundled, and the verification method is
 * either in `documents` or an https URL / did:key whose fragment is the P-256 Multikey (`zDn…`).
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createVerifyCryptosuite } from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import jsigs from 'jsonld-signatures';
import type { DocumentLoader } from './contexts.js';
import { messageOf } from './report.js';

type Json = Record<string, unknown>;

/** The outcome of checking one ecdsa-sd-2023 proof. */
export interface EcdsaSdResult {
  outcome: 'passed' | 'failed' | 'unknown';
  message: string;
  /** Who controls the key, when the proof verified. */
  controller?: string;
}

const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
const P256_KEY = /^zDn[1-9A-HJ-NP-Za-km-z]+$/;

/** The Multikey and controller documents a verification method whose fragment is a P-256 key stands for. */
function fragmentKeyDocuments(method: string): Map<string, unknown> {
  const [controller = '', fragment = ''] = method.split('#');
  const key = controller.startsWith('did:key:') ? controller.slice('did:key:'.length) : fragment;
  if (!P256_KEY.test(key) || !(controller.startsWith('https://') || controller.startsWith('did:key:'))) return new Map();
  const id = method.includes('#') ? method : `${method}#${key}`;
  const vm = { '@context': MULTIKEY_CONTEXT, id, type: 'Multikey', controller, publicKeyMultibase: key };
  const owner = { '@context': ['https://www.w3.org/ns/did/v1', MULTIKEY_CONTEXT], id: controller, verificationMethod: [vm], assertionMethod: [id] };
  return new Map<string, unknown>([
    [id, vm],
    [method, vm],
    [controller, owner],
  ]);
}

/** Verify one ecdsa-sd-2023 proof of `document` (the credential as presented, with its other proofs removed). */
export async function verifyEcdsaSdProof(document: Json, proof: Json, loader: DocumentLoader): Promise<EcdsaSdResult> {
  const method = typeof proof['verificationMethod'] === 'string' ? proof['verificationMethod'] : '';
  const keys = fragmentKeyDocuments(method);
  let missing: string | null = null;
  const withKeys: DocumentLoader = async (url) => {
    const local = keys.get(url);
    if (local !== undefined) return { contextUrl: null, documentUrl: url, document: local };
    try {
      return await loader(url);
    } catch (e) {
      missing ??= url;
      throw e;
    }
  };
  try {
    const suite = new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() });
    const result = await jsigs.verify({ ...document, proof }, { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: withKeys });
    if (result.verified) return { outcome: 'passed', message: `The ecdsa-sd-2023 signature is valid for ${method}`, controller: method.split('#')[0] ?? method };
    const reason = result.results?.find((r) => !r.verified)?.error ?? result.error;
    if (missing) return { outcome: 'unknown', message: `The ecdsa-sd-2023 proof could not be checked: ${missing} is not available offline` };
    return { outcome: 'failed', message: `The ecdsa-sd-2023 proof does not verify: ${reason === undefined ? 'signature mismatch' : errorText(reason)}` };
  } catch (e) {
    if (missing) return { outcome: 'unknown', message: `The ecdsa-sd-2023 proof could not be checked: ${missing} is not available offline` };
    return { outcome: 'failed', message: `The ecdsa-sd-2023 proof does not verify: ${messageOf(e)}` };
  }
}

/** jsonld-signatures nests the useful message inside aggregated errors. */
function errorText(error: unknown): string {
  const inner = (error as { errors?: unknown[] } | null)?.errors;
  if (Array.isArray(inner) && inner.length > 0) return inner.map(errorText).join('; ');
  return messageOf(error);
}
