import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  accounts,
  achievements,
  auditEvents,
  awards,
  credentials,
  notifications,
  talentProfiles,
  talentSkillEvidence,
  walletItems,
} from '../db/schema.js';
import { importOccupations } from '../careers/index.js';
import { importFramework, matchSkillByUrlOrCode } from '../skills/index.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, inviteAndJoin } from '../testing/harness.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';

type Json = Record<string, unknown>;
let ctx: TestContext;
let owner: ApiClient; // owner of "employer"
let designer: ApiClient; // designer in "employer"
let rival: ApiClient; // owner of "rival"
let outsider: ApiClient; // no organisation
let alice: ApiClient; // consents
let bob: ApiClient; // never consents
let carol: ApiClient; // consents, but her only credential is revoked
const id: Record<string, string> = {};
let orgId = '';
let ownerId = '';
const skill: Record<string, string> = {};
const ach: Record<string, { id: string; versionId: string }> = {};
const URL_OF = (n: number) => `https://skills.test/t${n}`;

async function publish(key: string, name: string, whole: number[], c1: number[]) {
  const a = await owner.request('POST', 'orgs/employer/achievements', sampleAchievement(name));
  const achId = a.json['id'] as string;
  const put = await owner.request('PUT', `orgs/employer/achievements/${achId}/alignments`, {
    achievement: whole.map((n) => skill[`t${n}`]),
    criteria: c1.length ? { c1: c1.map((n) => skill[`t${n}`]) } : {},
  });
  expect(put.status, put.text).toBe(200);
  expect((await owner.request('POST', `orgs/employer/achievements/${achId}/publish`)).status).toBe(200);
  const [row] = await ctx.deps.db.select().from(achievements).where(eq(achievements.id, achId));
  ach[key] = { id: achId, versionId: row?.latestVersionId ?? '' };
}

let seq = 0;
/** Record an earned credential (award + credential rows, as issuance stores them). */
async function earn(
  accountId: string,
  key: string,
  opts: { results?: Array<{ criterionId: string; levelId: string }>; revoked?: boolean } = {},
) {
  const a = ach[key];
  if (!a) throw new Error(`no achievement ${key}`);
  seq += 1;
  const awardId = `awd_talent${seq}`;
  const at = new Date(Date.UTC(2026, 1, seq));
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
    createdAt: at,
  });
  await ctx.deps.db.insert(credentials).values({
    id: `http://tessera.test/credentials/t${seq}`,
    orgId,
    achievementId: a.id,
    versionId: a.versionId,
    learnerId: accountId,
    awardId,
    document: {},
    revocationListId: 'stl_test',
    revocationIndex: seq,
    issuedAt: at,
    revokedAt: opts.revoked ? at : null,
  });
}

const optIn = (c: ApiClient, extra: Json = {}) =>
  c.request('PUT', 'me/talent/settings', { discoverable: true, headline: 'Online teacher', location: 'Riverside', ...extra });
const search = (c: ApiClient, body: Json, slug = 'employer') => c.request('POST', `orgs/${slug}/talent/search`, body);
const names = (r: { json: Json }) => (r.json['items'] as Json[]).map((i) => i['id']);

