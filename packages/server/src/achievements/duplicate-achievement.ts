import type { Actor, Deps } from '../context.js';
import { recordAudit } from '../audit/index.js';
import { inTransaction } from '../db/tx.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { readContent } from './content.js';
import type { AchievementRow } from './store.js';
import { findAchievement, insertAchievement } from './store.js';

/** Longest micro-credential name (the content contract's limit). */
const NAME_MAX = 200;

/** The name of a copy: "Copy of …", cut to the name limit. */
export function copyName(name: string): string {
  const full = `Copy of ${name}`;
  return full.length <= NAME_MAX ? full : `${full.slice(0, NAME_MAX - 1)}…`;
}

/**
 * Start a new draft from a micro-credential's current draft, named "Copy of …". The copy has no versions and no
 * credentials; it keeps the image (already used by the original). Audited as `achievement.duplicated`.
 */
export async function duplicateAchievement(
  deps: Deps,
  opts: { actor: Actor; org: OrgRow; achievementId: string },
): Promise<AchievementRow> {
  return inTransaction(deps, async (tx) => {
    const source = await findAchievement(tx.db, opts.org.id, opts.achievementId);
    if (!source) throw new AppError('not_found', 'No such micro-credential');
    const content = readContent(source.draft);
    const now = tx.clock.now();
    const row: AchievementRow = {
      id: tx.ids.id('achievement'),
      orgId: opts.org.id,
      status: 'draft',
      draft: { ...content, name: copyName(content.name) } as unknown as Record<string, unknown>,
      latestVersionId: null,
      createdBy: opts.actor.accountId,
      createdAt: now,
      updatedAt: now,
      retiredAt: null,
    };
    await insertAchievement(tx.db, row);
    await recordAudit(tx, {
      action: 'achievement.duplicated',
      orgId: opts.org.id,
      actorId: opts.actor.accountId,
      target: row.id,
      detail: { sourceId: source.id },
      ip: opts.actor.ip,
    });
    return row;
  });
}
