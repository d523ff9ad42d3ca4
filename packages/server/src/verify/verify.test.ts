import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentials } from '../db/schema.js';
import { seedDemo } from '../seed/demo.js';
import { createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';
import { credentialJwt } from '../credentials/index.js';
import { credentialColumns } from '../credentials/index.js';

const OB30 = new URL('../../../credentials/test/fixtures/1edtech-validator/ob30/', import.meta.url);
const CLR20 = new URL('../../../credentials/test/fixtures/1edtech-validator/clr20/', import.meta.url);
const OB20 = new URL('../../../credentials/test/fixtures/1edtech-validator/ob20/', import.meta.url);

let ctx: TestContext;
async function post(body: Uint8Array | string, type: string, headers: Record<string, string> = {}) {
  const res = await ctx.app.request('/api/v1/verify', { method: 'POST', headers: { 'content-type': type, ...headers }, body });
  return {
    status: res.status,
    json: (await res.json()) as {
      verdict?: string;
      steps?: Array<{ id: string; status: string; message: string }>;
      code?: string;
      errors?: unknown[];
    },
  };
}
const fixture = (name: string, dir = OB30) => new Uint8Array(readFileSync(new URL(name, dir)));

beforeAll(async () => {
  ctx = await createTestContext({ env: { TESSERA_VERIFY_PER_MINUTE: '200' } });
  await seedDemo(ctx.deps);
});
afterAll(async () => ctx?.close());

describe('POST /api/v1/verify (no account needed)', () => {
  // 1EdTech's samples name https issuers whose profiles (which would list the keys) are not reachable from a
  // test: every check passes except the issuer binding, which stays open (README, "What Valid means").
  it.each([
    ['simple.json', 'application/json', 'indeterminate'],
    ['simple.json', 'application/vc+ld+json', 'indeterminate'],
    ['simple-json.png', 'image/png', 'indeterminate'],
    ['simple-jwt.png', 'image/png', 'indeterminate'],
    ['simple-json.svg', 'image/svg+xml', 'indeterminate'],
    ['simple-jwt.svg', 'image/svg+xml', 'indeterminate'],
    ['simple-jwt_v1.png', 'image/png', 'indeterminate'],
    ['simple_v1.json', 'application/json', 'indeterminate'],
    ['endorsement-valid.json', 'application/json', 'indeterminate'],
    ['simple-err-proof-value.json', 'application/json', 'invalid'],
    ['simple-err-expired.json', 'application/json', 'invalid'],
    ['simple-noproof.json', 'application/json', 'invalid'],
    ['simple.jwt', 'text/plain', 'invalid'],
    ['velocity.jwt', 'application/jwt', 'invalid'],
  ])('%s as %s → %s', async (name, type, verdict) => {
    const r = await post(fixture(name), type);
    expect(r.status).toBe(200);
    expect(r.json.verdict, JSON.stringify(r.json.steps)).toBe(verdict);
    expect(r.json.steps?.[0]?.id).toBe('parse');
    if (verdict === 'indeterminate')
      expect(r.json.steps?.filter((s) => s.status === 'unknown' || s.status === 'failed').map((s) => s.id)).toEqual(['issuer']);
  });

  // This server fetches nothing from other hosts in tests, so what lives at example.org (badge classes,
  // issuer profiles, keys, hosted copies) is reported as not checked; what the assertion itself shows is checked.
  it.each([
    ['simple.jwt', 'application/jwt', 'indeterminate', 'proof.jws', 'unknown'],
    ['simple-badge.png', 'image/png', 'indeterminate', 'ob2.hosted', 'unknown'],
    ['basic-assertion.json', 'application/json', 'indeterminate', 'ob2.badge', 'unknown'],
    ['basic-assertion-expired.json', 'application/json', 'invalid', 'dates', 'failed'],
    ['basic-assertion-in-future.json', 'application/json', 'invalid', 'dates', 'failed'],
    ['basic-assertion-invalid-context.json', 'application/json', 'invalid', 'context', 'failed'],
    ['basic-assertion-invalid-type.json', 'application/json', 'invalid', 'type', 'failed'],
  ])('OB 2.0 %s as %s → %s (%s %s)', async (name, type, verdict, id, status) => {
    const r = await post(fixture(name, OB20), type);
    expect(r.status).toBe(200);
    expect(r.json.verdict, JSON.stringify(r.json.steps)).toBe(verdict);
    expect(r.json.steps?.find((s) => s.id === 'format')).toMatchObject({
      status: 'passed',
      message: expect.stringContaining('Open Badges 2.0'),
    });
    expect(r.json.steps?.find((s) => s.id === id)?.status, JSON.stringify(r.json.steps)).toBe(status);
  });

  it('reads a CLR 2.0 JWT form and reports what it cannot check instead of passing it', async () => {
    const r = await post(fixture('simple.jwt', CLR20), 'text/plain');
    expect(r.status).toBe(200);
    expect(r.json.verdict).not.toBe('valid');
  });

  it('verifies a credential this server issued, by URL and as JSON, against its own DID document and status lists', async () => {
    const [row] = await ctx.deps.db.select(credentialColumns).from(credentials).limit(1);
    expect(row).toBeDefined();
    // The credential id is its public page URL.
    expect(row?.id).toMatch(/^http:\/\/tessera\.test\/credentials\//);
    const byUrl = await post(JSON.stringify({ url: row?.id }), 'application/json');
    expect(byUrl.json.verdict, JSON.stringify(byUrl.json.steps)).toBe('valid');
    // The demo district issues with one (revocation) status entry, as OB 3.0's schema requires.
    expect(byUrl.json.steps?.filter((s) => s.id.startsWith('status.')).map((s) => [s.id, s.status])).toEqual([
      ['status.revocation', 'passed'],
    ]);
    const byBody = await post(JSON.stringify(row?.document), 'application/vc+ld+json');
    expect(byBody.json.verdict).toBe('valid');
    if (!row) throw new Error('no credential');
    expect((await post(await credentialJwt(ctx.deps, row), 'application/jwt')).json.verdict).toBe('valid');
  });

  it('refuses other hosts’ URLs, unsupported media types and empty bodies with problem details', async () => {
    const remote = await post(JSON.stringify({ url: 'https://elsewhere.example/credential.json' }), 'application/json');
    expect(remote.status).toBe(400);
    expect(remote.json.errors).toEqual([{ path: 'url', message: 'Fetching from other hosts is not enabled' }]);
    expect((await post('<p>hi</p>', 'text/html')).status).toBe(415);
    expect((await post('', 'application/json')).status).toBe(400);
    const garbage = await post('not a credential', 'text/plain');
    expect(garbage.json).toMatchObject({ verdict: 'invalid', steps: [{ id: 'parse', status: 'failed' }] });
  });

  it('returns each embedded endorsement’s own outcome (the shared contract keeps them); one that does not verify has no copy to show', async () => {
    const endorsement = JSON.parse(Buffer.from(fixture('endorsement-valid.json')).toString('utf8')) as Record<string, unknown>;
    const tampered = {
      ...endorsement,
      credentialSubject: { ...(endorsement['credentialSubject'] as object), endorsementComment: 'Forged praise' },
    };
    const credential = {
      ...(JSON.parse(Buffer.from(fixture('simple.json')).toString('utf8')) as object),
      endorsement: [endorsement, tampered],
    };
    const r = await post(JSON.stringify(credential), 'application/json');
    expect(r.status).toBe(200);
    const body = r.json as {
      endorsements?: Array<{ index: number; outcome: string; credential: unknown }>;
      steps?: Array<{ id: string; status: string; message: string }>;
    };
    // This server fetches nothing in tests, so the sample endorser's key cannot be tied to it: not shown either.
    expect(body.endorsements, JSON.stringify(body.steps)).toEqual([
      { index: 0, outcome: 'rejected', credential: null },
      { index: 1, outcome: 'rejected', credential: null },
    ]);
    expect(body.steps?.filter((s) => s.id.startsWith('endorsement[')).map((s) => [s.id, s.status])).toEqual([
      ['endorsement[0]', 'warning'],
      ['endorsement[1]', 'warning'],
    ]);
  });

  it('accepts cross-site calls (it reads and changes nothing of the caller’s)', async () => {
    const r = await post(fixture('simple.json'), 'application/json', { origin: 'https://employer.example' });
    expect(r.status).toBe(200);
  });
});

describe('verification rate limit', () => {
  let limited: TestContext;
  beforeAll(async () => {
    limited = await createTestContext({ env: { TESSERA_VERIFY_PER_MINUTE: '3' } });
  });
  afterAll(async () => limited?.close());

  it('answers 429 with retry-after once a client exceeds the per-minute limit', async () => {
    const statuses: number[] = [];
    let retry: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await limited.app.request('/api/v1/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: readFileSync(new URL('simple.json', OB30)),
      });
      statuses.push(res.status);
      if (res.status === 429) retry = res.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retry)).toBeGreaterThan(0);
  });
});
