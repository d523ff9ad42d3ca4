import type { Deps } from '../context.js';
import { getStatusListCredential } from '../credentials/index.js';
import { getDidDocument } from '../keys/index.js';
import { getPlatformDidDocument } from '../keys/index.js';
import { didWebUrl, orgDid, platformDid } from '../orgs/index.js';

type Json = Record<string, unknown>;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/**
 * The documents a verifier needs for a credential that this Tessera instance issued, read from the database
 * instead of over the network: the issuer's did:web document (an organisation's or the platform's) and the
 * signed status lists, and the same for each credential a CLR holds.
 */
export async function localDocuments(
  deps: Deps,
  credential: Json | null,
  docs = new Map<string, unknown>(),
  depth = 0,
): Promise<Map<string, unknown>> {
  if (!credential || depth > 2) return docs;
  const base = deps.env.TESSERA_BASE_URL;
  const issuer = typeof credential['issuer'] === 'string' ? credential['issuer'] : (credential['issuer'] as Json | undefined)?.['id'];
  const orgPrefix = orgDid(base, '');
  if (issuer === platformDid(base)) docs.set(didWebUrl(issuer), await getPlatformDidDocument(deps));
  else if (typeof issuer === 'string' && issuer.startsWith(orgPrefix)) {
    const slug = issuer.slice(orgPrefix.length);
    try {
      docs.set(didWebUrl(issuer), await getDidDocument(deps, { slug }));
    } catch {
      // Not one of ours after all: the verifier reports the DID document as unavailable.
    }
  }
  for (const entry of list(credential['credentialStatus'])) {
    const url = (entry as Json | null)?.['statusListCredential'];
    const match =
      typeof url === 'string'
        ? new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/orgs/([^/]+)/status/([^/?#]+)$`).exec(url)
        : null;
    if (!match || typeof url !== 'string') continue;
    try {
      docs.set(url, JSON.parse((await getStatusListCredential(deps, { slug: match[1] ?? '', listId: match[2] ?? '' })).body) as unknown);
    } catch {
      // Unknown list: reported as unavailable.
    }
  }
  // A CLR's credentials need their own issuers' documents.
  const subject = list(credential['credentialSubject'])[0] as Json | undefined;
  for (const inner of list(subject?.['verifiableCredential']))
    if (typeof inner === 'object' && inner !== null) await localDocuments(deps, inner as Json, docs, depth + 1);
  // Embedded endorsements (on the credential, its issuer, or its achievement) are signed by their own issuers.
  const embedded = [
    ...list(credential['endorsement']),
    ...list((credential['issuer'] as Json | undefined)?.['endorsement']),
    ...list((subject?.['achievement'] as Json | undefined)?.['endorsement']),
  ];
  for (const e of embedded) if (typeof e === 'object' && e !== null) await localDocuments(deps, e as Json, docs, depth + 1);
  return docs;
}
