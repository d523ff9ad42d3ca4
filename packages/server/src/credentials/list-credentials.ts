import type { Deps } from '../context.js';
import { presentCredential } from './present.js';
import { AppError } from '../shared/errors.js';
import { listCredentialPage, listCredentialRows } from './store.js';
import type { CredentialFilter } from './store.js';

/** Credentials of an organisation, or of a learner, newest first. */
export async function listCredentials(deps: Deps, where: { orgId?: string; learnerId?: string }) {
  const now = deps.clock.now();
  return (await listCredentialRows(deps.db, where)).map((r) => presentCredential(r, now, deps.env.TESSERA_BASE_URL));
}

/** One filtered page of an organisation's credentials, newest first, and the cursor of the next page (null at the end). */
export async function listOrgCredentialPage(deps: Deps, opts: Omit<CredentialFilter, 'after'> & { cursor?: string | undefined }) {
  let after: CredentialFilter['after'];
  if (opts.cursor) {
    const [at, id] = Buffer.from(opts.cursor, 'base64url').toString('utf8').split('|');
    const d = new Date(at ?? '');
    if (Number.isNaN(d.getTime()) || !id)
      throw new AppError('validation_failed', 'Not a cursor from this list', { errors: [{ path: 'cursor', message: 'Unknown cursor' }] });
    after = { at: d, id };
  }
  const rows = await listCredentialPage(deps.db, { ...opts, after });
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  const now = deps.clock.now();
  return {
    items: page.map((r) => presentCredential(r, now, deps.env.TESSERA_BASE_URL)),
    nextCursor:
      rows.length > opts.limit && last ? Buffer.from(`${last.c.issuedAt.toISOString()}|${last.c.id}`, 'utf8').toString('base64url') : null,
  };
}
