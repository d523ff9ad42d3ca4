import type { SkillWithFramework } from './store.js';

/** An OB 3.0 Alignment as Tessera writes it for a framework skill. */
export type SkillAlignmentTarget = {
  targetName: string;
  targetUrl: string;
  targetDescription?: string;
  targetCode?: string;
  targetFramework: string;
  targetType: 'CFItem' | 'ext:RSD' | 'ext:Skill';
};

/** The public URL of a skill: its own http(s) URI (CASE CFItem uri, RSD id) or, without one (or with a `urn:`), its page on this server. */
export function skillUrl(baseUrl: string, skill: Pick<SkillWithFramework, 'id' | 'uri'>): string {
  return skill.uri && /^https?:\/\/[^\s<>"{}|\\^`]+$/.test(skill.uri) && URL.canParse(skill.uri)
    ? skill.uri
    : `${baseUrl}/skills/${skill.id}`;
}

/** The skill id named by a URL of this server's skill pages (`{base}/skills/{id}`), or null. */
export function skillIdFromUrl(baseUrl: string, url: string): string | null {
  const prefix = `${baseUrl}/skills/`;
  if (!url.startsWith(prefix)) return null;
  const id = url.slice(prefix.length).split(/[?#/]/)[0] ?? '';
  return /^skl_[a-z0-9]+$/.test(id) ? id : null;
}

/** The OB 3.0 alignment for a skill: `CFItem` for CASE items, `ext:RSD` for Rich Skill Descriptors, `ext:Skill` for CSV lists. */
export function toOb3Alignment(baseUrl: string, skill: SkillWithFramework): SkillAlignmentTarget {
  const targetType = skill.framework.sourceKind === 'case' ? 'CFItem' : skill.framework.sourceKind === 'rsd' ? 'ext:RSD' : 'ext:Skill';
  return {
    targetName: skill.name.slice(0, 300),
    targetUrl: skillUrl(baseUrl, skill),
    ...(skill.description ? { targetDescription: skill.description.slice(0, 2000) } : {}),
    ...(skill.code ? { targetCode: skill.code } : {}),
    targetFramework: skill.framework.title,
    targetType,
  };
}
