import type { Db } from '../db/client.js';
import type { SkillWithFramework } from './store.js';
import { searchSkillRows } from './store.js';

/** Options of a skill search. */
export interface SearchSkillsOptions {
  /** Words (prefix-matched, all must occur in name, code or description) or an exact code. */
  q: string;
  /** The viewer's organisation: its frameworks are searched with the platform-wide ones (null: platform-wide only). */
  orgId: string | null;
  /** Only this framework. */
  frameworkId?: string;
  /** At most this many (default 20, at most 100). */
  limit?: number;
}

/** Full-text search over live skills, best match first (an exact code match ranks first). */
export async function searchSkills(db: Db, opts: SearchSkillsOptions): Promise<SkillWithFramework[]> {
  if (!opts.q.trim()) return [];
  return searchSkillRows(db, {
    q: opts.q,
    orgId: opts.orgId,
    ...(opts.frameworkId ? { frameworkId: opts.frameworkId } : {}),
    limit: Math.min(Math.max(opts.limit ?? 20, 1), 100),
  });
}
