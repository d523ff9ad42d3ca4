import type { GapSkill, ProfileSkill, SkillRef } from '@tessera/shared';

/** A skill a goal requires: importance (occupations) or a minimum level on the 1–5 scale (roles). */
export interface Requirement extends SkillRef {
  importance: number | null;
  requiredLevel: number | null;
}

/**
 * The gap between what a goal requires and the learner's verified profile. A skill is `verified` when the profile
 * has it at the required level (or no level is required, or no rubric gave one), `below_level` when a rubric level is
 * lower than required, `missing` otherwise. Most important skills first.
 */
export function computeGap(required: readonly Requirement[], profile: readonly ProfileSkill[]): GapSkill[] {
  const have = new Map(profile.map((s) => [s.url, s]));
  return required
    .map((r): GapSkill => {
      const p = have.get(r.url);
      const status = !p
        ? 'missing'
        : r.requiredLevel !== null && p.level !== null && p.level.scale < r.requiredLevel
          ? 'below_level'
          : 'verified';
      return { ...r, level: p?.level ?? null, status, evidence: p?.evidence ?? [] };
    })
    .sort(
      (a, b) =>
        (b.importance ?? 0) - (a.importance ?? 0) || (b.requiredLevel ?? 0) - (a.requiredLevel ?? 0) || a.name.localeCompare(b.name),
    );
}
