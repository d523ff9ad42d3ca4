/**
 * Pathways (stacks): a rules tree of groups (all / any / at least n) over steps, leading to a completion
 * achievement. The tree is flat (groups name their parent) so the same schema serves the API, OpenAPI and the
 * builder form; the structural rules (one root, no cycles, no empty group, n within its children, ordering
 * between known steps without cycles) are checked here and report the field path.
 */
import { z } from 'zod';
import { AchievementType } from './achievements.js';
import { Timestamp } from './common.js';
import { RecognitionKind } from './recognition.js';

/** A short id chosen in the builder for a group or step (unique within the pathway). */
export const PathwayLocalId = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'Use letters, digits, - and _' });

/** What a step accepts: an achievement of any organisation on Tessera, a verified imported credential, or a credential the organisation recognises. */
export const PathwayAccept = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('achievement'), achievementId: z.string().trim().min(1).max(64) }),
  z
    .object({
      kind: z.literal('imported'),
      /** The id (IRI) of the external achievement the imported credential must name. */
      achievementIri: z.string().trim().max(2000).nullable().default(null),
      /** A skill alignment the imported credential's achievement must carry (its targetUrl, targetCode or targetName). */
      skill: z.string().trim().max(2000).nullable().default(null),
      /** A name shown to learners for this requirement. */
      label: z.string().trim().min(1, { message: 'Describe the credential this step accepts' }).max(200),
    })
    .superRefine((a, ctx) => {
      if (!a.achievementIri && !a.skill)
        ctx.addIssue({ code: 'custom', path: ['achievementIri'], message: 'Give an achievement id or a skill to match' });
    }),
  z.object({
    /**
     * Any credential (earned on Tessera) of an achievement the pathway's organisation recognises with a published,
     * not withdrawn recognition rule whose dates include the credential's issue date.
     */
    kind: z.literal('recognised'),
    /** The rule kinds that count (hours, credit, satisfies). */
    ruleKinds: z
      .array(RecognitionKind)
      .min(1, { message: 'Choose at least one kind of recognition' })
      .default(['hours', 'credit', 'satisfies']),
    /** Only rules whose requirement text names this (case-insensitive), e.g. the requirement a `satisfies` rule meets. */
    requirement: z.string().trim().max(200).nullable().default(null),
    /** A name shown to learners for this requirement. */
    label: z.string().trim().min(1, { message: 'Describe the credentials this step accepts' }).max(200),
  }),
]);
/** What a step accepts. */
export type PathwayAccept = z.infer<typeof PathwayAccept>;

/** A group's rule. */
export const PATHWAY_RULES = ['all', 'any', 'atLeast'] as const;

/** A group of the rules tree: its children are the groups naming it as parent and the steps in it, in order. */
export const PathwayGroup = z.object({
  id: PathwayLocalId,
  name: z.string().trim().min(1, { message: 'Name the group' }).max(200),
  /** Null for the root group (exactly one). */
  parentId: PathwayLocalId.nullable().default(null),
  rule: z.enum(PATHWAY_RULES).default('all'),
  /** For `atLeast`: how many children must be complete. */
  n: z.number().int().min(1).max(100).nullable().default(null),
  /** A milestone: completing this group awards this achievement of the organisation. */
  milestoneAchievementId: z.string().trim().min(1).max(64).nullable().default(null),
});
/** A group. */
export type PathwayGroup = z.infer<typeof PathwayGroup>;

/** A step (an elective when its group is `any` or `atLeast`). */
export const PathwayStep = z.object({
  id: PathwayLocalId,
  groupId: PathwayLocalId,
  accept: PathwayAccept,
});
/** A step. */
export type PathwayStep = z.infer<typeof PathwayStep>;

/** What happens to a completion when a credential it relied on later expires or is revoked. */
export const EXPIRY_POLICIES = ['keep', 'require-valid'] as const;
/** An expiry policy. */
export const ExpiryPolicy = z.enum(EXPIRY_POLICIES);

