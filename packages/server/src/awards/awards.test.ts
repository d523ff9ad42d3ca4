import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { verifyCredential } from '@tessera/credentials';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awards, auditEvents, credentials, apiTokens } from '../db/schema.js';
import { MIGRATIONS_DIR } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { listMail } from '../mail/store.js';
import { FixedClock } from '../shared/clock.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, inviteAndJoin } from '../testing/harness.js';
import { localDocuments } from '../verify/local-documents.js';
import { issueAward } from './issue-award.js';
import { credentialColumns } from '../credentials/index.js';

let ctx: TestContext;
const clock = new FixedClock(new Date('2026-03-10T09:00:00.000Z'));
let owner: ApiClient;
const members = {} as Record<'designer' | 'assessor' | 'viewer', ApiClient>;
let outsider: ApiClient;
let learnerOnly: ApiClient;
let achievementId = '';
let orgId = '';
const DAY = 86_400_000;

type Json = Record<string, unknown>;
const items = (r: { json: Json }) => r.json['items'] as Array<{ award: Json; credentialId: string | null; created: boolean }>;

async function claimLinkFor(email: string): Promise<string> {
  const mail = (await listMail(ctx.deps.db, 1000)).filter((m) => m.to === email).at(0);
  const token = /\/app\/claim\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no claim mail for ${email}`);
  return token;
}

async function verifyLink(email: string): Promise<string> {
  const mail = (await listMail(ctx.deps.db, 1000)).find((m) => m.to === email && m.text.includes('/app/verify-email?token='));
  const token = /verify-email\?token=([A-Za-z0-9_%-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no verification mail for ${email}`);
  return decodeURIComponent(token);
}

async function credentialRow(id: string) {
  const [row] = await ctx.deps.db.select(credentialColumns).from(credentials).where(eq(credentials.id, id));
  if (!row) throw new Error('no credential');
  return row;
}

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  owner = new ApiClient(ctx);
  await owner.signUp('owner@awards.example');
  // One review decides here: double-scoring (10 % by default, drawn from the random submission id) would leave a
  // random submission waiting for a second assessor.
  const org = await owner.request('POST', 'orgs', { slug: 'awarders', name: 'Awarders Academy', doubleScorePercent: 0 });
  orgId = org.json['id'] as string;
  for (const role of ['designer', 'assessor', 'viewer'] as const)
    members[role] = await inviteAndJoin(ctx, owner, { slug: 'awarders', email: `${role}@awards.example`, role });
  outsider = new ApiClient(ctx);
  await outsider.signUp('outsider@other.example');
  await outsider.request('POST', 'orgs', { slug: 'elsewhere', name: 'Elsewhere' });
  learnerOnly = new ApiClient(ctx);
  await learnerOnly.signUp('learner@awards.example');
  const a = await owner.request('POST', 'orgs/awarders/achievements', sampleAchievement('Workshop: Inclusive Classrooms'));
  achievementId = a.json['id'] as string;
  expect((await owner.request('POST', `orgs/awarders/achievements/${achievementId}/publish`)).status).toBe(200);
});
afterAll(async () => ctx.close());

