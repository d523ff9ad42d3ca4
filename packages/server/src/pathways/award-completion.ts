import { findAccountById } from '../accounts/index.js';
import { findAchievement, findVersion } from '../achievements/index.js';
import { recordAudit } from '../audit/index.js';
import { findAwardByKey, insertAwardRows, issueAwardCredential } from '../awards/index.js';
import type { Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { insertCompletion } from './store.js';

/** The award key of a pathway completion (no `groupId`) or milestone: one per pathway, learner (and group). */
export function pathwayAwardKey(pathwayId: string, learnerId: string, groupId?: string): string {
  return groupId ? `pathway:${pathwayId}:${groupId}:${learnerId}` : `pathway:${pathwayId}:${learnerId}`;
}

/** What awarding a completion or milestone did. */
export interface PathwayAwardResult {
  created: boolean;
  awardId: string;
  credentialId: string;
}

/**
 * Award a pathway completion or milestone through the awards model, exactly once: the award row goes in with
 * ON CONFLICT DO NOTHING on the (organisation, key) unique index and is read back, so concurrent evaluators
 * (another worker, a retry, the publish run) all end on the same award; its credential is signed at most once
 * (issueAwardCredential locks the award row). The completion row records the parts, unique the same way.
 * Returns null when the achievement can no longer be awarded (not published). One transaction; audited.
 */
export async function awardPathwayCompletion(
  deps: Deps,
  opts: {
    orgId: string;
    pathwayId: string;
    versionId: string;
    achievementId: string;
    learnerId: string;
    /** Null for the completion; the group id for a milestone. */
    groupId: string | null;
    parts: Array<{ stepId: string; kind: 'credential' | 'imported'; id: string }>;
  },
): Promise<PathwayAwardResult | null> {
  return inTransaction(deps, async (tx) => {
    const achievement = await findAchievement(tx.db, opts.orgId, opts.achievementId);
    const version =
      achievement?.status === 'published' && achievement.latestVersionId
        ? await findVersion(tx.db, achievement.latestVersionId)
        : undefined;
    const learner = await findAccountById(tx.db, opts.learnerId);
    if (!version || !learner) {
      tx.log.warn(
        { pathwayId: opts.pathwayId, achievementId: opts.achievementId },
        'a pathway award cannot be made: the achievement is not published',
      );
      return null;
    }
    const key = pathwayAwardKey(opts.pathwayId, opts.learnerId, opts.groupId ?? undefined);
    const now = tx.clock.now();
    const inserted = await insertAwardRows(tx.db, [
      {
        id: tx.ids.id('award'),
        orgId: opts.orgId,
        achievementId: opts.achievementId,
        versionId: version.id,
        recipientAccountId: learner.id,
        recipientEmail: null,
        recipientName: learner.name,
        source: 'pathway',
        sourceRef: opts.groupId ? `${opts.pathwayId}#${opts.groupId}` : opts.pathwayId,
        results: [],
        narrative: null,
        evidenceUrl: null,
        issuedOn: null,
        idempotencyKey: key,
        createdBy: null,
        createdAt: now,
      },
    ]);
    const award = await findAwardByKey(tx.db, opts.orgId, key);
    if (!award) throw new Error(`award ${key} vanished`);
    const created = inserted.length > 0;
    if (created) {
      await recordAudit(tx, {
        action: 'award.created',
        orgId: opts.orgId,
        actorId: null,
        target: award.id,
        detail: {
          source: 'pathway',
          sourceRef: award.sourceRef,
          achievementId: award.achievementId,
          versionId: award.versionId,
          recipient: { accountId: learner.id },
        },
      });
      await recordAudit(tx, {
        action: 'pathway.completed',
        orgId: opts.orgId,
        actorId: null,
        target: opts.pathwayId,
        detail: {
          learnerId: learner.id,
          versionId: opts.versionId,
          awardId: award.id,
          ...(opts.groupId ? { milestone: opts.groupId } : {}),
          parts: opts.parts,
        },
      });
    }
    await insertCompletion(tx.db, {
      id: tx.ids.id('completion'),
      orgId: opts.orgId,
      pathwayId: opts.pathwayId,
      versionId: opts.versionId,
      learnerId: learner.id,
      groupId: opts.groupId ?? '',
      awardId: award.id,
      parts: opts.parts,
      createdAt: now,
    });
    const issued = await issueAwardCredential(tx, { awardId: award.id, actorId: null });
    return { created, awardId: award.id, credentialId: issued.credentialId };
  });
}
