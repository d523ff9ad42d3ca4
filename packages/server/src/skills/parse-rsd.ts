import { z } from 'zod';
import { jsonPath } from './parse-case.js';
import type { ImportProblem, ParsedFramework, ParsedSkill } from './parsed.js';
import { MAX_PROBLEMS, SkillImportError } from './parsed.js';

/**
 * The fields of an Open Skills Network Rich Skill Descriptor that Tessera knows (OSMT's JSON). Others are
 * accepted and reported as warnings with their paths: RSD publishers add their own fields, and refusing a
 * whole collection for one extra property would help nobody. Missing or mistyped known fields are errors.
 */
export const RSD_KNOWN_FIELDS = [
  '@context',
  'type',
  'id',
  'uuid',
  'skillName',
  'skillStatement',
  'category',
  'categories',
  'keywords',
  'author',
  'authors',
  'creator',
  'status',
  'creationDate',
  'updateDate',
  'publishDate',
  'archiveDate',
  'standards',
  'certifications',
  'occupations',
  'employers',
  'alignments',
  'collections',
  'isExternallyHosted',
  'libraryName',
] as const;
const COLLECTION_KNOWN_FIELDS = [
  '@context',
  'type',
  'id',
  'uuid',
  'name',
  'description',
  'author',
  'creator',
  'status',
  'creationDate',
  'updateDate',
  'publishDate',
  'archiveDate',
  'skills',
  'skillKeywords',
  'workspaceOwner',
] as const;

const Str = z.string().trim().min(1);
const Rsd = z.looseObject({
  id: Str,
  uuid: z.string().optional(),
  skillName: Str,
  skillStatement: z.string().default(''),
  category: z.string().optional(),
  categories: z.array(z.string()).optional(),
  keywords: z.array(z.string()).optional(),
  status: z.string().optional(),
});
const Collection = z.looseObject({
  id: Str,
  uuid: z.string().optional(),
  name: Str,
  description: z.string().optional(),
  skills: z.array(z.unknown()),
});

function unknownFields(obj: unknown, known: readonly string[], path: string, out: ImportProblem[]): void {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return;
  for (const k of Object.keys(obj))
    if (!known.includes(k) && out.length < MAX_PROBLEMS)
      out.push({ path: `${path}${path ? '.' : ''}${k}`, message: 'Unknown RSD field: ignored' });
}

/** Whether a JSON value looks like an RSD or an RSD collection (has `skillName`, or `skills` with a `name`). */
export function looksLikeRsd(json: unknown): boolean {
  return !!json && typeof json === 'object' && ('skillName' in json || ('skills' in json && 'name' in json));
}

/** Read one Open Skills Network RSD (a one-skill framework) or a collection of them. Unknown fields become warnings. */
export function parseRsd(json: unknown): ParsedFramework {
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const skills: ParsedSkill[] = [];
  const readSkill = (raw: unknown, path: string) => {
    const r = Rsd.safeParse(raw);
    if (!r.success) {
      for (const i of r.error.issues)
        if (problems.length < MAX_PROBLEMS) problems.push({ path: jsonPath(path, i.path), message: i.message });
      return;
    }
    unknownFields(raw, RSD_KNOWN_FIELDS, path, warnings);
    const s = r.data;
    const category = s.category ?? s.categories?.[0] ?? null;
    skills.push({
      identifier: s.id,
      code: s.uuid ?? null,
      name: s.skillName.slice(0, 2000),
      description: s.skillStatement.slice(0, 4000),
      uri: /^https?:\/\//.test(s.id) ? s.id : null,
      type: category,
      path: path || '$',
    });
  };
  let framework: ParsedFramework['framework'];
  if (json && typeof json === 'object' && 'skills' in json) {
    const c = Collection.safeParse(json);
    if (!c.success)
      throw new SkillImportError(
        'This is not an RSD collection',
        c.error.issues.map((i) => ({ path: jsonPath('', i.path), message: i.message })),
      );
    unknownFields(json, COLLECTION_KNOWN_FIELDS, '', warnings);
    c.data.skills.forEach((s, i) => readSkill(s, `skills[${i}]`));
    framework = {
      sourceKind: 'rsd',
      sourceId: c.data.id,
      title: c.data.name.slice(0, 300),
      description: (c.data.description ?? '').slice(0, 4000),
      sourceUri: /^https?:\/\//.test(c.data.id) ? c.data.id : null,
      version: null,
      licence: null,
    };
  } else {
    readSkill(json, '');
    const s = skills[0];
    framework = {
      sourceKind: 'rsd',
      sourceId: s?.identifier ?? '',
      title: (s?.name ?? '').slice(0, 300),
      description: '',
      sourceUri: s?.uri ?? null,
      version: null,
      licence: null,
    };
  }
  if (problems.length) throw new SkillImportError(`The RSD has ${problems.length} problem(s)`, problems);
  return { framework, skills, associations: [], warnings };
}
