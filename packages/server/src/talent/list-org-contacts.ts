import type { TalentContact } from '@tessera/shared';
import type { Actor, Deps } from '../context.js';
import { loadOrgAccess } from '../orgs/index.js';
import { authorizeTalent } from './policies.js';
import { presentOrgContact } from './present.js';
import { listOrgContacts as listRows } from './store.js';

/** The organisation's contact requests, newest first (owners only; only this organisation's, never another's). */
export async function listOrgContacts(deps: Deps, opts: { actor: Actor; slug: string }): Promise<{ items: TalentContact[] }> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.actor.accountId, action: 'org.read' });
  authorizeTalent(role, 'talent.contact');
  return { items: (await listRows(deps.db, { orgId: org.id, limit: 200 })).map(presentOrgContact) };
}
