import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { achievements } from '../db/schema.js';
import { importFramework, matchSkillByUrlOrCode } from '../skills/index.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';

const LEARNERS = 5000;
const SKILLS = 10;
let ctx: TestContext;
let owner: ApiClient;
const skillIds: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  owner = new ApiClient(ctx);
  await owner.signUp('owner@scale.example');
  const orgId = (await owner.request('POST', 'orgs', { slug: 'scale', name: 'Scale Co' })).json['id'] as string;
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
  // 5,000 learners, each with two credentials (skills i mod 10 and (i + 3) mod 10); every other one consents.
  const list = sql.raw(`array[${versions.map((v) => `'${v}'`).join(',')}]`);
  await ctx.deps.db.execute(sql`
    insert into accounts (id, email, name, password_hash, created_at, updated_at)
    select 'acc_s' || i, 's' || i || '@scale.example', 'Learner ' || i, 'x', now(), now() from generate_series(1, ${LEARNERS}) i`);
  await ctx.deps.db.execute(sql`
    insert into talent_profiles (account_id, discoverable, updated_at)
    select 'acc_s' || i, i % 2 = 0, now() from generate_series(1, ${LEARNERS}) i`);
  await ctx.deps.db.execute(sql`
    with pick as (
      select i, k, split_part((${list})[((i + 3 * k) % ${SKILLS}) + 1], '|', 1) as ach, split_part((${list})[((i + 3 * k) % ${SKILLS}) + 1], '|', 2) as ver
      from generate_series(1, ${LEARNERS}) i, generate_series(0, 1) k)
    insert into awards (id, org_id, achievement_id, version_id, recipient_account_id, recipient_name, source, results, idempotency_key, created_at)
    select 'awd_s' || i || '_' || k, ${orgId}, ach, ver, 'acc_s' || i, 'L', 'direct', '[]'::jsonb, 'awd_s' || i || '_' || k, now() from pick`);
  await ctx.deps.db.execute(sql`
    insert into credentials (id, org_id, achievement_id, version_id, learner_id, award_id, document, revocation_list_id, revocation_index, issued_at)
    select 'http://tessera.test/credentials/s' || a.id, a.org_id, a.achievement_id, a.version_id, a.recipient_account_id, a.id, '{}'::jsonb, 'stl_s', row_number() over (), now()
    from awards a where a.id like 'awd_s%'`);
  await ctx.deps.db.execute(sql`analyze`);
}, 120_000);
afterAll(async () => ctx.close());

describe('search at scale', () => {
  it('answers from an indexed candidate query, returning at most 20 consenting learners, without reading everyone', async () => {
    const body = { skills: [{ id: skillIds[0] }, { id: skillIds[3] }] };
    await owner.request('POST', 'orgs/scale/talent/search', body);
    const times: number[] = [];
    let items: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const r = await owner.request('POST', 'orgs/scale/talent/search', body);
      times.push(performance.now() - t);
      expect(r.status, r.text).toBe(200);
      items = r.json['items'] as Array<Record<string, unknown>>;
    }
    // Learners with both skills (i ≡ 0 mod 10, all even, so all consenting) rank first; only even (consenting) ids appear.
    expect(items).toHaveLength(20);
    expect(items.every((i) => Number(String(i['id']).slice(5)) % 2 === 0)).toBe(true);
    expect(items[0]?.['matched']).toBe(2);
    times.sort((a, b) => a - b);
    console.log(
      `talent search, ${LEARNERS} learners (${LEARNERS / 2} consenting, ${LEARNERS * 2} credentials): median ${times[2]?.toFixed(0)} ms`,
    );
    expect(times[2]).toBeLessThan(5000);
  });
});
