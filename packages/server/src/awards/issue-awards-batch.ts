import type { Deps } from '../context.js';
import type { Db } from '../db/client.js';
import type { AwardSigners, StatusIndexSource } from '../credentials/index.js';
import { recordAuditEvents } from '../audit/index.js';
import type { AuditEventInput } from '../audit/index.js';
import { issueAwardCredential, prepareAwardCredential, validUntilOf } from '../credentials/index.js';
import { signForStorage } from '../credentials/index.js';
import type { SignedJson } from '../credentials/index.js';
import { insertCredentialAchievements } from '../credentials/index.js';
import type { SignPool } from '../credentials/index.js';
import type { SignTask } from '../credentials/index.js';
import { insertSignedCredentialRows } from '../credentials/index.js';
import type { SignedCredentialRow } from '../credentials/index.js';
import { schedulePathwayEvaluation } from '../pathways/index.js';
import { inTransaction } from '../db/tx.js';
import type { AwardSource } from './issue-award.js';
import { mailClaimLink } from './send-claim-mail.js';
import { existingAwardKeys, findAwardByKey, insertAwardRows } from './store.js';
import type { AwardRow, NewAward } from './store.js';
import { awardableVersion, detailProblems, resolveRecipient } from './validate-award.js';
import type { AwardRecipient, AwardResult } from './validate-award.js';
import { awardCreatedEvent } from './award-created-event.js';

/**
 * Status indexes taken ahead, outside any transaction, and handed out inside one. Reserving a range is a short
 * statement of its own (the list's row lock is held only for it); on PGlite, whose one connection a transaction
 * holds, that statement cannot run inside a batch's transaction, so the batch fills the buffer first. Indexes
 * left unused (an award that already existed) stay in the buffer for the next item; none is handed out twice.
 */
export class StatusIndexBuffer implements StatusIndexSource {
  private readonly queues = {
    revocation: [] as Array<{ listId: string; index: number }>,
    suspension: [] as Array<{ listId: string; index: number }>,
  };
  constructor(private readonly source: StatusIndexSource) {}

  /** Make sure `count` indexes of `purpose` are ready (takes from the source outside any transaction). */
  async fill(purpose: 'revocation' | 'suspension', count: number): Promise<void> {
    const q = this.queues[purpose];
    while (q.length < count) q.push(await this.source.take(purpose));
  }

