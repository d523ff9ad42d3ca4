import { recordAudit } from '../audit/index.js';
import type { Deps } from '../context.js';
import { deleteSession } from './store.js';

/** End a session. */
export async function signOut(deps: Deps, opts: { sessionId: string; accountId: string; ip: string | null }): Promise<void> {
  await deleteSession(deps.db, opts.sessionId);
  await recordAudit(deps, { action: 'account.signed_out', actorId: opts.accountId, target: opts.accountId, ip: opts.ip });
}
