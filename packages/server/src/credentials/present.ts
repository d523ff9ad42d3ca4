import { readContent } from '../achievements/index.js';
import type { CredentialRow } from './store.js';

/** A credential's current status. */
export function credentialStatus(
  c: Pick<CredentialRow, 'revokedAt' | 'revokedReason' | 'suspendedAt' | 'suspendedReason' | 'validUntil'>,
  now: Date,
): { status: 'active' | 'revoked' | 'suspended' | 'expired'; reason: string | null } {
  if (c.revokedAt) return { status: 'revoked', reason: c.revokedReason };
  if (c.suspendedAt) return { status: 'suspended', reason: c.suspendedReason };
  if (c.validUntil && c.validUntil <= now) return { status: 'expired', reason: null };
  return { status: 'active', reason: null };
}

/** The public page of a credential: `<base>/credentials/<key>`. */
export function credentialPageUrl(baseUrl: string, key: string): string {
  return `${baseUrl}/credentials/${key}`;
}

/** The page key of a credential id (its page URL, or a `urn:uuid:` id from before ids were page URLs). */
export function credentialKey(baseUrl: string, id: string): string {
  const prefix = `${baseUrl}/credentials/`;
  return id.startsWith(prefix) ? id.slice(prefix.length) : id.replace(/^urn:uuid:/, '');
}

/** A credential summary row. */
export function presentCredential(
  r: { c: CredentialRow; content: unknown; orgName: string; learnerName: string },
  now: Date,
  baseUrl: string,
) {
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
    suspendable: r.c.suspensionListId !== null,
    jsonUrl: `${baseUrl}/api/v1/credentials/${encodeURIComponent(r.c.id)}`,
    pageUrl: credentialPageUrl(baseUrl, encodeURIComponent(credentialKey(baseUrl, r.c.id))),
  };
}
