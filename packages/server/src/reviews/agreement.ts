import type { Content } from '../achievements/index.js';

/** One double-scored pair: the two reviews of the same attempt. */
export interface ReviewPair {
  a: { decision: string; levels: Record<string, string> };
  b: { decision: string; levels: Record<string, string> };
}

/** Cohen's kappa for two raters' labels; null when undefined (no pairs, or chance agreement is total). */
export function cohensKappa(pairs: Array<[string, string]>): number | null {
  if (pairs.length === 0) return null;
  const n = pairs.length;
  const observed = pairs.filter(([x, y]) => x === y).length / n;
  const labels = new Set(pairs.flat());
  let expected = 0;
  for (const l of labels) expected += (pairs.filter(([x]) => x === l).length / n) * (pairs.filter(([, y]) => y === l).length / n);
  if (expected === 1) return null;
  return (observed - expected) / (1 - expected);
}

const share = (pairs: Array<[string, string]>) => (pairs.length ? pairs.filter(([x, y]) => x === y).length / pairs.length : null);

/** Exact agreement and kappa on decisions and on each criterion's level. */
export function agreementStats(content: Content, pairs: ReviewPair[]) {
  const decisions = pairs.map((p): [string, string] => [p.a.decision, p.b.decision]);
  return {
    pairs: pairs.length,
    decisionAgreement: share(decisions),
    decisionKappa: cohensKappa(decisions),
    criteria: content.rubric.criteria.map((c) => {
      const levels = pairs
        .filter((p) => p.a.levels[c.id] && p.b.levels[c.id])
        .map((p): [string, string] => [p.a.levels[c.id] ?? '', p.b.levels[c.id] ?? '']);
      return { criterionId: c.id, name: c.name, pairs: levels.length, exactAgreement: share(levels), kappa: cohensKappa(levels) };
    }),
  };
}
