import type { Db } from '../db/client.js';
import type { AlignedSkill } from './store.js';
import { listAlignmentRows, listVersionsAlignmentRows } from './store.js';

/** The skills something is aligned to: the micro-credential as a whole, and per rubric criterion id. */
export interface SkillAlignments {
  achievement: AlignedSkill[];
  criteria: Record<string, AlignedSkill[]>;
}

/** Split alignment rows into whole-achievement and per-criterion lists, keeping their order. */
export function groupAlignments(rows: AlignedSkill[]): SkillAlignments {
  const out: SkillAlignments = { achievement: [], criteria: {} };
  for (const r of rows) {
    if (r.criterionId === null) out.achievement.push(r);
    else (out.criteria[r.criterionId] ??= []).push(r);
  }
  return out;
}

/** The skills a published achievement version is aligned to (micro-credential level and criterion level). */
export async function skillsOfAchievementVersion(db: Db, versionId: string): Promise<SkillAlignments> {
  return groupAlignments(await listAlignmentRows(db, { versionId }));
}

/** The skills of several published versions at once (one query), keyed by version id; versions with none are absent. */
export async function skillsOfAchievementVersions(db: Db, versionIds: string[]): Promise<Map<string, SkillAlignments>> {
  const byVersion = new Map<string, AlignedSkill[]>();
  for (const r of await listVersionsAlignmentRows(db, [...new Set(versionIds)])) {
    const list = byVersion.get(r.versionId) ?? [];
    list.push(r.skill);
    byVersion.set(r.versionId, list);
  }
  return new Map([...byVersion].map(([v, rows]) => [v, groupAlignments(rows)]));
}

/** The skills an achievement's draft is aligned to (what the next published version will carry). */
export async function skillsOfAchievementDraft(db: Db, achievementId: string): Promise<SkillAlignments> {
  return groupAlignments(await listAlignmentRows(db, { achievementId, versionId: null }));
}
