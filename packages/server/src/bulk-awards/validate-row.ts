import { Email, HttpUrl, LIMITS } from '@tessera/shared';
import type { BulkCellProblem, BulkRowCells, RubricCriterion } from '@tessera/shared';

/** The fixed columns of a bulk-award CSV, as written in the template. */
export const BULK_COLUMNS = ['email', 'name', 'issued_on', 'narrative', 'evidence_url'] as const;
/** The prefix of a per-criterion level column. */
export const LEVEL_PREFIX = 'level:';

type Field = 'email' | 'name' | 'issuedOn' | 'narrative' | 'evidenceUrl';
const FIELD_OF: Record<(typeof BULK_COLUMNS)[number], Field> = {
  email: 'email',
  name: 'name',
  issued_on: 'issuedOn',
  narrative: 'narrative',
  evidence_url: 'evidenceUrl',
};
/** The CSV column a cell field is reported under. */
export const COLUMN_OF: Record<Field, string> = {
  email: 'email',
  name: 'name',
  issuedOn: 'issued_on',
  narrative: 'narrative',
  evidenceUrl: 'evidence_url',
};

/** How the header maps cells to fields. */
export interface HeaderMap {
  /** For each cell index: a fixed field, a level column (its header as written), or null (unused). */
  slots: Array<{ field: Field } | { level: string } | null>;
  levelColumns: string[];
}

/** Read the header row: fixed columns in any order and case (`issued on`, `Issued-On` …), and `level:<criterion>` columns. */
export function readHeader(header: string[]): { map: HeaderMap; problems: string[] } {
  const problems: string[] = [];
  const seen = new Set<string>();
  const levelColumns: string[] = [];
  const slots = header.map((raw): HeaderMap['slots'][number] => {
    const h = raw.trim();
    if (h.toLowerCase().startsWith(LEVEL_PREFIX)) {
      const column = `${LEVEL_PREFIX}${h.slice(LEVEL_PREFIX.length).trim()}`;
      if (column === LEVEL_PREFIX) problems.push(`Column "${h}" names no criterion (write level:<criterion id or name>)`);
      else if (seen.has(column.toLowerCase())) problems.push(`Column "${h}" appears twice`);
      else {
        seen.add(column.toLowerCase());
        levelColumns.push(column);
        return { level: column };
      }
      return null;
    }
    const normalised = h.toLowerCase().replace(/[\s-]+/g, '_');
    const key = (normalised === 'e_mail' ? 'email' : normalised) as (typeof BULK_COLUMNS)[number];
    if (!(key in FIELD_OF)) {
      if (h !== '') problems.push(`Unknown column "${h}": use ${BULK_COLUMNS.join(', ')} and level:<criterion> columns`);
      return null;
    }
    if (seen.has(key)) {
      problems.push(`Column "${h}" appears twice`);
      return null;
    }
    seen.add(key);
    return { field: FIELD_OF[key] };
  });
  for (const required of ['email', 'name'] as const) if (!seen.has(required)) problems.push(`The header has no "${required}" column`);
  return { map: { slots, levelColumns }, problems };
}

/** The cells of one record, by field; `extra` counts non-empty cells beyond the header. */
export function cellsOf(record: string[], map: HeaderMap): { cells: BulkRowCells; extra: number } {
  const cells: BulkRowCells = { email: '', name: '', issuedOn: '', narrative: '', evidenceUrl: '', levels: {} };
  let extra = 0;
  record.forEach((value, i) => {
    const slot = map.slots[i];
    if (slot === undefined) {
      if (value.trim() !== '') extra += 1;
      return;
    }
    if (slot === null) return;
    if ('field' in slot) cells[slot.field] = value;
    else cells.levels[slot.level] = value;
  });
  return { cells, extra };
}

/** What a row needs to be checked against: the achievement's rubric, today, and an earlier row with the same email. */
export interface RowContext {
  criteria: RubricCriterion[];
  /** Today (UTC), YYYY-MM-DD: issue dates after it are refused. */
  today: string;
  /** The row number of an earlier row in the file with the same email, if any. */
  duplicateOf: number | null;
  /** Non-empty cells beyond the header's columns. */
  extraCells?: number;
}

/** A checked row: its problems, and (when it has none) the values the award is made from. */
export interface CheckedRow {
  problems: BulkCellProblem[];
  email: string;
  name: string;
  issuedOn: Date | null;
  narrative: string | null;
  evidenceUrl: string | null;
  results: Array<{ criterionId: string; levelId: string }>;
}

