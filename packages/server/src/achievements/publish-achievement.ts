import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { sameAlignments, snapshotAlignments } from '../skills/index.js';
import { publishProblems, readContent, sameContent } from './content.js';
import type { AchievementRow } from './store.js';
import { findAchievement, findVersion, insertVersion, listVersions, updateAchievementRow } from './store.js';

/** Publish the draft as a new immutable version. */
export async function publishAchievement(deps: Deps, opts: { actor: Actor; org: OrgRow; achievementId: string }): Promise<AchievementRow> {
  return inTransaction(deps, async (tx) => {
    const row = await findAchievement(tx.db, opts.org.id, opts.achievementId, true);
    if (!row) throw new AppError('not_found', 'No such micro-credential');
    if (row.status === 'retired') throw new AppError('conflict', 'This micro-credential is retired');
    const draft = readContent(row.draft);
    const problems = publishProblems(draft);
    if (problems.length) throw new AppError('validation_failed', 'The draft is not complete enough to publish', { errors: problems });
    const latest = row.latestVersionId ? await findVersion(tx.db, row.latestVersionId) : undefined;
    if (
      latest &&
      sameContent(readContent(latest.content), draft) &&
      (await sameAlignments(tx, { achievementId: row.id, versionId: latest.id }))
    )
      throw new AppError('conflict', 'Nothing changed since the last published version');
    const versions = await listVersions(tx.db, row.id);
    const now = tx.clock.now();
    const id = tx.ids.id('version');
    await insertVersion(tx.db, {
      id,
      achievementId: row.id,
      orgId: row.orgId,
      version: (versions.at(-1)?.version ?? 0) + 1,
      content: draft as unknown as Record<string, unknown>,
      publishedAt: now,
      publishedBy: opts.actor.accountId,
    });
    await snapshotAlignments(tx, { achievementId: row.id, versionId: id });
    const updated = await updateAchievementRow(tx.db, row.id, { status: 'published', latestVersionId: id, updatedAt: now });
    if (!updated) throw new AppError('not_found', 'No such micro-credential');
    return updated;
  });
}
