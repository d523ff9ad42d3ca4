/**
 * What a micro-credential needs before it can be published, and how two versions of its content differ. The server
 * refuses to publish with exactly these rules; the editor shows the same rules as required markers and a checklist.
 */
import { z } from 'zod';
import { StoredAchievementContent, contentUrlProblems } from './achievements.js';
import type { AchievementContent } from './achievements.js';
import { Timestamp } from './common.js';

/** One field-level problem, with a dotted path into the content. */
export interface ContentProblem {
  path: string;
  message: string;
}

/** One rule a draft must meet to be published. */
export interface PublishRule {
  /** Stable id of the rule. */
  id: string;
  /** What the checklist says (phrased as the thing that must be there). */
  label: string;
  /** The field the rule is about; `*` stands for any list index (e.g. `rubric.criteria.*.description`). */
  fields: readonly string[];
  /** The field to go to when the rule is not met and no problem names a more precise one. */
  anchor: string;
  /** The problems, if any, that stop publishing. */
  problems: (c: AchievementContent) => ContentProblem[];
}

const blank = (s: string) => s.trim() === '';
const when = (fails: boolean, path: string, message: string): ContentProblem[] => (fails ? [{ path, message }] : []);

/** Every rule a draft must meet to be published, in the order the editor shows them. */
export const PUBLISH_RULES: readonly PublishRule[] = [
  {
    id: 'description',
    label: 'A description',
    fields: ['description'],
    anchor: 'description',
    problems: (c) => when(blank(c.description), 'description', 'Describe the micro-credential'),
  },
  {
    id: 'learningGoal',
    label: 'A learning goal',
    fields: ['learningGoal'],
    anchor: 'learningGoal',
    problems: (c) => when(blank(c.learningGoal), 'learningGoal', 'State the learning goal'),
  },
  {
    id: 'criteriaNarrative',
    label: 'A criteria narrative (how it is earned)',
    fields: ['criteriaNarrative'],
    anchor: 'criteriaNarrative',
    problems: (c) => when(blank(c.criteriaNarrative), 'criteriaNarrative', 'Describe how it is earned'),
  },
  {
    id: 'evidenceRequirements',
    label: 'At least one evidence requirement',
    fields: ['evidenceRequirements'],
    anchor: 'evidenceRequirements',
    problems: (c) => when(c.evidenceRequirements.length === 0, 'evidenceRequirements', 'Ask for at least one piece of evidence'),
  },
  {
    id: 'rubric',
    label: 'At least one rubric criterion',
    fields: ['rubric.criteria'],
    anchor: 'rubric.criteria',
    problems: (c) => when(c.rubric.criteria.length === 0, 'rubric.criteria', 'Add at least one rubric criterion'),
  },
  {
    id: 'rubricDescriptions',
    label: 'Every rubric criterion and level described',
    fields: ['rubric.criteria.*.description', 'rubric.criteria.*.levels.*.description'],
    anchor: 'rubric.criteria',
    problems: (c) =>
      c.rubric.criteria.flatMap((cr, i) => [
        ...when(blank(cr.description), `rubric.criteria.${i}.description`, 'Describe the criterion'),
        ...cr.levels.flatMap((l, j) => when(blank(l.description), `rubric.criteria.${i}.levels.${j}.description`, 'Describe the level')),
      ]),
  },
  // URLs saved under older rules are readable, but a new version is held to today's rules.
  { id: 'links', label: 'Every link is a valid web address', fields: [], anchor: 'resources', problems: (c) => contentUrlProblems(c) },
];

/** What stops content from being published, as field problems (empty: it may be published). */
export function publishProblems(c: AchievementContent): ContentProblem[] {
  return PUBLISH_RULES.flatMap((r) => r.problems(c));
}

/** One line of the publish checklist. */
export interface ChecklistItem {
  id: string;
  label: string;
  ok: boolean;
  /** The field to fix first (the first problem's path, or the rule's anchor). */
  path: string;
  /** How many fields are still missing or wrong. */
  count: number;
}

/** The publish checklist for content: each rule met or not, with the field to fix first. */
export function publishChecklist(c: AchievementContent): ChecklistItem[] {
  return PUBLISH_RULES.map((r) => {
    const problems = r.problems(c);
    return { id: r.id, label: r.label, ok: problems.length === 0, path: problems[0]?.path ?? r.anchor, count: problems.length };
  });
}

/** Whether publishing needs the field at `path` (a dotted path such as `rubric.criteria.0.description`). */
export function neededToPublish(path: string): boolean {
  const parts = path.split('.');
  return PUBLISH_RULES.some((r) =>
    r.fields.some((f) => {
      const pattern = f.split('.');
      return pattern.length === parts.length && pattern.every((p, i) => p === '*' || p === parts[i]);
    }),
  );
}

/** A leaf value of content as compared: text, a number, a yes/no, a list of short texts, or nothing. */
export const ContentValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
/** A leaf value of content. */
export type ContentValue = z.infer<typeof ContentValue>;

/** One field that differs between two versions of content (`null` on one side: the field is not there). */
export const ContentChange = z.object({ path: z.string(), before: ContentValue, after: ContentValue });
/** A changed field. */
export type ContentChange = z.infer<typeof ContentChange>;

/** Flatten content into leaf paths; lists of plain values (skills, kinds) stay one leaf. */
function leaves(value: unknown, prefix: string, out: Map<string, ContentValue>): Map<string, ContentValue> {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out.set(prefix, value as string[]);
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, prefix ? `${prefix}.${i}` : String(i), out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) out.set(prefix, value);
  return out;
}

/** The fields that differ between two contents, in the order they appear (fields only in `after` come last). */
export function diffContent(before: unknown, after: unknown): ContentChange[] {
  const a = leaves(before, '', new Map());
  const b = leaves(after, '', new Map());
  const paths = [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))];
  return paths.flatMap((path) => {
    const x = a.get(path) ?? null;
    const y = b.get(path) ?? null;
    return JSON.stringify(x) === JSON.stringify(y) ? [] : [{ path, before: x, after: y }];
  });
}

/** One side of a comparison: a published version or the current draft. */
export const ComparedContent = z.object({
  /** `draft` or the version number as text. */
  ref: z.string(),
  version: z.number().int().nullable(),
  publishedAt: Timestamp.nullable(),
  content: StoredAchievementContent,
});

/** Two versions of a micro-credential's content and the fields that differ. */
export const VersionComparison = z.object({
  achievementId: z.string(),
  from: ComparedContent,
  to: ComparedContent,
  changes: z.array(ContentChange),
});
/** A comparison between two versions. */
export type VersionComparison = z.infer<typeof VersionComparison>;

/** A side of a comparison in a request: `draft` or a version number. */
export const VersionRef = z.string().regex(/^(draft|[1-9][0-9]{0,5})$/, { message: 'Use "draft" or a version number' });

/** Query of a comparison. */
export const CompareQuery = z.object({ from: VersionRef, to: VersionRef.default('draft') });
