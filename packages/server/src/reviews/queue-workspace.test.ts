import { eq } from 'drizzle-orm';
import { QueueEntry } from '@tessera/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { submissions } from '../db/schema.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, inviteAndJoin } from '../testing/harness.js';
import { FixedClock } from '../shared/clock.js';

const DAY = 86_400_000;
const clock = new FixedClock(new Date('2026-03-01T09:00:00.000Z'));
let ctx: TestContext;
let owner: ApiClient;
let a1: ApiClient;
let a2: ApiClient;
let viewer: ApiClient;
let outsider: ApiClient;
let achA = '';
let achB = '';
/** s1: A, 20 days old (overdue); s2: A, fresh; s3: B, fresh. */
const sid = { s1: '', s2: '', s3: '' };

async function submit(achievementId: string): Promise<string> {
  const l = new ApiClient(ctx);
  await l.signUp(`l${Math.random().toString(36).slice(2)}@learners.test`);
  const id = (await l.request('POST', `catalog/${achievementId}/start`)).json['id'] as string;
  await l.request('PUT', `me/submissions/${id}/evidence/plan`, { kind: 'text', text: 'plan' });
  await l.request('PUT', `me/submissions/${id}/evidence/transcript`, { kind: 'link', url: 'https://example.org/t' });
  await l.request('PUT', `me/submissions/${id}/evidence/reflection`, { kind: 'text', text: 'reflection' });
  const r = await l.request('POST', `me/submissions/${id}/submit`);
  if (r.status !== 200) throw new Error(`submit failed ${r.status} ${r.text}`);
  return id;
}

const rowsOf = (json: unknown) => z.array(QueueEntry).parse(json);
const ids = (json: unknown) => rowsOf(json).map((r) => r.submissionId);
const queue = (c: ApiClient, query = '') => c.request('GET', `orgs/ws/queue${query}`);
const passAll = {
  scores: ['c1', 'c2', 'c3'].map((criterionId) => ({ criterionId, levelId: 'l3', feedback: 'Clear evidence' })),
  decision: 'pass',
};

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  owner = new ApiClient(ctx);
  await owner.signUp('owner@ws.test');
  await owner.request('POST', 'orgs', { slug: 'ws', name: 'Workspace Academy', doubleScorePercent: 0, reviewSlaDays: 7 });
  a1 = await inviteAndJoin(ctx, owner, { slug: 'ws', email: 'a1@ws.test', role: 'assessor' });
  a2 = await inviteAndJoin(ctx, owner, { slug: 'ws', email: 'a2@ws.test', role: 'assessor' });
  viewer = await inviteAndJoin(ctx, owner, { slug: 'ws', email: 'viewer@ws.test', role: 'viewer' });
  outsider = new ApiClient(ctx);
  await outsider.signUp('owner@elsewhere.test');
  await outsider.request('POST', 'orgs', { slug: 'elsewhere', name: 'Elsewhere' });
  achA = (await owner.request('POST', 'orgs/ws/achievements', sampleAchievement('Discussion design'))).json['id'] as string;
  achB = (await owner.request('POST', 'orgs/ws/achievements', sampleAchievement('Feedback practice'))).json['id'] as string;
  await owner.request('POST', `orgs/ws/achievements/${achA}/publish`);
  await owner.request('POST', `orgs/ws/achievements/${achB}/publish`);
  sid.s1 = await submit(achA);
  // Twenty days old: past the seven-day service level (backdated, so sessions made today stay alive).
  await ctx.deps.db
    .update(submissions)
    .set({ submittedAt: new Date(clock.now().getTime() - 20 * DAY) })
    .where(eq(submissions.id, sid.s1));
  clock.advance(60_000);
  sid.s2 = await submit(achA);
  clock.advance(60_000);
  sid.s3 = await submit(achB);
});
afterAll(async () => ctx.close());

