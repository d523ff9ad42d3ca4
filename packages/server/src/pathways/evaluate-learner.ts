import type { Deps } from '../context.js';
import { awardPathwayCompletion } from './award-completion.js';
import type { PathwayAwardResult } from './award-completion.js';
import { evaluatePathway, importedKeys, importedPartOf, partsUnder } from './evaluate.js';
import { loadHoldings } from './load-holdings.js';
import { readPathwayContent } from './present.js';
import { loadRecognisedRulesByOrg, recognisedKeysFor } from './recognised-rules.js';
import {
  findPathwayVersions,
  findTrigger,
  insertPin,
  listCompletionsOfLearner,
  listPins,
  listPublishedPathways,
  publishedPathwayIdsForKeys,
} from './store.js';

/** One award an evaluation made (or found already made). */
export interface EvaluationAward extends PathwayAwardResult {
  pathwayId: string;
  groupId: string | null;
}

/**
 * The published pathways a new credential or verified import (`reason`, its id) can advance: those with a step
 * matching its achievement, achievement IRI or skill, found through the indexed pathway_step_keys table. Undefined
 * when the reason is not one of the learner's credentials or imports (then every pathway is checked).
 */
async function pathwaysTriggeredBy(deps: Deps, learnerId: string, reason: string): Promise<string[] | undefined> {
  const trigger = await findTrigger(deps.db, learnerId, reason);
  if (!trigger) return undefined;
  // A credential also matches `recognised` steps of every organisation recognising its achievement at its issue date.
  const keys =
    trigger.kind === 'credential'
      ? [`achievement:${trigger.achievementId}`, ...(await recognisedKeysFor(deps, trigger.achievementId, trigger.issuedAt))]
      : importedKeys(
          importedPartOf({ id: reason, payload: trigger.payload, mediaType: trigger.mediaType }) ?? {
            id: reason,
            achievementIris: [],
            skills: [],
          },
        );
  return publishedPathwayIdsForKeys(deps.db, keys);
}

/**
 * Evaluate published pathways for one learner and award every milestone and completion they now meet and do not
 * hold yet, milestones first (always in the same order, so concurrent evaluators take locks in the same order).
 * Which pathways: `pathwayIds` when given; else, with `reason` (the credential or wallet item that triggered the
 * check), only the pathways whose steps it can match; else all. Safe to run any number of times, concurrently:
 * awards are keyed (see awardPathwayCompletion). Returns the awards made by this call and by any concurrent one
 * it met; `stats.pathwaysEvaluated` (when passed) counts the pathway versions read.
 *
 * Version pinning: a learner is evaluated on the version that was current when they first made progress (a step
 * done), recorded in pathway_pins the first time an evaluation sees progress. If that older version is not
 * complete for them but the current one is, they complete on the current one (a newer version never makes a
 * learner wait longer).
 */
export async function evaluateLearnerPathways(
  deps: Deps,
  opts: { learnerId: string; pathwayIds?: string[]; reason?: string; stats?: { pathwaysEvaluated: number } },
): Promise<EvaluationAward[]> {
  const ids = opts.pathwayIds ?? (opts.reason ? await pathwaysTriggeredBy(deps, opts.learnerId, opts.reason) : undefined);
  const published = await listPublishedPathways(deps.db, ids);
  if (opts.stats) opts.stats.pathwaysEvaluated += published.length;
  if (!published.length) return [];
  const [holdings, completions, pins, rulesByOrg] = await Promise.all([
    loadHoldings(deps, opts.learnerId),
    listCompletionsOfLearner(deps.db, opts.learnerId),
    listPins(
      deps.db,
      opts.learnerId,
      published.map((p) => p.pathway.id),
    ),
    // Rules of every organisation in the set (a pinned older version may hold a `recognised` step the latest lacks).
    loadRecognisedRulesByOrg(
      deps,
      published.map((p) => p.pathway.orgId),
    ),
  ]);
  const done = new Set(completions.map((c) => `${c.pathwayId}:${c.groupId}`));
  const pinnedVersions = await findPathwayVersions(deps.db, [...pins.values()]);
  const out: EvaluationAward[] = [];
  for (const { pathway, version: latest } of published) {
    if (pathway.status !== 'published') continue;
    const pinned = pinnedVersions.get(pins.get(pathway.id) ?? '');
    let version = pinned ?? latest;
    let content = readPathwayContent(version.content);
    const rules = rulesByOrg.get(pathway.orgId) ?? [];
    let e = evaluatePathway(content, holdings, rules);
    if (!pins.has(pathway.id) && [...e.steps.values()].some((s) => s.status === 'done'))
      await insertPin(deps.db, { pathwayId: pathway.id, learnerId: opts.learnerId, versionId: version.id, createdAt: deps.clock.now() });
    if (!e.complete && version.id !== latest.id) {
      const current = readPathwayContent(latest.content);
      const onCurrent = evaluatePathway(current, holdings, rules);
      if (onCurrent.complete) [version, content, e] = [latest, current, onCurrent];
    }
    const targets = [
      ...content.groups
        .filter((g) => g.milestoneAchievementId && e.groups.get(g.id)?.complete)
        .map((g) => ({ groupId: g.id as string | null, achievementId: g.milestoneAchievementId ?? '' })),
      ...(e.complete ? [{ groupId: null, achievementId: content.completionAchievementId }] : []),
    ];
    for (const t of targets) {
      if (done.has(`${pathway.id}:${t.groupId ?? ''}`)) continue;
      const r = await awardPathwayCompletion(deps, {
        orgId: pathway.orgId,
        pathwayId: pathway.id,
        versionId: version.id,
        achievementId: t.achievementId,
        learnerId: opts.learnerId,
        groupId: t.groupId,
        parts: partsUnder(content, e, t.groupId ?? e.rootId),
      });
      if (r) out.push({ ...r, pathwayId: pathway.id, groupId: t.groupId });
    }
  }
  return out;
}
