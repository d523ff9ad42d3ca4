import type { Deps } from '../context.js';
import { ensureOccupations } from './import-occupations.js';
import { listOccupationRows } from './store.js';

/** Occupations matching a search (title or code), by title. */
export async function listOccupations(deps: Deps, opts: { q: string }) {
  await ensureOccupations(deps);
  return { items: await listOccupationRows(deps.db, opts.q.trim()) };
}
