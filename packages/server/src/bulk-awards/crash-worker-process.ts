/**
 * A worker process for the bulk crash test: `tsx crash-worker-process.ts <runId>` with TESSERA_DATA_DIR (and
 * DATABASE_URL for PostgreSQL) set. It runs bulk jobs with a short lease, prints "ready" once it polls, and
 * exits 0 when the run is completed; the test kills it with SIGKILL at random points before that.
 */
import { loadEnv } from '../env.js';
import { startWorker } from '../jobs/index.js';
import { bootstrap } from '../main.js';
import { BULK_AWARD_JOB } from './change-bulk-run-state.js';
import { runBulkAwards } from './run-bulk-awards.js';
import { findRunById } from './store.js';

const [runId] = process.argv.slice(2);
if (!runId) throw new Error('usage: crash-worker-process <runId>');
const { deps, database } = await bootstrap(loadEnv(), { migrate: false });
const worker = startWorker(deps, {
  workerId: `crash-${process.pid}`,
  leaseMs: 1500,
  pollMs: 50,
  concurrency: 1,
  handlers: { [BULK_AWARD_JOB]: (d, job) => runBulkAwards(d, { runId, job, batchSize: 40 }) },
});
process.stdout.write('ready\n');
for (;;) {
  await new Promise((r) => setTimeout(r, 100));
  const run = await findRunById(deps.db, runId);
  if (run?.state === 'completed') break;
}
await worker.stop();
await database.close();
process.exit(0);
