import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { achievements, awards, credentials, walletItems } from '../db/schema.js';
import { importFramework, matchSkillByUrlOrCode } from '../skills/index.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, inviteAndJoin } from '../testing/harness.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import { refreshRecommendationStats } from '../recommendations/refresh-stats.js';
import { importOccupations } from './import-occupations.js';

let ctx: TestContext;
let owner: ApiClient;
let designer: ApiClient;
let viewer: ApiClient;
let outsider: ApiClient;
let learner: ApiClient;
let other: ApiClient;
let orgId = '';
let learnerId = '';
const skill: Record<string, { id: string; url: string }> = {};
const ach: Record<string, { id: string; versionId: string }> = {};
const URL_OF = (n: number) => `https://skills.test/s${n}`;
type Json = Record<string, unknown>;

async function publish(key: string, name: string, whole: number[], c1: number[]) {
  const a = await owner.request('POST', 'orgs/careers/achievements', sampleAchievement(name));
  const id = a.json['id'] as string;
  const put = await owner.request('PUT', `orgs/careers/achievements/${id}/alignments`, {
    achievement: whole.map((n) => skill[`s${n}`]?.id),
    criteria: c1.length ? { c1: c1.map((n) => skill[`s${n}`]?.id) } : {},
  });
  expect(put.status, put.text).toBe(200);
  expect((await owner.request('POST', `orgs/careers/achievements/${id}/publish`)).status).toBe(200);
  const [row] = await ctx.deps.db.select().from(achievements).where(eq(achievements.id, id));
  ach[key] = { id, versionId: row?.latestVersionId ?? '' };
}

let seq = 0;
/** Record an earned credential (award + credential rows, as issuance stores them) with the given rubric results. */
async function earn(
  accountId: string,
  key: string,
  opts: { at: string; results?: Array<{ criterionId: string; levelId: string }>; revoked?: boolean; validUntil?: string },
) {
  const a = ach[key];
  if (!a) throw new Error(`no achievement ${key}`);
  seq += 1;
  const awardId = `awd_test${seq}`;
  await ctx.deps.db.insert(awards).values({
    id: awardId,
    orgId,
    achievementId: a.id,
    versionId: a.versionId,
    recipientAccountId: accountId,
    recipientName: 'L',
    source: 'direct',
    results: opts.results ?? [],
    idempotencyKey: awardId,
    createdAt: new Date(opts.at),
  });
  await ctx.deps.db.insert(credentials).values({
    id: `http://tessera.test/credentials/c${seq}`,
    orgId,
    achievementId: a.id,
    versionId: a.versionId,
    learnerId: accountId,
    awardId,
    document: {},
    revocationListId: 'stl_test',
    revocationIndex: seq,
    issuedAt: new Date(opts.at),
    validUntil: opts.validUntil ? new Date(opts.validUntil) : null,
    revokedAt: opts.revoked ? new Date(opts.at) : null,
  });
}

/** A wallet item as an import stores it: the verifier's verdict and report (which holds the parsed credential). */
async function imported(accountId: string, id: string, verdict: 'valid' | 'invalid', credential: Json) {
  const steps =
    verdict === 'valid'
      ? [{ code: 'proof', ok: true, message: 'The proof verifies' }]
      : [{ code: 'proof', ok: false, message: 'The signature does not match' }];
  await ctx.deps.db.insert(walletItems).values({
    id,
    accountId,
    source: 'paste',
    sourceUrl: null,
    payload: JSON.stringify(credential),
    mediaType: 'application/json',
    name: `Imported ${id}`,
    issuerName: 'Elsewhere U',
    verdict,
    report: { verdict, steps, credential },
    verifiedAt: new Date(),
    createdAt: new Date(),
  });
}

const ob3 = (alignment: Json[]) => ({
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  id: 'https://elsewhere.example/c/1',
  validFrom: '2026-01-05T00:00:00Z',
  credentialSubject: { achievement: { name: 'X', alignment } },
});

