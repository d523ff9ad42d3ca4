/**
 * The one guarded fetcher for every URL the engine may need (DID documents, key documents, status lists,
 * schemas, hosted credentials). Off by default; when on, it speaks only http(s), refuses private,
 * loopback, link-local and other special addresses (checked at connect time, so DNS rebinding cannot
 * slip past), follows at most a few redirects (each re-checked), times out, caps the body size, and caches.
 */
import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Why a fetch was refused or failed. */
export type FetchErrorCode =
  'offline' | 'scheme' | 'forbidden-address' | 'timeout' | 'too-large' | 'http' | 'too-many-redirects' | 'network' | 'not-json';

/** A refused or failed fetch. */
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** A fetched document. */
export interface Fetched {
  url: string;
  contentType: string;
  body: Uint8Array;
}

/** Options of the guarded fetcher. */
export interface FetcherOptions {
  /** `off` serves only `documents`; `on` may go to the network. Default `off`. */
  mode?: 'off' | 'on';
  /** Documents by URL, served without fetching (tests, `--documents`). */
  documents?: ReadonlyMap<string, unknown>;
  /** Allow loopback and private addresses (and plain http to them); for local development only. */
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  cacheTtlMs?: number;
  /** DNS lookup (injectable for tests). */
  lookup?: (host: string) => Promise<LookupAddress[]>;
}

/** The fetcher's interface. */
export interface Fetcher {
  /** Fetch raw bytes. */
  get(url: string, accept?: string): Promise<Fetched>;
  /** Fetch and parse JSON (documents given up front are returned as they are). */
  json(url: string): Promise<unknown>;
}

/** The IPv6 global unicast space (2000::/3); every address outside it is reserved or special-purpose. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * Whether an address is private, loopback, link-local, multicast or otherwise not a public unicast address.
 * The ranges come from ipaddr.js (IANA's special-purpose registries): only its `unicast` range passes, and an
 * IPv6 address must also lie in 2000::/3. Addresses that embed an IPv4 address (IPv4-compatible `::a.b.c.d`,
 * SIIT `::ffff:0:a.b.c.d`, 6to4 `2002::/16`, Teredo, NAT64 `64:ff9b::/96`) are refused whatever they embed;
 * an IPv4-mapped address (`::ffff:a.b.c.d`) is judged by the IPv4 address it maps to.
 */
export function isForbiddenAddress(address: string): boolean {
  const literal = address.replace(/^\[|\]$/g, '');
  if (!isIP(literal)) return true;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    const bare = literal.replace(/%.*$/, '');
    // WHATWG serialisation first: ipaddr.js reads `::1.1.1.1` (IPv4-compatible) as `::ffff:1.1.1.1` (mapped).
    parsed = ipaddr.parse(isIP(bare) === 6 ? new URL(`http://[${bare}]/`).hostname.slice(1, -1) : bare);
  } catch {
    return true;
  }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return isForbiddenAddress(v6.toIPv4Address().toString());
    if (literal.includes('%')) return true; // a zone index names a local interface
    return v6.range() !== 'unicast' || !v6.match(GLOBAL_UNICAST_V6);
  }
  return parsed.range() !== 'unicast';
}

