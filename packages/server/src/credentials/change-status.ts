import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { notify } from '../notifications/index.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { setBit } from './bitstring.js';
import { presentCredential } from './present.js';
import { findCredential, findStatusList, listCredentialRows, saveStatusBits, updateCredential } from './store.js';

/** A status change an owner can make. */
export type StatusAction = 'revoke' | 'suspend' | 'unsuspend';

/** Revoke, suspend or unsuspend a credential with a reason: flips its bit in the status list, audited, learner told. */
export async function changeCredentialStatus(
  deps: Deps,
  opts: { actor: Actor; org: OrgRow; credentialId: string; action: StatusAction; reason: string },
) {
  await inTransaction(deps, async (tx) => {
    const c = await findCredential(tx.db, opts.credentialId);
    if (!c || c.orgId !== opts.org.id) throw new AppError('not_found', 'No such credential');
    if (c.revokedAt) throw new AppError('conflict', 'This credential is revoked; revocation is permanent');
    if (opts.action === 'suspend' && c.suspendedAt) throw new AppError('conflict', 'Already suspended');
    if (opts.action === 'unsuspend' && !c.suspendedAt) throw new AppError('conflict', 'This credential is not suspended');
    const revoking = opts.action === 'revoke';
    const listId = revoking ? c.revocationListId : c.suspensionListId;
    const index = revoking ? c.revocationIndex : c.suspensionIndex;
    if (listId === null || index === null) {
      throw new AppError(
        'conflict',
        'This credential was issued without a suspension entry, so verifiers cannot see a suspension; revoke it instead, or turn on suspension for credentials issued from now on',
      );
    }
    const now = tx.clock.now();
    const list = await findStatusList(tx.db, listId, true);
    if (!list) throw new AppError('internal', 'Status list missing');
    await saveStatusBits(tx.db, list.id, setBit(list.bits, index, opts.action !== 'unsuspend'), now);
    if (revoking) await updateCredential(tx.db, c.id, { revokedAt: now, revokedReason: opts.reason });
    else if (opts.action === 'suspend') await updateCredential(tx.db, c.id, { suspendedAt: now, suspendedReason: opts.reason });
    else await updateCredential(tx.db, c.id, { suspendedAt: null, suspendedReason: null });
    const action = revoking ? 'credential.revoked' : opts.action === 'suspend' ? 'credential.suspended' : 'credential.unsuspended';
    await recordAudit(tx, {
      action,
      orgId: opts.org.id,
      actorId: opts.actor.accountId,
      target: c.id,
      detail: { reason: opts.reason },
      ip: opts.actor.ip,
    });
    const verb = revoking ? 'revoked' : opts.action === 'suspend' ? 'suspended' : 'reinstated';
    // An unclaimed award has nobody to notify in the app yet.
    if (c.learnerId)
      await notify(tx, {
        accountId: c.learnerId,
        title: `A credential was ${verb}`,
        body: `${opts.org.name} ${verb} one of your credentials. Reason: ${opts.reason}`,
        link: '/app/me/credentials',
      });
  });
  const row = (await listCredentialRows(deps.db, { orgId: opts.org.id })).find((r) => r.c.id === opts.credentialId);
  if (!row) throw new AppError('not_found', 'No such credential');
  return presentCredential(row, deps.clock.now(), deps.env.TESSERA_BASE_URL);
}
