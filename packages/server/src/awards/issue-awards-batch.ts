import type { Deps } from '../context.js';
import type { AwardSigners, StatusIndexSource } from '../credentials/issue-credential.js';
import { recordAudit } from '../audit/record-audit.js';
import { issueAwardCredential, signAward as signAwardCredentialRow, validUntilOf } from '../credentials/issue-credential.js';
import { insertCredentialRows } from '../credentials/store.js';
import { inTransaction } from '../db/tx.js';
import type { AwardSource } from './issue-award.js';
import { mailClaimLink } from './send-claim-mail.js';
import { findAwardByKey, insertAwardRows } from './store.js';
import type { AwardRow, NewAward } from './store.js';
import { awardableVersion, detailProblems, resolveRecipient } from './validate-award.js';
import type { AwardRecipient, AwardResult } from './validate-award.js';

/**
 * Status indexes taken ahead, outside any transaction, and handed out inside one. Reserving a range is a short
 * statement of its own (the list's row lock is held only for it); on PGlite, whose one connection a transaction
 * holds, that statement cannot run inside a batch's transaction, so the batch fills the buffer first. Indexes
 * left unused (an award that already existed) stay in the buffer for the next item; none is handed out twice.
 */
export class StatusIndexBuffer implements StatusIndexSource {
  private readonly queues = { revocation: [] as Array<{ listId: string; index: number }>, suspension: [] as Array<{ listId: string; index: number }> };
  constructor(private readonly source: StatusIndexSource) {}

  /** Make sure `count` indexes of `purpose` are ready (takes from the source outside any transaction). */
  async fill(purpose: 'revocation' | 'suspension', count: number): Promise<void> {
    const q = this.queues[purpose];
    while (q.length < count) q.push(await this.source.take(purpose));
  }

  /** The next ready index (from the source when none is ready). */
  async take(purpose: 'revocation' | 'suspension'): Promise<{ listId: string; index: number }> {
    return this.queues[purpose].shift() ?? this.source.take(purpose);
  }
}

/** One award of a batch (the achievement, source and signers are the batch's). */
export interface BatchAwardItem {
  idempotencyKey: string;
  sourceRef: string;
  recipient: AwardRecipient;
  issuedOn: Date | null;
  narrative: string | null;
  evidenceUrl: string | null;
  results: AwardResult[];
}

/** What became of one item: its award (new, or the one its key already held), or why it failed. */
export type BatchAwardResult = { kind: 'ok'; award: AwardRow; credentialId: string | null; created: boolean } | { kind: 'failed'; message: string };

/** Options for a batch of awards of one achievement version. */
export interface IssueAwardsBatchOptions {
  orgId: string;
  achievementId: string;
  versionId: string;
  source: AwardSource;
  createdBy: string | null;
  claimMail: 'send' | 'skip';
  signers: AwardSigners;
  /** Filled before each item, so no reservation runs inside an item's transaction. */
  statusIndexes: StatusIndexBuffer;
  items: BatchAwardItem[];
}

/** An error for one item, from the awards rules. */
function failed(errors: Array<{ path: string; message: string }>): BatchAwardResult {
  return { kind: 'failed', message: errors.map((e) => `${e.path}: ${e.message}`).join('; ') };
}

/**
 * Issue a batch of awards of one achievement version, each exactly once by its idempotency key, in ONE
 * transaction: the awards go in with one multi-row INSERT … ON CONFLICT DO NOTHING, the credentials of the new
 * ones are signed with the job's signers (unsealed once) and status indexes taken ahead (no status-list lock in
 * the transaction), and go in with one multi-row INSERT. A key that already held an award returns that award
 * (with its credential, signed now if it had none). An item refused by the awards rules fails alone with its
 * reason; an unexpected error (the database) rolls the batch back so the job can retry it. Audited per award
 * and per credential, as single issuance is.
 */
