import type { BulkRowPage, BulkRun } from '@tessera/shared';
import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { presentRow, presentRun, presentRuns } from './present.js';
import { findRun, listRows, listRuns } from './store.js';

/** An organisation's bulk runs, newest first. */
export async function listBulkRuns(deps: Deps, opts: { org: OrgRow }): Promise<BulkRun[]> {
  return presentRuns(deps, await listRuns(deps.db, opts.org.id));
}

/** One run with its progress (404 for another organisation's run). */
export async function getBulkRun(deps: Deps, opts: { org: OrgRow; runId: string }): Promise<BulkRun> {
  const run = await findRun(deps.db, opts.org.id, opts.runId);
  if (!run) throw new AppError('not_found', 'No such bulk award run');
  return presentRun(deps, run);
}

/** A run's state alone, without counting its rows (404 for another organisation's run): cheap enough to poll. */
export async function getBulkRunState(deps: Deps, opts: { org: OrgRow; runId: string }): Promise<BulkRun['state']> {
  const run = await findRun(deps.db, opts.org.id, opts.runId);
  if (!run) throw new AppError('not_found', 'No such bulk award run');
  return run.state;
}

/** A page of a run's rows after row `after` (only rows with problems when asked). */
export async function listBulkRows(
  deps: Deps,
  opts: { org: OrgRow; runId: string; problemsOnly: boolean; after: number; limit: number },
): Promise<BulkRowPage> {
  const run = await findRun(deps.db, opts.org.id, opts.runId);
  if (!run) throw new AppError('not_found', 'No such bulk award run');
  const rows = await listRows(deps.db, run.id, { afterRow: opts.after, limit: opts.limit + 1, problemsOnly: opts.problemsOnly });
  const page = rows.slice(0, opts.limit);
  return { items: page.map(presentRow), nextCursor: rows.length > opts.limit ? (page[page.length - 1]?.row ?? null) : null };
}
