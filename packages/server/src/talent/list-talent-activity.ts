import type { TalentActivity } from '@tessera/shared';
import type { Deps } from '../context.js';
import { listActivity } from './store.js';

/** Who found the learner in a search and who opened their profile (organisation, when, what they searched for), newest first. */
export async function listTalentActivity(deps: Deps, opts: { accountId: string }): Promise<TalentActivity> {
  const { searches, views } = await listActivity(deps.db, opts.accountId, 200);
  const items = [
    ...searches.map((s) => ({ kind: 'search' as const, orgName: s.orgName, summary: s.summary, at: s.at.toISOString() })),
    ...views.map((v) => ({ kind: 'view' as const, orgName: v.orgName, summary: v.summary, at: v.at.toISOString() })),
  ].sort((a, b) => b.at.localeCompare(a.at) || (a.kind === b.kind ? 0 : a.kind === 'view' ? -1 : 1));
  return { items: items.slice(0, 200) };
}
