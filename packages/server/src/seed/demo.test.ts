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
    // Alex 2, Jordan 1, Morgan 5 (every part of the Online Teaching Certificate).
    expect(Number(creds?.n)).toBe(8);
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

  it('has Morgan holding the Online Teaching Certificate, awarded once by the pathway, and Alex part-way', async () => {
    const rows = await queryRows<{ email: string; source: string; awards: number | string; credentials: number | string }>(
      ctx.deps.db,
      sql`select ac.email, a.source, count(distinct a.id) as awards, count(c.id) as credentials
            from awards a
            join achievement_versions v on v.id = a.version_id
            join accounts ac on ac.id = a.recipient_account_id
            left join credentials c on c.award_id = a.id
           where v.content->>'name' = 'Online Teaching Certificate'
           group by ac.email, a.source`,
    );
    expect(rows.map((r) => [r.email, r.source, Number(r.awards), Number(r.credentials)])).toEqual([
      ['learner5@riverside.example', 'pathway', 1, 1],
    ]);
    const [completion] = await queryRows<{ n: number | string }>(
      ctx.deps.db,
      sql`select count(*) as n from pathway_completions pc join accounts ac on ac.id = pc.learner_id
           where ac.email = 'learner5@riverside.example' and pc.group_id = ''`,
    );
    expect(Number(completion?.n)).toBe(1);
    const alex = new ApiClient(ctx);
    expect((await alex.request('POST', 'auth/signin', { email: 'learner@riverside.example', password: DEMO_PASSWORD })).status).toBe(200);
    const mine = (await alex.request('GET', 'me/pathways')).json as unknown as Array<Record<string, unknown>>;
    expect(mine.map((p) => [p['name'], p['complete']])).toEqual([['Online Teaching Certificate', false]]);
  });
});
