import type { Deps } from '../context.js';
import { orgDid } from '../orgs/did.js';
import type { OrgRow } from '../orgs/store.js';
import { AppError } from '../shared/errors.js';
import { keyContext } from './create-signing-key.js';
import { ed25519PrivateKey, ed25519Sign } from './material.js';
import { verificationMethodId } from './present.js';
import { findCurrentKey } from './store.js';
import type { SigningKeyRow } from './store.js';

/**
 * The signing port: a key id, an algorithm, and `sign(bytes)`; the private key never leaves it. Ed25519 signs
 * Data Integrity proofs and EdDSA JWTs; P-256 (key files only) signs ES256 JWTs, the form 1EdTech's validator reads.
 */
export interface Signer {
  id: string;
  algorithm: 'Ed25519' | 'P-256';
  sign(opts: { data: Uint8Array }): Promise<Uint8Array>;
}

/** A signer for a stored key under a DID: the private key is unsealed into a KeyObject and the plaintext wiped. */
export function signerForKey(deps: Deps, key: SigningKeyRow, did: string): Signer {
  const plain = deps.keyring.open(key.encryptedPrivateKey, keyContext(key.id));
  const privateKey = ed25519PrivateKey(plain.subarray(0, 32), plain.subarray(32, 64));
  plain.fill(0);
  return { id: verificationMethodId(did, key), algorithm: 'Ed25519', sign: async ({ data }) => ed25519Sign(privateKey, data) };
}

/** A signer for the organisation's current key. */
export async function loadOrgSigner(deps: Deps, org: OrgRow): Promise<Signer> {
  const key = await findCurrentKey(deps.db, org.id);
  if (!key) throw new AppError('unavailable', 'The organisation has no current signing key');
  return signerForKey(deps, key, orgDid(deps.env.TESSERA_BASE_URL, org.slug));
}
