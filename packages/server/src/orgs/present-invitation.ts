import type { InvitationRow } from './store.js';

/** An invitation's effective status: pending ones past their expiry read as expired. */
export function invitationStatus(row: InvitationRow, now: Date): 'pending' | 'accepted' | 'revoked' | 'expired' {
  if (row.status === 'pending' && row.expiresAt <= now) return 'expired';
  return row.status;
}

/** An invitation as owners see it. */
export function presentInvitation(row: InvitationRow & { inviterName: string }, now: Date) {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: invitationStatus(row, now),
    invitedBy: row.inviterName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}
