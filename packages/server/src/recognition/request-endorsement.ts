import { EndorsementOfferInput, EndorsementRequestInput } from '@tessera/shared';
import type { Endorsement } from '@tessera/shared';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { findOrgBySlug, loadOrgAccess } from '../orgs/index.js';
import type { OrgRow } from '../orgs/index.js';
import { getPublicPathway } from '../pathways/index.js';
import { AppError } from '../shared/errors.js';
import { notFoundAsNull } from './status-entry.js';
import { notifyOwners } from './notify-owners.js';
import { authorizeRecognition } from './policies.js';
import { presentEndorsement } from './present.js';
import { findAchievementRef, findEndorsement, findLiveEndorsement, insertEndorsement } from './store.js';

/** The subject's id as stored, checked to belong to the owner organisation; refusals name the field. */
async function checkSubject(deps: Deps, owner: OrgRow, type: 'achievement' | 'pathway' | 'issuer', subjectId: string): Promise<string> {
  if (type === 'issuer') return owner.id;
  if (type === 'pathway') {
    // Only a published pathway of the owner: drafts are not public, so there is nothing to point a statement at.
    const p = subjectId ? await getPublicPathway(deps, { pathwayId: subjectId }).catch(notFoundAsNull) : null;
    if (!p || p.issuer.slug !== owner.slug)
      throw new AppError('validation_failed', 'Unknown pathway', {
        errors: [{ path: 'subjectId', message: `No such published pathway of ${owner.name}` }],
      });
    return p.pathwayId;
  }
  const a = subjectId ? await findAchievementRef(deps.db, subjectId) : undefined;
  if (!a || a.orgId !== owner.id)
    throw new AppError('validation_failed', 'Unknown achievement', {
      errors: [{ path: 'subjectId', message: `No such achievement of ${owner.name}` }],
    });
  if (a.status === 'retired')
    throw new AppError('validation_failed', 'Retired achievement', {
      errors: [{ path: 'subjectId', message: 'This achievement is retired' }],
    });
  return a.id;
}

async function create(
  deps: Deps,
  opts: {
    actor: Actor;
    actingOrg: OrgRow;
    endorser: OrgRow;
    owner: OrgRow;
    subjectType: 'achievement' | 'pathway' | 'issuer';
    subjectId: string;
    initiatedBy: 'owner' | 'endorser';
    message: string;
    comment: string | null;
    counterpartPath: string;
  },
): Promise<Endorsement> {
  if (opts.endorser.id === opts.owner.id)
    throw new AppError('validation_failed', 'An organisation cannot endorse itself', {
      errors: [{ path: opts.counterpartPath, message: 'An organisation cannot endorse itself' }],
    });
  const subjectId = await checkSubject(deps, opts.owner, opts.subjectType, opts.subjectId);
  if (await findLiveEndorsement(deps.db, { endorserOrgId: opts.endorser.id, subjectType: opts.subjectType, subjectId }))
    throw new AppError('conflict', `${opts.endorser.name} already has a pending or accepted endorsement of this`);
  const id = deps.ids.id('endorsement');
  await inTransaction(deps, async (tx) => {
    await insertEndorsement(tx.db, {
      id,
      endorserOrgId: opts.endorser.id,
      ownerOrgId: opts.owner.id,
      subjectType: opts.subjectType,
      subjectId,
      initiatedBy: opts.initiatedBy,
      status: 'pending',
      message: opts.message,
      comment: opts.comment,
      credential: null,
      credentialId: null,
      fromVersion: null,
      requestedBy: opts.actor.accountId,
      decidedBy: null,
      createdAt: tx.clock.now(),
      decidedAt: null,
      revokedAt: null,
      revokedReason: null,
    });
    await recordAudit(tx, {
      action: opts.initiatedBy === 'owner' ? 'endorsement.requested' : 'endorsement.offered',
      orgId: opts.actingOrg.id,
      actorId: opts.actor.accountId,
      target: id,
      detail: { endorser: opts.endorser.slug, owner: opts.owner.slug, subjectType: opts.subjectType, subjectId },
      ip: opts.actor.ip,
    });
    const other = opts.initiatedBy === 'owner' ? opts.endorser : opts.owner;
    await notifyOwners(tx, other.id, {
      title:
        opts.initiatedBy === 'owner' ? `${opts.owner.name} asks you for an endorsement` : `${opts.endorser.name} offers an endorsement`,
      body:
        opts.initiatedBy === 'owner'
          ? `${opts.owner.name} asks ${opts.endorser.name} to endorse it. Accept with a comment, or decline.`
          : `${opts.endorser.name} offers to endorse ${opts.owner.name}. Accept it to publish the signed endorsement.`,
      link: `/orgs/${other.slug}/endorsements`,
    });
  });
  const saved = await findEndorsement(deps.db, id);
  if (!saved) throw new AppError('internal', 'The endorsement was not saved');
  return presentEndorsement(saved, deps.env.TESSERA_BASE_URL);
}

/** The owner organisation (owners) asks another organisation to endorse one of its achievements, or itself as an issuer. */
export async function requestEndorsement(
  deps: Deps,
  opts: { actor: Actor; slug: string; input: z.input<typeof EndorsementRequestInput> },
): Promise<Endorsement> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.actor.accountId, action: 'org.read' });
  authorizeRecognition(role, 'endorsements.manage');
  const input = EndorsementRequestInput.parse(opts.input);
  const endorser = await findOrgBySlug(deps.db, input.endorserSlug);
  if (!endorser)
    throw new AppError('validation_failed', 'No such organisation', {
      errors: [{ path: 'endorserSlug', message: 'No such organisation' }],
    });
  return create(deps, {
    actor: opts.actor,
    actingOrg: org,
    endorser,
    owner: org,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    initiatedBy: 'owner',
    message: input.message,
    comment: null,
    counterpartPath: 'endorserSlug',
  });
}

/** An organisation (owners) offers to endorse another's achievement or the issuer itself, with its comment; the owner accepts. */
export async function offerEndorsement(
  deps: Deps,
  opts: { actor: Actor; slug: string; input: z.input<typeof EndorsementOfferInput> },
): Promise<Endorsement> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.actor.accountId, action: 'org.read' });
  authorizeRecognition(role, 'endorsements.manage');
  const input = EndorsementOfferInput.parse(opts.input);
  const owner = await findOrgBySlug(deps.db, input.ownerSlug);
  if (!owner)
    throw new AppError('validation_failed', 'No such organisation', { errors: [{ path: 'ownerSlug', message: 'No such organisation' }] });
  return create(deps, {
    actor: opts.actor,
    actingOrg: org,
    endorser: org,
    owner,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    initiatedBy: 'endorser',
    message: '',
    comment: input.comment,
    counterpartPath: 'ownerSlug',
  });
}
