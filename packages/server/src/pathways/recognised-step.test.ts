// A pathway step accepting credentials the pathway's organisation recognises (recognition rules): validation with
// field paths, "no credentials are recognised yet", satisfied by another organisation's credential under a
// published rule in force at its issue date (and not once the rule is withdrawn or outside its dates), the
// learner's map naming the rule, credits from `credit` rules, the learner check narrowing finding the step, the
// auto-award exactly once, and authorisation unchanged.
import type { PathwayContent } from '@tessera/shared';
import { PathwayContent as PathwayContentSchema } from '@tessera/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByEmail } from '../accounts/index.js';
import { awards, jobs, orgs } from '../db/schema.js';
import { JOB_HANDLERS } from '../jobs/handlers.js';
import { startWorker } from '../jobs/index.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, inviteAndJoin } from '../testing/harness.js';
import { evaluatePathway } from './evaluate.js';
import type { Holdings, RecognisedRule } from './evaluate.js';
import { evaluateLearnerPathways, evaluateRecognisingPathways } from './index.js';

type Json = Record<string, unknown>;
const DAY = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();
const fieldPaths = (r: { json: Json }) => ((r.json['errors'] as Array<{ path: string }> | undefined) ?? []).map((e) => e.path);

let ctx: TestContext;
let dOwner: ApiClient; // district: designs the pathway and recognises the partner's achievement
let dAssessor: ApiClient;
let pOwner: ApiClient; // partner: issues the achievement that is recognised
let learner: ApiClient;
let learner2: ApiClient;
let outsider: ApiClient;
let learnerId = '';
let learner2Id = '';
let partnerAch = '';
let certificateId = '';

async function publishedAchievement(client: ApiClient, slug: string, name: string, achievementType = 'Badge'): Promise<string> {
  const r = await client.request('POST', `orgs/${slug}/achievements`, { ...sampleAchievement(name), achievementType });
  expect(r.status, r.text).toBe(201);
  const id = String(r.json['id']);
  expect((await client.request('POST', `orgs/${slug}/achievements/${id}/publish`)).status).toBe(200);
  return id;
}
async function award(client: ApiClient, slug: string, achievementId: string, accountId: string): Promise<string> {
  const r = await client.request('POST', `orgs/${slug}/awards`, { achievementId, recipients: [{ accountId }] });
  expect(r.status, r.text).toBe(201);
  const id = (r.json['items'] as Array<{ credentialId: string | null }>)[0]?.credentialId;
  if (!id) throw new Error('no credential');
  return id;
}
const runJobs = async () => {
  const worker = startWorker(ctx.deps, { handlers: JOB_HANDLERS, pollMs: 0 });
  while ((await worker.tick()) > 0);
  await worker.stop();
};
const completionAwards = async (pathwayId: string, who: string) =>
  ctx.deps.db
    .select()
    .from(awards)
    .where(and(eq(awards.source, 'pathway'), eq(awards.idempotencyKey, `pathway:${pathwayId}:${who}`)));

const content = (accept: Json) => ({
  name: 'Online Teaching Certificate',
  description: 'Recognised partner learning counts.',
  completionAchievementId: certificateId,
  groups: [{ id: 'root', name: 'Online Teaching Certificate', parentId: null, rule: 'all' }],
  steps: [{ id: 'rec', groupId: 'root', accept }],
  precedes: [],
  expiryPolicy: 'require-valid',
});
const recognisedStep = (over: Json = {}) => ({
  kind: 'recognised',
  label: 'Recognised online-teaching learning',
  requirement: 'online teaching',
  ruleKinds: ['credit', 'satisfies'],
  ...over,
});

async function createAndPublish(accept: Json): Promise<string> {
  const r = await dOwner.request('POST', 'orgs/district/pathways', content(accept));
  expect(r.status, r.text).toBe(201);
  const id = String(r.json['id']);
  const p = await dOwner.request('POST', `orgs/district/pathways/${id}/publish`);
  expect(p.status, p.text).toBe(200);
  return id;
}
async function stepOf(client: ApiClient, pathwayId: string): Promise<Json & { progress: Json }> {
  const r = await client.request('GET', `me/pathways/${pathwayId}`);
  expect(r.status, r.text).toBe(200);
  const step = (r.json['steps'] as Json[])[0] ?? {};
  return { ...step, progress: r.json };
}

