import { readFileSync } from 'node:fs';
import { verifyCredential } from '@tessera/credentials';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, credentials, skillFrameworks, skills } from '../db/schema.js';
import { FixedClock } from '../shared/clock.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, inviteAndJoin } from '../testing/harness.js';
import { localDocuments } from '../verify/local-documents.js';
import { createFetcher } from '@tessera/credentials';
import { fetchFrameworkText } from './fetch-framework.js';
import { importFramework } from './import-framework.js';
import { matchSkillByUrlOrCode } from './match-skill.js';
import { SkillImportError } from './parsed.js';
import { searchSkills } from './search-skills.js';
import { skillsOfAchievementVersion } from './skills-of-version.js';
import { credentialColumns } from '../credentials/index.js';

const DEMO = readFileSync(new URL('../seed/frameworks/online-teaching.case.json', import.meta.url), 'utf8');
type Json = Record<string, unknown>;
let ctx: TestContext;
const clock = new FixedClock(new Date('2026-05-10T09:00:00.000Z'));
let admin: ApiClient;
let owner: ApiClient;
const members = {} as Record<'designer' | 'assessor' | 'viewer', ApiClient>;
let outsider: ApiClient;
let orgId = '';
let platformFrameworkId = '';
let localFrameworkId = '';

const codeId = async (code: string) => {
  const [s] = await ctx.deps.db.select().from(skills).where(eq(skills.code, code));
  if (!s) throw new Error(`no skill ${code}`);
  return s.id;
};

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  admin = new ApiClient(ctx);
  await admin.signUp('admin@platform.example');
  await ctx.deps.db.execute(`update accounts set is_platform_admin = true where email = 'admin@platform.example'`);
  owner = new ApiClient(ctx);
  await owner.signUp('owner@skills.example');
  orgId = (await owner.request('POST', 'orgs', { slug: 'skillful', name: 'Skillful Academy' })).json['id'] as string;
  for (const role of ['designer', 'assessor', 'viewer'] as const)
    members[role] = await inviteAndJoin(ctx, owner, { slug: 'skillful', email: `${role}@skills.example`, role });
  outsider = new ApiClient(ctx);
  await outsider.signUp('outsider@other.example');
  await outsider.request('POST', 'orgs', { slug: 'elsewhere', name: 'Elsewhere' });
});
afterAll(async () => ctx.close());

describe('importing frameworks: who may', () => {
  it('lets only platform admins import platform-wide frameworks', async () => {
    for (const c of [owner, members.designer, outsider])
      expect((await c.request('POST', 'skills/frameworks/import', { content: DEMO })).status).toBe(403);
    const r = await admin.request('POST', 'skills/frameworks/import', { content: DEMO });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      created: true,
      skills: 29,
      associations: 40,
      retired: 0,
      framework: { scope: 'platform', title: 'Online Teaching Competencies', skillCount: 29, sourceKind: 'case' },
    });
    platformFrameworkId = (r.json['framework'] as Json)['id'] as string;
    const [audit] = await ctx.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'skill_framework.imported'));
    expect(audit?.target).toBe(platformFrameworkId);
  });

  it('lets owners and designers import into their organisation; assessors and viewers get 403, other tenants 404', async () => {
    const csv = 'id,code,name,parent\nlocal,L,Local teaching,\nlocal-1,L.1,Coaching new teachers,local\n';
    const statuses: Record<string, number> = {};
    for (const [who, c] of Object.entries({ owner, ...members, outsider }))
      statuses[who] = (
        await c.request('POST', 'skills/frameworks/import', {
          org: 'skillful',
          format: 'csv',
          content: csv,
          title: 'Skillful local skills',
        })
      ).status;
    expect(statuses).toEqual({ owner: 200, designer: 200, assessor: 403, viewer: 403, outsider: 404 });
    const [f] = await ctx.deps.db.select().from(skillFrameworks).where(eq(skillFrameworks.orgId, orgId));
    localFrameworkId = f?.id ?? '';
    expect(f).toMatchObject({ title: 'Skillful local skills', skillCount: 2 });
  });

  it('answers a malformed file with 400 and the JSON path', async () => {
    const pkg = JSON.parse(DEMO) as { CFItems: Json[] };
    delete pkg.CFItems[7]?.['fullStatement'];
    const r = await members.designer.request('POST', 'skills/frameworks/import', { org: 'skillful', content: JSON.stringify(pkg) });
    expect(r.status).toBe(400);
    expect(r.json['errors']).toEqual([expect.objectContaining({ path: 'CFItems[7].fullStatement' })]);
  });
});

