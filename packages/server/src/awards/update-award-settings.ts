import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import type { OrgRow } from '../orgs/index.js';
import { setAwardRoles } from './store.js';

/** Choose which roles besides owners may award directly. Audited. */
export async function updateAwardSettings(
  deps: Deps,
  opts: { actor: Actor; org: OrgRow; awardRoles: Array<'designer' | 'assessor' | 'viewer'> },
) {
  const roles = [...new Set(opts.awardRoles)];
  await inTransaction(deps, async (tx) => {
    await setAwardRoles(tx.db, opts.org.id, roles);
    await recordAudit(tx, {
      action: 'award.settings_changed',
      orgId: opts.org.id,
      actorId: opts.actor.accountId,
      target: opts.org.id,
      detail: { awardRoles: roles },
      ip: opts.actor.ip,
    });
  });
  return { awardRoles: roles };
}
