import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { listCandidateAccounts } from './store.js';

/** An address shown as a hint only: the first letter and the domain. */
function emailHint(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}…@${domain}`;
}

/** Members or past learners of the organisation, to pick as recipients (names, with email hints). */
export async function listAwardCandidates(deps: Deps, opts: { org: OrgRow; kind: 'members' | 'learners' }) {
  const rows = await listCandidateAccounts(deps.db, opts.org.id, opts.kind);
  return rows.map((r) => ({ accountId: r.id, name: r.name, emailHint: emailHint(r.email) }));
}
