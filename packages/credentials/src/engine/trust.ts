/**
 * The verifier's trust rules, in one place. A proof counts only when the credential's issuer controls the
 * verification method, proven from the controller's own document, never from what the key or the credential
 * says about itself:
 * - `did:key` and `did:jwk`: the key is derived from the identifier, so the issuer must be that DID;
 * - `did:web`: the resolved DID document (its `id` must be the DID) lists the method under the relationship;
 * - an https key URL: only when the issuer's DID document or published profile lists that key.
 * For Data Integrity proofs and VC-JWTs the relationship is `assertionMethod`. A mismatch fails; a document
 * that cannot be had leaves the question open (`unknown`), never settled in the issuer's favour.
 */
import type { KeyObject } from 'node:crypto';
import { asRecord, idOf, listOf } from './json.js';
import { KeyResolutionError, didWebDocumentUrl, hasKeyMaterial, keyOfMethodObject, resolveVerificationMethod } from './keys.js';
import type { ResolvedKey } from './keys.js';

type Json = Record<string, unknown>;
type Documents = ReadonlyMap<string, unknown>;

/** Whether the issuer controls a key: the outcome of the `issuer` step. */
export interface Binding {
  status: 'passed' | 'failed' | 'unknown';
  message: string;
}

/** The verification relationship a proof needs. */
export type Relationship = 'assertionMethod';

const passed = (message: string): Binding => ({ status: 'passed', message });
const failed = (message: string): Binding => ({ status: 'failed', message });
const unknown = (message: string): Binding => ({ status: 'unknown', message });

/** The DID (or URL) part of a verification method id, without its fragment. */
export function controllerPart(method: string): string {
  const hash = method.indexOf('#');
  return hash < 0 ? method : method.slice(0, hash);
}

