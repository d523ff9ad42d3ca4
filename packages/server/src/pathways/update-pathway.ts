import type { PathwayContent } from '@tessera/shared';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { referenceProblems } from './check-references.js';
import { findPathway, updatePathwayRow } from './store.js';

/** Save a pathway's draft. Published versions never change: the next publish makes a new version. Audited. */
export async function updatePathway(
  deps: Deps,
  opts: { actor: Actor; org: OrgRow; pathwayId: string; content: PathwayContent },
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const row = await findPathway(tx.db, opts.org.id, opts.pathwayId, true);
    if (!row) throw new AppError('not_found', 'No such pathway');
    const { problems } = await referenceProblems(tx.db, { orgId: opts.org.id, content: opts.content, publishing: false });
    if (problems.length) throw new AppError('validation_failed', 'Some achievements of the pathway cannot be used', { errors: problems });
    await updatePathwayRow(tx.db, row.id, { draft: opts.content as unknown as Record<string, unknown>, updatedAt: tx.clock.now() });
    await recordAudit(tx, {
      action: 'pathway.updated',
      orgId: opts.org.id,
      actorId: opts.actor.accountId,
      target: row.id,
      ip: opts.actor.ip,
    });
  });
}
