import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const first = await claimJobs(ctx.deps.db, { workerId: 'dead-worker', types: ['lease'], now: clock.now(), leaseUntil: new Date(clock.now().getTime() + 30_000), limit: 5 });
    expect(first.map((j) => j.id)).toEqual([id]);
    const early = await claimJobs(ctx.deps.db, { workerId: 'other', types: ['lease'], now: clock.now(), leaseUntil: new Date(clock.now().getTime() + 30_000), limit: 5 });
    expect(early).toEqual([]);
    clock.advance(31_000);
    const later = await claimJobs(ctx.deps.db, { workerId: 'other', types: ['lease'], now: clock.now(), leaseUntil: new Date(clock.now().getTime() + 30_000), limit: 5 });
    expect(later.map((j) => [j.id, j.attempts])).toEqual([[id, 2]]);
  });

  it('never hands the same job to two concurrent claimers', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 40; i++) ids.add((await enqueueJob(ctx.deps, { type: 'race', payload: { i } })).id);
    const claim = (w: string) => claimJobs(ctx.deps.db, { workerId: w, types: ['race'], now: clock.now(), leaseUntil: new Date(clock.now().getTime() + 60_000), limit: 7 });
    const claimed: string[] = [];
    for (let round = 0; round < 10; round++) {
      const batches = await Promise.all([claim('a'), claim('b'), claim('c')]);
      for (const b of batches) claimed.push(...b.map((j) => j.id));
    }
    expect(claimed.length).toBe(ids.size);
    expect(new Set(claimed)).toEqual(ids);
  });
});