/** Whether group parentage or `precedes` edges form a cycle: returns the first node found on one, or null. */
function firstCycle(nodes: string[], edges: Array<[string, string]>): string | null {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) next.set(a, [...(next.get(a) ?? []), b]);
  const state = new Map<string, 1 | 2>();
  const visit = (n: string): string | null => {
    state.set(n, 1);
    for (const m of next.get(n) ?? []) {
      if (state.get(m) === 1) return m;
      if (!state.has(m)) {
        const found = visit(m);
        if (found) return found;
      }
    }
    state.set(n, 2);
    return null;
  };
  for (const n of nodes) {
    if (state.has(n)) continue;
    const found = visit(n);
    if (found) return found;
  }
  return null;
}

/** A pathway's editable content (the draft; a published version holds a copy). */
export const PathwayContent = z
  .object({
    name: z.string().trim().min(1, { message: 'Name the pathway' }).max(200),
    description: z.string().trim().max(8000).default(''),
    /** The organisation's achievement awarded on completion (a Certificate, a licence endorsement, a degree step …). */
    completionAchievementId: z.string().trim().min(1, { message: 'Choose the completion achievement' }).max(64),
    groups: z.array(PathwayGroup).min(1, { message: 'Add a group' }).max(50),
    steps: z.array(PathwayStep).max(100).default([]),
    /** Ordering: `from` must be earned before `to` is available. */
    precedes: z
      .array(z.object({ from: PathwayLocalId, to: PathwayLocalId }))
      .max(200)
      .default([]),
    expiryPolicy: ExpiryPolicy.default('keep'),
  })
  .superRefine((p, ctx) => {
    const groupIds = p.groups.map((g) => g.id);
    const stepIds = p.steps.map((s) => s.id);
    const all = [...groupIds, ...stepIds];
    p.groups.forEach((g, i) => {
      if (all.indexOf(g.id) !== i)
        ctx.addIssue({ code: 'custom', path: ['groups', i, 'id'], message: 'Group and step ids must be unique' });
    });
    p.steps.forEach((s, i) => {
      if (all.indexOf(s.id) !== groupIds.length + i)
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: 'Group and step ids must be unique' });
      if (!groupIds.includes(s.groupId)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'groupId'], message: 'No such group' });
    });
    const roots = p.groups.filter((g) => g.parentId === null);
    if (roots.length !== 1)
      ctx.addIssue({ code: 'custom', path: ['groups'], message: 'Exactly one group must be the top of the pathway (no parent)' });
    p.groups.forEach((g, i) => {
      if (g.parentId !== null && !groupIds.includes(g.parentId))
        ctx.addIssue({ code: 'custom', path: ['groups', i, 'parentId'], message: 'No such group' });
      const children = p.groups.filter((c) => c.parentId === g.id).length + p.steps.filter((s) => s.groupId === g.id).length;
      if (children === 0) ctx.addIssue({ code: 'custom', path: ['groups', i], message: 'A group needs at least one step or group' });
      if (g.rule === 'atLeast') {
        if (g.n === null) ctx.addIssue({ code: 'custom', path: ['groups', i, 'n'], message: 'Say how many are needed' });
        else if (g.n > children)
          ctx.addIssue({
            code: 'custom',
            path: ['groups', i, 'n'],
            message: `At least ${g.n} cannot be met: the group has ${children} ${children === 1 ? 'choice' : 'choices'}`,
          });
      }
    });
    const parentCycle = firstCycle(
      groupIds,
      p.groups.filter((g) => g.parentId !== null).map((g): [string, string] => [g.id, g.parentId ?? '']),
    );
    if (parentCycle)
      ctx.addIssue({
        code: 'custom',
        path: ['groups', groupIds.indexOf(parentCycle), 'parentId'],
        message: 'Groups cannot contain themselves',
      });
    p.precedes.forEach((e, i) => {
      if (!stepIds.includes(e.from)) ctx.addIssue({ code: 'custom', path: ['precedes', i, 'from'], message: 'No such step' });
      if (!stepIds.includes(e.to)) ctx.addIssue({ code: 'custom', path: ['precedes', i, 'to'], message: 'No such step' });
      if (e.from === e.to) ctx.addIssue({ code: 'custom', path: ['precedes', i, 'to'], message: 'A step cannot precede itself' });
    });
    const edges = p.precedes.filter((e) => e.from !== e.to).map((e): [string, string] => [e.from, e.to]);
    const cycle = firstCycle(stepIds, edges);
    if (cycle) {
      const i = p.precedes.findIndex((e) => e.to === cycle);
      ctx.addIssue({
        code: 'custom',
        path: ['precedes', Math.max(i, 0)],
        message: `The ordering goes round in a circle (through step ${cycle})`,
      });
    }
  });
