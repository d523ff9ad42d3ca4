import { DELIVER_MAIL_JOB } from '../mail/send-mail.js';
import { deliverMail } from '../mail/deliver-mail.js';
import type { JobHandler } from './worker.js';

/** Every job type Tessera runs, with its handler. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [DELIVER_MAIL_JOB]: async (deps, job) => {
    const messageId = job.payload['messageId'];
    if (typeof messageId !== 'string') throw new Error('mail.deliver needs a messageId');
    await deliverMail(deps, { messageId });
  },
};
