import type { ApiTokenScope } from '@tessera/shared';
import { recordAudit } from '../audit/index.js';
import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { sha256Hex } from '../shared/hash.js';
import { API_TOKEN_PREFIX } from './create-api-token.js';
import type { ApiTokenRow } from './store.js';
import { findLiveTokenByHash, touchApiToken } from './store.js';

/** Reads are audited at most once an hour per token (last_used_at records every call). */
const READ_AUDIT_GAP_MS = 60 * 60 * 1000;

/**
 * Authenticate a bearer token for one organisation's route and one of its scopes: an unknown or revoked token is 401, a
 * token of another organisation 404 (like a non-member), a missing scope 403. Every use updates last_used_at;
 * writes are audited on every call, reads when the token was idle for an hour.
 */
export async function authenticateApiToken(
  deps: Deps,
  opts: { token: string; slug: string; scopes: ApiTokenScope[]; method: string; path: string; ip: string | null },
): Promise<{ token: ApiTokenRow; org: OrgRow }> {
  const found = opts.token.startsWith(API_TOKEN_PREFIX) ? await findLiveTokenByHash(deps.db, sha256Hex(opts.token)) : undefined;
  if (!found)
    throw new AppError('unauthenticated', 'The API token is not valid (unknown or revoked)', {
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    });
  if (found.org.slug !== opts.slug) throw new AppError('not_found', `No organisation "${opts.slug}" for this token`);
  const scope = opts.scopes.find((x) => found.token.scopes.includes(x));
  if (!scope) {
    const wanted = opts.scopes.join(' or ');
    throw new AppError('forbidden', `This API token lacks the scope ${wanted}`, {
      headers: { 'www-authenticate': `Bearer error="insufficient_scope", scope="${opts.scopes.join(' ')}"` },
    });
  }
  const now = deps.clock.now();
  const write = opts.method !== 'GET' && opts.method !== 'HEAD';
  const idle = !found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() >= READ_AUDIT_GAP_MS;
  await touchApiToken(deps.db, found.token.id, now);
  if (write || idle)
    await recordAudit(deps, {
      action: 'api_token.used',
      orgId: found.org.id,
      target: found.token.id,
      detail: { method: opts.method, path: opts.path, scope },
      ip: opts.ip,
    });
  return found;
}