export async function issueAwardsBatch(deps: Deps, opts: IssueAwardsBatchOptions): Promise<BatchAwardResult[]> {
  const now = deps.clock.now();
  const target = await awardableVersion(deps, { orgId: opts.orgId, achievementId: opts.achievementId, versionId: opts.versionId });
  if (!target) return opts.items.map(() => failed([{ path: 'achievementId', message: 'Not a published achievement of this organisation' }]));
  const results: Array<BatchAwardResult | null> = [];
  const rows: NewAward[] = [];
  const rowOfItem = new Map<number, NewAward>();
  for (const [i, item] of opts.items.entries()) {
    const recipient = await resolveRecipient(deps, opts.orgId, item.recipient, 'recipient');
    if (!recipient.ok) {
      results.push(failed([recipient.error]));
      continue;
    }
    const problems = detailProblems(target.content, item, now);
    if (problems.length) {
      results.push(failed(problems));
      continue;
    }
    results.push(null);
    const row: NewAward = {
      id: deps.ids.id('award'),
      orgId: opts.orgId,
      achievementId: target.achievement.id,
      versionId: target.version.id,
      recipientAccountId: recipient.accountId,
      recipientEmail: recipient.email,
      recipientName: recipient.name,
      source: opts.source,
      sourceRef: item.sourceRef,
      results: item.results,
      narrative: item.narrative,
      evidenceUrl: item.evidenceUrl,
      issuedOn: item.issuedOn,
      idempotencyKey: item.idempotencyKey,
      createdBy: opts.createdBy,
      createdAt: now,
    };
    rows.push(row);
    rowOfItem.set(i, row);
  }
  // Outside the transaction: enough indexes for every credential this batch may sign.
  await opts.statusIndexes.fill('revocation', rows.length);
  if (opts.signers.org.suspensionEnabled) await opts.statusIndexes.fill('suspension', rows.length);
  return inTransaction(deps, async (tx) => {
    const inserted = new Set(await insertAwardRows(tx.db, rows));
    const credentialRows = [];
    const out: BatchAwardResult[] = [];
    for (const [i, item] of opts.items.entries()) {
      const done = results[i];
      const row = rowOfItem.get(i);
      if (done || !row) {
        out.push(done ?? failed([{ path: 'recipient', message: 'Not issued' }]));
        continue;
      }
      if (!inserted.has(item.idempotencyKey)) {
        const existing = await findAwardByKey(tx.db, opts.orgId, item.idempotencyKey);
        if (!existing) throw new Error(`award ${item.idempotencyKey} vanished`);
        if (existing.achievementId !== row.achievementId || existing.recipientAccountId !== row.recipientAccountId || existing.recipientEmail !== row.recipientEmail) {
          out.push({ kind: 'failed', message: 'This idempotency key was already used for another award' });
          continue;
        }
        const cred = await issueAwardCredential(tx, { awardId: existing.id, signers: opts.signers, statusIndexes: opts.statusIndexes, actorId: opts.createdBy });
        out.push({ kind: 'ok', award: existing, credentialId: cred.credentialId, created: false });
        continue;
      }
      const award = row as AwardRow;
      await recordAudit(tx, {
        action: 'award.created',
        orgId: opts.orgId,
        actorId: opts.createdBy,
        target: award.id,
        detail: { source: award.source, sourceRef: award.sourceRef, achievementId: award.achievementId, versionId: award.versionId, recipient: award.recipientAccountId ? { accountId: award.recipientAccountId } : { email: award.recipientEmail } },
      });
      if (award.recipientEmail && opts.claimMail === 'send') await mailClaimLink(tx, award);
      const validUntil = validUntilOf(target.content, award.issuedOn && award.issuedOn < now ? award.issuedOn : now);
      const signed = await signAwardCredentialRow(tx, { award, showName: false, validUntil, signers: opts.signers, statusIndexes: opts.statusIndexes });
      credentialRows.push(signed.row);
      await recordAudit(tx, {
        action: 'credential.issued',
        orgId: opts.orgId,
        actorId: opts.createdBy,
        target: signed.row.id,
        detail: { awardId: award.id, source: award.source, achievementId: award.achievementId, version: signed.version, ...(signed.omitted.length ? { omittedInvalidUrls: signed.omitted } : {}) },
      });
      out.push({ kind: 'ok', award, credentialId: signed.row.id, created: true });
    }
    const written = await insertCredentialRows(tx.db, credentialRows);
    // The awards were inserted by this transaction, so nothing else can have signed them: every row goes in.
    if (written.length !== credentialRows.length) throw new Error('a credential of a new award appeared concurrently');
    return out;
  });
}
