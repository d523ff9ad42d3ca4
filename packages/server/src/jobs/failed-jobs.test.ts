import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema.js';
import { FixedClock } from '../shared/clock.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { JOB_HANDLERS } from './handlers.js';
import { claimJobs, findJobByKey } from './store.js';
import { startWorker } from './worker.js';

const clock = new FixedClock(new Date('2026-05-01T00:00:00Z'));
let ctx: TestContext;
let owner: ApiClient;
let learner: ApiClient;
let other: ApiClient;
let submissionId = '';

const scores = ['c1', 'c2', 'c3'].map((criterionId) => ({ criterionId, levelId: 'l3', feedback: 'Clear and specific' }));

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  owner = new ApiClient(ctx);
  await owner.signUp('owner@jobs.example', 'Olive Owner');
  await owner.request('POST', 'orgs', { slug: 'jobs', name: 'Jobs District', doubleScorePercent: 0 });
  const a = await owner.request('POST', 'orgs/jobs/achievements', sampleAchievement());
  const achievementId = a.json['id'] as string;
  await owner.request('POST', `orgs/jobs/achievements/${achievementId}/publish`);
  learner = new ApiClient(ctx);
  await learner.signUp('learner@jobs.example', 'Lee Learner');
  const start = await learner.request('POST', `catalog/${achievementId}/start`);
  submissionId = start.json['id'] as string;
  for (const [req, body] of [
    ['plan', { kind: 'text', text: 'plan' }],
    ['transcript', { kind: 'link', url: 'https://example.org/t' }],
    ['reflection', { kind: 'text', text: 'r' }],
  ] as const) {
    await learner.request('PUT', `me/submissions/${submissionId}/evidence/${req}`, body);
  }
  await learner.request('POST', `me/submissions/${submissionId}/submit`);
  expect((await owner.request('POST', `orgs/jobs/submissions/${submissionId}/claim`)).status).toBe(200);
  expect((await owner.request('POST', `orgs/jobs/submissions/${submissionId}/reviews`, { scores, decision: 'pass' })).status).toBeLessThan(
    300,
  );
  other = new ApiClient(ctx);
  await other.signUp('owner@other-jobs.example');
  await other.request('POST', 'orgs', { slug: 'other-jobs', name: 'Other' });
});
afterAll(async () => ctx.close());

describe('failed issuance jobs', () => {
  it('tells the learner the credential is being signed while the job is pending', async () => {
    const s = await learner.request('GET', `me/submissions/${submissionId}`);
    expect(s.json).toMatchObject({ state: 'passed', credentialId: null, issuance: 'signing' });
  });

  it('a job whose worker dies on every attempt ends dead; owners see it; the learner is told the truth', async () => {
    const job = await findJobByKey(ctx.deps.db, `issue:${submissionId}`);
    expect(job).toMatchObject({ state: 'queued', maxAttempts: 5 });
    for (let i = 1; i <= 5; i++) {
      const claimed = await claimJobs(ctx.deps.db, {
        workerId: `doomed-${i}`,
        types: ['credential.issue'],
        now: clock.now(),
        leaseUntil: new Date(clock.now().getTime() + 60_000),
        limit: 5,
      });
      expect(claimed.map((j) => j.attempts)).toEqual([i]);
      clock.advance(61_000);
    }
    expect(
      await claimJobs(ctx.deps.db, {
        workerId: 'doomed-6',
        types: ['credential.issue'],
        now: clock.now(),
        leaseUntil: new Date(clock.now().getTime() + 60_000),
        limit: 5,
      }),
    ).toEqual([]);

    const failed = await owner.request('GET', 'orgs/jobs/jobs/failed');
    expect(failed.status).toBe(200);
    expect(failed.json).toEqual([
      expect.objectContaining({
        id: job?.id,
        type: 'credential.issue',
        attempts: 5,
        maxAttempts: 5,
        description: `Sign and issue the credential for submission ${submissionId}`,
        lastError: expect.stringContaining('lease ran out'),
      }),
    ]);
    // Another organisation's owner sees none of it, and cannot retry it.
    expect((await other.request('GET', 'orgs/other-jobs/jobs/failed')).json).toEqual([]);
    expect((await other.request('POST', `orgs/other-jobs/jobs/${job?.id}/retry`)).status).toBe(404);

    // Step that must fail before the fix: the learner was told "in a moment" forever.
    const s = await learner.request('GET', `me/submissions/${submissionId}`);
    expect(s.json).toMatchObject({ state: 'passed', credentialId: null, issuance: 'failed' });
  });

  it('an owner retries it (audited), and the credential is issued', async () => {
    const job = await findJobByKey(ctx.deps.db, `issue:${submissionId}`);
    expect((await owner.request('POST', `orgs/jobs/jobs/${job?.id}/retry`)).status).toBe(204);
    expect(await findJobByKey(ctx.deps.db, `issue:${submissionId}`)).toMatchObject({ state: 'queued', attempts: 0 });
    expect((await learner.request('GET', `me/submissions/${submissionId}`)).json['issuance']).toBe('signing');
    const w = startWorker(ctx.deps, { handlers: JOB_HANDLERS, pollMs: 0 });
    while ((await w.tick()) > 0);
    await w.stop();
    expect((await owner.request('GET', 'orgs/jobs/jobs/failed')).json).toEqual([]);
    const s = await learner.request('GET', `me/submissions/${submissionId}`);
    expect(s.json).toMatchObject({ issuance: 'issued', credentialId: expect.any(String) });
    const [event] = await ctx.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'job.retried'), eq(auditEvents.target, job?.id ?? '')));
    expect(event).toBeDefined();
    // A job that is not dead cannot be retried.
    expect((await owner.request('POST', `orgs/jobs/jobs/${job?.id}/retry`)).status).toBe(404);
  });
});
