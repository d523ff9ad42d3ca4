import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { listAuditEvents } from './store.js';

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()))
    throw new AppError('validation_failed', 'The cursor is not valid', { errors: [{ path: 'cursor', message: 'Unrecognised cursor' }] });
  return { at: date, id };
}

/** A page of an organisation's audit log, newest first. */
export async function listAudit(deps: Deps, opts: { orgId: string; limit: number; cursor?: string | undefined }) {
  const before = opts.cursor ? decodeCursor(opts.cursor) : undefined;
  const rows = await listAuditEvents(deps.db, { orgId: opts.orgId, limit: opts.limit + 1, ...(before ? { before } : {}) });
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      action: r.action,
      actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '', email: r.actorEmail ?? '' } : null,
      target: r.target,
      detail: r.detail,
      ip: r.ip,
    })),
    nextCursor: rows.length > opts.limit && last ? Buffer.from(`${last.at.toISOString()}|${last.id}`).toString('base64url') : null,
  };
}
