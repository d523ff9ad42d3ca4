import type { Deps } from '../context.js';
import { alignmentKeys, copyDraftAlignments } from './store.js';

/** Copy a draft's alignments onto the version just published from it (call inside the publishing transaction). */
export async function snapshotAlignments(
  tx: Pick<Deps, 'db' | 'ids'>,
  opts: { achievementId: string; versionId: string },
): Promise<number> {
  return copyDraftAlignments(tx.db, { achievementId: opts.achievementId, versionId: opts.versionId, newId: () => tx.ids.id('alignment') });
}

/** Whether a draft's alignments equal a published version's (so "nothing changed" can include them). */
export async function sameAlignments(tx: Pick<Deps, 'db'>, opts: { achievementId: string; versionId: string }): Promise<boolean> {
  const [draft, version] = await Promise.all([
    alignmentKeys(tx.db, opts.achievementId, null),
    alignmentKeys(tx.db, opts.achievementId, opts.versionId),
  ]);
  return draft.length === version.length && draft.every((k, i) => k === version[i]);
}
