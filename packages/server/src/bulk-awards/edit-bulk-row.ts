import type { BulkRow, BulkRowEdit } from '@tessera/shared';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { awardableRubric, todayUtc } from './create-bulk-run.js';
import { presentRow } from './present.js';
import { findRow, findRun, rowsWithEmails, updateRow } from './store.js';
import type { BulkRowRow } from './store.js';
import { checkRow, emailKey } from './validate-row.js';

/** Options for editing one row in the problem grid. */
export interface EditBulkRowOptions {
  org: OrgRow;
  actor: Actor;
  runId: string;
  row: number;
  edit: BulkRowEdit;
}

/**
 * Change cells of one row of a draft run and check it again. Rows sharing the old or the new email are checked
 * again too, so fixing a duplicate clears the flag on the row it duplicated (the earliest row keeps the email).
 */
export async function editBulkRow(deps: Deps, opts: EditBulkRowOptions): Promise<{ row: BulkRow; affected: BulkRow[] }> {
  return inTransaction(deps, async (tx) => {
    const run = await findRun(tx.db, opts.org.id, opts.runId, true);
    if (!run) throw new AppError('not_found', 'No such bulk award run');
    if (run.state !== 'draft') throw new AppError('conflict', 'This run has started: its rows can no longer be edited');
    const current = await findRow(tx.db, run.id, opts.row);
    if (!current) throw new AppError('not_found', `No row ${opts.row} in this run`);
    const { criteria } = await awardableRubric(tx, opts.org.id, run.achievementId);
    const levels = opts.edit.levels
      ? Object.fromEntries(Object.entries({ ...current.levels, ...opts.edit.levels }).filter(([k]) => run.levelColumns.includes(k)))
      : current.levels;
    const next: BulkRowRow = {
      ...current,
      email: opts.edit.email ?? current.email,
      name: opts.edit.name ?? current.name,
      issuedOn: opts.edit.issuedOn ?? current.issuedOn,
      narrative: opts.edit.narrative ?? current.narrative,
      evidenceUrl: opts.edit.evidenceUrl ?? current.evidenceUrl,
      levels,
    };
    await updateRow(tx.db, run.id, next.row, {
      email: next.email,
      name: next.name,
      issuedOn: next.issuedOn,
      narrative: next.narrative,
      evidenceUrl: next.evidenceUrl,
      levels: next.levels,
    });
    const today = todayUtc(tx.clock.now());
    const emails = [...new Set([emailKey(current.email), emailKey(next.email)].filter(Boolean))];
    const sharing = await rowsWithEmails(tx.db, run.id, emails);
    const firstOf = new Map<string, number>();
    const affected: BulkRow[] = [];
    let edited: BulkRow | null = null;
    for (const r of sharing) {
      const key = emailKey(r.email);
      const first = firstOf.get(key);
      if (first === undefined) firstOf.set(key, r.row);
      const checked = checkRow(
        { email: r.email, name: r.name, issuedOn: r.issuedOn, narrative: r.narrative, evidenceUrl: r.evidenceUrl, levels: r.levels },
        { criteria, today, duplicateOf: first ?? null },
      );
      await updateRow(tx.db, run.id, r.row, { problems: checked.problems, hasProblems: checked.problems.length > 0 });
      const presented = presentRow({ ...r, problems: checked.problems, hasProblems: checked.problems.length > 0 });
      if (r.row === next.row) edited = presented;
      else affected.push(presented);
    }
    if (!edited) {
      // The row's email is empty: it shares no email, so it is checked on its own.
      const checked = checkRow(
        {
          email: next.email,
          name: next.name,
          issuedOn: next.issuedOn,
          narrative: next.narrative,
          evidenceUrl: next.evidenceUrl,
          levels: next.levels,
        },
        { criteria, today, duplicateOf: null },
      );
      await updateRow(tx.db, run.id, next.row, { problems: checked.problems, hasProblems: checked.problems.length > 0 });
      edited = presentRow({ ...next, problems: checked.problems, hasProblems: checked.problems.length > 0 });
    }
    await recordAudit(tx, {
      action: 'bulk_award.row_edited',
      orgId: opts.org.id,
      actorId: opts.actor.accountId,
      target: run.id,
      detail: { row: next.row, columns: Object.keys(opts.edit) },
      ip: opts.actor.ip,
    });
    return { row: edited, affected };
  });
}
