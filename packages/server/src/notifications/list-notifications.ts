import type { Deps } from '../context.js';
import { listNotificationRows, markNotificationRead } from './store.js';

/** The caller's newest notifications. */
export async function listNotifications(deps: Deps, opts: { accountId: string }) {
  const rows = await listNotificationRows(deps.db, opts.accountId, 50);
  return rows.map((n) => ({
    id: n.id,
    title: n.title,
    body: n.body,
    link: n.link,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  }));
}

/** Mark a notification read (idempotent). */
export async function readNotification(deps: Deps, opts: { accountId: string; id: string }): Promise<void> {
  await markNotificationRead(deps.db, opts.accountId, opts.id, deps.clock.now());
}
