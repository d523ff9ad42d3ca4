import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.js';
import type { TestContext } from '../testing/harness.js';
import { createTestContext } from '../testing/harness.js';
import { pickEncoding } from './compression.js';
import { acceptPrefersHtml, wantsProblemJson } from './problem.js';

/** What Chromium sends when it loads a page. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

let ctx: TestContext;
let dist: string;
/** A hashed bundle (20 KB) with a precompressed .br sibling whose content differs, to tell which was sent. */
const APP_JS = `export const app = ${JSON.stringify('x'.repeat(20_000))};\n`;
const APP_JS_PRECOMPRESSED = `/* precompressed */ ${APP_JS}`;
/** A bundle with no sibling: compressed on the fly. */
const VENDOR_JS = `export const vendor = [${Array.from({ length: 2000 }, (_, i) => i).join(',')}];\n`;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4000, 7)]);

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'tessera-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    `<!doctype html><html lang="en"><head><title>Tessera</title></head><body><div id="root"></div>${'<!-- pad -->'.repeat(200)}</body></html>`,
  );
  writeFileSync(join(dist, 'assets', 'app-3f9a1c.js'), APP_JS);
  writeFileSync(join(dist, 'assets', 'app-3f9a1c.js.br'), brotliCompressSync(APP_JS_PRECOMPRESSED));
  writeFileSync(join(dist, 'assets', 'vendor-77aa01.js'), VENDOR_JS);
  writeFileSync(join(dist, 'assets', 'logo-1b2c3d.png'), PNG);
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><title>built</title></svg>');
  ctx = await createTestContext({ env: { TESSERA_WEB_DIST: dist } });
  // Test-only routes on this file's own app, added before it serves its first request.
  ctx.app.get('/test-only/boom', () => {
    throw new Error('secret internal detail: connection string postgres://u:p@db');
  });
  ctx.app.get('/test-only/forbidden', () => {
    throw new AppError('forbidden', 'Only the owner can see this page');
  });
  ctx.app.get('/test-only/logo.png', (c) => c.body(new Uint8Array(PNG), 200, { 'content-type': 'image/png' }));
  ctx.app.get('/test-only/small.json', (c) => c.json({ ok: true }));
});
afterAll(async () => {
  await ctx.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('error pages: HTML for browsers, problem+json for API clients', () => {
  it('answers a browser asking for an unknown credential with an HTML 404 page', async () => {
    const res = await ctx.app.request('/credentials/does-not-exist', { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('vary')).toMatch(/accept/i);
    const body = await res.text();
    expect(body).toContain('We couldn&#39;t find that credential');
    expect(body).toContain('may be private');
    for (const href of ['/', '/app/verify', '/app/catalog']) expect(body).toContain(`href="${href}"`);
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    expect(body).toContain(`<code>${requestId}</code>`);
    expect(body).toContain('<main id="main">');
  });

  it('answers a JSON client asking for the same credential with problem+json', async () => {
    for (const accept of ['application/json', 'application/problem+json', 'application/vc+ld+json', 'text/html;q=0.5, application/json']) {
      const res = await ctx.app.request('/credentials/does-not-exist', { headers: { accept } });
      expect(res.status, accept).toBe(404);
      expect(res.headers.get('content-type'), accept).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 404, code: 'not_found', instance: '/credentials/does-not-exist' });
    }
  });

  it('names the missing thing for profiles and unknown pages', async () => {
    const person = await ctx.app.request('/people/acc_nobody', { headers: { accept: BROWSER_ACCEPT } });
    expect(person.status).toBe(404);
    expect(await person.text()).toContain('We couldn&#39;t find that profile');
    const page = await ctx.app.request('/no/such/page', { headers: { accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('We couldn&#39;t find that page');
  });

  it('keeps problem+json on API paths even for a browser', async () => {
    for (const path of ['/api/v1/nope', '/ims/ob/v3p0/nope', '/.well-known/nope', '/orgs/nobody/status/list-1', '/orgs/nobody/did.json']) {
      const res = await ctx.app.request(path, { headers: { accept: BROWSER_ACCEPT } });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/problem\+json/);
      expect(((await res.json()) as { requestId: string }).requestId).toBe(res.headers.get('x-request-id'));
    }
  });

  it('shows a 500 page without the internal detail, and problem+json to JSON clients', async () => {
    const res = await ctx.app.request('/test-only/boom', { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const body = await res.text();
    expect(body).toContain('Something went wrong on our side');
    expect(body).not.toContain('secret internal detail');
    expect(body).toContain(`<code>${res.headers.get('x-request-id')}</code>`);
    const api = await ctx.app.request('/test-only/boom', { headers: { accept: 'application/json' } });
    expect(api.status).toBe(500);
    expect(await api.json()).toMatchObject({ code: 'internal' });
  });

  it('shows a 403 page for an AppError thrown from a non-API route', async () => {
    const res = await ctx.app.request('/test-only/forbidden', { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(403);
    const body = await res.text();
    expect(body).toContain('You don&#39;t have access to this page');
    expect(body).toContain('Only the owner can see this page');
  });

  it('negotiates by Accept order and quality, with wildcards counting for neither', () => {
    expect(acceptPrefersHtml(BROWSER_ACCEPT)).toBe(true);
    expect(acceptPrefersHtml('application/json, text/html')).toBe(false);
    expect(acceptPrefersHtml('text/html, application/json')).toBe(true);
    expect(acceptPrefersHtml('application/json;q=0.9, text/html')).toBe(true);
    expect(acceptPrefersHtml('text/html;q=0, application/json;q=0.1')).toBe(false);
    expect(acceptPrefersHtml('*/*')).toBe(false);
    expect(acceptPrefersHtml(undefined)).toBe(false);
    expect(wantsProblemJson('/credentials/abc/credential.json', BROWSER_ACCEPT)).toBe(true);
    expect(wantsProblemJson('/credentials/abc', BROWSER_ACCEPT)).toBe(false);
  });
});

describe('favicon', () => {
  it('serves /favicon.svg from the web build, cached, and redirects /favicon.ico to it', async () => {
    const res = await ctx.app.request('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    expect(await res.text()).toContain('<title>built</title>');
    const ico = await ctx.app.request('/favicon.ico');
    expect(ico.status).toBe(301);
    expect(ico.headers.get('location')).toBe('/favicon.svg');
  });

  it('falls back to the web package source when the UI is not built', async () => {
    const unbuilt = mkdtempSync(join(tmpdir(), 'tessera-nodist-'));
    const fresh = await createTestContext({ env: { TESSERA_WEB_DIST: unbuilt } });
    try {
      const res = await fresh.app.request('/favicon.svg');
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(readFileSync(new URL('../../../web/public/favicon.svg', import.meta.url), 'utf8'));
    } finally {
      await fresh.close();
      rmSync(unbuilt, { recursive: true, force: true });
    }
  });
});

describe('static assets: compression and caching', () => {
  it('sends the precompressed brotli sibling to a client that accepts br', async () => {
    const res = await ctx.app.request('/app/assets/app-3f9a1c.js', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(APP_JS_PRECOMPRESSED);
  });

  it('compresses with gzip on the fly when there is no .gz sibling and only gzip is accepted', async () => {
    for (const header of ['gzip', 'br;q=0, gzip']) {
      const res = await ctx.app.request('/app/assets/app-3f9a1c.js', { headers: { 'accept-encoding': header } });
      expect(res.headers.get('content-encoding'), header).toBe('gzip');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(APP_JS);
    }
  });

  it('compresses a file without siblings with brotli on the fly, the same bytes each time', async () => {
    const first = await ctx.app.request('/app/assets/vendor-77aa01.js', { headers: { 'accept-encoding': 'br' } });
    expect(first.headers.get('content-encoding')).toBe('br');
    const a = Buffer.from(await first.arrayBuffer());
    expect(a.byteLength).toBeLessThan(VENDOR_JS.length / 2);
    expect(brotliDecompressSync(a).toString()).toBe(VENDOR_JS);
    const again = Buffer.from(
      await (await ctx.app.request('/app/assets/vendor-77aa01.js', { headers: { 'accept-encoding': 'br' } })).arrayBuffer(),
    );
    expect(again.equals(a)).toBe(true);
  });

  it('sends identity to a client that accepts no compression', async () => {
    const res = await ctx.app.request('/app/assets/app-3f9a1c.js');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe(APP_JS);
  });

  it('never compresses images, and serves index.html for app routes with no-cache', async () => {
    const png = await ctx.app.request('/app/assets/logo-1b2c3d.png', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(png.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await png.arrayBuffer()).equals(PNG)).toBe(true);
    for (const path of ['/app/', '/app/catalog']) {
      const res = await ctx.app.request(path, { headers: { 'accept-encoding': 'br' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(res.headers.get('content-encoding'), path).toBe('br');
      expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toContain('<div id="root"></div>');
    }
  });

  it('answers 304 to a matching If-None-Match and 404 to a missing hashed asset', async () => {
    const res = await ctx.app.request('/app/assets/app-3f9a1c.js', { headers: { 'accept-encoding': 'br' } });
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/-br"$/);
    const again = await ctx.app.request('/app/assets/app-3f9a1c.js', { headers: { 'accept-encoding': 'br', 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    // The identity copy has its own ETag: a cached brotli body is never reused for it.
    expect((await ctx.app.request('/app/assets/app-3f9a1c.js', { headers: { 'if-none-match': etag ?? '' } })).status).toBe(200);
    expect((await ctx.app.request('/app/assets/missing-000000.js')).status).toBe(404);
  });

  it('reads Accept-Encoding quality values', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('br;q=0.5, gzip')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
});

describe('dynamic responses: compressed above 1 KB', () => {
  it('compresses a server-rendered page and an error page, with vary: accept-encoding', async () => {
    const landing = await ctx.app.request('/', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(landing.status).toBe(200);
    expect(landing.headers.get('content-encoding')).toBe('br');
    expect(landing.headers.get('vary')).toMatch(/cookie/i);
    expect(landing.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(landing.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(brotliDecompressSync(Buffer.from(await landing.arrayBuffer())).toString()).toContain('Verify a credential');
    const missing = await ctx.app.request('/credentials/nope', { headers: { accept: BROWSER_ACCEPT, 'accept-encoding': 'gzip' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await missing.arrayBuffer())).toString()).toContain('We couldn&#39;t find that credential');
  });

  it('leaves small JSON and images as they are', async () => {
    const small = await ctx.app.request('/test-only/small.json', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    const png = await ctx.app.request('/test-only/logo.png', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(png.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await png.arrayBuffer()).equals(PNG)).toBe(true);
  });
});
