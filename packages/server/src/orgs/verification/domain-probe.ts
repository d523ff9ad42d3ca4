import { resolveTxt } from 'node:dns/promises';
import { createFetcher, FetchError } from '@tessera/credentials';
import type { Fetcher } from '@tessera/credentials';
import type { Deps } from '../../context.js';

/** Reads the two public proofs of a domain: its DNS TXT records and a file on its web server. */
export interface DomainProbe {
  /** The TXT records at `name`, each joined from its chunks; empty when there are none. */
  txt(name: string): Promise<string[]>;
  /** The body of an https URL as text, with the URL it finally came from; throws when it cannot be had. */
  fetchText(url: string): Promise<{ url: string; text: string }>;
}

/** DNS codes that mean "no such record", as opposed to a resolver failure. */
const NO_RECORD = new Set(['ENODATA', 'ENOTFOUND', 'NXDOMAIN']);

const fetchers = new WeakMap<object, Fetcher>();

/**
 * The production probe: node:dns for TXT records, and the engine's guarded fetcher (public addresses only,
 * size- and time-capped) for the /.well-known file. The fetcher is off when TESSERA_REMOTE_FETCH=off.
 */
export function networkDomainProbe(deps: Pick<Deps, 'env'>): DomainProbe {
  let fetcher = fetchers.get(deps.env);
  if (!fetcher) {
    fetcher = createFetcher({
      mode: deps.env.TESSERA_REMOTE_FETCH,
      allowPrivate: deps.env.TESSERA_FETCH_ALLOW_PRIVATE,
      maxBytes: 4096,
      cacheTtlMs: 0,
    });
    fetchers.set(deps.env, fetcher);
  }
  const f = fetcher;
  return {
    txt: async (name) => {
      try {
        return (await resolveTxt(name)).map((chunks) => chunks.join(''));
      } catch (err) {
        if (err && typeof err === 'object' && 'code' in err && NO_RECORD.has(String(err.code))) return [];
        throw err;
      }
    },
    fetchText: async (url) => {
      try {
        const got = await f.get(url, 'text/plain');
        return { url: got.url, text: new TextDecoder().decode(got.body) };
      } catch (err) {
        if (err instanceof FetchError && err.code === 'offline')
          throw new Error('This server does not fetch remote documents (TESSERA_REMOTE_FETCH=off); use the DNS record instead', {
            cause: err,
          });
        throw err;
      }
    },
  };
}

/** The probe a use case should use: the injected one, else the network. */
export function domainProbeOf(deps: Pick<Deps, 'env' | 'domainProbe'>): DomainProbe {
  return deps.domainProbe ?? networkDomainProbe(deps);
}
