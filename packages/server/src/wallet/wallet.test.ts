import { readFileSync } from 'node:fs';
import { stepName } from '@tessera/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esc } from '../public/html.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';

const FIX = new URL('../../../credentials/test/fixtures/1edtech-validator/', import.meta.url);
const file = (p: string) => readFileSync(new URL(p, FIX));

let ctx: TestContext;
let learner: ApiClient;
let stranger: ApiClient;

async function upload(client: ApiClient, body: Uint8Array | string, type: string) {
  const res = await ctx.app.request('/api/v1/me/wallet/imports', {
    method: 'POST',
    headers: { 'content-type': type, cookie: client.cookie ?? '', 'x-csrf-token': client.csrf ?? '' },
    body,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  learner = new ApiClient(ctx);
  expect((await learner.request('POST', 'auth/signin', { email: 'learner@riverside.example', password: DEMO_PASSWORD })).status).toBe(200);
  stranger = new ApiClient(ctx);
  await stranger.signUp('stranger@example.org');
});
afterAll(async () => ctx?.close());

describe('wallet imports', () => {
  it('imports and verifies OB 3.0 credentials from a JSON file, a baked PNG, a baked SVG and pasted JWT text', async () => {
    const json = await upload(learner, file('ob30/simple.json'), 'application/vc+ld+json');
    expect(json.status).toBe(201);
    // The samples' https issuers are not reachable in tests, so nothing ties their keys to them: indeterminate, never valid.
    expect(json.json).toMatchObject({ source: 'upload', verdict: 'indeterminate', name: 'Teamwork' });
    expect((await upload(learner, file('ob30/simple-json.png'), 'image/png')).json).toMatchObject({ verdict: 'indeterminate' });
    expect((await upload(learner, file('ob30/simple-jwt.svg'), 'image/svg+xml')).json).toMatchObject({ verdict: 'indeterminate' });
    const pasted = await learner.request('POST', 'me/wallet/imports', { text: readFileSync(new URL('ob30/simple.jwt', FIX), 'utf8') });
    expect(pasted.status).toBe(201);
    expect(pasted.json).toMatchObject({ source: 'paste', verdict: 'invalid' });
  });

  it('keeps an OB 2.0 assertion with its report: what needs example.org (not fetched in tests) is not checked', async () => {
    const r = await upload(learner, file('ob20/basic-assertion.json'), 'application/vc+ld+json');
    expect(r.status).toBe(201);
    expect(r.json['verdict']).toBe('indeterminate');
    expect(r.json['name']).toBe('robotics badge (example.org)');
    const steps = new Map((r.json['steps'] as Array<{ id: string; status: string }>).map((s) => [s.id, s.status]));
    expect([steps.get('format'), steps.get('structure'), steps.get('ob2.badge'), steps.get('ob2.hosted')]).toEqual([
      'passed',
      'passed',
      'unknown',
      'unknown',
    ]);
  });

  it('refuses what is not a credential and stores nothing', async () => {
    const before = (await learner.request('GET', 'me/wallet')).json['imported'] as unknown[];
    const bad = await learner.request('POST', 'me/wallet/imports', { text: 'hello' });
    expect(bad.status).toBe(400);
    expect((await upload(learner, '<p>x</p>', 'text/html')).status).toBe(415);
    expect(((await learner.request('GET', 'me/wallet')).json['imported'] as unknown[]).length).toBe(before.length);
  });

  it('re-verifies and removes imports; other people cannot touch them', async () => {
    const wallet = await learner.request('GET', 'me/wallet');
    const [item] = wallet.json['imported'] as Array<{ id: string; verifiedAt: string }>;
    const again = await learner.request('POST', `me/wallet/imports/${item?.id}/verify`);
    expect(again.status).toBe(200);
    expect(Date.parse(String(again.json.verifiedAt))).toBeGreaterThanOrEqual(Date.parse(item?.verifiedAt ?? ''));
    expect((await stranger.request('POST', `me/wallet/imports/${item?.id}/verify`)).status).toBe(404);
    expect((await stranger.request('DELETE', `me/wallet/imports/${item?.id}`)).status).toBe(404);
    expect((await learner.request('DELETE', `me/wallet/imports/${item?.id}`)).status).toBe(204);
  });
});

describe('collections and the public profile', () => {
  it('groups own credentials, refuses others’, and shows only public things on the profile', async () => {
    const wallet = (await learner.request('GET', 'me/wallet')).json as unknown as {
      earned: Array<{ id: string; achievementName: string }>;
      imported: Array<{ id: string; name: string; verdict: string; steps: Array<{ id: string; status: string; message: string }> }>;
      profileUrl: string;
    };
    const earned = wallet.earned[0];
    const imported = wallet.imported.find((i) => i.verdict === 'indeterminate');
    const invalid = wallet.imported.find((i) => i.verdict === 'invalid');
    const bad = await learner.request('POST', 'me/collections', { name: 'Mine', entries: ['earned:urn:nope'] });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([{ path: 'entries.0', message: 'Not a credential of yours' }]);
    const made = await learner.request('POST', 'me/collections', {
      name: 'Online teaching',
      public: true,
      entries: [`earned:${earned?.id}`, `imported:${imported?.id}`, `imported:${invalid?.id}`],
    });
    expect(made.status).toBe(201);
    const hidden = await learner.request('POST', 'me/collections', {
      name: 'Private drafts',
      public: false,
      entries: [`imported:${imported?.id}`],
    });
    expect(hidden.status).toBe(201);
    expect((await stranger.request('PUT', `me/collections/${made.json.id}`, { name: 'Stolen', public: true, entries: [] })).status).toBe(
      404,
    );

    const profilePath = new URL(wallet.profileUrl).pathname;
    let html = await (await ctx.app.request(profilePath)).text();
    expect(html).toContain('Online teaching');
    expect(html).not.toContain('Private drafts');
    expect(html).toContain(imported?.name);
    // Imported credentials say in plain words how they fared, with the reason: for one that could not be fully
    // verified, the first step that could not be checked; for one that is not valid, the first that failed.
    const unknown = imported?.steps.find((s) => s.status === 'unknown');
    const failed = invalid?.steps.find((s) => s.status === 'failed');
    expect(unknown && failed).toBeDefined();
    expect(html).toContain(
      `(imported; when last checked: Could not be fully verified — ${esc(stepName(unknown?.id ?? ''))}: ${esc(unknown?.message ?? '')})`,
    );
    expect(html).toContain(`(imported; when last checked: Not valid — ${esc(stepName(failed?.id ?? ''))}: ${esc(failed?.message ?? '')})`);
    expect(html).not.toMatch(/indeterminate|last verified: invalid/);
    // The earned credential is unlisted by default, so it is not on the profile until it is made public.
    expect(html).not.toContain(`>${earned?.achievementName}</a> — `);
    expect(
      (await learner.request('PATCH', `me/credentials/${encodeURIComponent(earned?.id ?? '')}`, { visibility: 'public' })).status,
    ).toBe(200);
    html = await (await ctx.app.request(profilePath)).text();
    expect(html).toContain(`>${earned?.achievementName}</a> — `);
    expect((await learner.request('DELETE', `me/collections/${hidden.json.id}`)).status).toBe(204);
  });
});
