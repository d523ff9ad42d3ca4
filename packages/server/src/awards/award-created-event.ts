import type { AuditEventInput } from '../audit/index.js';
import type { AwardRow } from './store.js';

/** The `award.created` audit event of a new award (one shape for single and batch issuance). */
export function awardCreatedEvent(
  award: AwardRow,
  opts: { actorId: string | null; ip?: string | null; detail?: Record<string, unknown> },
): AuditEventInput {
  return {
    action: 'award.created',
    orgId: award.orgId,
    actorId: opts.actorId,
    target: award.id,
    detail: {
      source: award.source,
      sourceRef: award.sourceRef,
      achievementId: award.achievementId,
      versionId: award.versionId,
      recipient: award.recipientAccountId ? { accountId: award.recipientAccountId } : { email: award.recipientEmail },
      ...opts.detail,
    },
    ip: opts.ip ?? null,
  };
}
