import { readContent } from '../achievements/content.js';
import type { CredentialRow } from './store.js';

/** A credential's current status. */
export function credentialStatus(c: CredentialRow, now: Date): { status: 'active' | 'revoked' | 'suspended' | 'expired'; reason: string | null } {
  if (c.revokedAt) return { status: 'revoked', reason: c.revokedReason };
  if (c.suspendedAt) return { status: 'suspended', reason: c.suspendedReason };
  if (c.validUntil && c.validUntil <= now) return { status: 'expired', reason: null };
  return { status: 'active', reason: null };
}

/** A credential summary row. */
export function presentCredential(r: { c: CredentialRow; content: unknown; orgName: string; learnerName: string }, now: Date, baseUrl: string) {
  const st = credentialStatus(r.c, now);
  return {
    id: r.c.id,
    achievementName: readContent(r.content).name,
    issuerName: r.orgName,
    recipientName: r.learnerName,
    issuedAt: r.c.issuedAt.toISOString(),
    validUntil: r.c.validUntil?.toISOString() ?? null,
    status: st.status,
    statusReason: st.reason,
    jsonUrl: `${baseUrl}/api/v1/credentials/${encodeURIComponent(r.c.id)}`,
  };
}
