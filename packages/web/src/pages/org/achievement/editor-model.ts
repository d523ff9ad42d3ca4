/** The micro-credential editor's form model: values, ids, field anchors and the checks the sections share. */
import type { UseFormReturnType } from '@mantine/form';
import { AchievementContent as ContentSchema, publishProblems } from '@tessera/shared';
import { problemsToErrors, schemaResolver } from '../../../lib/forms';
import type { FieldErrors } from '../../../lib/forms';
import type { AchievementContent } from '../../../lib/types';

/** A rubric criterion. */
export type Criterion = AchievementContent['rubric']['criteria'][number];
/** A rubric level. */
export type Level = Criterion['levels'][number];
/** An evidence requirement. */
export type Requirement = AchievementContent['evidenceRequirements'][number];
/** A kind of evidence. */
export type Kind = Requirement['kinds'][number];
/** The editor's form. */
export type EditorForm = UseFormReturnType<AchievementContent>;

/** A fresh id not yet used in `taken`, e.g. c1, c2 … */
export function nextId(prefix: string, taken: string[]): string {
  for (let i = 1; ; i++) if (!taken.includes(`${prefix}${i}`)) return `${prefix}${i}`;
}

/** Three starting levels for a new criterion. */
export function newLevels(): Level[] {
  return [
    { id: 'l1', name: 'Beginning', description: '', points: 1 },
    { id: 'l2', name: 'Developing', description: '', points: 2 },
    { id: 'l3', name: 'Proficient', description: '', points: 3 },
  ];
}

/** An empty draft for a new micro-credential. */
export function emptyContent(): AchievementContent {
  return {
    name: '',
    description: '',
    imageFileId: null,
    achievementType: 'MicroCredential',
    learningGoal: '',
    competency: '',
    criteriaNarrative: '',
    evidenceRequirements: [],
    resources: [],
    alignments: [],
    skills: [],
    creditsAvailable: null,
    effortHours: null,
    validity: { kind: 'never' },
    rubric: { criteria: [] },
    maxAttempts: 3,
  };
}

/** What the save check (the shared content schema) finds wrong, by field path. */
export const saveErrors = schemaResolver(ContentSchema);

/** Everything the client can check: what stops saving, then what stops publishing. */
export function allProblems(values: AchievementContent): FieldErrors {
  return { ...problemsToErrors(publishProblems(values)), ...saveErrors(values) };
}

/** The DOM id of the input for a field path (`rubric.criteria.0.name` → `field-rubric-criteria-0-name`). */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/**
 * Move focus to the input of `path` (or, when it has none, of the nearest enclosing path that has one) and scroll
 * it into view. Returns whether something took focus.
 */
export function focusField(path: string): boolean {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = document.getElementById(fieldId(parts.slice(0, n).join('.')));
    if (el) {
      el.scrollIntoView?.({ block: 'center' });
      el.focus({ preventScroll: true });
      return true;
    }
  }
  return false;
}

/** Move items of a list (for the up/down buttons). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}
