/** API types for the web UI, inferred from the shared zod contracts (one schema per boundary). */
import type {
  AuditPage as AuditPageSchema,
  InvitationPreview as InvitationPreviewSchema,
  MembershipSummary as MembershipSummarySchema,
  OrgWithRole as OrgWithRoleSchema,
} from '@tessera/shared';

export type {
  Account,
  AuditEvent,
  Invitation,
  Member,
  Org,
  OutboxMessage,
  Problem,
  Role,
  Session,
  SigningKey,
} from '@tessera/shared';

/** The output type of a zod schema, without importing zod into the web package. */
type Output<S extends { _zod: { output: unknown } }> = S['_zod']['output'];

/** An organisation with the caller's role in it. */
export type OrgWithRole = Output<typeof OrgWithRoleSchema>;
/** What an invitee sees before accepting. */
export type InvitationPreview = Output<typeof InvitationPreviewSchema>;
/** A page of audit events. */
export type AuditPage = Output<typeof AuditPageSchema>;
/** A membership in the session. */
export type MembershipSummary = Output<typeof MembershipSummarySchema>;
