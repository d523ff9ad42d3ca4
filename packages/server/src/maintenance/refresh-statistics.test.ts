import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/rows.js';
import { createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';
import { REFRESH_STATISTICS_JOB, refreshStatistics, scheduleStatisticsRefresh } from './index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
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

describe('planner statistics refresh', () => {
  it('analyzes the indexed columns of a table never analyzed, then leaves it alone until it grows by more than a tenth', async () => {
    await insertRateLimits(1, 5000);
    expect(await sampledColumns()).toEqual([]);

    expect(await refreshStatistics(ctx.deps)).toContain('rate_limits');
    // Its primary key is sampled; the columns no index uses are not.
    expect(await sampledColumns()).toEqual(['key']);

    // Unchanged since: not analyzed again.
    expect(await refreshStatistics(ctx.deps)).not.toContain('rate_limits');
    await insertRateLimits(5001, 5100);
    expect(await refreshStatistics(ctx.deps)).not.toContain('rate_limits');

    // Grown by half: analyzed again, and the planner's row estimate follows.
    await insertRateLimits(5101, 7600);
    expect(await refreshStatistics(ctx.deps)).toContain('rate_limits');
    const [est] = await queryRows<{ reltuples: number }>(
      ctx.deps.db,
      sql`select reltuples::int as reltuples from pg_class where relname = 'rate_limits'`,
    );
    expect(est?.reltuples).toBe(7600);
  });

  it('is scheduled once per hour slot on PGlite, and not at all on PostgreSQL (autovacuum does it there)', async () => {
    const scheduled = await scheduleStatisticsRefresh(ctx.deps);
    await scheduleStatisticsRefresh(ctx.deps);
    const [jobs] = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from jobs where type = ${REFRESH_STATISTICS_JOB}`,
    );
    expect(scheduled).toBe(ctx.deps.dbKind === 'pglite');
    expect(jobs?.n).toBe(ctx.deps.dbKind === 'pglite' ? 1 : 0);
  });
});
