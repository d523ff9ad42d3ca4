import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  it('has a state agency counting the demo learner’s credential as licence-renewal hours, and an employer endorsement', async () => {
    const learner = await findAccountByEmail(ctx.deps.db, 'learner@riverside.example');
    const counts = await whereThisCounts(ctx.deps, { accountId: learner?.id ?? '' });
    expect(counts).toHaveLength(1);
    const [first] = counts;
    expect(first?.rules.map((r) => r.statement)).toEqual([
      `Counts as 15 hours of licence renewal (professional development) at ${RECOGNITION_DEMO.agency.name}`,
    ]);
    const standing = await getAchievementStanding(ctx.deps, { achievementId: first?.achievementId ?? '' });
    expect(standing.endorsements.map((e) => e.endorser.name)).toEqual([RECOGNITION_DEMO.employer.name]);
    expect(await findAccountByEmail(ctx.deps.db, RECOGNITION_DEMO.agency.owner)).toBeDefined();
  });
});