beforeAll(async () => {
  ctx = await createTestContext();
  owner = new ApiClient(ctx);
  await owner.signUp('owner@careers.example');
  orgId = (await owner.request('POST', 'orgs', { slug: 'careers', name: 'Careers College' })).json['id'] as string;
  designer = await inviteAndJoin(ctx, owner, { slug: 'careers', email: 'designer@careers.example', role: 'designer' });
  viewer = await inviteAndJoin(ctx, owner, { slug: 'careers', email: 'viewer@careers.example', role: 'viewer' });
  outsider = new ApiClient(ctx);
  await outsider.signUp('outsider@other.example');
  await outsider.request('POST', 'orgs', { slug: 'other-org', name: 'Other Org' });
  learner = new ApiClient(ctx);
  learnerId = ((await learner.signUp('learner@careers.example'))['account'] as Json)['id'] as string;
  other = new ApiClient(ctx);
  await other.signUp('other@careers.example');
  const csv = ['id,code,name,uri', ...[1, 2, 3, 4, 5, 6, 7].map((n) => `s${n},T.${n},Skill ${n},${URL_OF(n)}`)].join('\n');
  await importFramework(ctx.deps, { actorId: null, orgId: null, format: 'csv', text: csv, title: 'Test skills' });
  for (const n of [1, 2, 3, 4, 5, 6, 7]) {
    const found = await matchSkillByUrlOrCode(ctx.deps.db, { url: URL_OF(n), baseUrl: ctx.deps.env.TESSERA_BASE_URL });
    skill[`s${n}`] = { id: found?.id ?? '', url: URL_OF(n) };
  }
  await publish('A1', 'Assessment Design', [1, 2], [3]);
  await publish('A2', 'Facilitation', [4], []);
  await publish('A3', 'Accessible Content', [6], []);
  await publish('A4', 'Old Combined Course', [4, 6], []);
  await publish('A5', 'Assessment Design II', [3, 7], []);
  await ctx.deps.db
    .update(achievements)
    .set({ status: 'retired', retiredAt: new Date() })
    .where(eq(achievements.id, ach['A4']?.id ?? ''));
  await earn(learnerId, 'A1', { at: '2026-02-01T00:00:00Z', results: [{ criterionId: 'c1', levelId: 'l2' }] });
  await earn(learnerId, 'A3', { at: '2026-02-02T00:00:00Z', revoked: true });
  await imported(learnerId, 'wal_valid', 'valid', ob3([{ targetName: 'Skill 5', targetUrl: URL_OF(5), targetType: 'ext:Skill' }]));
  await imported(
    learnerId,
    'wal_invalid',
    'invalid',
    ob3([
      { targetName: 'Skill 6', targetUrl: URL_OF(6) },
      { targetName: 'Skill 4', targetCode: 'T.4' },
    ]),
  );
  await importOccupations(ctx.deps, {
    dataset: {
      name: 'Test occupations',
      licence: 'CC0-1.0',
      attribution: 'Tests',
      occupations: [
        {
          code: 'T-1',
          title: 'Test Teacher',
          skills: [1, 2, 3, 4, 5, 6].map((n) => ({ url: URL_OF(n), name: `Skill ${n}`, importance: n === 4 ? 5 : 3 })),
        },
      ],
    },
  });
});
afterAll(async () => ctx.close());

