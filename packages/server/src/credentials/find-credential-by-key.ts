import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { credentialPageUrl } from './present.js';
import { findCredential } from './store.js';
import type { CredentialRow } from './store.js';

/** A credential by its page key (the last segment of its page URL; older ids were `urn:uuid:<key>`). */
export async function findCredentialByKey(deps: Deps, key: string): Promise<CredentialRow> {
  const row =
    (await findCredential(deps.db, credentialPageUrl(deps.env.TESSERA_BASE_URL, key))) ??
    (await findCredential(deps.db, `urn:uuid:${key}`));
  if (!row) throw new AppError('not_found', 'No such credential');
  return row;
}
