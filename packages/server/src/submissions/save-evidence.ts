import { readContent } from '../achievements/index.js';
import { findVersion } from '../achievements/index.js';
import type { Actor, Deps } from '../context.js';
import { inTransaction } from '../db/tx.js';
import { findFile } from '../files/index.js';
import { AppError } from '../shared/errors.js';
import { loadOwnSubmission } from './load-own-submission.js';
import { evidenceEditable } from './present.js';
import { upsertEvidence, updateSubmission } from './store.js';

/** Autosave one evidence item of a draft or of a revision (only items of unmet criteria may change). */
export async function saveEvidence(
  deps: Deps,
  opts: {
    actor: Actor;
    submissionId: string;
    requirementId: string;
    kind: 'text' | 'link' | 'file' | 'video';
    text?: string | undefined;
    url?: string | undefined;
    fileId?: string | undefined;
  },
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const s = await loadOwnSubmission(tx, { accountId: opts.actor.accountId, submissionId: opts.submissionId, lock: true });
    const version = await findVersion(tx.db, s.versionId);
    if (!version) throw new AppError('not_found', 'No such version');
    const content = readContent(version.content);
    const req = content.evidenceRequirements.find((r) => r.id === opts.requirementId);
    if (!req) throw new AppError('not_found', 'No such evidence requirement');
    if (!['draft', 'needs_revision'].includes(s.state))
      throw new AppError('conflict', 'This submission is with the assessors and cannot change now');
    if (!evidenceEditable(content, s, req.id))
      throw new AppError('conflict', 'This evidence supports criteria you have already met, so it stays as assessed');
    if (!req.kinds.includes(opts.kind)) {
      throw new AppError('validation_failed', `This requirement accepts ${req.kinds.join(', ')}`, {
        errors: [{ path: 'kind', message: 'Kind not allowed here' }],
      });
    }
    let text: string | null;
    let url: string | null = null;
    let fileId: string | null = null;
    if (opts.kind === 'text') text = opts.text ?? '';
    else if (opts.kind === 'link' || (opts.kind === 'video' && !opts.fileId)) {
      if (!opts.url && opts.kind === 'link')
        throw new AppError('validation_failed', 'Give a link', { errors: [{ path: 'url', message: 'Required' }] });
      url = opts.url ?? null;
      text = opts.text ?? null;
    } else {
      if (!opts.fileId) throw new AppError('validation_failed', 'Attach a file', { errors: [{ path: 'fileId', message: 'Required' }] });
      const file = await findFile(tx.db, opts.fileId);
      if (!file || file.ownerId !== opts.actor.accountId || file.purpose !== 'evidence') {
        throw new AppError('validation_failed', 'That file is not one of your uploads', {
          errors: [{ path: 'fileId', message: 'Unknown file' }],
        });
      }
      if (opts.kind === 'video' && !file.mimeType.startsWith('video/'))
        throw new AppError('validation_failed', 'Upload a video file', { errors: [{ path: 'fileId', message: 'Not a video' }] });
      fileId = file.id;
      text = opts.text ?? null;
    }
    const now = tx.clock.now();
    await upsertEvidence(tx.db, {
      submissionId: s.id,
      requirementId: req.id,
      kind: opts.kind,
      text,
      url,
      fileId,
      isPublic: false,
      updatedAt: now,
    });
    await updateSubmission(tx.db, s.id, { updatedAt: now });
  });
}
