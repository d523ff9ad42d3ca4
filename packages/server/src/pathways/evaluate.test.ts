// Pure evaluation of a pathway for one learner: nested rules, ordering, expiry policy, imported credentials.
import { PathwayContent } from '@tessera/shared';
import { describe, expect, it } from 'vitest';
import { evaluatePathway, importedPartOf, partsUnder } from './evaluate.js';
import type { Holdings } from './evaluate.js';

const pathway = (expiryPolicy: 'keep' | 'require-valid' = 'keep') =>
  PathwayContent.parse({
    name: 'P',
    completionAchievementId: 'cert',
    groups: [
      { id: 'root', name: 'Root', parentId: null, rule: 'all' },
      { id: 'core', name: 'Core', parentId: 'root', rule: 'all' },
      { id: 'pick', name: 'Pick two', parentId: 'root', rule: 'atLeast', n: 2 },
    ],
    steps: [
      { id: 'a', groupId: 'core', accept: { kind: 'achievement', achievementId: 'A' } },
      { id: 'b', groupId: 'core', accept: { kind: 'achievement', achievementId: 'B' } },
      { id: 'c', groupId: 'pick', accept: { kind: 'achievement', achievementId: 'C' } },
      { id: 'd', groupId: 'pick', accept: { kind: 'imported', label: 'External', achievementIri: 'https://x.example/ach/1', skill: null } },
      {
        id: 'e',
        groupId: 'pick',
        accept: { kind: 'imported', label: 'By skill', achievementIri: null, skill: 'https://skills.example/s1' },
      },
    ],
    precedes: [{ from: 'a', to: 'b' }],
    expiryPolicy,
  });
const holdings = (h: Partial<Holdings>): Holdings => ({ credentials: [], imported: [], openAchievementIds: new Set(), ...h });

describe('evaluatePathway', () => {
  it('completes nested all / at-least groups and lists the parts', () => {
    const e = evaluatePathway(
      pathway(),
      holdings({
        credentials: [
          { id: 'cA', achievementId: 'A', status: 'active' },
          { id: 'cB', achievementId: 'B', status: 'active' },
          { id: 'cC', achievementId: 'C', status: 'active' },
        ],
        imported: [{ id: 'w1', achievementIris: [], skills: ['https://skills.example/s1'] }],
      }),
    );
    expect(e.complete).toBe(true);
    expect(e.groups.get('pick')).toMatchObject({ complete: true, doneCount: 2, needed: 2 });
    expect(partsUnder(pathway(), e, 'root')).toEqual([
      { stepId: 'a', kind: 'credential', id: 'cA' },
      { stepId: 'b', kind: 'credential', id: 'cB' },
      { stepId: 'c', kind: 'credential', id: 'cC' },
      { stepId: 'e', kind: 'imported', id: 'w1' },
    ]);
  });

  it('is not complete when an at-least group is one short; ordering locks, an open submission is in progress', () => {
    const e = evaluatePathway(
      pathway(),
      holdings({ credentials: [{ id: 'cC', achievementId: 'C', status: 'active' }], openAchievementIds: new Set(['A']) }),
    );
    expect(e.complete).toBe(false);
    expect(e.groups.get('pick')).toMatchObject({ complete: false, doneCount: 1 });
    expect(e.steps.get('a')?.status).toBe('in_progress');
    expect(e.steps.get('b')).toMatchObject({ status: 'locked', waitingFor: ['a'] });
    expect(e.steps.get('d')?.status).toBe('available');
  });

  it('counts an expired credential under "keep" but not under "require-valid"; revoked and suspended never count', () => {
    const held = (status: 'expired' | 'revoked' | 'suspended') =>
      holdings({
        credentials: [
          { id: 'cA', achievementId: 'A', status },
          { id: 'cB', achievementId: 'B', status: 'active' },
        ],
      });
    expect(evaluatePathway(pathway('keep'), held('expired')).steps.get('a')?.status).toBe('done');
    expect(evaluatePathway(pathway('require-valid'), held('expired')).steps.get('a')?.status).toBe('available');
    expect(evaluatePathway(pathway('keep'), held('revoked')).steps.get('a')?.status).toBe('available');
    expect(evaluatePathway(pathway('keep'), held('suspended')).steps.get('a')?.status).toBe('available');
  });
});

describe('importedPartOf', () => {
  it('reads achievement ids and alignments from OB 3.0 JSON, OB 3.0 VC-JWT and OB 2.0 assertions', () => {
    const ob3 = {
      credentialSubject: {
        achievement: {
          id: 'https://x.example/ach/1',
          alignment: [{ targetUrl: 'https://skills.example/s1', targetCode: 'S1', targetName: 'Skill' }],
        },
      },
    };
    expect(importedPartOf({ id: 'w', mediaType: 'application/json', payload: JSON.stringify(ob3) })).toEqual({
      id: 'w',
      achievementIris: ['https://x.example/ach/1'],
      skills: ['https://skills.example/s1', 'S1', 'Skill'],
    });
    const jwt = `e30.${Buffer.from(JSON.stringify({ vc: ob3 })).toString('base64url')}.sig`;
    expect(importedPartOf({ id: 'j', mediaType: 'application/jwt', payload: jwt })?.achievementIris).toEqual(['https://x.example/ach/1']);
    const ob2 = { badge: { id: 'https://old.example/badge', alignment: [{ targetUrl: 'https://skills.example/s2' }] } };
    expect(importedPartOf({ id: 'o', mediaType: 'application/json', payload: JSON.stringify(ob2) })).toMatchObject({
      achievementIris: ['https://old.example/badge'],
      skills: ['https://skills.example/s2'],
    });
    expect(importedPartOf({ id: 'bad', mediaType: 'application/json', payload: '{not json' })).toBeNull();
    expect(importedPartOf({ id: 'img', mediaType: 'image/png', payload: 'AAAA' })).toBeNull();
  });
});

describe('PathwayContent', () => {
  it('refuses an imported step with nothing to match, and two roots', () => {
    const r = PathwayContent.safeParse({
      name: 'P',
      completionAchievementId: 'cert',
      groups: [
        { id: 'r1', name: 'R1', parentId: null },
        { id: 'r2', name: 'R2', parentId: null },
      ],
      steps: [
        { id: 's', groupId: 'r1', accept: { kind: 'imported', label: 'X' } },
        { id: 't', groupId: 'r2', accept: { kind: 'achievement', achievementId: 'A' } },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['groups', 'steps.0.accept.achievementIri']);
  });
});
