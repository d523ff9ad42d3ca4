import { z } from 'zod';
import { HttpUrl, httpUrlProblem, Timestamp } from './common.js';

/** A short identifier chosen by the editor for criteria, levels and evidence requirements (unique within its list). */
export const LocalId = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'Use letters, digits, - and _' });

/** OB 3.0 achievement types offered in the editor. */
export const ACHIEVEMENT_TYPES = [
  'MicroCredential',
  'Badge',
  'Certificate',
  'Competency',
  'Course',
  'Certification',
  'License',
  'Award',
  'LearningProgram',
  'Achievement',
] as const;
/** An OB 3.0 achievement type. */
export const AchievementType = z.enum(ACHIEVEMENT_TYPES);

/** Kinds of evidence a requirement may accept. */
export const EVIDENCE_KINDS = ['text', 'link', 'file', 'video'] as const;
/** A kind of evidence. */
export const EvidenceKind = z.enum(EVIDENCE_KINDS);

/** One level of a rubric criterion (ordered from lowest to highest). */
export const RubricLevel = z.object({
  id: LocalId,
  name: z.string().trim().min(1, { message: 'Name the level' }).max(120),
  description: z.string().trim().max(2000).default(''),
  points: z.number().int().min(0).max(1000),
});
/** A rubric level. */
export type RubricLevel = z.infer<typeof RubricLevel>;

/** A rubric criterion with its ordered levels and the level required to pass. */
export const RubricCriterion = z
  .object({
    id: LocalId,
    name: z.string().trim().min(1, { message: 'Name the criterion' }).max(200),
    description: z.string().trim().max(4000).default(''),
    levels: z.array(RubricLevel).min(2, { message: 'Give at least two levels' }).max(8),
    requiredLevelId: LocalId,
  })
  .superRefine((c, ctx) => {
    const ids = c.levels.map((l) => l.id);
    if (!ids.includes(c.requiredLevelId))
      ctx.addIssue({ code: 'custom', path: ['requiredLevelId'], message: 'Choose one of this criterion’s levels' });
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['levels', i, 'id'], message: 'Level ids must be unique' });
    });
  });
/** A rubric criterion. */
export type RubricCriterion = z.infer<typeof RubricCriterion>;

/** What the learner must submit for one piece of evidence. */
export const EvidenceRequirement = z.object({
  id: LocalId,
  prompt: z.string().trim().min(1, { message: 'Write the prompt' }).max(4000),
  kinds: z.array(EvidenceKind).min(1, { message: 'Allow at least one kind' }),
  required: z.boolean().default(true),
  /** Criteria this evidence supports; empty means all. Used to reopen only unmet criteria on revision. */
  criterionIds: z.array(LocalId).default([]),
});
/** An evidence requirement. */
export type EvidenceRequirement = z.infer<typeof EvidenceRequirement>;

/**
 * A URL as it may be stored: any string. Content saved before `HttpUrl` was tightened can hold URLs it now
 * refuses, and stored content is re-read on every request, so the read side must not refuse them. Never use it
 * for input; issuance checks each URL again before it goes into a signed credential.
 */
export const StoredUrl = z.string();

/** A research or resource link, its URL checked as `url` says (`HttpUrl` for input, `StoredUrl` for reads). */
const resourceWith = (url: z.ZodString) =>
  z.object({ title: z.string().trim().min(1).max(300), url, note: z.string().trim().max(2000).default('') });
/** An OB 3.0 Alignment (skill or standard), its target URL checked as `url` says. */
const alignmentWith = (url: z.ZodString) =>
  z.object({
    targetName: z.string().trim().min(1).max(300),
    targetUrl: url,
    targetFramework: z.string().trim().max(300).optional(),
    targetCode: z.string().trim().max(120).optional(),
    targetDescription: z.string().trim().max(2000).optional(),
  });

/** A research or resource link. */
export const Resource = resourceWith(HttpUrl);

/** An OB 3.0 Alignment (skill or standard). */
export const Alignment = alignmentWith(HttpUrl);

/** How long an earned credential stays valid. */
export const Validity = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('never') }),
  z.object({ kind: z.literal('months'), months: z.number().int().min(1).max(240) }),
]);

