import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentials } from '../db/schema.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';

let ctx: TestContext;
let owner: ApiClient;
let other: ApiClient;
let row: typeof credentials.$inferSelect | undefined;
let key = '';

async function signIn(email: string) {
  const client = new ApiClient(ctx);
  const r = await client.request('POST', 'auth/signin', { email, password: DEMO_PASSWORD });
  expect(r.status).toBe(200);
  return client;
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  [row] = await ctx.deps.db.select().from(credentials).limit(1);
  key = (row?.id ?? '').split('/').pop() ?? '';
});
afterAll(async () => ctx?.close());

describe('sharing a credential', () => {
  it('lists my credentials with their sharing settings and evidence', async () => {
    const rows = await ctx.deps.db.select().from(credentials);
    const learnerEmail =
      (await ctx.deps.db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.id, row?.learnerId ?? '') }))?.email ?? '';
    owner = await signIn(learnerEmail);
    const mine = await owner.request('GET', 'me/credentials');
    expect(mine.status).toBe(200);
    const c = mine.json.find((x) => x['id'] === row?.id);
    expect(c).toMatchObject({ visibility: 'unlisted', showName: true });
    expect((c?.['evidence'] as unknown[]).length).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('makes a credential private: the page and JSON answer 404 to others, and still show to the learner', async () => {
    const r = await owner.request('PATCH', `me/credentials/${encodeURIComponent(row?.id ?? '')}`, { visibility: 'private' });
    expect(r.status).toBe(200);
    expect(r.json.visibility).toBe('private');
    expect((await ctx.app.request(`/credentials/${key}`)).status).toBe(404);
    expect((await ctx.app.request(`/credentials/${key}`, { headers: { accept: 'application/json' } })).status).toBe(404);
    expect((await ctx.app.request(`/credentials/${key}/badge`)).status).toBe(404);
    const own = await owner.request('GET', `/credentials/${key}`);
    expect(own.status).toBe(200);
    expect(own.text).toContain('<meta name="robots" content="noindex">');
  });

  it('hides the name and shows chosen evidence on a public page', async () => {
    const mine = await owner.request('GET', 'me/credentials');
    const c = mine.json.find((x) => x['id'] === row?.id);
    const [first] = c?.['evidence'] as Array<{ requirementId: string; name: string }>;
    const r = await owner.request('PATCH', `me/credentials/${encodeURIComponent(row?.id ?? '')}`, {
      visibility: 'public',
      showName: false,
      evidence: [{ requirementId: first?.requirementId, public: true }],
    });
    expect(r.status).toBe(200);
    const html = await (await ctx.app.request(`/credentials/${key}`)).text();
    expect(html).not.toContain('noindex');
    expect(html).toContain('The recipient chose not to show their name.');
    expect(html).toContain('<h2 id="evidence">Evidence</h2>');
  });

  it('refuses other people, unknown evidence and empty changes, and audits what it changes', async () => {
    other = await signIn('learner4@riverside.example');
    const theirs = await other.request('PATCH', `me/credentials/${encodeURIComponent(row?.id ?? '')}`, { visibility: 'public' });
    expect(theirs.status).toBe(404);
    const bad = await owner.request('PATCH', `me/credentials/${encodeURIComponent(row?.id ?? '')}`, {
      evidence: [{ requirementId: 'nope', public: true }],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([{ path: 'evidence.0.requirementId', message: 'Unknown evidence item' }]);
    expect((await owner.request('PATCH', `me/credentials/${encodeURIComponent(row?.id ?? '')}`, {})).status).toBe(400);
    const audit = await ctx.deps.db.query.auditEvents.findMany({ where: (a, { eq }) => eq(a.action, 'credential.sharing_changed') });
    expect(audit.length).toBe(2);
  });
});
