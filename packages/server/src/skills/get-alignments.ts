import type { Db } from '../db/client.js';
import { findAchievement } from '../achievements/index.js';
import { AppError } from '../shared/errors.js';
import type { SkillAlignments } from './skills-of-version.js';
import { skillsOfAchievementDraft } from './skills-of-version.js';

/** The skills an organisation's micro-credential draft is aligned to (404 when it is not the organisation's). */
export async function getAlignments(db: Db, opts: { orgId: string; achievementId: string }): Promise<SkillAlignments> {
  if (!(await findAchievement(db, opts.orgId, opts.achievementId))) throw new AppError('not_found', 'No such micro-credential');
  return skillsOfAchievementDraft(db, opts.achievementId);
}
