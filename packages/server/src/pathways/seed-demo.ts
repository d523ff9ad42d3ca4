import type { AchievementContentInput, PathwayContent } from '@tessera/shared';
import { createAchievement, listAchievementRows, publishAchievement } from '../achievements/index.js';
import type { Actor, Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { createPathway } from './create-pathway.js';
import { publishPathway } from './publish-pathway.js';

const CERTIFICATE: AchievementContentInput = {
  name: 'Online Teaching Certificate',
  achievementType: 'Certificate',
  description: 'Awarded for completing the Online Teaching Certificate pathway: four core micro-credentials and one elective.',
  learningGoal: 'Plan, teach and assess a complete online course that every student can take part in.',
  competency: 'The educator designs, facilitates and assesses online learning across a whole course.',
  criteriaNarrative: 'Earned automatically by completing the Online Teaching Certificate pathway.',
  creditsAvailable: 5,
  evidenceRequirements: [{ id: 'pathway', prompt: 'The micro-credentials of the pathway.', kinds: ['link'], required: true }],
  rubric: {
    criteria: [
      {
        id: 'c1',
        name: 'Pathway complete',
        description: 'All core micro-credentials and one elective are earned.',
        levels: [
          { id: 'l1', name: 'Not yet', description: 'Some parts are missing.', points: 0 },
          { id: 'l2', name: 'Complete', description: 'Every required part is earned.', points: 1 },
        ],
        requiredLevelId: 'l2',
      },
    ],
  },
};

const CORE = [
  'Designing Effective Online Assessments',
  'Facilitating Online Discussions',
  'Creating Accessible Online Content',
  'Using the LMS Effectively',
];
const ELECTIVES = ['Creating Engaging Video Lectures', 'Using Interactive Simulations'];

/**
 * The demo pathway: "Online Teaching Certificate" stacking the six demo micro-credentials (four core, one of two
 * electives; the LMS one before assessments, accessible content before video lectures), published, so the demo
 * learner sees their progress part-way.
 */
export async function seedPathwayDemo(deps: Deps, opts: { org: OrgRow; designer: Actor }): Promise<void> {
  const rows = await listAchievementRows(deps.db, opts.org.id);
  const idOf = (name: string): string => {
    const row = rows.find((r) => r.draft['name'] === name);
    if (!row) throw new Error(`demo micro-credential ${name} missing`);
    return row.id;
  };
  const cert = await createAchievement(deps, { actor: opts.designer, org: opts.org, content: CERTIFICATE });
  await publishAchievement(deps, { actor: opts.designer, org: opts.org, achievementId: cert.id });
  const step = (name: string, i: number, groupId: string) => ({
    id: `${groupId}-${i + 1}`,
    groupId,
    accept: { kind: 'achievement' as const, achievementId: idOf(name) },
  });
  const content: PathwayContent = {
    name: 'Online Teaching Certificate',
    description: 'Stack four core micro-credentials and one elective into a certificate in online teaching.',
    completionAchievementId: cert.id,
    groups: [
      { id: 'certificate', name: 'Online Teaching Certificate', parentId: null, rule: 'all', n: null, milestoneAchievementId: null },
      { id: 'core', name: 'Core practice', parentId: 'certificate', rule: 'all', n: null, milestoneAchievementId: null },
      { id: 'elective', name: 'Electives', parentId: 'certificate', rule: 'atLeast', n: 1, milestoneAchievementId: null },
    ],
    steps: [...CORE.map((n, i) => step(n, i, 'core')), ...ELECTIVES.map((n, i) => step(n, i, 'elective'))],
    precedes: [
      { from: 'core-4', to: 'core-1' },
      { from: 'core-3', to: 'elective-1' },
    ],
    expiryPolicy: 'keep',
  };
  const id = await createPathway(deps, { actor: opts.designer, org: opts.org, content });
  await publishPathway(deps, { actor: opts.designer, org: opts.org, pathwayId: id });
}
