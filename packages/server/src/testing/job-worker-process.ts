/**
 * A worker process for the multi-process queue test: `tsx job-worker-process.ts <databaseUrl> <leaseMs> <logFile>`.
 * Handlers append the job id to the log file, so the test can see which jobs ran and how often.
 */
import { appendFileSync } from 'node:fs';
import pino from 'pino';
import type { Deps } from '../context.js';
import { openPostgres } from '../db/client.js';
import { startWorker } from '../jobs/worker.js';
import { systemClock } from '../shared/clock.js';
import { randomIds } from '../shared/ids.js';

const [url, leaseMs, logFile] = process.argv.slice(2);
if (!url || !leaseMs || !logFile) throw new Error('usage: job-worker-process <databaseUrl> <leaseMs> <logFile>');
const database = await openPostgres(url, 3);
const deps = { db: database.db, dbKind: 'postgres', clock: systemClock, ids: randomIds, log: pino({ level: 'silent' }) } as unknown as Deps;
startWorker(deps, {
  workerId: `proc-${process.pid}`,
  leaseMs: Number(leaseMs),
  pollMs: 10,
  concurrency: 4,
  handlers: {
    append: async (_d, job) => {
      appendFileSync(logFile, `${job.id} ${process.pid}\n`);
      await new Promise((r) => setTimeout(r, 2));
    },
    hang: async (_d, job) => {
      appendFileSync(logFile, `start ${job.id} ${process.pid} ${job.attempts}\n`);
      if (job.attempts === 1) await new Promise(() => undefined);
      appendFileSync(logFile, `done ${job.id} ${process.pid}\n`);
    },
  },
});
process.stdout.write('ready\n');
