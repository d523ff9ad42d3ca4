import type { Role } from '@tessera/shared';
import { neededToPublish, publishChecklist, VersionComparison } from '@tessera/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAchievementCredential } from '../credentials/build-credential.js';
import { auditEvents, orgs } from '../db/schema.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, inviteAndJoin } from '../testing/harness.js';
import { normaliseContent } from './content.js';
import { copyName } from './duplicate-achievement.js';

const ROLES: Role[] = ['owner', 'designer', 'assessor', 'viewer'];

let ctx: TestContext;
const clients = {} as Record<Role, ApiClient>;
let outsider: ApiClient;
let anonymous: ApiClient;
let sourceId = '';

type Json = Record<string, unknown>;

beforeAll(async () => {
  ctx = await createTestContext();
  clients.owner = new ApiClient(ctx);
  await clients.owner.signUp('owner@design.example', 'Olive Owner');
  expect((await clients.owner.request('POST', 'orgs', { slug: 'design', name: 'Design College' })).status).toBe(201);
  for (const role of ROLES.filter((r) => r !== 'owner'))
    clients[role] = await inviteAndJoin(ctx, clients.owner, { slug: 'design', email: `${role}@design.example`, role });
  outsider = new ApiClient(ctx);
  await outsider.signUp('owner@elsewhere.example');
  await outsider.request('POST', 'orgs', { slug: 'elsewhere', name: 'Elsewhere' });
  anonymous = new ApiClient(ctx);
  const created = await clients.owner.request('POST', 'orgs/design/achievements', {
    ...sampleAchievement('Leading Circles'),
    effortHours: 6.5,
  });
  expect(created.status, created.text).toBe(201);
  sourceId = created.json['id'] as string;
  expect((await clients.owner.request('POST', `orgs/design/achievements/${sourceId}/publish`)).status).toBe(200);
});
afterAll(async () => ctx?.close());

describe('duplicate a micro-credential', () => {
  for (const role of ROLES) {
    const allowed = role === 'owner' || role === 'designer';
    it(`as ${role} → ${allowed ? '201, a new draft "Copy of …", audited' : '403, nothing created or audited'}`, async () => {
      const before = await ctx.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'achievement.duplicated'));
      const res = await clients[role].request('POST', `orgs/design/achievements/${sourceId}/duplicate`);
      const after = await ctx.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'achievement.duplicated'));
      if (!allowed) {
        expect(res.status, res.text).toBe(403);
        expect(after).toHaveLength(before.length);
        return;
      }
      expect(res.status, res.text).toBe(201);
      const copy = res.json as Json;
      expect(copy['id']).not.toBe(sourceId);
      expect(copy).toMatchObject({ status: 'draft', latestVersion: null, versions: [], issuedCount: 0, hasUnpublishedChanges: true });
      const draft = copy['draft'] as Json;
      expect(draft['name']).toBe('Copy of Leading Circles');
      // Everything else is copied, including the effort estimate and the rubric.
      const original = (await clients.owner.request('GET', `orgs/design/achievements/${sourceId}`)).json['draft'] as Json;
      expect({ ...draft, name: original['name'] }).toEqual(original);
      expect(draft['effortHours']).toBe(6.5);
      const session = await clients[role].request('GET', 'auth/session');
      const events = await ctx.deps.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'achievement.duplicated'), eq(auditEvents.target, copy['id'] as string)));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: (session.json['account'] as Json)['id'], detail: { sourceId } });
      // The original is untouched.
      const list = (await clients.owner.request('GET', 'orgs/design/achievements')).json as unknown as Json[];
      expect(list.find((a) => a['id'] === sourceId)).toMatchObject({ name: 'Leading Circles', status: 'published' });
    });
  }

  it('by an owner of another organisation → 404 through either slug, nothing created', async () => {
    const count = async () => (await ctx.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'achievement.duplicated'))).length;
    const before = await count();
    expect((await outsider.request('POST', `orgs/design/achievements/${sourceId}/duplicate`)).status).toBe(404);
    // Their own organisation's slug with this organisation's achievement id: still no such micro-credential.
    expect((await outsider.request('POST', `orgs/elsewhere/achievements/${sourceId}/duplicate`)).status).toBe(404);
    expect(((await outsider.request('GET', 'orgs/elsewhere/achievements')).json as unknown as Json[]).length).toBe(0);
    expect(await count()).toBe(before);
  });

  it('without signing in → 401', async () => {
    expect((await anonymous.request('POST', `orgs/design/achievements/${sourceId}/duplicate`)).status).toBe(401);
  });

  it('cuts a long name to the content limit so the copy is still valid', () => {
    const long = 'x'.repeat(200);
    expect(copyName(long)).toHaveLength(200);
    expect(copyName(long).startsWith('Copy of x')).toBe(true);
    expect(copyName('Short')).toBe('Copy of Short');
  });
});