describe('skill profile', () => {
  it('is built only from verified credentials: a revoked credential and an import whose proof step failed contribute nothing', async () => {
    const r = await learner.request('GET', 'me/skills');
    expect(r.status).toBe(200);
    const skills = r.json['skills'] as Array<Json & { evidence: Json[] }>;
    expect(skills.map((s) => s['url']).sort()).toEqual([URL_OF(1), URL_OF(2), URL_OF(3), URL_OF(5)]);
    // Skill 6 is claimed by the revoked credential (A3) and by the import whose proof failed; Skill 4 only by that import.
    expect(skills.some((s) => s['url'] === URL_OF(6) || s['url'] === URL_OF(4))).toBe(false);
    const s1 = skills.find((s) => s['url'] === URL_OF(1));
    expect(s1?.evidence).toEqual([
      expect.objectContaining({
        kind: 'earned',
        name: 'Assessment Design',
        url: expect.stringMatching(/^http:\/\/tessera\.test\/credentials\//),
      }),
    ]);
    expect(skills.find((s) => s['url'] === URL_OF(5))?.evidence).toEqual([
      expect.objectContaining({ kind: 'imported', credentialId: 'wal_valid', url: 'https://elsewhere.example/c/1' }),
    ]);
  });

  it('shows the rubric level on a criterion-aligned skill', async () => {
    const skills = (await learner.request('GET', 'me/skills')).json['skills'] as Json[];
    expect(skills.find((s) => s['url'] === URL_OF(3))?.['level']).toEqual({ name: 'Developing', rank: 2, of: 3, scale: 3 });
    expect(skills.find((s) => s['url'] === URL_OF(1))?.['level']).toBeNull();
  });

  it('exports machine-readable JSON with each skill linked to its verifiable credential', async () => {
    const r = await learner.request('GET', 'me/skills/export');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain('skill-profile.json');
    const s3 = (r.json['skills'] as Json[]).find((s) => s['id'] === URL_OF(3));
    expect(s3?.['evidence']).toEqual([
      expect.objectContaining({
        type: 'EarnedCredential',
        credential: expect.stringMatching(/^http:\/\/tessera\.test\/credentials\/c\d+$/),
      }),
    ]);
  });

  it('is private to its learner: another learner sees their own (empty) profile, the public page is 404 until opted in', async () => {
    expect((await other.request('GET', 'me/skills')).json['skills']).toEqual([]);
    expect((await new ApiClient(ctx).request('GET', 'me/skills')).status).toBe(401);
    expect((await new ApiClient(ctx).request('GET', `people/${learnerId}/skills`)).status).toBe(404);
    expect((await learner.request('PUT', 'me/skills/settings', { public: true })).json['public']).toBe(true);
    const pub = await new ApiClient(ctx).request('GET', `people/${learnerId}/skills`);
    expect(pub.status).toBe(200);
    expect((pub.json['skills'] as Json[]).length).toBe(4);
    // A credential the learner keeps private stays off the public page (its own page is 404 to others too).
    await ctx.deps.db.update(credentials).set({ visibility: 'private' }).where(eq(credentials.learnerId, learnerId));
    const without = await new ApiClient(ctx).request('GET', `people/${learnerId}/skills`);
    expect((without.json['skills'] as Json[]).map((s) => s['url'])).toEqual([URL_OF(5)]);
    expect(((await learner.request('GET', 'me/skills')).json['skills'] as Json[]).length).toBe(4);
    await ctx.deps.db.update(credentials).set({ visibility: 'unlisted' }).where(eq(credentials.learnerId, learnerId));
    await learner.request('PUT', 'me/skills/settings', { public: false });
    expect((await new ApiClient(ctx).request('GET', `people/${learnerId}/skills`)).status).toBe(404);
  });
});

describe('organisation roles', () => {
  const body = () => ({
    title: 'Online Course Lead',
    description: 'Leads online courses',
    skills: [
      { url: URL_OF(3), level: 4 },
      { url: URL_OF(7), level: null },
    ],
  });

  it('owners and designers define roles; viewers may read but not edit; another tenant gets 404', async () => {
    const created = await designer.request('POST', 'orgs/careers/roles', body());
    expect(created.status).toBe(201);
    expect(created.json['skills']).toEqual([
      expect.objectContaining({ url: URL_OF(3), name: 'Skill 3', level: 4 }),
      expect.objectContaining({ url: URL_OF(7), level: null }),
    ]);
    const id = created.json['id'] as string;
    expect((await viewer.request('POST', 'orgs/careers/roles', body())).status).toBe(403);
    expect((await viewer.request('PUT', `orgs/careers/roles/${id}`, body())).status).toBe(403);
    expect((await viewer.request('GET', 'orgs/careers/roles')).status).toBe(200);
    expect((await outsider.request('GET', 'orgs/careers/roles')).status).toBe(404);
    expect((await outsider.request('POST', 'orgs/careers/roles', body())).status).toBe(404);
    expect((await outsider.request('PUT', `orgs/other-org/roles/${id}`, body())).status).toBe(404);
    expect((await owner.request('PUT', `orgs/careers/roles/${id}`, { ...body(), title: 'Online Course Lead II' })).json['title']).toBe(
      'Online Course Lead II',
    );
  });

  it('refuses a skill no framework knows, naming its path', async () => {
    const r = await owner.request('POST', 'orgs/careers/roles', {
      title: 'X',
      skills: [{ url: 'https://nowhere.example/skill', level: null }],
    });
    expect(r.status).toBe(400);
    expect(r.json['errors']).toEqual([expect.objectContaining({ path: 'skills.0.url' })]);
  });
});

describe('goals, gap and recommendations', () => {
  let goalId = '';

  beforeAll(async () => {
    // Two other learners earned Assessment Design, then Facilitation: co-earning evidence.
    for (const email of ['peer1@careers.example', 'peer2@careers.example']) {
      const c = new ApiClient(ctx);
      const id = ((await c.signUp(email))['account'] as Json)['id'] as string;
      await earn(id, 'A1', { at: '2026-01-01T00:00:00Z' });
      await earn(id, 'A2', { at: '2026-01-10T00:00:00Z' });
    }
    await refreshRecommendationStats(ctx.deps);
    goalId = (await learner.request('POST', 'me/goals', { occupationCode: 'T-1' })).json['id'] as string;
  });

  it('shows required, verified and missing skills for an occupation', async () => {
    const r = await learner.request('GET', `me/goals/${goalId}/gap`);
    expect(r.status).toBe(200);
    expect(r.json['verified']).toBe(4);
    expect(r.json['missing']).toBe(2);
    const required = r.json['required'] as Json[];
    expect(required[0]).toMatchObject({ url: URL_OF(4), importance: 5, status: 'missing' });
    expect(
      required
        .filter((s) => s['status'] === 'missing')
        .map((s) => s['url'])
        .sort(),
    ).toEqual([URL_OF(4), URL_OF(6)]);
  });

  it('a role’s required level makes a lower rubric level "below_level"', async () => {
    const role = await owner.request('POST', 'orgs/careers/roles', {
      title: 'Assessment Lead',
      skills: [
        { url: URL_OF(3), level: 4 },
        { url: URL_OF(1), level: null },
      ],
    });
    const goal = await learner.request('POST', 'me/goals', { roleId: role.json['id'] });
    expect(goal.status).toBe(201);
    const gap = await learner.request('GET', `me/goals/${goal.json['id'] as string}/gap`);
    expect((gap.json['required'] as Json[]).map((s) => [s['url'], s['status']])).toEqual([
      [URL_OF(3), 'below_level'],
      [URL_OF(1), 'verified'],
    ]);
  });

  it('recommends what closes the gap, explained, and never earned or retired items', async () => {
    const r = await learner.request('GET', `me/goals/${goalId}/recommendations`);
    expect(r.status).toBe(200);
    const items = r.json['items'] as Json[];
    const ids = items.map((i) => i['achievementId']);
    expect(ids).not.toContain(ach['A1']?.id);
    expect(ids).not.toContain(ach['A4']?.id);
    expect(items[0]).toMatchObject({
      achievementId: ach['A2']?.id,
      explanation: 'Covers 1 of your 2 missing skills (Skill 4); often earned after Assessment Design',
    });
    // The revoked credential does not count as earned: Accessible Content is recommended again for Skill 6.
    expect(items.find((i) => i['achievementId'] === ach['A3']?.id)?.['explanation']).toBe('Covers 1 of your 2 missing skills (Skill 6)');
    expect(items.find((i) => i['achievementId'] === ach['A5']?.id)?.['explanation']).toBe(
      'A follow-up to “Prompt design” in Assessment Design, which you passed at the required level',
    );
  });

  it('keeps goals private to their learner', async () => {
    expect((await other.request('GET', `me/goals/${goalId}/gap`)).status).toBe(404);
    expect((await other.request('GET', `me/goals/${goalId}/recommendations`)).status).toBe(404);
    expect((await other.request('DELETE', `me/goals/${goalId}`)).status).toBe(404);
    expect(((await other.request('GET', 'me/goals')).json['items'] as Json[]).length).toBe(0);
  });

  it('lists the bundled occupation dataset with its attribution', async () => {
    const list = await new ApiClient(ctx).request('GET', 'occupations?q=Test');
    expect((list.json['items'] as Json[]).map((o) => o['code'])).toEqual(['T-1']);
    expect((await new ApiClient(ctx).request('GET', 'occupations/T-1')).json['source']).toBe('Test occupations (CC0-1.0)');
  });
});
