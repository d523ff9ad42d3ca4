/** The public surface of the bulk-awards slice: the only module other slices import. */
export { BULK_AWARD_JOB, changeBulkRunState } from './change-bulk-run-state.js';
export { createBulkRun } from './create-bulk-run.js';
export { issueBulkRunNow } from './issue-bulk-run-now.js';
export { getBulkRun, getBulkRunState, listBulkRows } from './read-bulk-runs.js';
export { BULK_UPLOAD_PATH, bulkAwardRoutes } from './routes.js';
export { runBulkAwards } from './run-bulk-awards.js';