describe('compare versions', () => {
  let id = '';
  beforeAll(async () => {
    const created = await clients.owner.request('POST', 'orgs/design/achievements', sampleAchievement('Questioning'));
    id = created.json['id'] as string;
    await clients.owner.request('POST', `orgs/design/achievements/${id}/publish`);
    const base = sampleAchievement('Questioning well');
    const criteria = (base.rubric?.criteria ?? []).map((c, i) =>
      i === 0 ? { ...c, description: 'Prompts require evidence and reasoning' } : c,
    );
    const v2 = { ...base, skills: ['questioning'], rubric: { criteria } };
    expect((await clients.designer.request('PUT', `orgs/design/achievements/${id}`, v2)).status).toBe(200);
    expect((await clients.designer.request('POST', `orgs/design/achievements/${id}/publish`)).status).toBe(200);
    expect((await clients.designer.request('PUT', `orgs/design/achievements/${id}`, { ...v2, effortHours: 3 })).status).toBe(200);
  });

  it('returns both versions’ content and exactly the fields that changed', async () => {
    const res = await clients.viewer.request('GET', `orgs/design/achievements/${id}/compare?from=1&to=2`);
    expect(res.status, res.text).toBe(200);
    const cmp = VersionComparison.parse(res.json);
    expect(cmp.from).toMatchObject({ ref: '1', version: 1, content: { name: 'Questioning' } });
    expect(cmp.to).toMatchObject({ ref: '2', version: 2, content: { name: 'Questioning well' } });
    expect(cmp.changes).toEqual([
      { path: 'name', before: 'Questioning', after: 'Questioning well' },
      { path: 'skills', before: ['online facilitation', 'questioning'], after: ['questioning'] },
      { path: 'rubric.criteria.0.description', before: 'Prompts require evidence', after: 'Prompts require evidence and reasoning' },
    ]);
  });

  it('compares a version with the draft (the default `to`)', async () => {
    const res = await clients.assessor.request('GET', `orgs/design/achievements/${id}/compare?from=2`);
    expect(res.status, res.text).toBe(200);
    expect(res.json['to']).toMatchObject({ ref: 'draft', version: null, publishedAt: null });
    expect(res.json['changes']).toEqual([{ path: 'effortHours', before: null, after: 3 }]);
  });

  it('names the side that does not exist, and refuses a malformed reference', async () => {
    const missing = await clients.owner.request('GET', `orgs/design/achievements/${id}/compare?from=1&to=9`);
    expect(missing.status).toBe(400);
    expect(missing.json['errors']).toEqual([expect.objectContaining({ path: 'to' })]);
    const bad = await clients.owner.request('GET', `orgs/design/achievements/${id}/compare?from=latest`);
    expect(bad.status).toBe(400);
  });

  it('is not visible to another organisation or without signing in', async () => {
    expect((await outsider.request('GET', `orgs/design/achievements/${id}/compare?from=1`)).status).toBe(404);
    expect((await outsider.request('GET', `orgs/elsewhere/achievements/${id}/compare?from=1`)).status).toBe(404);
    expect((await anonymous.request('GET', `orgs/design/achievements/${id}/compare?from=1`)).status).toBe(401);
  });
});

describe('effort estimate', () => {
  it('is saved, returned in catalog entries, and refused outside half an hour to 500 hours', async () => {
    const entry = await anonymous.request('GET', `catalog/${sourceId}`);
    expect(entry.status, entry.text).toBe(200);
    expect((entry.json['content'] as Json)['effortHours']).toBe(6.5);
    const page = await anonymous.request('GET', 'catalog?org=design');
    expect((page.json['items'] as Json[]).find((i) => i['achievementId'] === sourceId)).toMatchObject({
      content: expect.objectContaining({ effortHours: 6.5 }),
    });
    for (const effortHours of [0, 0.25, -1, 501]) {
      const res = await clients.designer.request('PUT', `orgs/design/achievements/${sourceId}`, {
        ...sampleAchievement('Leading Circles'),
        effortHours,
      });
      expect(res.status, `effortHours ${effortHours}`).toBe(400);
      expect(res.json['errors']).toEqual([expect.objectContaining({ path: 'effortHours' })]);
    }
  });

  it('stays out of the signed credential (OB 3.0 has no field for it)', async () => {
    const [org] = await ctx.deps.db.select().from(orgs).where(eq(orgs.slug, 'design'));
    if (!org) throw new Error('no org');
    const content = normaliseContent({ ...sampleAchievement('Leading Circles'), effortHours: 37.5 });
    const credential = buildAchievementCredential({
      id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      baseUrl: 'http://tessera.test',
      issuerDid: 'did:web:tessera.test:orgs:design',
      org,
      achievementId: sourceId,
      version: 1,
      content,
      imageUrl: 'http://tessera.test/media/achievements/x/image',
      learner: { email: null, accountRef: 'http://tessera.test/people/acc_1', name: 'Lee', did: null, showName: false },
      scores: [],
      evidence: [],
      issuedAt: new Date('2026-01-01T00:00:00Z'),
      validUntil: null,
      status: { revocation: { url: 'http://tessera.test/s/r', index: 1 }, suspension: null },
    });
    const signed = JSON.stringify(credential);
    expect(signed).toContain('Leading Circles');
    expect(signed).not.toMatch(/effort|37\.5/i);
  });
});

describe('publish rules shared with the editor', () => {
  it('the checklist fails exactly the rules the server refuses to publish on, pointing at the first field to fix', async () => {
    const thin = { name: 'Thin', description: 'Has a description' };
    const created = await clients.designer.request('POST', 'orgs/design/achievements', thin);
    const refused = await clients.designer.request('POST', `orgs/design/achievements/${created.json['id'] as string}/publish`);
    expect(refused.status).toBe(400);
    const serverPaths = (refused.json['errors'] as Array<{ path: string }>).map((e) => e.path).sort();
    const checklist = publishChecklist(normaliseContent(thin));
    expect(
      checklist
        .filter((i) => !i.ok)
        .map((i) => i.path)
        .sort(),
    ).toEqual(serverPaths);
    expect(checklist.find((i) => i.id === 'description')).toMatchObject({ ok: true });
  });

  it('marks as needed to publish the fields the rules name, with any list index', () => {
    expect(neededToPublish('description')).toBe(true);
    expect(neededToPublish('rubric.criteria.3.levels.1.description')).toBe(true);
    expect(neededToPublish('rubric.criteria.3.levels.1.name')).toBe(false);
    expect(neededToPublish('competency')).toBe(false);
    expect(neededToPublish('name')).toBe(false);
  });
});
