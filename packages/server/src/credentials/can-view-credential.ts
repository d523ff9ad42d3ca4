import type { Deps } from '../context.js';
import { listOrgsOfAccount } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { findCredentialByKey } from './find-credential-by-key.js';
import { findCredential } from './store.js';
import type { CredentialRow } from './store.js';

/**
 * The one visibility rule for a credential this server issued, applied by every route that serves it (the
 * page and its downloads, the API's jsonUrl, verification and wallet import by URL): a private ("only me")
 * credential is seen by its learner alone. Organisation members see it in the issued list, never through these
 * routes, so the learner's choice holds everywhere.
 */
export function canViewCredential(row: Pick<CredentialRow, 'visibility' | 'learnerId'>, viewerId: string | null): boolean {
  return row.visibility !== 'private' || (viewerId !== null && row.learnerId === viewerId);
}

/** The credential that now stands for this one: itself, or the end of its re-issue chain (whose sharing choices apply). */
async function currentOf(deps: Deps, row: CredentialRow): Promise<CredentialRow> {
  let r = row;
  for (let i = 0; r.replacedBy && i < 50; i++) {
    const next = await findCredential(deps.db, r.replacedBy);
    if (!next) break;
    r = next;
  }
  return r;
}

/** Whether the viewer may see a credential, by the rule above applied to the credential that now stands for it. */
async function mayView(deps: Deps, row: CredentialRow, viewerId: string | null): Promise<boolean> {
  return canViewCredential(await currentOf(deps, row), viewerId);
}

/** A credential by page key that the viewer may see; otherwise not_found (the same answer as for no credential, so ids cannot be probed). */
export async function findViewableCredential(deps: Deps, key: string, viewerId: string | null): Promise<CredentialRow> {
  const row = await findCredentialByKey(deps, key);
  if (!(await mayView(deps, row, viewerId))) throw new AppError('not_found', 'No such credential');
  return row;
}

/** A credential by id (as in the API's jsonUrl) that the viewer may see; otherwise not_found. */
export async function findViewableCredentialById(deps: Deps, id: string, viewerId: string | null): Promise<CredentialRow> {
  const row = await findCredential(deps.db, id);
  if (!row || !(await mayView(deps, row, viewerId))) throw new AppError('not_found', 'No such credential');
  return row;
}

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** The credentials a URL may name on this server: its page and downloads (`/credentials/<key>/…`) or its jsonUrl (`/api/v1/credentials/<id>`). */
function ownCredentialRefs(base: string, url: string): Array<{ key: string } | { id: string }> {
  const refs: Array<{ key: string } | { id: string }> = [];
  const fromPath = (path: string) => {
    const page = /^\/credentials\/([^/?#]+)/.exec(path);
    const api = /^\/api\/v1\/credentials\/([^?#]+)/.exec(path);
    const key = page?.[1] ? decode(page[1]) : null;
    const id = api?.[1] ? decode(api[1]) : null;
    if (key) refs.push({ key });
    if (id) refs.push({ id });
  };
  // As the verifier reads it (a plain prefix), and as a URL parser does (case, dot segments, default port).
  if (url.startsWith(base)) fromPath(url.slice(base.length));
  try {
    const u = new URL(url);
    const b = new URL(base);
    const basePath = b.pathname.replace(/\/$/, '');
    if (u.origin === b.origin && u.pathname.startsWith(`${basePath}/`)) fromPath(u.pathname.slice(basePath.length));
  } catch {
    // Not a URL: nothing of ours.
  }
  return refs;
}

/** Refuse (404) a URL that names one of this server's credentials the viewer may not see, before anything loads it. */
export async function assertCredentialUrlViewable(deps: Deps, url: string, viewerId: string | null): Promise<void> {
  for (const ref of ownCredentialRefs(deps.env.TESSERA_BASE_URL, url)) {
    const row = 'key' in ref ? await findCredentialByKey(deps, ref.key).catch(() => undefined) : await findCredential(deps.db, ref.id);
    if (row && !(await mayView(deps, row, viewerId))) throw new AppError('not_found', 'No such credential');
  }
}

/**
 * Whether the viewer may read one evidence item of a credential: its learner and the issuing organisation's
 * owners and assessors always; anyone else only when the learner made the item public and may see the credential.
 */
export async function canViewEvidence(
  deps: Deps,
  row: CredentialRow,
  item: { isPublic: boolean },
  viewerId: string | null,
): Promise<boolean> {
  if (viewerId !== null && viewerId === row.learnerId) return true;
  if (item.isPublic && (await mayView(deps, row, viewerId))) return true;
  if (viewerId === null) return false;
  const mine = await listOrgsOfAccount(deps.db, viewerId);
  return mine.some((m) => m.org.id === row.orgId && (m.role === 'owner' || m.role === 'assessor'));
}
