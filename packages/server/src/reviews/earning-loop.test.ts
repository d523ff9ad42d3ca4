import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { verifyCredential } from '@digitalbazaar/vc';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { verifyReport } from '../cli/verify-command.js';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentLoader } from '@tessera/credentials';
import { getBit } from '../credentials/bitstring.js';
import { issueCredential } from '../credentials/issue-credential.js';
import { auditEvents, credentials, statusLists } from '../db/schema.js';
import { JOB_HANDLERS } from '../jobs/handlers.js';
import { startWorker } from '../jobs/worker.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, inviteAndJoin } from '../testing/harness.js';
import { cliArgs } from '../testing/node-entry.js';
import { credentialJwt } from '../credentials/index.js';
import { credentialColumns } from '../credentials/index.js';

let ctx: TestContext;
let owner: ApiClient;
let designer: ApiClient;
let assessor: ApiClient;
let learner: ApiClient;
let outsider: ApiClient;
let achievementId = '';
let submissionId = '';

const joinOrg = (email: string, role: string) => inviteAndJoin(ctx, owner, { slug: 'riverside', email, role });

async function upload(c: ApiClient, name: string, bytes: Uint8Array, purpose = 'evidence') {
  const form = new FormData();
  form.set('file', new File([bytes], name));
  form.set('purpose', purpose);
  const res = await ctx.app.request('/api/v1/files', {
    method: 'POST',
    body: form,
    headers: { cookie: c.cookie ?? '', 'x-csrf-token': c.csrf ?? '' },
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** The public documents a verifier needs for one of our credentials: the issuer's DID document and its status lists. */
async function publicDocuments(doc: Record<string, unknown>): Promise<Map<string, object>> {
  const docs = new Map<string, object>();
  docs.set('http://tessera.test/orgs/riverside/did.json', (await (await ctx.app.request('/orgs/riverside/did.json')).json()) as object);
  for (const entry of [doc['credentialStatus']].flat() as Array<{ statusListCredential: string }>) {
    const path = new URL(entry.statusListCredential).pathname;
    docs.set(entry.statusListCredential, (await (await ctx.app.request(path)).json()) as object);
  }
  return docs;
}

const scores = (levels: [string, string, string], feedback = 'Specific feedback') =>
  ['c1', 'c2', 'c3'].map((criterionId, i) => ({ criterionId, levelId: levels[i] ?? 'l1', feedback }));

beforeAll(async () => {
  ctx = await createTestContext();
  owner = new ApiClient(ctx);
  await owner.signUp('owner@riverside.test');
  // This district issues with a second status list, so its credentials can be suspended as well as revoked.
  await owner.request('POST', 'orgs', {
    slug: 'riverside',
    name: 'Riverside School District',
    doubleScorePercent: 0,
    suspensionEnabled: true,
  });
  designer = await joinOrg('designer@riverside.test', 'designer');
  assessor = await joinOrg('assessor@riverside.test', 'assessor');
  learner = new ApiClient(ctx);
  await learner.signUp('learner@example.test', 'Alex Learner');
  outsider = new ApiClient(ctx);
  await outsider.signUp('outsider@other.test');
  await outsider.request('POST', 'orgs', { slug: 'other', name: 'Other' });
});
afterAll(async () => ctx.close());

describe('designer', () => {
  it('creates a draft, refuses to publish it incomplete, then publishes an immutable version', async () => {
    const created = await designer.request('POST', 'orgs/riverside/achievements', { name: 'Facilitating Online Discussions' });
    expect(created.status).toBe(201);
    achievementId = created.json['id'] as string;
    const early = await designer.request('POST', `orgs/riverside/achievements/${achievementId}/publish`);
    expect(early.status).toBe(400);
    expect((early.json['errors'] as Array<{ path: string }>).map((e) => e.path)).toEqual(
      expect.arrayContaining(['rubric.criteria', 'evidenceRequirements', 'learningGoal']),
    );
    const bad = await designer.request('PUT', `orgs/riverside/achievements/${achievementId}`, {
      ...sampleAchievement(),
      rubric: { criteria: [{ id: 'c1', name: 'X', levels: [{ id: 'a', name: 'A', points: 1 }], requiredLevelId: 'zz' }] },
    });
    expect(bad.status).toBe(400);
    expect((bad.json['errors'] as Array<{ path: string }>).map((e) => e.path)).toEqual(
      expect.arrayContaining(['rubric.criteria.0.levels']),
    );
    const saved = await designer.request('PUT', `orgs/riverside/achievements/${achievementId}`, sampleAchievement());
    expect(saved.json).toMatchObject({ status: 'draft', hasUnpublishedChanges: true });
    const pub = await designer.request('POST', `orgs/riverside/achievements/${achievementId}/publish`);
    expect(pub.status).toBe(200);
    expect(pub.json).toMatchObject({ status: 'published', hasUnpublishedChanges: false, latestVersion: { version: 1 } });
    expect((await designer.request('POST', `orgs/riverside/achievements/${achievementId}/publish`)).status).toBe(409);
  });

  it('lists it in the catalog with search and filters, and serves a generated image', async () => {
    const all = await learner.request('GET', 'catalog');
    expect(all.json['total']).toBe(1);
    expect((await learner.request('GET', 'catalog?q=discussions')).json['total']).toBe(1);
    expect((await learner.request('GET', 'catalog?q=chemistry')).json['total']).toBe(0);
    expect((await learner.request('GET', `catalog?skill=${encodeURIComponent('online facilitation')}`)).json['total']).toBe(1);
    expect((await learner.request('GET', 'catalog?org=other')).json['total']).toBe(0);
    expect((await learner.request('GET', 'catalog?type=Badge')).json['total']).toBe(0);
    const entry = await learner.request('GET', `catalog/${achievementId}`);
    expect(entry.json).toMatchObject({ version: 1, issuer: { slug: 'riverside', did: 'did:web:tessera.test:orgs:riverside' } });
    const img = await ctx.app.request(`/media/achievements/${achievementId}/image`);
    expect(img.headers.get('content-type')).toBe('image/svg+xml');
    expect(await img.text()).toContain('Facilitating Online');
  });

  it('keeps roles apart: a viewer-less learner cannot edit, other organisations cannot see', async () => {
    expect((await learner.request('PUT', `orgs/riverside/achievements/${achievementId}`, sampleAchievement())).status).toBe(404);
    expect((await assessor.request('PUT', `orgs/riverside/achievements/${achievementId}`, sampleAchievement())).status).toBe(403);
    expect((await outsider.request('GET', `orgs/riverside/achievements/${achievementId}`)).status).toBe(404);
  });
});

describe('learner, assessor, issuance', () => {
  it('starts, autosaves text and a file (type- and size-checked), and submits', async () => {
    const start = await learner.request('POST', `catalog/${achievementId}/start`);
    expect(start.status).toBe(201);
    submissionId = start.json['id'] as string;
    expect((await learner.request('POST', `catalog/${achievementId}/start`)).status).toBe(200);
    const exe = await upload(learner, 'virus.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]));
    expect(exe.status).toBe(415);
    const big = await upload(learner, 'big.png', new Uint8Array(3 * 1024 * 1024).fill(1), 'image');
    expect(big.status).toBe(413);
    const pdf = await upload(learner, 'transcript.pdf', new TextEncoder().encode('%PDF-1.4\n% transcript\n'));
    expect(pdf.status).toBe(201);
    expect(pdf.json).toMatchObject({ mimeType: 'application/pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const early = await learner.request('POST', `me/submissions/${submissionId}/submit`);
    expect(early.status).toBe(400);
    await learner.request('PUT', `me/submissions/${submissionId}/evidence/plan`, {
      kind: 'text',
      text: 'Week 1: a prompt asking for two sources.',
    });
    await learner.request('PUT', `me/submissions/${submissionId}/evidence/transcript`, { kind: 'file', fileId: pdf.json['id'] });
    const wrongKind = await learner.request('PUT', `me/submissions/${submissionId}/evidence/reflection`, {
      kind: 'link',
      url: 'https://x.example',
    });
    expect(wrongKind.status).toBe(400);
    await learner.request('PUT', `me/submissions/${submissionId}/evidence/reflection`, { kind: 'text', text: 'First reflection.' });
    expect((await assessor.request('GET', `files/${pdf.json['id']}`)).status).toBe(404);
    const sub = await learner.request('POST', `me/submissions/${submissionId}/submit`);
    expect(sub.json).toMatchObject({ state: 'submitted', attempt: 1 });
    expect((await assessor.request('GET', `files/${pdf.json['id']}`)).status).toBe(200);
    expect((await outsider.request('GET', `files/${pdf.json['id']}`)).status).toBe(404);
  });

  it('queues it for assessors, blind, oldest first; learners cannot score their own work', async () => {
    const q = await assessor.request('GET', 'orgs/riverside/queue');
    expect(q.json).toHaveLength(1);
    expect(q.json[0]).toMatchObject({ submissionId, slaDays: 14, overdue: false, doubleScored: false });
    expect(String(q.json[0]?.['learnerLabel'])).toMatch(/^Learner [0-9A-F]{4}$/);
    expect((await learner.request('GET', 'orgs/riverside/queue')).status).toBe(404);
    expect((await designer.request('GET', 'orgs/riverside/queue')).status).toBe(403);
    const noClaim = await assessor.request('POST', `orgs/riverside/submissions/${submissionId}/reviews`, {
      scores: scores(['l3', 'l3', 'l3']),
      decision: 'pass',
    });
    expect(noClaim.status).toBe(409);
    await expect(issueCredential(ctx.deps, { submissionId })).rejects.toThrow(/has not passed/);
    expect(await ctx.deps.db.select(credentialColumns).from(credentials)).toHaveLength(0);
  });

  it('asks for revision on one criterion; the learner may change only that evidence', async () => {
    const claim = await assessor.request('POST', `orgs/riverside/submissions/${submissionId}/claim`);
    expect(claim.json).toMatchObject({ state: 'in_review', canReview: true, claim: { mine: true } });
    const inconsistent = await assessor.request('POST', `orgs/riverside/submissions/${submissionId}/reviews`, {
      scores: scores(['l3', 'l3', 'l2']),
      decision: 'pass',
    });
    expect(inconsistent.status).toBe(400);
    const review = await assessor.request('POST', `orgs/riverside/submissions/${submissionId}/reviews`, {
      scores: scores(['l3', 'l2', 'l2'], 'Go deeper on impact'),
      overallFeedback: 'Nearly there',
      decision: 'needs_revision',
    });
    expect(review.status).toBe(200);
    const mine = await learner.request('GET', `me/submissions/${submissionId}`);
    expect(mine.json).toMatchObject({ state: 'needs_revision', openCriterionIds: ['c3'] });
    expect((mine.json['reviews'] as unknown[]).length).toBe(1);
    expect((mine.json['reviews'] as Array<{ assessorName: unknown }>)[0]?.assessorName).toBeNull();
    const editable = Object.fromEntries(
      (mine.json['evidence'] as Array<{ requirementId: string; editable: boolean }>).map((e) => [e.requirementId, e.editable]),
    );
    expect(editable).toEqual({ plan: false, reflection: true, transcript: false });
    expect((await learner.request('PUT', `me/submissions/${submissionId}/evidence/plan`, { kind: 'text', text: 'changed' })).status).toBe(
      409,
    );
    expect(
      (
        await learner.request('PUT', `me/submissions/${submissionId}/evidence/reflection`, {
          kind: 'text',
          text: 'Revised reflection with student outcomes.',
        })
      ).status,
    ).toBe(200);
    const again = await learner.request('POST', `me/submissions/${submissionId}/submit`);
    expect(again.json).toMatchObject({ state: 'submitted', attempt: 2 });
    const notes = await learner.request('GET', 'me/notifications');
    expect(notes.json.map((n) => n['title'])).toContain('Revision requested for “Facilitating Online Discussions”');
  });

  it('passes it, and the credential is issued exactly once, signed, verifiable with @digitalbazaar/vc', async () => {
    await assessor.request('POST', `orgs/riverside/submissions/${submissionId}/claim`);
    const pass = await assessor.request('POST', `orgs/riverside/submissions/${submissionId}/reviews`, {
      scores: scores(['l3', 'l2', 'l3']),
      overallFeedback: 'Well done',
      decision: 'pass',
    });
    expect(pass.json).toMatchObject({ state: 'passed' });
    const [a, b] = await Promise.allSettled([issueCredential(ctx.deps, { submissionId }), issueCredential(ctx.deps, { submissionId })]);
    const ids = [a, b].filter((r): r is PromiseFulfilledResult<string> => r.status === 'fulfilled').map((r) => r.value);
    expect(ids.length).toBeGreaterThan(0);
    const worker = startWorker(ctx.deps, { handlers: JOB_HANDLERS, pollMs: 0 });
    while ((await worker.tick()) > 0);
    await worker.stop();
    const rows = await ctx.deps.db.select(credentialColumns).from(credentials).where(eq(credentials.submissionId, submissionId));
    expect(rows).toHaveLength(1);
    expect(new Set(ids)).toEqual(new Set([rows[0]?.id]));
    const doc = rows[0]?.document as Record<string, unknown>;
    expect(doc['type']).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    const subject = doc['credentialSubject'] as Record<string, unknown>;
    expect((subject['result'] as unknown[]).length).toBe(3);
    expect((subject['achievement'] as Record<string, unknown>)['resultDescription']).toHaveLength(3);
    expect(doc['validUntil']).toEqual(expect.any(String));
    expect(Array.isArray(doc['proof'])).toBe(true);
    const didDoc = (await (await ctx.app.request('/orgs/riverside/did.json')).json()) as {
      id: string;
      verificationMethod: Array<{ id: string; publicKeyMultibase: string }>;
    };
    const extra = new Map<string, object>([
      [didDoc.id, didDoc],
      ...didDoc.verificationMethod.map((m): [string, object] => [m.id, { '@context': 'https://w3id.org/security/multikey/v1', ...m }]),
    ]);
    const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
    const result = await verifyCredential({
      credential: doc,
      suite,
      documentLoader: documentLoader(extra),
      checkStatus: async () => ({ verified: true }),
    });
    expect(result.verified).toBe(true);
    const tampered = { ...doc, name: 'Something else' };
    expect(
      (
        await verifyCredential({
          credential: tampered,
          suite,
          documentLoader: documentLoader(extra),
          checkStatus: async () => ({ verified: true }),
        })
      ).verified,
    ).toBe(false);
    const jwks = createLocalJWKSet((await (await ctx.app.request('/orgs/riverside/jwks.json')).json()) as JSONWebKeySet);
    // The VC-JWT form is signed when first asked for, not at issue.
    if (!rows[0]) throw new Error('no credential');
    expect(rows[0].jwt, 'no JWT signed at issue').toBeNull();
    const jwt = await credentialJwt(ctx.deps, rows[0]);
    const { payload, protectedHeader } = await jwtVerify(jwt, jwks);
    // The JWT form is ES256 with the organisation's P-256 key (the algorithm 1EdTech's validator accepts).
    expect(protectedHeader).toMatchObject({
      alg: 'ES256',
      kid: didDoc.verificationMethod.find((m) => m.publicKeyMultibase.startsWith('zDn'))?.id,
    });
    const jwtReport = await verifyReport(jwt, { documents: await publicDocuments(doc), now: new Date() });
    expect(
      jwtReport.steps.find((x) => x.id === 'proof.jwt'),
      JSON.stringify(jwtReport.steps),
    ).toMatchObject({ status: 'passed', message: expect.stringMatching(/ES256/) });
    expect(jwtReport.verdict).toBe('valid');
    expect(payload).toMatchObject({
      iss: 'did:web:tessera.test:orgs:riverside',
      jti: rows[0]?.id,
      name: 'Facilitating Online Discussions',
    });
    expect(payload.exp).toBe(Math.floor(new Date(String(doc['validUntil'])).getTime() / 1000));
    const report = await verifyReport(doc, { documents: await publicDocuments(doc), now: new Date() });
    expect(report.verdict).toBe('valid');
    expect(report.steps.map((x) => [x.id, x.status])).toEqual([
      ['parse', 'passed'],
      ['format', 'passed'],
      ['type', 'passed'],
      ['structure', 'passed'],
      // With a suspension list the credential carries two status entries, so it names no JSON Schema (README).
      ['jsonld', 'passed'],
      ['proof', 'passed'],
      ['issuer', 'passed'],
      ['dates', 'passed'],
      ['status.revocation', 'passed'],
      ['status.suspension', 'passed'],
    ]);
    expect((await verifyReport(tampered, { documents: await publicDocuments(doc), now: new Date() })).verdict).toBe('invalid');
    expect((await verifyReport(doc, { documents: new Map(), now: new Date() })).verdict).toBe('indeterminate');
    const mine = await learner.request('GET', 'me/credentials');
    expect(mine.json[0]).toMatchObject({ achievementName: 'Facilitating Online Discussions', status: 'active' });
    const issued = await ctx.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'credential.issued'));
    expect(issued).toHaveLength(1);
  });

  it('lets owners revoke with a reason: the status list bit is set, audited and published', async () => {
    const [row] = await ctx.deps.db.select(credentialColumns).from(credentials).where(eq(credentials.submissionId, submissionId));
    const id = encodeURIComponent(row?.id ?? '');
    expect((await assessor.request('POST', `orgs/riverside/credentials/${id}/revoke`, { reason: 'Plagiarised evidence' })).status).toBe(
      403,
    );
    expect((await outsider.request('POST', `orgs/riverside/credentials/${id}/revoke`, { reason: 'Plagiarised evidence' })).status).toBe(
      404,
    );
    expect((await owner.request('POST', `orgs/riverside/credentials/${id}/suspend`, { reason: 'Under investigation' })).json).toMatchObject(
      { status: 'suspended' },
    );
    expect((await owner.request('POST', `orgs/riverside/credentials/${id}/unsuspend`, { reason: 'Cleared' })).json).toMatchObject({
      status: 'active',
    });
    const rev = await owner.request('POST', `orgs/riverside/credentials/${id}/revoke`, { reason: 'Plagiarised evidence' });
    expect(rev.json).toMatchObject({ status: 'revoked', statusReason: 'Plagiarised evidence' });
    const [list] = await ctx.deps.db
      .select()
      .from(statusLists)
      .where(eq(statusLists.id, row?.revocationListId ?? ''));
    expect(getBit(list?.bits ?? '', row?.revocationIndex ?? -1)).toBe(true);
    const published = await ctx.app.request(`/orgs/riverside/status/${row?.revocationListId}`);
    expect(published.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = published.headers.get('etag') ?? '';
    const body = (await published.json()) as { type: string[]; credentialSubject: { statusPurpose: string; encodedList: string } };
    expect(body.type).toContain('BitstringStatusListCredential');
    expect(body.credentialSubject.statusPurpose).toBe('revocation');
    expect((await ctx.app.request(`/orgs/riverside/status/${row?.revocationListId}`, { headers: { 'if-none-match': etag } })).status).toBe(
      304,
    );
    const doc = row?.document as Record<string, unknown>;
    const after = await verifyReport(doc, { documents: await publicDocuments(doc), now: new Date() });
    expect(after.verdict).toBe('invalid');
    expect(after.steps.find((x) => x.id === 'status.revocation')).toMatchObject({
      status: 'failed',
      message: 'The credential has been revoked',
    });
    const dir = mkdtempSync(join(tmpdir(), 'tessera-verify-'));
    const map: Record<string, string> = {};
    for (const [url, value] of await publicDocuments(doc)) {
      const name = `${Object.keys(map).length}.json`;
      writeFileSync(join(dir, name), JSON.stringify(value));
      map[url] = name;
    }
    writeFileSync(join(dir, 'map.json'), JSON.stringify(map));
    writeFileSync(join(dir, 'credential.json'), JSON.stringify(doc));
    const cli = spawnSync(
      process.execPath,
      [...cliArgs(), 'verify', join(dir, 'credential.json'), '--documents', join(dir, 'map.json'), '--json'],
      { encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(1);
    expect(cli.stdout, cli.stderr).not.toBe('');
    expect(JSON.parse(cli.stdout)).toMatchObject({ verdict: 'invalid' });
    const missing = spawnSync(process.execPath, [...cliArgs(), 'verify', join(dir, 'nope.json')], {
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    const actions = (await ctx.deps.db.select().from(auditEvents)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['credential.suspended', 'credential.unsuspended', 'credential.revoked']));
  });
});
