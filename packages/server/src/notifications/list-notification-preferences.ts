import type { NotificationPreferences } from '@tessera/shared';
import { findAccountById } from '../accounts/index.js';
import type { Deps } from '../context.js';
import { can } from '../orgs/index.js';
import { listOrgsOfAccount } from '../orgs/index.js';
import { listNotificationPreferenceRows } from './store.js';

/** The caller's notice preferences in every organisation where they review (defaults where none are stored). */
export async function listNotificationPreferences(deps: Deps, opts: { accountId: string }): Promise<NotificationPreferences> {
  const account = await findAccountById(deps.db, opts.accountId);
  const stored = new Map((await listNotificationPreferenceRows(deps.db, opts.accountId)).map((p) => [p.orgId, p]));
  const orgs = (await listOrgsOfAccount(deps.db, opts.accountId)).filter((o) => can(o.role, 'submissions.review'));
  return {
    emailVerified: Boolean(account?.emailVerifiedAt),
    orgs: orgs.map(({ org }) => ({
      orgSlug: org.slug,
      orgName: org.name,
      inApp: stored.get(org.id)?.inApp ?? true,
      email: stored.get(org.id)?.email ?? 'immediate',
    })),
  };
}