beforeAll(async () => {
  ctx = await createTestContext();
  owner = new ApiClient(ctx);
  ownerId = ((await owner.signUp('owner@employer.example', 'Olive Owner'))['account'] as Json)['id'] as string;
  orgId = (await owner.request('POST', 'orgs', { slug: 'employer', name: 'Employer Ltd' })).json['id'] as string;
  designer = await inviteAndJoin(ctx, owner, { slug: 'employer', email: 'designer@employer.example', role: 'designer' });
  rival = new ApiClient(ctx);
  await rival.signUp('owner@rival.example');
  await rival.request('POST', 'orgs', { slug: 'rival', name: 'Rival Inc' });
  outsider = new ApiClient(ctx);
  await outsider.signUp('outsider@nowhere.example');
  for (const [name, email] of [
    ['alice', 'alice@learners.example'],
    ['bob', 'bob@learners.example'],
    ['carol', 'carol@learners.example'],
  ] as const) {
    const c = new ApiClient(ctx);
    id[name] = ((await c.signUp(email, name[0]?.toUpperCase() + name.slice(1)))['account'] as Json)['id'] as string;
    if (name === 'alice') alice = c;
    else if (name === 'bob') bob = c;
    else carol = c;
  }
  const csv = ['id,code,name,uri', ...[1, 2, 3, 4].map((n) => `t${n},T.${n},Talent skill ${n},${URL_OF(n)}`)].join('\n');
  await importFramework(ctx.deps, { actorId: null, orgId: null, format: 'csv', text: csv, title: 'Talent skills' });
  for (const n of [1, 2, 3, 4]) {
    const found = await matchSkillByUrlOrCode(ctx.deps.db, { url: URL_OF(n), baseUrl: ctx.deps.env.TESSERA_BASE_URL });
    skill[`t${n}`] = found?.id ?? '';
  }
  await publish('A1', 'Assessment Design', [1, 2], [3]);
  await publish('A2', 'Facilitation', [4], []);
  // Alice: Assessment Design with criterion c1 at "Developing" (rank 2 of 3 = 3 on the 1–5 scale).
  await earn(id['alice'] ?? '', 'A1', { results: [{ criterionId: 'c1', levelId: 'l2' }] });
  // Bob holds the same credential but never consents.
  await earn(id['bob'] ?? '', 'A1', { results: [{ criterionId: 'c1', levelId: 'l3' }] });
  // Carol consents, but her Facilitation credential is revoked.
  await earn(id['carol'] ?? '', 'A2', { revoked: true });
  await importOccupations(ctx.deps, {
    dataset: {
      name: 'Test occupations',
      licence: 'CC0-1.0',
      attribution: 'Tests',
      occupations: [
        { code: 'T-9', title: 'Talent Tester', skills: [1, 4].map((n) => ({ url: URL_OF(n), name: `Talent skill ${n}`, importance: 3 })) },
      ],
    },
  });
});
afterAll(async () => ctx.close());

describe('learner consent', () => {
  it('is off by default: nobody is found before opting in', async () => {
    const s = await alice.request('GET', 'me/talent/settings');
    expect(s.status).toBe(200);
    expect(s.json).toMatchObject({ discoverable: false, accountName: 'Alice' });
    const r = await search(owner, { skills: [{ id: skill['t1'] }] });
    expect(r.status, r.text).toBe(200);
    expect(r.json['items']).toEqual([]);
  });

  it('refuses bad settings with field paths and needs a session', async () => {
    const r = await alice.request('PUT', 'me/talent/settings', { discoverable: true, headline: 'x'.repeat(201) });
    expect(r.status).toBe(400);
    expect(r.json['errors']).toEqual([expect.objectContaining({ path: 'headline' })]);
    expect((await new ApiClient(ctx).request('GET', 'me/talent/settings')).status).toBe(401);
  });
});

