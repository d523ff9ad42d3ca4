import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_HANDLERS } from '../jobs/handlers.js';
import { startWorker } from '../jobs/worker.js';
import { FixedClock } from '../shared/clock.js';
import type { TestContext } from '../testing/harness.js';
import { createTestContext } from '../testing/harness.js';
import { deliverMail, SENDING_CLAIM_MS } from './deliver-mail.js';
import type { MailInput, Mailer } from './mailer.js';
import { sendMail } from './send-mail.js';
import { findMail } from './store.js';

const sent: MailInput[] = [];
let hold: Promise<void> | null = null;
/** An SMTP-like transport that counts what it sends, optionally holding each send until `hold` settles. */
const countingMailer: Mailer = {
  transport: 'smtp',
  deliver: async (mail) => {
    if (hold) await hold;
    sent.push(mail);
  },
};
const clock = new FixedClock(new Date('2026-05-01T00:00:00Z'));
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ mailer: countingMailer, clock });
});
afterAll(async () => ctx.close());

const message = (subject: string) => sendMail(ctx.deps, { to: 'learner@mail.example', subject, text: 'Hello' });
const sentWith = (subject: string) => sent.filter((m) => m.subject === subject);

describe('mail delivery is idempotent per message id', () => {
  it('sends a message once when two runs of its job deliver it at the same time', async () => {
    const id = await message('Race');
    // The send that claimed the message is held until the other run has given up (or 10 s pass, should both claim it),
    // so the two runs overlap however slow the machine is.
    let release = () => {};
    hold = new Promise<void>((r) => {
      release = r;
      setTimeout(r, 10_000);
    });
    const runs = [deliverMail(ctx.deps, { messageId: id }), deliverMail(ctx.deps, { messageId: id })];
    for (const run of runs) run.catch(() => release());
    const results = await Promise.allSettled(runs);
    hold = null;
    // Step that must fail: the second, concurrent send.
    expect(sentWith('Race')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect((await findMail(ctx.deps.db, id))?.status).toBe('sent');
    // The run that stepped aside retries later and finds the message sent: nothing more goes out.
    await deliverMail(ctx.deps, { messageId: id });
    expect(sentWith('Race')).toHaveLength(1);
    expect(sentWith('Race')[0]?.id).toBe(id);
  });

  it('does not send when the job was lost before the send, and gives the message back to the queue', async () => {
    const id = await message('Lost');
    await deliverMail(ctx.deps, { messageId: id, job: { stillOwned: async () => false } });
    expect(sentWith('Lost')).toHaveLength(0);
    expect((await findMail(ctx.deps.db, id))?.status).toBe('queued');
    await deliverMail(ctx.deps, { messageId: id, job: { stillOwned: async () => true } });
    expect(sentWith('Lost')).toHaveLength(1);
  });

  it('gives a failed send back to the queue, and resends a claim left by a crashed sender only after it is stale', async () => {
    const id = await message('Crash');
    const failing: Mailer = { transport: 'smtp', deliver: async () => Promise.reject(new Error('smtp down')) };
    await expect(deliverMail({ ...ctx.deps, mailer: failing }, { messageId: id })).rejects.toThrow('smtp down');
    expect((await findMail(ctx.deps.db, id))?.status).toBe('queued');
    // A sender that claims and then dies leaves `sending`: other runs wait instead of sending again.
    const dying: Mailer = { transport: 'smtp', deliver: () => new Promise<void>(() => undefined) };
    void deliverMail({ ...ctx.deps, mailer: dying }, { messageId: id });
    await new Promise((r) => setTimeout(r, 50));
    await expect(deliverMail(ctx.deps, { messageId: id })).rejects.toThrow(/being delivered/);
    expect(sentWith('Crash')).toHaveLength(0);
    clock.advance(SENDING_CLAIM_MS + 1000);
    await deliverMail(ctx.deps, { messageId: id });
    expect(sentWith('Crash')).toHaveLength(1);
  });

  it('runs through the mail.deliver job once, even when the job is run again', async () => {
    const id = await message('Job');
    const w = startWorker(ctx.deps, { handlers: JOB_HANDLERS, pollMs: 0 });
    expect(await w.tick()).toBeGreaterThan(0);
    await w.stop();
    await deliverMail(ctx.deps, { messageId: id });
    expect(sentWith('Job')).toHaveLength(1);
    expect((await findMail(ctx.deps.db, id))?.status).toBe('sent');
  });
});
