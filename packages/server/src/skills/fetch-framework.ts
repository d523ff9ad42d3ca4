import { FetchError, createFetcher } from '@tessera/credentials';
import type { Fetcher } from '@tessera/credentials';
import type { Deps } from '../context.js';
import { SkillImportError } from './parsed.js';

/** The largest framework file fetched from a URL (a 50,000-item CASE package is about 20 MB). */
export const MAX_FRAMEWORK_BYTES = 64 * 1024 * 1024;

/**
 * A new SSRF-guarded fetcher (public addresses only unless allowed, size and time limits) for one framework
 * file: one per import, so a large body is not held in a shared cache.
 */
export function frameworkFetcher(deps: Pick<Deps, 'env'>): Fetcher {
  return createFetcher({
    mode: deps.env.TESSERA_REMOTE_FETCH,
    allowPrivate: deps.env.TESSERA_FETCH_ALLOW_PRIVATE,
    maxBytes: MAX_FRAMEWORK_BYTES,
    timeoutMs: 30_000,
    cacheTtlMs: 0,
  });
}

/** Fetch a framework file's text through the guarded fetcher; failures become SkillImportError at path `url`. */
export async function fetchFrameworkText(fetcher: Fetcher, url: string): Promise<string> {
  try {
    const got = await fetcher.get(url, 'application/json, text/csv;q=0.9, */*;q=0.5');
    return new TextDecoder('utf-8', { fatal: true }).decode(got.body);
  } catch (e) {
    const message =
      e instanceof FetchError
        ? `${e.code}: ${e.message}`
        : e instanceof TypeError
          ? 'The file is not UTF-8 text'
          : e instanceof Error
            ? e.message
            : String(e);
    throw new SkillImportError('The framework could not be fetched', [{ path: 'url', message }]);
  }
}
