import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { achievements, talentProfiles, talentSkillEvidence } from '../db/schema.js';
import { importFramework, matchSkillByUrlOrCode } from '../skills/index.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, TEST_DATABASE_URL } from '../testing/harness.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import { reindexLearner } from './refresh-talent-index.js';
import { evidenceKeyOf, findStaleLearners } from './store.js';

// 20,000 learners (every other one consents), five credentials each: 100,000 credentials.
const LEARNERS = 20_000;
const FIRST = 2_000;
const PER_LEARNER = 5;
const SKILLS = 10;
let ctx: TestContext;
let owner: ApiClient;
let orgId = '';
const skillIds: string[] = [];
let versionList = sql``;

/** Count every SQL statement the database client runs, inside transactions too. */
type Query = (...args: unknown[]) => Promise<unknown>;
interface Client {
  query: Query;
  transaction: (fn: (tx: { query: Query }) => Promise<unknown>) => Promise<unknown>;
}
let queries = 0;
function countQueries(c: TestContext) {
  const client = (c.deps.db as unknown as { session: { client: Client } }).session.client;
  const query = client.query.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = (...args) => {
    queries += 1;
    return query(...args);
  };
  client.transaction = (fn) =>
    transaction((tx) =>
      fn(
        new Proxy(tx, {
          get: (t, k) =>
            k === 'query'
              ? (...args: unknown[]) => {
                  queries += 1;
                  return t.query(...args);
                }
              : Reflect.get(t, k),
        }),
      ),
    );
}

/** Learners from..to (accounts, consent for even ids, awards, credentials), indexed as opting in would index them. */
async function seed(from: number, to: number) {
  const db = ctx.deps.db;
  await db.execute(sql`
    insert into accounts (id, email, name, password_hash, created_at, updated_at)
    select 'acc_s' || i, 's' || i || '@scale.example', 'Learner ' || i, 'x', now(), now() from generate_series(${from}::int, ${to}::int) i`);
  await db.execute(sql`
    insert into talent_profiles (account_id, discoverable, updated_at)
    select 'acc_s' || i, i % 2 = 0, now() from generate_series(${from}::int, ${to}::int) i`);
  await db.execute(sql`
    with pick as (
      select i, k, split_part((${versionList})[((i + 3 * k) % ${SKILLS}) + 1], '|', 1) as ach, split_part((${versionList})[((i + 3 * k) % ${SKILLS}) + 1], '|', 2) as ver
      from generate_series(${from}::int, ${to}::int) i, generate_series(0, ${PER_LEARNER - 1}::int) k)
    insert into awards (id, org_id, achievement_id, version_id, recipient_account_id, recipient_name, source, results, idempotency_key, created_at)
    select 'awd_s' || i || '_' || k, ${orgId}, ach, ver, 'acc_s' || i, 'L', 'direct', '[]'::jsonb, 'awd_s' || i || '_' || k, now() from pick`);
  await db.execute(sql`
    insert into credentials (id, org_id, achievement_id, version_id, learner_id, award_id, document, revocation_list_id, revocation_index, issued_at)
    select 'http://tessera.test/credentials/s' || a.id, a.org_id, a.achievement_id, a.version_id, a.recipient_account_id, a.id, '{}'::jsonb, 'stl_s',
      ${from * PER_LEARNER}::int + row_number() over (), now()
    from awards a join generate_series(${from}::int, ${to}::int) i on a.recipient_account_id = 'acc_s' || i`);
  // The rows reindexLearner writes for these credentials (checked against it below), written in bulk for speed.
  await db.execute(sql`
    insert into talent_skill_evidence (account_id, skill_url, kind, source_id, level_scale)
    select c.learner_id, s.uri, 'earned', c.id, null
    from credentials c
    join generate_series(${from}::int, ${to}::int) i on c.learner_id = 'acc_s' || i and i % 2 = 0
    join achievement_alignments aa on aa.version_id = c.version_id
    join skills s on s.id = aa.skill_id`);
  await db.execute(sql`
    update talent_profiles set evidence_at = now(), evidence_key = ${evidenceKeyOf(talentProfiles.accountId)}
    where discoverable and evidence_key is null`);
  await db.execute(sql`analyze`);
}

