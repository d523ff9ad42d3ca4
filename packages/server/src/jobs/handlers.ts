import { DELIVER_MAIL_JOB } from '../mail/index.js';
import { deliverMail } from '../mail/index.js';
import { issueCredential } from '../credentials/index.js';
import { ISSUE_CREDENTIAL_JOB } from '../reviews/index.js';
import { CLEAN_UP_ACCOUNTS_JOB, cleanUpAccounts, scheduleAccountCleanUp } from '../accounts/index.js';
import { SEND_PASSWORD_RESET_JOB } from '../accounts/index.js';
import { sendPasswordReset } from '../accounts/index.js';
import { NOTIFY_ASSESSORS_JOB, notifyAssessors } from '../notifications/index.js';
import { NOTICE_DIGEST_JOB, sendNoticeDigest } from '../notifications/index.js';
import { BULK_AWARD_JOB } from '../bulk-awards/index.js';
import { runBulkAwards } from '../bulk-awards/index.js';
import { REFRESH_RECOMMENDATION_STATS_JOB, refreshRecommendationStats } from '../recommendations/index.js';
import { EVALUATE_LEARNER_PATHWAYS_JOB, EVALUATE_PATHWAY_JOB, evaluateLearnerPathways, evaluatePathwayForAll } from '../pathways/index.js';
import { EVALUATE_RECOGNISING_JOB, evaluateRecognisingPathways } from '../pathways/index.js';
import { REFRESH_STATISTICS_JOB, refreshStatistics, scheduleStatisticsRefresh } from '../maintenance/index.js';
import type { JobHandler } from './worker.js';

/** Every job type Tessera runs, with its handler. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [EVALUATE_LEARNER_PATHWAYS_JOB]: async (deps, job) => {
    const learnerId = job.payload['learnerId'];
    if (typeof learnerId !== 'string') throw new Error('pathways.evaluate_learner needs a learnerId');
    const reason = job.payload['reason'];
    await evaluateLearnerPathways(deps, { learnerId, ...(typeof reason === 'string' ? { reason } : {}) });
  },
  [EVALUATE_PATHWAY_JOB]: async (deps, job) => {
    const pathwayId = job.payload['pathwayId'];
    if (typeof pathwayId !== 'string') throw new Error('pathways.evaluate_pathway needs a pathwayId');
    await evaluatePathwayForAll(deps, { pathwayId });
  },
  [EVALUATE_RECOGNISING_JOB]: async (deps, job) => {
    const orgId = job.payload['orgId'];
    const achievementId = job.payload['achievementId'];
    if (typeof orgId !== 'string' || typeof achievementId !== 'string')
      throw new Error('pathways.evaluate_recognising needs an orgId and an achievementId');
    await evaluateRecognisingPathways(deps, { orgId, achievementId });
  },
  [REFRESH_RECOMMENDATION_STATS_JOB]: async (deps) => {
    await refreshRecommendationStats(deps);
  },
  [BULK_AWARD_JOB]: async (deps, job) => {
    const runId = job.payload['runId'];
    if (typeof runId !== 'string') throw new Error('award.bulk needs a runId');
    await runBulkAwards(deps, { runId, job });
  },
  [SEND_PASSWORD_RESET_JOB]: async (deps, job) => {
    const email = job.payload['email'];
    const ip = job.payload['ip'];
    if (typeof email !== 'string') throw new Error('account.password_reset_mail needs an email');
    await sendPasswordReset(deps, { email, ip: typeof ip === 'string' ? ip : null });
  },
  [CLEAN_UP_ACCOUNTS_JOB]: async (deps) => {
    // The next run is queued first, so that a failure here never ends the hourly chain.
    await scheduleAccountCleanUp(deps);
    await cleanUpAccounts(deps);
  },
  [REFRESH_STATISTICS_JOB]: async (deps) => {
    // The next run is queued first, so that a failure here never ends the hourly chain.
    await scheduleStatisticsRefresh(deps);
    await refreshStatistics(deps);
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
  [NOTIFY_ASSESSORS_JOB]: async (deps, job) => {
    const submissionId = job.payload['submissionId'];
    const attempt = job.payload['attempt'];
    if (typeof submissionId !== 'string' || typeof attempt !== 'number')
      throw new Error('notifications.new_submission needs a submissionId and an attempt');
    await notifyAssessors(deps, { submissionId, attempt });
  },
  [NOTICE_DIGEST_JOB]: async (deps, job) => {
    const accountId = job.payload['accountId'];
    if (typeof accountId !== 'string') throw new Error('notifications.digest needs an accountId');
    await sendNoticeDigest(deps, { accountId });
  },
};
