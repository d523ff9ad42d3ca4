import { readContent } from '../achievements/index.js';
import { credentialKey, credentialPageUrl } from '../credentials/index.js';
import type { AwardRow } from './store.js';

/** An award as the API shows it. */
export function presentAward(r: { award: AwardRow; content: unknown; version: number; credentialId: string | null }, baseUrl: string) {
  const a = r.award;
  return {
    id: a.id,
    achievementId: a.achievementId,
    achievementName: readContent(r.content).name,
    version: r.version,
    recipientName: a.recipientName,
    recipientEmail: a.recipientEmail,
    recipientAccountId: a.recipientAccountId,
    source: a.source,
    sourceRef: a.sourceRef,
    narrative: a.narrative,
    evidenceUrl: a.evidenceUrl,
    issuedOn: a.issuedOn ? a.issuedOn.toISOString().slice(0, 10) : null,
    createdAt: a.createdAt.toISOString(),
    claimed: a.recipientAccountId !== null,
    claimedAt: a.claimedAt?.toISOString() ?? null,
    credentialId: r.credentialId,
    credentialPageUrl: r.credentialId ? credentialPageUrl(baseUrl, encodeURIComponent(credentialKey(baseUrl, r.credentialId))) : null,
  };
}

/** A page cursor: the last row's creation time and id, base64url. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');
}

/** Read a page cursor (null when it is not one of ours). */
export function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const d = at ? new Date(at) : null;
  if (!d || Number.isNaN(d.getTime()) || !id) return null;
  return { at: d, id };
}