  /** The next ready index (from the source when none is ready). */
  async take(purpose: 'revocation' | 'suspension', tx?: Db): Promise<{ listId: string; index: number }> {
    return this.queues[purpose].shift() ?? this.source.take(purpose, tx);
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
export type BatchAwardResult =
  { kind: 'ok'; award: AwardRow; credentialId: string | null; created: boolean } | { kind: 'failed'; message: string };

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
  /** Signing threads and the job's key (otherwise credentials are signed on this thread). */
  signPool?: { pool: SignPool; key: SignTask['key'] };
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
 * and per credential, as single issuance is (one multi-row INSERT of audit events per batch).
 */
export async function issueAwardsBatch(deps: Deps, opts: IssueAwardsBatchOptions): Promise<BatchAwardResult[]> {
  return commitAwardsBatch(deps, await stageAwardsBatch(deps, opts));
}

/** A batch checked, its status indexes taken and its credentials prepared and being signed; not yet written. */
export interface StagedAwardsBatch {
  opts: IssueAwardsBatchOptions;
  results: Array<BatchAwardResult | null>;
  rowOfItem: Map<number, NewAward>;
  rows: NewAward[];
  signing: Promise<{
    byItem: Map<number, { prep: Awaited<ReturnType<typeof prepareAwardCredential>> | undefined; forms: SignedJson | undefined }>;
    /** The achievements the signed documents embed, stored once (credential_achievements). */
    achievements: Array<{ id: string; json: string }>;
  }>;
}

/**
 * Stage a batch outside any transaction: check each item, take status indexes, prepare the credentials of the
 * awards not there yet and start signing them (on the job's signing threads when it has them). A bulk job
 * stages the next batch while the previous one is written, so signing runs beside the database.
 */
export async function stageAwardsBatch(deps: Deps, opts: IssueAwardsBatchOptions): Promise<StagedAwardsBatch> {
  const now = deps.clock.now();
  const target = await awardableVersion(deps, { orgId: opts.orgId, achievementId: opts.achievementId, versionId: opts.versionId });
  if (!target)
    return {
      opts,
      results: opts.items.map(() => failed([{ path: 'achievementId', message: 'Not a published achievement of this organisation' }])),
      rowOfItem: new Map(),
      rows: [],
      signing: Promise.resolve({ byItem: new Map(), achievements: [] }),
    };
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
  // Outside the transaction: enough indexes for every credential this batch may sign, and the credentials of the
  // awards that are not there yet built and signed (on the signing threads when the job has them). A key that
  // turns out to be taken (a resumed batch) discards its credential; its status index is left unused.
  const known = await existingAwardKeys(
    deps.db,
    opts.orgId,
    rows.map((r) => r.idempotencyKey),
  );
  await opts.statusIndexes.fill('revocation', rows.length);
  if (opts.signers.org.suspensionEnabled) await opts.statusIndexes.fill('suspension', rows.length);
  const fresh = [...rowOfItem].filter(([, row]) => !known.has(row.idempotencyKey));
  const preps: Array<Awaited<ReturnType<typeof prepareAwardCredential>>> = [];
  for (const [, row] of fresh) {
    const validUntil = validUntilOf(target.content, row.issuedOn && row.issuedOn < now ? row.issuedOn : now);
    preps.push(
      await prepareAwardCredential(deps, {
        award: row as AwardRow,
        showName: false,
        validUntil,
        signers: opts.signers,
        statusIndexes: opts.statusIndexes,
      }),
    );
  }
  const signing = (
    opts.signPool
      ? opts.signPool.pool.sign(
          preps.map((p) => p.prepared),
          opts.signPool.key,
        )
      : signForStorage(
          preps.map((p) => p.prepared),
          opts.signers.ed25519,
        )
  ).then((signed) => ({
    byItem: new Map(fresh.map(([i], k) => [i, { prep: preps[k], forms: signed.items[k] }])),
    achievements: signed.achievements,
  }));
  // A staged batch that is dropped (the run was paused) must not leave an unhandled rejection behind.
  signing.catch(() => undefined);
  return { opts, results, rowOfItem, rows, signing };
}

/**
 * Write a staged batch in ONE transaction, once its credentials are signed: the awards go in with one multi-row
 * INSERT … ON CONFLICT DO NOTHING, the credentials of the new ones with another, the audit events with a third.
 * A key that already held an award returns that award (with its credential, signed now if it had none).
 */
export async function commitAwardsBatch(deps: Deps, batch: StagedAwardsBatch): Promise<BatchAwardResult[]> {
  const { opts, results, rowOfItem, rows } = batch;
  const { byItem: signedOf, achievements } = await batch.signing;
  if (!rows.length) return results.map((r) => r ?? failed([{ path: 'recipient', message: 'Not issued' }]));
  return inTransaction(deps, async (tx) => {
    const inserted = new Set(await insertAwardRows(tx.db, rows));
    const credentialRows: SignedCredentialRow[] = [];
    const audits: AuditEventInput[] = [];
    const out: BatchAwardResult[] = [];
    for (const [i, item] of opts.items.entries()) {
      const done = results[i];
      const row = rowOfItem.get(i);
      if (done || !row) {
        out.push(done ?? failed([{ path: 'recipient', message: 'Not issued' }]));
        continue;
      }
      const signed = signedOf.get(i);
      if (!inserted.has(item.idempotencyKey) || !signed?.prep || !signed.forms) {
        const existing = await findAwardByKey(tx.db, opts.orgId, item.idempotencyKey);
        if (!existing) throw new Error(`award ${item.idempotencyKey} vanished`);
        if (
          existing.achievementId !== row.achievementId ||
          existing.recipientAccountId !== row.recipientAccountId ||
          existing.recipientEmail !== row.recipientEmail
        ) {
          out.push({ kind: 'failed', message: 'This idempotency key was already used for another award' });
          continue;
        }
        const cred = await issueAwardCredential(tx, {
          awardId: existing.id,
          signers: opts.signers,
          statusIndexes: opts.statusIndexes,
          actorId: opts.createdBy,
        });
        out.push({ kind: 'ok', award: existing, credentialId: cred.credentialId, created: false });
        continue;
      }
      const award = row as AwardRow;
      audits.push(awardCreatedEvent(award, { actorId: opts.createdBy }));
      if (award.recipientEmail && opts.claimMail === 'send') await mailClaimLink(tx, award);
      const credential: SignedCredentialRow = {
        ...signed.prep.row,
        documentJson: signed.forms.documentJson,
        achievementRef: signed.forms.achievementRef,
      };
      credentialRows.push(credential);
      audits.push({
        action: 'credential.issued',
        orgId: opts.orgId,
        actorId: opts.createdBy,
        target: credential.id,
        detail: {
          awardId: award.id,
          source: award.source,
          achievementId: award.achievementId,
          version: signed.prep.version,
          ...(signed.prep.omitted.length ? { omittedInvalidUrls: signed.prep.omitted } : {}),
        },
      });
      out.push({ kind: 'ok', award, credentialId: credential.id, created: true });
    }
    if (credentialRows.length) await insertCredentialAchievements(tx.db, opts.orgId, achievements);
    const written = await insertSignedCredentialRows(tx.db, credentialRows);
    // The awards were inserted by this transaction, so nothing else can have signed them: every row goes in.
    if (written.length !== credentialRows.length) throw new Error('a credential of a new award appeared concurrently');
    for (const r of credentialRows) if (r.learnerId) await schedulePathwayEvaluation(tx, { learnerId: r.learnerId, reason: r.id });
    await recordAuditEvents(tx, audits);
    return out;
  });
}
