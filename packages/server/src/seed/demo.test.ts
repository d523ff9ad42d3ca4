import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/rows.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('demo seed', () => {
  it('creates the district, six micro-credentials and submissions in every state, idempotently', async () => {
    expect(await seedDemo(ctx.deps)).toEqual({ created: true });
    expect(await seedDemo(ctx.deps)).toEqual({ created: false });
    const states = await queryRows<{ state: string }>(ctx.deps.db, sql`select distinct state from submissions order by state`);
    expect(states.map((r) => r.state)).toEqual(['disputed', 'draft', 'in_review', 'needs_revision', 'not_passed', 'passed', 'submitted']);
    const [creds] = await queryRows<{ n: number | string }>(
      ctx.deps.db,
      sql`select count(*) as n from credentials where submission_id is not null`,
    );
    expect(Number(creds?.n)).toBe(3);
    // One bulk-awarded cohort: eight email recipients, each with one credential, from one finished run.
    const [cohort] = await queryRows<{ n: number | string; runs: number | string }>(
      ctx.deps.db,
      sql`select count(c.id) as n, (select count(*) from bulk_award_runs where state = 'completed') as runs from awards a join credentials c on c.award_id = a.id where a.source = 'bulk' and a.recipient_account_id is null`,
    );
    expect([Number(cohort?.n), Number(cohort?.runs)]).toEqual([8, 1]);
    const owner = new ApiClient(ctx);
    expect((await owner.request('POST', 'auth/signin', { email: 'owner@riverside.example', password: DEMO_PASSWORD })).status).toBe(200);
    const list = await owner.request('GET', 'orgs/riverside/achievements');
    // The six micro-credentials and the Online Teaching Certificate their pathway awards.
    expect(list.json).toHaveLength(7);
    const queue = await owner.request('GET', 'orgs/riverside/queue');
    expect(queue.json.some((q) => q['overdue'] === true)).toBe(true);
    const catalog = await owner.request('GET', 'catalog?q=accessible');
    expect(catalog.json['total']).toBe(1);
  });
});
