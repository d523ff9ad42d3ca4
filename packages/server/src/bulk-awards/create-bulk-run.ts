import { LIMITS } from '@tessera/shared';
import type { BulkRun } from '@tessera/shared';
import { readContent } from '../achievements/index.js';
import { recordAudit } from '../audit/index.js';
import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { BulkFileError, parseBulkCsv } from './parse-csv.js';
import { presentRun } from './present.js';
import { deleteRun, findAwardableAchievement, insertRows, insertRun, updateRun } from './store.js';
import type { BulkRowRow } from './store.js';
import { cellsOf, checkRow, emailKey, readHeader } from './validate-row.js';
import type { HeaderMap } from './validate-row.js';

/** Who acts on a bulk run: an account, or the CLI (no account). */
export interface BulkActor {
  accountId: string | null;
  ip: string | null;
}

/** Options for uploading a bulk-award CSV. */
export interface CreateBulkRunOptions {
  org: OrgRow;
  actor: BulkActor;
  achievementId: string;
  fileName: string;
  /** The CSV bytes, read as they arrive (the size limit is enforced while reading). */
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** Send claim emails to recipients without an account (default true). */
  sendClaimMail?: boolean;
  maxBytes?: number;
}

/** The achievement's published rubric, or a 400 when it cannot be awarded. */
export async function awardableRubric(deps: Deps, orgId: string, achievementId: string) {
  const found = await findAwardableAchievement(deps.db, orgId, achievementId);
  if (!found) throw new AppError('not_found', 'No such micro-credential in this organisation');
  if (!found.version || found.achievement.status !== 'published')
    throw new AppError('validation_failed', 'Only a published micro-credential can be awarded', {
      errors: [{ path: 'achievementId', message: 'Publish this micro-credential first' }],
    });
  const content = readContent(found.version.content);
  return { achievement: found.achievement, version: found.version, name: content.name, criteria: content.rubric.criteria };
}

/** Today's date (UTC) as YYYY-MM-DD. */
export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Upload a bulk-award CSV and dry-run it: the file is parsed as it streams in (size, encoding and header are
 * checked first), every row is checked against the rubric and the rules, and the rows are stored with their
 * problems as a draft run the owner can fix in the grid. Nothing is awarded until the run is started.
 */
export async function createBulkRun(deps: Deps, opts: CreateBulkRunOptions): Promise<BulkRun> {
  const { achievement, criteria } = await awardableRubric(deps, opts.org.id, opts.achievementId);
  const now = deps.clock.now();
  const today = todayUtc(now);
  const runId = deps.ids.id('bulkRun');
  await insertRun(deps.db, {
    id: runId,
    orgId: opts.org.id,
    achievementId: achievement.id,
    fileName: opts.fileName.slice(0, 200),
    state: 'draft',
    total: 0,
    createdBy: opts.actor.accountId,
    createdAt: now,
    sendClaimMail: opts.sendClaimMail ?? true,
  });
  let map: HeaderMap | null = null;
  const firstRowOf = new Map<string, number>();
  let batch: Array<Omit<BulkRowRow, 'outcome' | 'awardId' | 'credentialId' | 'message' | 'doneAt'>> = [];
  const flush = async () => {
    await insertRows(deps.db, batch);
    batch = [];
  };
  try {
    const parsed = await parseBulkCsv(opts.body, {
      maxBytes: opts.maxBytes ?? LIMITS.bulkCsvBytes,
      maxRows: LIMITS.bulkCsvRows,
      onHeader: (header) => {
        map = headerOrThrow(header);
      },
      onRecord: async (record) => {
        if (!map) throw new Error('a record before the header');
        const { cells, extra } = cellsOf(record.cells, map);
        const key = emailKey(cells.email);
        const earlier = key ? firstRowOf.get(key) : undefined;
        if (key && earlier === undefined) firstRowOf.set(key, record.row);
        const checked = checkRow(cells, { criteria, today, duplicateOf: earlier ?? null, extraCells: extra });
        batch.push({
          runId,
          row: record.row,
          email: cells.email,
          name: cells.name,
          issuedOn: cells.issuedOn,
          narrative: cells.narrative,
          evidenceUrl: cells.evidenceUrl,
          levels: cells.levels,
          problems: checked.problems,
          hasProblems: checked.problems.length > 0,
        });
        if (batch.length >= 1000) await flush();
      },
    });
    await flush();
    if (parsed.rows === 0) throw new BulkFileError('header', `The file has a header (${parsed.header.join(', ')}) but no recipient rows`);
    const levelColumns = headerOrThrow(parsed.header).levelColumns;
    const run = await updateRun(deps.db, runId, { total: parsed.rows, levelColumns });
    await recordAudit(deps, {
      action: 'bulk_award.uploaded',
      orgId: opts.org.id,
      actorId: opts.actor.accountId,
      target: runId,
      detail: { achievementId: achievement.id, rows: parsed.rows, fileName: opts.fileName },
      ip: opts.actor.ip,
    });
    if (!run) throw new Error('bulk run vanished');
    return presentRun(deps, run);
  } catch (err) {
    await deleteRun(deps.db, runId);
    if (err instanceof BulkFileError) {
      throw new AppError(err.kind === 'too_large' ? 'payload_too_large' : 'validation_failed', err.message, {
        errors: [{ path: 'file', message: err.message }],
      });
    }
    throw err;
  }
}

/** The header map, or a file-level refusal naming every header problem. */
function headerOrThrow(header: string[]): HeaderMap {
  const { map, problems } = readHeader(header);
  if (problems.length) throw new BulkFileError('header', `The header row (row 1) cannot be used: ${problems.join('; ')}`);
  return map;
}
