import { z } from 'zod';

/** A framework skill as careers and recommendations name it: its URL (CFItem URI or Tessera skill page) and name. */
export const SkillRef = z.object({
  url: z.string(),
  name: z.string(),
  code: z.string().nullable().default(null),
  framework: z.string().nullable().default(null),
});
/** A framework skill reference. */
export type SkillRef = z.infer<typeof SkillRef>;

/** A level a rubric gave: the level's name, its position (1 = lowest) among `of` levels, and the same on a 1–5 scale. */
export const SkillLevel = z.object({
  name: z.string(),
  rank: z.number().int(),
  of: z.number().int(),
  scale: z.number().int().min(1).max(5),
});
/** A rubric level on a skill. */
export type SkillLevel = z.infer<typeof SkillLevel>;

/** One verified credential behind a skill. */
export const SkillEvidence = z.object({
  kind: z.enum(['earned', 'imported']),
  credentialId: z.string(),
  name: z.string(),
  issuerName: z.string().nullable(),
  /** The verifiable credential's URL (earned: its public page, which serves the signed JSON); null for an imported file. */
  url: z.string().nullable(),
  issuedAt: z.string().nullable(),
  level: SkillLevel.nullable(),
});
/** Evidence for a skill. */
export type SkillEvidence = z.infer<typeof SkillEvidence>;

/** A skill in a learner's profile with its evidence trail and the best level a rubric gave (if any). */
export const ProfileSkill = SkillRef.extend({ level: SkillLevel.nullable(), evidence: z.array(SkillEvidence) });
/** A profile skill. */
export type ProfileSkill = z.infer<typeof ProfileSkill>;

/** A learner's skill profile, built only from verified credentials. */
export const SkillProfile = z.object({
  skills: z.array(ProfileSkill),
  public: z.boolean(),
  /** The public skills page (shown only while `public` is on). */
  publicUrl: z.string(),
  exportUrl: z.string(),
});
/** A skill profile. */
export type SkillProfile = z.infer<typeof SkillProfile>;

/** The learner's skill-profile settings. */
export const SkillProfileSettingsInput = z.object({ public: z.boolean() });

/** A public skills page's data (only for learners who opted in). */
export const PublicSkillProfile = z.object({ name: z.string(), skills: z.array(ProfileSkill) });

/** An occupation in lists. */
export const OccupationSummary = z.object({ code: z.string(), title: z.string(), description: z.string(), skillCount: z.number().int() });
/** Occupations matching a search. */
export const OccupationList = z.object({ items: z.array(OccupationSummary) });
/** A skill an occupation needs, with its importance (1–5). */
export const OccupationSkill = SkillRef.extend({ importance: z.number().int().min(1).max(5) });
/** An occupation with the skills it needs. */
export const Occupation = OccupationSummary.extend({ source: z.string(), skills: z.array(OccupationSkill) });
/** An occupation. */
export type Occupation = z.infer<typeof Occupation>;

/** A skill a role requires, optionally at a minimum level (1–5). */
export const RoleSkill = SkillRef.extend({ level: z.number().int().min(1).max(5).nullable() });
/** A role an organisation defined. */
export const OrgRole = z.object({
  id: z.string(),
  org: z.object({ slug: z.string(), name: z.string() }),
  title: z.string(),
  description: z.string(),
  public: z.boolean(),
  skills: z.array(RoleSkill),
  updatedAt: z.string(),
});
/** An organisation role. */
export type OrgRole = z.infer<typeof OrgRole>;
/** Roles, e.g. an organisation's or all public ones. */
export const OrgRoleList = z.object({ items: z.array(OrgRole) });

/** Create or update a role: skills named by their URL (as the skills search returns them). */
export const OrgRoleInput = z.object({
  title: z.string().trim().min(1, { message: 'Name the role' }).max(200),
  description: z.string().trim().max(4000).default(''),
  public: z.boolean().default(true),
  skills: z
    .array(z.object({ url: z.string().trim().min(1).max(2000), level: z.number().int().min(1).max(5).nullable().default(null) }))
    .min(1, { message: 'Add at least one skill' })
    .max(100),
});
/** Role input. */
export type OrgRoleInput = z.input<typeof OrgRoleInput>;

/** Pick a goal: an occupation or a role. */
export const GoalInput = z.union([
  z.object({ occupationCode: z.string().trim().min(1).max(40) }),
  z.object({ roleId: z.string().trim().min(1).max(80) }),
]);
/** Goal input. */
export type GoalInput = z.infer<typeof GoalInput>;

/** A learner's goal. */
export const Goal = z.object({
  id: z.string(),
  kind: z.enum(['occupation', 'role']),
  targetId: z.string(),
  title: z.string(),
  orgName: z.string().nullable(),
  createdAt: z.string(),
});
/** A goal. */
export type Goal = z.infer<typeof Goal>;
/** The learner's goals. */
export const GoalList = z.object({ items: z.array(Goal) });

/** A skill the goal needs, with what the learner has. */
export const GapSkill = SkillRef.extend({
  importance: z.number().int().nullable(),
  requiredLevel: z.number().int().nullable(),
  level: SkillLevel.nullable(),
  status: z.enum(['verified', 'below_level', 'missing']),
  evidence: z.array(SkillEvidence),
});
/** A skill in a gap. */
export type GapSkill = z.infer<typeof GapSkill>;

/** The gap between a goal and the learner's verified skills. */
export const GoalGap = z.object({ goal: Goal, required: z.array(GapSkill), verified: z.number().int(), missing: z.number().int() });
/** A goal gap. */
export type GoalGap = z.infer<typeof GoalGap>;

/** One recommended micro-credential and why. */
export const RecommendationItem = z.object({
  achievementId: z.string(),
  name: z.string(),
  orgName: z.string().nullable(),
  url: z.string(),
  score: z.number(),
  coveredSkills: z.array(z.object({ url: z.string(), name: z.string() })),
  missingCount: z.number().int(),
  oftenEarnedAfter: z.object({ achievementId: z.string(), name: z.string(), learners: z.number().int() }).nullable(),
  followUp: z.object({ achievementId: z.string(), achievementName: z.string(), criterionName: z.string() }).nullable(),
  explanation: z.string(),
});
/** A recommendation. */
export type RecommendationItem = z.infer<typeof RecommendationItem>;
/** Ranked recommendations for a goal. */
export const RecommendationList = z.object({ items: z.array(RecommendationItem) });
