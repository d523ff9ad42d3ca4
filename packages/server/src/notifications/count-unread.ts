import type { Deps } from '../context.js';
import { countUnreadNotificationRows } from './store.js';

/** How many of the caller's notifications are unread (the badge in the navigation). */
export async function countUnreadNotifications(deps: Deps, opts: { accountId: string }): Promise<{ unread: number }> {
  return { unread: await countUnreadNotificationRows(deps.db, opts.accountId) };
}
