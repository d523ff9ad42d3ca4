import type { Deps } from '../context.js';
import { sha256Hex } from '../shared/hash.js';
import type { AccountRow, SessionRow } from './store.js';
import { findLiveSession, touchSession } from './store.js';

/** Look up the live session behind a cookie token, refreshing its last-seen time at most once a minute. */
export async function resolveSession(deps: Deps, opts: { token: string }): Promise<{ session: SessionRow; account: AccountRow } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(opts.token)) return null;
  const now = deps.clock.now();
  const found = await findLiveSession(deps.db, sha256Hex(opts.token), now);
  if (!found) return null;
  if (now.getTime() - found.session.lastSeenAt.getTime() > 60_000) await touchSession(deps.db, found.session.id, now);
  return found;
}
