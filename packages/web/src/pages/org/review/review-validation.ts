/**
 * Plain-language validation of a review: the shared ReviewInput schema decides what is wrong, and this adapter
 * says it in words an assessor understands, naming the criterion ("Choose a level for ‘Prompt design’").
 */
import { ReviewInput } from '@tessera/shared';
import type { AssessorSubmission } from '../../../lib/types';

type Criterion = AssessorSubmission['achievement']['rubric']['criteria'][number];

/** The review form's values: the API body, with an empty decision until one is chosen. */
export interface ReviewFormValues {
  scores: Array<{ criterionId: string; levelId: string; feedback: string }>;
  overallFeedback: string;
  decision: '' | 'pass' | 'needs_revision';
}

/** Errors keyed by field path (`scores.0.levelId`, `decision`), in the order the fields appear on the page. */
export type ReviewErrors = Record<string, string>;

const quote = (name: string) => `‘${name}’`;

/** Whether the chosen level of a criterion reaches its required level. */
export function levelMeets(c: Criterion, levelId: string): boolean {
  const at = c.levels.findIndex((l) => l.id === levelId);
  return at >= 0 && at >= c.levels.findIndex((l) => l.id === c.requiredLevelId);
}

/** The plain message for one schema issue at `path`. */
function plainMessage(path: ReadonlyArray<PropertyKey>, code: string, criteria: Criterion[]): string {
  const [head, index, field] = path;
  if (head === 'scores' && typeof index === 'number') {
    const name = quote(criteria[index]?.name ?? `criterion ${index + 1}`);
    if (field === 'levelId') return `Choose a level for ${name}`;
    if (field === 'feedback')
      return code === 'too_big' ? `Shorten the feedback for ${name} (at most 8,000 characters)` : `Write feedback for ${name}`;
    return `Score ${name}`;
  }
  if (head === 'overallFeedback') return 'Shorten the overall feedback (at most 8,000 characters)';
  if (head === 'decision') return 'Choose pass or ask for a revision';
  return 'Check this review';
}

/** Every field order of the form, so the summary and the focus follow the page from top to bottom. */
function fieldOrder(criteria: Criterion[]): string[] {
  return [...criteria.flatMap((_, i) => [`scores.${i}.levelId`, `scores.${i}.feedback`]), 'overallFeedback', 'decision'];
}

/** Sort errors into page order (unknown paths last). */
export function inPageOrder(errors: ReviewErrors, criteria: Criterion[]): Array<[string, string]> {
  const order = fieldOrder(criteria);
  const rank = (p: string) => (order.includes(p) ? order.indexOf(p) : order.length);
  return Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
}

/**
 * Validate the form against the shared schema and the rubric's pass rule; empty when the review can be sent.
 * Also refuses a pass with a criterion below its required level, and a revision when every criterion is met.
 */
export function validateReview(values: ReviewFormValues, criteria: Criterion[]): ReviewErrors {
  const errors: ReviewErrors = {};
  const parsed = ReviewInput.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      errors[path] ??= plainMessage(issue.path, issue.code, criteria);
    }
  }
  if (!errors['decision'] && values.decision) {
    const below = criteria.filter((c, i) => values.scores[i]?.levelId && !levelMeets(c, values.scores[i]?.levelId ?? ''));
    const allChosen = criteria.every((_, i) => Boolean(values.scores[i]?.levelId));
    if (values.decision === 'pass' && below.length > 0) {
      errors['decision'] =
        `A pass needs every criterion at its required level: ${below.map((c) => quote(c.name)).join(', ')} ${below.length === 1 ? 'is' : 'are'} below it. Raise the level or ask for a revision.`;
    } else if (values.decision === 'needs_revision' && allChosen && below.length === 0) {
      errors['decision'] = 'Every criterion is at its required level: choose pass, or lower a level that is not yet met.';
    }
  }
  return Object.fromEntries(inPageOrder(errors, criteria));
}

/** The DOM id of a field's wrapper, for focus and for the links in the error summary. */
export function fieldId(path: string): string {
  return `review-${path.replace(/\./g, '-')}`;
}
