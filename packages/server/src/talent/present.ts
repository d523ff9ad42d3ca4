import type { LearnerContact, TalentContact } from '@tessera/shared';
import type { TalentContactRow } from './store.js';

/** The name employers see: the learner's chosen display name, else their account name. */
export function displayNameOf(profile: { displayName: string } | null, accountName: string): string {
  return profile?.displayName.trim() || accountName;
}

/** The name an organisation sees for a contact whose learner has since opted out of employer search. */
export const WITHDRAWN_NAME = 'Left employer search';

/**
 * A contact request as the sending organisation sees it: the email only once the learner accepted and shared it. When
 * the learner has since opted out, the organisation keeps the record that it wrote (its own subject and message, the
 * status and dates) but no longer sees who answered: their name, reply and email are withheld until they opt in again.
 */
export function presentOrgContact(r: {
  contact: TalentContactRow;
  accountName: string;
  email: string;
  displayName: string | null;
  discoverable: boolean | null;
}): TalentContact {
  const c = r.contact;
  const withdrawn = r.discoverable !== true;
  return {
    id: c.id,
    learner: { id: c.accountId, displayName: withdrawn ? WITHDRAWN_NAME : r.displayName?.trim() || r.accountName, withdrawn },
    subject: c.subject,
    body: c.body,
    status: c.status,
    reply: c.status === 'accepted' && !withdrawn ? c.reply : null,
    email: c.status === 'accepted' && c.shareEmail && !withdrawn ? r.email : null,
    createdAt: c.createdAt.toISOString(),
    answeredAt: c.answeredAt?.toISOString() ?? null,
  };
}

/** A contact request as the learner sees it. */
export function presentLearnerContact(r: { contact: TalentContactRow; orgName: string }): LearnerContact {
  const c = r.contact;
  return {
    id: c.id,
    org: { name: r.orgName },
    subject: c.subject,
    body: c.body,
    status: c.status,
    reply: c.reply,
    shareEmail: c.shareEmail,
    createdAt: c.createdAt.toISOString(),
    answeredAt: c.answeredAt?.toISOString() ?? null,
  };
}