beforeAll(async () => {
  if (TEST_DATABASE_URL) return; // see the describe below
  ctx = await createTestContext();
  owner = new ApiClient(ctx);
  await owner.signUp('owner@scale.example');
  orgId = (await owner.request('POST', 'orgs', { slug: 'scale', name: 'Scale Co' })).json['id'] as string;
  const csv = [
    'id,code,name,uri',
    ...Array.from({ length: SKILLS }, (_, n) => `k${n},K.${n},Scale skill ${n},https://skills.test/k${n}`),
  ].join('\n');
  await importFramework(ctx.deps, { actorId: null, orgId: null, format: 'csv', text: csv, title: 'Scale skills' });
  const versions: string[] = [];
  for (let n = 0; n < SKILLS; n++) {
    const skill = await matchSkillByUrlOrCode(ctx.deps.db, { url: `https://skills.test/k${n}`, baseUrl: ctx.deps.env.TESSERA_BASE_URL });
    skillIds.push(skill?.id ?? '');
    const a = await owner.request('POST', 'orgs/scale/achievements', sampleAchievement(`Scale ${n}`));
    const id = a.json['id'] as string;
    await owner.request('PUT', `orgs/scale/achievements/${id}/alignments`, { achievement: [skill?.id], criteria: {} });
    await owner.request('POST', `orgs/scale/achievements/${id}/publish`);
    const [row] = await ctx.deps.db.select().from(achievements).where(eq(achievements.id, id));
    versions.push(`${id}|${row?.latestVersionId ?? ''}`);
  }
  versionList = sql.raw(`array[${versions.map((v) => `'${v}'`).join(',')}]`);
  countQueries(ctx);
}, 60_000);
afterAll(async () => ctx?.close());

async function measure(body: Record<string, unknown>) {
  await owner.request('POST', 'orgs/scale/talent/search', body);
  const times: number[] = [];
  const counts: number[] = [];
  let items: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 5; i++) {
    const before = queries;
    const t = performance.now();
    const r = await owner.request('POST', 'orgs/scale/talent/search', body);
    times.push(performance.now() - t);
    counts.push(queries - before);
    expect(r.status, r.text).toBe(200);
    items = r.json['items'] as Array<Record<string, unknown>>;
  }
  times.sort((a, b) => a - b);
  return { median: times[2] ?? 0, counts, items };
}

// The statement count hooks the embedded PGlite client (query and transaction); PostgreSQL's pool has another shape, and
// the figure this test prints is the PGlite one the issue asks for. The search itself runs on PostgreSQL in talent.test.ts.
describe.skipIf(Boolean(TEST_DATABASE_URL))('search at scale', () => {
  it('ranks from the skill index with a number of queries that does not grow with the number of matching learners', async () => {
    const body = { skills: [{ id: skillIds[0] }, { id: skillIds[3] }] };
    await seed(1, FIRST);
    const small = await measure(body);
    const t = performance.now();
    await seed(FIRST + 1, LEARNERS);
    const seedMs = performance.now() - t;
    // The bulk-written index is exactly what re-indexing a learner from their profile writes, and nobody is stale.
    const sample = 'acc_s20000';
    const rowsOf = async () =>
      (await ctx.deps.db.select().from(talentSkillEvidence).where(eq(talentSkillEvidence.accountId, sample)))
        .map((r) => `${r.skillUrl} ${r.sourceId} ${r.kind}`)
        .sort();
    const bulk = await rowsOf();
    expect(bulk).toHaveLength(PER_LEARNER);
    await reindexLearner(ctx.deps, sample);
    expect(await rowsOf()).toEqual(bulk);
    expect(await findStaleLearners(ctx.deps.db, 10)).toEqual([]);

    const large = await measure(body);
    for (const { items } of [small, large]) {
      expect(items).toHaveLength(20);
      // Only consenting (even) learners, all showing both skills.
      expect(items.every((i) => Number(String(i['id']).slice(5)) % 2 === 0)).toBe(true);
      expect(items.every((i) => i['matched'] === 2)).toBe(true);
    }
    // Ten times as many learners (about 1,000 more with both skills tied at the top): the same number of queries.
    expect(new Set([...small.counts, ...large.counts]).size).toBe(1);
    expect(large.counts[0]).toBeLessThan(200);
    console.log(
      `talent search: ${FIRST} learners → median ${small.median.toFixed(0)} ms; ${LEARNERS} learners (${LEARNERS / 2} consenting, ` +
        `${LEARNERS * PER_LEARNER} credentials) → median ${large.median.toFixed(0)} ms; ${large.counts[0]} queries per search either way ` +
        `(bulk seeding ${(seedMs / 1000).toFixed(0)} s)`,
    );
  }, 900_000);
});