describe('browsing and search', () => {
  it('lists platform frameworks to anyone signed in, and an organisation’s only to its members', async () => {
    const mine = await members.viewer.request('GET', 'skills/frameworks?org=skillful');
    expect((mine.json as unknown as Json[]).map((f) => f['title'])).toEqual(['Online Teaching Competencies', 'Skillful local skills']);
    const theirs = await outsider.request('GET', 'skills/frameworks');
    expect((theirs.json as unknown as Json[]).map((f) => f['title'])).toEqual(['Online Teaching Competencies']);
    expect((await outsider.request('GET', 'skills/frameworks?org=skillful')).status).toBe(404);
    expect((await outsider.request('GET', `skills/frameworks/${localFrameworkId}/tree`)).status).toBe(404);
    expect((await new ApiClient(ctx).request('GET', 'skills/frameworks')).status).toBe(401);
  });

  it('walks the isChildOf tree one level at a time', async () => {
    const top = await owner.request('GET', `skills/frameworks/${platformFrameworkId}/tree`);
    const roots = top.json['skills'] as Json[];
    expect(roots.map((s) => s['code'])).toEqual(['OTC.1', 'OTC.2', 'OTC.3', 'OTC.4', 'OTC.5']);
    expect(roots[1]?.['childCount']).toBe(5);
    const level = await owner.request('GET', `skills/frameworks/${platformFrameworkId}/tree?parent=${roots[1]?.['id'] as string}`);
    expect((level.json['skills'] as Json[]).map((s) => s['code'])).toEqual(['OTC.2.1', 'OTC.2.2', 'OTC.2.3', 'OTC.2.4', 'OTC.2.5']);
    expect((level.json['parent'] as Json)['name']).toBe('Facilitating online learning');
  });

  it('finds skills by words (prefixes) and by exact code, within the caller’s scope', async () => {
    const r = await members.viewer.request('GET', 'skills/search?q=discuss%20prompt&org=skillful');
    expect((r.json as unknown as Json[]).map((s) => s['code'])).toEqual(['OTC.2.1']);
    const byCode = await owner.request('GET', 'skills/search?q=otc.3.2');
    expect((byCode.json as unknown as Json[])[0]).toMatchObject({
      code: 'OTC.3.2',
      framework: { title: 'Online Teaching Competencies', sourceKind: 'case' },
    });
    expect(await searchSkills(ctx.deps.db, { q: 'coaching', orgId: null })).toEqual([]);
    expect((await searchSkills(ctx.deps.db, { q: 'coaching', orgId })).map((s) => s.code)).toEqual(['L.1']);
  });

  it('serves one skill publicly with a link to its entry', async () => {
    const id = await codeId('OTC.3.3');
    const r = await new ApiClient(ctx).request('GET', `skills/${id}`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      name: 'Caption and transcribe audio and video.',
      url: `http://tessera.test/skills/${id}`,
      framework: { title: 'Online Teaching Competencies' },
    });
    const pageRes = await ctx.app.request(`/skills/${id}`, { headers: { accept: 'text/html' } });
    const body = await pageRes.text();
    expect(pageRes.status).toBe(200);
    expect(body).toContain('<h1 id="skill-name"><span class="meta">OTC.3.3</span> Caption and transcribe audio and video.</h1>');
    expect(body).toContain('in <strong>Online Teaching Competencies</strong> (version 1.0)');
    const asJson = await ctx.app.request(`/skills/${id}`, { headers: { accept: 'application/json' } });
    expect(await asJson.json()).toMatchObject({ id, code: 'OTC.3.3' });
    expect((await ctx.app.request('/skills/skl_nosuch', { headers: { accept: 'text/html' } })).status).toBe(404);
  });
});

