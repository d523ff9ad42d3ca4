import type { TalentSettings } from '@tessera/shared';
import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { findTalentProfile, hasPublicSkillsPage } from './store.js';

/** The learner's employer-visibility settings (employer search is off until they turn it on). */
export async function getTalentSettings(deps: Deps, opts: { accountId: string }): Promise<TalentSettings> {
  const [row, publicPage] = await Promise.all([findTalentProfile(deps.db, opts.accountId), hasPublicSkillsPage(deps.db, opts.accountId)]);
  if (!row) throw new AppError('not_found', 'No such account');
  const p = row.profile;
  return {
    discoverable: p?.discoverable ?? false,
    displayName: p?.displayName ?? '',
    accountName: row.accountName,
    headline: p?.headline ?? '',
    location: p?.location ?? '',
    showSkills: p?.showSkills ?? true,
    showCredentials: p?.showCredentials ?? true,
    showPublicLink: p?.showPublicLink ?? false,
    publicSkillsPage: publicPage,
    updatedAt: p?.updatedAt.toISOString() ?? null,
  };
}
