import type { TalentSettings } from '@tessera/shared';
import { TalentSettingsInput } from '@tessera/shared';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { getTalentSettings } from './get-talent-settings.js';
import { reindexLearner } from './refresh-talent-index.js';
import { clearEvidence, upsertTalentProfile } from './store.js';

/**
 * Save the learner's employer-visibility settings (audited). Turning consent off takes effect at once: searches and
 * profile views read the flag on every request, so the learner leaves all results and their profile becomes 404, and
 * their rows of the search index are deleted. Turning it on (or saving while on) rebuilds those rows from their
 * verified credentials and imports.
 */
export async function saveTalentSettings(
  deps: Deps,
  opts: { actor: Actor; input: z.input<typeof TalentSettingsInput> },
): Promise<TalentSettings> {
  const input = TalentSettingsInput.parse(opts.input);
  await inTransaction(deps, async (tx) => {
    await upsertTalentProfile(tx.db, { accountId: opts.actor.accountId, ...input, updatedAt: deps.clock.now() });
    await recordAudit(tx, {
      action: 'talent.visibility_changed',
      actorId: opts.actor.accountId,
      target: opts.actor.accountId,
      detail: {
        discoverable: input.discoverable,
        showSkills: input.showSkills,
        showCredentials: input.showCredentials,
        showPublicLink: input.showPublicLink,
      },
      ip: opts.actor.ip,
    });
    if (!input.discoverable) await clearEvidence(tx.db, opts.actor.accountId);
  });
  if (input.discoverable) await reindexLearner(deps, opts.actor.accountId);
  return getTalentSettings(deps, { accountId: opts.actor.accountId });
}
