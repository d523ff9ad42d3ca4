import type { PathwayContent } from '@tessera/shared';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { referenceProblems } from './check-references.js';
import { insertPathway } from './store.js';

/** Create a pathway as a draft (its structure already checked by the contract; its references here). Audited. */
export async function createPathway(deps: Deps, opts: { actor: Actor; org: OrgRow; content: PathwayContent }): Promise<string> {
  const { problems } = await referenceProblems(deps.db, { orgId: opts.org.id, content: opts.content, publishing: false });
  if (problems.length) throw new AppError('validation_failed', 'Some achievements of the pathway cannot be used', { errors: problems });
  return inTransaction(deps, async (tx) => {
    const now = tx.clock.now();
    const id = tx.ids.id('pathway');
    await insertPathway(tx.db, {
      id,
      orgId: opts.org.id,
      status: 'draft',
      draft: opts.content as unknown as Record<string, unknown>,
      latestVersionId: null,
      createdBy: opts.actor.accountId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, { action: 'pathway.created', orgId: opts.org.id, actorId: opts.actor.accountId, target: id, ip: opts.actor.ip });
    return id;
  });
}
