// The gaps closed after the first pathways cut: completion achievements cannot be started by submission; version
// pinning; imported parts in the CLR; the public pathway route; which part lapsed under require-valid; a learner
// check reads only the pathways the new credential can advance.
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { verifyCredential } from '@digitalbazaar/vc';
import { buildAchievementCredential, documentLoader, seedSigner, signDataIntegrity } from '@tessera/credentials';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueAward } from '../awards/index.js';
import { credentials, memberships, pathwayCompletions, pathways, pathwayStepKeys, pathwayVersions, walletItems } from '../db/schema.js';
import { JOB_HANDLERS } from '../jobs/handlers.js';
import { startWorker } from '../jobs/index.js';
import { didKeyOf, generateEd25519 } from '../keys/index.js';
import { DEMO_ACHIEVEMENTS } from '../seed/catalog.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';
import { evaluateLearnerPathways } from './index.js';
import { credentialColumns } from '../credentials/index.js';

type Json = Record<string, unknown>;
let ctx: TestContext;
let designer: ApiClient;
let anonymous: ApiClient;
let orgId = '';
const ach: Record<string, string> = {};
let certificateId = '';

async function signIn(email: string, password = DEMO_PASSWORD) {
  const client = new ApiClient(ctx);
  expect((await client.request('POST', 'auth/signin', { email, password })).status).toBe(200);
  return client;
}
async function newLearner(email: string): Promise<{ client: ApiClient; id: string }> {
  const client = new ApiClient(ctx);
  await client.signUp(email);
  const row = await ctx.deps.db.query.accounts.findFirst({ where: (a, { eq: e }) => e(a.email, email) });
  // A viewer membership makes the account one the organisation may award directly (issueAward's recipient rule).
  await ctx.deps.db.insert(memberships).values({ orgId, accountId: row?.id ?? '', role: 'viewer', createdAt: new Date() });
  return { client, id: row?.id ?? '' };
}
async function publishedAchievement(name: string, achievementType: string): Promise<string> {
  const r = await designer.request('POST', 'orgs/riverside/achievements', { ...DEMO_ACHIEVEMENTS[0], name, achievementType });
  expect(r.status, r.text).toBe(201);
  const id = String(r.json['id']);
  expect((await designer.request('POST', `orgs/riverside/achievements/${id}/publish`)).status).toBe(200);
  return id;
}
async function give(learnerId: string, achievementName: string, key: string): Promise<string> {
  const issued = await issueAward(ctx.deps, {
    orgId,
    achievementId: ach[achievementName] ?? '',
    recipient: { accountId: learnerId },
    source: 'direct',
    idempotencyKey: key,
    createdBy: null,
  });
  return issued.credential?.id ?? '';
}
const runJobs = async () => {
  const worker = startWorker(ctx.deps, { handlers: JOB_HANDLERS, pollMs: 0 });
  while ((await worker.tick()) > 0);
  await worker.stop();
};
async function createPublished(body: Json): Promise<string> {
  const r = await designer.request('POST', 'orgs/riverside/pathways', body);
  expect(r.status, r.text).toBe(201);
  const id = String(r.json['id']);
  const p = await designer.request('POST', `orgs/riverside/pathways/${id}/publish`);
  expect(p.status, p.text).toBe(200);
  return id;
}
const step = (id: string, name: string, groupId = 'root') => ({ id, groupId, accept: { kind: 'achievement', achievementId: ach[name] } });
const LMS = 'Using the LMS Effectively';
const ASSESS = 'Designing Effective Online Assessments';
const VIDEO = 'Creating Engaging Video Lectures';

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  designer = await signIn('designer@riverside.example');
  anonymous = new ApiClient(ctx);
  const org = await ctx.deps.db.query.orgs.findFirst({ where: (o, { eq: e }) => e(o.slug, 'riverside') });
  orgId = org?.id ?? '';
  const list = (await designer.request('GET', 'orgs/riverside/achievements')).json as unknown as Array<{ id: string; name: string }>;
  for (const a of list) ach[a.name] = a.id;
  certificateId = await publishedAchievement('Gap Certificate', 'Certificate');
}, 120_000);
afterAll(async () => {
  await ctx?.close();
});

