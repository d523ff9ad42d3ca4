import type { Deps } from '../context.js';
import { enqueueJob } from '../jobs/index.js';
import { hitRateLimit } from './store.js';

/** How long a reset link stays valid. */
export const RESET_TTL_MS = 60 * 60 * 1000;

/** Job type that looks the address up and, if it has an account, emails a reset link. */
export const SEND_PASSWORD_RESET_JOB = 'account.password_reset_mail';

/**
 * Ask for a reset link; says nothing either way. The request does exactly the same work for a registered
 * and an unknown address (one counter, one queued job, no account lookup), so its timing reveals nothing;
 * the job does the lookup and the mail.
 */
export async function requestPasswordReset(deps: Deps, opts: { email: string; ip: string | null }): Promise<void> {
  const limited = await hitRateLimit(deps.db, `reset:${opts.email}`, deps.clock.now(), RESET_TTL_MS);
  if (limited.count > 5) return;
  await enqueueJob(deps, { type: SEND_PASSWORD_RESET_JOB, payload: { email: opts.email, ip: opts.ip }, maxAttempts: 3 });
}
