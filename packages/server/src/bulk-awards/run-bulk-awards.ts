import type { Deps } from '../context.js';
import { pingDatabase } from '../db/client.js';
import { inTransaction } from '../db/tx.js';
import type { JobContext } from '../jobs/index.js';
import { AppError } from '../shared/errors.js';
import { commitAwardsBatch, prepareAwardSigners, stageAwardsBatch, reserveStatusIndexes, StatusIndexBuffer } from '../awards/index.js';
import type { BatchAwardItem, BatchAwardResult, IssueAwardsBatchOptions, StagedAwardsBatch } from '../awards/index.js';
import { loadSigningKey, SignPool } from '../credentials/index.js';
import { awardableRubric, todayUtc } from './create-bulk-run.js';
import { countPendingRows, countRows, findRunById, nextPendingRows, recordOutcomes, refreshPlannerStatistics, updateRun } from './store.js';
import type { BulkRowRow, BulkRunRow, RowOutcome } from './store.js';
import { checkRow } from './validate-row.js';

/** Rows issued per batch (one transaction each on the fast path); the run can pause or cancel between batches. */
export const BULK_BATCH_SIZE = 250;

/** The idempotency key of a bulk award: one award of an achievement per email, whichever run or file it comes from. */
export function bulkAwardKey(achievementId: string, email: string): string {
  return `bulk:${achievementId}:${email}`;
}

/** The source reference of a bulk row: its run and row number. */
export function bulkSourceRef(runId: string, row: number): string {
  return `${runId}:${row}`;
}

/** What the job needs besides the run. */
export interface RunBulkAwardsOptions {
  runId: string;
  job: Pick<JobContext, 'id' | 'signal' | 'stillOwned'>;
  batchSize?: number;
  /** Called after each batch (the CLI's progress line). */
  onBatch?: (done: number) => void | Promise<void>;
  /** Sign on worker threads when at least this many rows are pending (default SIGN_POOL_MIN_ROWS); 0 always, Infinity never. */
  signPoolMinRows?: number;
  /** On PGlite, refresh the planner's statistics once this many rows are done, and again at ten times as many (default STATISTICS_AFTER_ROWS). */
  statisticsAfterRows?: number;
}

/**
 * Rows a job does before it refreshes the planner's statistics on PGlite (refreshPlannerStatistics), then again at
 * ten times as many. PostgreSQL's autovacuum does this there.
 */
export const STATISTICS_AFTER_ROWS = 2000;

/**
 * Batches staged (and being signed) ahead of the one being written, when signing on threads. Measured with
 * `tessera bench awards --rows 10000`: 2 (with 4 tasks per signing thread) is as fast as 3 (with 8) and peaks about
 * 100 MB lower.
 */
export const PIPELINE_DEPTH = 2;

/** Below this many pending rows, starting signing threads costs more than it saves. */
export const SIGN_POOL_MIN_ROWS = 1000;

/** Whether the run is still this job's to issue. */
function ours(run: BulkRunRow | undefined, jobId: string): run is BulkRunRow {
  return !!run && run.jobId === jobId && (run.state === 'queued' || run.state === 'running');
}

/**
 * The `award.bulk` job: issue a run's pending rows in batches through the awards slice, until none is left or the
 * owner pauses or cancels. Each row's award is exactly-once by its idempotency key (achievement + email), so a
 * batch repeated after a crash or a lost lease finds its awards and reports them as issued (same run and row) or
 * as duplicates (another run or source). A row that fails is recorded with its reason and never stops the others.
 * The signer is unsealed once and status indexes are reserved in ranges for the length of the job.
 */
