import type { RankInput } from './rank.js';
import { rankByPopularity, rankRecommendations } from './rank.js';
import type { SyntheticDataset } from './synthetic.js';
import { generateDataset, syntheticFollowUps } from './synthetic.js';

/** Hit rate and nDCG at 10 of one recommender. */
export interface Figures {
  hitRateAt10: number;
  ndcgAt10: number;
}

/** The evaluation's result, as `tessera eval recommendations --json` prints it. */
export interface EvaluationResult extends Figures {
  learners: number;
  baseline: Figures;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Co-earning and popularity counted from every learner's history without its held-out last item (no leakage). */
function trainingCounts(ds: SyntheticDataset) {
  const coEarning = new Map<string, Map<string, number>>();
  const earners = new Map<string, number>();
  for (const l of ds.learners) {
    const history = l.sequence.slice(0, -1);
    history.forEach((a, i) => {
      earners.set(a, (earners.get(a) ?? 0) + 1);
      for (const b of history.slice(i + 1)) {
        const row = coEarning.get(a) ?? new Map<string, number>();
        row.set(b, (row.get(b) ?? 0) + 1);
        coEarning.set(a, row);
      }
    });
  }
  return { coEarning, earners };
}

/**
 * Offline evaluation: hold out each learner's last earned item, rank with everything earlier (goal gap, co-earning,
 * rubric follow-ups), and score the held-out item's position against a popularity baseline. Deterministic for a seed.
 */
export function evaluateRecommendations(opts: { seed?: number; learners?: number; dataset?: SyntheticDataset } = {}): EvaluationResult {
  const ds = opts.dataset ?? generateDataset({ seed: opts.seed ?? 42, learners: opts.learners ?? 2000 });
  const { coEarning, earners } = trainingCounts(ds);
  const occupations = new Map(ds.occupations.map((o) => [o.code, o]));
  const skillNames = new Map(ds.skills.map((s) => [s.id, s.name]));
  const names = new Map(ds.achievements.map((a) => [a.id, a.name]));
  const skillsOf = new Map(ds.achievements.map((a) => [a.id, a.skills]));
  const ours = { hits: 0, ndcg: 0 };
  const base = { hits: 0, ndcg: 0 };
  let n = 0;
  for (const l of ds.learners) {
    if (l.sequence.length < 2) continue;
    const heldOut = l.sequence[l.sequence.length - 1] as string;
    const history = l.sequence.slice(0, -1);
    const have = new Set(history.flatMap((a) => skillsOf.get(a) ?? []));
    const goal = occupations.get(l.occupation)?.skills ?? [];
    const input: RankInput = {
      missing: goal
        .filter((s) => !have.has(s.skill))
        .map((s) => ({ skill: s.skill, name: skillNames.get(s.skill) ?? s.skill, weight: s.importance })),
      candidates: ds.achievements,
      earned: history.map((id) => ({ id, name: names.get(id) ?? id })),
      coEarning,
      earners,
      followUps: syntheticFollowUps(ds, l, history.length),
      limit: 10,
    };
    const score = (ranked: string[], acc: { hits: number; ndcg: number }) => {
      const i = ranked.indexOf(heldOut);
      if (i >= 0) {
        acc.hits += 1;
        acc.ndcg += 1 / Math.log2(i + 2);
      }
    };
    score(
      rankRecommendations(input).map((r) => r.achievementId),
      ours,
    );
    score(rankByPopularity(input), base);
    n += 1;
  }
  const f = (acc: { hits: number; ndcg: number }): Figures => ({
    hitRateAt10: round(n ? acc.hits / n : 0),
    ndcgAt10: round(n ? acc.ndcg / n : 0),
  });
  return { learners: n, ...f(ours), baseline: f(base) };
}
