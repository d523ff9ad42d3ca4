import type { ProfileSkill, SkillEvidence, SkillLevel, SkillRef } from '@tessera/shared';

/** One piece of evidence: a verified credential showing a skill, at a rubric level when one was given. */
export interface SkillClaim {
  skill: SkillRef;
  evidence: SkillEvidence;
}

/** A rubric level on the 1–5 scale used by role requirements (the lowest level is 1, the highest 5). */
export function levelOf(name: string, rank: number, of: number): SkillLevel {
  const scale = of <= 1 ? 5 : Math.round(1 + (4 * (rank - 1)) / (of - 1));
  return { name, rank, of, scale };
}

/**
 * Group verified claims into a profile: one entry per skill (by URL), its evidence trail newest first, and the best
 * level any rubric gave. Callers pass only claims from verified credentials; this function trusts nothing else.
 */
export function assembleProfile(claims: readonly SkillClaim[]): ProfileSkill[] {
  const bySkill = new Map<string, ProfileSkill>();
  for (const c of claims) {
    const entry = bySkill.get(c.skill.url) ?? { ...c.skill, level: null, evidence: [] };
    const dup = entry.evidence.find((e) => e.kind === c.evidence.kind && e.credentialId === c.evidence.credentialId);
    if (dup) {
      if (c.evidence.level && (!dup.level || c.evidence.level.scale > dup.level.scale)) dup.level = c.evidence.level;
    } else entry.evidence.push({ ...c.evidence });
    const lv = c.evidence.level;
    if (lv && (!entry.level || lv.scale > entry.level.scale)) entry.level = lv;
    bySkill.set(c.skill.url, entry);
  }
  const out = [...bySkill.values()];
  for (const s of out)
    s.evidence.sort((a, b) => (b.issuedAt ?? '').localeCompare(a.issuedAt ?? '') || a.credentialId.localeCompare(b.credentialId));
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.url.localeCompare(b.url));
}
