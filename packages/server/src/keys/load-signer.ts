import type { KeyObject } from 'node:crypto';
import type { Deps } from '../context.js';
import { orgDid } from '../orgs/index.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { createSigningKey, keyContext } from './create-signing-key.js';
import { ed25519PrivateKey, p256PrivateKey, signBytes } from './material.js';
import { verificationMethodId } from './present.js';
import { findCurrentKey } from './store.js';
import type { KeyAlgorithm, SigningKeyRow } from './store.js';

/**
 * The signing port: a key id, an algorithm, and `sign(bytes)`; the private key never leaves it. Ed25519 signs
 * Data Integrity proofs, status lists and EdDSA JWTs; P-256 signs ES256 JWTs, the form 1EdTech's validator reads.
 */
export interface Signer {
  id: string;
  algorithm: 'Ed25519' | 'P-256';
  sign(opts: { data: Uint8Array }): Promise<Uint8Array>;
}

/** A signer over a private key (its algorithm follows from the key), known to verifiers as `id`. */
export function signerOf(id: string, privateKey: KeyObject): Signer {
  return {
    id,
    algorithm: privateKey.asymmetricKeyType === 'ec' ? 'P-256' : 'Ed25519',
    sign: async ({ data }) => signBytes(privateKey, data),
  };
}

/** A signer for a stored key under a DID: the private key is unsealed into a KeyObject and the plaintext wiped. */
export function signerForKey(deps: Deps, key: SigningKeyRow, did: string): Signer {
  const plain = deps.keyring.open(key.encryptedPrivateKey, keyContext(key.id));
  const privateKey = key.algorithm === 'P-256' ? p256PrivateKey(plain) : ed25519PrivateKey(plain.subarray(0, 32), plain.subarray(32, 64));
  plain.fill(0);
  return signerOf(verificationMethodId(did, key), privateKey);
}

/**
 * A signer for the organisation's current key of `algorithm` (Ed25519 by default). Every organisation gets
 * both keys when it is created; one made before P-256 keys existed gets its P-256 key here, on first use.
 */
export async function loadOrgSigner(deps: Deps, org: OrgRow, algorithm: KeyAlgorithm = 'Ed25519'): Promise<Signer> {
  let key = await findCurrentKey(deps.db, org.id, algorithm);
  if (!key && algorithm === 'P-256') key = await createSigningKey(deps, { orgId: org.id, actor: null, algorithm });
  if (!key) throw new AppError('unavailable', `The organisation has no current ${algorithm} signing key`);
  return signerForKey(deps, key, orgDid(deps.env.TESSERA_BASE_URL, org.slug));
}
