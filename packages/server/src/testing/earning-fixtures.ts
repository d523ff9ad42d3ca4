import type { AchievementContentInput } from '@tessera/shared';

/** A complete three-criterion micro-credential for tests. */
export function sampleAchievement(name = 'Facilitating Online Discussions'): AchievementContentInput {
  const levels = (prefix: string) => [
    { id: 'l1', name: 'Beginning', description: `${prefix}: not yet evident`, points: 1 },
    { id: 'l2', name: 'Developing', description: `${prefix}: partly evident`, points: 2 },
    { id: 'l3', name: 'Proficient', description: `${prefix}: consistently evident`, points: 3 },
  ];
  return {
    name,
    description: 'Plans and runs online discussions that deepen learning.',
    learningGoal: 'Design discussion prompts that require evidence-based replies.',
    competency: 'The educator facilitates asynchronous discussions.',
    criteriaNarrative: 'Submit a discussion plan, a transcript excerpt and a reflection.',
    skills: ['online facilitation', 'questioning'],
    alignments: [
      { targetName: 'ISTE Educator 2.5', targetUrl: 'https://iste.org/standards/educators', targetFramework: 'ISTE', targetCode: '2.5' },
    ],
    validity: { kind: 'months', months: 24 },
    creditsAvailable: 1,
    evidenceRequirements: [
      { id: 'plan', prompt: 'Your discussion plan', kinds: ['text', 'file'], required: true, criterionIds: ['c1'] },
      { id: 'transcript', prompt: 'A transcript excerpt', kinds: ['file', 'link'], required: true, criterionIds: ['c2'] },
      { id: 'reflection', prompt: 'Your reflection', kinds: ['text'], required: true, criterionIds: ['c3'] },
    ],
    resources: [{ title: 'Discussion design guide', url: 'https://example.org/guide', note: '' }],
    rubric: {
      criteria: [
        { id: 'c1', name: 'Prompt design', description: 'Prompts require evidence', levels: levels('Prompts'), requiredLevelId: 'l2' },
        {
          id: 'c2',
          name: 'Facilitation',
          description: 'Moves keep discussion going',
          levels: levels('Facilitation'),
          requiredLevelId: 'l2',
        },
        { id: 'c3', name: 'Reflection', description: 'Reflects on impact', levels: levels('Reflection'), requiredLevelId: 'l3' },
      ],
    },
    maxAttempts: 3,
  };
}
