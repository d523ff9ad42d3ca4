import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';
import { MAX_JSON_DEPTH } from './json-depth.js';
import { Budget, VerifyPool } from './pool.js';

const OB30 = new URL('../../../credentials/test/fixtures/1edtech-validator/ob30/', import.meta.url);
const DEEP = 100_000;
/** 100,000 nested objects: JSON.parse reads it, everything after it would overflow the stack. */
const deepJson = `{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"credentialSubject":${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}}`;
const b64 = (s: string) => Buffer.from(s).toString('base64url');
const deepJwt = `${b64('{"alg":"EdDSA"}')}.${b64(deepJson)}.c2ln`;
const deepInSvg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential><![CDATA[${deepJson}]]></openbadges:credential></svg>`;
/** Nested far enough to block the event loop for seconds in a parser whose cost grows with depth. */
const nestedSvg = (depth: number) => `<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(depth)}${'</g>'.repeat(depth)}</svg>`;
/** Flat, valid and large: legal to parse, but slower than a tight budget. */
const wideSvg = `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(2_000_000)}</svg>`;

type Problem = {
  status: number;
  json: { code?: string; detail?: string; verdict?: string; steps?: Array<{ id: string; status: string; message: string }> };
};
async function verify(ctx: TestContext, body: string | Uint8Array, type: string): Promise<Problem> {
  const res = await ctx.app.request('/api/v1/verify', { method: 'POST', headers: { 'content-type': type }, body });
  return { status: res.status, json: (await res.json()) as Problem['json'] };
}

describe('deeply nested JSON is a 400 problem, not a stack overflow', () => {
  let ctx: TestContext;
  let learner: ApiClient;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { TESSERA_VERIFY_PER_MINUTE: '1000' } });
    learner = new ApiClient(ctx);
    await learner.signUp('deep@example.org');
  });
  afterAll(async () => ctx?.close());

  it.each([
    ['JSON', deepJson, 'application/json'],
    ['JSON-LD', deepJson, 'application/vc+ld+json'],
    ['a JWT payload', deepJwt, 'text/plain'],
    ['a baked SVG', deepInSvg, 'image/svg+xml'],
  ])('POST /api/v1/verify: 100,000 levels in %s', async (_, body, type) => {
    const r = await verify(ctx, body, type);
    expect(r.status).toBe(400);
    expect(r.json.code).toBe('validation_failed');
    expect(r.json.detail).toBe(`The credential nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep`);
  });

  it('wallet imports: pasted and uploaded, and nothing is stored', async () => {
    const pasted = await learner.request('POST', 'me/wallet/imports', { text: deepJson });
    expect(pasted.status).toBe(400);
    expect(pasted.json['detail']).toContain(`more than ${MAX_JSON_DEPTH} levels deep`);
    const uploaded = await learner.request('POST', 'me/wallet/imports', deepJson, { 'content-type': 'application/vc+ld+json' });
    expect(uploaded.status).toBe(400);
    expect(uploaded.json['detail']).toContain(`more than ${MAX_JSON_DEPTH} levels deep`);
    expect((await learner.request('GET', 'me/wallet')).json['imported']).toEqual([]);
  });

  it('ordinary credentials are still read (the limit is far above real nesting)', async () => {
    const r = await verify(ctx, readFileSync(new URL('simple.json', OB30)), 'application/json');
    expect(r.status).toBe(200);
    expect(r.json.steps?.[0]).toMatchObject({ id: 'parse', status: 'passed' });
  });
});

describe('verification runs in a worker pool with a time budget', () => {
  let ctx: TestContext;
  let pool: VerifyPool;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { TESSERA_VERIFY_PER_MINUTE: '1000', TESSERA_VERIFY_TIMEOUT_MS: '300' } });
    pool = new VerifyPool({ threads: 1, maxQueue: 8 });
    ctx.deps.verifier = pool;
  });
  afterAll(async () => {
    await pool?.close();
    await ctx?.close();
  });

  it('an input that runs over the budget ends indeterminate ("took too long"), and its worker is replaced', async () => {
    const warm = await verify(ctx, readFileSync(new URL('simple.json', OB30)), 'application/json');
    expect(warm.status).toBe(200);
    const before = pool.threadIds;
    const r = await verify(ctx, wideSvg, 'image/svg+xml');
    expect(r.status).toBe(200);
    expect(r.json.verdict).toBe('indeterminate');
    expect(r.json.steps).toEqual([
      {
        id: 'time',
        status: 'unknown',
        message: 'Verification took too long: it was stopped after 300 ms, so this credential could not be checked',
      },
    ]);
    // The worker that ran over was terminated; a fresh one serves the next request.
    expect(before).toHaveLength(1);
    await expect.poll(() => pool.threadIds.join()).not.toBe(before.join());
    await expect.poll(() => pool.threadIds.length).toBe(1);
    expect(pool.threadIds).not.toContain(before[0]);
    const after = await verify(ctx, readFileSync(new URL('simple.json', OB30)), 'application/json');
    expect(after.json.steps?.[0]).toMatchObject({ id: 'parse', status: 'passed' });
  });
});

describe('/healthz answers while hostile inputs are verified', () => {
  let ctx: TestContext;
  let pool: VerifyPool;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { TESSERA_VERIFY_PER_MINUTE: '1000' } });
    pool = new VerifyPool({ threads: 1, maxQueue: 16 });
    ctx.deps.verifier = pool;
    // Start the worker before timing anything.
    expect((await verify(ctx, readFileSync(new URL('simple.json', OB30)), 'application/json')).status).toBe(200);
  });
  afterAll(async () => {
    await pool?.close();
    await ctx?.close();
  });

  it('stays well under a second at p99 (nested SVG, wide SVG, deep JSON and JWT in flight)', async () => {
    const hostile = [
      verify(ctx, nestedSvg(20_000), 'image/svg+xml'),
      verify(ctx, wideSvg, 'image/svg+xml'),
      verify(ctx, deepJson, 'application/json'),
      verify(ctx, deepJwt, 'application/jwt'),
      verify(ctx, nestedSvg(100_000), 'image/svg+xml'),
    ];
    let done = false;
    const all = Promise.all(hostile).finally(() => {
      done = true;
    });
    const latencies: number[] = [];
    while (!done) {
      const start = performance.now();
      const res = await ctx.app.request('/healthz');
      latencies.push(performance.now() - start);
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 10));
    }
    const results = await all;
    expect(results.map((r) => r.status)).toEqual([200, 200, 400, 400, 200]);
    expect(results[0]?.json.steps?.[0]?.message).toContain('more than 64 deep');
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0;
    console.log(
      `/healthz under hostile load: ${latencies.length} probes, p50 ${latencies[Math.floor(latencies.length / 2)]?.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms`,
    );
    expect(latencies.length).toBeGreaterThan(3);
    expect(p99).toBeLessThan(1000);
  });
});

describe('a full verification queue', () => {
  it('answers 503 busy (with retry-after) instead of queueing without bound', async () => {
    const pool = new VerifyPool({ threads: 1, maxQueue: 1 });
    const task = { subject: new TextEncoder().encode(wideSvg), now: new Date(), checkDepth: true, fetch: null };
    // A ready worker: the first slow task runs at once, the second waits in the queue, the third finds it full.
    expect((await pool.run({ ...task, subject: readFileSync(new URL('simple.json', OB30)) }, new Budget(60_000))).kind).toBe('report');
    const running = [pool.run(task, new Budget(60_000)), pool.run(task, new Budget(60_000))];
    running.forEach((p) => p.catch(() => undefined));
    await expect(pool.run(task, new Budget(60_000))).rejects.toMatchObject({
      code: 'unavailable',
      status: 503,
      headers: { 'retry-after': '5' },
    });
    await pool.close();
  });
});