describe('direct award to an email without an account', () => {
  let credentialId = '';
  let awardId = '';

  it('signs a credential that names only a salted hash of the email, carries the issuer’s evidence and narrative, and verifies', async () => {
    const r = await owner.request('POST', 'orgs/awarders/awards', {
      achievementId,
      recipients: [{ email: ' New.Person@Example.org ', name: 'New Person' }],
      narrative: 'Completed the three-day workshop.',
      evidenceUrl: 'https://lms.example/courses/42',
      issuedOn: '2026-03-01',
    });
    expect(r.status).toBe(201);
    const [item] = items(r);
    expect(item?.created).toBe(true);
    expect(item?.award['recipientEmail']).toBe('new.person@example.org');
    expect(item?.award['source']).toBe('direct');
    expect(item?.award['claimed']).toBe(false);
    credentialId = item?.credentialId ?? '';
    awardId = item?.award['id'] as string;
    const row = await credentialRow(credentialId);
    expect(row.learnerId).toBeNull();
    expect(row.awardId).toBe(awardId);
    const doc = row.document as Json;
    const subject = doc['credentialSubject'] as Json;
    const ids = subject['identifier'] as Json[];
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatchObject({ identityType: 'emailAddress', hashed: true });
    expect(String(ids[0]?.['identityHash'])).toMatch(/^sha256\$[0-9a-f]{64}$/);
    const salt = String(ids[0]?.['salt']);
    expect(ids[0]?.['identityHash']).toBe(`sha256$${createHash('sha256').update(`new.person@example.org${salt}`).digest('hex')}`);
    expect(JSON.stringify(doc)).not.toContain('New Person');
    expect(JSON.stringify(doc)).not.toContain('new.person@example.org');
    expect(subject['result']).toBeUndefined();
    expect(doc['evidence']).toEqual([
      expect.objectContaining({ id: 'https://lms.example/courses/42', narrative: 'Completed the three-day workshop.' }),
    ]);
    expect(doc['validFrom']).toBe('2026-03-01T00:00:00Z');
    const report = await verifyCredential(doc, { now: clock.now(), documents: await localDocuments(ctx.deps, doc) });
    expect(report.verdict).toBe('valid');
  });

  it('emails one claim link, and lists the award with filters', async () => {
    const mails = (await listMail(ctx.deps.db, 1000)).filter((m) => m.to === 'new.person@example.org');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('Workshop: Inclusive Classrooms');
    const list = await owner.request('GET', 'orgs/awarders/awards?source=direct&email=new.person@example.org');
    expect(list.status).toBe(200);
    expect((list.json['items'] as Json[]).map((x) => x['id'])).toEqual([awardId]);
    expect((await owner.request('GET', 'orgs/awarders/awards?source=api')).json['items']).toEqual([]);
  });

  it('refuses the claim while signed in with another account (403, says which address to use), and while the address is unverified', async () => {
    const token = await claimLinkFor('new.person@example.org');
    const preview = await new ApiClient(ctx).request('GET', `awards/claim/${token}`);
    expect(preview.json).toMatchObject({ state: 'claimable', email: 'new.person@example.org', issuerName: 'Awarders Academy' });
    const wrong = await learnerOnly.request('POST', `awards/claim/${token}`);
    expect(wrong.status).toBe(403);
    expect(wrong.json['detail']).toContain('new.person@example.org');
    const person = new ApiClient(ctx);
    await person.signUp('new.person@example.org', 'New Person');
    const unverified = await person.request('POST', `awards/claim/${token}`);
    expect(unverified.status).toBe(403);
    expect(unverified.json['detail']).toMatch(/Confirm your email/);
    expect((await credentialRow(credentialId)).learnerId).toBeNull();

    expect((await person.request('POST', 'auth/verify-email', { token: await verifyLink('new.person@example.org') })).status).toBe(204);
    const ok = await person.request('POST', `awards/claim/${token}`);
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ awardId, credentialId });
    const again = await person.request('POST', `awards/claim/${token}`);
    expect(again.json).toEqual({ awardId, credentialId });
    const mine = await person.request('GET', 'me/credentials');
    expect((mine.json as unknown as Json[]).map((c) => c['id'])).toEqual([credentialId]);
    // Kept as signed: the hashed address is the one the account verified.
    const session = await person.request('GET', 'auth/session');
    expect((await credentialRow(credentialId)).learnerId).toBe((session.json['account'] as Json)['id']);
    expect((await learnerOnly.request('POST', `awards/claim/${token}`)).status).toBe(400);
    const audits = await ctx.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'award.claimed'), eq(auditEvents.target, awardId)));
    expect(audits).toHaveLength(1);
  });

  it('refuses an expired claim link (400 token_invalid) and an unknown one', async () => {
    const r = await owner.request('POST', 'orgs/awarders/awards', {
      achievementId,
      recipients: [{ email: 'late@example.org', name: 'Late Person' }],
    });
    expect(r.status).toBe(201);
    const token = await claimLinkFor('late@example.org');
    const late = new ApiClient(ctx);
    await late.signUp('late@example.org', 'Late Person');
    await late.request('POST', 'auth/verify-email', { token: await verifyLink('late@example.org') });
    clock.advance(61 * DAY);
    try {
      await late.signUp('late2@example.org');
      const res = await late.request('POST', `awards/claim/${token}`);
      expect(res.status).toBe(400);
      expect(res.json['code']).toBe('token_invalid');
      expect(res.json['detail']).toMatch(/expired/);
      expect((await late.request('GET', `awards/claim/${token}`)).json['state']).toBe('expired');
    } finally {
      clock.advance(-61 * DAY);
    }
    expect((await late.request('POST', 'awards/claim/not-a-real-token-at-all')).status).toBe(400);
  });
});

