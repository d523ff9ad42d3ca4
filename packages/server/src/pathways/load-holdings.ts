import type { Deps } from '../context.js';
import { importedPartOf } from './evaluate.js';
import type { HeldPart, Holdings } from './evaluate.js';
import { listHeldCredentials, listOpenSubmissionAchievements, listValidImports } from './store.js';
import type { HeldCredential } from './store.js';

/** A credential's standing at `now` (the same order of precedence as the credential pages). */
export function standingOf(c: Pick<HeldCredential, 'revokedAt' | 'suspendedAt' | 'validUntil'>, now: Date): HeldPart['status'] {
  if (c.revokedAt) return 'revoked';
  if (c.suspendedAt) return 'suspended';
  if (c.validUntil && c.validUntil <= now) return 'expired';
  return 'active';
}

/** What one learner holds: their credentials (with standing), verified imports, and open submissions. */
export async function loadHoldings(deps: Pick<Deps, 'db' | 'clock'>, learnerId: string): Promise<Holdings> {
  const now = deps.clock.now();
  const [held, imports, open] = await Promise.all([
    listHeldCredentials(deps.db, learnerId),
    listValidImports(deps.db, learnerId),
    listOpenSubmissionAchievements(deps.db, learnerId),
  ]);
  return {
    credentials: held.map((c) => ({ id: c.id, achievementId: c.achievementId, status: standingOf(c, now), issuedAt: c.issuedAt })),
    imported: imports.flatMap((i) => importedPartOf(i) ?? []),
    openAchievementIds: open,
  };
}
