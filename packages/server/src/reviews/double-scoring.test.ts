import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, inviteAndJoin } from '../testing/harness.js';

let ctx: TestContext;
let owner: ApiClient;
let a1: ApiClient;
let a2: ApiClient;
let achievementId = '';

const joinOrg = (email: string, role: string) => inviteAndJoin(ctx, owner, { slug: 'dbl', email, role });

async function submitted(): Promise<string> {
  const l = new ApiClient(ctx);
  await l.signUp(`l${Math.random().toString(36).slice(2)}@learners.test`);
  const sid = (await l.request('POST', `catalog/${achievementId}/start`)).json['id'] as string;
  await l.request('PUT', `me/submissions/${sid}/evidence/plan`, { kind: 'text', text: 'p' });
  await l.request('PUT', `me/submissions/${sid}/evidence/transcript`, { kind: 'link', url: 'https://example.org/t' });
  await l.request('PUT', `me/submissions/${sid}/evidence/reflection`, { kind: 'text', text: 'r' });
  await l.request('POST', `me/submissions/${sid}/submit`);
  return sid;
}

const all = (level: string, feedback = 'ok') => ['c1', 'c2', 'c3'].map((criterionId) => ({ criterionId, levelId: level, feedback }));

beforeAll(async () => {
  ctx = await createTestContext();
  owner = new ApiClient(ctx);
  await owner.signUp('owner@dbl.test');
  await owner.request('POST', 'orgs', { slug: 'dbl', name: 'Double Academy', doubleScorePercent: 100 });
  a1 = await joinOrg('a1@dbl.test', 'assessor');
  a2 = await joinOrg('a2@dbl.test', 'assessor');
  achievementId = (await owner.request('POST', 'orgs/dbl/achievements', sampleAchievement())).json['id'] as string;
  await owner.request('POST', `orgs/dbl/achievements/${achievementId}/publish`);
});
afterAll(async () => ctx.close());

describe('double scoring', () => {
  it('needs two independent reviews; one assessor cannot take both slots or see the other review first', async () => {
    const sid = await submitted();
    expect((await a1.request('POST', `orgs/dbl/submissions/${sid}/claim`)).json).toMatchObject({ doubleScored: true, canReview: true });
    await a1.request('POST', `orgs/dbl/submissions/${sid}/reviews`, { scores: all('l3'), decision: 'pass' });
    expect((await a1.request('POST', `orgs/dbl/submissions/${sid}/claim`)).status).toBe(409);
    const view = await a2.request('POST', `orgs/dbl/submissions/${sid}/claim`);
    expect(view.json).toMatchObject({ state: 'in_review', reviews: [] });
    const done = await a2.request('POST', `orgs/dbl/submissions/${sid}/reviews`, { scores: all('l3'), decision: 'pass' });
    expect(done.json).toMatchObject({ state: 'passed' });
  });

  it('sends disagreements to an owner, who settles them', async () => {
    const sid = await submitted();
    await a1.request('POST', `orgs/dbl/submissions/${sid}/claim`);
    await a1.request('POST', `orgs/dbl/submissions/${sid}/reviews`, { scores: all('l3'), decision: 'pass' });
    await a2.request('POST', `orgs/dbl/submissions/${sid}/claim`);
    const split = await a2.request('POST', `orgs/dbl/submissions/${sid}/reviews`, {
      scores: [
        { criterionId: 'c1', levelId: 'l3', feedback: 'ok' },
        { criterionId: 'c2', levelId: 'l1', feedback: 'thin' },
        { criterionId: 'c3', levelId: 'l3', feedback: 'ok' },
      ],
      decision: 'needs_revision',
    });
    expect(split.json).toMatchObject({ state: 'disputed', canSettle: false });
    expect((await a1.request('POST', `orgs/dbl/submissions/${sid}/settle`, { scores: all('l3'), decision: 'pass' })).status).toBe(403);
    const ownerView = await owner.request('GET', `orgs/dbl/submissions/${sid}`);
    expect(ownerView.json).toMatchObject({ canSettle: true });
    expect((ownerView.json['reviews'] as unknown[]).length).toBe(2);
    const settled = await owner.request('POST', `orgs/dbl/submissions/${sid}/settle`, {
      scores: all('l3', 'Settled: meets the rubric'),
      decision: 'pass',
    });
    expect(settled.json).toMatchObject({ state: 'passed' });
  });

  it('reports agreement per micro-credential and per criterion', async () => {
    const stats = await a1.request('GET', `orgs/dbl/achievements/${achievementId}/agreement`);
    expect(stats.json).toMatchObject({ pairs: 2, decisionAgreement: 0.5 });
    const criteria = stats.json['criteria'] as Array<{ criterionId: string; exactAgreement: number }>;
    expect(criteria.map((c) => [c.criterionId, c.exactAgreement])).toEqual([
      ['c1', 1],
      ['c2', 0.5],
      ['c3', 1],
    ]);
  });

  it('takes no new starts once retired, and keeps existing work', async () => {
    const l = new ApiClient(ctx);
    await l.signUp('retire@learners.test');
    const sid = (await l.request('POST', `catalog/${achievementId}/start`)).json['id'] as string;
    expect((await owner.request('POST', `orgs/dbl/achievements/${achievementId}/retire`)).json).toMatchObject({ status: 'retired' });
    const late = new ApiClient(ctx);
    await late.signUp('late@learners.test');
    expect((await late.request('POST', `catalog/${achievementId}/start`)).status).toBe(409);
    expect((await l.request('GET', `me/submissions/${sid}`)).json).toMatchObject({ state: 'draft' });
    expect((await owner.request('GET', 'catalog')).json['total']).toBe(0);
  });
});
