import { decodeEd25519PublicMultibase } from './multikey.js';
import type { Deps } from '../context.js';
import { orgDid } from '../orgs/did.js';
import { findOrgBySlug } from '../orgs/store.js';
import { AppError } from '../shared/errors.js';
import { verificationMethodId } from './present.js';
import { listSigningKeys } from './store.js';
import type { SigningKeyRow } from './store.js';

/** An organisation's did:web document: every key (current and retired) as a Multikey verification method. */
export async function getDidDocument(deps: Deps, opts: { slug: string }) {
  const org = await findOrgBySlug(deps.db, opts.slug);
  if (!org) throw new AppError('not_found', 'No such organisation');
  return didDocument(orgDid(deps.env.TESSERA_BASE_URL, org.slug), await listSigningKeys(deps.db, org.id), `${deps.env.TESSERA_BASE_URL}/orgs/${org.slug}`);
}

/** A did:web document listing keys (current and retired) as Multikey verification methods. */
export function didDocument(did: string, keys: SigningKeyRow[], alsoKnownAs: string) {
  const methods = keys.map((k) => ({ id: verificationMethodId(did, k), type: 'Multikey', controller: did, publicKeyMultibase: k.publicKeyMultibase }));
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

/** An organisation's keys as a JWKS (OKP/Ed25519), `kid` = verification method id. */
export async function getJwks(deps: Deps, opts: { slug: string }) {
  const org = await findOrgBySlug(deps.db, opts.slug);
  if (!org) throw new AppError('not_found', 'No such organisation');
  const did = orgDid(deps.env.TESSERA_BASE_URL, org.slug);
  const keys = await listSigningKeys(deps.db, org.id);
  return {
    keys: keys.map((k) => ({
      kty: 'OKP',
      crv: 'Ed25519',
      x: Buffer.from(decodeEd25519PublicMultibase(k.publicKeyMultibase)).toString('base64url'),
      kid: verificationMethodId(did, k),
      alg: 'EdDSA',
      use: 'sig',
    })),
  };
}
