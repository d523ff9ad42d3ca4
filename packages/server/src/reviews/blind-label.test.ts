import { createHash, createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgs } from '../db/schema.js';
import { findOrgBySlug } from '../orgs/store.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { blindLearnerLabel } from './assessor-label.js';

let ctx: TestContext;
let owner: ApiClient;
let achievementId = '';

/** The old, unkeyed label: both inputs are public, so anyone could recompute it. */
const oldLabel = (orgId: string, learnerId: string) =>
  `Learner ${createHash('sha256').update(`${orgId}:${learnerId}`).digest('hex').slice(0, 4).toUpperCase()}`;

async function submitAs(email: string): Promise<string> {
  const learner = new ApiClient(ctx);
  const account = await learner.signUp(email);
  const start = await learner.request('POST', `catalog/${achievementId}/start`);
  const sid = start.json['id'] as string;
  for (const [req, body] of [
    ['plan', { kind: 'text', text: 'plan' }],
    ['transcript', { kind: 'link', url: 'https://example.org/t' }],
    ['reflection', { kind: 'text', text: 'r' }],
  ] as const) {
    await learner.request('PUT', `me/submissions/${sid}/evidence/${req}`, body);
  }
  expect((await learner.request('POST', `me/submissions/${sid}/submit`)).status).toBe(200);
  return (account['account'] as { id: string }).id;
}

beforeAll(async () => {
  ctx = await createTestContext();
  owner = new ApiClient(ctx);
  await owner.signUp('owner@blind.example');
  await owner.request('POST', 'orgs', { slug: 'blind', name: 'Blind' });
  const a = await owner.request('POST', 'orgs/blind/achievements', sampleAchievement());
  achievementId = a.json['id'] as string;
  await owner.request('POST', `orgs/blind/achievements/${achievementId}/publish`);
});
afterAll(async () => ctx.close());

describe('blind-review labels', () => {
  it('are an HMAC under a per-organisation secret: the public sha256(orgId:accountId) no longer matches', async () => {
    const learners = [await submitAs('l1@blind.example'), await submitAs('l2@blind.example'), await submitAs('l3@blind.example')];
    const queue = await owner.request('GET', 'orgs/blind/queue');
    const org = await findOrgBySlug(ctx.deps.db, 'blind');
    if (!org) throw new Error('no org');
    expect(queue.status).toBe(200);
    const labels = queue.json.map((q) => String(q['learnerLabel']));
    for (const l of labels) expect(l).toMatch(/^Learner [0-9A-F]{4}$/);
    // With 4 hex digits one learner could match by chance (1 in 65536); three at once cannot.
    expect(learners.map((id) => oldLabel(org.id, id)).sort()).not.toEqual([...labels].sort());
    // The secret is stored sealed (not in clear) and the label is exactly the keyed MAC of the learner.
    const sealed = org.reviewLabelSecret;
    expect(sealed).toMatch(/^v\d+\./);
    const secret = ctx.deps.keyring.open(sealed ?? '', `tessera:review-label:${org.id}`);
    const expected = learners.map(
      (id) => `Learner ${createHmac('sha256', secret).update(`learner:${id}`).digest('hex').slice(0, 4).toUpperCase()}`,
    );
    expect([...labels].sort()).toEqual([...expected].sort());
    // Nothing the API returns about the organisation carries the secret.
    expect((await owner.request('GET', 'orgs/blind')).text).not.toContain(sealed ?? '-');
  });

  it('is stable per (organisation, learner) and made lazily for organisations that had none', async () => {
    const org = await findOrgBySlug(ctx.deps.db, 'blind');
    if (!org) throw new Error('no org');
    const first = await blindLearnerLabel(ctx.deps, org, 'acc_stable');
    expect(await blindLearnerLabel(ctx.deps, { id: org.id, reviewLabelSecret: null }, 'acc_stable')).toBe(first);
    await ctx.deps.db.update(orgs).set({ reviewLabelSecret: null }).where(eq(orgs.id, org.id));
    const [a, b] = await Promise.all([
      blindLearnerLabel(ctx.deps, { id: org.id, reviewLabelSecret: null }, 'acc_x'),
      blindLearnerLabel(ctx.deps, { id: org.id, reviewLabelSecret: null }, 'acc_x'),
    ]);
    expect(a).toBe(b);
    expect((await findOrgBySlug(ctx.deps.db, 'blind'))?.reviewLabelSecret).toMatch(/^v\d+\./);
  });
});