/** The document that speaks for an issuer: its DID document (did:web) or its published profile (https). */
export function issuerDocument(issuer: string, documents: Documents): { url: string | null; doc: Json | null } {
  if (issuer.startsWith('did:web:')) {
    let url: string;
    try {
      url = didWebDocumentUrl(issuer);
    } catch {
      return { url: null, doc: null };
    }
    return { url, doc: asRecord(documents.get(url) ?? documents.get(url.replace(/^https:/, 'http:'))) };
  }
  if (/^https?:\/\//.test(issuer)) return { url: issuer, doc: asRecord(documents.get(issuer)) };
  return { url: null, doc: null };
}

/** An id as written in a document, made absolute against the document's id when it is a bare fragment. */
function absolute(id: string, base: string): string {
  return id.startsWith('#') ? `${base}${id}` : id;
}

/** The entries of a verification relationship (or `verificationMethod`), as ids with their embedded objects. */
function entries(doc: Json, property: string, base: string): Array<{ id: string; vm: Json | null }> {
  const out: Array<{ id: string; vm: Json | null }> = [];
  for (const entry of listOf(doc[property])) {
    const id = idOf(entry);
    if (id) out.push({ id: absolute(id, base), vm: asRecord(entry) });
  }
  return out;
}

/** Where a document lists `method`: under the relationship, elsewhere only, or not at all. */
function listing(doc: Json, method: string, base: string, relationship: Relationship): 'listed' | 'elsewhere' | 'absent' {
  if (entries(doc, relationship, base).some((e) => e.id === method)) return 'listed';
  const others = [
    'verificationMethod',
    'authentication',
    'keyAgreement',
    'capabilityInvocation',
    'capabilityDelegation',
    'assertionMethod',
  ];
  return others.some((p) => entries(doc, p, base).some((e) => e.id === method)) ? 'elsewhere' : 'absent';
}

/** Relationships other than `relationship` under which the document lists the method, for the message. */
function listedUnder(doc: Json, method: string, base: string): string[] {
  return ['authentication', 'keyAgreement', 'capabilityInvocation', 'capabilityDelegation'].filter((p) =>
    entries(doc, p, base).some((e) => e.id === method),
  );
}

function notUnder(method: string, where: string, doc: Json, base: string, relationship: Relationship): Binding {
  const others = listedUnder(doc, method, base);
  return failed(
    `${where} lists the key ${method}${others.length ? ` only under ${others.join(' and ')}` : ''}, not under ${relationship}: it may not sign credentials`,
  );
}

/**
 * Decide whether `issuer` controls the verification method `method` for `relationship`, from the controller's
 * own document in `documents`.
 */
export function bindIssuer(
  issuer: string | undefined,
  method: string,
  documents: Documents,
  relationship: Relationship = 'assertionMethod',
): Binding {
  if (!issuer) return failed('The credential names no issuer, so no key can be tied to one');
  if (!method) return failed('The proof names no verification method');
  const controller = controllerPart(method);

  if (method.startsWith('did:key:') || method.startsWith('did:jwk:')) {
    if (controller === issuer)
      return passed(`The key ${controller.length > 60 ? `${controller.slice(0, 60)}…` : controller} is the issuer's own identifier`);
    return failed(`The credential is signed with ${controller}, which is controlled only by itself, not by the issuer ${issuer}`);
  }

  if (method.startsWith('did:web:')) {
    if (controller !== issuer) return failed(`The signing key belongs to ${controller}, not to the issuer ${issuer}`);
    const { url, doc } = issuerDocument(issuer, documents);
    if (!doc)
      return unknown(
        `The DID document of ${issuer}${url ? ` (${url})` : ''} is not available, so it cannot be confirmed that the issuer controls the key`,
      );
    if (doc['id'] !== issuer) return failed(`The DID document at ${url ?? issuer} is for ${String(doc['id'])}, not for ${issuer}`);
    const target = method.includes('#') ? method : (entries(doc, relationship, issuer)[0]?.id ?? '');
    const where = listing(doc, target, issuer, relationship);
    if (where === 'absent') return failed(`${method} is not in the DID document of ${issuer}`);
    if (where === 'elsewhere') return notUnder(target, `The DID document of ${issuer}`, doc, issuer, relationship);
    const vm = methodObject(doc, target, issuer);
    if (vm && typeof vm['controller'] === 'string' && vm['controller'] !== issuer)
      return failed(`The DID document of ${issuer} lists ${target} with another controller, ${vm['controller']}`);
    return passed(`The issuer's DID document lists ${target} under ${relationship}`);
  }

  if (/^https?:\/\//.test(method)) {
    const { url, doc } = issuerDocument(issuer, documents);
    if (!url) return failed(`The issuer ${issuer} is neither a did:web nor an https URL, so it cannot publish the key ${method}`);
    const noun = issuer.startsWith('did:') ? 'DID document' : 'profile';
    if (!doc) {
      return unknown(
        `The key ${method} is an https URL; only the issuer's ${noun} (${url}) can confirm it belongs to the issuer, and that document is not available`,
      );
    }
    if (issuer.startsWith('did:') && doc['id'] !== issuer)
      return failed(`The DID document at ${url} is for ${String(doc['id'])}, not for ${issuer}`);
    const where = listing(doc, method, issuer, relationship);
    if (where === 'absent') return failed(`The issuer's ${noun} (${url}) does not list the key ${method}`);
    if (where === 'elsewhere') return notUnder(method, `The issuer's ${noun} (${url})`, doc, issuer, relationship);
    return passed(`The issuer's ${noun} lists ${method} under ${relationship}`);
  }

  return failed(`The verification method ${method} is neither a DID nor an https URL`);
}

/** The method object a document embeds or lists for an id, if any. */
function methodObject(doc: Json, method: string, base: string): Json | null {
  for (const property of ['verificationMethod', 'assertionMethod', 'authentication']) {
    const hit = entries(doc, property, base).find((e) => e.id === method && e.vm !== null && Object.keys(e.vm).length > 1);
    if (hit?.vm) return hit.vm;
  }
  return null;
}

/**
 * The public key for a verification method. Besides the usual resolution (keys.ts), an https method may be
 * embedded in the issuer's own profile or DID document, which is then where its key comes from. When the
 * issuer's document embeds the method with key material, that key must agree with any other source.
 */
export function keyForMethod(method: string, issuer: string | undefined, documents: Documents): ResolvedKey {
  const embedded = issuer ? issuerDocument(issuer, documents).doc : null;
  const vm = embedded ? methodObject(embedded, method, issuer ?? '') : null;
  const fromIssuer = vm && hasKeyMaterial(vm) ? keyOfMethodObject(vm, method) : null;
  let resolved: ResolvedKey;
  try {
    resolved = resolveVerificationMethod(method, documents);
  } catch (e) {
    if (fromIssuer && e instanceof KeyResolutionError && e.outcome === 'unknown')
      return { id: method, controller: issuer ?? controllerPart(method), key: fromIssuer };
    throw e;
  }
  if (fromIssuer && !fromIssuer.equals(resolved.key))
    throw new KeyResolutionError(`The issuer's document gives ${method} a different key than the key document does`, 'failed');
  return resolved;
}

/** Every key the issuer publishes under `relationship`, with its method id (for a JWT whose key travels in its header). */
export function publishedKeys(
  issuer: string,
  documents: Documents,
  relationship: Relationship = 'assertionMethod',
): { keys: ResolvedKey[]; available: boolean } {
  if (issuer.startsWith('did:key:') || issuer.startsWith('did:jwk:')) {
    try {
      return { keys: [resolveVerificationMethod(issuer, documents)], available: true };
    } catch {
      return { keys: [], available: true };
    }
  }
  const { doc } = issuerDocument(issuer, documents);
  if (!doc) return { keys: [], available: false };
  if (issuer.startsWith('did:') && doc['id'] !== issuer) return { keys: [], available: true };
  const keys: ResolvedKey[] = [];
  for (const { id } of entries(doc, relationship, issuer)) {
    try {
      keys.push(keyForMethod(id, issuer, documents));
    } catch {
      // A listed key that cannot be read publishes nothing.
    }
  }
  return { keys, available: true };
}

/** Whether the issuer publishes exactly this key under `relationship` (compared as keys, not as text). */
export function issuerPublishesKey(issuer: string | undefined, key: KeyObject, documents: Documents): Binding {
  const reason = 'the token carries its own key, which the issuer does not publish';
  if (!issuer) return unknown(`The credential names no issuer, and ${reason}`);
  const { keys, available } = publishedKeys(issuer, documents);
  const match = keys.find((k) => k.key.equals(key));
  if (match) return passed(`The key in the token's header is the issuer's key ${match.id}`);
  if (!available)
    return unknown(`Not confirmed: ${reason} (the issuer's document ${issuerDocument(issuer, documents).url ?? issuer} is not available)`);
  return unknown(`Not confirmed: ${reason}`);
}