describe('employer search', () => {
  beforeAll(async () => {
    expect((await optIn(alice, { displayName: 'Alice K.' })).json['discoverable']).toBe(true);
    expect((await optIn(carol)).status).toBe(200);
  });

  it('finds consenting learners by verified skill, with the credentials behind each skill; never non-consenting or revoked', async () => {
    const r = await search(owner, { skills: [{ id: skill['t1'] }, { id: skill['t4'] }] });
    expect(r.status, r.text).toBe(200);
    // Bob has the skill but did not consent; Carol consented but her only Talent skill 4 credential is revoked.
    expect(names(r)).toEqual([id['alice']]);
    const [hit] = r.json['items'] as Array<Json & { skills: Json[] }>;
    expect(hit).toMatchObject({ displayName: 'Alice K.', headline: 'Online teacher', matched: 1, required: 2 });
    expect(hit?.skills.find((s) => s['url'] === URL_OF(1))).toMatchObject({
      status: 'verified',
      evidence: [expect.objectContaining({ kind: 'earned', name: 'Assessment Design' })],
    });
    expect(hit?.skills.find((s) => s['url'] === URL_OF(4))).toMatchObject({ status: 'missing', evidence: [] });
    expect(r.json['summary']).toBe('Skills: Talent skill 1, Talent skill 4');
  });

  it('applies a minimum level where a rubric gave one', async () => {
    expect(names(await search(owner, { skills: [{ id: skill['t3'], minLevel: 3 }] }))).toEqual([id['alice']]);
    // Level 4 required, Alice shows 3: below level counts as no match, so nobody is returned.
    expect(names(await search(owner, { skills: [{ id: skill['t3'], minLevel: 4 }] }))).toEqual([]);
  });

  it('searches by one of the organisation’s roles and by occupation; another organisation’s role is 404', async () => {
    const role = await owner.request('POST', 'orgs/employer/roles', {
      title: 'Assessment Lead',
      skills: [
        { url: URL_OF(1), level: null },
        { url: URL_OF(2), level: null },
      ],
    });
    expect(role.status).toBe(201);
    const r = await search(owner, { roleId: role.json['id'] });
    expect(r.json['summary']).toBe('Role: Assessment Lead');
    expect((r.json['items'] as Json[])[0]).toMatchObject({ id: id['alice'], matched: 2, required: 2 });
    expect((await search(rival, { roleId: role.json['id'] }, 'rival')).status).toBe(404);
    const occ = await search(owner, { occupationCode: 'T-9' });
    expect(occ.json['summary']).toBe('Occupation: Talent Tester (T-9)');
    expect(names(occ)).toEqual([id['alice']]);
  });

  it('refuses bad criteria with field paths', async () => {
    const none = await search(owner, {});
    expect(none.status).toBe(400);
    expect(none.json['errors']).toEqual([expect.objectContaining({ path: 'skills' })]);
    const unknown = await search(owner, { skills: [{ id: 'skl_nope' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.json['errors']).toEqual([expect.objectContaining({ path: 'skills.0.id' })]);
    const level = await search(owner, { skills: [{ id: skill['t1'], minLevel: 9 }] });
    expect(level.json['errors']).toEqual([expect.objectContaining({ path: 'skills.0.minLevel' })]);
    expect((await search(owner, { occupationCode: 'NOPE' })).json['errors']).toEqual([expect.objectContaining({ path: 'occupationCode' })]);
  });

  it('is for owners of the organisation only: designer 403, non-member and learner 404, signed-out 401', async () => {
    const body = { skills: [{ id: skill['t1'] }] };
    expect((await search(designer, body)).status).toBe(403);
    expect((await search(rival, body)).status).toBe(404);
    expect((await search(outsider, body)).status).toBe(404);
    expect((await search(alice, body)).status).toBe(404);
    expect((await search(new ApiClient(ctx), body)).status).toBe(401);
    expect((await designer.request('GET', `orgs/employer/talent/people/${id['alice']}`)).status).toBe(403);
    expect((await outsider.request('GET', `orgs/employer/talent/people/${id['alice']}`)).status).toBe(404);
  });

  it('records each search in the organisation’s audit log', async () => {
    const rows = await ctx.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, 'talent.searched')));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.some((e) => (e.detail as Json)['summary'] === 'Role: Assessment Lead')).toBe(true);
  });
});

