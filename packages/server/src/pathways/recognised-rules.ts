import type { Deps } from '../context.js';
import { listActiveRules, listRulesOfOrg, ruleStatement } from '../recognition/index.js';
import { recognisedKey } from './evaluate.js';
import type { RecognisedRule } from './evaluate.js';

/**
 * The recognition rules an organisation's `recognised` steps can use: its published rules (withdrawn and draft
 * rules never count), each with its dates (checked against each credential's issue date) and its words.
 */
export async function loadRecognisedRules(deps: Pick<Deps, 'db'>, orgId: string): Promise<RecognisedRule[]> {
  const views = await listRulesOfOrg(deps.db, orgId);
  return views
    .filter((v) => v.rule.status === 'published')
    .map((v) => ({
      id: v.rule.id,
      achievementId: v.rule.achievementId,
      achievementName: v.achievement.name,
      kind: v.rule.kind,
      amount: v.rule.amount,
      target: v.rule.target,
      validFrom: v.rule.validFrom,
      validUntil: v.rule.validUntil,
      statement: ruleStatement(v.rule, v.org.name),
    }));
}

/** Recognised rules of several organisations, loaded once each. */
export async function loadRecognisedRulesByOrg(deps: Pick<Deps, 'db'>, orgIds: string[]): Promise<Map<string, RecognisedRule[]>> {
  const unique = [...new Set(orgIds)];
  const lists = await Promise.all(unique.map((o) => loadRecognisedRules(deps, o)));
  return new Map(unique.map((o, i) => [o, lists[i] ?? []]));
}

/**
 * The `recognised:<org>` step keys a credential of `achievementId` issued at `at` matches: one per organisation
 * with a published rule for that achievement in force then.
 */
export async function recognisedKeysFor(deps: Pick<Deps, 'db'>, achievementId: string, at: Date): Promise<string[]> {
  const rules = await listActiveRules(deps.db, [achievementId], at);
  return [...new Set(rules.map((r) => recognisedKey(r.rule.orgId)))];
}
