// "Learners keep the version they started, unless they choose to move": POST /me/pathways/{id}/move.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueAward } from '../awards/index.js';
import { auditEvents, awards, memberships, pathwayCompletions, pathwayPins, pathwayVersions } from '../db/schema.js';
import { DEMO_ACHIEVEMENTS } from '../seed/catalog.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';
import { evaluateLearnerPathways } from './index.js';

type Json = Record<string, unknown>;
let ctx: TestContext;
let designer: ApiClient;
let orgId = '';
const ach: Record<string, string> = {};
let certificateId = '';

const LMS = 'Using the LMS Effectively';
const ASSESS = 'Designing Effective Online Assessments';
const VIDEO = 'Creating Engaging Video Lectures';

async function newLearner(email: string): Promise<{ client: ApiClient; id: string }> {
  const client = new ApiClient(ctx);
  await client.signUp(email);
  const row = await ctx.deps.db.query.accounts.findFirst({ where: (a, { eq: e }) => e(a.email, email) });
  // A viewer membership makes the account one the organisation may award directly (issueAward's recipient rule).
  await ctx.deps.db.insert(memberships).values({ orgId, accountId: row?.id ?? '', role: 'viewer', createdAt: new Date() });
  return { client, id: row?.id ?? '' };
}
async function give(learnerId: string, achievementName: string): Promise<void> {
  await issueAward(ctx.deps, {
    orgId,
    achievementId: ach[achievementName] ?? '',
    recipient: { accountId: learnerId },
    source: 'direct',
    idempotencyKey: `move:${learnerId}:${achievementName}`,
    createdBy: null,
  });
}
const step = (id: string, name: string) => ({ id, groupId: 'root', accept: { kind: 'achievement', achievementId: ach[name] } });
const content = (second: { id: string; name: string }) => ({
  name: 'Move Pathway',
  description: 'LMS and one more.',
  completionAchievementId: certificateId,
  groups: [{ id: 'root', name: 'Move Pathway', parentId: null, rule: 'all' }],
  steps: [step('lms', LMS), step(second.id, second.name)],
  precedes: [],
  expiryPolicy: 'keep',
});
const pinOf = async (pathwayId: string, learnerId: string) =>
  (
    await ctx.deps.db
      .select({ versionId: pathwayPins.versionId })
      .from(pathwayPins)
      .where(and(eq(pathwayPins.pathwayId, pathwayId), eq(pathwayPins.learnerId, learnerId)))
  )[0]?.versionId;
const completionsOf = async (pathwayId: string, learnerId: string) =>
  ctx.deps.db
    .select()
    .from(pathwayCompletions)
    .where(and(eq(pathwayCompletions.pathwayId, pathwayId), eq(pathwayCompletions.learnerId, learnerId)));

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  designer = new ApiClient(ctx);
  expect((await designer.request('POST', 'auth/signin', { email: 'designer@riverside.example', password: DEMO_PASSWORD })).status).toBe(
    200,
  );
  const org = await ctx.deps.db.query.orgs.findFirst({ where: (o, { eq: e }) => e(o.slug, 'riverside') });
  orgId = org?.id ?? '';
  const list = (await designer.request('GET', 'orgs/riverside/achievements')).json as unknown as Array<{ id: string; name: string }>;
  for (const a of list) ach[a.name] = a.id;
  const r = await designer.request('POST', 'orgs/riverside/achievements', {
    ...DEMO_ACHIEVEMENTS[0],
    name: 'Move Certificate',
    achievementType: 'Certificate',
  });
  expect(r.status, r.text).toBe(201);
  certificateId = String(r.json['id']);
  expect((await designer.request('POST', `orgs/riverside/achievements/${certificateId}/publish`)).status).toBe(200);
}, 180_000);
afterAll(async () => {
  await ctx?.close();
});

