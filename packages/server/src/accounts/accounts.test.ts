import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../shared/clock.js';
import { listMail } from '../mail/store.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { JOB_HANDLERS } from '../jobs/handlers.js';
import { startWorker } from '../jobs/worker.js';

let ctx: TestContext;
const clock = new FixedClock(new Date('2026-03-01T09:00:00Z'));

beforeAll(async () => {
  ctx = await createTestContext({ clock, env: { TESSERA_SIGNIN_MAX_ATTEMPTS: '3' } });
});
afterAll(async () => ctx.close());

async function resetLinkFor(email: string): Promise<string> {
  const worker = startWorker(ctx.deps, { handlers: JOB_HANDLERS, pollMs: 0 });
  while ((await worker.tick()) > 0);
  await worker.stop();
  const mails = await listMail(ctx.deps.db, 50);
  const mail = mails.find((m) => m.to === email && m.subject.includes('Reset'));
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error('no reset mail');
  return token;
}

describe('sign-up, session, sign-out', () => {
  it('signs up without signing in; signing in sets an httpOnly SameSite cookie and returns the session', async () => {
    const client = new ApiClient(ctx);
    const res = await client.request('POST', 'auth/signup', { email: ' Ada@Example.org ', name: 'Ada', password: 'analytical engine' });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ status: 'check_email', email: 'ada@example.org' });
    expect(res.headers.get('set-cookie')).toBeNull();
    const signin = await client.request('POST', 'auth/signin', { email: 'ada@example.org', password: 'analytical engine' });
    expect(signin.status).toBe(200);
    const cookie = signin.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/tessera_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Expires=/i);
    expect(signin.json['account']).toMatchObject({ email: 'ada@example.org', name: 'Ada', isPlatformAdmin: true, emailVerified: false });
    const session = await client.request('GET', 'auth/session');
    expect(session.status).toBe(200);
    expect(session.json['csrfToken']).toEqual(expect.any(String));
  });

  it('keeps the first account when the email signs up again', async () => {
    const client = new ApiClient(ctx);
    const res = await client.request('POST', 'auth/signup', { email: 'ada@example.org', name: 'Other', password: 'another password' });
    expect(res.status).toBe(202);
    const signin = await client.request('POST', 'auth/signin', { email: 'ada@example.org', password: 'analytical engine' });
    expect(signin.status).toBe(200);
    expect((signin.json['account'] as Record<string, unknown>)['name']).toBe('Ada');
  });

  it('validates input with field paths', async () => {
    const client = new ApiClient(ctx);
    const res = await client.request('POST', 'auth/signup', { email: 'nope', name: '', password: 'short' });
    expect(res.status).toBe(400);
    const paths = (res.json['errors'] as Array<{ path: string }>).map((e) => e.path).sort();
    expect(paths).toEqual(['email', 'name', 'password']);
  });

  it('issues a new session id on every sign-in and ends it on sign-out', async () => {
    const a = new ApiClient(ctx);
    await a.signUp('grace@example.org', 'Grace', 'compiler pioneer');
    const first = a.cookie;
    await a.request('POST', 'auth/signin', { email: 'grace@example.org', password: 'compiler pioneer' });
    expect(a.cookie).not.toBe(first);
    const old = new ApiClient(ctx);
    old.cookie = first;
    expect((await old.request('GET', 'auth/session')).status).toBe(401);
    expect((await a.request('POST', 'auth/signout')).status).toBe(204);
    const after = new ApiClient(ctx);
    after.cookie = a.cookie;
    expect((await after.request('GET', 'auth/session')).status).toBe(401);
  });

  it('expires sessions', async () => {
    const a = new ApiClient(ctx);
    await a.signUp('expiry@example.org');
    clock.advance(15 * 86_400_000);
    expect((await a.request('GET', 'auth/session')).status).toBe(401);
  });

  it('requires the CSRF token for cookie-authenticated mutations', async () => {
    const a = new ApiClient(ctx);
    await a.signUp('csrf@example.org');
    const bad = await a.request('PATCH', 'account', { name: 'X' }, { 'x-csrf-token': 'wrong' });
    expect(bad.status).toBe(403);
    expect(bad.json['code']).toBe('csrf_failed');
    const good = await a.request('PATCH', 'account', { name: 'Renamed' });
    expect(good.status).toBe(200);
    expect(good.json['name']).toBe('Renamed');
  });

  it('refuses cross-site sign-in attempts', async () => {
    const res = await ctx.app.request('/api/v1/auth/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'ada@example.org', password: 'analytical engine' }),
    });
    expect(res.status).toBe(403);
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 with Retry-After after too many attempts, and lets the window pass', async () => {
    const a = new ApiClient(ctx);
    await a.signUp('limited@example.org', 'L', 'the right password');
    const b = new ApiClient(ctx);
    for (let i = 0; i < 3; i++)
      expect((await b.request('POST', 'auth/signin', { email: 'limited@example.org', password: 'wrong password' })).status).toBe(401);
    const blocked = await b.request('POST', 'auth/signin', { email: 'limited@example.org', password: 'the right password' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.advance(16 * 60_000);
    expect((await b.request('POST', 'auth/signin', { email: 'limited@example.org', password: 'the right password' })).status).toBe(200);
  });
});

