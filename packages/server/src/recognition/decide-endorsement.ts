import type { Endorsement } from '@tessera/shared';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { findOrgById, loadOrgAccess, orgDid } from '../orgs/index.js';
import { getPublicPathway } from '../pathways/index.js';
import { AppError } from '../shared/errors.js';
import { notFoundAsNull } from './status-entry.js';
import { notifyOwners } from './notify-owners.js';
import { authorizeRecognition } from './policies.js';
import { achievementPageUrl, endorsementCredentialUrl, pathwayPageUrl, presentEndorsement } from './present.js';
import { signEndorsement } from './sign-endorsement.js';
import { allocateStatusSlot } from './status-entry.js';
import { findAchievementRef, findEndorsement, updateEndorsement } from './store.js';

/**
 * Accept or decline a pending endorsement. Only the side it waits for may accept (the endorser for a request, the
 * owner for an offer); either side may decline. Accepting signs an EndorsementCredential with the endorser's key;
 * an achievement endorsement is embedded in credentials issued for the achievement's next version and later.
 */
export async function decideEndorsement(
  deps: Deps,
  opts: { actor: Actor; slug: string; endorsementId: string; accept: boolean; comment?: string | undefined },
): Promise<Endorsement> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.actor.accountId, action: 'org.read' });
  authorizeRecognition(role, 'endorsements.manage');
  const base = deps.env.TESSERA_BASE_URL;
  await inTransaction(deps, async (tx) => {
    const v = await findEndorsement(tx.db, opts.endorsementId);
    if (!v || (v.e.endorserOrgId !== org.id && v.e.ownerOrgId !== org.id)) throw new AppError('not_found', 'No such endorsement');
    const e = v.e;
    if (e.status !== 'pending') throw new AppError('conflict', `This endorsement is already ${e.status}`);
    const awaiting = e.initiatedBy === 'owner' ? e.endorserOrgId : e.ownerOrgId;
    const now = tx.clock.now();
    if (!opts.accept) {
      await updateEndorsement(tx.db, e.id, { status: 'declined', decidedAt: now, decidedBy: opts.actor.accountId });
      await recordAudit(tx, {
        action: 'endorsement.declined',
        orgId: org.id,
        actorId: opts.actor.accountId,
        target: e.id,
        ip: opts.actor.ip,
      });
      return;
    }
    if (awaiting !== org.id)
      throw new AppError('forbidden', `Only ${e.initiatedBy === 'owner' ? v.endorserName : v.ownerName} can accept this endorsement`);
    const comment = (e.initiatedBy === 'owner' ? opts.comment : e.comment)?.trim() ?? '';
    if (!comment)
      throw new AppError('validation_failed', 'Write the endorsement', { errors: [{ path: 'comment', message: 'Write the endorsement' }] });
    const endorser = await findOrgById(tx.db, e.endorserOrgId);
    if (!endorser) throw new AppError('internal', 'The endorser is gone');
    let subjectId = orgDid(base, v.ownerSlug);
    let subjectName = v.ownerName;
    let fromVersion: number | null = null;
    if (e.subjectType === 'achievement') {
      const a = await findAchievementRef(tx.db, e.subjectId);
      if (!a) throw new AppError('not_found', 'The achievement is gone');
      subjectId = achievementPageUrl(base, a.id);
      subjectName = a.name;
      fromVersion = (a.latestVersion ?? 0) + 1;
    }
    if (e.subjectType === 'pathway') {
      const p = await getPublicPathway(tx, { pathwayId: e.subjectId }).catch(notFoundAsNull);
      if (!p) throw new AppError('conflict', 'The pathway is no longer published');
      subjectId = pathwayPageUrl(base, p.pathwayId);
      subjectName = p.name;
    }
    const id = endorsementCredentialUrl(base, e.id);
    const credential = await signEndorsement(tx, endorser, {
      id,
      name: `${endorser.name} endorses ${subjectName}`,
      subjectId,
      comment,
      validFrom: now,
      status: await allocateStatusSlot(tx, endorser),
    });
    await updateEndorsement(tx.db, e.id, {
      status: 'accepted',
      comment,
      credential,
      credentialId: id,
      fromVersion,
      decidedAt: now,
      decidedBy: opts.actor.accountId,
    });
    await recordAudit(tx, {
      action: 'endorsement.accepted',
      orgId: org.id,
      actorId: opts.actor.accountId,
      target: e.id,
      detail: { endorser: v.endorserSlug, owner: v.ownerSlug, subjectType: e.subjectType, fromVersion },
      ip: opts.actor.ip,
    });
    const initiator = e.initiatedBy === 'owner' ? { id: e.ownerOrgId, slug: v.ownerSlug } : { id: e.endorserOrgId, slug: v.endorserSlug };
    await notifyOwners(tx, initiator.id, {
      title: `${v.endorserName} endorsed ${subjectName}`,
      body: `The signed endorsement is published${fromVersion ? ` and goes into credentials from version ${fromVersion}` : ''}.`,
      link: `/orgs/${initiator.slug}/endorsements`,
    });
  });
  const saved = await findEndorsement(deps.db, opts.endorsementId);
  if (!saved) throw new AppError('internal', 'The endorsement disappeared');
  return presentEndorsement(saved, base);
}