describe('pathway gaps', () => {
  let mainId = '';
  it('shows a completion achievement as earned by the pathway, and refuses to start a submission for it', async () => {
    const milestoneId = await publishedAchievement('Gap Milestone', 'Badge');
    const learner = await newLearner('starter@elsewhere.example');
    // Before any pathway awards it, the certificate is an ordinary micro-credential: no pathway link.
    const before = await learner.client.request('GET', `catalog/${certificateId}`);
    expect(before.json['awardedByPathway']).toBeNull();
    mainId = await createPublished({
      name: 'Gap Pathway',
      description: 'LMS then assessments.',
      completionAchievementId: certificateId,
      groups: [
        { id: 'root', name: 'Gap Pathway', parentId: null, rule: 'all' },
        { id: 'core', name: 'Core', parentId: 'root', rule: 'all', milestoneAchievementId: milestoneId },
      ],
      steps: [step('lms', LMS, 'core'), step('assess', ASSESS, 'core')],
      precedes: [{ from: 'lms', to: 'assess' }],
      expiryPolicy: 'require-valid',
    });
    for (const id of [certificateId, milestoneId]) {
      const detail = await anonymous.request('GET', `catalog/${id}`);
      expect(detail.json['awardedByPathway']).toEqual({ pathwayId: mainId, name: 'Gap Pathway' });
      // Step that must fail: start-submission's pathway check (the achievement is published and startable otherwise).
      const start = await learner.client.request('POST', `catalog/${id}/start`);
      expect(start.status, start.text).toBe(409);
      expect(start.headers.get('content-type')).toContain('application/problem+json');
      expect(String(start.json['detail'])).toContain('earned by completing the pathway "Gap Pathway"');
    }
    const page = (await anonymous.request('GET', 'catalog?pageSize=50')).json as unknown as { items: Json[] };
    const byId = new Map(page.items.map((i) => [i['achievementId'], i]));
    expect(byId.get(certificateId)?.['awardedByPathway']).toMatchObject({ pathwayId: mainId });
    expect(byId.get(ach[LMS])?.['awardedByPathway']).toBeNull();
    expect((await learner.client.request('POST', `catalog/${ach[LMS]}/start`)).status).toBe(201);
  });

  it('lets anyone signed out read a published pathway; a draft stays hidden', async () => {
    const r = await anonymous.request('GET', `pathways/${mainId}`);
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({
      name: 'Gap Pathway',
      issuer: { slug: 'riverside' },
      completion: { achievementId: certificateId, name: 'Gap Certificate', achievementType: 'Certificate' },
      rootId: 'root',
      steps: [
        { id: 'lms', label: LMS, after: [] },
        { id: 'assess', label: ASSESS, after: [LMS] },
      ],
    });
    expect((r.json['groups'] as Json[]).find((g) => g['id'] === 'core')).toMatchObject({ milestoneName: 'Gap Milestone', needed: 2 });
    const draft = await designer.request('POST', 'orgs/riverside/pathways', {
      name: 'Hidden draft',
      completionAchievementId: certificateId,
      groups: [{ id: 'root', name: 'Root', parentId: null, rule: 'all' }],
      steps: [step('lms', LMS)],
    });
    expect((await anonymous.request('GET', `pathways/${String(draft.json['id'])}`)).status).toBe(404);
  });

  it('pins a learner to the version current when they first made progress, and says what changed', async () => {
    const early = await newLearner('early@elsewhere.example');
    const late = await newLearner('late@elsewhere.example');
    await give(early.id, LMS, 'gap:early-lms');
    await runJobs();
    // Version 2 adds a required step.
    const v2 = {
      name: 'Gap Pathway',
      description: 'Now with video.',
      completionAchievementId: certificateId,
      groups: [
        { id: 'root', name: 'Gap Pathway', parentId: null, rule: 'all' },
        { id: 'core', name: 'Core', parentId: 'root', rule: 'all', milestoneAchievementId: null },
      ],
      steps: [step('lms', LMS, 'core'), step('assess', ASSESS, 'core'), step('video', VIDEO)],
      precedes: [{ from: 'lms', to: 'assess' }],
      expiryPolicy: 'require-valid',
    };
    expect((await designer.request('PUT', `orgs/riverside/pathways/${mainId}`, v2)).status).toBe(200);
    expect((await designer.request('POST', `orgs/riverside/pathways/${mainId}/publish`)).json).toMatchObject({ version: 2 });
    const mapEarly = (await early.client.request('GET', `me/pathways/${mainId}`)).json;
    expect(mapEarly).toMatchObject({ version: 1, currentVersion: 2 });
    expect(mapEarly['versionChanges']).toEqual([`Added: ${VIDEO}`]);
    expect((mapEarly['steps'] as Json[]).map((s) => s['id'])).toEqual(['lms', 'assess']);
    const mapLate = (await late.client.request('GET', `me/pathways/${mainId}`)).json;
    expect(mapLate).toMatchObject({ version: 2, currentVersion: 2, versionChanges: [] });
    // The early learner completes on version 1 without the new step.
    await give(early.id, ASSESS, 'gap:early-assess');
    await runJobs();
    const [done] = await ctx.deps.db.select().from(pathwayCompletions).where(eq(pathwayCompletions.learnerId, early.id));
    const v1 = await ctx.deps.db.select().from(pathwayVersions).where(eq(pathwayVersions.pathwayId, mainId));
    expect(done?.versionId).toBe(v1.find((v) => v.version === 1)?.id);
    // The late learner, on version 2, needs the video step too.
    await give(late.id, LMS, 'gap:late-lms');
    await give(late.id, ASSESS, 'gap:late-assess');
    await runJobs();
    expect(await ctx.deps.db.select().from(pathwayCompletions).where(eq(pathwayCompletions.learnerId, late.id))).toEqual([]);
    expect((await late.client.request('GET', `me/pathways/${mainId}`)).json).toMatchObject({ version: 2, complete: false });
  });

  it('with require-valid, says which part lapsed and what to do, and keeps the completion credential', async () => {
    const early = await signIn('early@elsewhere.example', 'correct horse battery');
    const owner = await signIn('owner@riverside.example');
    const map = (await early.request('GET', `me/pathways/${mainId}`)).json;
    const assessCred = String(((map['steps'] as Json[]).find((s) => s['id'] === 'assess')?.['satisfiedBy'] as Json)['id']);
    const completionCred = String(map['completionCredentialId']);
    const rv = await owner.request('POST', `orgs/riverside/credentials/${encodeURIComponent(assessCred)}/revoke`, { reason: 'Test' });
    expect(rv.status, rv.text).toBe(200);
    const after = (await early.request('GET', `me/pathways/${mainId}`)).json;
    expect(after['completionLapsed']).toBe(true);
    expect((after['steps'] as Json[]).find((s) => s['id'] === 'assess')).toMatchObject({
      status: 'available',
      satisfiedBy: null,
      lapsed: { credentialId: assessCred, status: 'revoked' },
    });
    expect((after['steps'] as Json[]).find((s) => s['id'] === 'lms')?.['lapsed']).toBeNull();
    const [completion] = await ctx.deps.db.select(credentialColumns).from(credentials).where(eq(credentials.id, completionCred));
    expect(completion?.revokedAt).toBeNull();
    expect((await early.request('GET', `me/pathways/${mainId}/clr`)).status).toBe(409);
  });

  it('puts a verified imported part in the CLR as received, with isPartOf, and the record verifies', async () => {
    const learner = await newLearner('importer@elsewhere.example');
    const key = generateEd25519();
    const { did, id: method } = didKeyOf(key.publicKeyMultibase);
    const external = await signDataIntegrity(
      buildAchievementCredential({
        id: 'urn:uuid:5b0b0b9e-3d5e-4a55-9d3a-8b1f6f4f2a11',
        issuer: { id: did, name: 'Other College' },
        name: 'Data literacy',
        validFrom: new Date('2026-01-01T00:00:00Z'),
        subject: {
          id: 'did:example:importer',
          achievement: {
            id: 'https://other.example/achievements/data-literacy',
            type: ['Achievement'],
            name: 'Data literacy',
            description: 'Reads data.',
            criteria: { narrative: 'Passed.' },
          },
        },
      }) as unknown as Json,
      { signer: seedSigner(key.seed, method), created: '2026-01-01T00:00:00Z', loader: documentLoader() },
    );
    const payload = JSON.stringify(external, null, 2);
    const now = new Date();
    await ctx.deps.db.insert(walletItems).values({
      id: 'wal_gap',
      accountId: learner.id,
      source: 'paste',
      sourceUrl: null,
      payload,
      mediaType: 'application/json',
      name: 'Data literacy',
      issuerName: 'Other College',
      verdict: 'valid',
      report: {},
      verifiedAt: now,
      createdAt: now,
    });
    const pid = await createPublished({
      name: 'Imported parts',
      completionAchievementId: certificateId,
      groups: [{ id: 'root', name: 'Root', parentId: null, rule: 'all' }],
      steps: [
        step('lms', LMS),
        {
          id: 'ext',
          groupId: 'root',
          accept: { kind: 'imported', label: 'Data literacy', achievementIri: 'https://other.example/achievements/data-literacy' },
        },
      ],
      precedes: [{ from: 'ext', to: 'lms' }],
    });
    await give(learner.id, LMS, 'gap:importer-lms');
    await runJobs();
    const r = await learner.client.request('GET', `me/pathways/${pid}/clr`);
    expect(r.status, r.text).toBe(200);
    const clr = r.json as Json;
    const subject = clr['credentialSubject'] as { verifiableCredential: Json[]; association: Json[] };
    expect(subject.verifiableCredential).toHaveLength(3);
    expect(subject.verifiableCredential).toContainEqual(JSON.parse(payload));
    const certIri = ((subject.verifiableCredential[0]?.['credentialSubject'] as Json)['achievement'] as Json)['id'];
    expect(subject.association).toContainEqual({
      type: 'Association',
      associationType: 'isPartOf',
      sourceId: 'https://other.example/achievements/data-literacy',
      targetId: certIri,
    });
    expect(subject.association.filter((a) => a['associationType'] === 'precedes')).toEqual([
      expect.objectContaining({ sourceId: 'https://other.example/achievements/data-literacy' }),
    ]);
    const v = await ctx.app.request('/api/v1/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(clr),
    });
    const report = (await v.json()) as { verdict: string; steps: unknown[] };
    expect(report.verdict, JSON.stringify(report.steps, null, 1)).toBe('valid');
    const didDoc = (await (await ctx.app.request('/orgs/riverside/did.json')).json()) as {
      id: string;
      verificationMethod: Array<{ id: string }>;
    };
    const extra = new Map<string, object>([
      [didDoc.id, didDoc],
      ...didDoc.verificationMethod.map((m): [string, object] => [m.id, { '@context': 'https://w3id.org/security/multikey/v1', ...m }]),
    ]);
    const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
    const ok = await verifyCredential({
      credential: clr,
      suite,
      documentLoader: documentLoader(extra),
      checkStatus: async () => ({ verified: true }),
    });
    expect(ok.verified, JSON.stringify(ok.error ?? ok, null, 1)).toBe(true);
  });

  it('checks only the pathways the new credential can advance, however many are published (rows read, not time)', async () => {
    const learner = await newLearner('bench@elsewhere.example');
    // 500 published pathways about the video micro-credential (inserted directly: publishing each would be slow).
    const now = new Date();
    const content = (n: number) => ({
      name: `Bulk ${n}`,
      description: '',
      completionAchievementId: certificateId,
      groups: [{ id: 'root', name: 'Root', parentId: null, rule: 'all', n: null, milestoneAchievementId: null }],
      steps: [{ id: 's', groupId: 'root', accept: { kind: 'achievement', achievementId: ach[VIDEO] } }],
      precedes: [],
      expiryPolicy: 'keep',
    });
    const rows = Array.from({ length: 500 }, (_, n) => ({ id: `pth_bulk${n}`, version: `pthv_bulk${n}` }));
    await ctx.deps.db
      .insert(pathways)
      .values(rows.map((r, n) => ({ id: r.id, orgId, status: 'draft' as const, draft: content(n), createdAt: now, updatedAt: now })));
    await ctx.deps.db.insert(pathwayVersions).values(
      rows.map((r, n) => ({
        id: r.version,
        pathwayId: r.id,
        orgId,
        version: 1,
        content: content(n),
        achievementIds: [ach[VIDEO] ?? ''],
        completionAchievementId: certificateId,
        publishedAt: now,
        publishedBy: null,
      })),
    );
    await ctx.deps.db
      .insert(pathwayStepKeys)
      .values(rows.map((r) => ({ versionId: r.version, pathwayId: r.id, key: `achievement:${ach[VIDEO]}` })));
    for (const r of rows)
      await ctx.deps.db.update(pathways).set({ status: 'published', latestVersionId: r.version }).where(eq(pathways.id, r.id));
    const credentialId = await give(learner.id, LMS, 'gap:bench-lms');
    // The LMS credential can only advance the pathways with an LMS step (the ones published above in this file and the demo's).
    const narrow = { pathwaysEvaluated: 0 };
    await evaluateLearnerPathways(ctx.deps, { learnerId: learner.id, reason: credentialId, stats: narrow });
    const withLms = await ctx.deps.db
      .selectDistinct({ id: pathwayStepKeys.pathwayId })
      .from(pathwayStepKeys)
      .where(eq(pathwayStepKeys.key, `achievement:${ach[LMS]}`));
    expect(narrow.pathwaysEvaluated).toBeGreaterThan(0);
    expect(narrow.pathwaysEvaluated).toBeLessThanOrEqual(withLms.length);
    expect(narrow.pathwaysEvaluated).toBeLessThan(10);
    // Without a reason (an old job) every published pathway is read: the figure the index saves.
    const all = { pathwaysEvaluated: 0 };
    await evaluateLearnerPathways(ctx.deps, { learnerId: learner.id, stats: all });
    expect(all.pathwaysEvaluated).toBeGreaterThanOrEqual(500);
    // A verified import is narrowed by its achievement IRI and skills: one naming nothing a step accepts reads none.
    await ctx.deps.db.insert(walletItems).values({
      id: 'wal_bench',
      accountId: learner.id,
      source: 'paste',
      sourceUrl: null,
      payload: JSON.stringify({ credentialSubject: { achievement: { id: 'https://unrelated.example/a' } } }),
      mediaType: 'application/json',
      name: 'Unrelated',
      issuerName: null,
      verdict: 'valid',
      report: {},
      verifiedAt: now,
      createdAt: now,
    });
    const none = { pathwaysEvaluated: 0 };
    await evaluateLearnerPathways(ctx.deps, { learnerId: learner.id, reason: 'wal_bench', stats: none });
    expect(none.pathwaysEvaluated).toBe(0);
  }, 60_000);
});
