import type { Role } from '@tessera/shared';
import { verifyCredential } from '@tessera/credentials';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByEmail } from '../accounts/index.js';
import { accounts, auditEvents, credentials } from '../db/schema.js';
import { listMail } from '../mail/store.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, inviteAndJoin } from '../testing/harness.js';
import { localDocuments, verifyInput } from '../verify/index.js';
import { RECOGNITION_POLICIES } from './policies.js';
import { credentialColumns } from '../credentials/index.js';

type Json = Record<string, unknown>;
let ctx: TestContext;
let rOwner: ApiClient;
let rDesigner: ApiClient;
let agOwner: ApiClient;
let agDesigner: ApiClient;
let agAssessor: ApiClient;
let emOwner: ApiClient;
let outsider: ApiClient;
let learner: ApiClient;
let learnerId = '';
let achievementId = '';
let credentialId = '';

const DAY = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();
const fieldPaths = (r: { json: Json }) => ((r.json['errors'] as Array<{ path: string }> | undefined) ?? []).map((e) => e.path);
const ruleInput = (over: Json = {}) => ({
  achievementId,
  kind: 'hours',
  amount: 15,
  unit: 'hours',
  target: 'licence renewal',
  validFrom: iso(-10),
  validUntil: iso(365),
  rationale: 'Meets the state standard for online instruction.',
  ...over,
});

async function award(achievement: string): Promise<string> {
  const r = await rOwner.request('POST', 'orgs/riverside/awards', { achievementId: achievement, recipients: [{ accountId: learnerId }] });
  expect(r.status, r.text).toBe(201);
  const id = (r.json['items'] as Array<{ credentialId: string | null }>)[0]?.credentialId;
  if (!id) throw new Error('no credential');
  return id;
}

async function documentOf(id: string): Promise<Json> {
  const [row] = await ctx.deps.db.select(credentialColumns).from(credentials).where(eq(credentials.id, id));
  return row?.document as Json;
}

async function served(path: string) {
  const res = await ctx.app.request(path);
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  ctx = await createTestContext();
  rOwner = new ApiClient(ctx);
  await rOwner.signUp('owner@riverside.test');
  await rOwner.request('POST', 'orgs', { slug: 'riverside', name: 'Riverside District' });
  rDesigner = await inviteAndJoin(ctx, rOwner, { slug: 'riverside', email: 'designer@riverside.test', role: 'designer' });
  agOwner = new ApiClient(ctx);
  await agOwner.signUp('owner@agency.test');
  await agOwner.request('POST', 'orgs', { slug: 'agency', name: 'State Agency' });
  agDesigner = await inviteAndJoin(ctx, agOwner, { slug: 'agency', email: 'designer@agency.test', role: 'designer' });
  agAssessor = await inviteAndJoin(ctx, agOwner, { slug: 'agency', email: 'assessor@agency.test', role: 'assessor' });
  emOwner = new ApiClient(ctx);
  await emOwner.signUp('owner@employer.test');
  await emOwner.request('POST', 'orgs', { slug: 'employer', name: 'Employer Co' });
  outsider = new ApiClient(ctx);
  await outsider.signUp('outsider@else.test');
  await outsider.request('POST', 'orgs', { slug: 'elsewhere', name: 'Elsewhere' });
  // A viewer member, so the district can award to the account directly (the award rules want a member or past learner).
  learner = await inviteAndJoin(ctx, rOwner, { slug: 'riverside', email: 'learner@riverside.test', role: 'viewer' });
  await ctx.deps.db.update(accounts).set({ name: 'Lee Learner' }).where(eq(accounts.email, 'learner@riverside.test'));
  learnerId = (await findAccountByEmail(ctx.deps.db, 'learner@riverside.test'))?.id ?? '';
  const a = await rOwner.request('POST', 'orgs/riverside/achievements', sampleAchievement('Facilitating Online Discussions'));
  achievementId = a.json['id'] as string;
  expect((await rOwner.request('POST', `orgs/riverside/achievements/${achievementId}/publish`)).status).toBe(200);
  credentialId = await award(achievementId);
});
afterAll(async () => ctx.close());

