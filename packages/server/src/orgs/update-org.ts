import { recordAudit } from '../audit/record-audit.js';
import type { Actor, Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import type { OrgProfileInput } from './create-org.js';
import type { OrgRow } from './store.js';
import { updateOrgRow } from './store.js';

/** Update an organisation's profile fields (slug is permanent: it is part of the organisation's DID). */
export async function updateOrg(deps: Deps, opts: { actor: Actor; org: OrgRow; patch: Partial<Omit<OrgProfileInput, 'slug'>> }): Promise<OrgRow> {
  const { patch } = opts;
  const set: Parameters<typeof updateOrgRow>[2] = { updatedAt: deps.clock.now() };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.url !== undefined) set.url = patch.url;
  if (patch.email !== undefined) set.email = patch.email;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.image !== undefined) set.image = patch.image;
  if (patch.brandColor !== undefined) set.brandColor = patch.brandColor;
  if (patch.reviewSlaDays !== undefined) set.reviewSlaDays = patch.reviewSlaDays;
  if (patch.doubleScorePercent !== undefined) set.doubleScorePercent = patch.doubleScorePercent;
  if (patch.blindReviews !== undefined) set.blindReviews = patch.blindReviews;
  if (patch.suspensionEnabled !== undefined) set.suspensionEnabled = patch.suspensionEnabled;
  if (patch.address !== undefined) set.address = patch.address ? (JSON.parse(JSON.stringify(patch.address)) as Record<string, string>) : null;
  const row = await updateOrgRow(deps.db, opts.org.id, set);
  if (!row) throw new AppError('not_found', 'Organisation not found');
  await recordAudit(deps, { action: 'org.updated', orgId: row.id, actorId: opts.actor.accountId, target: row.id, detail: { fields: Object.keys(patch) }, ip: opts.actor.ip });
  return row;
}
