import type { EmailNoticeMode, NotificationPreference } from '@tessera/shared';
import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { listNotificationPreferenceRows, upsertNotificationPreference } from './store.js';

/** Change how the caller hears about new submissions in one organisation (the route checks they may review there). */
export async function setNotificationPreference(
  deps: Deps,
  opts: { accountId: string; org: OrgRow; inApp?: boolean | undefined; email?: EmailNoticeMode | undefined },
): Promise<NotificationPreference> {
  const current = (await listNotificationPreferenceRows(deps.db, opts.accountId)).find((p) => p.orgId === opts.org.id);
  const row = {
    accountId: opts.accountId,
    orgId: opts.org.id,
    inApp: opts.inApp ?? current?.inApp ?? true,
    email: opts.email ?? current?.email ?? 'immediate',
    updatedAt: deps.clock.now(),
  };
  await upsertNotificationPreference(deps.db, row);
  return { orgSlug: opts.org.slug, orgName: opts.org.name, inApp: row.inApp, email: row.email };
}
