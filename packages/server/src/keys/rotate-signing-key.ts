import { recordAudit } from '../audit/record-audit.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { createSigningKey } from './create-signing-key.js';
import type { SigningKeyRow } from './store.js';
import { retireCurrentKey } from './store.js';

/** Retire the current key and make a new one current; retired keys stay in the DID document. */
export async function rotateSigningKey(deps: Deps, opts: { actor: Actor; orgId: string }): Promise<SigningKeyRow> {
  return inTransaction(deps, async (tx) => {
    const retired = await retireCurrentKey(tx.db, opts.orgId, tx.clock.now());
    const key = await createSigningKey(tx, { orgId: opts.orgId, actor: opts.actor });
    await recordAudit(tx, { action: 'key.rotated', orgId: opts.orgId, actorId: opts.actor.accountId, target: key.id, detail: { retired: retired ?? null }, ip: opts.actor.ip });
    return key;
  });
}