describe('moving to the current version of a pathway', () => {
  it('moves only the caller’s pin, audits it, and evaluates the caller on the new version from then on', async () => {
    const created = await designer.request('POST', 'orgs/riverside/pathways', content({ id: 'assess', name: ASSESS }));
    expect(created.status, created.text).toBe(201);
    const pathwayId = String(created.json['id']);
    expect((await designer.request('POST', `orgs/riverside/pathways/${pathwayId}/publish`)).status).toBe(200);
    const mover = await newLearner('mover@elsewhere.example');
    const stayer = await newLearner('stayer@elsewhere.example');
    const late = await newLearner('late@elsewhere.example');
    for (const l of [mover, stayer, late]) {
      await give(l.id, LMS);
      await evaluateLearnerPathways(ctx.deps, { learnerId: l.id, pathwayIds: [pathwayId] });
    }
    const [v1] = await ctx.deps.db.select().from(pathwayVersions).where(eq(pathwayVersions.pathwayId, pathwayId));
    expect(await pinOf(pathwayId, mover.id)).toBe(v1?.id);

    // Step that must fail: the "already on the current version" check (pinned to version 1, which is current).
    const early = await mover.client.request('POST', `me/pathways/${pathwayId}/move`);
    expect(early.status, early.text).toBe(409);
    expect(early.headers.get('content-type')).toContain('application/problem+json');

    // Version 2 replaces the assessments step with video lectures.
    expect((await designer.request('PUT', `orgs/riverside/pathways/${pathwayId}`, content({ id: 'video', name: VIDEO }))).status).toBe(200);
    expect((await designer.request('POST', `orgs/riverside/pathways/${pathwayId}/publish`)).json['version']).toBe(2);
    const before = await mover.client.request('GET', `me/pathways/${pathwayId}`);
    expect([before.json['version'], before.json['currentVersion']]).toEqual([1, 2]);

    const moved = await mover.client.request('POST', `me/pathways/${pathwayId}/move`);
    expect(moved.status, moved.text).toBe(200);
    expect([moved.json['fromVersion'], moved.json['version'], moved.json['completed']]).toEqual([1, 2, false]);
    const progress = moved.json['progress'] as Json;
    expect([progress['version'], progress['currentVersion'], progress['versionChanges']]).toEqual([2, 2, []]);
    expect((progress['steps'] as Json[]).map((s) => [s['label'], s['status']])).toEqual([
      [LMS, 'done'],
      [VIDEO, 'available'],
    ]);
    const v2 = String(progress['versionId']);
    expect(await pinOf(pathwayId, mover.id)).toBe(v2);
    // Another learner is not affected: still pinned to (and shown) version 1.
    expect(await pinOf(pathwayId, stayer.id)).toBe(v1?.id);
    const other = await stayer.client.request('GET', `me/pathways/${pathwayId}`);
    expect([other.json['version'], other.json['currentVersion']]).toEqual([1, 2]);
    const audit = await ctx.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'pathway.version_moved'), eq(auditEvents.target, pathwayId)));
    expect(audit.map((a) => [a.actorId, a.orgId, (a.detail as Json)['fromVersion'], (a.detail as Json)['toVersion']])).toEqual([
      [mover.id, orgId, 1, 2],
    ]);
    // Step that must fail: the conditional pin update / "already on the current version" check (a second move).
    expect((await mover.client.request('POST', `me/pathways/${pathwayId}/move`)).status).toBe(409);

    // Earning the assessments credential completes version 1 (the stayer) but not version 2 (the mover).
    for (const l of [mover, stayer]) {
      await give(l.id, ASSESS);
      await evaluateLearnerPathways(ctx.deps, { learnerId: l.id, pathwayIds: [pathwayId] });
    }
    expect((await completionsOf(pathwayId, stayer.id)).map((c) => c.versionId)).toEqual([v1?.id]);
    expect(await completionsOf(pathwayId, mover.id)).toEqual([]);
    await give(mover.id, VIDEO);
    await evaluateLearnerPathways(ctx.deps, { learnerId: mover.id, pathwayIds: [pathwayId] });
    await evaluateLearnerPathways(ctx.deps, { learnerId: mover.id, pathwayIds: [pathwayId] });
    expect((await completionsOf(pathwayId, mover.id)).map((c) => c.versionId)).toEqual([v2]);

    // Step that must fail: the completed check (a completed pathway keeps its version).
    expect((await stayer.client.request('POST', `me/pathways/${pathwayId}/move`)).status).toBe(409);

    // A learner whose version-2 part arrived but was not evaluated yet (its job still queued) completes on moving,
    // through the keyed award: once, however often evaluation runs afterwards.
    await give(late.id, VIDEO);
    expect(await completionsOf(pathwayId, late.id)).toEqual([]);
    const lateMove = await late.client.request('POST', `me/pathways/${pathwayId}/move`);
    expect(lateMove.status, lateMove.text).toBe(200);
    expect(lateMove.json['completed']).toBe(true);
    expect((lateMove.json['progress'] as Json)['complete']).toBe(true);
    await evaluateLearnerPathways(ctx.deps, { learnerId: late.id, pathwayIds: [pathwayId] });
    expect((await completionsOf(pathwayId, late.id)).map((c) => c.versionId)).toEqual([v2]);
    const lateAwards = await ctx.deps.db
      .select()
      .from(awards)
      .where(and(eq(awards.recipientAccountId, late.id), eq(awards.achievementId, certificateId)));
    expect(lateAwards).toHaveLength(1);
  });

  it('answers 404 for an unknown or unpublished pathway, and 401 when signed out', async () => {
    const learner = await newLearner('lost@elsewhere.example');
    expect((await learner.client.request('POST', 'me/pathways/pth_nope/move')).status).toBe(404);
    const draft = await designer.request('POST', 'orgs/riverside/pathways', {
      ...content({ id: 'assess', name: ASSESS }),
      name: 'Draft Only',
    });
    expect(draft.status, draft.text).toBe(201);
    // Step that must fail: the published check (the pathway exists as a draft only).
    const r = await learner.client.request('POST', `me/pathways/${String(draft.json['id'])}/move`);
    expect(r.status, r.text).toBe(404);
    expect((await new ApiClient(ctx).request('POST', `me/pathways/${String(draft.json['id'])}/move`)).status).toBe(401);
  });
});