describe('exactly once', () => {
  const body = {
    achievementId,
    recipients: [
      { email: 'cohort1@example.org', name: 'One' },
      { email: 'cohort2@example.org', name: 'Two' },
    ],
  };

  it('replays the first response for a repeated Idempotency-Key, and refuses the key with another body (409)', async () => {
    const req = { ...body, achievementId };
    const first = await owner.request('POST', 'orgs/awarders/awards', req, { 'idempotency-key': 'batch-7' });
    expect(first.status).toBe(201);
    const second = await owner.request('POST', 'orgs/awarders/awards', req, { 'idempotency-key': 'batch-7' });
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    const other = await owner.request('POST', 'orgs/awarders/awards', { ...req, narrative: 'different' }, { 'idempotency-key': 'batch-7' });
    expect(other.status).toBe(409);
    const rows = await ctx.deps.db
      .select()
      .from(awards)
      .where(sql`${awards.recipientEmail} in ('cohort1@example.org', 'cohort2@example.org')`);
    expect(rows).toHaveLength(2);
    expect((await listMail(ctx.deps.db, 1000)).filter((m) => m.to === 'cohort1@example.org')).toHaveLength(1);
  });

  it('concurrent requests with the same key make one award per recipient and one credential each', async () => {
    const req = { achievementId, recipients: [{ email: 'race@example.org', name: 'Race' }] };
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => owner.request('POST', 'orgs/awarders/awards', req, { 'idempotency-key': 'race-key' })),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    for (const r of results) expect(r.json).toEqual(results[0]?.json);
    const rows = await ctx.deps.db.select().from(awards).where(eq(awards.recipientEmail, 'race@example.org'));
    expect(rows).toHaveLength(1);
    expect(
      await ctx.deps.db
        .select()
        .from(credentials)
        .where(eq(credentials.awardId, rows[0]?.id ?? '')),
    ).toHaveLength(1);
  });

  it('issueAward with one key, called repeatedly and concurrently, writes one award and one credential', async () => {
    const opts = {
      orgId,
      achievementId,
      recipient: { email: 'api@example.org', name: 'Api Person' },
      source: 'bulk' as const,
      idempotencyKey: 'row-1',
      createdBy: null,
    };
    const all = await Promise.all([issueAward(ctx.deps, opts), issueAward(ctx.deps, opts), issueAward(ctx.deps, opts)]);
    expect(all.filter((x) => x.created)).toHaveLength(1);
    expect(new Set(all.map((x) => x.credential?.id)).size).toBe(1);
    const again = await issueAward(ctx.deps, opts);
    expect(again.created).toBe(false);
    expect(again.credential?.id).toBe(all[0]?.credential?.id);
    await expect(issueAward(ctx.deps, { ...opts, recipient: { email: 'someone.else@example.org', name: 'X' } })).rejects.toThrow(
      /already used for another award/,
    );
    expect(await ctx.deps.db.select(credentialColumns).from(credentials).where(eq(credentials.awardId, again.award.id))).toHaveLength(1);
  });

  it('refuses bad details with the field that failed', async () => {
    const bad = async (patch: Json, path: string) => {
      const r = await owner.request('POST', 'orgs/awarders/awards', {
        achievementId,
        recipients: [{ email: 'x@example.org', name: 'X' }],
        ...patch,
      });
      expect(r.status).toBe(400);
      expect((r.json['errors'] as Array<{ path: string }>).map((e) => e.path)).toContain(path);
    };
    await bad({ issuedOn: '2026-03-11' }, 'issuedOn');
    await bad({ results: [{ criterionId: 'c1', levelId: 'nope' }] }, 'results.0.levelId');
    await bad({ results: [{ criterionId: 'zz', levelId: 'l1' }] }, 'results.0.criterionId');
    await bad({ evidenceUrl: 'javascript:alert(1)' }, 'evidenceUrl');
    await bad(
      {
        recipients: [
          { email: 'dup@example.org', name: 'A' },
          { email: 'DUP@example.org', name: 'B' },
        ],
      },
      'recipients.1',
    );
    await bad({ recipients: [{ accountId: 'acc_nobody' }] }, 'recipients.0.accountId');
    const draft = await owner.request('POST', 'orgs/awarders/achievements', sampleAchievement('Unpublished'));
    await bad({ achievementId: draft.json['id'] }, 'achievementId');
    expect(await ctx.deps.db.select().from(awards).where(eq(awards.recipientEmail, 'x@example.org'))).toHaveLength(0);
  });

  it('previews with dryRun and writes nothing', async () => {
    const r = await owner.request('POST', 'orgs/awarders/awards', {
      achievementId,
      recipients: [{ email: 'preview@example.org', name: 'P' }, { accountId: 'acc_nobody' }],
      dryRun: true,
    });
    expect(r.status).toBe(200);
    expect((r.json['items'] as Json[]).map((i) => i['ok'])).toEqual([true, false]);
    expect(await ctx.deps.db.select().from(awards).where(eq(awards.recipientEmail, 'preview@example.org'))).toHaveLength(0);
  });
});

