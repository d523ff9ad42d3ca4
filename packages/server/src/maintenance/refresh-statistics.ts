import type { Deps } from '../context.js';
import { enqueueNextPeriod } from '../jobs/index.js';
import { analyzeTable, tablesWithStaleStatistics } from './store.js';

/** Job type that refreshes the planner statistics of the embedded database, then schedules itself again. */
export const REFRESH_STATISTICS_JOB = 'maintenance.refresh_statistics';

/** How often the refresh runs. */
export const REFRESH_STATISTICS_EVERY_MS = 60 * 60 * 1000;

/**
 * Queue the refresh for the next hour slot, on PGlite only (idempotent: one job per slot). PostgreSQL's autovacuum
 * keeps statistics current; PGlite has no autovacuum, so without this a long-lived embedded database plans every
 * query on default estimates however large its tables grow.
 */
export async function scheduleStatisticsRefresh(deps: Pick<Deps, 'db' | 'dbKind' | 'clock' | 'ids'>): Promise<boolean> {
  if (deps.dbKind !== 'pglite') return false;
  await enqueueNextPeriod(deps, { type: REFRESH_STATISTICS_JOB, everyMs: REFRESH_STATISTICS_EVERY_MS });
  return true;
}

/**
 * Analyze every table that has rows but no statistics, or has grown by more than a tenth since it was last analyzed;
 * the names of the tables analyzed. Unchanged tables are left alone, so an idle installation does no work. A table
 * that cannot be analyzed is logged and skipped; the others are still done.
 */
export async function refreshStatistics(deps: Pick<Deps, 'db' | 'log'>): Promise<string[]> {
  const started = performance.now();
  const done: string[] = [];
  for (const table of await tablesWithStaleStatistics(deps.db)) {
    try {
      await analyzeTable(deps.db, table);
      done.push(table);
    } catch (err) {
      deps.log.warn({ err, table }, 'planner statistics not refreshed');
    }
  }
  if (done.length > 0) deps.log.info({ tables: done, ms: Math.round(performance.now() - started) }, 'planner statistics refreshed');
  return done;
}
