// The demo logins `npm start` prints, and the demo guard, cover the partner organisations' accounts too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccount } from '../accounts/index.js';
import type { TestContext } from '../testing/harness.js';
import { createTestContext } from '../testing/harness.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoLoginText } from './demo.js';
import { presentDemoAccounts } from './demo-guard.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('demo logins', () => {
  it('prints every district login and the agency and employer logins with what they are for', () => {
    const text = demoLoginText();
    expect(text).toContain(`password for all: ${DEMO_PASSWORD}`);
    for (const a of DEMO_ACCOUNTS) expect(text).toContain(a.email);
    expect(text).toMatch(/licensing@state-education\.example +owner of State Department of Education \(state agency\): recognition rules/);
    expect(text).toMatch(/hiring@northwind\.example +owner of Northwind Online Academy \(employer\): endorsements, co-design reviews/);
  });

  it('the demo guard counts a partner account (same published password) as a demo account', async () => {
    expect(await presentDemoAccounts(ctx.deps)).toEqual([]);
    const now = new Date();
    await insertAccount(ctx.deps.db, {
      id: 'acc_agencydemo',
      email: 'licensing@state-education.example',
      name: 'Renee Walker',
      passwordHash: 'x',
      isPlatformAdmin: false,
      createdAt: now,
      updatedAt: now,
    });
    expect(await presentDemoAccounts(ctx.deps)).toEqual(['licensing@state-education.example']);
  });
});