const defaultLookup = (host: string) =>
  new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(host, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

/** Create the guarded fetcher. */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const mode = options.mode ?? 'off';
  const documents = options.documents ?? new Map<string, unknown>();
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 3;
  const ttl = options.cacheTtlMs ?? 5 * 60_000;
  const lookup = options.lookup ?? defaultLookup;
  const cache = new Map<string, { at: number; value: Fetched }>();

  /** Resolve the host and refuse forbidden addresses; returns the address to connect to. */
  async function pinnedAddress(host: string): Promise<LookupAddress> {
    const literal = host.replace(/^\[|\]$/g, '');
    const addresses = isIP(literal)
      ? [{ address: literal, family: isIP(literal) }]
      : await lookup(host).catch((e: unknown) => {
          throw new FetchError('network', `Could not resolve ${host}: ${e instanceof Error ? e.message : String(e)}`);
        });
    if (addresses.length === 0) throw new FetchError('network', `${host} has no address`);
    if (!options.allowPrivate && addresses.some((a) => isForbiddenAddress(a.address))) {
      throw new FetchError('forbidden-address', `${host} resolves to a private or special address; refused`);
    }
    return addresses[0] as LookupAddress;
  }

  function once(url: URL, accept: string): Promise<{ status: number; location: string | null; contentType: string; body: Uint8Array }> {
    return pinnedAddress(url.hostname).then(
      (pinned) =>
        new Promise((resolve, reject) => {
          const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
          const req = request(
            url,
            {
              method: 'GET',
              headers: { accept, 'user-agent': 'Tessera-verifier/1' },
              // Connect to the address that was checked, never to a fresh lookup.
              lookup: (_host, _opts, cb) => cb(null, [pinned] as never, pinned.family as never),
              timeout: timeoutMs,
            },
            (res: IncomingMessage) => {
              const chunks: Buffer[] = [];
              let size = 0;
              const declared = Number(res.headers['content-length'] ?? '0');
              if (declared > maxBytes) {
                res.destroy();
                reject(new FetchError('too-large', `${url.href} is larger than ${maxBytes} bytes`));
                return;
              }
              res.on('data', (chunk: Buffer) => {
                size += chunk.length;
                if (size > maxBytes) {
                  res.destroy();
                  reject(new FetchError('too-large', `${url.href} is larger than ${maxBytes} bytes`));
                  return;
                }
                chunks.push(chunk);
              });
              res.on('end', () =>
                resolve({
                  status: res.statusCode ?? 0,
                  location: typeof res.headers.location === 'string' ? res.headers.location : null,
                  contentType: String(res.headers['content-type'] ?? ''),
                  body: new Uint8Array(Buffer.concat(chunks)),
                }),
              );
              res.on('error', (e) => reject(new FetchError('network', e.message)));
            },
          );
          req.on('timeout', () => req.destroy(new FetchError('timeout', `${url.href} did not answer within ${timeoutMs} ms`)));
          req.on('error', (e) => reject(e instanceof FetchError ? e : new FetchError('network', `${url.href}: ${e.message}`)));
          req.end();
        }),
    );
  }

  async function get(href: string, accept = 'application/json, application/ld+json, */*;q=0.5'): Promise<Fetched> {
    const given = documents.get(href);
    if (given !== undefined) {
      const body =
        given instanceof Uint8Array ? given : new TextEncoder().encode(typeof given === 'string' ? given : JSON.stringify(given));
      return { url: href, contentType: 'application/json', body };
    }
    if (mode === 'off') throw new FetchError('offline', `${href} is not available offline`);
    const hit = cache.get(href);
    if (hit && Date.now() - hit.at < ttl) return hit.value;
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      throw new FetchError('scheme', `${href} is not a URL`);
    }
    for (let hop = 0; hop <= maxRedirects; hop++) {
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && options.allowPrivate))
        throw new FetchError('scheme', `Only https URLs are fetched (${url.href})`);
      const res = await once(url, accept);
      if (res.status >= 300 && res.status < 400 && res.location) {
        url = new URL(res.location, url);
        continue;
      }
      if (res.status !== 200) throw new FetchError('http', `${url.href} answered ${res.status}`);
      const value = { url: url.href, contentType: res.contentType, body: res.body };
      cache.set(href, { at: Date.now(), value });
      return value;
    }
    throw new FetchError('too-many-redirects', `${href} redirected more than ${maxRedirects} times`);
  }

  return {
    get,
    async json(href) {
      const given = documents.get(href);
      if (given !== undefined && !(given instanceof Uint8Array) && typeof given !== 'string') return given;
      const fetched = await get(href);
      try {
        return JSON.parse(Buffer.from(fetched.body).toString('utf8')) as unknown;
      } catch {
        throw new FetchError('not-json', `${href} is not JSON`);
      }
    },
  };
}
