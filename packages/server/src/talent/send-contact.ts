import type { TalentContact } from '@tessera/shared';
import { TalentContactInput } from '@tessera/shared';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { notify } from '../notifications/index.js';
import { loadOrgAccess } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { authorizeTalent } from './policies.js';
import { displayNameOf, presentOrgContact } from './present.js';
import { findDiscoverable, insertContact, latestContact, listOrgContacts } from './store.js';

/** After a learner declines, the same organisation may not write again for this long. */
export const DECLINE_COOLDOWN_DAYS = 30;

/**
 * An organisation's owner writes to a consenting learner through the platform (plain text, length-limited). Rate
 * limits: one pending request per organisation and learner (a unique index, so concurrent sends cannot both land), and
 * none for 30 days after the learner declined. The learner is notified in the app; the send is audited.
 */
export async function sendContact(
  deps: Deps,
  opts: { actor: Actor; slug: string; accountId: string; input: z.input<typeof TalentContactInput> },
): Promise<TalentContact> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.actor.accountId, action: 'org.read' });
  authorizeTalent(role, 'talent.contact');
  const person = await findDiscoverable(deps.db, opts.accountId);
  if (!person?.profile) throw new AppError('not_found', 'No such person among those who can be found');
  const input = TalentContactInput.parse(opts.input);
  const now = deps.clock.now();
  const last = await latestContact(deps.db, org.id, opts.accountId);
  if (last?.status === 'pending') throw new AppError('conflict', 'A request to this person is already waiting for their answer');
  if (last?.status === 'declined' && last.answeredAt && now.getTime() - last.answeredAt.getTime() < DECLINE_COOLDOWN_DAYS * 86_400_000) {
    const retryAfter = Math.ceil((last.answeredAt.getTime() + DECLINE_COOLDOWN_DAYS * 86_400_000 - now.getTime()) / 1000);
    throw new AppError('rate_limited', `This person declined your last request; you can write again after ${DECLINE_COOLDOWN_DAYS} days`, {
      headers: { 'retry-after': String(retryAfter) },
    });
  }
  const id = deps.ids.id('talentContact');
  await inTransaction(deps, async (tx) => {
    const created = await insertContact(tx.db, {
      id,
      orgId: org.id,
      senderId: opts.actor.accountId,
      accountId: opts.accountId,
      subject: input.subject,
      body: input.body,
      status: 'pending',
      reply: null,
      shareEmail: false,
      createdAt: now,
      answeredAt: null,
    });
    if (!created) throw new AppError('conflict', 'A request to this person is already waiting for their answer');
    await recordAudit(tx, {
      action: 'talent.contact_sent',
      orgId: org.id,
      actorId: opts.actor.accountId,
      target: opts.accountId,
      detail: { contact: id, subject: input.subject },
      ip: opts.actor.ip,
    });
  });
  await notify(deps, {
    accountId: opts.accountId,
    title: `${org.name} would like to get in touch`,
    body: `${org.name} found you through employer search and sent you a message: “${input.subject}”. Accept to share your email or reply, or decline.`,
    link: '/app/me/contact-requests',
  });
  const [row] = await listOrgContacts(deps.db, { orgId: org.id, accountId: opts.accountId, limit: 1 });
  if (!row) throw new AppError('internal', 'The request was not saved');
  return presentOrgContact({ ...row, displayName: displayNameOf(person.profile, person.accountName) });
}
