import type { Skill, SkillFramework, SkillWithFramework } from '@tessera/shared';
import { skillUrl } from './ob3-alignment.js';
import type { SkillFrameworkRow, SkillRow, SkillWithFramework as SkillWithFrameworkRow } from './store.js';

/** A framework as the API returns it. */
export function presentFramework(f: SkillFrameworkRow): SkillFramework {
  return {
    id: f.id,
    orgId: f.orgId,
    scope: f.orgId ? 'org' : 'platform',
    title: f.title,
    description: f.description,
    sourceKind: f.sourceKind,
    sourceId: f.sourceId,
    sourceUri: f.sourceUri,
    version: f.version,
    licence: f.licence,
    skillCount: f.skillCount,
    updatedAt: f.updatedAt.toISOString(),
  };
}

/** A skill as the API returns it. */
export function presentSkill(baseUrl: string, s: SkillRow): Skill {
  return {
    id: s.id,
    frameworkId: s.frameworkId,
    identifier: s.identifier,
    code: s.code,
    name: s.name,
    description: s.description,
    uri: s.uri,
    url: skillUrl(baseUrl, s),
    type: s.type,
    parentId: s.parentId,
    retired: s.retiredAt !== null,
  };
}

/** A skill with its framework's title and kind. */
export function presentSkillWithFramework(baseUrl: string, s: SkillWithFrameworkRow): SkillWithFramework {
  return { ...presentSkill(baseUrl, s), framework: { id: s.framework.id, title: s.framework.title, sourceKind: s.framework.sourceKind } };
}
