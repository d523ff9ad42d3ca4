import type { RecommendationItem } from '@tessera/shared';
import type { BuiltProfile, Requirement } from '../careers/index.js';
import { computeGap } from '../careers/index.js';
import type { Deps } from '../context.js';
import { skillIdFromUrl, skillUrl } from '../skills/index.js';
import type { FollowUp } from './rank.js';
import { rankRecommendations } from './rank.js';
import { achievementsByIds, candidatesForSkills, coEarningFrom, earnersOf } from './store.js';

/** Co-earning rows read per earned item (the strongest ones). */
const CO_EARNING_PER_ITEM = 25;

/**
 * Ranked, explained recommendations for a learner's verified profile and a goal's requirements. Reads only indexed
 * rows: candidates aligned to the missing (or just-passed) skills, precomputed co-earning from the learner's items,
 * and precomputed popularity — never other learners' credentials.
 */
export async function loadRecommendations(deps: Deps, opts: { profile: BuiltProfile; requirements: Requirement[]; limit?: number }): Promise<RecommendationItem[]> {
  const base = deps.env.TESSERA_BASE_URL;
  const gap = computeGap(opts.requirements, opts.profile.skills);
  const missing = gap.filter((g) => g.status !== 'verified').map((g) => ({ skill: g.url, name: g.name, weight: g.importance ?? g.requiredLevel ?? 1 }));
  const latest = new Map<string, { id: string; name: string }>();
  for (const e of opts.profile.earned) latest.set(e.achievementId, { id: e.achievementId, name: e.name });
  const earned = [...latest.values()];
  const followUps: FollowUp[] = opts.profile.earned.flatMap((e) => e.justPassed.map((j) => ({ achievementId: e.achievementId, achievementName: e.name, criterionName: j.criterionName, skills: j.skills })));
  const urls = [...new Set([...missing.map((m) => m.skill), ...followUps.flatMap((f) => f.skills)])];
  const ids = urls.flatMap((u) => {
    const id = skillIdFromUrl(base, u);
    return id ? [id] : [];
  });
  const [aligned, co] = await Promise.all([candidatesForSkills(deps.db, { uris: urls, ids }), coEarningFrom(deps.db, earned.map((e) => e.id), CO_EARNING_PER_ITEM)]);
  const known = new Set(aligned.map((c) => c.id));
  const extra = await achievementsByIds(deps.db, [...new Set(co.map((r) => r.afterId))].filter((id) => !known.has(id)));
  const candidates = [...aligned, ...extra];
  const coEarning = new Map<string, Map<string, number>>();
  for (const r of co) coEarning.set(r.beforeId, (coEarning.get(r.beforeId) ?? new Map<string, number>()).set(r.afterId, r.learners));
  const earners = await earnersOf(deps.db, [...new Set([...candidates.map((c) => c.id), ...earned.map((e) => e.id)])]);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const ranked = rankRecommendations({ missing, candidates: candidates.map((c) => ({ id: c.id, name: c.name, status: c.status, skills: c.skills.map((k) => skillUrl(base, k)) })), earned, coEarning, earners, followUps, limit: opts.limit ?? 10 });
  return ranked.map((r) => ({
    achievementId: r.achievementId,
    name: r.name,
    orgName: byId.get(r.achievementId)?.orgName ?? null,
    url: `${base}/app/catalog/${encodeURIComponent(r.achievementId)}`,
    score: r.score,
    coveredSkills: r.coveredSkills.map((s) => ({ url: s.skill, name: s.name })),
    missingCount: r.missingCount,
    oftenEarnedAfter: r.oftenEarnedAfter,
    followUp: r.followUp,
    explanation: r.explanation,
  }));
}
