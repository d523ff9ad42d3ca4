import type { Deps } from '../context.js';
import { listMembers as listMemberRows } from './store.js';

/** Members of an organisation. */
export async function listMembers(deps: Deps, opts: { orgId: string }) {
  const rows = await listMemberRows(deps.db, opts.orgId);
  return rows.map((r) => ({ ...r, joinedAt: r.joinedAt.toISOString() }));
}
