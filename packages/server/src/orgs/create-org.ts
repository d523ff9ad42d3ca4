import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { createSigningKey } from '../keys/index.js';
import { AppError } from '../shared/errors.js';
import type { OrgRow } from './store.js';
import { findOrgById, insertMembership, insertOrg } from './store.js';

/** Profile fields accepted at creation. */
export interface OrgProfileInput {
  slug: string;
  name: string;
  url?: string | null | undefined;
  email?: string | null | undefined;
  description?: string | null | undefined;
  image?: string | null | undefined;
  address?: Record<string, string | undefined> | null | undefined;
  brandColor?: string | undefined;
  reviewSlaDays?: number | undefined;
  doubleScorePercent?: number | undefined;
  blindReviews?: boolean | undefined;
  suspensionEnabled?: boolean | undefined;
}

/** Create an organisation with the caller as owner and a fresh Ed25519 signing key. */
export async function createOrg(deps: Deps, opts: { actor: Actor; profile: OrgProfileInput }): Promise<OrgRow> {
  return inTransaction(deps, async (tx) => {
    const now = tx.clock.now();
    const id = tx.ids.id('org');
    const p = opts.profile;
    const ok = await insertOrg(tx.db, {
      id,
      slug: p.slug,
      name: p.name,
      url: p.url ?? null,
      email: p.email ?? null,
      description: p.description ?? null,
      image: p.image ?? null,
      address: p.address ? (JSON.parse(JSON.stringify(p.address)) as Record<string, string>) : null,
      ...(p.brandColor ? { brandColor: p.brandColor } : {}),
      ...(p.reviewSlaDays !== undefined ? { reviewSlaDays: p.reviewSlaDays } : {}),
      ...(p.doubleScorePercent !== undefined ? { doubleScorePercent: p.doubleScorePercent } : {}),
      ...(p.blindReviews !== undefined ? { blindReviews: p.blindReviews } : {}),
      ...(p.suspensionEnabled !== undefined ? { suspensionEnabled: p.suspensionEnabled } : {}),
      createdAt: now,
      updatedAt: now,
    });
    if (!ok) throw new AppError('slug_taken', 'That address is taken', { errors: [{ path: 'slug', message: 'Choose another slug' }] });
    await insertMembership(tx.db, { orgId: id, accountId: opts.actor.accountId, role: 'owner', createdAt: now });
    await recordAudit(tx, {
      action: 'org.created',
      orgId: id,
      actorId: opts.actor.accountId,
      target: id,
      detail: { slug: p.slug },
      ip: opts.actor.ip,
    });
    await createSigningKey(tx, { orgId: id, actor: opts.actor });
    await createSigningKey(tx, { orgId: id, actor: opts.actor, algorithm: 'P-256' });
    const org = await findOrgById(tx.db, id);
    if (!org) throw new AppError('internal', 'Organisation vanished after insert');
    return org;
  });
}
