import { keyFromMultikey } from '@tessera/credentials';
import type { Deps } from '../context.js';
import { orgDid } from '../orgs/index.js';
import { findOrgBySlug } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { verificationMethodId } from './present.js';
import { listSigningKeys } from './store.js';
import type { SigningKeyRow } from './store.js';

/** An organisation's did:web document: every key (current and retired) as a Multikey verification method. */
export async function getDidDocument(deps: Deps, opts: { slug: string }) {
  const org = await findOrgBySlug(deps.db, opts.slug);
  if (!org) throw new AppError('not_found', 'No such organisation');
  return didDocument(
    orgDid(deps.env.TESSERA_BASE_URL, org.slug),
    await listSigningKeys(deps.db, org.id),
    `${deps.env.TESSERA_BASE_URL}/orgs/${org.slug}`,
  );
}

/** A did:web document listing keys (current and retired) as Multikey verification methods. */
export function didDocument(did: string, keys: SigningKeyRow[], alsoKnownAs: string) {
  const methods = keys.map((k) => ({
    id: verificationMethodId(did, k),
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: k.publicKeyMultibase,
  }));
  const ids = methods.map((m) => m.id);
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    alsoKnownAs: [alsoKnownAs],
    verificationMethod: methods,
    authentication: ids,
    assertionMethod: ids,
  };
}

/** A key as a public JWK: OKP/Ed25519 (EdDSA) or EC/P-256 (ES256). */
function publicJwk(k: SigningKeyRow) {
  return { ...keyFromMultikey(k.publicKeyMultibase).export({ format: 'jwk' }), alg: k.algorithm === 'P-256' ? 'ES256' : 'EdDSA' };
}

/** An organisation's keys as a JWKS (Ed25519 and P-256), `kid` = verification method id. */
export async function getJwks(deps: Deps, opts: { slug: string }) {
  const org = await findOrgBySlug(deps.db, opts.slug);
  if (!org) throw new AppError('not_found', 'No such organisation');
  const did = orgDid(deps.env.TESSERA_BASE_URL, org.slug);
  const keys = await listSigningKeys(deps.db, org.id);
  return {
    keys: keys.map((k) => ({ ...publicJwk(k), kid: verificationMethodId(did, k), use: 'sig' })),
  };
}
