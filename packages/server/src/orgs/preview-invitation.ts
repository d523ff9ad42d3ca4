import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { sha256Hex } from '../shared/hash.js';
import { invitationStatus } from './present-invitation.js';
import { findInvitationByTokenHash } from './store.js';

/** What the holder of an invitation link may see before accepting. */
export async function previewInvitation(deps: Deps, opts: { token: string }) {
  const found = await findInvitationByTokenHash(deps.db, sha256Hex(opts.token));
  if (!found) throw new AppError('not_found', 'This invitation link is not valid');
  return {
    orgName: found.org.name,
    orgSlug: found.org.slug,
    email: found.inv.email,
    role: found.inv.role,
    status: invitationStatus(found.inv, deps.clock.now()),
    expiresAt: found.inv.expiresAt.toISOString(),
  };
}
