import { randomBytes, scryptSync } from 'node:crypto';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, jobs, rateLimits, sessions } from '../db/schema.js';
import { createApp } from '../http/app.js';
import { JOB_HANDLERS } from '../jobs/handlers.js';
import { startWorker } from '../jobs/worker.js';
import { listMail } from '../mail/store.js';
import { notify } from '../notifications/notify.js';
import { FixedClock } from '../shared/clock.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';

let ctx: TestContext;
const clock = new FixedClock(new Date('2026-04-01T09:00:00Z'));
const MAX = 3;

beforeAll(async () => {
  ctx = await createTestContext({
    clock,
    env: {
      TESSERA_SIGNIN_MAX_ATTEMPTS: String(MAX),
      TESSERA_TRUST_PROXY: 'true',
      TESSERA_SIGNUP_PER_HOUR: '3',
      TESSERA_SESSION_IDLE_HOURS: '12',
    },
  });
});
afterAll(async () => ctx.close());

/** Run every due job (password-reset mail, clean-up) the way a worker would. */
async function runJobs(): Promise<void> {
  const w = startWorker(ctx.deps, { handlers: JOB_HANDLERS, pollMs: 0 });
  while ((await w.tick()) > 0);
  await w.stop();
}

/** A client that came from `ip` (X-Forwarded-For, trusted in this context). */
function from(ip: string | null) {
  const c = new ApiClient(ctx);
  const send = (method: string, path: string, body?: unknown) => c.request(method, path, body, ip ? { 'x-forwarded-for': ip } : {});
  return { client: c, send };
}

/** Create an account and sign in, whatever sign-up answers. */
async function register(email: string, password = 'correct horse battery') {
  const who = from(null);
  await who.send('POST', 'auth/signup', { email, name: 'Person', password });
  const s = await who.send('POST', 'auth/signin', { email, password });
  expect(s.status).toBe(200);
  return who;
}

async function mailsTo(email: string) {
  return (await listMail(ctx.deps.db, 500)).filter((m) => m.to === email);
}

async function resetTokens(email: string): Promise<string[]> {
  return (await mailsTo(email)).filter((m) => m.subject.includes('Reset')).map((m) => /token=([A-Za-z0-9_-]+)/.exec(m.text)?.[1] ?? '');
}

