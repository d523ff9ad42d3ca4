import type { RecommendationItem } from '@tessera/shared';
import type { BuiltProfile, Requirement } from '../careers/index.js';
import { computeGap } from '../careers/index.js';
import type { Deps } from '../context.js';
import { skillIdFromUrl, skillUrl } from '../skills/index.js';
import type { FollowUp } from './rank.js';
import { rankRecommendations } from './rank.js';
import { alignedCandidates, coEarningFrom } from './store.js';

/** Co-earning rows read per earned item (the strongest ones). */
const CO_EARNING_PER_ITEM = 25;
/** Most gap-covering candidates ranked in full (co-earned ones are always added). */
const SHORTLIST = 60;

/**
 * Ranked, explained recommendations for a learner's verified profile and a goal's requirements. Two indexed queries
 * run side by side: published items aligned to the missing (or just-passed) skills, and precomputed co-earning from
 * the learner's items, each with names and precomputed popularity — never other learners' credentials.
 */
export async function loadRecommendations(
  deps: Deps,
  opts: { profile: BuiltProfile; requirements: Requirement[]; limit?: number },
): Promise<RecommendationItem[]> {
  const base = deps.env.TESSERA_BASE_URL;
  const gap = computeGap(opts.requirements, opts.profile.skills);
  const missing = gap
    .filter((g) => g.status !== 'verified')
    .map((g) => ({ skill: g.url, name: g.name, weight: g.importance ?? g.requiredLevel ?? 1 }));
  const latest = new Map<string, { id: string; name: string }>();
  for (const e of opts.profile.earned) latest.set(e.achievementId, { id: e.achievementId, name: e.name });
  const earned = [...latest.values()];
  const followUps: FollowUp[] = opts.profile.earned.flatMap((e) =>
    e.justPassed.map((j) => ({
      achievementId: e.achievementId,
      achievementName: e.name,
      criterionName: j.criterionName,
      skills: j.skills,
    })),
  );
  const urls = [...new Set([...missing.map((m) => m.skill), ...followUps.flatMap((f) => f.skills)])];
  const ids = urls.flatMap((u) => {
    const id = skillIdFromUrl(base, u);
    return id ? [id] : [];
  });
  const [aligned, co] = await Promise.all([
    alignedCandidates(deps.db, { uris: urls, ids }),
    coEarningFrom(
      deps.db,
      earned.map((e) => e.id),
      CO_EARNING_PER_ITEM,
    ),
  ]);
  const skillsOf = new Map<string, Set<string>>();
  const info = new Map<string, { name: string; orgName: string }>();
  const earners = new Map<string, number>();
  for (const a of aligned) {
    const set = skillsOf.get(a.achievementId) ?? new Set<string>();
    set.add(skillUrl(base, { id: a.skillId, uri: a.uri }));
    skillsOf.set(a.achievementId, set);
    info.set(a.achievementId, { name: a.name, orgName: a.orgName });
    earners.set(a.achievementId, a.learners);
  }
  for (const r of co) {
    if (!skillsOf.has(r.afterId)) skillsOf.set(r.afterId, new Set());
    info.set(r.afterId, { name: r.afterName, orgName: r.afterOrgName });
    earners.set(r.afterId, r.afterLearners);
    earners.set(r.beforeId, r.beforeLearners);
  }
  // Rank the items that close the most of the gap, plus every co-earned one.
  const weightOf = new Map(missing.map((m) => [m.skill, m.weight]));
  const followUpSkills = new Set(followUps.flatMap((f) => f.skills));
  const coEarned = new Set(co.map((r) => r.afterId));
  const shortlist = [...skillsOf.entries()]
    .map(([id, set]) => ({ id, set, w: [...set].reduce((sum, k) => sum + (weightOf.get(k) ?? 0) + (followUpSkills.has(k) ? 1 : 0), 0) }))
    .sort((a, b) => b.w - a.w || a.id.localeCompare(b.id))
    .filter((c, i) => i < SHORTLIST || coEarned.has(c.id));
  const candidates = shortlist.map((c) => ({
    id: c.id,
    name: info.get(c.id)?.name ?? c.id,
    status: 'published' as const,
    skills: [...c.set],
  }));
  const coEarning = new Map<string, Map<string, number>>();
  for (const r of co) coEarning.set(r.beforeId, (coEarning.get(r.beforeId) ?? new Map<string, number>()).set(r.afterId, r.learners));
  const ranked = rankRecommendations({ missing, candidates, earned, coEarning, earners, followUps, limit: opts.limit ?? 10 });
  return ranked.map((r) => ({
    achievementId: r.achievementId,
    name: r.name,
    orgName: info.get(r.achievementId)?.orgName ?? null,
    url: `${base}/app/catalog/${encodeURIComponent(r.achievementId)}`,
    score: r.score,
    coveredSkills: r.coveredSkills.map((s) => ({ url: s.skill, name: s.name })),
    missingCount: r.missingCount,
    oftenEarnedAfter: r.oftenEarnedAfter,
    followUp: r.followUp,
    explanation: r.explanation,
  }));
}
