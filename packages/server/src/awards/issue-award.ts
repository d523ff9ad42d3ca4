import type { Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { recordAudit } from '../audit/index.js';
import { issueAwardCredential } from '../credentials/index.js';
import type { AwardSigners, StatusIndexSource } from '../credentials/index.js';
import { AppError } from '../shared/errors.js';
import { awardCreatedEvent } from './award-created-event.js';
import { mailClaimLink } from './send-claim-mail.js';
import { findAwardByKey, insertAward } from './store.js';
import type { AwardRow } from './store.js';
import { awardableVersion, detailProblems, resolveRecipient } from './validate-award.js';
import type { AwardRecipient, AwardResult } from './validate-award.js';

/** Where an award came from. */
export type AwardSource = AwardRow['source'];

/** One award to make. */
export interface IssueAwardOptions {
  orgId: string;
  /** The latest published version is used (or `versionId`, which must be that version). */
  achievementId: string;
  versionId?: string;
  recipient: AwardRecipient;
  source: AwardSource;
  sourceRef?: string | null;
  /** Unique per organisation: the same key never makes a second award. */
  idempotencyKey: string;
  results?: AwardResult[];
  narrative?: string | null;
  evidenceUrl?: string | null;
  /** The award date (not after today); the credential is valid from it. */
  issuedOn?: Date | null;
  createdBy: string | null;
  ip?: string | null;
  /** Sign the credential now (default); false makes the award only. */
  sign?: boolean;
  /** Email an unclaimed recipient the claim link (default) when the award is new. */
  claimMail?: 'send' | 'skip';
  signers?: AwardSigners;
  statusIndexes?: StatusIndexSource;
  /** Audit detail added to `award.created` (e.g. the API token used). */
  auditDetail?: Record<string, unknown>;
}

/** What issuing one award did. */
export interface IssueAwardResult {
  award: AwardRow;
  credential: { id: string } | null;
  /** False when the idempotency key already held an award (nothing new was written). */
  created: boolean;
}

/**
 * Make one award and sign its credential, exactly once per (organisation, idempotency key): the award row is
 * inserted with ON CONFLICT DO NOTHING and read back, so repeats, retries and concurrent callers all get the
 * first award; its credential is signed at most once (see issueAwardCredential). The same key with another
 * achievement or recipient is a conflict. One transaction (a savepoint inside the caller's). Audited.
 */
export async function issueAward(deps: Deps, opts: IssueAwardOptions): Promise<IssueAwardResult> {
  const now = deps.clock.now();
  const target = await awardableVersion(deps, { orgId: opts.orgId, achievementId: opts.achievementId, versionId: opts.versionId });
  if (!target)
    throw new AppError('validation_failed', 'This achievement cannot be awarded', {
      errors: [{ path: 'achievementId', message: 'Not a published achievement of this organisation' }],
    });
  const recipient = await resolveRecipient(deps, opts.orgId, opts.recipient, 'recipient');
  if (!recipient.ok) throw new AppError('validation_failed', 'The recipient cannot receive this award', { errors: [recipient.error] });
  const problems = detailProblems(target.content, opts, now);
  if (problems.length) throw new AppError('validation_failed', 'Some award details are not valid', { errors: problems });

  return inTransaction(deps, async (tx) => {
    const id = tx.ids.id('award');
    const created = await insertAward(tx.db, {
      id,
      orgId: opts.orgId,
      achievementId: target.achievement.id,
      versionId: target.version.id,
      recipientAccountId: recipient.accountId,
      recipientEmail: recipient.email,
      recipientName: recipient.name,
      source: opts.source,
      sourceRef: opts.sourceRef ?? null,
      results: opts.results ?? [],
      narrative: opts.narrative ?? null,
      evidenceUrl: opts.evidenceUrl ?? null,
      issuedOn: opts.issuedOn ?? null,
      idempotencyKey: opts.idempotencyKey,
      createdBy: opts.createdBy,
      createdAt: now,
    });
    const award = await findAwardByKey(tx.db, opts.orgId, opts.idempotencyKey);
    if (!award) throw new Error(`award ${opts.idempotencyKey} vanished`);
    if (
      !created &&
      (award.achievementId !== target.achievement.id ||
        award.recipientAccountId !== recipient.accountId ||
        award.recipientEmail !== recipient.email)
    ) {
      throw new AppError('conflict', 'This idempotency key was already used for another award');
    }
    if (created) {
      await recordAudit(tx, awardCreatedEvent(award, { actorId: opts.createdBy, ip: opts.ip, detail: opts.auditDetail }));
      if (recipient.email && opts.claimMail !== 'skip') await mailClaimLink(tx, award);
    }
    if (opts.sign === false) return { award, credential: null, created };
    const issued = await issueAwardCredential(tx, {
      awardId: award.id,
      actorId: opts.createdBy,
      ip: opts.ip ?? null,
      ...(opts.signers ? { signers: opts.signers } : {}),
      ...(opts.statusIndexes ? { statusIndexes: opts.statusIndexes } : {}),
    });
    return { award, credential: { id: issued.credentialId }, created };
  });
}
