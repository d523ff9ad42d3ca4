import { createHash } from 'node:crypto';
import { readContent } from '../achievements/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { findOrgById } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { enqueueSubmissionNotice } from '../notifications/index.js';
import { findVersion } from '../achievements/index.js';
import { loadOwnSubmission } from './load-own-submission.js';
import { insertAttempt, insertSlots, listEvidence, updateSubmission } from './store.js';

/** Whether a submission falls in the double-scored share (a stable draw from its id, so retries agree). */
export function drawDoubleScoring(submissionId: string, percent: number): boolean {
  const n = createHash('sha256').update(submissionId).digest().readUInt32BE(0) % 100;
  return n < percent;
}

/** Submit the evidence for assessment (first time or after a revision). */
export async function submitSubmission(deps: Deps, opts: { actor: Actor; submissionId: string }): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const s = await loadOwnSubmission(tx, { accountId: opts.actor.accountId, submissionId: opts.submissionId, lock: true });
    if (!['draft', 'needs_revision'].includes(s.state)) throw new AppError('conflict', 'This submission has already been submitted');
    const version = await findVersion(tx.db, s.versionId);
    const org = await findOrgById(tx.db, s.orgId);
    if (!version || !org) throw new AppError('not_found', 'No such micro-credential');
    const content = readContent(version.content);
    const evidence = await listEvidence(tx.db, s.id);
    const missing = content.evidenceRequirements.filter((r) => {
      if (!r.required) return false;
      const item = evidence.find((x) => x.e.requirementId === r.id)?.e;
      return !item || !(item.text?.trim() || item.url || item.fileId);
    });
    if (missing.length) {
      throw new AppError('validation_failed', 'Some required evidence is missing', {
        errors: missing.map((r) => ({ path: `evidence.${r.id}`, message: `Required: ${r.prompt.slice(0, 80)}` })),
      });
    }
    const attempt = s.attempt + 1;
    if (attempt > content.maxAttempts) throw new AppError('conflict', `This micro-credential allows ${content.maxAttempts} attempts`);
    const now = tx.clock.now();
    const doubleScored = s.attempt === 0 ? drawDoubleScoring(s.id, org.doubleScorePercent) : s.doubleScored;
    await insertAttempt(tx.db, {
      submissionId: s.id,
      number: attempt,
      evidence: evidence.map(({ e, f }) => ({
        requirementId: e.requirementId,
        kind: e.kind,
        text: e.text,
        url: e.url,
        file: f ? { id: f.id, name: f.name, sha256: f.sha256 } : null,
      })),
      submittedAt: now,
      outcome: 'pending',
    });
    await insertSlots(tx.db, s.id, attempt, doubleScored ? 2 : 1);
    await updateSubmission(tx.db, s.id, { state: 'submitted', attempt, doubleScored, submittedAt: now, updatedAt: now });
    await enqueueSubmissionNotice(tx, { submissionId: s.id, attempt, orgId: s.orgId });
  });
}
