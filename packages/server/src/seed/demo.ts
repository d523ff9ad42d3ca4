import type { Deps } from '../context.js';
import { hashPassword } from '../accounts/password.js';
import { countAccounts, findAccountByEmail, insertAccount } from '../accounts/store.js';
import { createOrg } from '../orgs/create-org.js';
import { findOrgBySlug, insertMembership } from '../orgs/store.js';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'tessera-demo-2026';

/** Demo accounts and their roles in the demo organisation (null = learner only). */
export const DEMO_ACCOUNTS = [
  { email: 'owner@riverside.example', name: 'Maya Okafor', role: 'owner', admin: true },
  { email: 'designer@riverside.example', name: 'Daniel Reyes', role: 'designer', admin: false },
  { email: 'assessor@riverside.example', name: 'Priya Natarajan', role: 'assessor', admin: false },
  { email: 'assessor2@riverside.example', name: 'Tom Becker', role: 'assessor', admin: false },
  { email: 'learner@riverside.example', name: 'Alex Kim', role: null, admin: false },
  { email: 'learner2@riverside.example', name: 'Jordan Ellis', role: null, admin: false },
] as const;

/** The demo organisation's slug. */
export const DEMO_ORG_SLUG = 'riverside';

/** Whether this installation has no accounts yet (a first run). */
export async function isEmptyInstallation(deps: Deps): Promise<boolean> {
  return (await countAccounts(deps.db)) === 0;
}

/** Create the demo organisation and accounts; running it again changes nothing. */
export async function seedDemo(deps: Deps): Promise<{ created: boolean }> {
  const now = deps.clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD, deps.scrypt);
  const ids: Record<string, string> = {};
  for (const a of DEMO_ACCOUNTS) {
    const existing = await findAccountByEmail(deps.db, a.email);
    if (existing) {
      ids[a.email] = existing.id;
      continue;
    }
    const id = deps.ids.id('account');
    await insertAccount(deps.db, { id, email: a.email, name: a.name, passwordHash, isPlatformAdmin: a.admin, createdAt: now, updatedAt: now });
    ids[a.email] = id;
  }
  if (await findOrgBySlug(deps.db, DEMO_ORG_SLUG)) return { created: false };
  const ownerId = ids[DEMO_ACCOUNTS[0].email];
  if (!ownerId) throw new Error('demo owner missing');
  const org = await createOrg(deps, {
    actor: { accountId: ownerId, ip: null },
    profile: {
      slug: DEMO_ORG_SLUG,
      name: 'Riverside School District',
      url: 'https://riverside.example',
      email: 'learning@riverside.example',
      description: 'Professional learning for Riverside educators: micro-credentials in online and blended teaching.',
      address: { addressLocality: 'Riverside', addressRegion: 'CA', addressCountry: 'US' },
      brandColor: '#1f5fbf',
    },
  });
  for (const a of DEMO_ACCOUNTS) {
    const id = ids[a.email];
    if (a.role && a.role !== 'owner' && id) await insertMembership(deps.db, { orgId: org.id, accountId: id, role: a.role, createdAt: now });
  }
  return { created: true };
}