/** Pathway content. */
export type PathwayContent = z.infer<typeof PathwayContent>;
/** Pathway content as the builder edits it (before defaults). */
export type PathwayContentInput = z.input<typeof PathwayContent>;

/** An achievement a pathway refers to, as shown with it. */
export const PathwayAchievementRef = z.object({
  id: z.string(),
  name: z.string(),
  achievementType: AchievementType,
  orgSlug: z.string(),
  orgName: z.string(),
  creditsAvailable: z.number().nullable(),
  /** Whether it can currently be earned (published, not retired). */
  available: z.boolean(),
});
/** A referenced achievement. */
export type PathwayAchievementRef = z.infer<typeof PathwayAchievementRef>;

/** One published version of a pathway. */
export const PathwayVersionSummary = z.object({
  id: z.string(),
  version: z.number().int(),
  publishedAt: Timestamp,
});

/** A pathway as its designers see it. */
export const Pathway = z.object({
  id: z.string(),
  orgSlug: z.string(),
  status: z.enum(['draft', 'published']),
  draft: PathwayContent,
  hasUnpublishedChanges: z.boolean(),
  versions: z.array(PathwayVersionSummary),
  achievements: z.array(PathwayAchievementRef),
  completions: z.number().int(),
  updatedAt: Timestamp,
});
/** A pathway. */
export type Pathway = z.infer<typeof Pathway>;

/** A row of an organisation's pathway list. */
export const PathwaySummary = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['draft', 'published']),
  hasUnpublishedChanges: z.boolean(),
  latestVersion: z.number().int().nullable(),
  completions: z.number().int(),
  updatedAt: Timestamp,
});
/** A pathway list row. */
export type PathwaySummary = z.infer<typeof PathwaySummary>;

/** What publishing did: the new version and how many learners were awarded retroactively. */
export const PublishPathwayResult = z.object({
  pathway: Pathway,
  version: z.number().int(),
  retroactiveAwards: z.number().int(),
});

/** A step's status for a learner. */
export const STEP_STATUSES = ['done', 'in_progress', 'available', 'locked'] as const;
/** A step status. */
export const StepStatus = z.enum(STEP_STATUSES);
/** A step status. */
export type StepStatus = z.infer<typeof StepStatus>;

/** One node of a learner's progress map. */
export const ProgressStep = z.object({
  id: z.string(),
  kind: z.literal('step'),
  label: z.string(),
  status: StepStatus,
  /** The achievement to open (steps accepting a Tessera achievement). */
  achievementId: z.string().nullable(),
  issuerName: z.string().nullable(),
  credits: z.number().nullable(),
  /** The credential that satisfies the step (own credential id or imported wallet item id). */
  satisfiedBy: z.object({ kind: z.enum(['credential', 'imported']), id: z.string() }).nullable(),
  /** Steps that must be done first (their labels), when locked. */
  waitingFor: z.array(z.string()),
  /** A credential the learner earned for this step that no longer counts: which one and why (earn it again). */
  lapsed: z
    .object({ credentialId: z.string(), status: z.enum(['revoked', 'suspended', 'expired']) })
    .nullable()
    .default(null),
  /** For a step accepting recognised credentials: the recognised credential's achievement and the rule it counts under, in words. */
  recognisedUnder: z.object({ ruleId: z.string(), achievementName: z.string(), statement: z.string() }).nullable().default(null),
  /** A note about the step for the learner (e.g. no credentials are recognised yet). */
  note: z.string().nullable().default(null),
});
/** A progress step. */
export type ProgressStep = z.infer<typeof ProgressStep>;

/** A group of a learner's progress map (children listed in order, groups and steps mixed). */
export const ProgressGroup = z.object({
  id: z.string(),
  kind: z.literal('group'),
  name: z.string(),
  rule: z.enum(PATHWAY_RULES),
  n: z.number().int().nullable(),
  complete: z.boolean(),
  doneCount: z.number().int(),
  needed: z.number().int(),
  milestone: z.object({ achievementName: z.string(), awarded: z.boolean() }).nullable(),
  children: z.array(z.string()),
});
/** A progress group. */
export type ProgressGroup = z.infer<typeof ProgressGroup>;

