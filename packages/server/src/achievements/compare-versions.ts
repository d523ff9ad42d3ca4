import { diffContent } from '@tessera/shared';
import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import type { Content } from './content.js';
import { readContent } from './content.js';
import { findAchievement, listVersions } from './store.js';

/** One side of a comparison. */
interface Side {
  ref: string;
  version: number | null;
  publishedAt: string | null;
  content: Content;
}

/**
 * Two versions of a micro-credential's content (`draft` or a published version number) and the fields that differ
 * between them, `from` → `to`.
 */
export async function compareVersions(deps: Deps, opts: { org: OrgRow; achievementId: string; from: string; to: string }) {
  const row = await findAchievement(deps.db, opts.org.id, opts.achievementId);
  if (!row) throw new AppError('not_found', 'No such micro-credential');
  const versions = await listVersions(deps.db, row.id);
  const side = (ref: string, field: 'from' | 'to'): Side => {
    if (ref === 'draft') return { ref, version: null, publishedAt: null, content: readContent(row.draft) };
    const v = versions.find((x) => String(x.version) === ref);
    if (!v)
      throw new AppError('validation_failed', `There is no version ${ref}`, {
        errors: [{ path: field, message: `No version ${ref}; versions 1 to ${versions.length} exist` }],
      });
    return { ref, version: v.version, publishedAt: v.publishedAt.toISOString(), content: readContent(v.content) };
  };
  const from = side(opts.from, 'from');
  const to = side(opts.to, 'to');
  return { achievementId: row.id, from, to, changes: diffContent(from.content, to.content) };
}