describe('re-import', () => {
  it('updates in place, keeps skill ids, retires what the file dropped, and a failed re-import changes nothing', async () => {
    const before = await codeId('OTC.4.4');
    const droppedId = await codeId('OTC.5.4');
    const pkg = JSON.parse(DEMO) as { CFDocument: Json; CFItems: Json[]; CFAssociations: Json[] };
    const dropped = pkg.CFItems.find((i) => i['humanCodingScheme'] === 'OTC.5.4') as Json;
    pkg.CFItems = pkg.CFItems.filter((i) => i !== dropped);
    pkg.CFAssociations = pkg.CFAssociations.filter(
      (a) =>
        (a['originNodeURI'] as Json)['identifier'] !== dropped['identifier'] &&
        (a['destinationNodeURI'] as Json)['identifier'] !== dropped['identifier'],
    );
    pkg.CFDocument['version'] = '1.1';
    const out = await importFramework(ctx.deps, { actorId: null, orgId: null, format: 'auto', text: JSON.stringify(pkg) });
    expect(out).toMatchObject({ created: false, skills: 28, retired: 1, framework: { id: platformFrameworkId, version: '1.1' } });
    expect(await codeId('OTC.4.4')).toBe(before);
    expect((await searchSkills(ctx.deps.db, { q: 'reflect practice', orgId: null })).map((s) => s.code)).toEqual([]);

    const broken = JSON.parse(DEMO) as { CFDocument: Json; CFItems: Json[]; CFAssociations: Json[] };
    broken.CFDocument['title'] = 'Should not stick';
    broken.CFItems.push(
      { identifier: 'dup', uri: 'urn:x:dup', fullStatement: 'One', lastChangeDateTime: '2026-01-01' },
      { identifier: 'dup', uri: 'urn:x:dup2', fullStatement: 'Two', lastChangeDateTime: '2026-01-01' },
    );
    await expect(
      importFramework(ctx.deps, { actorId: null, orgId: null, format: 'auto', text: JSON.stringify(broken) }),
    ).rejects.toBeInstanceOf(SkillImportError);
    const [f] = await ctx.deps.db.select().from(skillFrameworks).where(eq(skillFrameworks.id, platformFrameworkId));
    expect(f).toMatchObject({ title: 'Online Teaching Competencies', version: '1.1', skillCount: 28 });

    // A failure inside the transaction (after skills were written) rolls everything back too.
    const failing = {
      ...ctx.deps,
      clock: clock,
      ids: {
        ...ctx.deps.ids,
        id: (k: Parameters<typeof ctx.deps.ids.id>[0]) =>
          k === 'audit'
            ? (() => {
                throw new Error('disk full');
              })()
            : ctx.deps.ids.id(k),
      },
    };
    await expect(importFramework(failing, { actorId: null, orgId: null, format: 'auto', text: DEMO })).rejects.toThrow('disk full');
    const [g] = await ctx.deps.db.select().from(skillFrameworks).where(eq(skillFrameworks.id, platformFrameworkId));
    expect(g).toMatchObject({ version: '1.1', skillCount: 28 });

    const back = await importFramework(ctx.deps, { actorId: null, orgId: null, format: 'auto', text: DEMO });
    expect(back).toMatchObject({ created: false, skills: 29, retired: 0 });
    const [revived] = await ctx.deps.db.select().from(skills).where(eq(skills.id, droppedId));
    expect(revived).toMatchObject({ code: 'OTC.5.4', retiredAt: null });
  });

  it('imports from a URL through the guarded fetcher (documents given up front; private addresses refused)', async () => {
    const fetcher = createFetcher({ mode: 'off', documents: new Map([['https://frameworks.example/otc.json', DEMO]]) });
    expect(JSON.parse(await fetchFrameworkText(fetcher, 'https://frameworks.example/otc.json'))).toMatchObject({
      CFDocument: { title: 'Online Teaching Competencies' },
    });
    const guarded = createFetcher({ mode: 'on', lookup: async () => [{ address: '10.0.0.5', family: 4 }] });
    await expect(fetchFrameworkText(guarded, 'https://intranet.example/otc.json')).rejects.toMatchObject({
      problems: [{ path: 'url', message: expect.stringContaining('forbidden-address') }],
    });
  });
});

