import { parse } from 'csv-parse/sync';
import type { ImportProblem, ParsedAssociation, ParsedFramework, ParsedSkill } from './parsed.js';
import { MAX_PROBLEMS, SkillImportError } from './parsed.js';

/** Columns a skills CSV may have (header row, any order, case-insensitive); `id` or `code`, and `name`, are required. */
export const CSV_COLUMNS = ['id', 'code', 'name', 'description', 'parent', 'uri', 'type'] as const;

/**
 * Read a skills CSV: one skill per row, `parent` naming another row's id (or code). Row numbers count the
 * header as row 1, as a spreadsheet shows them; duplicate ids name both rows.
 */
export function parseSkillsCsv(text: string, opts: { title: string; sourceId: string }): ParsedFramework {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw new SkillImportError('The CSV cannot be read', [{ path: 'file', message: e instanceof Error ? e.message : String(e) }]);
  }
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (col('name') < 0 || (col('id') < 0 && col('code') < 0))
    throw new SkillImportError('The CSV header needs `name` and `id` or `code`', [
      { path: 'row 1', message: `Columns found: ${header.join(', ') || 'none'}` },
    ]);
  if (unknown.length)
    throw new SkillImportError('The CSV has unknown columns', [
      { path: 'row 1', message: `Unknown columns: ${unknown.join(', ')} (known: ${CSV_COLUMNS.join(', ')})` },
    ]);
  const problems: ImportProblem[] = [];
  const skills: ParsedSkill[] = [];
  const parents: Array<{ child: string; parent: string; row: number }> = [];
  const firstRow = new Map<string, number>();
  const byCode = new Map<string, string>();
  const cell = (r: string[], name: string) => {
    const i = col(name);
    return i >= 0 ? (r[i] ?? '').trim() : '';
  };
  rows.slice(1).forEach((r, i) => {
    const row = i + 2;
    const code = cell(r, 'code');
    const id = cell(r, 'id') || code;
    const name = cell(r, 'name');
    const add = (p: ImportProblem) => {
      if (problems.length < MAX_PROBLEMS) problems.push(p);
    };
    if (!id) return add({ path: `row ${row}`, message: 'Give an id or a code' });
    if (!name) return add({ path: `row ${row}`, message: 'Give a name' });
    const first = firstRow.get(id);
    if (first !== undefined) return add({ path: `row ${row}`, message: `Duplicate id "${id}" (first on row ${first})` });
    firstRow.set(id, row);
    if (code) {
      if (byCode.has(code.toLowerCase()) && byCode.get(code.toLowerCase()) !== id)
        return add({
          path: `row ${row}`,
          message: `Duplicate code "${code}" (first on row ${firstRow.get(byCode.get(code.toLowerCase()) ?? '')})`,
        });
      byCode.set(code.toLowerCase(), id);
    }
    const uri = cell(r, 'uri');
    skills.push({
      identifier: id,
      code: code || null,
      name: name.slice(0, 2000),
      description: cell(r, 'description').slice(0, 4000),
      uri: uri || null,
      type: cell(r, 'type') || null,
      path: `row ${row}`,
    });
    const parent = cell(r, 'parent');
    if (parent) parents.push({ child: id, parent, row });
  });
  const associations: ParsedAssociation[] = [];
  for (const p of parents) {
    const target = firstRow.has(p.parent) ? p.parent : byCode.get(p.parent.toLowerCase());
    if (!target) {
      if (problems.length < MAX_PROBLEMS)
        problems.push({ path: `row ${p.row}`, message: `Parent "${p.parent}" is not an id or code in this file` });
      continue;
    }
    associations.push({
      identifier: `${p.child}:isChildOf:${target}`,
      type: 'isChildOf',
      from: p.child,
      to: target,
      toUri: null,
      path: `row ${p.row}`,
    });
  }
  if (problems.length)
    throw new SkillImportError(`The CSV has ${problems.length === MAX_PROBLEMS ? 'at least ' : ''}${problems.length} problem(s)`, problems);
  return {
    framework: {
      sourceKind: 'csv',
      sourceId: opts.sourceId,
      title: opts.title.slice(0, 300),
      description: '',
      sourceUri: null,
      version: null,
      licence: null,
    },
    skills,
    associations,
    warnings: [],
  };
}
