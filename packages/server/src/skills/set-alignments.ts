import type { Deps } from '../context.js';
import { readContent } from '../achievements/index.js';
import { findAchievement } from '../achievements/index.js';
import { recordAudit } from '../audit/index.js';
import { inTransaction } from '../db/tx.js';
import type { FieldError } from '../shared/errors.js';
import { AppError } from '../shared/errors.js';
import type { SkillAlignments } from './skills-of-version.js';
import { skillsOfAchievementDraft } from './skills-of-version.js';
import { findSkillRows, replaceDraftAlignments } from './store.js';

/** Options of setting a draft's alignments. */
export interface SetAlignmentsOptions {
  actor: { accountId: string; ip: string | null };
  orgId: string;
  achievementId: string;
  /** Skill ids for the micro-credential as a whole. */
  achievement: string[];
  /** Skill ids per rubric criterion id. */
  criteria: Record<string, string[]>;
}

/**
 * Replace the skills a micro-credential's draft is aligned to (as a whole and per rubric criterion). Skills must
 * be live and in a framework the organisation may use (platform-wide or its own); criteria must be in the draft's
 * rubric. The next published version carries them.
 */
export async function setAlignments(deps: Deps, opts: SetAlignmentsOptions): Promise<SkillAlignments> {
  return inTransaction(deps, async (tx) => {
    const row = await findAchievement(tx.db, opts.orgId, opts.achievementId, true);
    if (!row) throw new AppError('not_found', 'No such micro-credential');
    if (row.status === 'retired') throw new AppError('conflict', 'This micro-credential is retired');
    const criteria = new Set(readContent(row.draft).rubric.criteria.map((c) => c.id));
    const wanted = [
      ...opts.achievement.map((skillId, i) => ({ criterionId: null, skillId, path: `achievement.${i}` })),
      ...Object.entries(opts.criteria).flatMap(([cid, ids]) =>
        ids.map((skillId, i) => ({ criterionId: cid, skillId, path: `criteria.${cid}.${i}` })),
      ),
    ];
    const found = new Map(
      (
        await findSkillRows(
          tx.db,
          wanted.map((w) => w.skillId),
        )
      ).map((s) => [s.id, s]),
    );
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    const rows: Array<{ id: string; criterionId: string | null; skillId: string }> = [];
    for (const w of wanted) {
      const s = found.get(w.skillId);
      if (w.criterionId !== null && !criteria.has(w.criterionId))
        errors.push({ path: `criteria.${w.criterionId}`, message: 'No such criterion in the draft’s rubric' });
      else if (!s || s.retiredAt || (s.framework.orgId !== null && s.framework.orgId !== opts.orgId))
        errors.push({ path: w.path, message: 'No such skill in the frameworks this organisation uses' });
      else if (!seen.has(`${w.criterionId ?? ''}|${w.skillId}`)) {
        seen.add(`${w.criterionId ?? ''}|${w.skillId}`);
        rows.push({ id: tx.ids.id('alignment'), criterionId: w.criterionId, skillId: w.skillId });
      }
    }
    if (errors.length) throw new AppError('validation_failed', 'Some alignments cannot be saved', { errors });
    if (rows.length > 200)
      throw new AppError('validation_failed', 'At most 200 alignments', {
        errors: [{ path: 'achievement', message: 'At most 200 alignments' }],
      });
    await replaceDraftAlignments(tx.db, { orgId: opts.orgId, achievementId: opts.achievementId, rows });
    await recordAudit(tx, {
      action: 'achievement.alignments_changed',
      orgId: opts.orgId,
      actorId: opts.actor.accountId,
      ip: opts.actor.ip,
      target: opts.achievementId,
      detail: { skills: rows.length },
    });
    return skillsOfAchievementDraft(tx.db, opts.achievementId);
  });
}
