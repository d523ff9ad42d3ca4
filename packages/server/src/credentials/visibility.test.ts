import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, credentials } from '../db/schema.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';
import { credentialColumns } from './store.js';

// One visibility rule for every route that serves a credential this server issued: a private ("only me")
// credential answers 404 to anyone but its learner — anonymous callers, other learners and also the owner of
// the issuing organisation (who still sees it in the organisation's issued list and can revoke it).

let ctx: TestContext;
let row: typeof credentials.$inferSelect;
let key = '';
const viewers: Record<'anonymous' | 'other learner' | 'org owner' | 'learner', ApiClient> = {} as never;

async function signIn(email: string) {
  const client = new ApiClient(ctx);
  const r = await client.request('POST', 'auth/signin', { email, password: DEMO_PASSWORD });
  expect(r.status).toBe(200);
  return client;
}

/** The VC-JWT stored for the credential (null until someone allowed to see it asks for it). */
async function storedJwt(): Promise<string | null | undefined> {
  return (await ctx.deps.db.select({ jwt: credentials.jwt }).from(credentials).where(eq(credentials.id, row.id)))[0]?.jwt;
}

/** Every way a credential is served, as [label, request]. */
function routes(): Array<[string, (c: ApiClient) => Promise<{ status: number; text: string }>]> {
  const jsonUrl = `http://tessera.test/api/v1/credentials/${encodeURIComponent(row.id)}`;
  return [
    ['GET /api/v1/credentials/{id} (the jsonUrl)', (c) => c.request('GET', `credentials/${encodeURIComponent(row.id)}`)],
    ['GET /credentials/<key> (page)', (c) => c.request('GET', `/credentials/${key}`, undefined, { accept: 'text/html' })],
    [
      'GET /credentials/<key> (Accept JSON)',
      (c) => c.request('GET', `/credentials/${key}`, undefined, { accept: 'application/vc+ld+json' }),
    ],
    ['credential.json', (c) => c.request('GET', `/credentials/${key}/credential.json`)],
    ['credential.jwt', (c) => c.request('GET', `/credentials/${key}/credential.jwt`)],
    ['badge', (c) => c.request('GET', `/credentials/${key}/badge`)],
    ['badge.svg', (c) => c.request('GET', `/credentials/${key}/badge.svg`)],
    ['badge.png', (c) => c.request('GET', `/credentials/${key}/badge.png`)],
    ['qr.svg', (c) => c.request('GET', `/credentials/${key}/qr.svg`)],
    ['qr.png', (c) => c.request('GET', `/credentials/${key}/qr.png`)],
    ['certificate.pdf', (c) => c.request('GET', `/credentials/${key}/certificate.pdf`)],
    ['POST /api/v1/verify {url: page}', (c) => c.request('POST', 'verify', { url: row.id })],
    ['POST /api/v1/verify {url: jsonUrl}', (c) => c.request('POST', 'verify', { url: jsonUrl })],
  ];
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  const [first] = await ctx.deps.db.select(credentialColumns).from(credentials).limit(1);
  if (!first) throw new Error('seed has no credential');
  row = first;
  key = row.id.split('/').pop() ?? '';
  const [learner] = await ctx.deps.db
    .select()
    .from(accounts)
    .where(eq(accounts.id, row.learnerId ?? ''));
  viewers['anonymous'] = new ApiClient(ctx);
  viewers['other learner'] = await signIn('learner4@riverside.example');
  viewers['org owner'] = await signIn('owner@riverside.example');
  viewers['learner'] = await signIn(learner?.email ?? '');
});
afterAll(async () => ctx?.close());

describe('a private credential is served to its learner only', () => {
  it('makes the credential private', async () => {
    const r = await viewers['learner'].request('PATCH', `me/credentials/${encodeURIComponent(row.id)}`, { visibility: 'private' });
    expect(r.status).toBe(200);
  });

  for (const who of ['anonymous', 'other learner', 'org owner'] as const) {
    it(`answers 404 to ${who} on every route, with nothing of the credential`, async () => {
      for (const [label, send] of routes()) {
        const r = await send(viewers[who]);
        expect({ label, status: r.status }).toEqual({ label, status: 404 });
        // A problem document (or, for a browser, the plain "not found" page), never the credential or its page.
        expect(r.text).not.toMatch(/credentialSubject|eyJ|%PDF|<svg|PNG/);
        if (/<html/.test(r.text)) {
          const heading = (r.text.match(/<h1[^>]*>([^<]*)</)?.[1] ?? '').replace(/&#39;/g, "'");
          expect({ label, heading }).toEqual({ label, heading: "We couldn't find that credential" });
        }
      }
    });
  }

  it('signs no VC-JWT for a viewer it refused: the form is signed on request, for those who may see the credential', async () => {
    expect(await storedJwt()).toBeNull();
  });

  it('wallet import by URL: 404 for another learner and the org owner (page URL and jsonUrl)', async () => {
    const jsonUrl = `http://tessera.test/api/v1/credentials/${encodeURIComponent(row.id)}`;
    for (const who of ['other learner', 'org owner'] as const) {
      for (const url of [row.id, jsonUrl, `${row.id}/credential.json`]) {
        const r = await viewers[who].request('POST', 'me/wallet/imports', { url });
        expect({ who, url, status: r.status }).toEqual({ who, url, status: 404 });
      }
    }
  });

  it('serves everything to the learner, and lets them import and verify it by URL', async () => {
    for (const [label, send] of routes()) {
      const r = await send(viewers['learner']);
      // The jsonUrl form is not fetched by the verifier (remote fetching is off in tests): 400, not 404.
      const expected = label === 'POST /api/v1/verify {url: jsonUrl}' ? 400 : 200;
      expect({ label, status: r.status }).toEqual({ label, status: expected });
    }
    expect(await storedJwt(), 'signed for the learner, stored with its payload detached').toMatch(/^[\w-]+\.\.[\w-]+$/);
    const verified = await viewers['learner'].request('POST', 'verify', { url: row.id });
    expect(verified.json.verdict).toBe('valid');
    const imported = await viewers['learner'].request('POST', 'me/wallet/imports', { url: row.id });
    expect(imported.status).toBe(201);
  });

  it('the org owner still sees it in the organisation’s issued list', async () => {
    const list = await viewers['org owner'].request('GET', 'orgs/riverside/credentials');
    expect(list.status).toBe(200);
    expect(list.json.map((c) => c['id'])).toContain(row.id);
  });

  it('serves it to everyone again once the learner shares it by link (so the 404s above come from the rule)', async () => {
    expect(
      (await viewers['learner'].request('PATCH', `me/credentials/${encodeURIComponent(row.id)}`, { visibility: 'unlisted' })).status,
    ).toBe(200);
    for (const who of ['anonymous', 'other learner', 'org owner'] as const) {
      for (const [label, send] of routes()) {
        const r = await send(viewers[who]);
        const expected = label === 'POST /api/v1/verify {url: jsonUrl}' ? 400 : 200;
        expect({ who, label, status: r.status }).toEqual({ who, label, status: expected });
      }
    }
    const imported = await viewers['other learner'].request('POST', 'me/wallet/imports', { url: row.id });
    expect(imported.status).toBe(201);
  });
});
