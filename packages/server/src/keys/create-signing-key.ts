import { recordAudit } from '../audit/record-audit.js';
import type { Actor, Deps } from '../context.js';
import { generateEd25519 } from './material.js';
import type { SigningKeyRow } from './store.js';
import { insertSigningKey } from './store.js';

/** AAD that binds an encrypted private key to its key id, so ciphertexts cannot be swapped between rows. */
export function keyContext(keyId: string): string {
  return `tessera:signing-key:${keyId}`;
}

/** Generate an Ed25519 key for an organisation (or, with orgId null, the platform); the private part is sealed with the master key. */
export async function createSigningKey(deps: Deps, opts: { orgId: string | null; actor: Actor | null }): Promise<SigningKeyRow> {
  const id = deps.ids.id('key');
  const material = generateEd25519();
  const row: SigningKeyRow = {
    id,
    orgId: opts.orgId,
    algorithm: 'Ed25519',
    publicKeyMultibase: material.publicKeyMultibase,
    encryptedPrivateKey: deps.keyring.seal(Buffer.concat([material.seed, material.publicRaw]), keyContext(id)),
    createdAt: deps.clock.now(),
    retiredAt: null,
  };
  await insertSigningKey(deps.db, row);
  await recordAudit(deps, { action: 'key.created', orgId: opts.orgId, actorId: opts.actor?.accountId ?? null, target: id, detail: { publicKeyMultibase: row.publicKeyMultibase }, ip: opts.actor?.ip ?? null });
  return row;
}
