import { verdictSummary } from '@tessera/shared';
import { findAccountById } from '../accounts/index.js';
import type { Deps } from '../context.js';
import { listMyCredentials } from '../credentials/index.js';
import { AppError } from '../shared/errors.js';
import { storedSteps } from '../wallet/index.js';
import { listCollections, listWalletItems } from '../wallet/index.js';

/** What a learner's public profile shows: only what they chose to make public; nothing public is a 404. */
export async function getProfile(deps: Deps, accountId: string) {
  const account = await findAccountById(deps.db, accountId);
  if (!account) throw new AppError('not_found', 'No such profile');
  const [earned, imported, groups] = await Promise.all([
    listMyCredentials(deps, { accountId }),
    listWalletItems(deps.db, accountId),
    listCollections(deps.db, accountId),
  ]);
  const publicEarned = earned.filter((c) => c.visibility === 'public');
  const publicGroups = groups.filter((g) => g.isPublic);
  // Nothing public: the same 404 as for no account, so a profile URL reveals neither a name nor that the account exists.
  if (publicEarned.length === 0 && publicGroups.length === 0) throw new AppError('not_found', 'No such profile');
  const label = (entry: string) => {
    const [kind, ...rest] = entry.split(':');
    const id = rest.join(':');
    if (kind === 'earned') {
      const c = publicEarned.find((x) => x.id === id);
      return c ? { name: c.achievementName, issuer: c.issuerName, url: c.pageUrl, verdict: null } : null;
    }
    const item = imported.find((x) => x.id === id);
    return item
      ? { name: item.name, issuer: item.issuerName, url: item.sourceUrl, verdict: verdictSummary(item.verdict, storedSteps(item.report)) }
      : null;
  };
  return {
    // The name shows only if the learner lets credentials show it.
    name: account.showNameOnCredentials ? account.name : 'A Tessera learner',
    earned: publicEarned.map((c) => ({
      name: c.achievementName,
      issuer: c.issuerName,
      url: c.pageUrl,
      issuedAt: c.issuedAt,
      status: c.status,
    })),
    collections: publicGroups.map((g) => ({
      name: g.name,
      items: g.entries.map(label).filter((x): x is NonNullable<typeof x> => x !== null),
    })),
  };
}
