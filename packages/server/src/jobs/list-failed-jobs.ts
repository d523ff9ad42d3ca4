import type { Deps } from '../context.js';
import type { JobRow } from './store.js';
import { listOrgJobs } from './store.js';

/** What a job was doing, in plain words for the organisation's owners. */
function describeJob(job: JobRow): string {
  const ref = (key: string) => {
    const v = job.payload[key];
    return typeof v === 'string' ? v : '?';
  };
  if (job.type === 'credential.issue') return `Sign and issue the credential for submission ${ref('submissionId')}`;
  if (job.type === 'mail.deliver') return `Deliver email ${ref('messageId')}`;
  return `Run ${job.type}`;
}

/** An organisation's jobs that failed for good (dead), newest first, for its owners. */
export async function listFailedJobs(deps: Deps, opts: { orgId: string; limit?: number }) {
  const rows = await listOrgJobs(deps.db, opts.orgId, ['dead'], opts.limit ?? 100);
  return rows.map((j) => ({
    id: j.id,
    type: j.type,
    description: describeJob(j),
    attempts: j.attempts,
    maxAttempts: j.maxAttempts,
    lastError: j.lastError,
    createdAt: j.createdAt.toISOString(),
    failedAt: j.finishedAt?.toISOString() ?? null,
  }));
}