export async function runBulkAwards(deps: Deps, opts: RunBulkAwardsOptions): Promise<void> {
  const started = await inTransaction(deps, async (tx) => {
    const run = await findRunById(tx.db, opts.runId, true);
    if (!ours(run, opts.job.id)) return null;
    const done = await countRows(tx.db, [run.id]);
    const c = done.get(run.id);
    const now = tx.clock.now();
    return updateRun(tx.db, run.id, {
      state: 'running',
      startedAt: run.startedAt ?? now,
      resumedAt: now,
      doneAtResume: c ? c.issued + c.skipped + c.failed : 0,
    });
  });
  if (!started) return;
  let rubric;
  try {
    rubric = await awardableRubric(deps, started.orgId, started.achievementId);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    // The micro-credential was retired or unpublished since the upload: nothing can be issued until it is back.
    await updateRun(deps.db, started.id, { state: 'paused', lastError: err.message, resumedAt: null });
    return;
  }
  const signers = await prepareAwardSigners(deps, { orgId: started.orgId });
  const statusIndexes = new StatusIndexBuffer(reserveStatusIndexes(deps, { orgId: started.orgId }));
  const batchSize = opts.batchSize ?? BULK_BATCH_SIZE;
  const pending = await countPendingRows(deps.db, started.id);
  const pool = pending >= (opts.signPoolMinRows ?? SIGN_POOL_MIN_ROWS) ? new SignPool() : null;
  try {
    const signPool = pool ? { pool, key: await loadSigningKey(deps, signers.org) } : undefined;
    await issueBatches(deps, opts, { signers, statusIndexes, batchSize, rubric, signPool });
  } finally {
    await pool?.close();
  }
}

/** The job's loop: issue batches of pending rows until none is left or the run stops being this job's. */
async function issueBatches(
  deps: Deps,
  opts: RunBulkAwardsOptions,
  job: {
    signers: IssueAwardsBatchOptions['signers'];
    statusIndexes: StatusIndexBuffer;
    batchSize: number;
    rubric: Awaited<ReturnType<typeof awardableRubric>>;
    signPool: IssueAwardsBatchOptions['signPool'];
  },
): Promise<void> {
  const { signers, statusIndexes, batchSize, rubric } = job;
  /** Read the next pending rows after `after`, check them, and stage their awards (signing starts). */
  const stage = async (run: BulkRunRow, after: number): Promise<Staged | null> => {
    const rows = await nextPendingRows(deps.db, run.id, batchSize, after);
    if (rows.length === 0) return null;
    const today = todayUtc(deps.clock.now());
    const outcomes: RowOutcome[] = [];
    const items: Array<{ row: BulkRowRow; item: BatchAwardItem }> = [];
    for (const row of rows) {
      const checked = checkRow(
        {
          email: row.email,
          name: row.name,
          issuedOn: row.issuedOn,
          narrative: row.narrative,
          evidenceUrl: row.evidenceUrl,
          levels: row.levels,
        },
        { criteria: rubric.criteria, today, duplicateOf: null },
      );
      const duplicate = row.problems.find((p) => p.column === 'email' && p.message.startsWith('Same email as row'));
      if (duplicate) outcomes.push({ row: row.row, outcome: 'skipped', awardId: null, credentialId: null, message: duplicate.message });
      else if (row.hasProblems || checked.problems.length) {
        const problems = row.hasProblems ? row.problems : checked.problems;
        outcomes.push({
          row: row.row,
          outcome: 'failed',
          awardId: null,
          credentialId: null,
          message: problems.map((p) => `${p.column}: ${p.message}`).join('; '),
        });
      } else {
        items.push({
          row,
          item: {
            idempotencyKey: bulkAwardKey(run.achievementId, checked.email),
            sourceRef: bulkSourceRef(run.id, row.row),
            recipient: { email: checked.email, name: checked.name },
            issuedOn: checked.issuedOn,
            narrative: checked.narrative,
            evidenceUrl: checked.evidenceUrl,
            results: checked.results,
          },
        });
      }
    }
    const batch = items.length
      ? await stageAwardsBatch(deps, {
          orgId: run.orgId,
          achievementId: run.achievementId,
          versionId: rubric.version.id,
          source: 'bulk',
          createdBy: run.createdBy,
          claimMail: run.sendClaimMail ? 'send' : 'skip',
          signers,
          statusIndexes,
          ...(job.signPool ? { signPool: job.signPool } : {}),
          items: items.map((i) => i.item),
        })
      : null;
    return { lastRow: rows[rows.length - 1]?.row ?? after, outcomes, items, batch };
  };
  let run = await findRunById(deps.db, opts.runId);
  if (!ours(run, opts.job.id)) return;
  // With signing threads, up to PIPELINE_DEPTH batches are read and staged ahead of the one being written: their
  // credentials are signed on the threads while earlier batches' transactions run, so neither side waits for the
  // other. A staged batch that is never written only leaves status indexes unused; its awards are exactly-once by
  // key either way. Without signing threads nothing is staged ahead: the next batch is read after this one is written.
  const lookahead = job.signPool ? PIPELINE_DEPTH : 0;
  /** Rows this job has done, and when it next refreshes the planner's statistics. */
  let done = 0;
  let statisticsAt = opts.statisticsAfterRows ?? STATISTICS_AFTER_ROWS;
  const ahead: Staged[] = [];
  let lastStaged = 0;
  let exhausted = false;
  /** Stage batches until `want` are waiting (or no pending row is left). */
  const refill = async (r: BulkRunRow, want: number) => {
    while (!exhausted && ahead.length < want) {
      const staged = await stage(r, lastStaged);
      if (!staged) exhausted = true;
      else {
        ahead.push(staged);
        lastStaged = staged.lastRow;
      }
    }
  };
  await refill(run, 1);
  for (;;) {
    // Let the event loop turn between batches: PGlite answers through promises that resolve at once, and staged
    // signatures are often ready, so without this the job chains microtasks for its whole length and starves every
    // timer and socket of the process — the job's own lease heartbeat (measured: a 100,000-row run lost its lease),
    // the signing pool's hand-over of queued tasks, and, in the server, HTTP requests.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (opts.job.signal.aborted) return;
    const current = ahead.shift();
    if (!current) {
      await finish(deps, run.id, opts.job.id);
      return;
    }
    if (!(await opts.job.stillOwned())) return;
    await refill(run, lookahead);
    const { outcomes, items, batch } = current;
    if (batch) {
      let results: BatchAwardResult[];
      try {
        results = await commitAwardsBatch(deps, batch);
      } catch (err) {
        // A database that went away fails the batch (the job retries it); anything else is this batch's rows.
        await pingDatabase(deps.db);
        throw err;
      }
      const runId = run.id;
      results.forEach((r, i) => {
        const row = items[i]?.row;
        if (!row) return;
        outcomes.push(outcomeOf(r, row.row, bulkSourceRef(runId, row.row)));
      });
    }
    if (!(await opts.job.stillOwned())) return;
    await recordOutcomes(deps.db, run.id, outcomes, deps.clock.now());
    done += outcomes.length;
    if (deps.dbKind === 'pglite' && done >= statisticsAt) {
      await refreshPlannerStatistics(deps.db);
      statisticsAt = done * 10;
    }
    await opts.onBatch?.(outcomes.length);
    if (opts.job.signal.aborted) return;
    const fresh = await findRunById(deps.db, opts.runId);
    if (!ours(fresh, opts.job.id)) return;
    run = fresh;
    await refill(run, 1);
  }
}