describe('profiles, contact requests and what the learner sees', () => {
  let searchId = '';
  let contactId = '';

  it('shows a consenting learner’s profile (only what they chose), matched against the search; others are 404', async () => {
    searchId = (await search(owner, { skills: [{ id: skill['t1'] }] })).json['searchId'] as string;
    const p = await owner.request('GET', `orgs/employer/talent/people/${id['alice']}?search=${searchId}`);
    expect(p.status, p.text).toBe(200);
    expect(p.json).toMatchObject({ displayName: 'Alice K.', publicSkillsUrl: null, match: { summary: 'Skills: Talent skill 1' } });
    expect((p.json['credentials'] as Json[]).map((c) => c['name'])).toEqual(['Assessment Design']);
    expect(JSON.stringify(p.json)).not.toContain('alice@learners.example');
    // Bob never consented: 404, like an unknown id.
    expect((await owner.request('GET', `orgs/employer/talent/people/${id['bob']}`)).status).toBe(404);
    expect((await owner.request('GET', 'orgs/employer/talent/people/acc_unknown')).status).toBe(404);
    // Hiding skills and credentials takes effect on the next view.
    await optIn(alice, { displayName: 'Alice K.', showSkills: false, showCredentials: false });
    const hidden = await owner.request('GET', `orgs/employer/talent/people/${id['alice']}`);
    expect(hidden.json).toMatchObject({ skills: null, credentials: null, match: null });
    await optIn(alice, { displayName: 'Alice K.' });
  });

  it('a rival’s search id does not unlock another organisation’s search', async () => {
    const p = await rival.request('GET', `orgs/rival/talent/people/${id['alice']}?search=${searchId}`);
    expect(p.status).toBe(200);
    expect(p.json['match']).toBeNull();
  });

  it('sends a contact request (one pending per organisation and learner), notifies the learner', async () => {
    const sent = await owner.request('POST', `orgs/employer/talent/people/${id['alice']}/contacts`, {
      subject: 'Online Course Lead',
      body: 'Would you like to talk about our role?',
    });
    expect(sent.status, sent.text).toBe(201);
    expect(sent.json).toMatchObject({ status: 'pending', email: null, learner: { id: id['alice'], displayName: 'Alice K.' } });
    contactId = sent.json['id'] as string;
    const again = await owner.request('POST', `orgs/employer/talent/people/${id['alice']}/contacts`, { subject: 'Again', body: 'Hello?' });
    expect(again.status).toBe(409);
    const bad = await owner.request('POST', `orgs/employer/talent/people/${id['alice']}/contacts`, { subject: '', body: 'x'.repeat(4001) });
    expect(bad.status).toBe(400);
    expect((bad.json['errors'] as Json[]).map((e) => e['path']).sort()).toEqual(['body', 'subject']);
    expect(
      (await designer.request('POST', `orgs/employer/talent/people/${id['alice']}/contacts`, { subject: 's', body: 'b' })).status,
    ).toBe(403);
    expect((await owner.request('POST', `orgs/employer/talent/people/${id['bob']}/contacts`, { subject: 's', body: 'b' })).status).toBe(
      404,
    );
    const notes = await ctx.deps.db
      .select()
      .from(notifications)
      .where(eq(notifications.accountId, id['alice'] ?? ''));
    expect(notes.map((n) => n.title)).toContain('Employer Ltd would like to get in touch');
  });

  it('keeps contact requests per tenant and per learner', async () => {
    expect((await rival.request('GET', 'orgs/rival/talent/contacts')).json['items']).toEqual([]);
    expect((await rival.request('GET', 'orgs/employer/talent/contacts')).status).toBe(404);
    expect((await designer.request('GET', 'orgs/employer/talent/contacts')).status).toBe(403);
    expect((await bob.request('GET', 'me/talent/contacts')).json['items']).toEqual([]);
    expect((await bob.request('POST', `me/talent/contacts/${contactId}/answer`, { accept: true })).status).toBe(404);
    const mine = await alice.request('GET', 'me/talent/contacts');
    expect(mine.json['items']).toEqual([expect.objectContaining({ id: contactId, org: { name: 'Employer Ltd' }, status: 'pending' })]);
  });

  it('the learner sees who found and viewed them (organisation, when, what for); others see none of it', async () => {
    const a = await alice.request('GET', 'me/talent/activity');
    expect(a.status).toBe(200);
    const items = a.json['items'] as Json[];
    expect(items.some((i) => i['kind'] === 'view' && i['orgName'] === 'Employer Ltd' && i['summary'] === 'Skills: Talent skill 1')).toBe(
      true,
    );
    expect(items.some((i) => i['kind'] === 'search' && i['summary'] === 'Role: Assessment Lead')).toBe(true);
    expect(items.some((i) => i['kind'] === 'view' && i['orgName'] === 'Rival Inc')).toBe(true);
    expect((await bob.request('GET', 'me/talent/activity')).json['items']).toEqual([]);
  });

  it('accepting shares the email with the sending organisation only; an answer is final', async () => {
    const ok = await alice.request('POST', `me/talent/contacts/${contactId}/answer`, { accept: true, reply: 'Happy to talk.' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ status: 'accepted', shareEmail: true, reply: 'Happy to talk.' });
    expect((await alice.request('POST', `me/talent/contacts/${contactId}/answer`, { accept: false })).status).toBe(409);
    const list = await owner.request('GET', 'orgs/employer/talent/contacts');
    expect(list.json['items']).toEqual([
      expect.objectContaining({ id: contactId, status: 'accepted', email: 'alice@learners.example', reply: 'Happy to talk.' }),
    ]);
    const audit = await ctx.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, 'talent.contact_answered')));
    expect(audit).toHaveLength(1);
    const senderNotes = await ctx.deps.db.select().from(notifications).where(eq(notifications.accountId, ownerId));
    expect(senderNotes.map((n) => n.title)).toContain('Alice K. accepted your contact request');
  });

  it('after a decline the organisation must wait before writing again', async () => {
    const c = await owner.request('POST', `orgs/employer/talent/people/${id['carol']}/contacts`, { subject: 'Hi', body: 'Hello' });
    expect(c.status).toBe(201);
    expect((await carol.request('POST', `me/talent/contacts/${c.json['id'] as string}/answer`, { accept: false })).json['status']).toBe(
      'declined',
    );
    const again = await owner.request('POST', `orgs/employer/talent/people/${id['carol']}/contacts`, { subject: 'Hi', body: 'Again' });
    expect(again.status).toBe(429);
    const list = await owner.request('GET', 'orgs/employer/talent/contacts');
    expect((list.json['items'] as Json[]).find((i) => i['id'] === c.json['id'])).toMatchObject({ status: 'declined', email: null });
  });

  it('opting out removes the learner at once: no results, profile and contact 404', async () => {
    expect((await alice.request('PUT', 'me/talent/settings', { discoverable: false })).json['discoverable']).toBe(false);
    expect(names(await search(owner, { skills: [{ id: skill['t1'] }] }))).toEqual([]);
    expect((await owner.request('GET', `orgs/employer/talent/people/${id['alice']}`)).status).toBe(404);
    expect((await owner.request('POST', `orgs/employer/talent/people/${id['alice']}/contacts`, { subject: 's', body: 'b' })).status).toBe(
      404,
    );
  });
});

