import { hostname } from 'node:os';
import type { Deps } from '../context.js';
import { backoffMs } from './queue.js';
import { claimJobs, extendLease, holdsLease, markFailed, markSucceeded } from './store.js';

/** What a handler receives. */
export interface JobContext {
  id: string;
  attempts: number;
  payload: Record<string, unknown>;
  /** Aborted when this worker loses the job (its lease could not be extended, or another worker took it). */
  signal: AbortSignal;
  /** Ask the database whether this worker still holds the job; call it right before a side effect. */
  stillOwned(): Promise<boolean>;
}

/**
 * A job handler: throw to fail (it will be retried with backoff, then marked dead). A handler whose
 * job was lost should stop; whatever it returns then is not recorded (another worker owns the job).
 */
export type JobHandler = (deps: Deps, job: JobContext) => Promise<void>;

/** Options for a worker loop. */
export interface WorkerOptions {
  handlers: Record<string, JobHandler>;
  workerId?: string;
  leaseMs?: number;
  pollMs?: number;
  concurrency?: number;
}

/** A running worker; `stop()` waits for jobs in flight. */
export interface Worker {
  readonly id: string;
  stop(): Promise<void>;
  /** Claim and run one batch now; resolves with how many jobs ran (tests and drain loops). */
  tick(): Promise<number>;
}

/** Start a worker that polls the jobs table and runs handlers, extending leases while they run. */
export function startWorker(deps: Deps, opts: WorkerOptions): Worker {
  const id = opts.workerId ?? `${hostname()}:${process.pid}:${deps.ids.token(4)}`;
  const leaseMs = opts.leaseMs ?? 60_000;
  const pollMs = opts.pollMs ?? 1000;
  const concurrency = opts.concurrency ?? 2;
  const types = Object.keys(opts.handlers);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);

  const runOne = async (job: { id: string; type: string; payload: Record<string, unknown>; attempts: number; maxAttempts: number }) => {
    const handler = opts.handlers[job.type];
    const lost = new AbortController();
    const loseJob = (why: string) => {
      if (lost.signal.aborted) return;
      deps.log.warn({ jobId: job.id, type: job.type, workerId: id }, `job lost: ${why}`);
      lost.abort(new Error(`This worker no longer holds job ${job.id}: ${why}`));
    };
    const heartbeat = setInterval(
      () => {
        void extendLease(deps.db, job.id, id, new Date(deps.clock.now().getTime() + leaseMs)).then(
          (held) => (held ? undefined : loseJob('another worker took it or it ended')),
          () => undefined,
        );
      },
      Math.max(leaseMs / 3, 50),
    );
    const stillOwned = async () => {
      if (lost.signal.aborted) return false;
      const held = await holdsLease(deps.db, job.id, id, deps.clock.now());
      if (!held) loseJob('its lease ran out');
      return held;
    };
    try {
      if (!handler) throw new Error(`No handler for job type ${job.type}`);
      await handler(deps, { id: job.id, attempts: job.attempts, payload: job.payload, signal: lost.signal, stillOwned });
      // Conditional on this worker still holding the job: a lost job's outcome belongs to its new owner.
      if (!lost.signal.aborted) await markSucceeded(deps.db, job.id, id, deps.clock.now());
    } catch (err) {
      if (lost.signal.aborted) return;
      const now = deps.clock.now();
      const dead = job.attempts >= job.maxAttempts;
      deps.log.warn({ jobId: job.id, type: job.type, attempts: job.attempts, dead, err }, 'job failed');
      await markFailed(deps.db, {
        id: job.id,
        workerId: id,
        now,
        error: err instanceof Error ? err.message : String(err),
        dead,
        runAfter: new Date(now.getTime() + backoffMs(job.attempts)),
      });
    } finally {
      clearInterval(heartbeat);
    }
  };

  const tick = async (): Promise<number> => {
    const now = deps.clock.now();
    const claimed = await claimJobs(deps.db, {
      workerId: id,
      types,
      now,
      leaseUntil: new Date(now.getTime() + leaseMs),
      limit: concurrency,
    });
    await Promise.all(claimed.map(runOne));
    return claimed.length;
  };

  const loop = () => {
    if (stopped) return;
    running = tick()
      .catch((err: unknown) => {
        deps.log.error({ err }, 'worker tick failed');
        return 0;
      })
      .then((n) => {
        if (!stopped) timer = setTimeout(loop, n > 0 ? 0 : pollMs);
        return n;
      });
  };
  if (opts.pollMs !== 0) timer = setTimeout(loop, 0);

  return {
    id,
    tick,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
