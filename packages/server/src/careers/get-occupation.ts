import type { Occupation } from '@tessera/shared';
import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { ensureOccupations } from './import-occupations.js';
import { findOccupation } from './store.js';

/** One occupation with the skills it needs, most important first. */
export async function getOccupation(deps: Deps, opts: { code: string }): Promise<Occupation> {
  await ensureOccupations(deps);
  const found = await findOccupation(deps.db, opts.code);
  if (!found) throw new AppError('not_found', `No occupation "${opts.code}"`);
  const { occupation: o, skills } = found;
  return {
    code: o.code,
    title: o.title,
    description: o.description,
    source: o.source,
    skillCount: skills.length,
    skills: skills.map((s) => ({ url: s.skillUrl, name: s.skillName, code: null, framework: null, importance: s.importance })),
  };
}
