import { z } from 'zod';
import { Timestamp } from './common.js';

/** Where a skill framework came from. */
export const SkillSourceKind = z.enum(['case', 'rsd', 'csv']);
/** A skill framework's source kind. */
export type SkillSourceKind = z.infer<typeof SkillSourceKind>;

/** A skill framework: platform-wide (`orgId` null) or owned by an organisation. */
export const SkillFramework = z.object({
  id: z.string(),
  orgId: z.string().nullable(),
  scope: z.enum(['platform', 'org']),
  title: z.string(),
  description: z.string(),
  sourceKind: SkillSourceKind,
  sourceId: z.string(),
  sourceUri: z.string().nullable(),
  version: z.string().nullable(),
  licence: z.string().nullable(),
  skillCount: z.number().int(),
  updatedAt: Timestamp,
});
/** A skill framework. */
export type SkillFramework = z.infer<typeof SkillFramework>;

/** A skill of a framework; `url` is where its entry lives (its own URI, or its page on this server). */
export const Skill = z.object({
  id: z.string(),
  frameworkId: z.string(),
  identifier: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  description: z.string(),
  uri: z.string().nullable(),
  url: z.string(),
  type: z.string().nullable(),
  parentId: z.string().nullable(),
  retired: z.boolean(),
});
/** A skill. */
export type Skill = z.infer<typeof Skill>;

/** A skill with the title and kind of its framework (search results, alignments). */
export const SkillWithFramework = Skill.extend({ framework: z.object({ id: z.string(), title: z.string(), sourceKind: SkillSourceKind }) });
/** A skill with its framework. */
export type SkillWithFramework = z.infer<typeof SkillWithFramework>;

/** One level of a framework's tree. */
export const SkillTreeLevel = z.object({
  framework: SkillFramework,
  parent: Skill.nullable(),
  skills: z.array(Skill.extend({ childCount: z.number().int() })),
});
/** One level of a framework's tree. */
export type SkillTreeLevel = z.infer<typeof SkillTreeLevel>;

/** Query of a skill search. */
export const SkillSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  org: z.string().max(64).optional(),
  framework: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Query naming the organisation whose frameworks are shown with the platform-wide ones. */
export const SkillScopeQuery = z.object({ org: z.string().max(64).optional() });

/** Import formats (`auto`: CASE or RSD JSON by shape, anything else CSV). */
export const SkillImportFormat = z.enum(['auto', 'case', 'rsd', 'csv']);

/** The largest framework file accepted in a request body (characters). */
export const SKILL_IMPORT_MAX_CHARS = 32 * 1024 * 1024;

/** Import a framework: paste the file (`content`) or give a URL; `org` slug, or none for a platform-wide framework (platform admins). */
export const SkillImportInput = z
  .object({
    org: z.string().max(64).optional(),
    format: SkillImportFormat.default('auto'),
    content: z.string().max(SKILL_IMPORT_MAX_CHARS).optional(),
    url: z.string().url().max(2000).optional(),
    /** CSV only: the framework's title (a re-import with the same title updates it). */
    title: z.string().trim().min(1).max(300).optional(),
  })
  .refine((v) => (v.content === undefined) !== (v.url === undefined), {
    message: 'Give the file content or a URL, not both',
    path: ['content'],
  });
/** An import request. */
export type SkillImportInput = z.input<typeof SkillImportInput>;

/** One problem or warning of an import, with its JSON path or CSV row. */
export const SkillImportProblem = z.object({ path: z.string(), message: z.string() });

/** What an import did (also the CLI's `--json` output, with `framework` the framework). */
export const SkillImportResult = z.object({
  framework: SkillFramework,
  created: z.boolean(),
  skills: z.number().int(),
  associations: z.number().int(),
  retired: z.number().int(),
  warnings: z.array(SkillImportProblem),
});
/** The result of an import. */
export type SkillImportResult = z.infer<typeof SkillImportResult>;

/** A micro-credential's skill alignments: as a whole, and per rubric criterion id. */
export const AchievementAlignments = z.object({
  achievement: z.array(SkillWithFramework),
  criteria: z.record(z.string(), z.array(SkillWithFramework)),
});
/** A micro-credential's skill alignments. */
export type AchievementAlignments = z.infer<typeof AchievementAlignments>;

/** Set a draft's alignments: skill ids as a whole and per rubric criterion id. */
export const AchievementAlignmentsInput = z.object({
  achievement: z.array(z.string().min(1).max(64)).max(50).default([]),
  criteria: z.record(z.string().min(1).max(40), z.array(z.string().min(1).max(64)).max(20)).default({}),
});
/** Input of setting alignments. */
export type AchievementAlignmentsInput = z.input<typeof AchievementAlignmentsInput>;
