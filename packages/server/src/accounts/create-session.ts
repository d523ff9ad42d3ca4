import type { Deps } from '../context.js';
import { sha256Hex } from '../shared/hash.js';
import type { SessionRow } from './store.js';
import { insertSession } from './store.js';

/** Start a new server-side session: a fresh random token (the cookie) whose hash is the row id. */
export async function createSession(
  deps: Deps,
  opts: { accountId: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; session: SessionRow }> {
  const token = deps.ids.token(32);
  const now = deps.clock.now();
  const session: SessionRow = {
    id: sha256Hex(token),
    accountId: opts.accountId,
    csrfToken: deps.ids.token(24),
    createdAt: now,
    expiresAt: new Date(now.getTime() + deps.env.TESSERA_SESSION_DAYS * 86_400_000),
    lastSeenAt: now,
    ip: opts.ip,
    userAgent: opts.userAgent?.slice(0, 400) ?? null,
  };
  await insertSession(deps.db, session);
  return { token, session };
}
