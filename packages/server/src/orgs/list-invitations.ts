import type { Deps } from '../context.js';
import { presentInvitation } from './present-invitation.js';
import { listInvitationRows } from './store.js';

/** An organisation's invitations, newest first. */
export async function listInvitations(deps: Deps, opts: { orgId: string }) {
  const now = deps.clock.now();
  return (await listInvitationRows(deps.db, opts.orgId)).map((r) => presentInvitation(r, now));
}
