import { MIN_AGREEMENT_PAIRS } from '@tessera/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCatalog } from '../achievements/catalog.js';
import { findOrgBySlug, updateOrgRow } from '../orgs/store.js';
import { seedDemo } from '../seed/demo.js';
import { createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';
import { agreementText } from './issuer-page.js';

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
    for (const heading of ['Learning goal', 'Criteria', 'Rubric', 'Evidence required', 'Assessment method and quality assurance'])
      expect(html).toContain(`>${heading}</h2>`);
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

describe('issuer page quality assurance', () => {
  it('is one table with a row per micro-credential, and the policy said once', async () => {
    const html = await (await ctx.app.request('/orgs/riverside')).text();
    const catalog = await listCatalog(ctx.deps, { org: 'riverside', page: 1, pageSize: 50 });
    const table = /<table class="qa">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    expect(html.match(/<table class="qa">/g)).toHaveLength(1);
    expect(table).toContain(
      '<th scope="col">Submissions assessed</th><th scope="col">Pass rate</th><th scope="col">Double-scored pairs</th><th scope="col">Agreement between assessors</th>',
    );
    const rows = table.match(/<tr><th scope="row">/g) ?? [];
    expect(rows).toHaveLength(catalog.items.length);
    for (const item of catalog.items) expect(table).toContain(`<tr><th scope="row">${item.content.name}</th>`);
    expect(html.match(/Policy: \d+ % of submissions/g)).toHaveLength(1);
    expect(html).not.toMatch(/So far: \d+ submission/);
  });

  it('says "not enough double-scored submissions yet" below the minimum, never a percentage or kappa from a few pairs', async () => {
    const html = await (await ctx.app.request('/orgs/riverside')).text();
    const table = /<table class="qa">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    const rows = table.match(/<tr><th scope="row">[\s\S]*?<\/tr>/g) ?? [];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const pairs = Number(/<td class="num">\d+<\/td><td>[^<]*<\/td><td class="num">(\d+)<\/td>/.exec(row)?.[1]);
      expect(pairs).toBeLessThan(MIN_AGREEMENT_PAIRS);
      expect(row).toContain(`not enough double-scored submissions yet (${pairs} of the ${MIN_AGREEMENT_PAIRS} pairs needed)`);
    }
    expect(html).not.toContain('kappa');
  });

  it('publishes agreement from exactly the minimum number of pairs on', () => {
    expect(agreementText({ pairs: MIN_AGREEMENT_PAIRS - 1, decisionAgreement: 1, kappa: 1 })).toBe(
      `not enough double-scored submissions yet (${MIN_AGREEMENT_PAIRS - 1} of the ${MIN_AGREEMENT_PAIRS} pairs needed)`,
    );
    expect(agreementText({ pairs: MIN_AGREEMENT_PAIRS, decisionAgreement: 0.9, kappa: 0.75 })).toBe(
      '90 % on the decision (Cohen’s kappa 0.75)',
    );
    expect(agreementText({ pairs: MIN_AGREEMENT_PAIRS, decisionAgreement: 1, kappa: null })).toBe('100 % on the decision');
  });

  it('shows the pass rate of finished submissions, and the same table on a transparency page', async () => {
    const [first] = (await listCatalog(ctx.deps, { org: 'riverside', page: 1, pageSize: 1 })).items;
    const html = await (await ctx.app.request(`/orgs/riverside/achievements/${first?.achievementId}`)).text();
    const row = /<tr><th scope="row">[\s\S]*?<\/tr>/.exec(/<table class="qa">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '')?.[0] ?? '';
    expect(row).toMatch(/<td>(\d+ % \(\d+ of \d+\)|no finished submissions yet)<\/td>/);
    expect(html).toContain('Pass rate counts submissions with a final outcome.');
  });
});
