import { Notification } from '@tessera/shared';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accounts, notifications } from '../db/schema.js';
import { JOB_HANDLERS } from '../jobs/handlers.js';
import { startWorker } from '../jobs/worker.js';
import { listMail } from '../mail/store.js';
import { FixedClock } from '../shared/clock.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, inviteAndJoin } from '../testing/harness.js';
import { nextDigestAt } from './send-notice-digest.js';
import { notifyAssessors } from './notify-assessors.js';

// 10:00 UTC: the next digest goes out tomorrow at 07:00.
const clock = new FixedClock(new Date('2026-04-10T10:00:00.000Z'));
let ctx: TestContext;
const c = {} as Record<
  'owner' | 'eager' | 'quiet' | 'digest' | 'mute' | 'unverified' | 'viewer' | 'designer' | 'farAssessor' | 'learner',
  ApiClient
>;
let achievementId = '';
let submissionId = '';

async function runJobs(): Promise<void> {
  const worker = startWorker(ctx.deps, { handlers: JOB_HANDLERS, pollMs: 0 });
  while ((await worker.tick()) > 0);
  await worker.stop();
}

async function noticesOf(client: ApiClient): Promise<Array<{ title: string; link: string | null }>> {
  return z.array(Notification).parse((await client.request('GET', 'me/notifications')).json);
}

async function mailTo(email: string, about = 'to review') {
  return (await listMail(ctx.deps.db, 1000)).filter((m) => m.to === email && m.subject.includes(about));
}

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  c.owner = new ApiClient(ctx);
  await c.owner.signUp('owner@nt.test');
  await c.owner.request('POST', 'orgs', { slug: 'nt', name: 'Notice Town', doubleScorePercent: 0 });
  for (const [k, role] of [
    ['eager', 'assessor'],
    ['quiet', 'assessor'],
    ['digest', 'assessor'],
    ['mute', 'assessor'],
    ['unverified', 'assessor'],
    ['viewer', 'viewer'],
    ['designer', 'designer'],
  ] as const) {
    c[k] = await inviteAndJoin(ctx, c.owner, { slug: 'nt', email: `${k}@nt.test`, role });
  }
  const far = new ApiClient(ctx);
  await far.signUp('owner@far.test');
  await far.request('POST', 'orgs', { slug: 'far', name: 'Far Away' });
  c.farAssessor = await inviteAndJoin(ctx, far, { slug: 'far', email: 'assessor@far.test', role: 'assessor' });
  c.learner = new ApiClient(ctx);
  await c.learner.signUp('learner@nt.test');
  const confirmed = ['owner', 'eager', 'quiet', 'digest', 'mute', 'viewer', 'designer', 'farAssessor', 'learner'].map((k) =>
    k === 'farAssessor' ? 'assessor@far.test' : k === 'learner' ? 'learner@nt.test' : `${k}@nt.test`,
  );
  await ctx.deps.db.update(accounts).set({ emailVerifiedAt: clock.now() }).where(inArray(accounts.email, confirmed));
  expect((await c.quiet.request('PUT', 'orgs/nt/notification-preferences', { inApp: false })).status).toBe(200);
  expect((await c.digest.request('PUT', 'orgs/nt/notification-preferences', { email: 'digest' })).json).toEqual({
    orgSlug: 'nt',
    orgName: 'Notice Town',
    inApp: true,
    email: 'digest',
  });
  expect((await c.mute.request('PUT', 'orgs/nt/notification-preferences', { email: 'off' })).status).toBe(200);
  achievementId = (await c.owner.request('POST', 'orgs/nt/achievements', sampleAchievement('Questioning'))).json['id'] as string;
  await c.owner.request('POST', `orgs/nt/achievements/${achievementId}/publish`);
  submissionId = (await c.learner.request('POST', `catalog/${achievementId}/start`)).json['id'] as string;
  await c.learner.request('PUT', `me/submissions/${submissionId}/evidence/plan`, { kind: 'text', text: 'plan' });
  await c.learner.request('PUT', `me/submissions/${submissionId}/evidence/transcript`, { kind: 'link', url: 'https://example.org/t' });
  await c.learner.request('PUT', `me/submissions/${submissionId}/evidence/reflection`, { kind: 'text', text: 'reflection' });
  expect((await c.learner.request('POST', `me/submissions/${submissionId}/submit`)).status).toBe(200);
  await runJobs();
});
afterAll(async () => ctx.close());