describe('after opting out, contact records stay but the learner’s details go', () => {
  it('the organisation keeps its accepted request (subject, status, dates) without name, reply or email; opting in again restores them', async () => {
    // Alice accepted Employer Ltd's request and shared her email, then opted out (tests above).
    const list = await owner.request('GET', 'orgs/employer/talent/contacts');
    const accepted = (list.json['items'] as Json[]).find((i) => i['status'] === 'accepted');
    expect(accepted).toMatchObject({
      subject: 'Online Course Lead',
      status: 'accepted',
      email: null,
      reply: null,
      learner: { id: id['alice'], displayName: 'Left employer search', withdrawn: true },
    });
    expect(JSON.stringify(list.json)).not.toContain('alice@learners.example');
    expect(JSON.stringify(list.json)).not.toContain('Alice K.');
    expect(JSON.stringify(list.json)).not.toContain('Happy to talk.');
    // The learner still sees her own request and answer in full.
    expect((await alice.request('GET', 'me/talent/contacts')).json['items']).toEqual([
      expect.objectContaining({ status: 'accepted', reply: 'Happy to talk.', shareEmail: true }),
    ]);
    await optIn(alice, { displayName: 'Alice K.' });
    const back = await owner.request('GET', 'orgs/employer/talent/contacts');
    expect((back.json['items'] as Json[]).find((i) => i['status'] === 'accepted')).toMatchObject({
      email: 'alice@learners.example',
      reply: 'Happy to talk.',
      learner: { displayName: 'Alice K.', withdrawn: false },
    });
  });
});

