import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { hitRateLimit } from './store.js';

/** Count a hit on `key` in a fixed window; over `max`, stop the request with a 429 problem and Retry-After. */
export async function enforceRateLimit(
  deps: Pick<Deps, 'db' | 'clock'>,
  opts: { key: string; max: number; windowMs: number; message: string },
): Promise<void> {
  const now = deps.clock.now();
  const hit = await hitRateLimit(deps.db, opts.key, now, opts.windowMs);
  if (hit.count <= opts.max) return;
  const retry = Math.max(1, Math.ceil((hit.windowStart.getTime() + opts.windowMs - now.getTime()) / 1000));
  throw new AppError('rate_limited', opts.message, { headers: { 'retry-after': String(retry) } });
}
