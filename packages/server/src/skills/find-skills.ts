import type { Db } from '../db/client.js';
import type { SkillWithFramework } from './store.js';
import { findSkillRows } from './store.js';

/** Skills by id with their frameworks, in the order of `ids` (unknown ids are left out; retired skills are kept). */
export async function findSkillsByIds(db: Db, ids: readonly string[]): Promise<SkillWithFramework[]> {
  const unique = [...new Set(ids)];
  const byId = new Map((await findSkillRows(db, unique)).map((s) => [s.id, s]));
  return unique.flatMap((id) => {
    const s = byId.get(id);
    return s ? [s] : [];
  });
}
