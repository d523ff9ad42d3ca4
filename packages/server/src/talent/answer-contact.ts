import type { LearnerContact } from '@tessera/shared';
import { ContactAnswerInput } from '@tessera/shared';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { notify } from '../notifications/index.js';
import { displayNameOf, presentLearnerContact } from './present.js';
import { answerContact as answerRow, findLearnerContact, findTalentProfile, listLearnerContacts } from './store.js';

/**
 * The learner accepts (sharing their email and/or a reply with the organisation) or declines a pending request. Only the
 * addressee may answer (anyone else gets 404); an answered request is final (409). Recorded in the sender's audit log.
 */
export async function answerContact(
  deps: Deps,
  opts: { actor: Actor; id: string; input: z.input<typeof ContactAnswerInput> },
): Promise<LearnerContact> {
  const input = ContactAnswerInput.parse(opts.input);
  const existing = await findLearnerContact(deps.db, opts.actor.accountId, opts.id);
  if (!existing) throw new AppError('not_found', 'No such contact request');
  if (existing.status !== 'pending') throw new AppError('conflict', 'This request was already answered');
  await inTransaction(deps, async (tx) => {
    const row = await answerRow(tx.db, {
      accountId: opts.actor.accountId,
      id: opts.id,
      status: input.accept ? 'accepted' : 'declined',
      reply: input.accept && input.reply ? input.reply : null,
      shareEmail: input.accept && input.shareEmail,
      now: deps.clock.now(),
    });
    if (!row) throw new AppError('conflict', 'This request was already answered');
    await recordAudit(tx, {
      action: 'talent.contact_answered',
      orgId: row.orgId,
      actorId: opts.actor.accountId,
      target: row.id,
      detail: { accepted: input.accept, sharedEmail: row.shareEmail },
      ip: opts.actor.ip,
    });
  });
  const answered = (await listLearnerContacts(deps.db, opts.actor.accountId, 200)).find((r) => r.contact.id === opts.id);
  if (!answered) throw new AppError('internal', 'The answer was not saved');
  const sender = answered.contact.senderId;
  if (sender) {
    const me = await findTalentProfile(deps.db, opts.actor.accountId);
    const name = displayNameOf(me?.profile ?? null, me?.accountName ?? 'The person');
    await notify(deps, {
      accountId: sender,
      title: input.accept ? `${name} accepted your contact request` : `${name} declined your contact request`,
      body: input.accept
        ? `${name} accepted “${answered.contact.subject}”. Their answer is on their profile in talent search.`
        : `${name} declined “${answered.contact.subject}”.`,
      link: `/app/orgs/${answered.orgSlug}/talent/people/${opts.actor.accountId}`,
    });
  }
  return presentLearnerContact(answered);
}