describe('reset tokens and sessions (#4)', () => {
  it('an older reset token stops working once a newer one was used', async () => {
    await register('two-links@example.org');
    const anon = from(null);
    await anon.send('POST', 'auth/password-reset/request', { email: 'two-links@example.org' });
    await anon.send('POST', 'auth/password-reset/request', { email: 'two-links@example.org' });
    await runJobs();
    const tokens = await resetTokens('two-links@example.org');
    expect(tokens).toHaveLength(2);
    const [a, b] = tokens as [string, string];
    expect((await anon.send('POST', 'auth/password-reset/confirm', { token: b, password: 'newer password 1' })).status).toBe(204);
    const old = await anon.send('POST', 'auth/password-reset/confirm', { token: a, password: 'older password 2' });
    expect(old.status).toBe(400);
    expect(old.json['code']).toBe('token_invalid');
  });

  it('a password change ends the other sessions, keeps the current one and voids outstanding reset links', async () => {
    const here = await register('changer@example.org', 'first password!');
    const laptop = from(null);
    expect((await laptop.send('POST', 'auth/signin', { email: 'changer@example.org', password: 'first password!' })).status).toBe(200);
    await from(null).send('POST', 'auth/password-reset/request', { email: 'changer@example.org' });
    await runJobs();
    const [token] = await resetTokens('changer@example.org');
    expect(
      (await here.send('POST', 'account/password', { currentPassword: 'first password!', newPassword: 'second password!' })).status,
    ).toBe(204);
    expect((await here.send('GET', 'auth/session')).status).toBe(200);
    expect((await laptop.send('GET', 'auth/session')).status).toBe(401);
    const reset = await from(null).send('POST', 'auth/password-reset/confirm', { token, password: 'attacker password' });
    expect(reset.status).toBe(400);
    expect(reset.json['code']).toBe('token_invalid');
  });

  it('ends a session left idle for longer than TESSERA_SESSION_IDLE_HOURS, while an active one lives on', async () => {
    const active = await register('idle@example.org');
    const idle = from(null);
    expect((await idle.send('POST', 'auth/signin', { email: 'idle@example.org', password: 'correct horse battery' })).status).toBe(200);
    clock.advance(11 * 3_600_000);
    expect((await active.send('GET', 'auth/session')).status).toBe(200);
    clock.advance(2 * 3_600_000);
    expect((await active.send('GET', 'auth/session')).status).toBe(200);
    expect((await idle.send('GET', 'auth/session')).status).toBe(401);
  });

  it('the clean-up job deletes expired and idle sessions and stale rate-limit rows, and schedules its next run', async () => {
    const live = await register('cleanup@example.org');
    const idle = from(null);
    await idle.send('POST', 'auth/signin', { email: 'cleanup@example.org', password: 'correct horse battery' });
    const stale = `test:stale:${randomBytes(4).toString('hex')}`;
    const fresh = `test:fresh:${randomBytes(4).toString('hex')}`;
    await ctx.deps.db.insert(rateLimits).values([
      { key: stale, windowStart: new Date(clock.now().getTime() - 25 * 3_600_000), count: 3 },
      { key: fresh, windowStart: clock.now(), count: 1 },
    ]);
    const [account] = await ctx.deps.db.select().from(accounts).where(eq(accounts.email, 'cleanup@example.org'));
    const before = await ctx.deps.db
      .select()
      .from(sessions)
      .where(eq(sessions.accountId, account?.id ?? ''));
    expect(before).toHaveLength(2);
    clock.advance(6 * 3_600_000);
    expect((await live.send('GET', 'auth/session')).status).toBe(200); // refreshes only the live one
    clock.advance(7 * 3_600_000);
    const { cleanUpAccounts, scheduleAccountCleanUp, CLEAN_UP_ACCOUNTS_JOB } = await import('./clean-up-accounts.js');
    expect(typeof cleanUpAccounts).toBe('function');
    await scheduleAccountCleanUp(ctx.deps);
    await scheduleAccountCleanUp(ctx.deps); // a second process asking changes nothing
    const queued = await ctx.deps.db.select().from(jobs).where(eq(jobs.type, CLEAN_UP_ACCOUNTS_JOB));
    expect(queued).toHaveLength(1);
    clock.advance(3_600_000);
    await runJobs();
    const after = await ctx.deps.db
      .select()
      .from(sessions)
      .where(eq(sessions.accountId, account?.id ?? ''));
    expect(after).toHaveLength(1);
    expect((await live.send('GET', 'auth/session')).status).toBe(200);
    const keys = (await ctx.deps.db.select().from(rateLimits)).map((r) => r.key);
    expect(keys).not.toContain(stale);
    expect(keys).toContain(fresh);
    const chain = await ctx.deps.db.select().from(jobs).where(eq(jobs.type, CLEAN_UP_ACCOUNTS_JOB));
    expect(chain.map((j) => j.state).sort()).toEqual(['queued', 'succeeded']);
    expect(chain.find((j) => j.state === 'queued')?.runAfter.getTime()).toBeGreaterThan(clock.now().getTime());
  });

  it('keeps the hourly clean-up chain going when a run fails', async () => {
    const { CLEAN_UP_ACCOUNTS_JOB } = await import('./clean-up-accounts.js');
    await ctx.deps.db.delete(jobs).where(eq(jobs.type, CLEAN_UP_ACCOUNTS_JOB));
    // The clean-up's first step (deleting dead sessions) fails, as it would with the database refusing deletes.
    const db = new Proxy(ctx.deps.db, {
      get: (target, key) =>
        key === 'delete'
          ? () => {
              throw new Error('delete refused');
            }
          : Reflect.get(target, key, target),
    });
    const job = { id: 'job_test', attempts: 1, payload: {}, signal: new AbortController().signal, stillOwned: async () => true };
    await expect(JOB_HANDLERS[CLEAN_UP_ACCOUNTS_JOB]?.({ ...ctx.deps, db }, job)).rejects.toThrow('delete refused');
    const next = await ctx.deps.db.select().from(jobs).where(eq(jobs.type, CLEAN_UP_ACCOUNTS_JOB));
    expect(next.map((j) => j.state)).toEqual(['queued']);
    expect(next[0]?.runAfter.getTime()).toBeGreaterThan(clock.now().getTime());
  });
});

describe('passwords (#7)', () => {
  it('hashes with argon2id at the production cost unless a cost is injected, and salts each hash', async () => {
    const { hashPassword, verifyPassword, needsRehash, DEFAULT_PASSWORD_PARAMS } = await import('./password.js');
    expect(DEFAULT_PASSWORD_PARAMS).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const prod = await hashPassword('a long passphrase');
    expect(prod).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(prod)).toBe(false);
    const cheap = await hashPassword('a long passphrase', ctx.deps.passwords);
    expect(cheap).not.toBe(await hashPassword('a long passphrase', ctx.deps.passwords));
    expect(await verifyPassword('a long passphrase', cheap)).toBe(true);
    expect(await verifyPassword('a long passphrasE', cheap)).toBe(false);
    expect(needsRehash(cheap)).toBe(true);
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
  });

  it('accepts an old scrypt N=2^15 hash and replaces it with argon2id at sign-in', async () => {
    await register('legacy@example.org', 'throwaway password');
    const salt = randomBytes(16);
    const key = scryptSync('legacy passphrase'.normalize('NFKC'), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 256 * 2 ** 15 * 8 });
    const legacy = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    await ctx.deps.db.update(accounts).set({ passwordHash: legacy }).where(eq(accounts.email, 'legacy@example.org'));
    expect((await from(null).send('POST', 'auth/signin', { email: 'legacy@example.org', password: 'legacy passphrase' })).status).toBe(200);
    const [row] = await ctx.deps.db.select().from(accounts).where(eq(accounts.email, 'legacy@example.org'));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect((await from(null).send('POST', 'auth/signin', { email: 'legacy@example.org', password: 'legacy passphrase' })).status).toBe(200);
    expect((await from(null).send('POST', 'auth/signin', { email: 'legacy@example.org', password: 'throwaway password' })).status).toBe(
      401,
    );
  });
});

