import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/** A content coding Tessera sends. */
export type Encoding = 'br' | 'gzip';

/** Bodies smaller than this are sent as they are: compressing them saves too little to pay for itself. */
export const COMPRESS_THRESHOLD = 1024;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * The coding to use for a request's Accept-Encoding: brotli when accepted at least as strongly as gzip, else gzip,
 * else none. Quality values are honoured (`br;q=0` refuses brotli; `*` covers codings not named).
 */
export function pickEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const score = (coding: string) => q.get(coding) ?? q.get('*') ?? 0;
  const br = score('br');
  const gzipQ = Math.max(score('gzip'), q.get('x-gzip') ?? 0);
  if (br > 0 && br >= gzipQ) return 'br';
  return gzipQ > 0 ? 'gzip' : null;
}

/** Compress bytes; `effort: 'best'` for files compressed once and cached, `'fast'` for per-request responses. */
export async function compressBytes(bytes: Uint8Array, encoding: Encoding, effort: 'fast' | 'best'): Promise<Uint8Array> {
  if (encoding === 'br') {
    return brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: effort === 'best' ? 9 : 4,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    });
  }
  return gz(bytes, { level: effort === 'best' ? 9 : 6 });
}

/** Text-like media types worth compressing; images other than SVG, archives, PDFs and fonts are already compressed. */
const COMPRESSIBLE_TYPE =
  /^(?:text\/(?!event-stream)[\w.+-]+|application\/(?:json|javascript|xml|[\w.+-]+\+(?:json|xml))|image\/svg\+xml)\s*(?:;|$)/i;

/** Whether a response of this content type is worth compressing. */
export function isCompressibleType(type: string | null | undefined): boolean {
  return !!type && COMPRESSIBLE_TYPE.test(type);
}

/** Add a token to a Vary header, once. */
export function addVary(headers: Headers, token: string): void {
  const current = headers.get('vary');
  if (!current) headers.set('vary', token);
  else if (
    current !== '*' &&
    !current
      .toLowerCase()
      .split(/\s*,\s*/)
      .includes(token.toLowerCase())
  )
    headers.set('vary', `${current}, ${token}`);
}

/**
 * Compress server-rendered HTML and JSON (and other text) responses of at least 1 KB with brotli or gzip, as the
 * client accepts. Responses that already carry a Content-Encoding (precompressed static files), partial content,
 * HEAD answers, `no-transform` responses and non-text types such as images pass through unchanged.
 */
export const compressResponses: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  if (c.req.method === 'HEAD' || !res.body || res.status === 206 || res.status === 204 || res.status === 304) return;
  if (res.headers.has('content-encoding') || !isCompressibleType(res.headers.get('content-type'))) return;
  if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('cache-control') ?? '')) return;
  const declared = res.headers.get('content-length');
  if (declared !== null && Number(declared) < COMPRESS_THRESHOLD) return;
  const bytes = new Uint8Array(await res.arrayBuffer());
  const encoding = pickEncoding(c.req.header('accept-encoding'));
  const big = bytes.byteLength >= COMPRESS_THRESHOLD;
  const body = big && encoding ? await compressBytes(bytes, encoding, 'fast') : bytes;
  const headers = new Headers(res.headers);
  if (big) addVary(headers, 'accept-encoding');
  if (body !== bytes && encoding) {
    headers.set('content-encoding', encoding);
    headers.delete('content-length');
    const etag = headers.get('etag');
    if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
  }
  // Assigning c.res would copy the old headers (content-length among them) back in; replace the response whole.
  c.res = undefined;
  c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
};
