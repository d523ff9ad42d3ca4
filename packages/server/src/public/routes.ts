import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../http/types.js';
import { certificatePdf, qrCode } from './certificate.js';
import { renderCredentialPage } from './credential-page.js';
import { contentDisposition } from '../files/index.js';
import { credentialJwt } from '../credentials/index.js';
import {
  achievementNameOf,
  downloadNames,
  findVisibleCredential,
  getBakedBadge,
  getCertificate,
  getCredentialPage,
} from './get-credential-page.js';
import { getCredentialEvidence } from './get-evidence.js';
import { getIssuerPage, getTransparencyPage } from './get-issuer-page.js';
import { getProfile } from './get-profile.js';
import { renderProfilePage } from './profile-page.js';
import { renderIssuerPage, renderTransparencyPage } from './issuer-page.js';
import { getAchievementStanding, getIssuerStanding, renderStanding } from '../recognition/index.js';

const JSON_TYPES = ['application/vc+ld+json', 'application/ld+json', 'application/json'];

/** Whether the client prefers JSON to HTML (by the order and quality of its Accept header). */
export function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  let best: { json: boolean; q: number } | null = null;
  for (const [i, part] of accept.split(',').entries()) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? '1') - i / 1000;
    const json = JSON_TYPES.includes(type.trim());
    if (!json && type.trim() !== 'text/html' && type.trim() !== 'application/xhtml+xml') continue;
    if (!best || q > best.q) best = { json, q };
  }
  return best?.json ?? false;
}

/** The signed-in viewer, if any (a learner sees their own private credentials). */
function viewer(c: Context<AppEnv>): string | null {
  return c.var.auth?.account.id ?? null;
}

/** Public credential pages and downloads (no account needed). */
export function publicCredentialRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.get('/credentials/:key', async (c) => {
    const key = c.req.param('key');
    c.header('vary', 'accept');
    if (prefersJson(c.req.header('accept'))) {
      const row = await findVisibleCredential(c.var.deps, key, viewer(c));
      return c.body(JSON.stringify(row.document, null, 2), 200, {
        'content-type': 'application/vc+ld+json',
        'access-control-allow-origin': '*',
      });
    }
    return c.html(renderCredentialPage(await getCredentialPage(c.var.deps, key, viewer(c))), 200, { 'cache-control': 'no-store' });
  });
  app.get('/credentials/:key/credential.json', async (c) => {
    const row = await findVisibleCredential(c.var.deps, c.req.param('key'), viewer(c));
    const filename = downloadNames(achievementNameOf(row.document)).json;
    return c.body(JSON.stringify(row.document, null, 2), 200, {
      'content-type': 'application/vc+ld+json',
      'content-disposition': contentDisposition(filename, false),
      'access-control-allow-origin': '*',
    });
  });
  app.get('/credentials/:key/credential.jwt', async (c) => {
    const row = await findVisibleCredential(c.var.deps, c.req.param('key'), viewer(c));
    const filename = downloadNames(achievementNameOf(row.document)).jwt;
    return c.body(await credentialJwt(c.var.deps, row), 200, {
      'content-type': 'application/jwt',
      'content-disposition': contentDisposition(filename, false),
      'access-control-allow-origin': '*',
    });
  });
  const badge = (format: 'native' | 'svg' | 'png') => async (c: Context<AppEnv>) => {
    const baked = await getBakedBadge(c.var.deps, { key: c.req.param('key') ?? '', viewerId: viewer(c), format });
    return c.body(new Uint8Array(baked.bytes), 200, {
      'content-type': baked.mimeType,
      'content-disposition': contentDisposition(baked.filename, false),
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      'x-content-type-options': 'nosniff',
    });
  };
  app.get('/credentials/:key/badge', badge('native'));
  app.get('/credentials/:key/badge.svg', badge('svg'));
  app.get('/credentials/:key/badge.png', badge('png'));
  app.get('/credentials/:key/qr.svg', async (c) => {
    const view = await getCredentialPage(c.var.deps, c.req.param('key'), viewer(c));
    const qr = await qrCode(view.pageUrl, 'svg');
    return c.body(new Uint8Array(qr.bytes), 200, {
      'content-type': qr.mimeType,
      'content-disposition': contentDisposition(view.downloads.qrSvg, true),
      'x-content-type-options': 'nosniff',
    });
  });
  app.get('/credentials/:key/qr.png', async (c) => {
    const view = await getCredentialPage(c.var.deps, c.req.param('key'), viewer(c));
    const qr = await qrCode(view.pageUrl, 'png');
    return c.body(new Uint8Array(qr.bytes), 200, {
      'content-type': qr.mimeType,
      'content-disposition': contentDisposition(view.downloads.qrPng, false),
    });
  });
  app.get('/credentials/:key/certificate.pdf', async (c) => {
    const { view, badge } = await getCertificate(c.var.deps, c.req.param('key'), viewer(c));
    const pdf = await certificatePdf(view, badge);
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': contentDisposition(view.downloads.pdf, false),
    });
  });
  app.get('/credentials/:key/evidence/:requirementId', async (c) => {
    const content = await getCredentialEvidence(c.var.deps, {
      key: c.req.param('key'),
      requirementId: c.req.param('requirementId'),
      viewerId: viewer(c),
    });
    const headers = {
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    };
    // A file is served by the files route, which checks the same evidence visibility again.
    if (content.kind === 'file')
      return c.redirect(`${c.var.deps.env.TESSERA_BASE_URL}/api/v1/files/${encodeURIComponent(content.fileId)}`, 302);
    return c.body(content.text, 200, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
  });
  app.get('/people/:accountId', async (c) =>
    c.html(renderProfilePage(await getProfile(c.var.deps, c.req.param('accountId'))), 200, { 'cache-control': 'no-store' }),
  );
  app.get('/orgs/:slug', async (c) => {
    const view = await getIssuerPage(c.var.deps, c.req.param('slug'));
    const standing = renderStanding(await getIssuerStanding(c.var.deps, { orgId: view.org.id }));
    return c.html(renderIssuerPage(view, standing), 200, { 'cache-control': 'public, max-age=60' });
  });
  app.get('/orgs/:slug/achievements/:id', async (c) => {
    const { view, item } = await getTransparencyPage(c.var.deps, c.req.param('slug'), c.req.param('id'));
    const standing = renderStanding(await getAchievementStanding(c.var.deps, { achievementId: item.id }));
    return c.html(renderTransparencyPage(view, item, standing), 200, { 'cache-control': 'public, max-age=60' });
  });
  return app;
}
