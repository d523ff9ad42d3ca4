import { describe, expect, it } from 'vitest';
import { AchievementContent } from '@tessera/shared';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import { agreementStats, cohensKappa } from './agreement.js';

describe("Cohen's kappa", () => {
  it('is 1 for perfect agreement with variation, 0 at chance, negative below chance, null when undefined', () => {
    expect(
      cohensKappa([
        ['a', 'a'],
        ['b', 'b'],
        ['a', 'a'],
        ['b', 'b'],
      ]),
    ).toBe(1);
    expect(
      cohensKappa([
        ['a', 'a'],
        ['a', 'b'],
        ['b', 'a'],
        ['b', 'b'],
      ]),
    ).toBe(0);
    expect(
      cohensKappa([
        ['a', 'b'],
        ['b', 'a'],
      ]),
    ).toBe(-1);
    expect(
      cohensKappa([
        ['a', 'a'],
        ['a', 'a'],
      ]),
    ).toBeNull();
    expect(cohensKappa([])).toBeNull();
  });

  it('matches a worked example (observed 0.7, expected 0.5 → 0.4)', () => {
    const pairs: Array<[string, string]> = [
      ...Array.from({ length: 20 }, (): [string, string] => ['yes', 'yes']),
      ...Array.from({ length: 5 }, (): [string, string] => ['yes', 'no']),
      ...Array.from({ length: 10 }, (): [string, string] => ['no', 'yes']),
      ...Array.from({ length: 15 }, (): [string, string] => ['no', 'no']),
    ];
    expect(cohensKappa(pairs)).toBeCloseTo(0.4, 10);
  });
});

describe('agreement statistics', () => {
  it('reports exact agreement and kappa for decisions and each criterion', () => {
    const content = AchievementContent.parse(sampleAchievement());
    const stats = agreementStats(content, [
      {
        a: { decision: 'pass', levels: { c1: 'l3', c2: 'l3', c3: 'l3' } },
        b: { decision: 'pass', levels: { c1: 'l3', c2: 'l2', c3: 'l3' } },
      },
      {
        a: { decision: 'needs_revision', levels: { c1: 'l1', c2: 'l2', c3: 'l2' } },
        b: { decision: 'needs_revision', levels: { c1: 'l1', c2: 'l2', c3: 'l3' } },
      },
    ]);
    expect(stats.pairs).toBe(2);
    expect(stats.decisionAgreement).toBe(1);
    expect(stats.decisionKappa).toBe(1);
    expect(stats.criteria.map((c) => [c.criterionId, c.exactAgreement])).toEqual([
      ['c1', 1],
      ['c2', 0.5],
      ['c3', 0.5],
    ]);
  });
});
