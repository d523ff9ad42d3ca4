import type { Deps } from '../context.js';
import { listMail } from './store.js';

/** The newest emails Tessera has sent or stored, for platform admins. */
export async function listOutbox(deps: Deps, opts: { limit: number }) {
  const rows = await listMail(deps.db, opts.limit);
  return rows.map((r) => ({
    id: r.id,
    to: r.to,
    subject: r.subject,
    text: r.text,
    transport: r.transport,
    createdAt: r.createdAt.toISOString(),
  }));
}
