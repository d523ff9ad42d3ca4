import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { renderProfilePage } from './profile-page.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('public learner profile /people/<account id>', () => {
  it('answers 404 (the same as for no account) while nothing is public, and never shows the name', async () => {
    const learner = new ApiClient(ctx);
    const account = (await learner.signUp('quiet@people.example', 'Quentin Quietly'))['account'] as { id: string };
    const res = await ctx.app.request(`/people/${account.id}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Quentin');
    const none = await ctx.app.request('/people/acc_doesnotexist');
    expect(none.status).toBe(404);

    expect((await learner.request('POST', 'me/collections', { name: 'My teaching', public: true, entries: [] })).status).toBe(201);
    const shown = await ctx.app.request(`/people/${account.id}`);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('Quentin Quietly');
  });
});

describe('profile page rendering', () => {
  it('writes issue dates for people and escapes what learners and issuers wrote', () => {
    const html = renderProfilePage({
      name: '<script>alert(1)</script>',
      earned: [
        { name: 'Teamwork <b>', issuer: 'Issuer & Co', url: 'javascript:alert(1)', issuedAt: '2026-03-12T09:00:00.000Z', status: 'active' },
      ],
      collections: [
        { name: '"><img src=x>', items: [{ name: 'Imported', issuer: 'Elsewhere', url: 'https://example.org/badge', verdict: null }] },
      ],
    });
    expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain(
      '<li>Teamwork &lt;b&gt; — Issuer &amp; Co, issued <time datetime="2026-03-12T09:00:00.000Z">12 March 2026</time></li>',
    );
    expect(html).toContain('aria-label="&quot;&gt;&lt;img src=x&gt;"');
    expect(html).toContain('<a href="https://example.org/badge">Imported</a>');
    expect(html).not.toMatch(/<script|<img src=x|href="javascript:/);
  });
});
