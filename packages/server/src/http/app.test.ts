import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('HTTP platform', () => {
  it('answers /healthz after checking the database', async () => {
    const res = await ctx.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: ctx.deps.dbKind });
  });

  it('puts a request id and security headers on every response', async () => {
    const res = await ctx.app.request('/healthz');
    expect(res.headers.get('x-request-id')).toMatch(/.{8,}/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends HSTS when served over TLS', async () => {
    const tls = await createTestContext({ env: { TESSERA_BASE_URL: 'https://badges.example.edu' } });
    try {
      const res = await tls.app.request('/healthz');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      await tls.close();
    }
  });

  it('maps unknown routes and malformed JSON to problem+json', async () => {
    const missing = await ctx.app.request('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const body = (await missing.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 404, code: 'not_found', title: 'Not found' });
    expect(body['requestId']).toBe(missing.headers.get('x-request-id'));
    const malformed = await ctx.app.request('/api/v1/auth/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('limits the request body size', async () => {
    const big = JSON.stringify({ email: 'a@b.example', name: 'x'.repeat(1_100_000), password: 'long enough password' });
    const res = await ctx.app.request('/api/v1/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe('payload_too_large');
  });

  it('publishes an OpenAPI 3.1 document generated from the zod schemas, and the docs page', async () => {
    const res = await ctx.app.request('/api/v1/openapi.json');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/v1/auth/signup',
      '/api/v1/orgs',
      '/api/v1/orgs/{slug}/members/{accountId}',
      '/api/v1/orgs/{slug}/audit',
      '/api/v1/admin/outbox',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(JSON.stringify(doc.paths['/api/v1/auth/signup']?.['post']?.requestBody)).toContain('password');
    const docs = await ctx.app.request('/api/docs');
    expect(await docs.text()).toContain('/api/docs/assets/swagger-ui-bundle.js');
    const asset = await ctx.app.request('/api/docs/assets/swagger-ui-bundle.js');
    expect(asset.status).toBe(200);
    expect((await ctx.app.request('/api/docs/assets/..%2F..%2Fpackage.json')).status).toBe(404);
  });

  it('marks API responses as not cacheable', async () => {
    const c = new ApiClient(ctx);
    await c.signUp('cache@example.org');
    const res = await c.request('GET', 'auth/session');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
