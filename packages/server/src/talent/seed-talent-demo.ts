import type { Deps } from '../context.js';
import { findTalentProfile, upsertTalentProfile } from './store.js';

/**
 * Demo data for employer search (idempotent): the demo learner with a career goal consents to be found, with a
 * headline and location, showing skills and credentials. A learner who already chose settings is left as they are.
 */
export async function seedTalentDemo(deps: Deps, opts: { learnerId: string }): Promise<void> {
  const existing = await findTalentProfile(deps.db, opts.learnerId);
  if (!existing || existing.profile) return;
  await upsertTalentProfile(deps.db, {
    accountId: opts.learnerId,
    discoverable: true,
    displayName: '',
    headline: 'Teacher moving into online course design',
    location: 'Riverside',
    showSkills: true,
    showCredentials: true,
    showPublicLink: false,
    updatedAt: deps.clock.now(),
  });
}
