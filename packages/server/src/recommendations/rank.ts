/**
 * The recommender's core: a pure function from typed inputs to a ranked, explained list. No database, no clock;
 * the store-backed loader (load-recommendations.ts) and the offline evaluation both feed it.
 */

/** A skill the learner's goal needs and the learner has not verified, with its importance (any positive number). */
export interface MissingSkill {
  skill: string;
  name: string;
  weight: number;
}

/** A micro-credential that could be recommended, with the skills it is aligned to. */
export interface Candidate {
  id: string;
  name: string;
  status: 'draft' | 'published' | 'retired';
  skills: readonly string[];
}

/** A micro-credential the learner holds, oldest first. */
export interface EarnedItem {
  id: string;
  name: string;
}

/** A rubric criterion the learner passed only at the required level, and the skills it is aligned to: it suggests a follow-up. */
export interface FollowUp {
  achievementId: string;
  achievementName: string;
  criterionName: string;
  skills: readonly string[];
}

/** How much each signal counts. */
export interface RankWeights {
  coverage: number;
  coEarning: number;
  followUp: number;
  popularity: number;
}

/** Default weights, chosen on the synthetic evaluation (see evaluate-recommendations.ts). */
export const DEFAULT_WEIGHTS: RankWeights = { coverage: 1, coEarning: 0.8, followUp: 0.5, popularity: 0.05 };

/** Everything the ranking needs. */
export interface RankInput {
  missing: readonly MissingSkill[];
  candidates: readonly Candidate[];
  earned: readonly EarnedItem[];
  /** Precomputed co-earning: before → after → how many learners earned `after` later than `before`. */
  coEarning: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Precomputed popularity: achievement → how many learners hold it. */
  earners: ReadonlyMap<string, number>;
  followUps?: readonly FollowUp[];
  limit?: number;
  weights?: Partial<RankWeights>;
  /** Fewest learners behind "often earned after" (default 2). */
  minCoEarners?: number;
}

/** One recommendation: the micro-credential, its score, what it covers and why, in plain words. */
export interface Recommendation {
  achievementId: string;
  name: string;
  score: number;
  coveredSkills: Array<{ skill: string; name: string }>;
  missingCount: number;
  oftenEarnedAfter: { achievementId: string; name: string; learners: number } | null;
  followUp: { achievementId: string; achievementName: string; criterionName: string } | null;
  explanation: string;
}

/** Recency weight of the k-th most recent earned item (0 = the latest). */
const recency = (k: number) => 0.5 ** k;

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The plain-words explanation of one recommendation. */
export function explain(r: Pick<Recommendation, 'coveredSkills' | 'missingCount' | 'oftenEarnedAfter' | 'followUp'>): string {
  const parts: string[] = [];
  if (r.coveredSkills.length > 0) {
    const names =
      listNames(r.coveredSkills.slice(0, 3).map((s) => s.name.replace(/\.$/, ''))) + (r.coveredSkills.length > 3 ? ' and more' : '');
    parts.push(`covers ${r.coveredSkills.length} of your ${r.missingCount} missing skill${r.missingCount === 1 ? '' : 's'} (${names})`);
  }
  if (r.oftenEarnedAfter) parts.push(`often earned after ${r.oftenEarnedAfter.name}`);
  if (r.followUp)
    parts.push(`a follow-up to “${r.followUp.criterionName}” in ${r.followUp.achievementName}, which you passed at the required level`);
  if (parts.length === 0) parts.push('popular with other learners');
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Rank published micro-credentials the learner does not hold by how much of the skill gap they close, combined
 * with co-earning (what learners who earned the same items earned next) and the learner's own rubric results.
 * Retired, draft and already earned items are never returned; ties break by name, then id.
 */
export function rankRecommendations(input: RankInput): Recommendation[] {
  const w = { ...DEFAULT_WEIGHTS, ...input.weights };
  const limit = input.limit ?? 10;
  const minCo = input.minCoEarners ?? 2;
  const earnedIds = new Set(input.earned.map((e) => e.id));
  const missing = new Map(input.missing.map((m) => [m.skill, m]));
  const totalWeight = input.missing.reduce((s, m) => s + m.weight, 0);
  let maxEarners = 0;
  for (const n of input.earners.values()) maxEarners = Math.max(maxEarners, n);
  const recent = [...input.earned].reverse();
  const recencyTotal = recent.reduce((s, _e, k) => s + recency(k), 0);
  const followUpSkills = new Map<string, FollowUp>();
  for (const f of input.followUps ?? []) for (const s of f.skills) if (!followUpSkills.has(s)) followUpSkills.set(s, f);

  const out: Recommendation[] = [];
  for (const c of input.candidates) {
    if (c.status !== 'published' || earnedIds.has(c.id)) continue;
    const skills = new Set(c.skills);
    const covered = [...skills].flatMap((s) => {
      const m = missing.get(s);
      return m ? [m] : [];
    });
    const coverage = totalWeight > 0 ? covered.reduce((s, m) => s + m.weight, 0) / totalWeight : 0;

    let coEarn = 0;
    let best: Recommendation['oftenEarnedAfter'] = null;
    recent.forEach((e, k) => {
      const n = input.coEarning.get(e.id)?.get(c.id) ?? 0;
      if (n === 0) return;
      const base = Math.max(input.earners.get(e.id) ?? n, n);
      coEarn += (recency(k) * n) / base;
      if (n >= minCo && (!best || n > best.learners)) best = { achievementId: e.id, name: e.name, learners: n };
    });
    if (recencyTotal > 0) coEarn /= recencyTotal;

    let followUp: Recommendation['followUp'] = null;
    let followScore = 0;
    if (followUpSkills.size > 0) {
      const hits = [...skills].filter((s) => followUpSkills.has(s));
      followScore = hits.length / followUpSkills.size;
      const f = hits[0] === undefined ? undefined : followUpSkills.get(hits[0]);
      if (f) followUp = { achievementId: f.achievementId, achievementName: f.achievementName, criterionName: f.criterionName };
    }
    if (coverage === 0 && coEarn === 0 && followScore === 0) continue;
    const pop = maxEarners > 0 ? Math.log1p(input.earners.get(c.id) ?? 0) / Math.log1p(maxEarners) : 0;
    const score = w.coverage * coverage + w.coEarning * coEarn + w.followUp * followScore + w.popularity * pop;
    const rec = {
      achievementId: c.id,
      name: c.name,
      score: Math.round(score * 1e6) / 1e6,
      coveredSkills: covered.map((m) => ({ skill: m.skill, name: m.name })),
      missingCount: input.missing.length,
      oftenEarnedAfter: best,
      followUp,
    };
    out.push({ ...rec, explanation: explain(rec) });
  }
  out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.achievementId.localeCompare(b.achievementId));
  return out.slice(0, limit);
}

/** The popularity baseline: the most-held published items the learner does not hold. */
export function rankByPopularity(input: Pick<RankInput, 'candidates' | 'earned' | 'earners' | 'limit'>): string[] {
  const earnedIds = new Set(input.earned.map((e) => e.id));
  return input.candidates
    .filter((c) => c.status === 'published' && !earnedIds.has(c.id))
    .map((c) => ({ id: c.id, n: input.earners.get(c.id) ?? 0 }))
    .sort((a, b) => b.n - a.n || a.id.localeCompare(b.id))
    .slice(0, input.limit ?? 10)
    .map((c) => c.id);
}
