import { recordAudit } from '../audit/record-audit.js';
import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { createSession } from './create-session.js';
import { hashPassword, verifyPassword } from './password.js';
import { clearRateLimit, findAccountByEmail, hitRateLimit, listMembershipsOfAccount } from './store.js';

const WINDOW_MS = 15 * 60 * 1000;
let dummyHash: Promise<string> | undefined;

/** Check a password and start a new session (a new session id on every login); rate-limited per email and per IP. */
export async function signIn(
  deps: Deps,
  opts: { email: string; password: string; ip: string | null; userAgent: string | null },
) {
  const now = deps.clock.now();
  const max = deps.env.TESSERA_SIGNIN_MAX_ATTEMPTS;
  const emailKey = `signin:email:${opts.email}`;
  const byEmail = await hitRateLimit(deps.db, emailKey, now, WINDOW_MS);
  const byIp = opts.ip ? await hitRateLimit(deps.db, `signin:ip:${opts.ip}`, now, WINDOW_MS) : { count: 0, windowStart: now };
  if (byEmail.count > max || byIp.count > max * 5) {
    const start = byEmail.count > max ? byEmail.windowStart : byIp.windowStart;
    const retry = Math.max(1, Math.ceil((start.getTime() + WINDOW_MS - now.getTime()) / 1000));
    throw new AppError('rate_limited', 'Too many sign-in attempts. Try again later.', { headers: { 'retry-after': String(retry) } });
  }
  const account = await findAccountByEmail(deps.db, opts.email);
  // Hash even when the account does not exist, so timing does not reveal which emails are registered.
  dummyHash ??= hashPassword('not-a-real-password', deps.scrypt);
  const ok = account ? await verifyPassword(opts.password, account.passwordHash) : (await verifyPassword(opts.password, await dummyHash), false);
  if (!account || !ok) {
    await recordAudit(deps, { action: 'account.sign_in_failed', actorId: account?.id ?? null, detail: { email: opts.email }, ip: opts.ip });
    throw new AppError('invalid_credentials', 'The email or password is not correct');
  }
  await clearRateLimit(deps.db, emailKey);
  const { token, session } = await createSession(deps, { accountId: account.id, ip: opts.ip, userAgent: opts.userAgent });
  const orgs = await listMembershipsOfAccount(deps.db, account.id);
  for (const org of orgs.length ? orgs : [null]) {
    await recordAudit(deps, { action: 'account.signed_in', orgId: org?.id ?? null, actorId: account.id, target: account.id, ip: opts.ip });
  }
  return { token, session, account };
}
