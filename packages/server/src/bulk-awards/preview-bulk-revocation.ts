import type { BulkRevokePreview, BulkRevokeTarget } from '@tessera/shared';
import type { Deps } from '../context.js';
import { credentialPageUrl } from '../credentials/index.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { achievementNames, findRun, selectCredentials } from './store.js';
import type { RevokeSelection } from './store.js';

/** Most credentials one bulk revocation may change (a wider filter is refused with a request to narrow it). */
export const MAX_BULK_REVOCATION = 50_000;

/** A credential id as written in a CSV: the full id (its page URL), or the UUID at its end. */
export function normaliseCredentialId(baseUrl: string, raw: string): string {
  const v = raw.trim();
  return /^[0-9a-f-]{36}$/i.test(v) ? credentialPageUrl(baseUrl, v.toLowerCase()) : v;
}

/** The selection a target describes, checked against the organisation (a run of another organisation is not found). */
export async function selectionOf(deps: Deps, org: OrgRow, target: BulkRevokeTarget): Promise<RevokeSelection> {
  if (target.kind === 'ids') return { ids: [...new Set(target.ids.map((i) => normaliseCredentialId(deps.env.TESSERA_BASE_URL, i)))] };
  if (target.runId && !(await findRun(deps.db, org.id, target.runId))) throw new AppError('not_found', 'No such bulk award run');
  if (!target.achievementId && !target.runId && !target.issuedAfter && !target.issuedBefore) {
    throw new AppError('validation_failed', 'Choose at least one filter', {
      errors: [{ path: 'target', message: 'Choose a micro-credential, a bulk run or dates' }],
    });
  }
  return {
    ...(target.achievementId ? { achievementId: target.achievementId } : {}),
    ...(target.runId ? { runId: target.runId } : {}),
    ...(target.issuedAfter ? { issuedAfter: new Date(`${target.issuedAfter}T00:00:00Z`) } : {}),
    // "Issued between A and B" includes all of day B.
    ...(target.issuedBefore ? { issuedBefore: new Date(new Date(`${target.issuedBefore}T00:00:00Z`).getTime() + 86_400_000) } : {}),
  };
}

/** Preview a bulk revocation: how many current credentials it would revoke, which are already revoked, and ids that are not this organisation's. */
export async function previewBulkRevocation(deps: Deps, opts: { org: OrgRow; target: BulkRevokeTarget }): Promise<BulkRevokePreview> {
  const selection = await selectionOf(deps, opts.org, opts.target);
  const found = await selectCredentials(deps.db, opts.org.id, selection, MAX_BULK_REVOCATION + 1);
  if (found.length > MAX_BULK_REVOCATION)
    throw new AppError('validation_failed', `More than ${MAX_BULK_REVOCATION} credentials match: narrow the filter`, {
      errors: [{ path: 'target', message: 'Too many credentials match' }],
    });
  const known = new Set(found.map((f) => f.id));
  const unknown = 'ids' in selection ? selection.ids.filter((i) => !known.has(i)) : [];
  const live = found.filter((f) => !f.revokedAt);
  const names = await achievementNames(deps.db, [...new Set(live.slice(0, 10).map((f) => f.achievementId))]);
  return {
    count: live.length,
    alreadyRevoked: found.length - live.length,
    unknown: unknown.slice(0, 100),
    sample: live.slice(0, 10).map((f) => ({
      id: f.id,
      achievementName: names.get(f.achievementId) ?? f.achievementId,
      recipient: f.recipient,
      issuedAt: f.issuedAt.toISOString(),
    })),
  };
}
