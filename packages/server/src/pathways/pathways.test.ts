// Pathways: a designer builds and publishes a stack; everyone who already qualifies is awarded on publish; a new
// credential completes it through a job; awards are exactly-once under concurrency; the learner's map; the
// signed CLR 2.0 record verifies with Tessera's verifier and with the @digitalbazaar stack.
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { verifyCredential } from '@digitalbazaar/vc';
import { documentLoader } from '@tessera/credentials';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueAward } from '../awards/index.js';
import { auditEvents, awards, credentials, jobs, pathwayCompletions, pathways, pathwayVersions, walletItems } from '../db/schema.js';
import { JOB_HANDLERS } from '../jobs/handlers.js';
import { startWorker } from '../jobs/index.js';
import { DEMO_ACHIEVEMENTS } from '../seed/catalog.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';
import { evaluateLearnerPathways, schedulePathwayEvaluation } from './index.js';

type Json = Record<string, unknown>;
let ctx: TestContext;
let designer: ApiClient;
let assessor: ApiClient;
let alex: ApiClient;
let jordan: ApiClient;
let outsider: ApiClient;
const ach: Record<string, string> = {};
let certificateId = '';
let milestoneId = '';
let pathwayId = '';

async function signIn(email: string) {
  const client = new ApiClient(ctx);
  expect((await client.request('POST', 'auth/signin', { email, password: DEMO_PASSWORD })).status).toBe(200);
  return client;
}
async function accountId(email: string): Promise<string> {
  const row = await ctx.deps.db.query.accounts.findFirst({ where: (a, { eq: e }) => e(a.email, email) });
  return row?.id ?? '';
}
async function publishedAchievement(name: string, achievementType: string): Promise<string> {
  const base = DEMO_ACHIEVEMENTS[0];
  const r = await designer.request('POST', 'orgs/riverside/achievements', { ...base, name, achievementType });
  expect(r.status, r.text).toBe(201);
  const id = String(r.json['id']);
  expect((await designer.request('POST', `orgs/riverside/achievements/${id}/publish`)).status).toBe(200);
  return id;
}
const runJobs = async () => {
  const worker = startWorker(ctx.deps, { handlers: JOB_HANDLERS, pollMs: 0 });
  while ((await worker.tick()) > 0);
  await worker.stop();
};
const completionAwards = async (learnerId: string, pid = pathwayId) =>
  ctx.deps.db
    .select()
    .from(awards)
    .where(and(eq(awards.source, 'pathway'), eq(awards.idempotencyKey, `pathway:${pid}:${learnerId}`)));

/** Two required steps in order (LMS precedes assessments), an elective group (1 of 2) that is a milestone. */
const content = () => ({
  name: 'Blended Teaching Certificate',
  description: 'Stack the LMS and assessment micro-credentials.',
  completionAchievementId: certificateId,
  groups: [
    { id: 'root', name: 'Blended Teaching Certificate', parentId: null, rule: 'all' },
    { id: 'core', name: 'Core', parentId: 'root', rule: 'all', milestoneAchievementId: milestoneId },
    { id: 'electives', name: 'Electives', parentId: 'root', rule: 'atLeast', n: 1 },
  ],
  steps: [
    { id: 'lms', groupId: 'core', accept: { kind: 'achievement', achievementId: ach['Using the LMS Effectively'] } },
    { id: 'assess', groupId: 'core', accept: { kind: 'achievement', achievementId: ach['Designing Effective Online Assessments'] } },
    { id: 'video', groupId: 'electives', accept: { kind: 'achievement', achievementId: ach['Creating Engaging Video Lectures'] } },
    { id: 'lms2', groupId: 'electives', accept: { kind: 'achievement', achievementId: ach['Using the LMS Effectively'] } },
  ],
  precedes: [{ from: 'lms', to: 'assess' }],
  expiryPolicy: 'require-valid',
});

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  designer = await signIn('designer@riverside.example');
  assessor = await signIn('assessor@riverside.example');
  alex = await signIn('learner@riverside.example');
  jordan = await signIn('learner2@riverside.example');
  outsider = new ApiClient(ctx);
  await outsider.signUp('someone@elsewhere.example');
  const list = (await designer.request('GET', 'orgs/riverside/achievements')).json as unknown as Array<{ id: string; name: string }>;
  for (const a of list) ach[a.name] = a.id;
  certificateId = await publishedAchievement('Blended Teaching Certificate', 'Certificate');
  milestoneId = await publishedAchievement('Blended Teaching Core', 'Badge');
}, 120_000);
afterAll(async () => {
  await ctx?.close();
});

