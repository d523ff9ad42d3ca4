/** Public surface of the skills slice: frameworks (CASE, RSD, CSV), skills, search, and achievement alignments. */
export type {
  AchievementAlignmentRow,
  AlignedSkill,
  SkillAssociationRow,
  SkillFrameworkRow,
  SkillRow,
  SkillWithFramework,
} from './store.js';
export { findSkillsByIds } from './find-skills.js';
export { searchSkills } from './search-skills.js';
export type { SearchSkillsOptions } from './search-skills.js';
export { skillsOfAchievementVersion, skillsOfAchievementVersions, skillsOfAchievementDraft, groupAlignments } from './skills-of-version.js';
export type { SkillAlignments } from './skills-of-version.js';
export { matchSkillByUrlOrCode } from './match-skill.js';
export type { MatchSkillOptions } from './match-skill.js';
export { skillUrl, skillIdFromUrl, toOb3Alignment } from './ob3-alignment.js';
export type { SkillAlignmentTarget } from './ob3-alignment.js';
export { importFramework, parseFrameworkFile } from './import-framework.js';
export type { ImportFormat, ImportFrameworkOptions, ImportFrameworkResult } from './import-framework.js';
export { SkillImportError } from './parsed.js';
export type { ImportProblem } from './parsed.js';
export { frameworkFetcher, fetchFrameworkText } from './fetch-framework.js';
export { listVisibleFrameworks, getVisibleFramework, browseFramework } from './browse-framework.js';
export { setAlignments } from './set-alignments.js';
export { snapshotAlignments, sameAlignments } from './snapshot-alignments.js';
export { canSkills, authorizeSkills, authorizePlatformFrameworks } from './policies.js';
export { importDemoFramework, alignDemoAchievement, DEMO_FRAMEWORK_FILE } from './demo-framework.js';
export { SKILL_IMPORT_PATH, skillRoutes } from './routes.js';
export { skillPageRoutes } from './skill-page.js';
