import { Submission, SubmissionSummary } from '@tessera/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';

// Issue 14: "My learning" said PASSED for a submission whose credential had been revoked. The learner's list
// and the submission itself now carry the current credential's status.

let ctx: TestContext;
let learner: ApiClient;
let owner: ApiClient;

async function signIn(email: string) {
  const client = new ApiClient(ctx);
  expect((await client.request('POST', 'auth/signin', { email, password: DEMO_PASSWORD })).status).toBe(200);
  return client;
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  learner = await signIn('learner@riverside.example');
  owner = await signIn('owner@riverside.example');
});
afterAll(async () => ctx?.close());

const List = z.array(SubmissionSummary);

describe('the credential status of a learner’s submissions', () => {
  it('is active for an earned credential, null without one, and revoked once the issuer revokes it', async () => {
    const before = List.parse((await learner.request('GET', 'me/submissions')).json);
    const passed = before.filter((s) => s.state === 'passed');
    expect(passed.length).toBeGreaterThan(1);
    expect(passed.every((s) => s.credentialStatus === 'active')).toBe(true);
    expect(before.filter((s) => s.credentialId === null).every((s) => s.credentialStatus === null)).toBe(true);

    const [target, untouched] = passed;
    const revoked = await owner.request('POST', `orgs/riverside/credentials/${encodeURIComponent(target?.credentialId ?? '')}/revoke`, {
      reason: 'Issued in error',
    });
    expect(revoked.status).toBe(200);

    const after = List.parse((await learner.request('GET', 'me/submissions')).json);
    expect(after.find((s) => s.id === target?.id)?.credentialStatus).toBe('revoked');
    expect(after.find((s) => s.id === untouched?.id)?.credentialStatus).toBe('active');
    const one = Submission.parse((await learner.request('GET', `me/submissions/${target?.id ?? ''}`)).json);
    expect(one.state).toBe('passed');
    expect(one.credentialStatus).toBe('revoked');
  });
});