/** A learner created directly (no session needed), consenting when `consents` (not yet indexed, as after a seed). */
async function person(key: string, consents: boolean) {
  id[key] = `acc_${key}`;
  const now = new Date();
  await ctx.deps.db
    .insert(accounts)
    .values({ id: id[key], email: `${key}@learners.example`, name: key, passwordHash: 'x', createdAt: now, updatedAt: now });
  await ctx.deps.db.insert(talentProfiles).values({ accountId: id[key], discoverable: consents, updatedAt: now });
}

/** A wallet import with an OB 3.0 alignment to `url`, as the wallet stores it after verification. */
async function importCredential(accountId: string, itemId: string, url: string, verdict: 'valid' | 'invalid') {
  const credential = {
    id: `https://issuer.example/credentials/${itemId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    validFrom: '2026-03-01T00:00:00Z',
    credentialSubject: { achievement: { name: 'Imported facilitation', alignment: [{ targetUrl: url, targetName: 'Talent skill 4' }] } },
  };
  const now = new Date();
  await ctx.deps.db.insert(walletItems).values({
    id: itemId,
    accountId,
    source: 'paste',
    payload: JSON.stringify(credential),
    mediaType: 'application/json',
    name: 'Imported facilitation',
    issuerName: 'Other University',
    verdict,
    report: { credential },
    verifiedAt: now,
    createdAt: now,
  });
}

describe('imported credentials in search', () => {
  it('finds a learner whose only evidence is a verified import matched to a framework skill, shown as the evidence', async () => {
    await person('dave', true);
    await person('erin', true);
    await person('fred', false);
    // Dave's import verifies; Erin's failed verification; Fred's verifies but he does not consent.
    await importCredential(id['dave'] ?? '', 'wal_dave', URL_OF(4), 'valid');
    await importCredential(id['erin'] ?? '', 'wal_erin', URL_OF(4), 'invalid');
    await importCredential(id['fred'] ?? '', 'wal_fred', URL_OF(4), 'valid');
    const r = await search(owner, { skills: [{ id: skill['t4'] }] });
    expect(r.status, r.text).toBe(200);
    expect(names(r)).toEqual([id['dave']]);
    const [hit] = r.json['items'] as Array<Json & { skills: Json[] }>;
    expect(hit?.skills[0]).toMatchObject({
      url: URL_OF(4),
      status: 'verified',
      evidence: [
        expect.objectContaining({
          kind: 'imported',
          credentialId: 'wal_dave',
          name: 'Imported facilitation',
          issuerName: 'Other University',
        }),
      ],
    });
  });

  it('an import aligned to a skill of a framework imported later counts once that framework is imported', async () => {
    const later = 'https://later.test/skills/l1';
    await person('lena', true);
    await importCredential(id['lena'] ?? '', 'wal_lena', later, 'valid');
    // A search indexes Lena now: her import matches no known skill yet, so she has no indexed evidence.
    expect((await search(owner, { skills: [{ id: skill['t4'] }] })).status).toBe(200);
    const [indexed] = await ctx.deps.db
      .select()
      .from(talentProfiles)
      .where(eq(talentProfiles.accountId, id['lena'] ?? ''));
    expect(indexed?.evidenceKey).toEqual(expect.any(String));
    expect(
      await ctx.deps.db
        .select()
        .from(talentSkillEvidence)
        .where(eq(talentSkillEvidence.accountId, id['lena'] ?? '')),
    ).toEqual([]);
    await importFramework(ctx.deps, {
      actorId: null,
      orgId: null,
      format: 'csv',
      text: `id,code,name,uri\nl1,L.1,Later skill 1.,${later}`,
      title: 'Later skills',
    });
    const found = await matchSkillByUrlOrCode(ctx.deps.db, { url: later, baseUrl: ctx.deps.env.TESSERA_BASE_URL });
    // The step that must pass: the framework import makes Lena's index stale, so the next search re-indexes her.
    const r = await search(owner, { skills: [{ id: found?.id ?? '' }] });
    expect(names(r)).toEqual([id['lena']]);
    // The statement's full stop is left out of the one-line summary (shown as "Skills: …: 1 person").
    expect(r.json['summary']).toBe('Skills: Later skill 1');
  });

  it('an import that fails re-verification stops counting at once', async () => {
    await ctx.deps.db.update(walletItems).set({ verdict: 'invalid', verifiedAt: new Date() }).where(eq(walletItems.id, 'wal_dave'));
    expect(names(await search(owner, { skills: [{ id: skill['t4'] }] }))).toEqual([]);
  });
});

describe('ordering by level across all results', () => {
  it('ranks higher verified levels first among equal matches, even behind more than a page of newer level-less matches', async () => {
    // Gina shows Talent skill 3 at "Proficient" (5 on the 1–5 scale), Alice at "Developing" (3). Then 21 people earn the
    // same credential later without a rubric result (no level). All match one skill of one.
    await person('gina', true);
    await earn(id['gina'] ?? '', 'A1', { results: [{ criterionId: 'c1', levelId: 'l3' }] });
    for (let n = 1; n <= 21; n++) {
      await person(`fill${n}`, true);
      await earn(id[`fill${n}`] ?? '', 'A1');
    }
    const r = await search(owner, { skills: [{ id: skill['t3'] }] });
    expect(r.status, r.text).toBe(200);
    const items = r.json['items'] as Array<Json & { skills: Array<Json & { level: Json | null }> }>;
    expect(items).toHaveLength(20);
    expect(items.slice(0, 2).map((i) => i['id'])).toEqual([id['gina'], id['alice']]);
    expect(items[0]?.skills[0]?.level).toMatchObject({ scale: 5 });
    expect(items[1]?.skills[0]?.level).toMatchObject({ scale: 3 });
    // Among equal matches and levels the newest evidence comes first: the 21 earned in order, fill21 last.
    expect(items.slice(2).map((i) => i['id'])).toEqual(Array.from({ length: 18 }, (_, k) => id[`fill${21 - k}`]));
  });

  it('a credential revoked after indexing stops counting at the next search', async () => {
    await ctx.deps.db
      .update(credentials)
      .set({ revokedAt: new Date() })
      .where(eq(credentials.learnerId, id['gina'] ?? ''));
    const items = (await search(owner, { skills: [{ id: skill['t3'] }] })).json['items'] as Json[];
    expect(items.map((i) => i['id'])).not.toContain(id['gina']);
    expect(items[0]?.['id']).toBe(id['alice']);
  });
});

describe('OpenAPI', () => {
  it('describes the talent routes', async () => {
    const doc = await new ApiClient(ctx).request('GET', 'openapi.json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.json['paths'] as Json);
    for (const p of [
      '/api/v1/me/talent/settings',
      '/api/v1/me/talent/activity',
      '/api/v1/me/talent/contacts',
      '/api/v1/me/talent/contacts/{id}/answer',
      '/api/v1/orgs/{slug}/talent/search',
      '/api/v1/orgs/{slug}/talent/people/{id}',
      '/api/v1/orgs/{slug}/talent/people/{id}/contacts',
      '/api/v1/orgs/{slug}/talent/contacts',
    ])
      expect(paths).toContain(p);
  });
});
