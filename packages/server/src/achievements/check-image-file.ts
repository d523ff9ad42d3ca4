import type { Deps } from '../context.js';
import { findFile } from '../files/index.js';
import { AppError } from '../shared/errors.js';

/**
 * Refuse a badge image the actor may not use. A micro-credential's image becomes public once a version is
 * published, so it must be an image the actor uploaded, or one this micro-credential already uses (a colleague
 * saving the draft again keeps it). A missing file and someone else's file are refused alike (403), so the
 * answer says nothing about other people's uploads.
 */
export async function checkImageFile(
  deps: Deps,
  opts: { accountId: string; imageFileId: string | null; alreadyUsed: ReadonlyArray<string | null> },
): Promise<void> {
  if (opts.imageFileId === null || opts.alreadyUsed.includes(opts.imageFileId)) return;
  const file = await findFile(deps.db, opts.imageFileId);
  if (!file || file.ownerId !== opts.accountId || file.purpose !== 'image') {
    throw new AppError('forbidden', 'The badge image must be an image you uploaded', {
      errors: [{ path: 'imageFileId', message: 'Upload the image yourself, then use it' }],
    });
  }
}
