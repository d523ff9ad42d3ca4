import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/rows.js';
import { findAccountByEmail } from '../accounts/index.js';
import { seedDemo } from '../seed/demo.js';
import type { TestContext } from '../testing/harness.js';
import { createTestContext } from '../testing/harness.js';
import { RECOGNITION_DEMO } from './seed-recognition-demo.js';
import { whereThisCounts } from './where-this-counts.js';
import { getAchievementStanding } from './standing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
}, 180_000);
afterAll(async () => ctx.close());

describe('recognition demo', () => {
  it('has a state agency counting each of the demo learner’s credentials as licence-renewal hours, and an employer endorsement', async () => {
    const learner = await findAccountByEmail(ctx.deps.db, 'learner@riverside.example');
    const counts = await whereThisCounts(ctx.deps, { accountId: learner?.id ?? '' });
    // Alex holds two micro-credentials (the LMS one first, then assessments): both count.
    expect(counts.map((c) => c.achievementName)).toEqual(['Designing Effective Online Assessments', 'Using the LMS Effectively']);
    for (const c of counts)
      expect(c.rules.map((r) => r.statement)).toEqual([
        `Counts as 15 hours of licence renewal (professional development) at ${RECOGNITION_DEMO.agency.name}`,
      ]);
    const first = counts.at(-1);
    const standing = await getAchievementStanding(ctx.deps, { achievementId: first?.achievementId ?? '' });
    expect(standing.endorsements.map((e) => e.endorser.name)).toEqual([RECOGNITION_DEMO.employer.name]);
    expect(await findAccountByEmail(ctx.deps.db, RECOGNITION_DEMO.agency.owner)).toBeDefined();
  });

  it('recognises all six demo micro-credentials (one published rule each), not only the learner’s first', async () => {
    const morgan = await findAccountByEmail(ctx.deps.db, 'learner5@riverside.example');
    const counts = await whereThisCounts(ctx.deps, { accountId: morgan?.id ?? '' });
    // Morgan holds five micro-credentials and the Online Teaching Certificate (not recognised).
    expect(counts.map((c) => c.achievementName).sort()).toEqual([
      'Creating Accessible Online Content',
      'Creating Engaging Video Lectures',
      'Designing Effective Online Assessments',
      'Facilitating Online Discussions',
      'Using the LMS Effectively',
    ]);
    const [rules] = await queryRows<{ n: number | string; achievements: number | string }>(
      ctx.deps.db,
      sql`select count(*) as n, count(distinct r.achievement_id) as achievements
            from recognition_rules r join orgs o on o.id = r.org_id
           where o.slug = ${RECOGNITION_DEMO.agency.slug} and r.status = 'published'`,
    );
    expect([Number(rules?.n), Number(rules?.achievements)]).toEqual([6, 6]);
  });
});
