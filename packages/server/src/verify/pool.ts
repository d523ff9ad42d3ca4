/**
 * Verification runs in a worker-thread pool (piscina), never on the HTTP event loop. Each request has a time
 * budget of worker CPU time (see Meter), not counting the wait in the queue; a task that runs over is aborted,
 * which terminates its worker, and piscina starts a fresh one.
 */
import { readFileSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Report } from '@tessera/credentials';
import type { Env } from '../env.js';
import { AppError } from '../shared/errors.js';
import type { VerifyProgress, VerifyResult, VerifyTask } from './verify-worker.js';

/** How long a task may wait for a worker before the request is answered 503. */
const MAX_WAIT_MS = 30_000;
/** Heap of one worker (MB): an input that needs more ends that worker, not the server. */
const WORKER_HEAP_MB = 256;

const busy = () => new AppError('unavailable', 'The verifier is busy. Try again in a few seconds.', { headers: { 'retry-after': '5' } });

/** Settings of a verification pool. */
export interface VerifyPoolOptions {
  threads: number;
  /** Verifications waiting for a worker; more are answered 503. */
  maxQueue: number;
  /** How long a task may wait for a worker (queue and worker start-up). */
  maxWaitMs?: number;
}

/** The worker time one request may still spend, in ms; shared by the passes of one verification. */
export class Budget {
  /** The budget, in ms. */
  readonly totalMs: number;
  /** What is left, in ms. */
  remainingMs: number;
  constructor(ms: number) {
    this.totalMs = ms;
    this.remainingMs = ms;
  }
}

/** What a pool run ends in: the task's own result, or that it ran over its budget or out of memory. */
export type PoolOutcome = VerifyResult | { kind: 'timeout' } | { kind: 'exhausted' };

/** Where the worker's code is: compiled JavaScript in production; in tests and under tsx, the TypeScript sources. */
function workerEntry(): { filename: string; execArgv?: string[] } {
  if (!import.meta.url.endsWith('.ts')) return { filename: new URL('./verify-worker.js', import.meta.url).href };
  // A worker thread does not inherit tsx's loader: register it first, and resolve workspace packages to sources.
  const register = `import{register}from${JSON.stringify(import.meta.resolve('tsx/esm/api'))};register();`;
  return {
    filename: new URL('./verify-worker.ts', import.meta.url).href,
    execArgv: ['--conditions=source', `--import=data:text/javascript,${encodeURIComponent(register)}`],
  };
}

/** Linux's USER_HZ: the unit of thread CPU times in /proc (100 on every mainstream kernel). */
const CLOCK_TICKS_PER_S = 100;
/** How often a running task's CPU time is read. */
const METER_EVERY_MS = 25;

/** CPU time (user + system, ms) a thread of this process has used, from /proc; null where that cannot be read. */
function threadCpuMs(tid: number | null): number | null {
  if (tid === null) return null;
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime and stime, fields 14 and 15
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS_PER_S : null;
  } catch {
    return null;
  }
}

/**
 * Charges a running task to its budget. On Linux the charge is the worker thread's own CPU time, so a task that
 * waits (for the network, or for a CPU the machine gives to others) is not cut short, while one that computes is
 * stopped once it has used its budget; a generous wall-clock ceiling still ends a task that never finishes.
 * Elsewhere the charge is wall-clock time, paused while the task waits for a remote document.
 */
class Meter {
  private cpuAtStart: number | null = null;
  private tid: number | null = null;
  private since: number | null = null;
  private fetching = 0;
  private timer: NodeJS.Timeout | undefined;
  private ceiling: NodeJS.Timeout | undefined;

  constructor(
    private readonly budget: Budget,
    private readonly overrun: () => void,
    private readonly ceilingMs: number,
  ) {}

  /** The task started on thread `tid` (null when the thread id is unknown). */
  start(tid: number | null): void {
    this.ceiling = setTimeout(this.overrun, this.ceilingMs);
    this.cpuAtStart = threadCpuMs(tid);
    if (this.cpuAtStart !== null) {
      this.tid = tid;
      this.timer = setInterval(() => {
        if (this.used() >= this.budget.remainingMs) this.overrun();
      }, METER_EVERY_MS);
    } else this.resumeWall();
  }

  /** The task waits for (true) or got (false) a remote document; only wall-clock charging pauses for it. */
  waiting(fetching: boolean): void {
    if (this.cpuAtStart !== null) return;
    if (fetching && this.fetching++ === 0) this.pauseWall();
    else if (!fetching && --this.fetching === 0) this.resumeWall();
  }

