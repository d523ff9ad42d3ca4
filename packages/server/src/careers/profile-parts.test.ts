import { describe, expect, it } from 'vitest';
import type { SkillEvidence } from '@tessera/shared';
import { assembleProfile, levelOf } from './assemble-profile.js';
import { computeGap } from './compute-gap.js';
import { readAlignments } from './read-alignments.js';

const ev = (id: string, at: string, level: SkillEvidence['level'] = null): SkillEvidence => ({
  kind: 'earned',
  credentialId: id,
  name: id,
  issuerName: null,
  url: `https://t.example/credentials/${id}`,
  issuedAt: at,
  level,
});
const skill = (n: number) => ({ url: `https://s.example/${n}`, name: `Skill ${n}`, code: null, framework: null });

describe('readAlignments', () => {
  it('reads OB 3.0 achievement and criterion alignments, with the level the result names', () => {
    const credential = {
      credentialSubject: {
        achievement: {
          alignment: [{ targetUrl: 'https://s.example/1', targetName: 'One' }],
          resultDescription: [
            {
              id: 'rd1',
              rubricCriterionLevel: [
                { id: 'a', name: 'Novice' },
                { id: 'b', name: 'Expert' },
              ],
              alignment: [{ targetCode: 'X.2', targetFramework: 'F' }],
            },
          ],
        },
        result: [{ resultDescription: 'rd1', achievedLevel: 'b' }],
      },
    };
    expect(readAlignments(credential)).toEqual([
      { url: 'https://s.example/1', code: null, framework: null, name: 'One', level: null },
      { url: null, code: 'X.2', framework: 'F', name: null, level: { name: 'Expert', rank: 2, of: 2 } },
    ]);
  });

  it('reads an OB 2.0 assertion’s embedded badge class alignments and ignores ones with neither URL nor code', () => {
    expect(
      readAlignments({ badge: { alignment: [{ targetName: 'No target' }, { targetUrl: 'https://s.example/3', targetCode: 'C3' }] } }),
    ).toEqual([{ url: 'https://s.example/3', code: 'C3', framework: null, name: null, level: null }]);
  });
});

describe('assembleProfile', () => {
  it('groups evidence per skill, newest first, keeping the best level', () => {
    const p = assembleProfile([
      { skill: skill(1), evidence: ev('a', '2026-01-01T00:00:00Z', levelOf('Developing', 2, 3)) },
      { skill: skill(1), evidence: ev('b', '2026-03-01T00:00:00Z', levelOf('Proficient', 3, 3)) },
      { skill: skill(2), evidence: ev('a', '2026-01-01T00:00:00Z') },
    ]);
    expect(p.map((s) => [s.url, s.evidence.map((e) => e.credentialId), s.level?.name ?? null])).toEqual([
      ['https://s.example/1', ['b', 'a'], 'Proficient'],
      ['https://s.example/2', ['a'], null],
    ]);
  });

  it('maps rubric levels onto a 1–5 scale', () => {
    expect([1, 2, 3].map((r) => levelOf('x', r, 3).scale)).toEqual([1, 3, 5]);
    expect(levelOf('x', 2, 4).scale).toBe(2);
  });
});

describe('computeGap', () => {
  it('marks skills verified, below the required level, or missing, most important first', () => {
    const profile = assembleProfile([
      { skill: skill(1), evidence: ev('a', '2026-01-01T00:00:00Z', levelOf('Developing', 2, 3)) },
      { skill: skill(2), evidence: ev('a', '2026-01-01T00:00:00Z') },
    ]);
    const gap = computeGap(
      [
        { ...skill(1), importance: 2, requiredLevel: 4 },
        { ...skill(2), importance: 3, requiredLevel: 4 },
        { ...skill(3), importance: 5, requiredLevel: null },
      ],
      profile,
    );
    // Skill 2 has no rubric level: a verified credential without a level counts as verified.
    expect(gap.map((g) => [g.name, g.status])).toEqual([
      ['Skill 3', 'missing'],
      ['Skill 2', 'verified'],
      ['Skill 1', 'below_level'],
    ]);
  });
});
