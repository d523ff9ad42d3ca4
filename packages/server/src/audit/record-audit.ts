import type { Deps } from '../context.js';
import { insertAuditEvent, insertAuditEvents } from './store.js';

/** The audit actions Tessera records. */
export const AUDIT_ACTIONS = [
  'account.signed_up',
  'account.signed_in',
  'account.sign_in_failed',
  'account.signed_out',
  'account.password_reset_requested',
  'account.password_reset',
  'account.password_changed',
  'org.created',
  'org.updated',
  'org.domain_claimed',
  'org.domain_verified',
  'org.domain_unverified',
  'achievement.duplicated',
  'job.retried',
  'member.invited',
  'member.invitation_revoked',
  'member.joined',
  'member.role_changed',
  'member.removed',
  'key.created',
  'key.rotated',
  'credential.issued',
  'credential.revoked',
  'credential.suspended',
  'credential.unsuspended',
  'credential.sharing_changed',
  'credential.jwt_signed',
  'clr.exported',
  'pathway.created',
  'pathway.updated',
  'pathway.published',
  'pathway.completed',
  'pathway.clr_exported',
  'pathway.version_moved',
  'award.created',
  'award.claimed',
  'award.claim_mail_sent',
  'award.settings_changed',
  'api_token.created',
  'api_token.revoked',
  'api_token.used',
  'bulk_award.uploaded',
  'bulk_award.started',
  'bulk_award.paused',
  'bulk_award.resumed',
  'bulk_award.cancelled',
  'bulk_award.row_edited',
  'skill_framework.imported',
  'achievement.alignments_changed',
  'org_role.saved',
  'org_role.deleted',
  'skill_profile.visibility_changed',
  'talent.visibility_changed',
  'talent.searched',
  'talent.profile_viewed',
  'talent.contact_sent',
  'talent.contact_answered',
  'recognition.rule_saved',
  'recognition.rule_published',
  'recognition.rule_withdrawn',
  'recognition.record_sent',
  'endorsement.requested',
  'endorsement.offered',
  'endorsement.accepted',
  'endorsement.declined',
  'endorsement.revoked',
  'co_design.invited',
  'co_design.commented',
  'co_design.decided',
  'co_design.invitation_revoked',
] as const;

/** An audit action. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One audit event to record. */
export interface AuditEventInput {
  action: AuditAction;
  orgId?: string | null;
  actorId?: string | null;
  target?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Write one audit event (use inside the same transaction as the change it records). */
export async function recordAudit(deps: Pick<Deps, 'db' | 'clock' | 'ids'>, event: AuditEventInput): Promise<void> {
  await insertAuditEvent(deps.db, {
    id: deps.ids.id('audit'),
    orgId: event.orgId ?? null,
    actorId: event.actorId ?? null,
    action: event.action,
    target: event.target ?? null,
    detail: event.detail ?? {},
    ip: event.ip ?? null,
    at: deps.clock.now(),
  });
}

/** Write many audit events in one statement (a batch; use inside the same transaction as the changes). */
export async function recordAuditEvents(deps: Pick<Deps, 'db' | 'clock' | 'ids'>, events: AuditEventInput[]): Promise<void> {
  const at = deps.clock.now();
  await insertAuditEvents(
    deps.db,
    events.map((event) => ({
      id: deps.ids.id('audit'),
      orgId: event.orgId ?? null,
      actorId: event.actorId ?? null,
      action: event.action,
      target: event.target ?? null,
      detail: event.detail ?? {},
      ip: event.ip ?? null,
      at,
    })),
  );
}
