import type { BulkRow, BulkRun } from '@tessera/shared';
import type { Deps } from '../context.js';
import { achievementNames, countRows } from './store.js';
import type { BulkRowRow, BulkRunRow } from './store.js';

/** Rows per second and seconds left of a run, from the time it spent issuing (pauses excluded). */
export function runRate(
  run: BulkRunRow,
  done: number,
  pending: number,
  now: Date,
): { ratePerSecond: number | null; secondsLeft: number | null } {
  let ms = run.activeMs;
  let rows = done;
  if (run.state === 'running' && run.resumedAt) {
    // The live rate: the current stretch of issuing, so a long pause does not drag the estimate.
    ms = now.getTime() - run.resumedAt.getTime();
    rows = done - run.doneAtResume;
  }
  if (ms <= 0 || rows <= 0) return { ratePerSecond: null, secondsLeft: pending === 0 && done > 0 ? 0 : null };
  const rate = (rows * 1000) / ms;
  return {
    ratePerSecond: Math.round(rate * 10) / 10,
    secondsLeft: run.state === 'completed' || run.state === 'cancelled' ? 0 : Math.ceil(pending / rate),
  };
}

/** Present runs with their counts and the achievement name. */
export async function presentRuns(deps: Pick<Deps, 'db' | 'clock'>, runs: BulkRunRow[]): Promise<BulkRun[]> {
  const [counts, names] = await Promise.all([
    countRows(
      deps.db,
      runs.map((r) => r.id),
    ),
    achievementNames(deps.db, [...new Set(runs.map((r) => r.achievementId))]),
  ]);
  const now = deps.clock.now();
  return runs.map((run) => {
    const c = counts.get(run.id) ?? { pending: 0, issued: 0, skipped: 0, failed: 0, problems: 0 };
    const done = c.issued + c.skipped + c.failed;
    return {
      id: run.id,
      achievementId: run.achievementId,
      achievementName: names.get(run.achievementId) ?? run.achievementId,
      fileName: run.fileName,
      state: run.state,
      total: run.total,
      problemRows: c.problems,
      levelColumns: run.levelColumns,
      done,
      issued: c.issued,
      skipped: c.skipped,
      failed: c.failed,
      ...runRate(run, done, c.pending, now),
      createdAt: run.createdAt.toISOString(),
      startedAt: run.startedAt?.toISOString() ?? null,
      finishedAt: run.finishedAt?.toISOString() ?? null,
      lastError: run.lastError,
    };
  });
}

/** Present one run. */
export async function presentRun(deps: Pick<Deps, 'db' | 'clock'>, run: BulkRunRow): Promise<BulkRun> {
  const [out] = await presentRuns(deps, [run]);
  if (!out) throw new Error('run not presented');
  return out;
}

/** Present one row. */
export function presentRow(r: BulkRowRow): BulkRow {
  return {
    row: r.row,
    cells: { email: r.email, name: r.name, issuedOn: r.issuedOn, narrative: r.narrative, evidenceUrl: r.evidenceUrl, levels: r.levels },
    problems: r.problems,
    outcome: r.outcome,
    credentialId: r.credentialId,
    message: r.message,
  };
}
