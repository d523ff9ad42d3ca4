import type { Deps } from '../context.js';
import { enqueueJob } from '../jobs/index.js';
import type { MailInput } from './mailer.js';
import { insertMail } from './store.js';

/** Job type that delivers one stored message over SMTP. */
export const DELIVER_MAIL_JOB = 'mail.deliver';

/** Record an email and, when SMTP is configured, queue its delivery as a durable job. */
export async function sendMail(deps: Deps, mail: MailInput): Promise<string> {
  const id = deps.ids.id('mail');
  const smtp = deps.mailer.transport === 'smtp';
  await insertMail(deps.db, {
    id,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    transport: smtp ? 'smtp' : 'outbox',
    status: smtp ? 'queued' : 'stored',
    createdAt: deps.clock.now(),
  });
  if (smtp) await enqueueJob(deps, { type: DELIVER_MAIL_JOB, payload: { messageId: id }, idempotencyKey: `mail:${id}` });
  return id;
}
