import { AchievementContent, publishProblems as sharedPublishProblems, StoredAchievementContent } from '@tessera/shared';
import type { AchievementContentInput } from '@tessera/shared';
import type { FieldError } from '../shared/errors.js';
import { signableUrl } from '../shared/iri.js';

/** Normalised micro-credential content. */
export type Content = AchievementContent;

/**
 * Parse stored content (a draft or a published version). It was validated on the way in, but maybe under older
 * rules, so URLs are read as they were saved (`StoredAchievementContent`): tightening `HttpUrl` must never make
 * stored content unreadable. Input goes through `normaliseContent`; issuance through `signableContent`.
 */
export function readContent(json: unknown): Content {
  return StoredAchievementContent.parse(json);
}

/** Normalise editor input into content. */
export function normaliseContent(input: AchievementContentInput): Content {
  return AchievementContent.parse(input);
}

/** What stops a draft from being published, as field errors (the shared rules the editor's checklist shows). */
export function publishProblems(c: Content): FieldError[] {
  return sharedPublishProblems(c);
}

/**
 * Stored content made fit for a signed credential. Alignments are the only content URLs a credential carries;
 * one whose target URL is not a valid IRI is re-encoded as a browser would request it, or, when that is still
 * not valid, left out (an Alignment needs its targetUrl). `omitted` names what was left out.
 */
export function signableContent(c: Content): { content: Content; omitted: string[] } {
  const omitted: string[] = [];
  const alignments = c.alignments.flatMap((a, i) => {
    const targetUrl = signableUrl(a.targetUrl);
    if (targetUrl === null) omitted.push(`alignments.${i}.targetUrl`);
    return targetUrl === null ? [] : [{ ...a, targetUrl }];
  });
  return { content: { ...c, alignments }, omitted };
}

/** Whether two contents are the same (the draft has no unpublished changes). */
export function sameContent(a: Content, b: Content): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The criteria an evidence requirement supports (empty list = all criteria). */
export function criteriaOfRequirement(c: Content, requirementId: string): string[] {
  const req = c.evidenceRequirements.find((r) => r.id === requirementId);
  if (!req || req.criterionIds.length === 0) return c.rubric.criteria.map((cr) => cr.id);
  return req.criterionIds;
}

/** Whether a level meets or exceeds the criterion's required level (levels are ordered low → high). */
export function levelMeets(c: Content, criterionId: string, levelId: string): boolean {
  const cr = c.rubric.criteria.find((x) => x.id === criterionId);
  if (!cr) return false;
  const at = cr.levels.findIndex((l) => l.id === levelId);
  const required = cr.levels.findIndex((l) => l.id === cr.requiredLevelId);
  return at >= 0 && at >= required;
}
