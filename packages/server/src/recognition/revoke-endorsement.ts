import type { Endorsement } from '@tessera/shared';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { loadOrgAccess } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { authorizeRecognition } from './policies.js';
import { presentEndorsement } from './present.js';
import { revokeStatement } from './status-entry.js';
import { findEndorsement, updateEndorsement } from './store.js';

/** The endorser (owners) revokes an accepted endorsement: it leaves public pages and new credentials, and its status bit is set. */
export async function revokeEndorsement(
  deps: Deps,
  opts: { actor: Actor; slug: string; endorsementId: string; reason: string },
): Promise<Endorsement> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.actor.accountId, action: 'org.read' });
  authorizeRecognition(role, 'endorsements.manage');
  await inTransaction(deps, async (tx) => {
    const v = await findEndorsement(tx.db, opts.endorsementId);
    if (!v || (v.e.endorserOrgId !== org.id && v.e.ownerOrgId !== org.id)) throw new AppError('not_found', 'No such endorsement');
    if (v.e.endorserOrgId !== org.id) throw new AppError('forbidden', `Only ${v.endorserName} can revoke its endorsement`);
    if (v.e.status !== 'accepted')
      throw new AppError('conflict', `Only an accepted endorsement can be revoked (this one is ${v.e.status})`);
    const now = tx.clock.now();
    await revokeStatement(tx, org, v.e.credential);
    await updateEndorsement(tx.db, v.e.id, { status: 'revoked', revokedAt: now, revokedReason: opts.reason });
    await recordAudit(tx, {
      action: 'endorsement.revoked',
      orgId: org.id,
      actorId: opts.actor.accountId,
      target: v.e.id,
      detail: { reason: opts.reason },
      ip: opts.actor.ip,
    });
  });
  const saved = await findEndorsement(deps.db, opts.endorsementId);
  if (!saved) throw new AppError('internal', 'The endorsement disappeared');
  return presentEndorsement(saved, deps.env.TESSERA_BASE_URL);
}
