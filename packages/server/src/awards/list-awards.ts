import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { decodeCursor, encodeCursor, presentAward } from './present.js';
import { listAwardPage } from './store.js';
import type { AwardFilter } from './store.js';

/** An organisation's awards, newest first, filtered, one page at a time (keyset cursor). */
export async function listAwards(
  deps: Deps,
  opts: Omit<AwardFilter, 'after' | 'limit'> & { cursor?: string | undefined; limit?: number | undefined },
) {
  const after = decodeCursor(opts.cursor);
  if (after === null)
    throw new AppError('validation_failed', 'Not a cursor from this list', { errors: [{ path: 'cursor', message: 'Unknown cursor' }] });
  const limit = opts.limit ?? 50;
  const rows = await listAwardPage(deps.db, { ...opts, after, limit });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) =>
      presentAward({ award: r.award, content: r.content, version: r.version, credentialId: r.credentialId }, deps.env.TESSERA_BASE_URL),
    ),
    nextCursor: rows.length > limit && last ? encodeCursor(last.award.createdAt, last.award.id) : null,
  };
}
