import type { ApiTokenScope } from '@tessera/shared';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import type { OrgRow } from '../orgs/index.js';
import { sha256Hex } from '../shared/hash.js';
import { presentApiToken } from './present.js';
import { findApiToken, insertApiToken } from './store.js';

/** Every token starts with this, so secret scanners and people can recognise it. */
export const API_TOKEN_PREFIX = 'tsr_';

/** Create an organisation API token with scopes; the secret (256 random bits) is returned this once and stored as its sha256. Audited. */
export async function createApiToken(deps: Deps, opts: { actor: Actor; org: OrgRow; name: string; scopes: ApiTokenScope[] }) {
  const token = `${API_TOKEN_PREFIX}${deps.ids.token(32)}`;
  const id = deps.ids.id('apiToken');
  const scopes = [...new Set(opts.scopes)];
  const row = await inTransaction(deps, async (tx) => {
    await insertApiToken(tx.db, {
      id,
      orgId: opts.org.id,
      name: opts.name,
      tokenHash: sha256Hex(token),
      prefix: token.slice(0, 10),
      scopes,
      createdBy: opts.actor.accountId,
      createdAt: tx.clock.now(),
    });
    await recordAudit(tx, {
      action: 'api_token.created',
      orgId: opts.org.id,
      actorId: opts.actor.accountId,
      target: id,
      detail: { name: opts.name, scopes },
      ip: opts.actor.ip,
    });
    return findApiToken(tx.db, opts.org.id, id);
  });
  if (!row) throw new Error('token vanished');
  return { ...presentApiToken(row), token };
}
