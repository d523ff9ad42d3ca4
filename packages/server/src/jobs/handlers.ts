import { DELIVER_MAIL_JOB } from '../mail/send-mail.js';
import { deliverMail } from '../mail/deliver-mail.js';
import { issueCredential } from '../credentials/issue-credential.js';
import { ISSUE_CREDENTIAL_JOB } from '../reviews/decide.js';
import type { JobHandler } from './worker.js';

/** Every job type Tessera runs, with its handler. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [DELIVER_MAIL_JOB]: async (deps, job) => {
    const messageId = job.payload['messageId'];
    if (typeof messageId !== 'string') throw new Error('mail.deliver needs a messageId');
    await deliverMail(deps, { messageId });
  },
  [ISSUE_CREDENTIAL_JOB]: async (deps, job) => {
    const submissionId = job.payload['submissionId'];
    if (typeof submissionId !== 'string') throw new Error('credential.issue needs a submissionId');
    await issueCredential(deps, { submissionId });
  },
};
