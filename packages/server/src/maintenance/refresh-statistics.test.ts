import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/rows.js';
import { JOB_HANDLERS } from '../jobs/handlers.js';
import { createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';
import { REFRESH_STATISTICS_JOB, refreshStatistics, scheduleStatisticsRefresh } from './index.js';

/** 10:20 UTC: well inside an hour slot, so the two schedule calls below fall in the same one. */
const NOW = new Date('2026-12-02T10:20:00.000Z');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ clock: { now: () => new Date(NOW) } });
  // On PostgreSQL, autovacuum could analyze the table between the steps below; this test decides when it is analyzed.
  await ctx.deps.db.execute(sql`alter table rate_limits set (autovacuum_enabled = false)`);
});
afterAll(() => ctx.close());

const insertRateLimits = (from: number, to: number) =>
  ctx.deps.db.execute(
    sql`insert into rate_limits (key, window_start, count) select 'k' || g, now(), g from generate_series(${from}::int, ${to}::int) g`,
  );
const sampledColumns = async () =>
  (
    await queryRows<{ attname: string }>(ctx.deps.db, sql`select attname from pg_stats where tablename = 'rate_limits' order by attname`)
  ).map((r) => r.attname);
const estimatedRows = async () =>
  (await queryRows<{ n: number }>(ctx.deps.db, sql`select reltuples::int as n from pg_class where relname = 'rate_limits'`))[0]?.n;
const scheduledJobs = async () =>
  (await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from jobs where type = ${REFRESH_STATISTICS_JOB}`))[0]?.n;

describe('planner statistics refresh', () => {
  it('analyzes a table with rows and no statistics, then leaves every table alone until one grows by more than a tenth', async () => {
    await insertRateLimits(1, 5000);
    expect(await sampledColumns()).toEqual([]);

    expect(await refreshStatistics(ctx.deps)).toContain('rate_limits');
    expect(await sampledColumns()).toEqual(['count', 'key', 'window_start']);

    // Nothing changed since: no table is analyzed again.
    expect(await refreshStatistics(ctx.deps)).toEqual([]);
    await insertRateLimits(5001, 5100);
    expect(await refreshStatistics(ctx.deps)).toEqual([]);

    // Grown by half: analyzed again, and the planner's row estimate follows.
    await insertRateLimits(5101, 7600);
    expect(await refreshStatistics(ctx.deps)).toEqual(['rate_limits']);
    expect(await estimatedRows()).toBe(7600);
  });

  it('is scheduled once per hour slot on PGlite, and not at all on PostgreSQL (autovacuum does it there)', async () => {
    const before = await scheduledJobs();
    const scheduled = await scheduleStatisticsRefresh(ctx.deps);
    await scheduleStatisticsRefresh(ctx.deps);
    expect(scheduled).toBe(ctx.deps.dbKind === 'pglite');
    expect(((await scheduledJobs()) ?? 0) - (before ?? 0)).toBe(ctx.deps.dbKind === 'pglite' ? 1 : 0);
  });

  it('runs as a job that refreshes the statistics and keeps the hourly chain going', async () => {
    const handler = JOB_HANDLERS[REFRESH_STATISTICS_JOB];
    expect(handler).toBeDefined();
    await insertRateLimits(7601, 12000);
    // The job the test above queued would satisfy the check below: start from none.
    await ctx.deps.db.execute(sql`delete from jobs where type = ${REFRESH_STATISTICS_JOB}`);
    const job = { id: 'job_test', attempts: 1, payload: {}, signal: new AbortController().signal, stillOwned: async () => true };
    await handler?.(ctx.deps, job);
    expect(await estimatedRows()).toBe(12000);
    // The time as epoch seconds: the drivers hand timestamps to raw queries in different shapes.
    const next = await queryRows<{ epoch: number }>(
      ctx.deps.db,
      sql`select extract(epoch from run_after)::float8 as epoch from jobs where type = ${REFRESH_STATISTICS_JOB} order by run_after desc limit 1`,
    );
    if (ctx.deps.dbKind === 'pglite') expect(next[0]?.epoch).toBe(Date.parse('2026-12-02T11:00:00.000Z') / 1000);
    else expect(next).toEqual([]);
  });
});