describe('who may award: owner, roles the owner allows, nobody else', () => {
  const req = () => ({ achievementId, recipients: [{ email: `m${Math.random().toString(36).slice(2)}@example.org`, name: 'M' }] });

  it('owner 201; designer, assessor, viewer 403; a learner who is no member and another organisation’s owner 404; anonymous 401', async () => {
    expect((await owner.request('POST', 'orgs/awarders/awards', req())).status).toBe(201);
    for (const role of ['designer', 'assessor', 'viewer'] as const) {
      const r = await members[role].request('POST', 'orgs/awarders/awards', req());
      expect(r.status, role).toBe(403);
      expect((await members[role].request('GET', 'orgs/awarders/award-candidates')).status, role).toBe(403);
    }
    expect((await learnerOnly.request('POST', 'orgs/awarders/awards', req())).status).toBe(404);
    expect((await outsider.request('POST', 'orgs/awarders/awards', req())).status).toBe(404);
    expect((await new ApiClient(ctx).request('POST', 'orgs/awarders/awards', req())).status).toBe(401);
  });

  it('lets a designer award once the owner allows designers; only owners change the setting', async () => {
    expect((await members.designer.request('PUT', 'orgs/awarders/award-settings', { awardRoles: ['designer'] })).status).toBe(403);
    expect((await owner.request('PUT', 'orgs/awarders/award-settings', { awardRoles: ['designer'] })).status).toBe(200);
    expect((await members.designer.request('POST', 'orgs/awarders/awards', req())).status).toBe(201);
    expect((await members.assessor.request('POST', 'orgs/awarders/awards', req())).status).toBe(403);
    const candidates = await members.designer.request('GET', 'orgs/awarders/award-candidates?kind=members');
    expect(candidates.status).toBe(200);
    const assessor = (candidates.json as unknown as Json[]).find(
      (x) => x['name'] === 'Test Person' && String(x['emailHint']).endsWith('@awards.example'),
    );
    expect(assessor?.['emailHint']).toMatch(/^.…@awards\.example$/);
    // An account picked from the members gets the credential in its wallet at once.
    const picked = await members.designer.request('POST', 'orgs/awarders/awards', {
      achievementId,
      recipients: [{ accountId: assessor?.['accountId'] }],
    });
    expect(picked.status).toBe(201);
    expect(items(picked)[0]?.award['claimed']).toBe(true);
    await owner.request('PUT', 'orgs/awarders/award-settings', { awardRoles: [] });
    expect((await members.designer.request('POST', 'orgs/awarders/awards', req())).status).toBe(403);
  });
});

