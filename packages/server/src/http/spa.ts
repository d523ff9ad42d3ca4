import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from './types.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Default location of the built web UI. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Serve the built React app under /app, falling back to index.html for client-side routes. */
export function spaRoutes(distDir: string) {
  const app = new Hono<AppEnv>();
  const root = normalize(distDir);
  const indexFile = join(root, 'index.html');
  app.get('/', (c) => c.redirect('/app/', 302));
  app.get('/app', (c) => c.redirect('/app/', 301));
  app.get('/app/*', async (c) => {
    const rel = decodeURIComponent(new URL(c.req.url).pathname.slice('/app/'.length));
    const file = normalize(join(root, rel));
    if (rel && file.startsWith(root + sep) && extname(file) && existsSync(file)) {
      const immutable = rel.startsWith('assets/');
      c.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return c.body(await readFile(file), 200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    }
    if (extname(rel) && rel.startsWith('assets/')) return c.notFound();
    if (!existsSync(indexFile)) {
      return c.text('The web UI is not built. Run `npm run build` (or `npm start`, which builds it).', 503);
    }
    c.header('cache-control', 'no-cache');
    return c.html(await readFile(indexFile, 'utf8'));
  });
  return app;
}
