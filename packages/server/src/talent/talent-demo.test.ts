import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';

type Json = Record<string, unknown>;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
});
afterAll(async () => ctx.close());

describe('talent demo', () => {
  it('the demo owner finds the consenting demo learner (the one with a goal) through the employer role, and nobody else', async () => {
    const owner = new ApiClient(ctx);
    expect((await owner.request('POST', 'auth/signin', { email: 'owner@riverside.example', password: DEMO_PASSWORD })).status).toBe(200);
    const roles = (await owner.request('GET', 'orgs/riverside/roles')).json['items'] as Json[];
    const role = roles.find((r) => r['title'] === 'Online Course Lead');
    expect(role).toBeDefined();
    const started = performance.now();
    const r = await owner.request('POST', 'orgs/riverside/talent/search', { roleId: role?.['id'] });
    const ms = performance.now() - started;
    expect(r.status, r.text).toBe(200);
    const items = r.json['items'] as Array<Json & { skills: Json[] }>;
    expect(items.map((i) => i['displayName'])).toEqual(['Alex Kim']);
    expect(items[0]?.['matched']).toBeGreaterThan(0);
    expect(items[0]?.skills.some((s) => s['status'] === 'verified' && (s['evidence'] as Json[]).length > 0)).toBe(true);
    console.log(
      `talent demo: role search ${ms.toFixed(0)} ms, matched ${String(items[0]?.['matched'])} of ${String(items[0]?.['required'])}`,
    );
  });
});
