import { DELIVER_MAIL_JOB } from '../mail/send-mail.js';
import { deliverMail } from '../mail/deliver-mail.js';
import { issueCredential } from '../credentials/issue-credential.js';
import { ISSUE_CREDENTIAL_JOB } from '../reviews/decide.js';
import { CLEAN_UP_ACCOUNTS_JOB, cleanUpAccounts, scheduleAccountCleanUp } from '../accounts/clean-up-accounts.js';
import { SEND_PASSWORD_RESET_JOB } from '../accounts/request-password-reset.js';
import { sendPasswordReset } from '../accounts/send-password-reset.js';
import type { JobHandler } from './worker.js';

/** Every job type Tessera runs, with its handler. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [SEND_PASSWORD_RESET_JOB]: async (deps, job) => {
    const email = job.payload['email'];
    const ip = job.payload['ip'];
    if (typeof email !== 'string') throw new Error('account.password_reset_mail needs an email');
    await sendPasswordReset(deps, { email, ip: typeof ip === 'string' ? ip : null });
  },
  [CLEAN_UP_ACCOUNTS_JOB]: async (deps) => {
    await cleanUpAccounts(deps);
    await scheduleAccountCleanUp(deps);
  },
  [DELIVER_MAIL_JOB]: async (deps, job) => {
    const messageId = job.payload['messageId'];
    if (typeof messageId !== 'string') throw new Error('mail.deliver needs a messageId');
    await deliverMail(deps, { messageId, job });
  },
  [ISSUE_CREDENTIAL_JOB]: async (deps, job) => {
    const submissionId = job.payload['submissionId'];
    if (typeof submissionId !== 'string') throw new Error('credential.issue needs a submissionId');
    await issueCredential(deps, { submissionId });
  },
};
