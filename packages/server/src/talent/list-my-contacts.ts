import type { LearnerContact } from '@tessera/shared';
import type { Deps } from '../context.js';
import { presentLearnerContact } from './present.js';
import { listLearnerContacts } from './store.js';

/** The learner's contact requests from employers, newest first. */
export async function listMyContacts(deps: Deps, opts: { accountId: string }): Promise<{ items: LearnerContact[] }> {
  return { items: (await listLearnerContacts(deps.db, opts.accountId, 200)).map(presentLearnerContact) };
}
