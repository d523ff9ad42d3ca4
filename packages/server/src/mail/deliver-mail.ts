import type { Deps } from '../context.js';
import { findMail, setMailStatus } from './store.js';

/** Deliver a stored message over the configured transport (run by the mail.deliver job). */
export async function deliverMail(deps: Deps, opts: { messageId: string }): Promise<void> {
  const row = await findMail(deps.db, opts.messageId);
  if (!row || row.status === 'sent') return;
  await deps.mailer.deliver({ to: row.to, subject: row.subject, text: row.text });
  await setMailStatus(deps.db, row.id, 'sent', deps.clock.now());
}