describe('recognition rules', () => {
  let ruleId = '';

  it('refuses bad input with the field path', async () => {
    const cases: Array<[Json, string]> = [
      [{ validUntil: iso(-20) }, 'validUntil'],
      [{ achievementId: 'ach_nope' }, 'achievementId'],
      [{ amount: null }, 'amount'],
      [{ reviewerId: learnerId }, 'reviewerId'],
      [{ rationale: 'x'.repeat(2001) }, 'rationale'],
      [{ kind: 'bogus' }, 'kind'],
    ];
    for (const [over, path] of cases) {
      const r = await agOwner.request('POST', 'orgs/agency/recognition/rules', ruleInput(over));
      expect(r.status, JSON.stringify(over)).toBe(400);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(fieldPaths(r), JSON.stringify(over)).toContain(path);
    }
  });

  it('lets owners and designers write drafts, not assessors or other tenants', async () => {
    expect((await agAssessor.request('POST', 'orgs/agency/recognition/rules', ruleInput())).status).toBe(403);
    expect((await outsider.request('POST', 'orgs/agency/recognition/rules', ruleInput())).status).toBe(404);
    expect((await rOwner.request('POST', 'orgs/agency/recognition/rules', ruleInput())).status).toBe(404);
    const r = await agDesigner.request('POST', 'orgs/agency/recognition/rules', ruleInput({ reviewerId: null }));
    expect(r.status, r.text).toBe(201);
    expect(r.json).toMatchObject({
      status: 'draft',
      statement: 'Counts as 15 hours of licence renewal at State Agency',
      credentialUrl: null,
    });
    ruleId = r.json['id'] as string;
    expect((await outsider.request('GET', 'orgs/agency/recognition/rules')).status).toBe(404);
    expect((await agAssessor.request('GET', 'orgs/agency/recognition/rules')).json).toHaveLength(1);
  });

  it('refuses a second rule whose dates overlap for the same achievement (path validFrom), accepts one after it', async () => {
    const overlap = await agOwner.request(
      'POST',
      'orgs/agency/recognition/rules',
      ruleInput({ validFrom: iso(100), validUntil: iso(500) }),
    );
    expect(overlap.status).toBe(400);
    expect(fieldPaths(overlap)).toEqual(['validFrom']);
    const later = await agOwner.request(
      'POST',
      'orgs/agency/recognition/rules',
      ruleInput({
        validFrom: iso(400),
        validUntil: null,
        kind: 'satisfies',
        amount: null,
        target: 'requirement 3 of the induction pathway',
      }),
    );
    expect(later.status, later.text).toBe(201);
    expect(later.json['statement']).toBe('Satisfies requirement 3 of the induction pathway at State Agency');
  });

  it('only owners publish; publishing signs an EndorsementCredential about the achievement that verifies', async () => {
    expect((await agDesigner.request('POST', `orgs/agency/recognition/rules/${ruleId}/publish`)).status).toBe(403);
    expect((await rOwner.request('POST', `orgs/agency/recognition/rules/${ruleId}/publish`)).status).toBe(404);
    const p = await agOwner.request('POST', `orgs/agency/recognition/rules/${ruleId}/publish`);
    expect(p.status, p.text).toBe(200);
    expect(p.json['status']).toBe('published');
    const url = p.json['credentialUrl'] as string;
    expect(url).toBe(`http://tessera.test/recognition/rules/${ruleId}`);
    const doc = JSON.parse((await served(new URL(url).pathname)).text) as Json;
    expect(doc['id']).toBe(url);
    expect(doc['type']).toEqual(['VerifiableCredential', 'EndorsementCredential']);
    expect(doc['issuer']).toMatchObject({ id: 'did:web:tessera.test:orgs:agency', name: 'State Agency' });
    expect(doc['credentialSubject']).toMatchObject({
      id: `http://tessera.test/achievements/${achievementId}`,
      type: ['EndorsementSubject'],
      endorsementComment: expect.stringContaining('Counts as 15 hours of licence renewal at State Agency'),
      'ext:recognitionKind': 'hours',
      'ext:amount': 15,
      'ext:target': 'licence renewal',
    });
    const report = await verifyInput(ctx.deps, { kind: 'bytes', bytes: new TextEncoder().encode(JSON.stringify(doc)) });
    expect(report.verdict, JSON.stringify(report.steps.filter((s) => s.status !== 'passed'))).toBe('valid');
    expect((await agOwner.request('POST', `orgs/agency/recognition/rules/${ruleId}/publish`)).status).toBe(409);
    expect((await agOwner.request('PUT', `orgs/agency/recognition/rules/${ruleId}`, ruleInput())).status).toBe(409);
  });

  it('shows the rule on the public achievement page, the transparency page and the learner’s credential page', async () => {
    const statement = 'Counts as 15 hours of licence renewal at State Agency';
    const pub = await served(`/achievements/${achievementId}`);
    expect(pub.status).toBe(200);
    expect(pub.text).toContain('Where this counts');
    expect(pub.text).toContain(statement);
    expect((await served(`/orgs/riverside/achievements/${achievementId}`)).text).toContain(statement);
    const page = await learner.request('GET', `/credentials/${encodeURIComponent(credentialId.split('/').pop() ?? '')}`, undefined, {
      accept: 'text/html',
    });
    expect(page.status).toBe(200);
    expect(page.text).toContain(statement);
    const standing = await new ApiClient(ctx).request('GET', `achievements/${achievementId}/standing`);
    expect(standing.json['recognitions']).toEqual([expect.objectContaining({ ruleId, statement })]);
  });

  it('tells the learner where each credential counts', async () => {
    const r = await learner.request('GET', 'me/where-this-counts');
    expect(r.status).toBe(200);
    expect(r.json).toEqual([
      expect.objectContaining({
        credentialId,
        achievementId,
        rules: [expect.objectContaining({ ruleId, org: { slug: 'agency', name: 'State Agency' } })],
      }),
    ]);
    expect((await outsider.request('GET', 'me/where-this-counts')).json).toEqual([]);
  });

  let recordId = '';
  it('sends a record to the agency, each credential verified at send time; refuses credentials that are not the learner’s or do not count', async () => {
    const notMine = await outsider.request('POST', 'me/recognition-records', { orgSlug: 'agency', credentialIds: [credentialId] });
    expect(notMine.status).toBe(400);
    expect(fieldPaths(notMine)).toEqual(['credentialIds.0']);
    const nowhere = await learner.request('POST', 'me/recognition-records', { orgSlug: 'employer', credentialIds: [credentialId] });
    expect(nowhere.status).toBe(400);
    expect(fieldPaths(nowhere)).toEqual(['credentialIds.0']);
    expect(fieldPaths(await learner.request('POST', 'me/recognition-records', { orgSlug: 'nope', credentialIds: [credentialId] }))).toEqual(
      ['orgSlug'],
    );
    const sent = await learner.request('POST', 'me/recognition-records', {
      orgSlug: 'agency',
      credentialIds: [credentialId],
      message: 'For my renewal',
    });
    expect(sent.status, sent.text).toBe(201);
    recordId = sent.json['id'] as string;
    expect(sent.json['items']).toEqual([
      expect.objectContaining({
        credentialId,
        ruleId,
        verdict: 'valid',
        sentVerdict: 'valid',
        statement: 'Counts as 15 hours of licence renewal at State Agency',
      }),
    ]);
  });

  it('shows received records to the agency’s members only, and re-verifies them (a revoked credential is no longer valid)', async () => {
    const list = await agAssessor.request('GET', 'orgs/agency/recognition/records');
    expect(list.status).toBe(200);
    expect(list.json).toEqual([expect.objectContaining({ id: recordId, learner: expect.objectContaining({ name: 'Lee Learner' }) })]);
    expect((await outsider.request('GET', 'orgs/agency/recognition/records')).status).toBe(404);
    expect((await rOwner.request('GET', 'orgs/agency/recognition/records')).status).toBe(404);
    expect((await rOwner.request('POST', `orgs/riverside/recognition/records/${recordId}/verify`)).status).toBe(404);
    const revoked = await rOwner.request('POST', `orgs/riverside/credentials/${encodeURIComponent(credentialId)}/revoke`, {
      reason: 'Issued in error',
    });
    expect(revoked.status, revoked.text).toBe(200);
    const again = await agOwner.request('POST', `orgs/agency/recognition/records/${recordId}/verify`);
    expect(again.status).toBe(200);
    const item = (again.json['items'] as Json[])[0];
    expect(item?.['sentVerdict']).toBe('valid');
    expect(item?.['verdict']).not.toBe('valid');
    credentialId = await award(achievementId);
  });

  it('withdraws a rule (owners; audited): it leaves public pages, its URL answers 410, and a kept copy verifies as revoked', async () => {
    const copy = (await served(`/recognition/rules/${ruleId}`)).text;
    expect((JSON.parse(copy) as Json)['credentialStatus']).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListCredential: expect.stringMatching(/^http:\/\/tessera\.test\/orgs\/agency\/status\//) as unknown,
    });
    const before = await verifyInput(ctx.deps, { kind: 'bytes', bytes: new TextEncoder().encode(copy) });
    expect(before.verdict).toBe('valid');
    expect(before.steps.find((st) => st.id === 'status.revocation')).toMatchObject({ status: 'passed' });
    expect((await agDesigner.request('POST', `orgs/agency/recognition/rules/${ruleId}/withdraw`, { reason: 'Superseded' })).status).toBe(
      403,
    );
    const w = await agOwner.request('POST', `orgs/agency/recognition/rules/${ruleId}/withdraw`, { reason: 'Superseded' });
    expect(w.status).toBe(200);
    expect(w.json).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Superseded' });
    expect((await served(`/achievements/${achievementId}`)).text).not.toContain('Counts as 15 hours');
    expect((await served(`/recognition/rules/${ruleId}`)).status).toBe(410);
    const after = await verifyInput(ctx.deps, { kind: 'bytes', bytes: new TextEncoder().encode(copy) });
    expect(after.verdict).toBe('invalid');
    expect(after.steps.find((st) => st.id === 'status.revocation')).toMatchObject({
      status: 'failed',
      message: 'The credential has been revoked',
    });
    expect((await learner.request('GET', 'me/where-this-counts')).json).toEqual([]);
    const events = await ctx.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.target, ruleId)));
    expect(events.map((e) => e.action).sort()).toEqual([
      'recognition.rule_published',
      'recognition.rule_saved',
      'recognition.rule_withdrawn',
    ]);
  });
});

