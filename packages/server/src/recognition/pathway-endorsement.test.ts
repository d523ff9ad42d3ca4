// Endorsing a published pathway (issue 17 gap): the owner asks, the endorser accepts and signs; the endorsement is
// listed at /api/v1/pathways/{id}/endorsements, verifies, and once revoked a kept copy verifies as revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { verifyInput } from '../verify/index.js';

type Json = Record<string, unknown>;
let ctx: TestContext;
let owner: ApiClient;
let employer: ApiClient;
let agency: ApiClient;
let pathwayId = '';
let pathwayName = '';

async function signIn(email: string) {
  const client = new ApiClient(ctx);
  expect((await client.request('POST', 'auth/signin', { email, password: DEMO_PASSWORD })).status).toBe(200);
  return client;
}
const fieldPaths = (r: { json: Json }) => ((r.json['errors'] as Array<{ path: string }> | undefined) ?? []).map((e) => e.path);
const verify = (text: string) => verifyInput(ctx.deps, { kind: 'bytes', bytes: new TextEncoder().encode(text) });

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  owner = await signIn('owner@riverside.example');
  employer = await signIn('hiring@northwind.example');
  agency = await signIn('licensing@state-education.example');
  const list = (await owner.request('GET', 'pathways')).json as unknown as Array<{ pathwayId: string; name: string }>;
  const demo = list[0];
  if (!demo) throw new Error('the demo has no published pathway');
  pathwayId = demo.pathwayId;
  pathwayName = demo.name;
}, 180_000);
afterAll(async () => ctx?.close());

describe('pathway endorsements', () => {
  let endorsementId = '';
  let copy = '';

  it('refuses an unknown pathway and another organisation’s pathway (path subjectId)', async () => {
    const unknown = await owner.request('POST', 'orgs/riverside/endorsements/requests', {
      endorserSlug: 'northwind',
      subjectType: 'pathway',
      subjectId: 'pth_nope',
    });
    expect(unknown.status).toBe(400);
    expect(fieldPaths(unknown)).toEqual(['subjectId']);
    // The agency cannot offer the district's pathway as its own for endorsement.
    const foreign = await agency.request('POST', 'orgs/state-education/endorsements/requests', {
      endorserSlug: 'northwind',
      subjectType: 'pathway',
      subjectId: pathwayId,
    });
    expect(fieldPaths(foreign)).toEqual(['subjectId']);
    expect((await ctx.app.request('/api/v1/pathways/pth_nope/endorsements')).status).toBe(404);
  });

  it('the district asks the employer; the employer accepts; the signed endorsement names the pathway and verifies', async () => {
    const r = await owner.request('POST', 'orgs/riverside/endorsements/requests', {
      endorserSlug: 'northwind',
      subjectType: 'pathway',
      subjectId: pathwayId,
      message: 'Would you endorse our certificate pathway?',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json).toMatchObject({ subjectType: 'pathway', subjectId: pathwayId, subjectName: pathwayName, awaiting: 'endorser' });
    endorsementId = String(r.json['id']);
    expect((await owner.request('POST', `orgs/riverside/endorsements/${endorsementId}/accept`, { comment: 'Self' })).status).toBe(403);
    const ok = await employer.request('POST', `orgs/northwind/endorsements/${endorsementId}/accept`, {
      comment: 'We hire teachers who complete this pathway.',
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ status: 'accepted', fromVersion: null });
    const res = await ctx.app.request(`/endorsements/${endorsementId}`);
    expect(res.status).toBe(200);
    copy = await res.text();
    const doc = JSON.parse(copy) as Json;
    expect(doc['credentialSubject']).toMatchObject({
      id: `http://tessera.test/app/catalog/pathways/${pathwayId}`,
      endorsementComment: 'We hire teachers who complete this pathway.',
    });
    expect(doc['name']).toBe(`Northwind Online Academy endorses ${pathwayName}`);
    const report = await verify(copy);
    expect(report.verdict, JSON.stringify(report.steps.filter((s) => s.status !== 'passed'))).toBe('valid');
    // Anyone reads the pathway's endorsements (the public and learner pathway pages).
    const listed = await ctx.app.request(`/api/v1/pathways/${pathwayId}/endorsements`);
    expect(listed.status).toBe(200);
    expect(await listed.json()).toMatchObject({
      pathwayId,
      endorsements: [
        {
          id: endorsementId,
          endorser: { slug: 'northwind', name: 'Northwind Online Academy' },
          comment: 'We hire teachers who complete this pathway.',
        },
      ],
    });
  });

  it('revoked by the employer: it leaves the list, and a verifier holding a copy sees it revoked', async () => {
    const revoked = await employer.request('POST', `orgs/northwind/endorsements/${endorsementId}/revoke`, { reason: 'Programme changed' });
    expect(revoked.status, revoked.text).toBe(200);
    const listed = (await (await ctx.app.request(`/api/v1/pathways/${pathwayId}/endorsements`)).json()) as Json;
    expect(listed['endorsements']).toEqual([]);
    const report = await verify(copy);
    expect(report.verdict).toBe('invalid');
    expect(report.steps.find((s) => s.id === 'status.revocation')).toMatchObject({
      status: 'failed',
      message: 'The credential has been revoked',
    });
  });
});