  /** The task ended: charge what it used. */
  stop(): void {
    clearInterval(this.timer);
    clearTimeout(this.ceiling);
    if (this.cpuAtStart !== null) this.budget.remainingMs -= this.used();
    else this.pauseWall();
    this.cpuAtStart = null;
  }

  private used(): number {
    const now = threadCpuMs(this.tid);
    return now === null || this.cpuAtStart === null ? 0 : now - this.cpuAtStart;
  }

  private pauseWall(): void {
    clearTimeout(this.timer);
    if (this.since !== null) this.budget.remainingMs -= performance.now() - this.since;
    this.since = null;
  }

  private resumeWall(): void {
    this.since = performance.now();
    this.timer = setTimeout(this.overrun, Math.max(0, this.budget.remainingMs));
  }
}

/** A pool of verification workers. */
export class VerifyPool {
  private readonly pool: Piscina;
  private readonly maxWaitMs: number;
  /** Tasks running or waiting; piscina's own maxQueue does not count abortable tasks, so the bound is kept here. */
  private inFlight = 0;
  private readonly capacity: number;

  constructor(opts: VerifyPoolOptions) {
    this.pool = new Piscina({
      ...workerEntry(),
      minThreads: opts.threads,
      maxThreads: opts.threads,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    this.maxWaitMs = opts.maxWaitMs ?? MAX_WAIT_MS;
    this.capacity = opts.threads + opts.maxQueue;
  }

  /** Run one task within the budget; the budget shrinks by the worker time it used. */
  async run(task: Omit<VerifyTask, 'port'>, budget: Budget): Promise<PoolOutcome> {
    if (this.inFlight >= this.capacity) throw busy();
    this.inFlight++;
    const { port1, port2 } = new MessageChannel();
    const abort = new AbortController();
    let reason: 'timeout' | 'wait' | null = null;
    const stop = (why: 'timeout' | 'wait') => {
      reason = why;
      abort.abort();
    };
    const meter = new Meter(budget, () => stop('timeout'), Math.max(this.maxWaitMs, 10 * budget.totalMs));
    const waitTimer = setTimeout(() => stop('wait'), this.maxWaitMs);
    port1.on('message', (m: VerifyProgress) => {
      if (m.kind === 'started') {
        clearTimeout(waitTimer);
        meter.start(m.tid);
      } else meter.waiting(m.kind === 'fetch-start');
    });
    try {
      return (await this.pool.run({ ...task, port: port2 }, { transferList: [port2], signal: abort.signal })) as VerifyResult;
    } catch (e) {
      if (reason === 'timeout') return { kind: 'timeout' };
      if (reason === 'wait') throw busy();
      if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return { kind: 'exhausted' };
      throw e;
    } finally {
      this.inFlight--;
      meter.stop();
      clearTimeout(waitTimer);
      port1.close();
    }
  }

  /** The thread ids of the live workers (a worker that ran over is replaced by one with a new id). */
  get threadIds(): number[] {
    return this.pool.threads.map((t) => t.threadId);
  }

  /** Stop the workers (running tasks are ended). */
  async close(): Promise<void> {
    await this.pool.close({ force: true });
  }
}

/** A pool sized by the configuration (TESSERA_VERIFY_THREADS, TESSERA_VERIFY_QUEUE). */
export function createVerifyPool(env: Env): VerifyPool {
  return new VerifyPool({ threads: env.TESSERA_VERIFY_THREADS, maxQueue: env.TESSERA_VERIFY_QUEUE });
}

const shared = new WeakMap<Env, VerifyPool>();

/** The pool for a configuration that was not given one at start-up (tests, tools); its idle workers do not keep the process alive. */
export function sharedVerifyPool(env: Env): VerifyPool {
  let pool = shared.get(env);
  if (!pool) {
    pool = createVerifyPool(env);
    shared.set(env, pool);
  }
  return pool;
}

/** The report for a verification stopped at its time budget: nothing could be concluded. */
export function tookTooLong(budgetMs: number, credential: Record<string, unknown> | null): Report {
  return {
    verdict: 'indeterminate',
    format: null,
    credential,
    steps: [
      {
        id: 'time',
        status: 'unknown',
        message: `Verification took too long: it was stopped after ${budgetMs} ms, so this credential could not be checked`,
      },
    ],
  };
}

/** The report for a verification that needed more memory than a worker has. */
export function tooLarge(credential: Record<string, unknown> | null): Report {
  return {
    verdict: 'indeterminate',
    format: null,
    credential,
    steps: [
      {
        id: 'memory',
        status: 'unknown',
        message: `Verification needed more than ${WORKER_HEAP_MB} MB of memory and was stopped, so this credential could not be checked`,
      },
    ],
  };
}