/** Micro-credential content whose URL fields are checked as `url` says. */
const contentWith = (url: z.ZodString) =>
  z
    .object({
      name: z.string().trim().min(1, { message: 'Name the micro-credential' }).max(200),
      description: z.string().trim().max(8000).default(''),
      imageFileId: z.string().max(64).nullable().default(null),
      achievementType: AchievementType.default('MicroCredential'),
      learningGoal: z.string().trim().max(4000).default(''),
      competency: z.string().trim().max(4000).default(''),
      criteriaNarrative: z.string().trim().max(8000).default(''),
      evidenceRequirements: z.array(EvidenceRequirement).max(20).default([]),
      resources: z.array(resourceWith(url)).max(50).default([]),
      alignments: z.array(alignmentWith(url)).max(50).default([]),
      skills: z.array(z.string().trim().min(1).max(80)).max(30).default([]),
      creditsAvailable: z.number().min(0).max(1000).nullable().default(null),
      /** Estimated hours of effort to earn it (shown in the catalog; not part of the signed credential: OB 3.0 has no field for it). */
      effortHours: z
        .number({ message: 'Enter a number of hours' })
        .min(0.5, { message: 'At least half an hour' })
        .max(500, { message: 'At most 500 hours' })
        .nullable()
        .default(null),
      validity: Validity.default({ kind: 'never' }),
      rubric: z.object({ criteria: z.array(RubricCriterion).max(12).default([]) }).default({ criteria: [] }),
      maxAttempts: z.number().int().min(1).max(20).default(3),
    })
    .superRefine((a, ctx) => {
      const cids = a.rubric.criteria.map((c) => c.id);
      cids.forEach((id, i) => {
        if (cids.indexOf(id) !== i)
          ctx.addIssue({ code: 'custom', path: ['rubric', 'criteria', i, 'id'], message: 'Criterion ids must be unique' });
      });
      const rids = a.evidenceRequirements.map((r) => r.id);
      a.evidenceRequirements.forEach((r, i) => {
        if (rids.indexOf(r.id) !== i)
          ctx.addIssue({ code: 'custom', path: ['evidenceRequirements', i, 'id'], message: 'Requirement ids must be unique' });
        r.criterionIds.forEach((c, j) => {
          if (!cids.includes(c))
            ctx.addIssue({ code: 'custom', path: ['evidenceRequirements', i, 'criterionIds', j], message: 'No such criterion' });
        });
      });
    });

/** Everything a designer edits about a micro-credential (create and update requests). Drafts may be incomplete; publishing checks completeness. */
export const AchievementContent = contentWith(HttpUrl);

/**
 * Micro-credential content as stored and returned (drafts, published versions, catalog): the same as
 * `AchievementContent` except that URLs are read as they were saved (`StoredUrl`), so content saved under
 * older URL rules stays readable. Requests are checked with `AchievementContent`.
 */
export const StoredAchievementContent = contentWith(StoredUrl);
/** Micro-credential content (input form). */
export type AchievementContentInput = z.input<typeof AchievementContent>;
/** Micro-credential content (normalised). */
export type AchievementContent = z.infer<typeof AchievementContent>;

/**
 * The URLs of stored content that `HttpUrl` refuses today (saved under older rules), with their field paths
 * (`resources.0.url`, `alignments.1.targetUrl`): they must be fixed before the content is saved or published again.
 */
export function contentUrlProblems(c: {
  resources: ReadonlyArray<{ url: string }>;
  alignments: ReadonlyArray<{ targetUrl: string }>;
}): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const check = (path: string, url: string) => {
    const message = httpUrlProblem(url);
    if (message) problems.push({ path, message });
  };
  c.resources.forEach((r, i) => check(`resources.${i}.url`, r.url));
  c.alignments.forEach((a, i) => check(`alignments.${i}.targetUrl`, a.targetUrl));
  return problems;
}

/** A published, immutable version. */
export const AchievementVersion = z.object({
  id: z.string(),
  version: z.number().int(),
  publishedAt: Timestamp,
  content: StoredAchievementContent,
});

/** A micro-credential as its organisation's members see it. */
export const Achievement = z.object({
  id: z.string(),
  orgSlug: z.string(),
  status: z.enum(['draft', 'published', 'retired']),
  draft: StoredAchievementContent,
  /** The draft differs from the latest published version. */
  hasUnpublishedChanges: z.boolean(),
  latestVersion: AchievementVersion.nullable(),
  versions: z.array(z.object({ id: z.string(), version: z.number().int(), publishedAt: Timestamp })),
  imageUrl: z.string(),
  issuedCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
/** A micro-credential. */
export type Achievement = z.infer<typeof Achievement>;

/** A row in an organisation's list of micro-credentials. */
export const AchievementSummary = Achievement.pick({
  id: true,
  status: true,
  hasUnpublishedChanges: true,
  imageUrl: true,
  issuedCount: true,
  updatedAt: true,
}).extend({
  name: z.string(),
  latestVersion: z.number().int().nullable(),
});

/** Catalog query. */
export const CatalogQuery = z.object({
  q: z.string().trim().max(200).optional(),
  skill: z.string().trim().max(80).optional(),
  org: z.string().trim().max(64).optional(),
  type: AchievementType.optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(12),
});

/** The issuer shown with a published micro-credential. */
export const IssuerSummary = z.object({
  slug: z.string(),
  name: z.string(),
  url: z.string().nullable(),
  image: z.string().nullable(),
  did: z.string(),
  brandColor: z.string(),
});

/** A published micro-credential as learners see it (latest version). */
export const CatalogEntry = z.object({
  achievementId: z.string(),
  versionId: z.string(),
  version: z.number().int(),
  status: z.enum(['published', 'retired']),
  content: StoredAchievementContent,
  imageUrl: z.string(),
  issuer: IssuerSummary,
  publishedAt: Timestamp,
});
/** A catalog entry. */
export type CatalogEntry = z.infer<typeof CatalogEntry>;

/** A page of catalog entries with facets for the filters. */
export const CatalogPage = z.object({
  items: z.array(CatalogEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.object({
    skills: z.array(z.string()),
    orgs: z.array(z.object({ slug: z.string(), name: z.string() })),
    types: z.array(AchievementType),
  }),
});
