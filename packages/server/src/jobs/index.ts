/** The public surface of the jobs slice: the only module other slices import. */
export { listFailedJobs } from './list-failed-jobs.js';
export { enqueueJob, enqueueNextPeriod, jobStateByKey } from './queue.js';
export { retryJob } from './retry-job.js';
export { startWorker } from './worker.js';
export type { JobContext, JobHandler } from './worker.js';
