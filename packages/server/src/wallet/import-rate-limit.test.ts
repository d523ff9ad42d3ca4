import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';

const SIMPLE = readFileSync(new URL('../../../credentials/test/fixtures/1edtech-validator/ob30/simple.json', import.meta.url), 'utf8');

describe('wallet import rate limit', () => {
  let ctx: TestContext;
  let learner: ApiClient;
  let other: ApiClient;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { TESSERA_WALLET_IMPORTS_PER_MINUTE: '2' } });
    learner = new ApiClient(ctx);
    await learner.signUp('importer@example.org');
    other = new ApiClient(ctx);
    await other.signUp('other-importer@example.org');
  });
  afterAll(async () => ctx?.close());

  it('answers 429 problem with retry-after once an account exceeds its imports per minute (re-verifying counts too)', async () => {
    const first = await learner.request('POST', 'me/wallet/imports', { text: SIMPLE });
    expect(first.status).toBe(201);
    const again = await learner.request('POST', `me/wallet/imports/${String(first.json['id'])}/verify`);
    expect(again.status).toBe(200);
    const third = await learner.request('POST', 'me/wallet/imports', { text: SIMPLE });
    expect(third.status).toBe(429);
    expect(third.headers.get('content-type')).toContain('application/problem+json');
    expect(third.json['code']).toBe('rate_limited');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await learner.request('POST', `me/wallet/imports/${String(first.json['id'])}/verify`)).status).toBe(429);
    // Nothing was stored by the refused import; another account has its own allowance.
    expect(((await learner.request('GET', 'me/wallet')).json['imported'] as unknown[]).length).toBe(1);
    expect((await other.request('POST', 'me/wallet/imports', { text: SIMPLE })).status).toBe(201);
  });
});