beforeAll(async () => {
  ctx = await createTestContext();
  dOwner = new ApiClient(ctx);
  await dOwner.signUp('owner@district.test');
  expect((await dOwner.request('POST', 'orgs', { slug: 'district', name: 'District' })).status).toBe(201);
  dAssessor = await inviteAndJoin(ctx, dOwner, { slug: 'district', email: 'assessor@district.test', role: 'assessor' });
  pOwner = new ApiClient(ctx);
  await pOwner.signUp('owner@partner.test');
  expect((await pOwner.request('POST', 'orgs', { slug: 'partner', name: 'Partner College' })).status).toBe(201);
  learner = await inviteAndJoin(ctx, pOwner, { slug: 'partner', email: 'learner@partner.test', role: 'viewer' });
  learner2 = await inviteAndJoin(ctx, pOwner, { slug: 'partner', email: 'learner2@partner.test', role: 'viewer' });
  outsider = new ApiClient(ctx);
  await outsider.signUp('outsider@else.test');
  learnerId = (await findAccountByEmail(ctx.deps.db, 'learner@partner.test'))?.id ?? '';
  learner2Id = (await findAccountByEmail(ctx.deps.db, 'learner2@partner.test'))?.id ?? '';
  partnerAch = await publishedAchievement(pOwner, 'partner', 'Teaching Online Fundamentals');
  certificateId = await publishedAchievement(dOwner, 'district', 'Online Teaching Certificate', 'Certificate');
}, 120_000);
afterAll(async () => ctx?.close());

describe('recognised steps (pure evaluation)', () => {
  const p: PathwayContent = PathwayContentSchema.parse({ ...content(recognisedStep()), completionAchievementId: 'ach_cert' });
  const issued = new Date('2026-06-01T00:00:00Z');
  const holdings: Holdings = {
    credentials: [{ id: 'cred_1', achievementId: 'ach_p', status: 'active', issuedAt: issued }],
    imported: [],
    openAchievementIds: new Set(),
  };
  const rule = (over: Partial<RecognisedRule> = {}): RecognisedRule => ({
    id: 'rcr_1',
    achievementId: 'ach_p',
    achievementName: 'Partner course',
    kind: 'credit',
    amount: 3,
    target: 'the Online Teaching requirement',
    validFrom: new Date('2026-01-01T00:00:00Z'),
    validUntil: new Date('2027-01-01T00:00:00Z'),
    statement: 'Counts as 3 credits toward the Online Teaching requirement at District',
    ...over,
  });
  const status = (rules: RecognisedRule[], h: Holdings = holdings) => evaluatePathway(p, h, rules).steps.get('rec');

  it('is satisfied by a credential issued while a rule naming the requirement was in force', () => {
    expect(status([rule()])).toMatchObject({ status: 'done', satisfiedBy: { kind: 'credential', id: 'cred_1' }, rule: { id: 'rcr_1' } });
  });
  it('is not satisfied when the credential was issued outside the rule dates (step that must fail: the date check)', () => {
    expect(status([rule({ validFrom: new Date('2026-07-01T00:00:00Z') })])?.status).toBe('available');
    expect(status([rule({ validUntil: issued })])?.status).toBe('available');
  });
  it('uses only rules of its kinds that name its requirement, and only credentials that count', () => {
    expect(status([rule({ kind: 'hours' })])?.status).toBe('available');
    expect(status([rule({ target: 'licence renewal' })])?.status).toBe('available');
    expect(status([rule({ achievementId: 'ach_other' })])?.status).toBe('available');
    const revoked: Holdings = { ...holdings, credentials: [{ ...holdings.credentials[0]!, status: 'revoked' }] };
    expect(status([rule()], revoked)?.status).toBe('available');
  });
});

