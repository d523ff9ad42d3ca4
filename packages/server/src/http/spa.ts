import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Encoding } from './compression.js';
import { COMPRESS_THRESHOLD, compressBytes, pickEncoding } from './compression.js';
import type { AppEnv } from './types.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Extensions of text files sent compressed (images, fonts and the like are compressed already). */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.map', '.txt']);
/** The precompressed siblings the web build writes next to each file (`app.js.br`, `app.js.gz`). */
const SIBLING: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** Cache lifetimes: hashed build output never changes; everything else is revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const FAVICON_CACHE = 'public, max-age=86400';

/** Default location of the built web UI. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));
/** The web UI's unbuilt static files (the favicon is served from here when the UI is not built). */
const WEB_PUBLIC = fileURLToPath(new URL('../../../web/public', import.meta.url));

/** Files compressed on the fly (no precompressed sibling), kept in memory up to a byte budget, oldest dropped first. */
class CompressedCache {
  private readonly entries = new Map<string, Uint8Array>();
  private bytes = 0;
  constructor(private readonly budget: number) {}
  /** The cached bytes for a key, or null. */
  get(key: string): Uint8Array | null {
    return this.entries.get(key) ?? null;
  }
  /** Keep bytes under a key, evicting the oldest entries beyond the budget. */
  set(key: string, value: Uint8Array): void {
    if (value.byteLength > this.budget) return;
    this.entries.set(key, value);
    this.bytes += value.byteLength;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.budget) break;
      this.entries.delete(k);
      this.bytes -= v.byteLength;
    }
  }
}

/** The bytes to send for a file and the coding they are in: a precompressed sibling, a cached compressed copy, or the file. */
async function encodedBody(
  file: string,
  mtimeMs: number,
  size: number,
  encoding: Encoding | null,
  cache: CompressedCache,
): Promise<{ bytes: Uint8Array; encoding: Encoding | null }> {
  if (encoding) {
    const sibling = file + SIBLING[encoding];
    const siblingInfo = await stat(sibling).catch(() => null);
    if (siblingInfo?.isFile() && siblingInfo.mtimeMs >= mtimeMs) return { bytes: await readFile(sibling), encoding };
    if (size >= COMPRESS_THRESHOLD) {
      const key = `${file}\0${mtimeMs}\0${encoding}`;
      const cached = cache.get(key);
      if (cached) return { bytes: cached, encoding };
      const compressed = await compressBytes(await readFile(file), encoding, 'best');
      cache.set(key, compressed);
      return { bytes: compressed, encoding };
    }
  }
  return { bytes: await readFile(file), encoding: null };
}

/**
 * Send a static file: compressed (brotli or gzip, as the client accepts) for text types, with `vary: accept-encoding`,
 * an ETag per file version and coding (a matching If-None-Match gets a 304), and the given cache policy.
 */
async function sendFile(c: Context<AppEnv>, file: string, cacheControl: string, cache: CompressedCache): Promise<Response> {
  const info = await stat(file);
  const ext = extname(file);
  const compressible = COMPRESSIBLE.has(ext);
  const wanted = compressible ? pickEncoding(c.req.header('accept-encoding')) : null;
  const { bytes, encoding } = await encodedBody(file, info.mtimeMs, info.size, wanted, cache);
  const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ''}"`;
  c.header('cache-control', cacheControl);
  c.header('etag', etag);
  if (compressible) c.header('vary', 'accept-encoding');
  const match = c.req.header('if-none-match');
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return c.body(null, 304);
  if (encoding) c.header('content-encoding', encoding);
  return c.body(new Uint8Array(bytes), 200, { 'content-type': TYPES[ext] ?? 'application/octet-stream' });
}

/**
 * Serve the built React app under /app (client-side routes fall back to index.html) and the favicon at the root.
 * Hashed files under /app/assets/ are cached for a year; the rest, index.html included, is revalidated.
 */
export function spaRoutes(distDir: string) {
  const app = new Hono<AppEnv>();
  const root = normalize(distDir);
  const indexFile = join(root, 'index.html');
  const cache = new CompressedCache(64 * 1024 * 1024);
  app.get('/favicon.svg', async (c) => {
    const built = join(root, 'favicon.svg');
    const file = existsSync(built) ? built : join(WEB_PUBLIC, 'favicon.svg');
    if (!existsSync(file)) return c.notFound();
    return sendFile(c, file, FAVICON_CACHE, cache);
  });
  app.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301));
  app.get('/app', (c) => c.redirect('/app/', 301));
  app.get('/app/*', async (c) => {
    const rel = decodeURIComponent(new URL(c.req.url).pathname.slice('/app/'.length));
    const file = normalize(join(root, rel));
    if (rel && file.startsWith(root + sep) && extname(file) && existsSync(file)) {
      return sendFile(c, file, rel.startsWith('assets/') ? IMMUTABLE : REVALIDATE, cache);
    }
    if (extname(rel) && rel.startsWith('assets/')) return c.notFound();
    if (!existsSync(indexFile)) {
      return c.text('The web UI is not built. Run `npm run build` (or `npm start`, which builds it).', 503);
    }
    return sendFile(c, indexFile, REVALIDATE, cache);
  });
  return app;
}
