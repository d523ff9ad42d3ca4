import { createHash } from 'node:crypto';
import { extractFromSvg } from '@tessera/credentials';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, credentials, evidenceItems, reviews } from '../db/schema.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';
import { credentialColumns } from './store.js';

// Issue 13, "Sharing switches don't reach the signed credential": what we sign carries evidence by reference
// (name, neutral description, a URL whose access follows the learner's evidence visibility, a digest), never the
// learner's text or the assessor's notes; the name only when allowed; and the learner can re-issue with their
// current choices, which revokes the old credential with the reason "re-issued".

let ctx: TestContext;
let row: typeof credentials.$inferSelect;
let key = '';
let learnerName = '';
let texts: string[] = [];
let notes: string[] = [];
let learner: ApiClient;
let other: ApiClient;
let owner: ApiClient;
let assessor: ApiClient;

async function signIn(email: string) {
  const client = new ApiClient(ctx);
  const r = await client.request('POST', 'auth/signin', { email, password: DEMO_PASSWORD });
  expect(r.status).toBe(200);
  return client;
}
const sri = (bytes: Uint8Array | string) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`;
const evidenceOf = (doc: Record<string, unknown>) => doc['evidence'] as Array<Record<string, unknown>>;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  // A credential whose evidence includes written text and a file.
  for (const c of await ctx.deps.db.select(credentialColumns).from(credentials)) {
    const items = await ctx.deps.db
      .select()
      .from(evidenceItems)
      .where(eq(evidenceItems.submissionId, c.submissionId ?? ''));
    if (items.some((i) => i.kind === 'text') && items.some((i) => i.kind === 'file')) {
      row = c;
      texts = items.flatMap((i) => (i.text ? [i.text] : []));
      break;
    }
  }
  if (!texts.length) throw new Error('seed has no credential with text and file evidence');
  key = row.id.split('/').pop() ?? '';
  notes = (
    await ctx.deps.db
      .select()
      .from(reviews)
      .where(eq(reviews.submissionId, row.submissionId ?? ''))
  )
    .flatMap((r) => [r.overallFeedback, ...r.scores.map((s) => s.feedback)])
    .filter((n) => n.length > 5);
  const [acc] = await ctx.deps.db
    .select()
    .from(accounts)
    .where(eq(accounts.id, row.learnerId ?? ''));
  learnerName = acc?.name ?? '';
  learner = await signIn(acc?.email ?? '');
  other = await signIn('learner4@riverside.example');
  owner = await signIn('owner@riverside.example');
  assessor = await signIn('assessor2@riverside.example');
});
afterAll(async () => ctx?.close());

describe('what we sign: evidence by reference', () => {
  it('carries each evidence item as name, description, URL and digest — no text, no file name, no assessor notes — in every download', async () => {
    expect(notes.length).toBeGreaterThan(0);
    const ev = evidenceOf(row.document);
    expect(ev.length).toBeGreaterThan(1);
    for (const e of ev) {
      expect(Object.keys(e).sort()).toEqual(['description', 'digestSRI', 'id', 'name', 'type']);
      expect(String(e['id'])).toMatch(new RegExp(`^${row.id}/evidence/[^/]+$`));
    }
    const json = await (await ctx.app.request(`/credentials/${key}/credential.json`)).text();
    const jwt = await (await ctx.app.request(`/credentials/${key}/credential.jwt`)).text();
    const jwtPayload = Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8');
    const badge = extractFromSvg(await (await ctx.app.request(`/credentials/${key}/badge`)).text())?.text ?? '';
    expect(badge).toContain(row.id);
    for (const [what, body] of [
      ['json', json],
      ['jwt', jwtPayload],
      ['badge', badge],
    ] as const) {
      for (const t of texts) expect({ what, leaks: body.includes(t) }).toEqual({ what, leaks: false });
      for (const n of notes) expect({ what, leaks: body.includes(n) }).toEqual({ what, leaks: false });
      expect(body).not.toContain('narrative":"' + texts[0]);
      expect(body).not.toMatch(/\.pdf/);
    }
  });

  it('serves private evidence only to the learner and the organisation’s owners and assessors, and what it serves matches the digest', async () => {
    const text = evidenceOf(row.document).find((e) => String(e['description']).startsWith('A written response'));
    const url = String(text?.['id']).replace('http://tessera.test', '');
    for (const [who, client, status] of [
      ['anonymous', new ApiClient(ctx), 404],
      ['other learner', other, 404],
      ['learner', learner, 200],
      ['org owner', owner, 200],
      ['org assessor', assessor, 200],
    ] as const) {
      const r = await client.request('GET', url);
      expect({ who, status: r.status }).toEqual({ who, status });
      if (status === 200) {
        expect(texts).toContain(r.text);
        expect(sri(r.text)).toBe(text?.['digestSRI']);
        expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      }
    }
  });

  it('serves public evidence to anyone who may see the credential; a file by redirect to its digest-matching bytes', async () => {
    const mine = await learner.request('GET', 'me/credentials');
    const c = mine.json.find((x) => x['id'] === row.id);
    const all = (c?.['evidence'] as Array<{ requirementId: string }>).map((e) => ({ requirementId: e.requirementId, public: true }));
    expect((await learner.request('PATCH', `me/credentials/${encodeURIComponent(row.id)}`, { evidence: all })).status).toBe(200);
    const anon = new ApiClient(ctx);
    for (const e of evidenceOf(row.document)) {
      const r = await anon.request('GET', String(e['id']).replace('http://tessera.test', ''));
      if (String(e['description']).startsWith('A file')) {
        expect(r.status).toBe(302);
        const file = await ctx.app.request((r.headers.get('location') ?? '').replace('http://tessera.test', ''));
        expect(file.status).toBe(200);
        expect(sri(new Uint8Array(await file.arrayBuffer()))).toBe(e['digestSRI']);
      } else {
        expect(r.status).toBe(200);
        expect(sri(r.text)).toBe(e['digestSRI']);
      }
    }
    // The page shows the text of public written evidence (the signed credential only links to it).
    const html = await (await ctx.app.request(`/credentials/${key}`)).text();
    expect(texts.some((t) => html.includes(t))).toBe(true);
    // A private credential keeps even its public evidence from others.
    expect((await learner.request('PATCH', `me/credentials/${encodeURIComponent(row.id)}`, { visibility: 'private' })).status).toBe(200);
    const first = String(evidenceOf(row.document)[0]?.['id']).replace('http://tessera.test', '');
    expect((await anon.request('GET', first)).status).toBe(404);
    expect((await learner.request('GET', first)).status).not.toBe(404);
    expect(
      (
        await learner.request('PATCH', `me/credentials/${encodeURIComponent(row.id)}`, {
          visibility: 'unlisted',
          evidence: all.map((e) => ({ ...e, public: false })),
        })
      ).status,
    ).toBe(200);
  });
});

describe('re-issue with my current sharing choices', () => {
  let newId = '';

  it('tells the learner what the downloadable credential reveals: their name (allowed at issuance) and each evidence name and link', async () => {
    const mine = await learner.request('GET', 'me/credentials');
    const c = mine.json.find((x) => x['id'] === row.id);
    expect(c?.['reissuable']).toBe(true);
    const signed = c?.['signed'] as {
      name: string | null;
      emailHashed: boolean;
      evidence: Array<{ name: string; url: string; digest: boolean; text: boolean }>;
    };
    expect(signed.name).toBe(learnerName);
    expect(signed.emailHashed).toBe(true);
    expect(signed.evidence.map((e) => e.url)).toEqual(evidenceOf(row.document).map((e) => e['id']));
    expect(signed.evidence.every((e) => e.digest && !e.text)).toBe(true);
  });

  it('hiding the name changes the page at once but not the signed credential, which still says so', async () => {
    expect((await learner.request('PATCH', `me/credentials/${encodeURIComponent(row.id)}`, { showName: false })).status).toBe(200);
    const c = (await learner.request('GET', 'me/credentials')).json.find((x) => x['id'] === row.id);
    expect((c?.['signed'] as { name: string | null }).name).toBe(learnerName);
    expect(await (await ctx.app.request(`/credentials/${key}/credential.json`)).text()).toContain(learnerName);
  });

  it('refuses another account (404) and signs nothing', async () => {
    const r = await other.request('POST', `me/credentials/${encodeURIComponent(row.id)}/reissue`);
    expect(r.status).toBe(404);
    expect((await owner.request('POST', `me/credentials/${encodeURIComponent(row.id)}/reissue`)).status).toBe(404);
    expect(
      (
        await ctx.deps.db
          .select()
          .from(credentials)
          .where(eq(credentials.submissionId, row.submissionId ?? ''))
      ).length,
    ).toBe(1);
  });

  it('signs a new credential without the name and revokes the old one as "re-issued", exactly once on a double click', async () => {
    const path = `me/credentials/${encodeURIComponent(row.id)}/reissue`;
    const [a, b] = await Promise.all([learner.request('POST', path), learner.request('POST', path)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    newId = String((a.json['credential'] as Record<string, unknown>)['id']);
    expect((b.json['credential'] as Record<string, unknown>)['id']).toBe(newId);
    expect(a.json['replacedId']).toBe(row.id);
    expect(newId).not.toBe(row.id);
    const again = await learner.request('POST', path);
    expect((again.json['credential'] as Record<string, unknown>)['id']).toBe(newId);

    const rows = await ctx.deps.db
      .select()
      .from(credentials)
      .where(eq(credentials.submissionId, row.submissionId ?? ''));
    expect(rows.length).toBe(2);
    const old = rows.find((r) => r.id === row.id);
    const fresh = rows.find((r) => r.id === newId);
    expect(old).toMatchObject({ revokedReason: 're-issued', replacedBy: newId });
    expect(fresh).toMatchObject({ revokedAt: null, replacedBy: null, visibility: 'unlisted', showName: false });
    const doc = JSON.stringify(fresh?.document);
    expect(doc).not.toContain(learnerName);
    expect((a.json['credential'] as { signed: { name: string | null } }).signed.name).toBeNull();
    // The email identity stays a salted hash, and the evidence by reference under the new credential's id.
    const subject = fresh?.document['credentialSubject'] as { identifier: Array<Record<string, unknown>> };
    expect(subject.identifier).toEqual([expect.objectContaining({ identityType: 'emailAddress', hashed: true, salt: expect.any(String) })]);
    expect(evidenceOf(fresh?.document ?? {}).map((e) => e['id'])).toEqual(
      evidenceOf(row.document).map((e) => String(e['id']).replace(row.id, newId)),
    );
    expect(fresh?.document['awardedDate']).toBe(row.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'));

    const audits = await ctx.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, row.learnerId ?? '')));
    expect(audits.filter((e) => e.action === 'credential.revoked' && e.target === row.id).map((e) => e.detail)).toEqual([
      { reason: 're-issued', replacedBy: newId },
    ]);
    expect(audits.filter((e) => e.action === 'credential.issued').map((e) => e.target)).toEqual([newId]);
  });

  it('the new credential verifies; the old one verifies as revoked, and its page links to the new one', async () => {
    const fresh = await learner.request('POST', 'verify', { url: newId });
    expect(fresh.json.verdict).toBe('valid');
    const old = await learner.request('POST', 'verify', { url: row.id });
    expect(old.json.verdict).toBe('invalid');
    expect((old.json.steps as Array<{ id: string; status: string }>).find((s) => s.status === 'failed')?.id).toMatch(/status/);
    const html = await (await ctx.app.request(`/credentials/${key}`)).text();
    expect(html).toContain(`<a href="${newId}">See the credential that replaced it</a>`);
    const mine = await learner.request('GET', 'me/credentials');
    expect(mine.json.map((c) => c['id'])).toContain(newId);
    expect(mine.json.map((c) => c['id'])).not.toContain(row.id);
    // The submission is listed once, pointing at the current credential.
    const subs = (await learner.request('GET', 'me/submissions')).json.filter((x) => x['id'] === row.submissionId);
    expect(subs.map((x) => x['credentialId'])).toEqual([newId]);
    expect((await learner.request('GET', `me/submissions/${row.submissionId ?? ''}`)).json['credentialId']).toBe(newId);
  });

  it('the old page follows the new credential’s sharing choice', async () => {
    expect((await learner.request('PATCH', `me/credentials/${encodeURIComponent(newId)}`, { visibility: 'private' })).status).toBe(200);
    expect((await ctx.app.request(`/credentials/${key}`)).status).toBe(404);
    expect((await ctx.app.request(`/credentials/${key}/credential.json`)).status).toBe(404);
    expect((await learner.request('GET', `/credentials/${key}/credential.json`)).status).toBe(200);
  });

  it('will not re-issue a credential its issuer revoked', async () => {
    const r = await owner.request('POST', `orgs/riverside/credentials/${encodeURIComponent(newId)}/revoke`, { reason: 'Issued in error' });
    expect(r.status).toBe(200);
    const again = await learner.request('POST', `me/credentials/${encodeURIComponent(newId)}/reissue`);
    expect(again.status).toBe(409);
  });
});