describe('queue filters', () => {
  it('lists everything oldest first, with the micro-credential id and whether I can claim from the row', async () => {
    const r = await queue(a1);
    expect(r.status).toBe(200);
    expect(ids(r.json)).toEqual([sid.s1, sid.s2, sid.s3]);
    expect(r.json[0]).toMatchObject({ achievementId: achA, overdue: true, canClaim: true, claimedByMe: false });
    expect(r.json[2]).toMatchObject({ achievementId: achB, overdue: false });
  });

  it('filters by micro-credential, overdue and state', async () => {
    expect(ids((await queue(a1, `?achievementId=${achB}`)).json)).toEqual([sid.s3]);
    expect(ids((await queue(a1, `?achievementId=${achA}`)).json)).toEqual([sid.s1, sid.s2]);
    expect(ids((await queue(a1, '?overdue=true')).json)).toEqual([sid.s1]);
    expect(ids((await queue(a1, '?overdue=false')).json)).toEqual([sid.s2, sid.s3]);
    expect(ids((await queue(a1, '?state=in_review')).json)).toEqual([]);
  });

  it('filters by claim: mine for the claimant, unclaimed for everyone else', async () => {
    expect((await a1.request('POST', `orgs/ws/submissions/${sid.s2}/claim`)).status).toBe(200);
    expect(ids((await queue(a1, '?claim=mine')).json)).toEqual([sid.s2]);
    expect(ids((await queue(a1, '?claim=unclaimed')).json)).toEqual([sid.s1, sid.s3]);
    expect(ids((await queue(a2, '?claim=mine')).json)).toEqual([]);
    // The single review slot of s2 is a1's: a2 cannot claim it, so it is not "unclaimed" for a2 either.
    expect(ids((await queue(a2, '?claim=unclaimed')).json)).toEqual([sid.s1, sid.s3]);
    expect(ids((await queue(a2, '?state=in_review')).json)).toEqual([sid.s2]);
    const row = rowsOf((await queue(a2)).json).find((x) => x.submissionId === sid.s2);
    expect(row?.canClaim).toBe(false);
    await a1.request('DELETE', `orgs/ws/submissions/${sid.s2}/claim`);
  });

  it('refuses an unknown filter value, naming the field', async () => {
    const r = await queue(a1, '?claim=everyone');
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json['errors'])).toContain('claim');
  });

  it('keeps the queue to reviewers of the organisation', async () => {
    expect((await queue(viewer)).status).toBe(403);
    expect((await outsider.request('GET', 'orgs/ws/queue?claim=unclaimed')).status).toBe(404);
  });
});

describe('claiming from the queue', () => {
  it('lets exactly one of two assessors racing for a single review slot win', async () => {
    const id = await submit(achB);
    const results = await Promise.all([
      a1.request('POST', `orgs/ws/submissions/${id}/claim`),
      a2.request('POST', `orgs/ws/submissions/${id}/claim`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results[0]?.status === 200 ? a1 : a2;
    const loser = winner === a1 ? a2 : a1;
    expect(ids((await queue(winner, '?claim=mine')).json)).toContain(id);
    expect(ids((await queue(loser, '?claim=unclaimed')).json)).not.toContain(id);
    await winner.request('DELETE', `orgs/ws/submissions/${id}/claim`);
  });
});

describe('next submission', () => {
  it('claims the oldest waiting submission for me, returns the one I hold until I review it, then moves on', async () => {
    const first = await a2.request('POST', 'orgs/ws/queue/next', {});
    expect(first.json).toEqual({ submissionId: sid.s1 });
    expect((await a2.request('GET', `orgs/ws/submissions/${sid.s1}`)).json).toMatchObject({ canReview: true, claim: { mine: true } });
    expect((await a2.request('POST', 'orgs/ws/queue/next', {})).json).toEqual({ submissionId: sid.s1 });
    expect((await a2.request('POST', `orgs/ws/submissions/${sid.s1}/reviews`, passAll)).json).toMatchObject({ state: 'passed' });
    expect((await a2.request('POST', 'orgs/ws/queue/next', {})).json).toEqual({ submissionId: sid.s2 });
  });

  it('narrows to one micro-credential, and gives two assessors asking at once different submissions', async () => {
    const [x, y] = await Promise.all([
      a1.request('POST', 'orgs/ws/queue/next', { achievementId: achB }),
      owner.request('POST', 'orgs/ws/queue/next', { achievementId: achB }),
    ]);
    const got = [x?.json['submissionId'], y?.json['submissionId']];
    expect(got.every((g) => typeof g === 'string')).toBe(true);
    expect(new Set(got).size).toBe(2);
    const bRows = ids((await queue(owner, `?achievementId=${achB}`)).json);
    expect(bRows).toEqual(expect.arrayContaining(got as string[]));
  });

  it('answers null when nothing is left for me', async () => {
    const a3 = await inviteAndJoin(ctx, owner, { slug: 'ws', email: 'a3@ws.test', role: 'assessor' });
    const left = ids((await queue(a3, '?claim=unclaimed')).json);
    for (const _ of left) expect((await a3.request('POST', 'orgs/ws/queue/next', {})).status).toBe(200);
    // a3 now holds one and is handed it again; once every other slot is taken there is nothing new.
    const held = (await a3.request('POST', 'orgs/ws/queue/next', {})).json['submissionId'] as string | null;
    if (held) await a3.request('DELETE', `orgs/ws/submissions/${held}/claim`);
    const fresh = await inviteAndJoin(ctx, owner, { slug: 'ws', email: 'a4@ws.test', role: 'assessor' });
    while (((await fresh.request('POST', 'orgs/ws/queue/next', {})).json['submissionId'] as string | null) !== null) {
      const mine = ids((await queue(fresh, '?claim=mine')).json)[0];
      if (!mine) break;
      await fresh.request('POST', `orgs/ws/submissions/${mine}/reviews`, passAll);
    }
    expect(ids((await queue(fresh, '?claim=unclaimed')).json)).toEqual([]);
    expect((await fresh.request('POST', 'orgs/ws/queue/next', {})).json).toEqual({ submissionId: null });
  });

  it('is for reviewers of the organisation only', async () => {
    expect((await viewer.request('POST', 'orgs/ws/queue/next', {})).status).toBe(403);
    expect((await outsider.request('POST', 'orgs/ws/queue/next', {})).status).toBe(404);
  });
});
