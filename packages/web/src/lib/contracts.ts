/** Response contracts the web UI parses with, beyond the single objects exported by @tessera/shared: lists and bodies-ignored answers. */
import { AdminIssuer, CredentialSummary, FailedJob, Invitation, Member, Notification, OutboxMessage, SigningKey } from '@tessera/shared';
import { z } from 'zod';

/** An answer whose body the caller does not use (204, or a body we ignore). */
export const Ignored = z.unknown();
/** Members of an organisation. */
export const MemberList = z.array(Member);
/** Open invitations of an organisation. */
export const InvitationList = z.array(Invitation);
/** Signing keys of an organisation. */
export const SigningKeyList = z.array(SigningKey);
/** Failed background jobs of an organisation. */
export const FailedJobList = z.array(FailedJob);
/** Credentials an organisation issued. */
export const CredentialSummaryList = z.array(CredentialSummary);
/** Issuers as the platform admin sees them. */
export const AdminIssuerList = z.array(AdminIssuer);
/** The development outbox. */
export const OutboxMessageList = z.array(OutboxMessage);
/** My notifications. */
export const NotificationList = z.array(Notification);