/** A batch read, checked and staged, waiting to be written. */
interface Staged {
  lastRow: number;
  outcomes: RowOutcome[];
  items: Array<{ row: BulkRowRow; item: BatchAwardItem }>;
  batch: StagedAwardsBatch | null;
}

/** A row's outcome from its award: ours (this run and row) is issued, anyone else's is a duplicate. */
function outcomeOf(r: BatchAwardResult, row: number, sourceRef: string): RowOutcome {
  if (r.kind === 'failed') return { row, outcome: 'failed', awardId: null, credentialId: null, message: r.message };
  if (r.created || r.award.sourceRef === sourceRef)
    return { row, outcome: 'issued', awardId: r.award.id, credentialId: r.credentialId, message: null };
  return {
    row,
    outcome: 'skipped',
    awardId: r.award.id,
    credentialId: r.credentialId,
    message: `Already awarded to this email (${r.award.source} award ${r.award.id})`,
  };
}

/** End the run when its last row is done (only the run's own job does). */
async function finish(deps: Deps, runId: string, jobId: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const run = await findRunById(tx.db, runId, true);
    if (!ours(run, jobId)) return;
    const now = tx.clock.now();
    const active = run.resumedAt ? now.getTime() - run.resumedAt.getTime() : 0;
    await updateRun(tx.db, run.id, {
      state: 'completed',
      finishedAt: now,
      activeMs: run.activeMs + Math.max(active, 0),
      resumedAt: null,
      jobId: null,
    });
  });
}