describe('recognised steps (API, jobs, awards)', () => {
  let pathwayId = '';
  let ruleId = '';

  it('refuses a bad recognised step with field paths', async () => {
    const r1 = await dOwner.request('POST', 'orgs/district/pathways', content(recognisedStep({ ruleKinds: [] })));
    expect(r1.status, r1.text).toBe(400);
    expect(fieldPaths(r1)).toEqual(['steps.0.accept.ruleKinds']);
    const r2 = await dOwner.request('POST', 'orgs/district/pathways', content(recognisedStep({ label: ' ' })));
    expect(r2.status, r2.text).toBe(400);
    expect(fieldPaths(r2)).toEqual(['steps.0.accept.label']);
    const r3 = await dOwner.request('POST', 'orgs/district/pathways', content(recognisedStep({ ruleKinds: ['bogus'] })));
    expect(fieldPaths(r3)).toEqual(['steps.0.accept.ruleKinds.0']);
  });

  it('keeps authorisation as it was: only designers and owners of the organisation save and publish', async () => {
    const body = content(recognisedStep());
    expect((await dAssessor.request('POST', 'orgs/district/pathways', body)).status).toBe(403);
    expect((await learner.request('POST', 'orgs/district/pathways', body)).status).toBe(404);
    expect((await pOwner.request('POST', 'orgs/district/pathways', body)).status).toBe(404);
    expect((await outsider.request('POST', 'orgs/district/pathways', body)).status).toBe(404);
  });

  it('can be saved and published with no recognition rules; the map says none are recognised yet', async () => {
    pathwayId = await createAndPublish(recognisedStep());
    const step = await stepOf(learner, pathwayId);
    expect(step['status']).toBe('available');
    expect(step['note']).toBe('No credentials are recognised yet by District for online teaching');
    expect(step['recognisedUnder']).toBeNull();
  });

  it('a draft rule does not count; a published one does, and a new credential auto-awards through the job exactly once', async () => {
    const saved = await dOwner.request('POST', 'orgs/district/recognition/rules', {
      achievementId: partnerAch,
      kind: 'credit',
      amount: 3,
      unit: null,
      target: 'the Online Teaching requirement',
      validFrom: iso(-10),
      validUntil: iso(365),
      rationale: 'Equivalent to our online teaching module.',
    });
    expect(saved.status, saved.text).toBe(201);
    ruleId = String(saved.json['id']);
    // Draft: the learner's credential does not count yet.
    await award(pOwner, 'partner', partnerAch, learner2Id);
    await runJobs();
    expect((await stepOf(learner2, pathwayId))['status']).toBe('available');
    expect(await completionAwards(pathwayId, learner2Id)).toHaveLength(0);

    expect((await dOwner.request('POST', `orgs/district/recognition/rules/${ruleId}/publish`)).status).toBe(200);
    // A new credential after publishing: the credential job's narrowing (recognised:<org> key) finds the pathway.
    await award(pOwner, 'partner', partnerAch, learnerId);
    await runJobs();
    const step = await stepOf(learner, pathwayId);
    expect(step['status']).toBe('done');
    expect(step['satisfiedBy']).toMatchObject({ kind: 'credential' });
    expect(step['recognisedUnder']).toEqual({
      ruleId,
      achievementName: 'Teaching Online Fundamentals',
      statement: 'Counts as 3 credits toward the Online Teaching requirement at District',
    });
    expect(step['note']).toBeNull();
    expect(step['credits']).toBe(3);
    expect(step.progress['creditsEarned']).toBe(3);
    expect(step.progress['complete']).toBe(true);
    expect(await completionAwards(pathwayId, learnerId)).toHaveLength(1);
    // Again, concurrently: still one award.
    await Promise.all([
      evaluateLearnerPathways(ctx.deps, { learnerId, pathwayIds: [pathwayId] }),
      evaluateLearnerPathways(ctx.deps, { learnerId, pathwayIds: [pathwayId] }),
    ]);
    expect(await completionAwards(pathwayId, learnerId)).toHaveLength(1);
  });

  it('a learner who held the credential before the rule was published is awarded by the job the publish queued, once', async () => {
    // Publishing the rule (above) committed a pathways.evaluate_recognising job with it; the runJobs there ran it.
    expect(await completionAwards(pathwayId, learner2Id)).toHaveLength(1);
    const [cred] = await ctx.deps.db.query.credentials.findMany({
      where: (c, { and: a, eq: e }) => a(e(c.learnerId, learner2Id), e(c.achievementId, partnerAch)),
    });
    // The next check of that credential finds the pathway (narrowed to it) and awards nothing more.
    const stats = { pathwaysEvaluated: 0 };
    const made = await evaluateLearnerPathways(ctx.deps, { learnerId: learner2Id, reason: cred?.id ?? '', stats });
    expect(stats.pathwaysEvaluated).toBe(1);
    expect(made.filter((a) => a.created && a.pathwayId === pathwayId)).toHaveLength(0);
    expect(await completionAwards(pathwayId, learner2Id)).toHaveLength(1);
  });

  it('no longer counts once the rule is withdrawn (the completion already awarded is kept)', async () => {
    const w = await dOwner.request('POST', `orgs/district/recognition/rules/${ruleId}/withdraw`, { reason: 'Module retired' });
    expect(w.status, w.text).toBe(200);
    const step = await stepOf(learner, pathwayId);
    expect(step['status']).toBe('available');
    expect(step['recognisedUnder']).toBeNull();
    expect(step['note']).toBe('No credentials are recognised yet by District for online teaching');
    expect(step.progress['creditsEarned']).toBe(0);
    expect(await completionAwards(pathwayId, learnerId)).toHaveLength(1);
  });

  it('does not count a credential issued before the rule was in force', async () => {
    const later = await publishedAchievement(pOwner, 'partner', 'Advanced Online Facilitation');
    const cred = await award(pOwner, 'partner', later, learner2Id);
    expect(cred).toBeTruthy();
    const saved = await dOwner.request('POST', 'orgs/district/recognition/rules', {
      achievementId: later,
      kind: 'satisfies',
      amount: null,
      unit: null,
      target: 'Online teaching practicum',
      validFrom: iso(5),
      validUntil: null,
      rationale: 'From next week.',
    });
    expect(saved.status, saved.text).toBe(201);
    expect((await dOwner.request('POST', `orgs/district/recognition/rules/${String(saved.json['id'])}/publish`)).status).toBe(200);
    const second = await createAndPublish(recognisedStep({ requirement: 'practicum', ruleKinds: ['satisfies'] }));
    await runJobs();
    const step = await stepOf(learner2, second);
    expect(step['status']).toBe('available');
    expect(step['note']).toBeNull();
    expect(await completionAwards(second, learner2Id)).toHaveLength(0);
  });

  it('publishing a pathway awards, retroactively and once, holders of credentials it recognises', async () => {
    const saved = await dOwner.request('POST', 'orgs/district/recognition/rules', {
      achievementId: partnerAch,
      kind: 'satisfies',
      amount: null,
      unit: null,
      target: 'Online teaching practicum',
      validFrom: iso(-30),
      validUntil: null,
      rationale: 'Includes a supervised practicum.',
    });
    expect(saved.status, saved.text).toBe(201);
    expect((await dOwner.request('POST', `orgs/district/recognition/rules/${String(saved.json['id'])}/publish`)).status).toBe(200);
    const r = await dOwner.request('POST', 'orgs/district/pathways', {
      ...content(recognisedStep({ requirement: 'PRACTICUM', ruleKinds: ['satisfies'] })),
      name: 'Practicum route',
    });
    expect(r.status, r.text).toBe(201);
    const third = String(r.json['id']);
    const p = await dOwner.request('POST', `orgs/district/pathways/${third}/publish`);
    expect(p.status, p.text).toBe(200);
    await runJobs();
    expect(await completionAwards(third, learnerId)).toHaveLength(1);
    expect(await completionAwards(third, learner2Id)).toHaveLength(1);
    const step = await stepOf(learner2, third);
    expect((step['recognisedUnder'] as Json | null)?.['statement']).toBe('Satisfies Online teaching practicum at District');
    expect(step['credits']).toBeNull();
    await runJobs();
    expect(await completionAwards(third, learnerId)).toHaveLength(1);
  });

  it('publishing a rule queues a check that awards holders who had no new credential, once', async () => {
    const blended = await publishedAchievement(pOwner, 'partner', 'Blended Facilitation');
    await award(pOwner, 'partner', blended, learnerId);
    const fourth = await createAndPublish(recognisedStep({ requirement: 'blended', ruleKinds: ['hours'] }));
    await runJobs();
    const saved = await dOwner.request('POST', 'orgs/district/recognition/rules', {
      achievementId: blended,
      kind: 'hours',
      amount: 10,
      unit: null,
      target: 'blended teaching hours',
      validFrom: iso(-30),
      validUntil: null,
      rationale: 'Ten hours of facilitation.',
    });
    expect(saved.status, saved.text).toBe(201);
    expect((await dOwner.request('POST', `orgs/district/recognition/rules/${String(saved.json['id'])}/publish`)).status).toBe(200);
    const [district] = await ctx.deps.db.select().from(orgs).where(eq(orgs.slug, 'district'));
    const queued = await ctx.deps.db.select().from(jobs).where(eq(jobs.type, 'pathways.evaluate_recognising'));
    expect(queued.map((j) => j.payload)).toContainEqual({
      orgId: district?.id,
      achievementId: blended,
      ruleId: String(saved.json['id']),
    });
    expect(await completionAwards(fourth, learnerId)).toHaveLength(0);
    // The job the publish committed awards the holder who had no new credential; running the check again awards nothing.
    await runJobs();
    expect((await stepOf(learner, fourth))['status']).toBe('done');
    expect(await completionAwards(fourth, learnerId)).toHaveLength(1);
    expect(await evaluateRecognisingPathways(ctx.deps, { orgId: district?.id ?? '', achievementId: blended })).toEqual([]);
    expect(await completionAwards(fourth, learnerId)).toHaveLength(1);
    expect(await completionAwards(fourth, learner2Id)).toHaveLength(0);
  });
});
