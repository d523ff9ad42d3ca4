import type { ApiTokenScope, Role } from '@tessera/shared';
import type { Context } from 'hono';
import type { Actor } from '../context.js';
import { bearerToken, requireAuth } from '../http/auth.js';
import type { AppEnv } from '../http/types.js';
import { findOrgWithRole } from '../orgs/index.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { authenticateApiToken } from './authenticate-api-token.js';

/** Who calls an organisation route: a signed-in member (with a role), or an API token of that organisation. */
export type OrgCaller =
  { kind: 'member'; org: OrgRow; role: Role; actor: Actor } | { kind: 'token'; org: OrgRow; tokenId: string; actor: null };

/**
 * The caller of an organisation route that API tokens may use: a bearer token with one of `scopes` for this
 * organisation, or else the session's member (non-members get 404; the route checks the member's role).
 */
export async function resolveOrgCaller(c: Context<AppEnv>, opts: { slug: string; scopes: ApiTokenScope[] }): Promise<OrgCaller> {
  const token = bearerToken(c);
  if (token !== null) {
    const found = await authenticateApiToken(c.var.deps, {
      token,
      slug: opts.slug,
      scopes: opts.scopes,
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      ip: c.var.ip,
    });
    return { kind: 'token', org: found.org, tokenId: found.token.id, actor: null };
  }
  const auth = requireAuth(c);
  const found = await findOrgWithRole(c.var.deps.db, opts.slug, auth.account.id);
  if (!found) throw new AppError('not_found', `No organisation "${opts.slug}" among yours`);
  return { kind: 'member', org: found.org, role: found.role, actor: { accountId: auth.account.id, ip: c.var.ip } };
}
