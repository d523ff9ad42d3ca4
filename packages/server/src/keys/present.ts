import type { SigningKeyRow } from './store.js';

/** The verification method id of a key within a DID: `<did>#<publicKeyMultibase>`. */
export function verificationMethodId(did: string, key: Pick<SigningKeyRow, 'publicKeyMultibase'>): string {
  return `${did}#${key.publicKeyMultibase}`;
}

/** A key's public view. */
export function presentKey(did: string, key: SigningKeyRow) {
  return {
    id: key.id,
    algorithm: key.algorithm,
    verificationMethod: verificationMethodId(did, key),
    publicKeyMultibase: key.publicKeyMultibase,
    createdAt: key.createdAt.toISOString(),
    retiredAt: key.retiredAt?.toISOString() ?? null,
    current: key.retiredAt === null,
  };
}
