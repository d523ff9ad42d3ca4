import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { findEndorsement, findRule } from './store.js';

/**
 * A published rule's or an endorsement's signed EndorsementCredential, served at its id. Withdrawn rules and revoked
 * endorsements answer 410 with the reason, so anyone following the id learns it no longer stands.
 */
export async function getPublicEndorsementDocument(
  deps: Deps,
  opts: { kind: 'rule' | 'endorsement'; id: string },
): Promise<{ document: Record<string, unknown> } | { gone: string }> {
  if (opts.kind === 'rule') {
    const r = await findRule(deps.db, opts.id);
    if (!r || !r.rule.credential) throw new AppError('not_found', 'No such recognition statement');
    if (r.rule.status === 'withdrawn')
      return {
        gone: `Withdrawn by ${r.org.name} on ${r.rule.withdrawnAt?.toISOString().slice(0, 10) ?? ''}: ${r.rule.withdrawnReason ?? ''}`,
      };
    return { document: r.rule.credential };
  }
  const e = await findEndorsement(deps.db, opts.id);
  if (!e || !e.e.credential) throw new AppError('not_found', 'No such endorsement');
  if (e.e.status === 'revoked')
    return { gone: `Revoked by ${e.endorserName} on ${e.e.revokedAt?.toISOString().slice(0, 10) ?? ''}: ${e.e.revokedReason ?? ''}` };
  return { document: e.e.credential };
}