describe('account enumeration (#11)', () => {
  it('answers a sign-up for a registered email exactly as a new one, changes nothing and emails the owner', async () => {
    await register('taken@example.org', 'owner password');
    const fresh = await from(null).send('POST', 'auth/signup', { email: 'fresh@example.org', name: 'New', password: 'some password' });
    const taken = await from(null).send('POST', 'auth/signup', {
      email: 'taken@example.org',
      name: 'Intruder',
      password: 'intruder password',
    });
    expect(taken.status).toBe(fresh.status);
    expect(taken.status).toBe(202);
    expect(Object.keys(taken.json).sort()).toEqual(Object.keys(fresh.json).sort());
    expect(taken.json['status']).toBe(fresh.json['status']);
    expect(taken.headers.get('set-cookie')).toBeNull();
    expect(fresh.headers.get('set-cookie')).toBeNull();
    const mails = await mailsTo('taken@example.org');
    expect(mails.some((m) => m.subject.includes('tried to create'))).toBe(true);
    expect((await from(null).send('POST', 'auth/signin', { email: 'taken@example.org', password: 'intruder password' })).status).toBe(401);
    expect((await from(null).send('POST', 'auth/signin', { email: 'taken@example.org', password: 'owner password' })).status).toBe(200);
  });

  it('a reset request does the same work for a registered and an unknown email: one queued job, no lookup, no mail yet', async () => {
    await register('known@example.org');
    const mailsBefore = (await listMail(ctx.deps.db, 1000)).length;
    const jobsBefore = await ctx.deps.db.select().from(jobs);
    await from(null).send('POST', 'auth/password-reset/request', { email: 'known@example.org' });
    await from(null).send('POST', 'auth/password-reset/request', { email: 'unknown@example.org' });
    const added = (await ctx.deps.db.select().from(jobs)).filter((j) => !jobsBefore.some((b) => b.id === j.id));
    expect(added.map((j) => [j.type, Object.keys(j.payload).sort()])).toEqual([
      ['account.password_reset_mail', ['email', 'ip']],
      ['account.password_reset_mail', ['email', 'ip']],
    ]);
    expect((await listMail(ctx.deps.db, 1000)).length).toBe(mailsBefore);
    await runJobs();
    expect(await resetTokens('known@example.org')).toHaveLength(1);
    expect(await mailsTo('unknown@example.org')).toHaveLength(0);
  });
});

