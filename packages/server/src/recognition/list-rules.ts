import type { RecognitionRule } from '@tessera/shared';
import type { Deps } from '../context.js';
import { loadOrgAccess } from '../orgs/index.js';
import { authorizeRecognition } from './policies.js';
import { presentRule } from './present.js';
import { listRulesOfOrg } from './store.js';

/** An organisation's recognition rules (members), newest first. */
export async function listRules(deps: Deps, opts: { accountId: string; slug: string }): Promise<RecognitionRule[]> {
  const { org, role } = await loadOrgAccess(deps, { slug: opts.slug, accountId: opts.accountId, action: 'org.read' });
  authorizeRecognition(role, 'rules.read');
  return (await listRulesOfOrg(deps.db, org.id)).map((r) => presentRule(r, deps.env.TESSERA_BASE_URL));
}
