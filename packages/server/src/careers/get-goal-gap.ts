import type { GoalGap } from '@tessera/shared';
import type { Deps } from '../context.js';
import { buildSkillProfile } from './build-skill-profile.js';
import { computeGap } from './compute-gap.js';
import { goalRequirements } from './goal-requirements.js';

/** The gap for one of the learner's goals: each required skill as verified, below the required level, or missing. */
export async function getGoalGap(deps: Deps, opts: { accountId: string; goalId: string }): Promise<GoalGap> {
  const { goal, requirements } = await goalRequirements(deps, opts);
  const profile = await buildSkillProfile(deps, { accountId: opts.accountId });
  const required = computeGap(requirements, profile.skills);
  return {
    goal,
    required,
    verified: required.filter((r) => r.status === 'verified').length,
    missing: required.filter((r) => r.status !== 'verified').length,
  };
}