describe('API tokens', () => {
  let writeToken = '';
  let readToken = '';
  let writeId = '';
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

  it('owners create tokens (shown once, tsr_ prefix, stored hashed); other roles cannot', async () => {
    const w = await owner.request('POST', 'orgs/awarders/api-tokens', { name: 'LMS', scopes: ['awards:write'] });
    expect(w.status).toBe(201);
    writeToken = w.json['token'] as string;
    writeId = w.json['id'] as string;
    expect(writeToken).toMatch(/^tsr_[A-Za-z0-9_-]{40,}$/);
    readToken = (await owner.request('POST', 'orgs/awarders/api-tokens', { name: 'HR read', scopes: ['credentials:read'] })).json[
      'token'
    ] as string;
    const list = await owner.request('GET', 'orgs/awarders/api-tokens');
    expect(JSON.stringify(list.json)).not.toContain(writeToken);
    const [stored] = await ctx.deps.db.select().from(apiTokens).where(eq(apiTokens.id, writeId));
    expect(stored?.tokenHash).toBe(createHash('sha256').update(writeToken).digest('hex'));
    for (const role of ['designer', 'assessor', 'viewer'] as const) {
      expect((await members[role].request('POST', 'orgs/awarders/api-tokens', { name: 'x', scopes: ['awards:write'] })).status, role).toBe(
        403,
      );
      expect((await members[role].request('GET', 'orgs/awarders/api-tokens')).status, role).toBe(403);
    }
    expect((await outsider.request('GET', 'orgs/awarders/api-tokens')).status).toBe(404);
  });

  it('awards with awards:write (no CSRF token needed), replays by Idempotency-Key, audits every use', async () => {
    const api = new ApiClient(ctx);
    const req = { achievementId, recipients: [{ email: 'api-learner@example.org', name: 'Api Learner' }] };
    const r = await api.request('POST', 'orgs/awarders/awards', req, { ...bearer(writeToken), 'idempotency-key': 'lms-1' });
    expect(r.status).toBe(201);
    expect(items(r)[0]?.award['source']).toBe('api');
    expect(items(r)[0]?.award['sourceRef']).toBe(writeId);
    const replay = await api.request('POST', 'orgs/awarders/awards', req, { ...bearer(writeToken), 'idempotency-key': 'lms-1' });
    expect(replay.json).toEqual(r.json);
    const used = await ctx.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'api_token.used'), eq(auditEvents.target, writeId)));
    expect(used).toHaveLength(2);
    const created = await ctx.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'award.created'), eq(auditEvents.target, items(r)[0]?.award['id'] as string)));
    expect(created[0]?.detail).toMatchObject({ apiTokenId: writeId });
    const [t] = await ctx.deps.db.select().from(apiTokens).where(eq(apiTokens.id, writeId));
    expect(t?.lastUsedAt).not.toBeNull();
  });

  it('checks scope, tenant and revocation; a cookie sent with a bad bearer grants nothing', async () => {
    const api = new ApiClient(ctx);
    const req = { achievementId, recipients: [{ email: 'scoped@example.org', name: 'S' }] };
    expect((await api.request('POST', 'orgs/awarders/awards', req, bearer(readToken))).status).toBe(403);
    expect((await api.request('GET', 'orgs/awarders/credentials', undefined, bearer(writeToken))).status).toBe(403);
    expect((await api.request('POST', 'orgs/elsewhere/awards', req, bearer(writeToken))).status).toBe(404);
    expect((await api.request('GET', 'orgs/awarders/members', undefined, bearer(writeToken))).status).toBe(401);
    expect((await api.request('POST', 'orgs/awarders/awards', req, bearer('tsr_not-a-token'))).status).toBe(401);
    const withCookie = await owner.request('POST', 'orgs/awarders/awards', req, bearer('tsr_not-a-token'));
    expect(withCookie.status).toBe(401);
    const extra = (await owner.request('POST', 'orgs/awarders/api-tokens', { name: 'temp', scopes: ['awards:write'] })).json;
    expect((await owner.request('DELETE', `orgs/awarders/api-tokens/${extra['id'] as string}`)).status).toBe(200);
    expect((await api.request('POST', 'orgs/awarders/awards', req, bearer(extra['token'] as string))).status).toBe(401);
    expect(await ctx.deps.db.select().from(awards).where(eq(awards.recipientEmail, 'scoped@example.org'))).toHaveLength(0);
  });

  it('lists credentials with credentials:read, filtered, with cursor pagination', async () => {
    const api = new ApiClient(ctx);
    const all = await api.request('GET', 'orgs/awarders/credentials?source=direct', undefined, bearer(readToken));
    expect(all.status).toBe(200);
    const total = (all.json as unknown as Json[]).length;
    expect(total).toBeGreaterThan(3);
    const seen: string[] = [];
    let url = 'orgs/awarders/credentials?source=direct&limit=2';
    for (let i = 0; i < 20 && url; i++) {
      const page = await api.request('GET', url, undefined, bearer(readToken));
      seen.push(...(page.json as unknown as Json[]).map((c) => c['id'] as string));
      const next = page.headers.get('x-next-cursor');
      url = next ? `orgs/awarders/credentials?source=direct&limit=2&cursor=${next}` : '';
    }
    expect(seen).toEqual((all.json as unknown as Json[]).map((c) => c['id']));
    const byEmail = await api.request('GET', 'orgs/awarders/credentials?email=api-learner@example.org', undefined, bearer(readToken));
    expect((byEmail.json as unknown as Json[]).map((c) => c['recipientName'])).toEqual(['Api Learner']);
    const awardsPage = await api.request('GET', 'orgs/awarders/awards?limit=1', undefined, bearer(readToken));
    expect(awardsPage.status).toBe(200);
    expect(awardsPage.json['nextCursor']).toEqual(expect.any(String));
  });

  it('declares the bearer scheme in the OpenAPI document on the awards and credentials routes', async () => {
    const doc = (await new ApiClient(ctx).request('GET', '/api/v1/openapi.json')).json as Json;
    expect(((doc['components'] as Json)['securitySchemes'] as Json)['apiToken']).toMatchObject({ type: 'http', scheme: 'bearer' });
    const paths = doc['paths'] as Record<string, Record<string, Json>>;
    expect(paths['/api/v1/orgs/{slug}/awards']?.['post']?.['security']).toEqual([{ session: [] }, { apiToken: [] }]);
    expect(paths['/api/v1/orgs/{slug}/credentials']?.['get']?.['security']).toEqual([{ session: [] }, { apiToken: [] }]);
  });
});

