import { describe, expect, it } from 'vitest';
import type { Candidate, RankInput } from './rank.js';
import { rankByPopularity, rankRecommendations } from './rank.js';
import { evaluateRecommendations } from './evaluate-recommendations.js';

const skill = (id: string) => ({ skill: id, name: `Skill ${id.toUpperCase()}`, weight: 1 });
const cand = (id: string, skills: string[], status: Candidate['status'] = 'published'): Candidate => ({
  id,
  name: `Course ${id}`,
  status,
  skills,
});

function input(over: Partial<RankInput> = {}): RankInput {
  return {
    missing: ['a', 'b', 'c', 'd', 'e'].map(skill),
    candidates: [cand('x', ['a', 'b', 'c']), cand('y', ['d']), cand('z', ['q'])],
    earned: [{ id: 'done', name: 'Designing Effective Online Assessments' }],
    coEarning: new Map([['done', new Map([['y', 5]])]]),
    earners: new Map([
      ['done', 10],
      ['y', 7],
      ['x', 2],
      ['z', 50],
    ]),
    ...over,
  };
}

describe('rankRecommendations', () => {
  it('explains coverage and co-earning in plain words', () => {
    const out = rankRecommendations(input());
    const x = out.find((r) => r.achievementId === 'x');
    const y = out.find((r) => r.achievementId === 'y');
    expect(x?.explanation).toBe('Covers 3 of your 5 missing skills (Skill A, Skill B and Skill C)');
    expect(y?.explanation).toBe('Covers 1 of your 5 missing skills (Skill D); often earned after Designing Effective Online Assessments');
    // y covers less of the gap, but half of those who hold the learner's item went on to earn it.
    expect(out.map((r) => r.achievementId)).toEqual(['y', 'x']);
  });

  it('ranks by gap coverage weighted by importance', () => {
    const out = rankRecommendations(
      input({
        missing: [
          { skill: 'a', name: 'A', weight: 1 },
          { skill: 'd', name: 'D', weight: 10 },
        ],
        coEarning: new Map(),
      }),
    );
    expect(out.map((r) => r.achievementId)).toEqual(['y', 'x']);
  });

  it('never recommends earned, retired or draft items, even when they cover the whole gap', () => {
    const out = rankRecommendations(
      input({
        candidates: [
          cand('done', ['a', 'b', 'c', 'd', 'e']),
          cand('old', ['a', 'b', 'c', 'd', 'e'], 'retired'),
          cand('wip', ['a'], 'draft'),
          cand('y', ['d']),
        ],
      }),
    );
    expect(out.map((r) => r.achievementId)).toEqual(['y']);
  });

  it('suggests a follow-up when a criterion was passed only at the required level', () => {
    const followUps = [{ achievementId: 'done', achievementName: 'Assessment Design', criterionName: 'Feedback quality', skills: ['q'] }];
    const out = rankRecommendations(input({ followUps }));
    const z = out.find((r) => r.achievementId === 'z');
    expect(z?.explanation).toBe('A follow-up to “Feedback quality” in Assessment Design, which you passed at the required level');
    expect(rankRecommendations(input()).some((r) => r.achievementId === 'z')).toBe(false);
  });

  it('does not claim "often earned after" below the minimum number of learners', () => {
    const out = rankRecommendations(input({ coEarning: new Map([['done', new Map([['y', 1]])]]) }));
    expect(out.find((r) => r.achievementId === 'y')?.oftenEarnedAfter).toBeNull();
  });

  it('the popularity baseline skips earned and retired items', () => {
    expect(
      rankByPopularity({
        candidates: [cand('z', []), cand('done', []), cand('y', [], 'retired'), cand('x', [])],
        earned: [{ id: 'done', name: 'd' }],
        earners: new Map([
          ['z', 50],
          ['done', 99],
          ['y', 70],
          ['x', 2],
        ]),
      }),
    ).toEqual(['z', 'x']);
  });
});

describe('evaluateRecommendations', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    const a = evaluateRecommendations({ seed: 7, learners: 300 });
    const b = evaluateRecommendations({ seed: 7, learners: 300 });
    const c = evaluateRecommendations({ seed: 8, learners: 300 });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('beats the popularity baseline on hit rate and nDCG', () => {
    const r = evaluateRecommendations({ seed: 42, learners: 500 });
    expect(r.learners).toBe(500);
    expect(r.hitRateAt10).toBeGreaterThan(r.baseline.hitRateAt10);
    expect(r.ndcgAt10).toBeGreaterThan(r.baseline.ndcgAt10);
  });
});
