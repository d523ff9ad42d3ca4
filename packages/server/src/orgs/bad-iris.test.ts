import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, credentials, orgs } from '../db/schema.js';
import { JOB_HANDLERS } from '../jobs/handlers.js';
import { startWorker } from '../jobs/worker.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { credentialColumns } from '../credentials/index.js';

// Every organisation, micro-credential and evidence URL becomes an IRI in a signed credential. A URL that
// `new URL` accepts but JSON-LD refuses (here a quote) used to be stored, and then every issuance failed.
const QUOTE_URL = 'https://x.example/a".png';
const GOOD_IMAGE = 'https://x.example/logo.png';

let ctx: TestContext;
let owner: ApiClient;
let learner: ApiClient;
let achievementId = '';

type FieldErrors = Array<{ path: string; message: string }>;
const errorsOf = (json: Record<string, unknown>) => json['errors'] as FieldErrors;

beforeAll(async () => {
  ctx = await createTestContext();
  owner = new ApiClient(ctx);
  await owner.signUp('owner@iri.example', 'Iris Owner');
  const created = await owner.request('POST', 'orgs', {
    slug: 'iri-school',
    name: 'IRI School',
    url: 'https://iri.example',
    image: GOOD_IMAGE,
    doubleScorePercent: 0,
  });
  if (created.status !== 201) throw new Error(`org not created: ${created.text}`);
  learner = new ApiClient(ctx);
  await learner.signUp('learner@iri.example', 'Lee Learner');
});
afterAll(async () => ctx?.close());

describe('URLs that cannot be IRIs are refused where they are entered', () => {
  it('refuses an organisation image URL with a quote: 400 problem+json naming the field, and the stored profile is unchanged', async () => {
    const [before] = await ctx.deps.db.select().from(orgs).where(eq(orgs.slug, 'iri-school'));
    const auditBefore = await ctx.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'org.updated'));
    const res = await owner.request('PATCH', 'orgs/iri-school', { image: QUOTE_URL, description: 'Changed' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.json).toMatchObject({ code: 'validation_failed', status: 400 });
    expect(errorsOf(res.json)).toEqual([{ path: 'image', message: expect.stringContaining('“"”') }]);
    const [after] = await ctx.deps.db.select().from(orgs).where(eq(orgs.slug, 'iri-school'));
    expect(after).toEqual(before);
    expect((await owner.request('GET', 'orgs/iri-school')).json).toMatchObject({ image: GOOD_IMAGE, description: null });
    expect(await ctx.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'org.updated'))).toHaveLength(auditBefore.length);
  });

  it('refuses bad website URLs on create and update, and creates nothing', async () => {
    const created = await owner.request('POST', 'orgs', {
      slug: 'quote-org',
      name: 'Quote Org',
      url: 'https://q.example/{x}',
      image: 'https://q.example/a b.png',
    });
    expect(created.status).toBe(400);
    expect(
      errorsOf(created.json)
        .map((e) => e.path)
        .sort(),
    ).toEqual(['image', 'url']);
    expect((await owner.request('GET', 'orgs/quote-org')).status).toBe(404);
    const updated = await owner.request('PATCH', 'orgs/iri-school', { url: 'https://iri.example/<script>' });
    expect(updated.status).toBe(400);
    expect(errorsOf(updated.json)).toEqual([{ path: 'url', message: expect.stringContaining('“<”') }]);
  });

  it('refuses bad alignment and resource URLs in a micro-credential, keeping the draft as it was', async () => {
    const created = await owner.request('POST', 'orgs/iri-school/achievements', { name: 'Facilitating Online Discussions' });
    achievementId = created.json['id'] as string;
    const sample = sampleAchievement();
    const bad = await owner.request('PUT', `orgs/iri-school/achievements/${achievementId}`, {
      ...sample,
      alignments: [{ targetName: 'ISTE', targetUrl: 'https://iste.org/standards|educators' }],
      resources: [{ title: 'Guide', url: 'https://example.org/guide^1', note: '' }],
    });
    expect(bad.status).toBe(400);
    expect(
      errorsOf(bad.json)
        .map((e) => e.path)
        .sort(),
    ).toEqual(['alignments.0.targetUrl', 'resources.0.url']);
    const draft = await owner.request('GET', `orgs/iri-school/achievements/${achievementId}`);
    expect(draft.json['draft']).toMatchObject({ alignments: [], resources: [] });
    expect((await owner.request('PUT', `orgs/iri-school/achievements/${achievementId}`, sample)).status).toBe(200);
    expect((await owner.request('POST', `orgs/iri-school/achievements/${achievementId}/publish`)).status).toBe(200);
  });

  it('refuses a bad evidence link, and the organisation still issues afterwards', async () => {
    const start = await learner.request('POST', `catalog/${achievementId}/start`);
    const submissionId = start.json['id'] as string;
    const badLink = await learner.request('PUT', `me/submissions/${submissionId}/evidence/transcript`, {
      kind: 'link',
      url: 'https://x.example/transcript".pdf',
    });
    expect(badLink.status).toBe(400);
    expect(errorsOf(badLink.json)).toEqual([{ path: 'url', message: expect.any(String) }]);
    await learner.request('PUT', `me/submissions/${submissionId}/evidence/plan`, { kind: 'text', text: 'A plan.' });
    await learner.request('PUT', `me/submissions/${submissionId}/evidence/transcript`, {
      kind: 'link',
      url: 'https://x.example/transcript.pdf',
    });
    await learner.request('PUT', `me/submissions/${submissionId}/evidence/reflection`, { kind: 'text', text: 'A reflection.' });
    expect((await learner.request('POST', `me/submissions/${submissionId}/submit`)).json).toMatchObject({ state: 'submitted' });
    expect((await owner.request('POST', `orgs/iri-school/submissions/${submissionId}/claim`)).status).toBe(200);
    const scores = ['c1', 'c2', 'c3'].map((criterionId) => ({ criterionId, levelId: 'l3', feedback: 'Clear evidence' }));
    expect(
      (await owner.request('POST', `orgs/iri-school/submissions/${submissionId}/reviews`, { scores, decision: 'pass' })).json,
    ).toMatchObject({ state: 'passed' });
    const worker = startWorker(ctx.deps, { handlers: JOB_HANDLERS, pollMs: 0 });
    while ((await worker.tick()) > 0);
    await worker.stop();
    const [row] = await ctx.deps.db.select(credentialColumns).from(credentials).where(eq(credentials.submissionId, submissionId));
    expect(row).toBeDefined();
    const doc = row?.document as { issuer: { image?: { id: string }; url?: string }; evidence: Array<{ id?: string }> };
    expect(doc.issuer).toMatchObject({ url: 'https://iri.example', image: { id: GOOD_IMAGE } });
    // Evidence goes by reference (issue 13): the learner's link is no longer signed; the credential names the URL on
    // this server that serves it to the people the learner allows.
    expect(doc.evidence.map((e) => e.id)).toContain(`${row?.id ?? ''}/evidence/transcript`);
    expect(JSON.stringify(doc)).not.toContain('https://x.example/transcript.pdf');
    const page = await ctx.app.request(new URL(row?.id ?? '').pathname, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Verified: the signature');
  });
});
