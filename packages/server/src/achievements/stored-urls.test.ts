import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { achievements, achievementVersions, auditEvents, credentials, evidenceItems, orgs } from '../db/schema.js';
import { JOB_HANDLERS } from '../jobs/handlers.js';
import { startWorker } from '../jobs/worker.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { credentialColumns } from '../credentials/index.js';

// URLs the old `HttpUrl` (http(s) + `new URL`) accepted and today's refuses. They are written straight into the
// database, as content saved before the rules were tightened would be.
const PIPE = 'https://iste.org/standards|educators'; // cannot be made an IRI: left out of a credential
const SPACE = 'https://standards.example/a b'; // percent-encoded as a browser would request it
const CARET = 'https://example.org/guide^1'; // a resource: shown, never signed
const STRAY_PERCENT = 'https://x.example/100%.pdf'; // evidence: cannot be made an IRI

let ctx: TestContext;
let owner: ApiClient;
let learner: ApiClient;
let achievementId = '';

type Json = Record<string, unknown>;
const paths = (json: Json) => (json['errors'] as Array<{ path: string }>).map((e) => e.path).sort();

beforeAll(async () => {
  ctx = await createTestContext();
  owner = new ApiClient(ctx);
  await owner.signUp('owner@old-links.example', 'Olive Owner');
  expect(
    (
      await owner.request('POST', 'orgs', {
        slug: 'old-links',
        name: 'Old Links College',
        url: 'https://old.example',
        image: 'https://old.example/logo.png',
        doubleScorePercent: 0,
      })
    ).status,
  ).toBe(201);
  learner = new ApiClient(ctx);
  await learner.signUp('learner@old-links.example', 'Lee Learner');
  const created = await owner.request('POST', 'orgs/old-links/achievements', sampleAchievement('Leading Online Discussions'));
  achievementId = created.json['id'] as string;
  expect((await owner.request('POST', `orgs/old-links/achievements/${achievementId}/publish`)).status).toBe(200);

  // Old content: both the draft and the immutable published version hold URLs that are refused today.
  const [row] = await ctx.deps.db.select().from(achievements).where(eq(achievements.id, achievementId));
  const old = {
    ...row?.draft,
    alignments: [
      { targetName: 'ISTE Educator 2.5', targetUrl: PIPE },
      { targetName: 'Discussion standard', targetUrl: SPACE },
    ],
    resources: [{ title: 'Discussion design guide', url: CARET, note: '' }],
  };
  for (const url of [PIPE, SPACE, CARET, STRAY_PERCENT]) expect(/^https?:\/\//.test(url) && URL.canParse(url), url).toBe(true);
  await ctx.deps.db.update(achievements).set({ draft: old }).where(eq(achievements.id, achievementId));
  await ctx.deps.db
    .update(achievementVersions)
    .set({ content: old })
    .where(eq(achievementVersions.id, row?.latestVersionId ?? ''));
  // The organisation's profile was saved under the old rules too.
  await ctx.deps.db
    .update(orgs)
    .set({ url: 'https://old.example/{home}', image: 'https://old.example/logo%zz.png' })
    .where(eq(orgs.slug, 'old-links'));
});
afterAll(async () => ctx?.close());

describe('stored content with URLs that today’s rules refuse stays readable', () => {
  it('the editor GET returns the draft and the published version with the URLs as they were saved', async () => {
    const res = await owner.request('GET', `orgs/old-links/achievements/${achievementId}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json['draft']).toMatchObject({ alignments: [{ targetUrl: PIPE }, { targetUrl: SPACE }], resources: [{ url: CARET }] });
    expect(res.json['latestVersion']).toMatchObject({ version: 1, content: { alignments: [{ targetUrl: PIPE }, { targetUrl: SPACE }] } });
    expect(res.json['hasUnpublishedChanges']).toBe(false);
    expect((await owner.request('GET', 'orgs/old-links/achievements')).status).toBe(200);
  });

  it('the catalog (list and entry) and the issuer’s transparency page still show it', async () => {
    const list = await learner.request('GET', 'catalog?org=old-links');
    expect(list.status, list.text).toBe(200);
    expect(list.json['items']).toEqual([
      expect.objectContaining({
        achievementId,
        content: expect.objectContaining({ resources: [expect.objectContaining({ url: CARET })] }),
      }),
    ]);
    const entry = await learner.request('GET', `catalog/${achievementId}`);
    expect(entry.status, entry.text).toBe(200);
    expect(entry.json['content']).toMatchObject({ alignments: [{ targetUrl: PIPE }, { targetUrl: SPACE }] });
    expect((await ctx.app.request(`/orgs/old-links/achievements/${achievementId}`)).status).toBe(200);
  });

  it('input is still held to today’s rules: saving the draft as it is, or publishing it, names each URL to fix', async () => {
    const draft = (await owner.request('GET', `orgs/old-links/achievements/${achievementId}`)).json['draft'];
    const saved = await owner.request('PUT', `orgs/old-links/achievements/${achievementId}`, draft);
    expect(saved.status).toBe(400);
    expect(paths(saved.json)).toEqual(['alignments.0.targetUrl', 'alignments.1.targetUrl', 'resources.0.url']);
    const published = await owner.request('POST', `orgs/old-links/achievements/${achievementId}/publish`);
    expect(published.status).toBe(400);
    expect(published.json).toMatchObject({ code: 'validation_failed', detail: 'The draft is not complete enough to publish' });
    expect(paths(published.json)).toEqual(['alignments.0.targetUrl', 'alignments.1.targetUrl', 'resources.0.url']);
  });

  it('issuance signs a valid credential: a URL that can be percent-encoded is, one that cannot is left out and named in the audit log', async () => {
    const start = await learner.request('POST', `catalog/${achievementId}/start`);
    expect(start.status, start.text).toBe(201);
    const submissionId = start.json['id'] as string;
    await learner.request('PUT', `me/submissions/${submissionId}/evidence/plan`, { kind: 'text', text: 'A plan.' });
    await learner.request('PUT', `me/submissions/${submissionId}/evidence/transcript`, {
      kind: 'link',
      url: 'https://x.example/transcript.pdf',
    });
    await learner.request('PUT', `me/submissions/${submissionId}/evidence/reflection`, { kind: 'text', text: 'A reflection.' });
    await ctx.deps.db
      .update(evidenceItems)
      .set({ url: STRAY_PERCENT })
      .where(and(eq(evidenceItems.submissionId, submissionId), eq(evidenceItems.requirementId, 'transcript')));
    expect((await learner.request('GET', `me/submissions/${submissionId}`)).status).toBe(200);
    expect((await learner.request('POST', `me/submissions/${submissionId}/submit`)).json).toMatchObject({ state: 'submitted' });
    expect((await owner.request('POST', `orgs/old-links/submissions/${submissionId}/claim`)).status).toBe(200);
    expect((await owner.request('GET', `orgs/old-links/submissions/${submissionId}`)).status).toBe(200);
    const scores = ['c1', 'c2', 'c3'].map((criterionId) => ({ criterionId, levelId: 'l3', feedback: 'Clear evidence' }));
    expect(
      (await owner.request('POST', `orgs/old-links/submissions/${submissionId}/reviews`, { scores, decision: 'pass' })).json,
    ).toMatchObject({ state: 'passed' });
    const worker = startWorker(ctx.deps, { handlers: JOB_HANDLERS, pollMs: 0 });
    while ((await worker.tick()) > 0);
    await worker.stop();

    const [row] = await ctx.deps.db.select(credentialColumns).from(credentials).where(eq(credentials.submissionId, submissionId));
    expect(row).toBeDefined();
    const doc = row?.document as {
      issuer: Json;
      credentialSubject: { achievement: { alignment?: Json[] } };
      evidence: Array<{ id?: string; name: string }>;
    };
    expect(doc.credentialSubject.achievement.alignment).toEqual([
      expect.objectContaining({ targetName: 'Discussion standard', targetUrl: 'https://standards.example/a%20b' }),
    ]);
    expect(doc.issuer['url']).toBe('https://old.example/%7Bhome%7D');
    expect(doc.issuer['image']).toBeUndefined();
    // Evidence goes by reference (issue 13): each item is named by the URL on this server that serves it, and the
    // learner's stored link (here one that is not a valid IRI) never reaches what we sign, so it is not "omitted".
    expect(doc.evidence.map((e) => e.id)).toEqual(['plan', 'reflection', 'transcript'].map((r) => `${row?.id ?? ''}/evidence/${r}`));
    expect(JSON.stringify(doc)).not.toMatch(/\|educators|100%\.pdf|%zz/);
    const [audit] = await ctx.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'credential.issued'), eq(auditEvents.target, row?.id ?? '')));
    expect(audit?.detail).toMatchObject({ omittedInvalidUrls: ['alignments.0.targetUrl', 'issuer.image'] });

    const page = await ctx.app.request(new URL(row?.id ?? '').pathname, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Verified: the signature');
  });
});
