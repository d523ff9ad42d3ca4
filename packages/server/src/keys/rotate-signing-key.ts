import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { createSigningKey } from './create-signing-key.js';
import type { KeyAlgorithm, SigningKeyRow } from './store.js';
import { retireCurrentKey } from './store.js';

/**
 * Retire the current keys (Ed25519 and P-256) and make new ones current; retired keys stay in the DID
 * document, so what they signed still verifies. Returns the new Ed25519 key, which signs the proofs.
 */
export async function rotateSigningKey(deps: Deps, opts: { actor: Actor; orgId: string }): Promise<SigningKeyRow> {
  return inTransaction(deps, async (tx) => {
    const rotate = async (algorithm: KeyAlgorithm) => {
      const retired = await retireCurrentKey(tx.db, opts.orgId, algorithm, tx.clock.now());
      const key = await createSigningKey(tx, { orgId: opts.orgId, actor: opts.actor, algorithm });
      await recordAudit(tx, {
        action: 'key.rotated',
        orgId: opts.orgId,
        actorId: opts.actor.accountId,
        target: key.id,
        detail: { algorithm, retired: retired ?? null },
        ip: opts.actor.ip,
      });
      return key;
    };
    await rotate('P-256');
    return rotate('Ed25519');
  });
}
