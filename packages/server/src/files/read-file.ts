import type { Deps } from '../context.js';
import { listOrgsOfAccount } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import type { FileRow } from './store.js';
import { evidenceUsesOfFile, findFile, isAchievementImage } from './store.js';

/**
 * Read a file if the caller may see it: its owner; assessors and owners of an organisation that holds it as
 * evidence; anyone when it is a micro-credential image or evidence the learner made public.
 */
export async function readFile(deps: Deps, opts: { fileId: string; accountId: string | null }): Promise<{ file: FileRow; bytes: Buffer }> {
  const file = await findFile(deps.db, opts.fileId);
  if (!file) throw new AppError('not_found', 'No such file');
  let allowed = file.ownerId === opts.accountId || (file.purpose === 'image' && (await isAchievementImage(deps.db, file.id)));
  if (!allowed) {
    const uses = await evidenceUsesOfFile(deps.db, file.id);
    if (uses.some((u) => u.isPublic)) allowed = true;
    else if (opts.accountId && uses.length) {
      const mine = await listOrgsOfAccount(deps.db, opts.accountId);
      allowed = uses.some((u) => mine.some((m) => m.org.id === u.orgId && (m.role === 'owner' || m.role === 'assessor')));
    }
  }
  if (!allowed) throw new AppError('not_found', 'No such file');
  return { file, bytes: await deps.storage.get(file.storageKey) };
}