describe('pathways', () => {
  it('refuses bad rules with the field path (step that must fail: the contract or the reference check)', async () => {
    const bad = async (patch: (c: ReturnType<typeof content>) => unknown) => {
      const r = await designer.request('POST', 'orgs/riverside/pathways', patch(content()));
      expect(r.status, r.text).toBe(400);
      return (r.json['errors'] as Array<{ path: string; message: string }>).map((e) => e.path);
    };
    // Cycle in the ordering.
    expect(await bad((c) => ({ ...c, precedes: [...c.precedes, { from: 'assess', to: 'lms' }] }))).toContain('precedes.1');
    // An empty group.
    expect(await bad((c) => ({ ...c, groups: [...c.groups, { id: 'empty', name: 'Empty', parentId: 'root', rule: 'all' }] }))).toContain(
      'groups.3',
    );
    // n larger than the choices.
    expect(await bad((c) => ({ ...c, groups: c.groups.map((g) => (g.id === 'electives' ? { ...g, n: 3 } : g)) }))).toEqual(['groups.2.n']);
    // An unknown achievement.
    expect(
      await bad((c) => ({
        ...c,
        steps: c.steps.map((s, i) => (i === 0 ? { ...s, accept: { kind: 'achievement', achievementId: 'ach_nope' } } : s)),
      })),
    ).toEqual(['steps.0.accept.achievementId']);
    // A completion achievement of another kind of thing: unknown.
    expect(await bad((c) => ({ ...c, completionAchievementId: 'ach_nope' }))).toEqual(['completionAchievementId']);
    // Group containing itself.
    expect(await bad((c) => ({ ...c, groups: c.groups.map((g) => (g.id === 'core' ? { ...g, parentId: 'core' } : g)) }))).toContain(
      'groups.1.parentId',
    );
  });

  it('is designed by designers only, and other organisations cannot see it', async () => {
    expect((await assessor.request('POST', 'orgs/riverside/pathways', content())).status).toBe(403);
    expect((await outsider.request('POST', 'orgs/riverside/pathways', content())).status).toBe(404);
    expect((await alex.request('GET', 'orgs/riverside/pathways')).status).toBe(404);
    const r = await designer.request('POST', 'orgs/riverside/pathways', content());
    expect(r.status, r.text).toBe(201);
    pathwayId = String(r.json['id']);
    expect(r.json).toMatchObject({ status: 'draft', hasUnpublishedChanges: true, versions: [] });
    expect((await assessor.request('GET', `orgs/riverside/pathways/${pathwayId}`)).status).toBe(200);
    expect((await assessor.request('POST', `orgs/riverside/pathways/${pathwayId}/publish`)).status).toBe(403);
    // A draft pathway is not in the catalog nor on a learner's map.
    expect(((await alex.request('GET', 'pathways')).json as unknown as Json[]).map((p) => p['pathwayId'])).not.toContain(pathwayId);
    expect((await alex.request('GET', `me/pathways/${pathwayId}`)).status).toBe(404);
  });

  it('publishes a version and awards, retroactively and once, everyone who already qualifies', async () => {
    const alexId = await accountId('learner@riverside.example');
    const jordanId = await accountId('learner2@riverside.example');
    const r = await designer.request('POST', `orgs/riverside/pathways/${pathwayId}/publish`);
    expect(r.status, r.text).toBe(200);
    // Alex holds LMS and assessments: core (milestone) + an elective (LMS counts there too) → complete. So does Morgan
    // (the seeded learner who holds every demo micro-credential).
    expect(r.json).toMatchObject({ version: 1, retroactiveAwards: 2 });
    expect(await completionAwards(alexId)).toHaveLength(1);
    expect(await completionAwards(jordanId)).toHaveLength(0);
    const milestone = await ctx.deps.db
      .select()
      .from(awards)
      .where(eq(awards.idempotencyKey, `pathway:${pathwayId}:core:${alexId}`));
    expect(milestone).toHaveLength(1);
    const [award] = await completionAwards(alexId);
    const creds = await ctx.deps.db
      .select()
      .from(credentials)
      .where(eq(credentials.awardId, award?.id ?? ''));
    expect(creds).toHaveLength(1);
    expect(creds[0]?.learnerId).toBe(alexId);
    const audit = (await ctx.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'pathway.completed'))).filter(
      (a) => a.target === pathwayId && a.detail['learnerId'] === alexId,
    );
    expect(audit.map((a) => a.detail['milestone'] ?? 'completion').sort()).toEqual(['completion', 'core']);
    // The job queued by publish runs later and finds nothing more to award.
    await runJobs();
    expect(await completionAwards(alexId)).toHaveLength(1);
    expect(await ctx.deps.db.select().from(pathwayCompletions).where(eq(pathwayCompletions.learnerId, alexId))).toHaveLength(2);
    // Republishing the same draft is refused; an edit makes a draft again and a new version, and no second award.
    expect((await designer.request('POST', `orgs/riverside/pathways/${pathwayId}/publish`)).status).toBe(409);
    const edited = await designer.request('PUT', `orgs/riverside/pathways/${pathwayId}`, { ...content(), description: 'Version two.' });
    expect(edited.json).toMatchObject({ status: 'published', hasUnpublishedChanges: true });
    const v2 = await designer.request('POST', `orgs/riverside/pathways/${pathwayId}/publish`);
    expect(v2.json).toMatchObject({ version: 2, retroactiveAwards: 0 });
    expect(await completionAwards(alexId)).toHaveLength(1);
  });

  it('shows a learner the map: done, in progress, locked by ordering, what is next, credits', async () => {
    const r = await jordan.request('GET', `me/pathways/${pathwayId}`);
    expect(r.status, r.text).toBe(200);
    const steps = new Map((r.json['steps'] as Json[]).map((s) => [s['id'], s]));
    expect(steps.get('lms')?.['status']).toBe('done');
    // Jordan submitted the assessments micro-credential (waiting for review).
    expect(steps.get('assess')?.['status']).toBe('in_progress');
    expect(steps.get('video')?.['status']).toBe('in_progress');
    expect(r.json['complete']).toBe(false);
    expect(r.json['next']).toEqual(['assess', 'video']);
    // Sam holds nothing: assessments waits for LMS.
    const sam = await signIn('learner3@riverside.example');
    const s = await sam.request('GET', `me/pathways/${pathwayId}`);
    const samSteps = new Map((s.json['steps'] as Json[]).map((x) => [x['id'], x]));
    expect(samSteps.get('assess')).toMatchObject({ status: 'locked', waitingFor: ['Using the LMS Effectively'] });
    expect(samSteps.get('lms')?.['status']).toBe('available');
    const alexMap = await alex.request('GET', `me/pathways/${pathwayId}`);
    expect(alexMap.json).toMatchObject({ complete: true, completionCredentialId: expect.any(String), completionLapsed: false });
    expect(((await alex.request('GET', 'me/pathways')).json as unknown as Json[]).map((p) => p['pathwayId'])).toContain(pathwayId);
    const catalog = (await outsider.request('GET', 'pathways')).json as unknown as Json[];
    expect(catalog.find((p) => p['pathwayId'] === pathwayId)).toMatchObject({
      stepCount: 4,
      completion: { achievementType: 'Certificate' },
    });
  });

  it('completes through the job committed with a new credential (the hook after issuance)', async () => {
    const jordanId = await accountId('learner2@riverside.example');
    const org = await ctx.deps.db.query.orgs.findFirst({ where: (o, { eq: e }) => e(o.slug, 'riverside') });
    const issued = await issueAward(ctx.deps, {
      orgId: org?.id ?? '',
      achievementId: ach['Designing Effective Online Assessments'] ?? '',
      recipient: { accountId: jordanId },
      source: 'direct',
      idempotencyKey: 'test:jordan-assess',
      createdBy: null,
    });
    const queued = await ctx.deps.db
      .select()
      .from(jobs)
      .where(eq(jobs.idempotencyKey, `pathways.evaluate:${issued.credential?.id}`));
    expect(queued).toHaveLength(1);
    expect(await completionAwards(jordanId)).toHaveLength(0);
    await runJobs();
    expect(await completionAwards(jordanId)).toHaveLength(1);
  });

  it('awards exactly one completion credential when two evaluators race on the same learner', async () => {
    // A second pathway that Alex already meets but was never evaluated for: published without the retroactive run.
    const r = await designer.request('POST', 'orgs/riverside/pathways', {
      ...content(),
      name: 'LMS starter',
      groups: [{ id: 'root', name: 'Start', parentId: null, rule: 'any' }],
      steps: [{ id: 'lms', groupId: 'root', accept: { kind: 'achievement', achievementId: ach['Using the LMS Effectively'] } }],
      precedes: [],
    });
    expect(r.status, r.text).toBe(201);
    const pid = String(r.json['id']);
    // Mark it published directly (as a crash before the retroactive run would leave it).
    const draft = (await ctx.deps.db.select().from(pathways).where(eq(pathways.id, pid)))[0]?.draft ?? {};
    const org = await ctx.deps.db.query.orgs.findFirst({ where: (o, { eq: e }) => e(o.slug, 'riverside') });
    await ctx.deps.db.insert(pathwayVersions).values({
      id: 'pthv_race',
      pathwayId: pid,
      orgId: org?.id ?? '',
      version: 1,
      content: draft,
      achievementIds: [ach['Using the LMS Effectively'] ?? ''],
      completionAchievementId: certificateId,
      publishedAt: new Date(),
      publishedBy: null,
    });
    await ctx.deps.db.update(pathways).set({ status: 'published', latestVersionId: 'pthv_race' }).where(eq(pathways.id, pid));
    const alexId = await accountId('learner@riverside.example');
    const results = await Promise.allSettled([
      evaluateLearnerPathways(ctx.deps, { learnerId: alexId, pathwayIds: [pid] }),
      evaluateLearnerPathways(ctx.deps, { learnerId: alexId, pathwayIds: [pid] }),
    ]);
    expect(results.map((x) => x.status)).toEqual(['fulfilled', 'fulfilled']);
    const made = results.flatMap((x) => (x.status === 'fulfilled' ? x.value : []));
    expect(made.filter((m) => m.created)).toHaveLength(1);
    expect(new Set(made.map((m) => m.credentialId)).size).toBe(1);
    const rows = await completionAwards(alexId, pid);
    expect(rows).toHaveLength(1);
    expect(
      await ctx.deps.db
        .select()
        .from(credentials)
        .where(eq(credentials.awardId, rows[0]?.id ?? '')),
    ).toHaveLength(1);
    expect(
      await ctx.deps.db
        .select()
        .from(awards)
        .where(like(awards.idempotencyKey, `pathway:${pid}:%`)),
    ).toHaveLength(1);
    // A third run later changes nothing.
    expect(await evaluateLearnerPathways(ctx.deps, { learnerId: alexId, pathwayIds: [pid] })).toEqual([]);
  });

  it('keeps each organisation’s pathways to itself, and learner routes need a session', async () => {
    expect((await outsider.request('POST', 'orgs', { slug: 'elsewhere', name: 'Elsewhere' })).status).toBe(201);
    // The owner of another organisation: its own list is empty, Riverside's pathway is not found there.
    expect((await outsider.request('GET', 'orgs/elsewhere/pathways')).json).toEqual([]);
    expect((await outsider.request('GET', `orgs/elsewhere/pathways/${pathwayId}`)).status).toBe(404);
    expect((await outsider.request('PUT', `orgs/elsewhere/pathways/${pathwayId}`, content())).status).toBe(404);
    expect((await outsider.request('POST', `orgs/elsewhere/pathways/${pathwayId}/publish`)).status).toBe(404);
    expect((await outsider.request('GET', `orgs/riverside/pathways/${pathwayId}`)).status).toBe(404);
    // Another organisation's completion achievement cannot be used.
    const theirs = await outsider.request('POST', 'orgs/elsewhere/pathways', content());
    expect(theirs.status).toBe(400);
    expect((theirs.json['errors'] as Array<{ path: string }>).map((e) => e.path)).toEqual([
      'completionAchievementId',
      'groups.1.milestoneAchievementId',
    ]);
    const anonymous = new ApiClient(ctx);
    expect((await anonymous.request('GET', `me/pathways/${pathwayId}`)).status).toBe(401);
    expect((await anonymous.request('GET', `me/pathways/${pathwayId}/clr`)).status).toBe(401);
    expect((await anonymous.request('GET', 'pathways')).status).toBe(200);
  });

  it('accepts a verified imported credential matching a skill alignment (through the wallet-import job)', async () => {
    const r = await designer.request('POST', 'orgs/riverside/pathways', {
      ...content(),
      name: 'Imported skills',
      groups: [{ id: 'root', name: 'Root', parentId: null, rule: 'all' }],
      steps: [
        {
          id: 'ext',
          groupId: 'root',
          accept: { kind: 'imported', label: 'Any badge for data literacy', skill: 'https://skills.example/data-literacy' },
        },
      ],
      precedes: [],
    });
    expect(r.status, r.text).toBe(201);
    const pid = String(r.json['id']);
    expect((await designer.request('POST', `orgs/riverside/pathways/${pid}/publish`)).json).toMatchObject({ retroactiveAwards: 0 });
    const samId = await accountId('learner3@riverside.example');
    const payload = JSON.stringify({
      credentialSubject: {
        achievement: { id: 'https://other.example/a/1', alignment: [{ targetUrl: 'https://skills.example/data-literacy' }] },
      },
    });
    const now = new Date();
    // An unverified import does not count.
    await ctx.deps.db.insert(walletItems).values({
      id: 'wal_bad',
      accountId: samId,
      source: 'paste',
      sourceUrl: null,
      payload,
      mediaType: 'application/json',
      name: 'Forged',
      issuerName: null,
      verdict: 'invalid',
      report: {},
      verifiedAt: now,
      createdAt: now,
    });
    expect(await evaluateLearnerPathways(ctx.deps, { learnerId: samId, pathwayIds: [pid] })).toEqual([]);
    await ctx.deps.db.insert(walletItems).values({
      id: 'wal_ok',
      accountId: samId,
      source: 'paste',
      sourceUrl: null,
      payload,
      mediaType: 'application/json',
      name: 'Data literacy',
      issuerName: 'Other',
      verdict: 'valid',
      report: {},
      verifiedAt: now,
      createdAt: now,
    });
    await schedulePathwayEvaluation(ctx.deps, { learnerId: samId, reason: 'wal_ok' });
    await runJobs();
    expect(await completionAwards(samId, pid)).toHaveLength(1);
    const map = await (await signIn('learner3@riverside.example')).request('GET', `me/pathways/${pid}`);
    expect(map.json).toMatchObject({
      complete: true,
      steps: [{ id: 'ext', status: 'done', satisfiedBy: { kind: 'imported', id: 'wal_ok' } }],
    });
  });

  it('nests the completion with its parts in the wallet', async () => {
    const stacks = (await alex.request('GET', 'me/stacks')).json as unknown as Array<{ pathwayId: string; parts: Json[] }>;
    const mine = stacks.find((s) => s.pathwayId === pathwayId);
    expect(mine?.parts.map((p) => p['name']).sort()).toEqual(
      ['Designing Effective Online Assessments', 'Using the LMS Effectively', 'Using the LMS Effectively'].sort(),
    );
  });

  let clr: Json = {};
  it('exports a signed CLR 2.0 record with isPartOf and precedes; Tessera’s verifier says valid', async () => {
    const r = await alex.request('GET', `me/pathways/${pathwayId}/clr`);
    expect(r.status, r.text).toBe(200);
    clr = r.json as Json;
    expect(clr['type']).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(clr['issuer']).toMatchObject({ id: 'did:web:tessera.test:orgs:riverside' });
    const subject = clr['credentialSubject'] as { verifiableCredential: Json[]; association: Json[] };
    // Completion, milestone, LMS and assessments.
    expect(subject.verifiableCredential).toHaveLength(4);
    const types = subject.association.map((a) => a['associationType']).sort();
    // Milestone → completion, LMS and assessments → milestone, LMS (as an elective) → completion; LMS precedes assessments.
    expect(types).toEqual(['isPartOf', 'isPartOf', 'isPartOf', 'isPartOf', 'precedes']);
    const v = await ctx.app.request('/api/v1/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(clr),
    });
    const report = (await v.json()) as { verdict: string; steps: unknown[] };
    expect(report.verdict, JSON.stringify(report.steps, null, 1)).toBe('valid');
    expect((await jordan.request('GET', `me/pathways/${pathwayId}/clr`)).status).toBe(200);
    expect((await outsider.request('GET', `me/pathways/${pathwayId}/clr`)).status).toBe(404);
  });

  it('verifies with @digitalbazaar/vc, and a changed copy does not', async () => {
    const didDoc = (await (await ctx.app.request('/orgs/riverside/did.json')).json()) as {
      id: string;
      verificationMethod: Array<{ id: string }>;
    };
    const extra = new Map<string, object>([
      [didDoc.id, didDoc],
      ...didDoc.verificationMethod.map((m): [string, object] => [m.id, { '@context': 'https://w3id.org/security/multikey/v1', ...m }]),
    ]);
    const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
    const verify = (credential: Json) =>
      verifyCredential({ credential, suite, documentLoader: documentLoader(extra), checkStatus: async () => ({ verified: true }) });
    const ok = await verify(clr);
    expect(ok.verified, JSON.stringify(ok.error ?? ok, null, 1)).toBe(true);
    expect((await verify({ ...clr, name: 'Another record' })).verified).toBe(false);
  });

  it('with require-valid, a revoked part makes the completion lapse and the record is refused', async () => {
    const owner = await signIn('owner@riverside.example');
    const map = await alex.request('GET', `me/pathways/${pathwayId}`);
    const assess = (map.json['steps'] as Json[]).find((s) => s['id'] === 'assess');
    const credId = String((assess?.['satisfiedBy'] as Json)['id']);
    const rv = await owner.request('POST', `orgs/riverside/credentials/${encodeURIComponent(credId)}/revoke`, { reason: 'Test' });
    expect(rv.status, rv.text).toBe(200);
    const after = await alex.request('GET', `me/pathways/${pathwayId}`);
    expect(after.json).toMatchObject({ completionLapsed: true });
    expect((await alex.request('GET', `me/pathways/${pathwayId}/clr`)).status).toBe(409);
  });
});
