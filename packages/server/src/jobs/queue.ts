import type { Deps } from '../context.js';
import { findJobByKey, insertJob } from './store.js';

/** Options for a new job. */
export interface EnqueueOptions {
  type: string;
  payload: Record<string, unknown>;
  /** Same key, same job: a second enqueue returns the first job. */
  idempotencyKey?: string;
  runAfter?: Date;
  maxAttempts?: number;
  /** The organisation the job works for: its owners see the job if it fails, and can retry it. */
  orgId?: string | null;
}

/** Put a job on the durable queue (inside the caller's transaction when `deps.db` is one). */
export async function enqueueJob(
  deps: Pick<Deps, 'db' | 'clock' | 'ids'>,
  opts: EnqueueOptions,
): Promise<{ id: string; created: boolean }> {
  const now = deps.clock.now();
  return insertJob(deps.db, {
    id: deps.ids.id('job'),
    type: opts.type,
    payload: opts.payload,
    state: 'queued',
    attempts: 0,
    maxAttempts: opts.maxAttempts ?? 5,
    runAfter: opts.runAfter ?? now,
    idempotencyKey: opts.idempotencyKey ?? null,
    orgId: opts.orgId ?? null,
    createdAt: now,
    updatedAt: now,
  });
}

/** Exponential backoff with a cap: 2s, 4s, 8s … up to 10 minutes. */
export function backoffMs(attempt: number): number {
  return Math.min(2 ** Math.max(attempt, 1) * 1000, 10 * 60 * 1000);
}

/** The state of the job holding an idempotency key (e.g. `issue:<submission id>`), or null when there is none. */
export async function jobStateByKey(
  deps: Pick<Deps, 'db'>,
  idempotencyKey: string,
): Promise<'queued' | 'running' | 'succeeded' | 'dead' | null> {
  return (await findJobByKey(deps.db, idempotencyKey))?.state ?? null;
}

/**
 * Queue a recurring job for the start of the next period of `everyMs` (idempotent: one job per period, however many
 * processes ask). Called at start-up and by the job itself, so the chain keeps going through the durable queue.
 */
export async function enqueueNextPeriod(
  deps: Pick<Deps, 'db' | 'clock' | 'ids'>,
  opts: { type: string; everyMs: number; after?: Date },
): Promise<void> {
  const slot = Math.floor((opts.after ?? deps.clock.now()).getTime() / opts.everyMs) + 1;
  await enqueueJob(deps, {
    type: opts.type,
    payload: {},
    idempotencyKey: `${opts.type}:${slot}`,
    runAfter: new Date(slot * opts.everyMs),
  });
}
