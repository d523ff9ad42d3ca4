import type { LearnerContact, TalentContact } from '@tessera/shared';
import type { TalentContactRow } from './store.js';

/** The name employers see: the learner's chosen display name, else their account name. */
export function displayNameOf(profile: { displayName: string } | null, accountName: string): string {
  return profile?.displayName.trim() || accountName;
}

/** A contact request as the sending organisation sees it: the email only once the learner accepted and shared it. */
export function presentOrgContact(r: {
  contact: TalentContactRow;
  accountName: string;
  email: string;
  displayName: string | null;
}): TalentContact {
  const c = r.contact;
  return {
    id: c.id,
    learner: { id: c.accountId, displayName: r.displayName?.trim() || r.accountName },
    subject: c.subject,
    body: c.body,
    status: c.status,
    reply: c.status === 'accepted' ? c.reply : null,
    email: c.status === 'accepted' && c.shareEmail ? r.email : null,
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