describe('password reset', () => {
  it('emails a single-use link that sets a new password and ends old sessions', async () => {
    const a = new ApiClient(ctx);
    await a.signUp('reset@example.org', 'R', 'forgotten password');
    const anon = new ApiClient(ctx);
    expect((await anon.request('POST', 'auth/password-reset/request', { email: 'reset@example.org' })).status).toBe(202);
    expect((await anon.request('POST', 'auth/password-reset/request', { email: 'nobody@example.org' })).status).toBe(202);
    const token = await resetLinkFor('reset@example.org');
    expect((await anon.request('POST', 'auth/password-reset/confirm', { token, password: 'brand new password' })).status).toBe(204);
    const again = await anon.request('POST', 'auth/password-reset/confirm', { token, password: 'third password!!' });
    expect(again.status).toBe(400);
    expect(again.json['code']).toBe('token_invalid');
    expect((await a.request('GET', 'auth/session')).status).toBe(401);
    expect((await anon.request('POST', 'auth/signin', { email: 'reset@example.org', password: 'forgotten password' })).status).toBe(401);
    expect((await anon.request('POST', 'auth/signin', { email: 'reset@example.org', password: 'brand new password' })).status).toBe(200);
  });

  it('rejects an expired link', async () => {
    const a = new ApiClient(ctx);
    await a.signUp('late@example.org');
    await a.request('POST', 'auth/password-reset/request', { email: 'late@example.org' });
    const token = await resetLinkFor('late@example.org');
    clock.advance(61 * 60_000);
    const res = await a.request('POST', 'auth/password-reset/confirm', { token, password: 'too late password' });
    expect(res.status).toBe(400);
  });
});

describe('account settings', () => {
  it('changes name, DID and password; a wrong current password is a field error', async () => {
    const a = new ApiClient(ctx);
    await a.signUp('settings@example.org', 'S', 'first password');
    const upd = await a.request('PATCH', 'account', {
      did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      showNameOnCredentials: false,
    });
    expect(upd.json).toMatchObject({ did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', showNameOnCredentials: false });
    const badDid = await a.request('PATCH', 'account', { did: 'not a did' });
    expect(badDid.status).toBe(400);
    expect(badDid.json['errors']).toEqual([{ path: 'did', message: expect.any(String) }]);
    const wrong = await a.request('POST', 'account/password', { currentPassword: 'nope', newPassword: 'second password' });
    expect(wrong.status).toBe(400);
    expect(wrong.json['errors']).toEqual([{ path: 'currentPassword', message: expect.any(String) }]);
    expect(
      (await a.request('POST', 'account/password', { currentPassword: 'first password', newPassword: 'second password' })).status,
    ).toBe(204);
    const b = new ApiClient(ctx);
    expect((await b.request('POST', 'auth/signin', { email: 'settings@example.org', password: 'second password' })).status).toBe(200);
  });
});
