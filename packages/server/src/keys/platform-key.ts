import type { Deps } from '../context.js';
import { platformDid } from '../orgs/index.js';
import { createSigningKey } from './create-signing-key.js';
import { didDocument } from './did-document.js';
import type { Signer } from './load-signer.js';
import { signerForKey } from './load-signer.js';
import type { SigningKeyRow } from './store.js';
import { findCurrentPlatformKey, listPlatformKeys } from './store.js';

/**
 * The platform's own key, created on first use. It signs what Tessera itself attests (a learner's CLR
 * export), never an organisation's credentials. A unique index allows one current platform key, so two
 * processes racing here end with the same key.
 */
export async function ensurePlatformKey(deps: Deps): Promise<SigningKeyRow> {
  const current = await findCurrentPlatformKey(deps.db);
  if (current) return current;
  try {
    return await createSigningKey(deps, { orgId: null, actor: null });
  } catch (err) {
    const winner = await findCurrentPlatformKey(deps.db);
    if (winner) return winner;
    throw err;
  }
}

/** A signer for the platform's did:web. */
export async function loadPlatformSigner(deps: Deps): Promise<Signer> {
  return signerForKey(deps, await ensurePlatformKey(deps), platformDid(deps.env.TESSERA_BASE_URL));
}

/** The platform's did:web document (`<base>/.well-known/did.json`). */
export async function getPlatformDidDocument(deps: Deps) {
  await ensurePlatformKey(deps);
  return didDocument(platformDid(deps.env.TESSERA_BASE_URL), await listPlatformKeys(deps.db), deps.env.TESSERA_BASE_URL);
}
