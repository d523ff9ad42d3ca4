import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { mergeCsp } from './app.js';
import { problemResponse } from './problem.js';

let ctx: TestContext;
let owner: ApiClient;
let fileId = '';
let achievementId = '';

const directives = (csp: string | null) =>
  new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0] ?? '', d] as const),
  );

beforeAll(async () => {
  ctx = await createTestContext();
  owner = new ApiClient(ctx);
  await owner.signUp('owner@riverside.test');
  await owner.request('POST', 'orgs', { slug: 'riverside', name: 'Riverside School District' });
  const form = new FormData();
  form.set('file', new File(['<script>alert(1)</script>'], 'notes.txt'));
  form.set('purpose', 'evidence');
  const up = await ctx.app.request('/api/v1/files', {
    method: 'POST',
    body: form,
    headers: { cookie: owner.cookie ?? '', 'x-csrf-token': owner.csrf ?? '' },
  });
  fileId = ((await up.json()) as { id: string }).id;
  achievementId = (await owner.request('POST', 'orgs/riverside/achievements', sampleAchievement())).json['id'] as string;
  await owner.request('POST', `orgs/riverside/achievements/${achievementId}/publish`);
});
afterAll(async () => ctx.close());

describe('per-route Content-Security-Policy', () => {
  it('keeps the sandbox policy of file downloads instead of the site-wide one', async () => {
    const res = await owner.request('GET', `files/${fileId}`);
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toBe("default-src 'none'");
    expect(csp.get('sandbox')).toBe('sandbox');
    expect(csp.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(csp.has('script-src')).toBe(false); // the site-wide script-src 'self' would loosen default-src 'none'
  });

  it('keeps the sandbox policy of micro-credential media', async () => {
    const res = await ctx.app.request(`/media/achievements/${achievementId}/image`);
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toBe("default-src 'none'");
    expect(csp.get('sandbox')).toBe('sandbox');
    expect(csp.has('img-src')).toBe(false);
  });

  it('still sends the site-wide policy where a route sets none', async () => {
    const csp = directives((await ctx.app.request('/healthz')).headers.get('content-security-policy'));
    expect(csp.get('default-src')).toBe("default-src 'self'");
    expect(csp.has('sandbox')).toBe(false);
  });

  it('merges: the route policy whole, plus the non-fetch directives it lacks', () => {
    expect(mergeCsp("default-src 'none'; sandbox", "default-src 'self'; img-src https:; base-uri 'self'; frame-ancestors 'none'")).toBe(
      "default-src 'none'; sandbox; base-uri 'self'; frame-ancestors 'none'",
    );
    expect(mergeCsp("img-src 'none'", "default-src 'self'; img-src https:")).toBe("img-src 'none'; default-src 'self'");
  });
});

describe('malformed requests are 400 problems, never 500', () => {
  it.each(['q', 'skill', 'org', 'type'])('a NUL byte in the catalog filter %s', async (name) => {
    const res = await ctx.app.request(`/api/v1/catalog?${name}=a%00b`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(((await res.json()) as { code: string }).code).toMatch(/bad_request|validation_failed/);
  });

  it.each([
    '/app/%E0%A4%A',
    '/app/%zz',
    '/app/settings/%',
    '/api/v1/credentials/%E0%A4%A',
    '/api/v1/credentials/%',
    '/api/v1/files/%00',
    '/credentials/%ff%fe',
  ])('malformed percent-encoding or a NUL byte in the path %s', async (path) => {
    const res = await ctx.app.request(path);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await res.json()).toMatchObject({ code: 'bad_request', status: 400 });
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('still serves well-formed percent-encoding', async () => {
    expect((await ctx.app.request(`/api/v1/catalog?q=${encodeURIComponent('discussions %')}`)).status).toBe(200);
    expect((await ctx.app.request('/api/v1/catalog?q=%2500')).status).toBe(200);
  });

  it('maps a stray URIError or a database encoding error to 400 (the safety net behind the check)', async () => {
    expect(problemResponse(new URIError('URI malformed'), {}).status).toBe(400);
    const drizzleLike = Object.assign(new Error('Failed query'), {
      cause: Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }),
    });
    expect(problemResponse(drizzleLike, {}).status).toBe(400);
    expect(problemResponse(new Error('boom'), {}).status).toBe(500);
  });
});