describe('notices of new submissions', () => {
  it('tells reviewers in the app, with a link to the submission, as each chose', async () => {
    for (const k of ['owner', 'eager', 'digest', 'mute', 'unverified'] as const) {
      const mine = (await noticesOf(c[k])).filter((n) => n.title.includes('to review'));
      expect(mine, k).toEqual([
        expect.objectContaining({ title: 'New submission to review: “Questioning”', link: `/app/orgs/nt/submissions/${submissionId}` }),
      ]);
    }
    expect((await noticesOf(c.quiet)).filter((n) => n.title.includes('to review'))).toEqual([]);
  });

  it('emails at once only those who want it and have a confirmed address', async () => {
    expect(await mailTo('eager@nt.test')).toHaveLength(1);
    expect((await mailTo('eager@nt.test'))[0]?.text).toContain(`http://tessera.test/app/orgs/nt/submissions/${submissionId}`);
    expect(await mailTo('quiet@nt.test')).toHaveLength(1);
    expect(await mailTo('owner@nt.test')).toHaveLength(1);
    expect(await mailTo('digest@nt.test')).toHaveLength(0);
    expect(await mailTo('mute@nt.test')).toHaveLength(0);
    expect(await mailTo('unverified@nt.test')).toHaveLength(0);
  });

  it('tells nobody who cannot review, nor the learner, nor another organisation', async () => {
    for (const k of ['viewer', 'designer', 'learner', 'farAssessor'] as const) {
      expect(
        (await noticesOf(c[k])).filter((n) => n.title.includes('to review')),
        k,
      ).toEqual([]);
      expect(await mailTo(k === 'farAssessor' ? 'assessor@far.test' : `${k}@nt.test`), k).toHaveLength(0);
    }
  });

  it('sends nothing twice when the notice runs again for the same attempt', async () => {
    const before = (await ctx.deps.db.select().from(notifications)).length;
    expect(await notifyAssessors(ctx.deps, { submissionId, attempt: 1 })).toEqual({ notified: 0 });
    expect((await ctx.deps.db.select().from(notifications)).length).toBe(before);
    expect(await mailTo('eager@nt.test')).toHaveLength(1);
  });

  it('tells reviewers again when the learner resubmits after a revision', async () => {
    await c.eager.request('POST', `orgs/nt/submissions/${submissionId}/claim`);
    const revise = ['c1', 'c2', 'c3'].map((criterionId) => ({
      criterionId,
      levelId: criterionId === 'c3' ? 'l1' : 'l3',
      feedback: 'More reflection, please',
    }));
    expect(
      (await c.eager.request('POST', `orgs/nt/submissions/${submissionId}/reviews`, { scores: revise, decision: 'needs_revision' })).json,
    ).toMatchObject({ state: 'needs_revision' });
    await c.learner.request('PUT', `me/submissions/${submissionId}/evidence/reflection`, { kind: 'text', text: 'a deeper reflection' });
    expect((await c.learner.request('POST', `me/submissions/${submissionId}/submit`)).status).toBe(200);
    await runJobs();
    expect((await noticesOf(c.eager)).map((n) => n.title)).toContain('Revised submission to review: “Questioning”');
    expect(await mailTo('eager@nt.test')).toHaveLength(2);
  });
});

describe('notification preferences', () => {
  it('lists the organisations where I review, with defaults until I change them', async () => {
    expect((await c.eager.request('GET', 'me/notification-preferences')).json).toEqual({
      emailVerified: true,
      orgs: [{ orgSlug: 'nt', orgName: 'Notice Town', inApp: true, email: 'immediate' }],
    });
    expect((await c.quiet.request('GET', 'me/notification-preferences')).json).toMatchObject({
      orgs: [{ orgSlug: 'nt', inApp: false, email: 'immediate' }],
    });
    expect((await c.unverified.request('GET', 'me/notification-preferences')).json).toMatchObject({ emailVerified: false });
    expect((await c.viewer.request('GET', 'me/notification-preferences')).json).toEqual({ emailVerified: true, orgs: [] });
  });

  it('keeps the other setting when one changes', async () => {
    await c.mute.request('PUT', 'orgs/nt/notification-preferences', { inApp: false });
    expect((await c.mute.request('GET', 'me/notification-preferences')).json).toMatchObject({ orgs: [{ inApp: false, email: 'off' }] });
  });

  it('refuses members who do not review, other organisations, signed-out callers and empty or unknown settings', async () => {
    expect((await c.viewer.request('PUT', 'orgs/nt/notification-preferences', { inApp: false })).status).toBe(403);
    expect((await c.farAssessor.request('PUT', 'orgs/nt/notification-preferences', { inApp: false })).status).toBe(404);
    expect((await new ApiClient(ctx).request('GET', 'me/notification-preferences')).status).toBe(401);
    expect((await c.eager.request('PUT', 'orgs/nt/notification-preferences', {})).status).toBe(400);
    const bad = await c.eager.request('PUT', 'orgs/nt/notification-preferences', { email: 'weekly' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json['errors'])).toContain('email');
  });
});

// Last: moving the clock to the digest hour outlives every session above.
describe('daily digest', () => {
  it('gathers digest notices into one email at the next digest time, once', async () => {
    await runJobs();
    expect(await mailTo('digest@nt.test', 'digest')).toHaveLength(0);
    clock.set(new Date(nextDigestAt(clock.now()).getTime() + 1000));
    await runJobs();
    const digest = await mailTo('digest@nt.test', 'digest');
    expect(digest).toHaveLength(1);
    expect(digest[0]?.subject).toBe('Your Tessera digest: 2 new submissions to review');
    expect(digest[0]?.text).toContain('New submission to review: “Questioning”');
    expect(digest[0]?.text).toContain('Revised submission to review: “Questioning”');
    await runJobs();
    expect(await mailTo('digest@nt.test', 'digest')).toHaveLength(1);
  });
});
