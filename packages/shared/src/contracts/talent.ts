import { z } from 'zod';
import { GapSkill, ProfileSkill, SkillRef } from './careers.js';

/** Limits of consent-based employer search, defined once for server and web. */
export const TALENT_LIMITS = {
  displayName: 120,
  headline: 200,
  location: 120,
  searchSkills: 20,
  subject: 150,
  body: 4000,
  reply: 2000,
  /** Results a search returns (the best-ranked). */
  results: 20,
} as const;

/** What a learner lets employers see; employer search is off until the learner turns it on. */
export const TalentSettingsInput = z.object({
  discoverable: z.boolean(),
  displayName: z.string().trim().max(TALENT_LIMITS.displayName).default(''),
  headline: z.string().trim().max(TALENT_LIMITS.headline).default(''),
  location: z.string().trim().max(TALENT_LIMITS.location).default(''),
  showSkills: z.boolean().default(true),
  showCredentials: z.boolean().default(true),
  showPublicLink: z.boolean().default(false),
});
/** Employer-visibility settings input. */
export type TalentSettingsInput = z.input<typeof TalentSettingsInput>;

/** The learner's employer-visibility settings. */
export const TalentSettings = z.object({
  discoverable: z.boolean(),
  /** The name employers see (the account name when left empty). */
  displayName: z.string(),
  accountName: z.string(),
  headline: z.string(),
  location: z.string(),
  showSkills: z.boolean(),
  showCredentials: z.boolean(),
  showPublicLink: z.boolean(),
  /** Whether the learner's public skills page is on (the link is shown to employers only then). */
  publicSkillsPage: z.boolean(),
  updatedAt: z.string().nullable(),
});
/** Employer-visibility settings. */
export type TalentSettings = z.infer<typeof TalentSettings>;

/**
 * An employer search: framework skills (by id, each with an optional minimum level 1–5), or one of the organisation's
 * roles, or an occupation code. Exactly one kind of criterion.
 */
export const TalentSearchInput = z
  .object({
    skills: z
      .array(z.object({ id: z.string().trim().min(1).max(80), minLevel: z.number().int().min(1).max(5).nullable().default(null) }))
      .max(TALENT_LIMITS.searchSkills)
      .default([]),
    roleId: z.string().trim().min(1).max(80).optional(),
    occupationCode: z.string().trim().min(1).max(40).optional(),
  })
  .superRefine((v, ctx) => {
    const kinds = [v.skills.length > 0, v.roleId !== undefined, v.occupationCode !== undefined].filter(Boolean).length;
    if (kinds === 0) ctx.addIssue({ code: 'custom', path: ['skills'], message: 'Choose skills, a role or an occupation' });
    if (kinds > 1) ctx.addIssue({ code: 'custom', path: ['roleId'], message: 'Search by skills, a role or an occupation: one at a time' });
  });
/** Search input. */
export type TalentSearchInput = z.input<typeof TalentSearchInput>;

/** A skill the search asks for, with its minimum level (1–5) if any. */
export const TalentRequirement = SkillRef.extend({ requiredLevel: z.number().int().min(1).max(5).nullable() });

/** One consenting learner a search found: who (as they chose to appear) and which required skills are verified, by which credentials. */
export const TalentResult = z.object({
  id: z.string(),
  displayName: z.string(),
  headline: z.string(),
  location: z.string(),
  matched: z.number().int(),
  required: z.number().int(),
  skills: z.array(GapSkill),
});
/** A search result. */
export type TalentResult = z.infer<typeof TalentResult>;

/** A search's answer: its id (pass it when opening a profile), the criteria in words, the requirements, the ranked results. */
export const TalentSearchResult = z.object({
  searchId: z.string(),
  summary: z.string(),
  requirements: z.array(TalentRequirement),
  items: z.array(TalentResult),
});
/** A search answer. */
export type TalentSearchResult = z.infer<typeof TalentSearchResult>;

/** A contact request as the sending organisation sees it (the email only after the learner accepted and shared it). */
export const TalentContact = z.object({
  id: z.string(),
  learner: z.object({
    id: z.string(),
    displayName: z.string(),
    /** The learner has since opted out of employer search: their name, reply and email are withheld. */
    withdrawn: z.boolean().default(false),
  }),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'accepted', 'declined']),
  reply: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
});
/** An organisation's contact request. */
export type TalentContact = z.infer<typeof TalentContact>;
/** An organisation's contact requests. */
export const TalentContactList = z.object({ items: z.array(TalentContact) });

/** A verified credential on a talent profile. */
export const TalentCredential = z.object({
  name: z.string(),
  issuerName: z.string().nullable(),
  url: z.string().nullable(),
  issuedAt: z.string().nullable(),
});

/** A consenting learner's profile as an employer sees it: only what the learner chose to show. */
export const TalentProfile = z.object({
  id: z.string(),
  displayName: z.string(),
  headline: z.string(),
  location: z.string(),
  /** All verified skills (null: the learner does not show them). */
  skills: z.array(ProfileSkill).nullable(),
  /** Verified credentials (null: the learner does not show them). */
  credentials: z.array(TalentCredential).nullable(),
  publicSkillsUrl: z.string().nullable(),
  /** The search the employer came from, matched against this learner (null without one). */
  match: z.object({ summary: z.string(), skills: z.array(GapSkill) }).nullable(),
  /** This organisation's contact requests to the learner, newest first. */
  contacts: z.array(TalentContact),
});
/** A talent profile. */
export type TalentProfile = z.infer<typeof TalentProfile>;

/** A message from an employer to a learner: plain text, length-limited. */
export const TalentContactInput = z.object({
  subject: z.string().trim().min(1, { message: 'Add a subject' }).max(TALENT_LIMITS.subject),
  body: z.string().trim().min(1, { message: 'Write a message' }).max(TALENT_LIMITS.body),
});
/** Contact input. */
export type TalentContactInput = z.input<typeof TalentContactInput>;

/** A contact request as the learner sees it. */
export const LearnerContact = z.object({
  id: z.string(),
  org: z.object({ name: z.string() }),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'accepted', 'declined']),
  reply: z.string().nullable(),
  shareEmail: z.boolean(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
});
/** A learner's contact request. */
export type LearnerContact = z.infer<typeof LearnerContact>;
/** The learner's contact requests. */
export const LearnerContactList = z.object({ items: z.array(LearnerContact) });

/** The learner's answer: accept (optionally sharing their email and replying) or decline. */
export const ContactAnswerInput = z.object({
  accept: z.boolean(),
  shareEmail: z.boolean().default(true),
  reply: z.string().trim().max(TALENT_LIMITS.reply).default(''),
});
/** Answer input. */
export type ContactAnswerInput = z.input<typeof ContactAnswerInput>;

/** One time an organisation found or viewed the learner. */
export const TalentActivityItem = z.object({
  kind: z.enum(['search', 'view']),
  orgName: z.string(),
  summary: z.string().nullable(),
  at: z.string(),
});
/** Who found or viewed the learner, newest first. */
export const TalentActivity = z.object({ items: z.array(TalentActivityItem) });
/** Learner activity. */
export type TalentActivity = z.infer<typeof TalentActivity>;
