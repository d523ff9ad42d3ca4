import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../http/types.js';
import { getDidDocument, getJwks } from './did-document.js';
import { getPlatformDidDocument } from './platform-key.js';

/** Public routes: the platform's and each organisation's did:web document, and JWKS. */
export function publicKeyRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/orgs/:slug/did.json', async (c) => {
    const doc = await getDidDocument(c.var.deps, { slug: c.req.param('slug') });
    c.header('cache-control', 'public, max-age=300');
    c.header('access-control-allow-origin', '*');
    return c.body(JSON.stringify(doc), 200, { 'content-type': 'application/did+json' });
  });
  // The platform's own did:web (it signs learners' CLR exports). A base URL with a path resolves to <path>/did.json.
  const platform = async (c: Context<AppEnv>) => {
    c.header('cache-control', 'public, max-age=300');
    c.header('access-control-allow-origin', '*');
    return c.body(JSON.stringify(await getPlatformDidDocument(c.var.deps)), 200, { 'content-type': 'application/did+json' });
  };
  app.get('/.well-known/did.json', platform);
  app.get('/did.json', platform);
  app.get('/orgs/:slug/jwks.json', async (c) => {
    c.header('cache-control', 'public, max-age=300');
    c.header('access-control-allow-origin', '*');
    return c.json(await getJwks(c.var.deps, { slug: c.req.param('slug') }));
  });
  return app;
}