describe('assessment issuance goes through an award; the migration backfills awards', () => {
  it('a backfill gives each existing credential an assessment award (key: submission id + attempt) with the review’s levels', async () => {
    // A credential as it was before awards: signed for a passed submission, with no award.
    const learner = new ApiClient(ctx);
    await learner.signUp('earner@awards.example');
    const sid = (await learner.request('POST', `catalog/${achievementId}/start`)).json['id'] as string;
    for (const [req, body] of [
      ['plan', { kind: 'text', text: 'plan' }],
      ['transcript', { kind: 'link', url: 'https://example.org/t' }],
      ['reflection', { kind: 'text', text: 'r' }],
    ] as const) {
      await learner.request('PUT', `me/submissions/${sid}/evidence/${req}`, body);
    }
    await learner.request('POST', `me/submissions/${sid}/submit`);
    expect((await members.assessor.request('POST', `orgs/awarders/submissions/${sid}/claim`)).status).toBe(200);
    const scores = ['c1', 'c2', 'c3'].map((criterionId) => ({ criterionId, levelId: 'l3', feedback: 'Met' }));
    expect(
      (
        await members.assessor.request('POST', `orgs/awarders/submissions/${sid}/reviews`, {
          scores,
          overallFeedback: 'Good',
          decision: 'pass',
        })
      ).status,
    ).toBeLessThan(300);
    const [award] = await ctx.deps.db
      .select()
      .from(awards)
      .where(and(eq(awards.source, 'assessment'), eq(awards.sourceRef, sid)));
    expect(award?.idempotencyKey).toBe(`assessment:${sid}:1`);
    const { issueCredential } = await import('../credentials/issue-credential.js');
    const credentialId = await issueCredential(ctx.deps, { submissionId: sid });
    expect((await credentialRow(credentialId)).awardId).toBe(award?.id);

    await ctx.deps.db.update(credentials).set({ awardId: null }).where(eq(credentials.id, credentialId));
    await ctx.deps.db.delete(awards).where(eq(awards.id, award?.id ?? ''));
    const migration = readFileSync(join(MIGRATIONS_DIR, '0011_awards.sql'), 'utf8');
    const backfill = migration
      .slice(migration.indexOf('-- Backfill'))
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter(Boolean);
    expect(backfill).toHaveLength(4);
    for (const statement of backfill) await queryRows(ctx.deps.db, sql.raw(statement));
    const [filled] = await ctx.deps.db
      .select()
      .from(awards)
      .where(and(eq(awards.source, 'assessment'), eq(awards.sourceRef, sid)));
    expect(filled).toMatchObject({
      idempotencyKey: `assessment:${sid}:1`,
      recipientName: 'Test Person',
      results: scores.map(({ criterionId, levelId }) => ({ criterionId, levelId })),
    });
    expect((await credentialRow(credentialId)).awardId).toBe(filled?.id);
    const orphans = await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from credentials where award_id is null`);
    expect(orphans[0]?.n).toBe(0);
    // Issuing again finds the backfilled award's credential: still exactly one.
    expect(await issueCredential(ctx.deps, { submissionId: sid })).toBe(credentialId);
  });
});
