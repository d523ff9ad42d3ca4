import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_HANDLERS } from '../jobs/handlers.js';
import { startWorker } from '../jobs/worker.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { smtpMailer } from './mailer.js';
import { listMail } from './store.js';

interface Received {
  from: string;
  to: string[];
  data: string;
}

let server: SMTPServer;
let port = 0;
const received: Received[] = [];
let ctx: TestContext;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.server.address() as AddressInfo).port;
  ctx = await createTestContext({ mailer: smtpMailer(`smtp://127.0.0.1:${port}`, 'Tessera <no-reply@tessera.test>') });
});
afterAll(async () => {
  await ctx.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('email over SMTP', () => {
  it('queues the message as a job and delivers it to a real SMTP server', async () => {
    const c = new ApiClient(ctx);
    await c.signUp('smtp-user@example.org', 'Sam'); // sign-up emails a verification link
    const [queued] = await listMail(ctx.deps.db, 10);
    expect(queued).toMatchObject({ to: 'smtp-user@example.org', transport: 'smtp', status: 'queued' });
    const worker = startWorker(ctx.deps, { handlers: JOB_HANDLERS, pollMs: 0 });
    expect(await worker.tick()).toBe(1);
    await worker.stop();
    expect(received).toHaveLength(1);
    expect(received[0]?.from).toBe('no-reply@tessera.test');
    expect(received[0]?.to).toEqual(['smtp-user@example.org']);
    expect(received[0]?.data).toContain('Subject: Confirm your email address for Tessera');
    expect(received[0]?.data).toContain('/app/verify-email?token=');
    const [sent] = await listMail(ctx.deps.db, 10);
    expect(sent?.status).toBe('sent');
  });
});