describe('endorsements', () => {
  let requestId = '';
  it('refuses endorsing yourself, unknown achievements, and non-owners (with paths)', async () => {
    const self = await rOwner.request('POST', 'orgs/riverside/endorsements/requests', {
      endorserSlug: 'riverside',
      subjectType: 'achievement',
      subjectId: achievementId,
    });
    expect(self.status).toBe(400);
    expect(fieldPaths(self)).toEqual(['endorserSlug']);
    const unknown = await rOwner.request('POST', 'orgs/riverside/endorsements/requests', {
      endorserSlug: 'employer',
      subjectType: 'achievement',
      subjectId: 'ach_nope',
    });
    expect(fieldPaths(unknown)).toEqual(['subjectId']);
    // Another organisation's achievement is not the requester's to offer for endorsement.
    const foreign = await agOwner.request('POST', 'orgs/agency/endorsements/requests', {
      endorserSlug: 'employer',
      subjectType: 'achievement',
      subjectId: achievementId,
    });
    expect(fieldPaths(foreign)).toEqual(['subjectId']);
    expect(
      (
        await rDesigner.request('POST', 'orgs/riverside/endorsements/requests', {
          endorserSlug: 'employer',
          subjectType: 'achievement',
          subjectId: achievementId,
        })
      ).status,
    ).toBe(403);
  });

  it('the owner requests; only the endorser accepts, and must write a comment of at most 2000 characters', async () => {
    const r = await rOwner.request('POST', 'orgs/riverside/endorsements/requests', {
      endorserSlug: 'employer',
      subjectType: 'achievement',
      subjectId: achievementId,
      message: 'Would you endorse this?',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json).toMatchObject({ status: 'pending', awaiting: 'endorser', subjectName: 'Facilitating Online Discussions' });
    requestId = r.json['id'] as string;
    const told = await emOwner.request('GET', 'me/notifications');
    expect(JSON.stringify(told.json)).toContain('Riverside District asks you for an endorsement');
    expect(
      (
        await rOwner.request('POST', 'orgs/riverside/endorsements/requests', {
          endorserSlug: 'employer',
          subjectType: 'achievement',
          subjectId: achievementId,
        })
      ).status,
    ).toBe(409);
    // The requester cannot accept on the endorser's behalf; a third organisation cannot see it.
    expect((await rOwner.request('POST', `orgs/riverside/endorsements/${requestId}/accept`, { comment: 'Great' })).status).toBe(403);
    expect((await agOwner.request('POST', `orgs/agency/endorsements/${requestId}/accept`, { comment: 'Great' })).status).toBe(404);
    expect((await rOwner.request('POST', `orgs/employer/endorsements/${requestId}/accept`, { comment: 'Great' })).status).toBe(404);
    expect(fieldPaths(await emOwner.request('POST', `orgs/employer/endorsements/${requestId}/accept`, {}))).toEqual(['comment']);
    expect(
      fieldPaths(await emOwner.request('POST', `orgs/employer/endorsements/${requestId}/accept`, { comment: 'x'.repeat(2001) })),
    ).toEqual(['comment']);
    const board = await emOwner.request('GET', 'orgs/employer/endorsements');
    expect((board.json['given'] as Json[]).map((e) => e['id'])).toEqual([requestId]);
    const ok = await emOwner.request('POST', `orgs/employer/endorsements/${requestId}/accept`, {
      comment: 'We hire people who hold this.',
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ status: 'accepted', fromVersion: 2, comment: 'We hire people who hold this.' });
    const doc = JSON.parse((await served(`/endorsements/${requestId}`)).text) as Json;
    expect(doc['issuer']).toMatchObject({ id: 'did:web:tessera.test:orgs:employer' });
    expect(doc['credentialSubject']).toMatchObject({
      id: `http://tessera.test/achievements/${achievementId}`,
      endorsementComment: 'We hire people who hold this.',
    });
    const report = await verifyInput(ctx.deps, { kind: 'bytes', bytes: new TextEncoder().encode(JSON.stringify(doc)) });
    expect(report.verdict).toBe('valid');
    expect((await served(`/achievements/${achievementId}`)).text).toContain('Endorsed by Employer Co');
  });

  it('is embedded in credentials from the next achievement version on, verified, and revoked endorsements drop out', async () => {
    // Version 1 credentials (issued now) do not carry it.
    const v1 = await documentOf(await award(achievementId));
    expect(((v1['credentialSubject'] as Json)['achievement'] as Json)['endorsement']).toBeUndefined();
    const content = { ...sampleAchievement('Facilitating Online Discussions'), description: 'Second edition.' };
    expect((await rOwner.request('PUT', `orgs/riverside/achievements/${achievementId}`, content)).status).toBe(200);
    expect((await rOwner.request('POST', `orgs/riverside/achievements/${achievementId}/publish`)).status).toBe(200);
    const v2 = await documentOf(await award(achievementId));
    const embedded = ((v2['credentialSubject'] as Json)['achievement'] as Json)['endorsement'] as Json[];
    expect(embedded).toHaveLength(1);
    expect(embedded[0]?.['id']).toBe(`http://tessera.test/endorsements/${requestId}`);
    const report = await verifyCredential(v2, { now: new Date(), documents: await localDocuments(ctx.deps, v2) });
    expect(report.verdict, JSON.stringify(report.steps.filter((s) => s.status !== 'passed'))).toBe('valid');
    expect(report.endorsements?.map((e) => e.outcome)).toEqual(['verified']);

    const copy = (await served(`/endorsements/${requestId}`)).text;
    const status = async () =>
      (await verifyInput(ctx.deps, { kind: 'bytes', bytes: new TextEncoder().encode(copy) })).steps.find(
        (st) => st.id === 'status.revocation',
      );
    expect(await status()).toMatchObject({ status: 'passed' });
    expect((await rOwner.request('POST', `orgs/riverside/endorsements/${requestId}/revoke`, { reason: 'x' })).status).toBe(403);
    const revoked = await emOwner.request('POST', `orgs/employer/endorsements/${requestId}/revoke`, { reason: 'Programme closed' });
    expect(revoked.json).toMatchObject({ status: 'revoked', revokedReason: 'Programme closed' });
    expect((await served(`/achievements/${achievementId}`)).text).not.toContain('Endorsed by Employer Co');
    expect((await served(`/endorsements/${requestId}`)).status).toBe(410);
    // A verifier holding a copy of the endorsement (or a credential embedding it) sees it revoked in the status list.
    expect(await status()).toMatchObject({ status: 'failed', message: 'The credential has been revoked' });
    const v2Again = await verifyCredential(v2, { now: new Date(), documents: await localDocuments(ctx.deps, v2) });
    expect(v2Again.endorsements?.map((e) => e.outcome)).not.toEqual(['verified']);
    const after = await documentOf(await award(achievementId));
    expect(((after['credentialSubject'] as Json)['achievement'] as Json)['endorsement']).toBeUndefined();
    const actions = (await ctx.deps.db.select().from(auditEvents).where(eq(auditEvents.target, requestId))).map((e) => e.action).sort();
    expect(actions).toEqual(['endorsement.accepted', 'endorsement.requested', 'endorsement.revoked']);
  });

  it('an endorser offers to endorse the issuer; only the owner accepts the offer', async () => {
    const offer = await emOwner.request('POST', 'orgs/employer/endorsements/offers', {
      ownerSlug: 'riverside',
      subjectType: 'issuer',
      comment: 'A <b>trusted</b> district.',
    });
    expect(offer.status, offer.text).toBe(201);
    expect(offer.json).toMatchObject({ awaiting: 'owner', subjectType: 'issuer', subjectName: 'Riverside District' });
    const id = offer.json['id'] as string;
    expect((await emOwner.request('POST', `orgs/employer/endorsements/${id}/accept`, {})).status).toBe(403);
    const ok = await rOwner.request('POST', `orgs/riverside/endorsements/${id}/accept`, {});
    expect(ok.json).toMatchObject({ status: 'accepted', comment: 'A <b>trusted</b> district.', fromVersion: null });
    const doc = JSON.parse((await served(`/endorsements/${id}`)).text) as Json;
    expect((doc['credentialSubject'] as Json)['id']).toBe('did:web:tessera.test:orgs:riverside');
    const issuerPage = await served('/orgs/riverside');
    expect(issuerPage.text).toContain('Endorsed by Employer Co');
    // What organisations write is escaped, never rendered as markup.
    expect(issuerPage.text).toContain('A &lt;b&gt;trusted&lt;/b&gt; district.');
    expect(issuerPage.text).not.toContain('<b>trusted</b>');
  });
});

describe('co-design review', () => {
  let draftId = '';
  let invitationId = '';
  let reviewer: ApiClient;

  it('invites a reviewer by email (owners, designers), who alone sees the draft by section', async () => {
    const d = await rDesigner.request('POST', 'orgs/riverside/achievements', sampleAchievement('Designing Rubrics Online'));
    draftId = d.json['id'] as string;
    expect((await outsider.request('POST', `orgs/riverside/achievements/${draftId}/reviews`, { email: 'hr@employer.test' })).status).toBe(
      404,
    );
    expect(
      fieldPaths(await rDesigner.request('POST', `orgs/riverside/achievements/${draftId}/reviews`, { email: 'not-an-email' })),
    ).toEqual(['email']);
    const inv = await rDesigner.request('POST', `orgs/riverside/achievements/${draftId}/reviews`, {
      email: 'HR@employer.test',
      reviewerOrgName: 'Employer Co',
    });
    expect(inv.status, inv.text).toBe(201);
    invitationId = inv.json['id'] as string;
    const mail = (await listMail(ctx.deps.db, 500)).find((m) => m.to === 'hr@employer.test');
    expect(mail?.text).toContain(`/app/review-invitations/${invitationId}`);
    reviewer = new ApiClient(ctx);
    await reviewer.signUp('hr@employer.test', 'Hana Recruiter');
    // Another account (verified or not) is told the invitation is for another address; the address is not shown.
    const other = await learner.request('GET', `review-invitations/${invitationId}`);
    expect(other.status).toBe(403);
    expect(other.json).toMatchObject({ code: 'invitation_email_mismatch' });
    expect(other.text).toContain('sent to a different email address');
    expect(other.text).not.toContain('hr@employer.test');
    expect((await rOwner.request('GET', `review-invitations/${invitationId}`)).status).toBe(403);
    expect((await learner.request('GET', 'review-invitations/rvi_nope')).status).toBe(404);
    // The invited address, not yet verified: opening, commenting and deciding all ask to verify it first.
    const unverified = await reviewer.request('GET', `review-invitations/${invitationId}`);
    expect(unverified.status).toBe(403);
    expect(unverified.text).toContain('Verify your email address (hr@employer.test)');
    expect(
      (await reviewer.request('POST', `review-invitations/${invitationId}/comments`, { section: 'rubric', body: 'Early' })).status,
    ).toBe(403);
    expect((await reviewer.request('POST', `review-invitations/${invitationId}/decision`, { decision: 'approve' })).status).toBe(403);
    // The list by address waits for a verified address (whoever signed up first with it must not learn the links).
    expect((await reviewer.request('GET', 'me/review-invitations')).json).toEqual([]);
    await ctx.deps.db.update(accounts).set({ emailVerifiedAt: new Date() }).where(eq(accounts.email, 'hr@employer.test'));
    expect((await reviewer.request('GET', 'me/review-invitations')).json).toHaveLength(1);
    const draft = await reviewer.request('GET', `review-invitations/${invitationId}`);
    expect(draft.status).toBe(200);
    expect(draft.json['sections']).toMatchObject({ description: { name: 'Designing Rubrics Online' } });
    expect(((draft.json['sections'] as Json)['rubric'] as Json[]).length).toBeGreaterThan(0);
  });

  it('the reviewer comments per section and approves; the designer sees the comments; published, it is co-designed', async () => {
    expect(
      fieldPaths(await reviewer.request('POST', `review-invitations/${invitationId}/comments`, { section: 'price', body: 'x' })),
    ).toEqual(['section']);
    expect(
      (await learner.request('POST', `review-invitations/${invitationId}/comments`, { section: 'rubric', body: 'Sneaky' })).status,
    ).toBe(403);
    expect(
      (
        await reviewer.request('POST', `review-invitations/${invitationId}/comments`, {
          section: 'rubric',
          body: 'Level 3 needs an example.',
        })
      ).status,
    ).toBe(201);
    expect(
      (await reviewer.request('POST', `review-invitations/${invitationId}/comments`, { section: 'criteria', body: 'Add a rubric link.' }))
        .status,
    ).toBe(201);
    const decided = await reviewer.request('POST', `review-invitations/${invitationId}/decision`, { decision: 'approve', note: 'Ready' });
    expect(decided.json).toMatchObject({ status: 'approved', reviewerName: 'Hana Recruiter' });
    const seen = await rDesigner.request('GET', `orgs/riverside/achievements/${draftId}/reviews`);
    expect((seen.json[0]?.['comments'] as Json[]).map((c) => [c['section'], c['body']])).toEqual([
      ['rubric', 'Level 3 needs an example.'],
      ['criteria', 'Add a rubric link.'],
    ]);
    expect((await outsider.request('GET', `orgs/riverside/achievements/${draftId}/reviews`)).status).toBe(404);
    expect((await served(`/achievements/${draftId}`)).status).toBe(404);
    expect((await rOwner.request('POST', `orgs/riverside/achievements/${draftId}/publish`)).status).toBe(200);
    expect((await served(`/achievements/${draftId}`)).text).toContain('Co-designed with Employer Co');
  });
});

describe('authorisation matrix (every role of the agency, and another tenant)', () => {
  it('lets each role take exactly the actions RECOGNITION_POLICIES grants; non-members get 404', async () => {
    const agViewer = await inviteAndJoin(ctx, agOwner, { slug: 'agency', email: 'viewer@agency.test', role: 'viewer' });
    const clients: Record<Role, ApiClient> = { owner: agOwner, designer: agDesigner, assessor: agAssessor, viewer: agViewer };
    // Each probe passes authorisation only to fail on what it names (so "allowed" and "denied" answer differently).
    const probes: Array<[keyof typeof RECOGNITION_POLICIES, (c: ApiClient) => Promise<{ status: number }>, number]> = [
      ['rules.read', (c) => c.request('GET', 'orgs/agency/recognition/rules'), 200],
      ['rules.edit', (c) => c.request('POST', 'orgs/agency/recognition/rules', ruleInput({ achievementId: 'ach_nope' })), 400],
      ['rules.publish', (c) => c.request('POST', 'orgs/agency/recognition/rules/rcr_nope/publish'), 404],
      ['rules.publish', (c) => c.request('POST', 'orgs/agency/recognition/rules/rcr_nope/withdraw', { reason: 'x' }), 404],
      ['records.read', (c) => c.request('GET', 'orgs/agency/recognition/records'), 200],
      ['endorsements.read', (c) => c.request('GET', 'orgs/agency/endorsements'), 200],
      [
        'endorsements.manage',
        (c) => c.request('POST', 'orgs/agency/endorsements/requests', { endorserSlug: 'nope', subjectType: 'issuer' }),
        400,
      ],
      ['endorsements.manage', (c) => c.request('POST', 'orgs/agency/endorsements/end_nope/accept', { comment: 'x' }), 404],
      ['reviews.manage', (c) => c.request('POST', 'orgs/agency/achievements/ach_nope/reviews', { email: 'a@b.test' }), 404],
    ];
    for (const [action, probe, allowedStatus] of probes) {
      for (const role of ['owner', 'designer', 'assessor', 'viewer'] as const) {
        const allowed = (RECOGNITION_POLICIES[action] as readonly Role[]).includes(role);
        expect((await probe(clients[role])).status, `${role} ${action}`).toBe(allowed ? allowedStatus : 403);
      }
      expect((await probe(outsider)).status, `outsider ${action}`).toBe(404);
    }
  });
});
