import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';

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
