/** Human names for content field paths and values, for the comparison between versions. */
import type { ContentValue } from '@tessera/shared';
import { kindLabel } from '../../../components/AchievementView';

const FIELDS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  imageFileId: 'Badge image',
  achievementType: 'Achievement type',
  learningGoal: 'Learning goal',
  competency: 'Competency statement',
  criteriaNarrative: 'Criteria narrative',
  skills: 'Skills',
  creditsAvailable: 'Credits',
  effortHours: 'Effort in hours',
  maxAttempts: 'Maximum attempts',
  kind: 'Validity',
  months: 'Months of validity',
  prompt: 'prompt',
  kinds: 'kinds of evidence',
  required: 'required',
  criterionIds: 'criteria it supports',
  id: 'id',
  points: 'points',
  requiredLevelId: 'level required to pass',
  title: 'title',
  url: 'URL',
  note: 'note',
  targetName: 'target name',
  targetUrl: 'target URL',
  targetFramework: 'framework',
  targetCode: 'code',
  targetDescription: 'description',
};
const LISTS: Record<string, string> = {
  evidenceRequirements: 'Evidence requirement',
  criteria: 'Criterion',
  levels: 'level',
  resources: 'Resource',
  alignments: 'Alignment',
};

/** A readable name for a content path: `rubric.criteria.0.levels.1.description` → "Criterion 1 › level 2 › description". */
export function changeLabel(path: string): string {
  const parts = path.split('.').filter((p) => p !== 'rubric' && p !== 'validity');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const list = LISTS[part];
    const next = parts[i + 1];
    if (list && next !== undefined && /^\d+$/.test(next)) {
      out.push(`${list} ${Number(next) + 1}`);
      i++;
    } else out.push(FIELDS[part] ?? part);
  }
  return out.join(' › ');
}

/** A compared value as text ("—" when the field is not there or empty). */
export function changeValue(path: string, value: ContentValue): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return (path.endsWith('.kinds') ? value.map(kindLabel) : value).join(', ');
  }
  return String(value);
}