/** A learner's progress on one pathway. */
export const PathwayProgress = z.object({
  pathwayId: z.string(),
  versionId: z.string(),
  /** The version the learner is on: the one they completed, else the one current when they first made progress, else the current one. */
  version: z.number().int(),
  /** The latest published version. */
  currentVersion: z.number().int(),
  /** When the learner is on an older version: what changed in the current one, in words. */
  versionChanges: z.array(z.string()).default([]),
  name: z.string(),
  description: z.string(),
  issuer: z.object({ slug: z.string(), name: z.string() }),
  completion: z.object({ achievementId: z.string(), name: z.string(), achievementType: AchievementType }),
  expiryPolicy: ExpiryPolicy,
  rootId: z.string(),
  groups: z.array(ProgressGroup),
  steps: z.array(ProgressStep),
  precedes: z.array(z.object({ from: z.string(), to: z.string() })),
  complete: z.boolean(),
  /** The completion credential, once awarded. */
  completionCredentialId: z.string().nullable(),
  /** With `require-valid`: a credential the completion relied on no longer counts (revoked, suspended or expired). */
  completionLapsed: z.boolean(),
  creditsEarned: z.number(),
  creditsTotal: z.number(),
  /** The steps to do next (available or in progress, in map order). */
  next: z.array(z.string()),
});
/** A learner's progress. */
export type PathwayProgress = z.infer<typeof PathwayProgress>;

/** A published pathway in the catalog. */
export const PathwayCatalogEntry = z.object({
  pathwayId: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.number().int(),
  issuer: z.object({ slug: z.string(), name: z.string() }),
  completion: z.object({ name: z.string(), achievementType: AchievementType }),
  stepCount: z.number().int(),
  creditsTotal: z.number(),
});
/** A catalog pathway. */
export type PathwayCatalogEntry = z.infer<typeof PathwayCatalogEntry>;

/** A completion credential with its parts (the wallet nests them). */
export const StackedCredential = z.object({
  pathwayId: z.string(),
  pathwayName: z.string(),
  completionCredentialId: z.string(),
  parts: z.array(z.object({ kind: z.enum(['credential', 'imported']), id: z.string(), name: z.string() })),
});
/** A stacked credential. */
export type StackedCredential = z.infer<typeof StackedCredential>;

/** A published pathway as anyone (signed out too) sees it: its structure, steps, issuer and what it leads to. */
export const PublicPathway = z.object({
  pathwayId: z.string(),
  version: z.number().int(),
  name: z.string(),
  description: z.string(),
  issuer: z.object({ slug: z.string(), name: z.string() }),
  completion: z.object({ achievementId: z.string(), name: z.string(), achievementType: AchievementType }),
  expiryPolicy: ExpiryPolicy,
  rootId: z.string(),
  groups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      rule: z.enum(PATHWAY_RULES),
      n: z.number().int().nullable(),
      needed: z.number().int(),
      milestoneName: z.string().nullable(),
      children: z.array(z.string()),
    }),
  ),
  steps: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      achievementId: z.string().nullable(),
      issuerName: z.string().nullable(),
      credits: z.number().nullable(),
      /** Steps that must be earned first (their labels). */
      after: z.array(z.string()),
    }),
  ),
  creditsTotal: z.number(),
});
/** A public pathway. */
export type PublicPathway = z.infer<typeof PublicPathway>;

/** The published pathways that award an achievement (it cannot be started by submission). */
export const AwardedByPathway = z.object({ pathwayId: z.string(), name: z.string() });
/** A pathway awarding an achievement. */
export type AwardedByPathway = z.infer<typeof AwardedByPathway>;

/** What moving to the current version of a pathway did: the versions, whether it completed, and the new map. */
export const MovePathwayVersionResult = z.object({
  fromVersion: z.number().int(),
  version: z.number().int(),
  /** True when the move completed the pathway (the completion credential was awarded). */
  completed: z.boolean(),
  progress: PathwayProgress,
});
/** The result of moving to the current version. */
export type MovePathwayVersionResult = z.infer<typeof MovePathwayVersionResult>;
