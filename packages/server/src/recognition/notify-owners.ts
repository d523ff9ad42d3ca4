import type { Deps } from '../context.js';
import { notify } from '../notifications/index.js';
import { listMembers } from '../orgs/index.js';

/** Tell every owner of an organisation (in the app, and by email to verified addresses) that something waits for them. */
export async function notifyOwners(deps: Deps, orgId: string, note: { title: string; body: string; link: string }): Promise<void> {
  for (const m of await listMembers(deps.db, orgId)) if (m.role === 'owner') await notify(deps, { accountId: m.accountId, ...note });
}