describe('matching imported alignments', () => {
  it('matches by URL, by this server’s skill page, by a unique code, and never guesses', async () => {
    const id = await codeId('OTC.2.4');
    const [row] = await ctx.deps.db.select().from(skills).where(eq(skills.id, id));
    const base = 'http://tessera.test';
    expect((await matchSkillByUrlOrCode(ctx.deps.db, { url: row?.uri ?? '', baseUrl: base }))?.id).toBe(id);
    expect((await matchSkillByUrlOrCode(ctx.deps.db, { url: `${base}/skills/${id}`, baseUrl: base }))?.id).toBe(id);
    expect((await matchSkillByUrlOrCode(ctx.deps.db, { code: 'otc.2.4', baseUrl: base }))?.id).toBe(id);
    expect(await matchSkillByUrlOrCode(ctx.deps.db, { url: 'https://nowhere.example/x', code: 'nope', baseUrl: base })).toBeNull();
    await importFramework(ctx.deps, { actorId: null, orgId, format: 'csv', text: 'code,name\nOTC.2.4,A clash\n', title: 'Clashing codes' });
    expect(await matchSkillByUrlOrCode(ctx.deps.db, { code: 'OTC.2.4', baseUrl: base })).toBeNull();
    expect(
      (await matchSkillByUrlOrCode(ctx.deps.db, { code: 'OTC.2.4', framework: 'Online Teaching Competencies', baseUrl: base }))?.id,
    ).toBe(id);
  });
});

