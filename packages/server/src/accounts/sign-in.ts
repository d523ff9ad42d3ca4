import { recordAudit } from '../audit/index.js';
import type { Deps } from '../context.js';
import { createSession } from './create-session.js';
import { hashPassword, needsRehash, verifyPassword } from './password.js';
import { enforceRateLimit } from './rate-limit.js';
import { AppError } from '../shared/errors.js';
import { clearRateLimit, findAccountByEmail, listMembershipsOfAccount, updateAccount } from './store.js';

const WINDOW_MS = 15 * 60 * 1000;
const dummyHashes = new Map<string, Promise<string>>();

/**
 * Check a password and start a new session (a new session id on every login). Attempts are limited per
 * (email, client address) and per client address, never per email alone, so nobody can lock the owner out
 * from elsewhere. A hash made with an older algorithm or cost is replaced with today's on success.
 */
export async function signIn(deps: Deps, opts: { email: string; password: string; ip: string | null; userAgent: string | null }) {
  const max = deps.env.TESSERA_SIGNIN_MAX_ATTEMPTS;
  const message = 'Too many sign-in attempts. Try again later.';
  const pairKey = `signin:pair:${opts.ip ?? '-'}:${opts.email}`;
  await enforceRateLimit(deps, { key: pairKey, max, windowMs: WINDOW_MS, message });
  if (opts.ip) await enforceRateLimit(deps, { key: `signin:ip:${opts.ip}`, max: max * 5, windowMs: WINDOW_MS, message });
  const account = await findAccountByEmail(deps.db, opts.email);
  // Hash even when the account does not exist, so timing does not reveal which emails are registered.
  const costKey = JSON.stringify(deps.passwords);
  if (!dummyHashes.has(costKey)) dummyHashes.set(costKey, hashPassword('not-a-real-password', deps.passwords));
  const dummy = await (dummyHashes.get(costKey) as Promise<string>);
  const ok = account ? await verifyPassword(opts.password, account.passwordHash) : (await verifyPassword(opts.password, dummy), false);
  if (!account || !ok) {
    await recordAudit(deps, { action: 'account.sign_in_failed', actorId: account?.id ?? null, detail: { email: opts.email }, ip: opts.ip });
    throw new AppError('invalid_credentials', 'The email or password is not correct');
  }
  await clearRateLimit(deps.db, pairKey);
  if (needsRehash(account.passwordHash, deps.passwords)) {
    await updateAccount(deps.db, account.id, { passwordHash: await hashPassword(opts.password, deps.passwords) });
  }
  const { token, session } = await createSession(deps, { accountId: account.id, ip: opts.ip, userAgent: opts.userAgent });
  const orgs = await listMembershipsOfAccount(deps.db, account.id);
  for (const org of orgs.length ? orgs : [null]) {
    await recordAudit(deps, { action: 'account.signed_in', orgId: org?.id ?? null, actorId: account.id, target: account.id, ip: opts.ip });
  }
  return { token, session, account };
}
