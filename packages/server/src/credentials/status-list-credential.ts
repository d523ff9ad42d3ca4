import { createHash } from 'node:crypto';
import type { Deps } from '../context.js';
import { loadOrgSigner } from '../keys/index.js';
import { orgDid } from '../orgs/index.js';
import { findOrgBySlug } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { encodeList } from './bitstring.js';
import { statusListUrl } from './issue-credential.js';
import { signDataIntegrity } from './sign.js';
import { findStatusList } from './store.js';

const cache = new Map<string, { etag: string; body: string }>();

/** The signed BitstringStatusListCredential of a list, re-signed only when its bits change. */
export async function getStatusListCredential(deps: Deps, opts: { slug: string; listId: string }): Promise<{ etag: string; body: string }> {
  const org = await findOrgBySlug(deps.db, opts.slug);
  const list = await findStatusList(deps.db, opts.listId);
  if (!org || !list || list.orgId !== org.id) throw new AppError('not_found', 'No such status list');
  const etag = `"${createHash('sha256').update(`${list.id}:${list.updatedAt.toISOString()}:${list.bits}`).digest('base64url').slice(0, 27)}"`;
  const hit = cache.get(list.id);
  if (hit?.etag === etag) return hit;
  const url = statusListUrl(deps.env.TESSERA_BASE_URL, org.slug, list.id);
  const unsigned = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: orgDid(deps.env.TESSERA_BASE_URL, org.slug),
    validFrom: list.updatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: list.purpose, encodedList: encodeList(list.bits) },
  };
  const signed = await signDataIntegrity(unsigned, await loadOrgSigner(deps, org), deps.clock.now());
  const entry = { etag, body: JSON.stringify(signed) };
  cache.set(list.id, entry);
  return entry;
}