describe('aligning micro-credentials', () => {
  let achievementId = '';

  it('lets owners and designers align the draft and its criteria; others cannot; foreign skills are refused', async () => {
    achievementId = (
      await members.designer.request('POST', 'orgs/skillful/achievements', sampleAchievement('Facilitating Online Discussions'))
    ).json['id'] as string;
    const body = {
      achievement: [await codeId('OTC.2.1'), await codeId('OTC.2.2')],
      criteria: { c1: [await codeId('OTC.2.1')], c3: [await codeId('OTC.5.4')] },
    };
    const statuses: Record<string, number> = {};
    for (const [who, c] of Object.entries({ assessor: members.assessor, viewer: members.viewer, outsider }))
      statuses[who] = (await c.request('PUT', `orgs/skillful/achievements/${achievementId}/alignments`, body)).status;
    expect(statuses).toEqual({ assessor: 403, viewer: 403, outsider: 404 });
    const r = await members.designer.request('PUT', `orgs/skillful/achievements/${achievementId}/alignments`, body);
    expect(r.status).toBe(200);
    expect((r.json['achievement'] as Json[]).map((s) => s['code'])).toEqual(['OTC.2.1', 'OTC.2.2']);
    expect(Object.keys(r.json['criteria'] as Json)).toEqual(['c1', 'c3']);
    expect((await members.viewer.request('GET', `orgs/skillful/achievements/${achievementId}/alignments`)).status).toBe(200);

    const foreign = await outsider.request('POST', 'skills/frameworks/import', {
      org: 'elsewhere',
      format: 'csv',
      content: 'id,name\nx,Secret skill\n',
      title: 'Elsewhere skills',
    });
    const [secret] = await searchSkills(ctx.deps.db, {
      q: 'secret',
      orgId: (await outsider.request('GET', 'orgs/elsewhere')).json['id'] as string,
    });
    expect(foreign.status).toBe(200);
    const bad = await owner.request('PUT', `orgs/skillful/achievements/${achievementId}/alignments`, {
      achievement: [secret?.id],
      criteria: { c9: [await codeId('OTC.2.1')] },
    });
    expect(bad.status).toBe(400);
    expect((bad.json['errors'] as Json[]).map((e) => e['path']).sort()).toEqual(['achievement.0', 'criteria.c9']);
  });

  it('freezes alignments on publish and signs them into the credential (achievement and criteria), which still verifies', async () => {
    expect((await owner.request('POST', `orgs/skillful/achievements/${achievementId}/publish`)).status).toBe(200);
    // Changing only the alignments is a change worth a new version; the first version keeps its own.
    await members.designer.request('PUT', `orgs/skillful/achievements/${achievementId}/alignments`, {
      achievement: [await codeId('OTC.2.5')],
    });
    expect((await owner.request('POST', `orgs/skillful/achievements/${achievementId}/publish`)).status).toBe(200);
    const a = await owner.request('GET', `orgs/skillful/achievements/${achievementId}`);
    const versions = a.json['versions'] as Json[];
    const first = versions.find((v) => v['version'] === 1)?.['id'] as string;
    expect((await skillsOfAchievementVersion(ctx.deps.db, first)).achievement.map((s) => s.code)).toEqual(['OTC.2.1', 'OTC.2.2']);

    await members.designer.request('PUT', `orgs/skillful/achievements/${achievementId}/alignments`, {
      achievement: [await codeId('OTC.2.1')],
      criteria: { c1: [await codeId('OTC.2.1')], c3: [await codeId('OTC.5.4'), localFrameworkId && (await codeId('L.1'))] },
    });
    expect((await owner.request('POST', `orgs/skillful/achievements/${achievementId}/publish`)).status).toBe(200);
    const r = await owner.request('POST', 'orgs/skillful/awards', {
      achievementId,
      recipients: [{ email: 'learner@skills.example', name: 'Lee Learner' }],
    });
    expect(r.status).toBe(201);
    const credentialId = (r.json['items'] as Json[])[0]?.['credentialId'] as string;
    const [row] = await ctx.deps.db.select(credentialColumns).from(credentials).where(eq(credentials.id, credentialId));
    const doc = row?.document as Json;
    const achievement = (doc['credentialSubject'] as Json)['achievement'] as Json;
    const alignment = achievement['alignment'] as Json[];
    const otc21 = await codeId('OTC.2.1');
    expect(alignment).toContainEqual({
      type: ['Alignment'],
      targetName: 'Write open discussion prompts that ask students for evidence.',
      targetUrl: `http://tessera.test/skills/${otc21}`,
      targetDescription: expect.any(String),
      targetCode: 'OTC.2.1',
      targetFramework: 'Online Teaching Competencies',
      targetType: 'CFItem',
    });
    const rds = achievement['resultDescription'] as Json[];
    expect(
      (rds.find((d) => String(d['id']).endsWith('#criterion-c3'))?.['alignment'] as Json[]).map((x) => [x['targetCode'], x['targetType']]),
    ).toEqual([
      ['OTC.5.4', 'CFItem'],
      ['L.1', 'ext:Skill'],
    ]);
    expect(rds.find((d) => String(d['id']).endsWith('#criterion-c2'))?.['alignment']).toBeUndefined();
    const report = await verifyCredential(doc, { now: clock.now(), documents: await localDocuments(ctx.deps, doc) });
    const schemaSteps = report.steps.filter((s) => s.id.includes('schema'));
    expect(schemaSteps.map((s) => s.status)).toEqual(['passed']);
    expect(report.verdict).toBe('valid');

    const pageRes = await ctx.app.request(new URL(credentialId).pathname, { headers: { accept: 'text/html' } });
    const pageHtml = await pageRes.text();
    expect(pageRes.status).toBe(200);
    expect(pageHtml).toContain('<h2 id="skills">Skills and standards</h2>');
    expect(pageHtml).toContain(
      `<a href="http://tessera.test/skills/${otc21}" rel="noopener noreferrer">Write open discussion prompts that ask students for evidence.</a> <span class="meta">(Online Teaching Competencies · OTC.2.1)</span>`,
    );
    expect(pageHtml).toContain('— criterion: Reflection');
  });
});
