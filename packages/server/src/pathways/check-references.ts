import type { PathwayContent } from '@tessera/shared';
import type { Db } from '../db/client.js';
import type { FieldError } from '../shared/errors.js';
import { findAchievementInfos } from './store.js';
import type { AchievementInfo } from './store.js';

/**
 * Problems with the achievements a pathway names, with field paths. The completion and milestone achievements
 * must be this organisation's; steps may name any organisation's published achievement (another organisation's
 * draft is reported as unknown, so drafts cannot be probed). Retired achievements are refused; when publishing,
 * this organisation's achievements must be published too.
 */
export async function referenceProblems(
  db: Db,
  opts: { orgId: string; content: PathwayContent; publishing: boolean },
): Promise<{ problems: FieldError[]; infos: Map<string, AchievementInfo> }> {
  const p = opts.content;
  const ids = [
    p.completionAchievementId,
    ...p.groups.flatMap((g) => (g.milestoneAchievementId ? [g.milestoneAchievementId] : [])),
    ...p.steps.flatMap((s) => (s.accept.kind === 'achievement' ? [s.accept.achievementId] : [])),
  ];
  const infos = await findAchievementInfos(db, ids);
  const problems: FieldError[] = [];
  const own = (id: string, path: string, what: string) => {
    const a = infos.get(id);
    if (!a || a.orgId !== opts.orgId) problems.push({ path, message: `No such achievement of this organisation for the ${what}` });
    else if (a.status === 'retired') problems.push({ path, message: 'This achievement is retired' });
    else if (opts.publishing && a.status !== 'published') problems.push({ path, message: 'Publish this achievement first' });
  };
  own(p.completionAchievementId, 'completionAchievementId', 'completion');
  p.groups.forEach((g, i) => {
    if (g.milestoneAchievementId) own(g.milestoneAchievementId, `groups.${i}.milestoneAchievementId`, 'milestone');
    if (g.milestoneAchievementId === p.completionAchievementId)
      problems.push({ path: `groups.${i}.milestoneAchievementId`, message: 'A milestone needs an achievement other than the completion' });
  });
  p.steps.forEach((s, i) => {
    if (s.accept.kind !== 'achievement') return;
    const path = `steps.${i}.accept.achievementId`;
    const a = infos.get(s.accept.achievementId);
    if (!a || (a.orgId !== opts.orgId && a.status === 'draft')) problems.push({ path, message: 'No such achievement' });
    else if (a.status === 'retired') problems.push({ path, message: 'This achievement is retired' });
    else if (opts.publishing && a.status !== 'published') problems.push({ path, message: 'Publish this achievement first' });
    else if (s.accept.achievementId === p.completionAchievementId)
      problems.push({ path, message: 'The completion achievement cannot be a step of its own pathway' });
  });
  return { problems, infos };
}
