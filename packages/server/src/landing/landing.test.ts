import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { LANDING_HEADLINE } from './landing-page.js';

let ctx: TestContext;
let owner: ApiClient;
const published: Record<string, string> = {};

/** Create and publish a micro-credential in an organisation; returns its id. */
async function publish(client: ApiClient, slug: string, name: string): Promise<string> {
  const created = await client.request('POST', `orgs/${slug}/achievements`, sampleAchievement(name));
  expect(created.status).toBe(201);
  const id = String(created.json['id']);
  expect((await client.request('POST', `orgs/${slug}/achievements/${id}/publish`)).status).toBe(200);
  return id;
}

beforeAll(async () => {
  ctx = await createTestContext();
  owner = new ApiClient(ctx);
  await owner.signUp('landing-owner@example.org');
  expect((await owner.request('POST', 'orgs', { slug: 'riverside', name: 'Riverside <District>' })).status).toBe(201);
  expect((await owner.request('POST', 'orgs', { slug: 'hilltop', name: 'Hilltop College' })).status).toBe(201);
  // One from Hilltop, then six newer ones from Riverside: by date alone Riverside would fill all six featured places.
  published['Hill'] = await publish(owner, 'hilltop', 'Hilltop <b>Coaching</b>');
  for (const n of ['One', 'Two', 'Three', 'Four', 'Five', 'Six']) published[n] = await publish(owner, 'riverside', `Riverside ${n}`);
  const draft = await owner.request('POST', 'orgs/hilltop/achievements', sampleAchievement('Unpublished Draft'));
  expect(draft.status).toBe(201);
});
afterAll(async () => ctx.close());

describe('GET / (landing page)', () => {
  it('shows anonymous visitors what Tessera is, featured micro-credentials and a verify link', async () => {
    const res = await ctx.app.request('/', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('vary')).toMatch(/cookie/i);
    const body = await res.text();
    expect(body).toContain(LANDING_HEADLINE);
    expect(body).toContain('Open Badges 3.0');
    expect(body).toMatch(/<a class="btn primary" href="\/app\/verify">Verify a credential<\/a>/);
    for (const href of ['/app/catalog', '/app/signin', '/app/signup']) expect(body).toContain(`href="${href}"`);
    expect(body).toMatch(/<main id="main">/);
    expect(body).toMatch(/<h1 id="landing-title">/);
    expect(body).toContain(`href="/app/catalog/${published['Hill']}"`);
    expect(body).toContain(`/media/achievements/${published['Hill']}/image`);
    expect(body).toContain('See all 7 published micro-credentials');
    expect(body).not.toContain('Unpublished Draft');
  });

  it('takes turns between issuers and escapes their text', async () => {
    const body = await (await ctx.app.request('/')).text();
    expect(body).toContain('Hilltop &lt;b&gt;Coaching&lt;/b&gt;');
    expect(body).not.toContain('<b>Coaching</b>');
    expect(body).toContain('Riverside &lt;District&gt;');
    // Six places: the newest from each issuer in turn, then Riverside's next newest; its oldest is left out.
    const order = ['Riverside Six', 'Hilltop &lt;b&gt;Coaching', 'Riverside Five', 'Riverside Two'].map((s) => body.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(body).not.toContain('Riverside One');
  });

  it('says so when nothing is published yet', async () => {
    const empty = await createTestContext();
    try {
      const body = await (await empty.app.request('/')).text();
      expect(body).toContain('No micro-credentials are published yet');
      expect(body).not.toContain('See all');
    } finally {
      await empty.close();
    }
  });

  it('sends signed-in people to the app home with a 302', async () => {
    const res = await ctx.app.request('/', { headers: { cookie: owner.cookie ?? '' } });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/app/');
  });

  it('treats an expired or forged session cookie as anonymous', async () => {
    const res = await ctx.app.request('/', { headers: { cookie: 'tessera_session=forged-token' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Featured micro-credentials');
  });
  it('shows the newest published pathways, escaped, each linking to its public page', async () => {
    const before = await (await ctx.app.request('/')).text();
    expect(before).not.toContain('id="pathways-title"');
    const created = await owner.request('POST', 'orgs/hilltop/achievements', {
      ...sampleAchievement('Coaching <i>Certificate</i>'),
      achievementType: 'Certificate',
    });
    expect(created.status, created.text).toBe(201);
    const certificate = String(created.json['id']);
    expect((await owner.request('POST', `orgs/hilltop/achievements/${certificate}/publish`)).status).toBe(200);
    const pathway = await owner.request('POST', 'orgs/hilltop/pathways', {
      name: 'Coaching <script>Path</script>',
      description: 'Two steps.',
      completionAchievementId: certificate,
      groups: [{ id: 'root', name: 'All of it', parentId: null, rule: 'all' }],
      steps: [{ id: 's1', groupId: 'root', accept: { kind: 'achievement', achievementId: published['Hill'] } }],
      precedes: [],
      expiryPolicy: 'keep',
    });
    expect(pathway.status, pathway.text).toBe(201);
    const id = String(pathway.json['id']);
    // A draft pathway is not shown.
    expect(await (await ctx.app.request('/')).text()).not.toContain('Coaching &lt;script&gt;');
    expect((await owner.request('POST', `orgs/hilltop/pathways/${id}/publish`)).status).toBe(200);
    const body = await (await ctx.app.request('/')).text();
    expect(body).toContain('id="pathways-title"');
    expect(body).toContain(`href="/app/catalog/pathways/${id}"`);
    expect(body).toContain('Coaching &lt;script&gt;Path&lt;/script&gt;');
    expect(body).not.toContain('<script>Path');
    expect(body).toContain('1 step toward “Coaching &lt;i&gt;Certificate&lt;/i&gt;” · Hilltop College');
  });
});