describe('rate limits and lockout (#12)', () => {
  it("an attacker's failed sign-ins do not stop the owner signing in from another address", async () => {
    await register('victim@example.org', 'victim password');
    const attacker = from('203.0.113.9');
    for (let i = 0; i < MAX; i++)
      expect((await attacker.send('POST', 'auth/signin', { email: 'victim@example.org', password: 'guess' })).status).toBe(401);
    const blocked = await attacker.send('POST', 'auth/signin', { email: 'victim@example.org', password: 'victim password' });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(
      (await from('198.51.100.7').send('POST', 'auth/signin', { email: 'victim@example.org', password: 'victim password' })).status,
    ).toBe(200);
  });

  it('limits one client across many emails', async () => {
    const spray = from('203.0.113.50');
    const statuses: number[] = [];
    for (let i = 0; i <= MAX * 5; i++)
      statuses.push((await spray.send('POST', 'auth/signin', { email: `spray${i}@example.org`, password: 'guess' })).status);
    expect(statuses.slice(0, MAX * 5).every((s) => s === 401)).toBe(true);
    expect(statuses[MAX * 5]).toBe(429);
  });

  it('limits sign-ups per client address with a 429 problem', async () => {
    const bot = from('203.0.113.77');
    for (let i = 0; i < 3; i++)
      expect(
        (await bot.send('POST', 'auth/signup', { email: `bot${i}@example.org`, name: 'Bot', password: 'bot password' })).status,
      ).toBeLessThan(300);
    const res = await bot.send('POST', 'auth/signup', { email: 'bot9@example.org', name: 'Bot', password: 'bot password' });
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      (await from('198.51.100.8').send('POST', 'auth/signup', { email: 'human@example.org', name: 'Human', password: 'human password' }))
        .status,
    ).toBeLessThan(300);
  });

  it('limits password change attempts with a 429 problem', async () => {
    const thief = await register('stolen@example.org', 'real password!');
    for (let i = 0; i < 5; i++)
      expect((await thief.send('POST', 'account/password', { currentPassword: `guess ${i}`, newPassword: 'new password!!' })).status).toBe(
        400,
      );
    const res = await thief.send('POST', 'account/password', { currentPassword: 'real password!', newPassword: 'new password!!' });
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});

describe('request logs (#13)', () => {
  it('never logs invitation tokens', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = createApp({ ...ctx.deps, log: pino({ level: 'info' }, sink) });
    const secret = 'Inv1tat10nT0kenSecretValue_abcdefghijklmnop';
    await app.request(`/api/v1/invitations/${secret}`);
    await app.request(`/api/v1/invitations/${secret}/accept`, { method: 'POST' });
    await app.request(`/app/invitations/${secret}`);
    const logged = lines.join('\n');
    expect(logged).toContain('/api/v1/invitations/[redacted]');
    expect(logged).toContain('/app/invitations/[redacted]');
    expect(logged).not.toContain(secret);
  });

  it('redacts token-like path segments and query values', async () => {
    const { redactPath } = await import('../http/redact-path.js');
    expect(redactPath('/api/v1/invitations/abc/accept')).toBe('/api/v1/invitations/[redacted]/accept');
    expect(redactPath('/x/token/abc')).toBe('/x/token/[redacted]');
    expect(redactPath('/app/reset-password?token=abc&next=/app')).toBe('/app/reset-password?token=[redacted]&next=/app');
    expect(redactPath('/app/verify-email?token=abc')).toBe('/app/verify-email?token=[redacted]');
    expect(redactPath('/api/v1/orgs/riverside/members')).toBe('/api/v1/orgs/riverside/members');
  });
});

describe('email verification (#17)', () => {
  async function verificationToken(email: string): Promise<string | undefined> {
    const mail = (await mailsTo(email)).find((m) => m.subject.includes('Confirm your email'));
    return /verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  }

  it('sends a verification link at sign-up; the account can sign in unverified and is verified by the link once', async () => {
    const me = await register('verify-me@example.org');
    expect(((await me.send('GET', 'auth/session')).json['account'] as Record<string, unknown>)['emailVerified']).toBe(false);
    const token = await verificationToken('verify-me@example.org');
    expect(token).toBeTruthy();
    expect((await from(null).send('POST', 'auth/verify-email', { token })).status).toBe(204);
    expect(((await me.send('GET', 'auth/session')).json['account'] as Record<string, unknown>)['emailVerified']).toBe(true);
    const again = await from(null).send('POST', 'auth/verify-email', { token });
    expect(again.status).toBe(400);
    expect(again.json['code']).toBe('token_invalid');
  });

  it('resends a verification email on request, and not once verified', async () => {
    const me = await register('resend@example.org');
    const first = await verificationToken('resend@example.org');
    const res = await me.send('POST', 'account/verification-email');
    expect(res.status).toBe(200);
    expect(res.json['sent']).toBe(true);
    const tokens = (await mailsTo('resend@example.org')).filter((m) => m.subject.includes('Confirm your email'));
    expect(tokens).toHaveLength(2);
    expect((await from(null).send('POST', 'auth/verify-email', { token: first })).status).toBe(204);
    expect((await me.send('POST', 'account/verification-email')).json['sent']).toBe(false);
  });

  it('never emails notifications (such as a credential being issued) to an unverified address', async () => {
    const me = await register('unverified-learner@example.org');
    const accountId = ((await me.send('GET', 'auth/session')).json['account'] as Record<string, string>)['id'] ?? '';
    await notify(ctx.deps, { accountId, title: 'You earned “Testing”', body: 'Your credential is ready.', link: '/app/me/credentials' });
    expect((await mailsTo('unverified-learner@example.org')).some((m) => m.subject.includes('You earned'))).toBe(false);
    expect((await me.send('GET', 'me/notifications')).text).toContain('You earned');
    await from(null).send('POST', 'auth/verify-email', { token: await verificationToken('unverified-learner@example.org') });
    await notify(ctx.deps, {
      accountId,
      title: 'You earned “Testing” again',
      body: 'Your credential is ready.',
      link: '/app/me/credentials',
    });
    expect((await mailsTo('unverified-learner@example.org')).some((m) => m.subject.includes('again'))).toBe(true);
  });
});