/** The normalised form of an email for duplicate checks (trimmed, lowercase). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Check a calendar date written YYYY-MM-DD: a real date, not before 1900, not after today. */
function dateProblem(value: string, today: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return `"${value}" is not a date: write it as YYYY-MM-DD (for example ${today})`;
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) return `"${value}" is not a real calendar date`;
  if (value < '1900-01-01') return `"${value}" is before 1900`;
  if (value > today) return `"${value}" is in the future: the issue date can be today (${today}) at the latest`;
  return null;
}

/** Check one row against the rubric and the rules; every problem names its column. */
export function checkRow(cells: BulkRowCells, ctx: RowContext): CheckedRow {
  const problems: BulkCellProblem[] = [];
  const email = Email.safeParse(cells.email);
  if (cells.email.trim() === '') problems.push({ column: 'email', message: 'Enter the recipient’s email address' });
  else if (!email.success) problems.push({ column: 'email', message: `"${cells.email.trim()}" is not a valid email address` });
  else if (ctx.duplicateOf !== null)
    problems.push({ column: 'email', message: `Same email as row ${ctx.duplicateOf}: a person receives this achievement once` });
  const name = cells.name.trim();
  if (name === '') problems.push({ column: 'name', message: 'Enter the recipient’s name' });
  else if (name.length > LIMITS.nameMaxLength)
    problems.push({ column: 'name', message: `Use at most ${LIMITS.nameMaxLength} characters (this name has ${name.length})` });
  const issuedOnText = cells.issuedOn.trim();
  const dp = issuedOnText === '' ? null : dateProblem(issuedOnText, ctx.today);
  if (dp) problems.push({ column: 'issued_on', message: dp });
  const narrative = cells.narrative.trim();
  if (narrative.length > LIMITS.awardNarrativeMaxLength)
    problems.push({
      column: 'narrative',
      message: `Use at most ${LIMITS.awardNarrativeMaxLength} characters (this narrative has ${narrative.length})`,
    });
  const evidenceText = cells.evidenceUrl.trim();
  const evidence = evidenceText === '' ? null : HttpUrl.safeParse(evidenceText);
  if (evidence && !evidence.success)
    problems.push({
      column: 'evidence_url',
      message: `"${evidenceText.slice(0, 80)}": ${evidence.error.issues[0]?.message ?? 'not a valid http(s) URL'}`,
    });
  const results: CheckedRow['results'] = [];
  for (const [column, rawValue] of Object.entries(cells.levels)) {
    const value = rawValue.trim();
    if (value === '') continue;
    const ref = column.slice(LEVEL_PREFIX.length);
    const criterion = ctx.criteria.find((c) => c.id === ref) ?? ctx.criteria.find((c) => same(c.name, ref));
    if (!criterion) {
      const known = ctx.criteria.map((c) => `${c.id} (${c.name})`).join(', ');
      problems.push({
        column,
        message: known
          ? `Unknown criterion "${ref}": this achievement’s criteria are ${known}`
          : `Unknown criterion "${ref}": this achievement has no rubric`,
      });
      continue;
    }
    const level = criterion.levels.find((l) => l.id === value) ?? criterion.levels.find((l) => same(l.name, value));
    if (!level) {
      problems.push({
        column,
        message: `Unknown level "${value}" for ${criterion.name}: use one of ${criterion.levels.map((l) => l.name).join(', ')}`,
      });
      continue;
    }
    const required = criterion.levels.findIndex((l) => l.id === criterion.requiredLevelId);
    if (criterion.levels.indexOf(level) < required) {
      problems.push({
        column,
        message: `"${level.name}" is below the level required to earn this achievement (${criterion.levels[required]?.name ?? criterion.requiredLevelId})`,
      });
      continue;
    }
    if (results.some((r) => r.criterionId === criterion.id)) {
      problems.push({ column, message: `${criterion.name} has a level in another column of this row` });
      continue;
    }
    results.push({ criterionId: criterion.id, levelId: level.id });
  }
  if (ctx.extraCells)
    problems.push({
      column: 'row',
      message: `This row has ${ctx.extraCells} more cell${ctx.extraCells === 1 ? '' : 's'} than the header has columns`,
    });
  return {
    problems,
    email: email.success ? email.data : emailKey(cells.email),
    name,
    issuedOn: issuedOnText && !dp ? new Date(`${issuedOnText}T00:00:00Z`) : null,
    narrative: narrative || null,
    evidenceUrl: evidence?.success ? evidence.data : null,
    results,
  };
}
