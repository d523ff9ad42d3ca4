import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCatalog } from '../achievements/catalog.js';
import { findOrgBySlug, updateOrgRow } from '../orgs/store.js';
import { seedDemo } from '../seed/demo.js';
import { createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
});
afterAll(async () => ctx?.close());

describe('issuer pages', () => {
  it('list the organisation’s published micro-credentials with their quality assurance, without signing in', async () => {
    const res = await ctx.app.request('/orgs/riverside');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1 id="org-name">Riverside School District</h1>');
    const catalog = await listCatalog(ctx.deps, { org: 'riverside', page: 1, pageSize: 50 });
    expect(catalog.items.length).toBeGreaterThan(0);
    for (const item of catalog.items) expect(html).toContain(item.content.name);
    expect(html).toMatch(/Policy: \d+ % of submissions are scored independently by a second assessor/);
    expect(html).toMatch(/\d+ credentials? issued/);
  });

  it('show a transparency page per micro-credential: goal, criteria, full rubric, method, evidence and issued count', async () => {
    const [first] = (await listCatalog(ctx.deps, { org: 'riverside', page: 1, pageSize: 1 })).items;
    const html = await (await ctx.app.request(`/orgs/riverside/achievements/${first?.achievementId}`)).text();
    expect(html).toContain(`<h1 id="a-${first?.achievementId}">${first?.content.name}</h1>`);
    for (const heading of ['Learning goal', 'Criteria', 'Rubric', 'Evidence required', 'Assessment method and quality assurance']) expect(html).toContain(`>${heading}</h2>`);
    for (const c of first?.content.rubric.criteria ?? []) {
      expect(html).toContain(`<h3>${c.name}</h3>`);
      for (const l of c.levels) expect(html).toContain(l.name);
    }
    expect(html).toContain('(required to pass)');
  });

  it('escape what organisations write, and answer 404 for unknown organisations and drafts', async () => {
    const org = await findOrgBySlug(ctx.deps.db, 'riverside');
    await updateOrgRow(ctx.deps.db, org?.id ?? '', { description: '<script>alert(1)</script> & more' });
    const html = await (await ctx.app.request('/orgs/riverside')).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect((await ctx.app.request('/orgs/nobody')).status).toBe(404);
    expect((await ctx.app.request('/orgs/riverside/achievements/nope')).status).toBe(404);
  });
});
