import type { Deps } from '../context.js';
import { reserveStatusIndexes, revokeStatusEntry, statusListUrl } from '../credentials/index.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';

/** Where a statement's revocation bit lives in its issuer's status list. */
export interface StatusSlot {
  url: string;
  index: number;
}

/**
 * Take a fresh revocation index of the organisation's status list (never reused; inside the caller's transaction),
 * so a rule or endorsement credential carries a BitstringStatusListEntry like the credentials Tessera issues.
 */
export async function allocateStatusSlot(tx: Deps, org: OrgRow): Promise<StatusSlot> {
  const got = await reserveStatusIndexes(tx, { orgId: org.id, chunk: 1 }).take('revocation', tx.db);
  return { url: statusListUrl(tx.env.TESSERA_BASE_URL, org.slug, got.listId), index: got.index };
}

/** The status list id and index a signed statement names, when it is one of this organisation's lists. */
export function statusSlotOf(
  doc: Record<string, unknown> | null,
  baseUrl: string,
  orgSlug: string,
): { listId: string; index: number } | null {
  const entry = doc?.['credentialStatus'];
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return null;
  const { statusListCredential: url, statusListIndex: index } = entry as Record<string, unknown>;
  const prefix = statusListUrl(baseUrl, orgSlug, '');
  if (typeof url !== 'string' || !url.startsWith(prefix) || typeof index !== 'string' || !/^\d+$/.test(index)) return null;
  return { listId: url.slice(prefix.length), index: Number(index) };
}

/** Flip the revocation bit of a signed statement of `org`, so a verifier holding a copy sees it revoked. */
export async function revokeStatement(tx: Deps, org: { id: string; slug: string }, doc: Record<string, unknown> | null): Promise<boolean> {
  const slot = statusSlotOf(doc, tx.env.TESSERA_BASE_URL, org.slug);
  if (!slot) return false;
  return revokeStatusEntry(tx.db, { orgId: org.id, listId: slot.listId, index: slot.index, at: tx.clock.now() });
}

/** A `not_found` AppError as null (for an optional lookup); any other error is rethrown. */
export function notFoundAsNull(err: unknown): null {
  if (err instanceof AppError && err.code === 'not_found') return null;
  throw err;
}
