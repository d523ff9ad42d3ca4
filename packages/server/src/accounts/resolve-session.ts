import type { Deps } from '../context.js';
import { sha256Hex } from '../shared/hash.js';
import type { AccountRow, SessionRow } from './store.js';
import { findLiveSession, touchSession } from './store.js';

/** The moment before which an unused session counts as idle (TESSERA_SESSION_IDLE_HOURS). */
export function idleCutoff(deps: Pick<Deps, 'env'>, now: Date): Date {
  return new Date(now.getTime() - deps.env.TESSERA_SESSION_IDLE_HOURS * 3_600_000);
}

/**
 * Look up the live session behind a cookie token: not past its absolute expiry (TESSERA_SESSION_DAYS) and not
 * idle (TESSERA_SESSION_IDLE_HOURS). Its last-seen time is refreshed at most once a minute.
 */
export async function resolveSession(deps: Deps, opts: { token: string }): Promise<{ session: SessionRow; account: AccountRow } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(opts.token)) return null;
  const now = deps.clock.now();
  const found = await findLiveSession(deps.db, sha256Hex(opts.token), now, idleCutoff(deps, now));
  if (!found) return null;
  if (now.getTime() - found.session.lastSeenAt.getTime() > 60_000) await touchSession(deps.db, found.session.id, now);
  return found;
}
