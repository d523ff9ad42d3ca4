import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../db/schema.js';
import { FixedClock } from '../shared/clock.js';
import type { TestContext } from '../testing/harness.js';
import { createTestContext } from '../testing/harness.js';
import { backoffMs, enqueueJob } from './queue.js';
import { claimJobs, findJob } from './store.js';
import { startWorker } from './worker.js';

let ctx: TestContext;
const clock = new FixedClock(new Date('2026-05-01T00:00:00Z'));
beforeAll(async () => {
  ctx = await createTestContext({ clock });
});
afterAll(async () => ctx.close());

describe('durable job queue', () => {
  it('deduplicates by idempotency key', async () => {
    const a = await enqueueJob(ctx.deps, { type: 'noop', payload: { n: 1 }, idempotencyKey: 'same' });
    const b = await enqueueJob(ctx.deps, { type: 'noop', payload: { n: 2 }, idempotencyKey: 'same' });
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false });
  });

  it('runs a job once and marks it succeeded', async () => {
    const seen: unknown[] = [];
    const { id } = await enqueueJob(ctx.deps, { type: 'record', payload: { value: 42 } });
    const w = startWorker(ctx.deps, { handlers: { record: async (_d, job) => void seen.push(job.payload['value']) }, pollMs: 0 });
    expect(await w.tick()).toBe(1);
    expect(await w.tick()).toBe(0);
    await w.stop();
    expect(seen).toEqual([42]);
    expect((await findJob(ctx.deps.db, id))?.state).toBe('succeeded');
  });

  it('retries with backoff and ends in the dead state after max attempts', async () => {
    const { id } = await enqueueJob(ctx.deps, { type: 'flaky', payload: {}, maxAttempts: 3 });
    let calls = 0;
    const w = startWorker(ctx.deps, {
      handlers: {
        flaky: async () => {
          calls++;
          throw new Error(`boom ${calls}`);
        },
      },
      pollMs: 0,
    });
    expect(await w.tick()).toBe(1);
    let job = await findJob(ctx.deps.db, id);
    expect(job).toMatchObject({ state: 'queued', attempts: 1, lastError: 'boom 1' });
    expect(job?.runAfter.getTime()).toBe(clock.now().getTime() + backoffMs(1));
    expect(await w.tick()).toBe(0);
    clock.advance(backoffMs(1));
    expect(await w.tick()).toBe(1);
    clock.advance(backoffMs(2));
    expect(await w.tick()).toBe(1);
    job = await findJob(ctx.deps.db, id);
    expect(job).toMatchObject({ state: 'dead', attempts: 3, lastError: 'boom 3' });
    clock.advance(60 * 60_000);
    expect(await w.tick()).toBe(0);
    await w.stop();
    expect(calls).toBe(3);
  });

  it('gives a running job to another worker once its lease has expired', async () => {
    const { id } = await enqueueJob(ctx.deps, { type: 'lease', payload: {} });
    const first = await claimJobs(ctx.deps.db, {
      workerId: 'dead-worker',
      types: ['lease'],
      now: clock.now(),
      leaseUntil: new Date(clock.now().getTime() + 30_000),
      limit: 5,
    });
    expect(first.map((j) => j.id)).toEqual([id]);
    const early = await claimJobs(ctx.deps.db, {
      workerId: 'other',
      types: ['lease'],
      now: clock.now(),
      leaseUntil: new Date(clock.now().getTime() + 30_000),
      limit: 5,
    });
    expect(early).toEqual([]);
    clock.advance(31_000);
    const later = await claimJobs(ctx.deps.db, {
      workerId: 'other',
      types: ['lease'],
      now: clock.now(),
      leaseUntil: new Date(clock.now().getTime() + 30_000),
      limit: 5,
    });
    expect(later.map((j) => [j.id, j.attempts])).toEqual([[id, 2]]);
  });

  it('never hands the same job to two concurrent claimers', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 40; i++) ids.add((await enqueueJob(ctx.deps, { type: 'race', payload: { i } })).id);
    const claim = (w: string) =>
      claimJobs(ctx.deps.db, {
        workerId: w,
        types: ['race'],
        now: clock.now(),
        leaseUntil: new Date(clock.now().getTime() + 60_000),
        limit: 7,
      });
    const claimed: string[] = [];
    for (let round = 0; round < 10; round++) {
      const batches = await Promise.all([claim('a'), claim('b'), claim('c')]);
      for (const b of batches) claimed.push(...b.map((j) => j.id));
    }
    expect(claimed.length).toBe(ids.size);
    expect(new Set(claimed)).toEqual(ids);
  });

  it('ends dead, not reclaimed forever, when its worker keeps dying on the last allowed attempt', async () => {
    const { id } = await enqueueJob(ctx.deps, { type: 'killer', payload: {}, maxAttempts: 2 });
    const claim = (w: string) =>
      claimJobs(ctx.deps.db, {
        workerId: w,
        types: ['killer'],
        now: clock.now(),
        leaseUntil: new Date(clock.now().getTime() + 30_000),
        limit: 5,
      });
    expect((await claim('crash-1')).map((j) => j.attempts)).toEqual([1]);
    clock.advance(31_000);
    expect((await claim('crash-2')).map((j) => j.attempts)).toEqual([2]);
    clock.advance(31_000);
    // Step that must fail: the third claim of a job allowed two attempts.
    expect(await claim('crash-3')).toEqual([]);
    const job = await findJob(ctx.deps.db, id);
    expect(job).toMatchObject({ state: 'dead', attempts: 2, lockedBy: null });
    expect(job?.lastError).toMatch(/lease ran out\) on attempt 2 of 2/);
    clock.advance(60 * 60_000);
    expect(await claim('crash-4')).toEqual([]);
  });

  it('tells a handler that lost its lease, and does not record its result', async () => {
    const { id } = await enqueueJob(ctx.deps, { type: 'stolen', payload: {} });
    let aborted = false;
    let ownedAfter: boolean | null = null;
    const w = startWorker(ctx.deps, {
      leaseMs: 150,
      pollMs: 0,
      handlers: {
        stolen: async (_d, job) => {
          expect(await job.stillOwned()).toBe(true);
          // Another worker takes the job over (as after a lease expiry).
          await ctx.deps.db
            .update(jobs)
            .set({ lockedBy: 'thief', leaseUntil: new Date(clock.now().getTime() + 60_000) })
            .where(eq(jobs.id, job.id));
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, 3000);
            job.signal.addEventListener('abort', () => {
              clearTimeout(t);
              resolve();
            });
          });
          aborted = job.signal.aborted;
          ownedAfter = await job.stillOwned();
        },
      },
    });
    expect(await w.tick()).toBe(1);
    await w.stop();
    expect(aborted).toBe(true);
    expect(ownedAfter).toBe(false);
    // The thief's job stays the thief's: not marked succeeded by the worker that lost it.
    expect(await findJob(ctx.deps.db, id)).toMatchObject({ state: 'running', lockedBy: 'thief' });
  });

  it('stillOwned() is false once the lease has run out, before any other worker claims the job', async () => {
    await enqueueJob(ctx.deps, { type: 'slow', payload: {} });
    let owned: boolean[] = [];
    const w = startWorker(ctx.deps, {
      leaseMs: 60_000,
      pollMs: 0,
      handlers: {
        slow: async (_d, job) => {
          owned.push(await job.stillOwned());
          clock.advance(61_000);
          owned.push(await job.stillOwned());
          owned = [...owned, job.signal.aborted];
        },
      },
    });
    expect(await w.tick()).toBe(1);
    await w.stop();
    expect(owned).toEqual([true, false, true]);
  });
});
