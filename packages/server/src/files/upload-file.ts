import { createHash } from 'node:crypto';
import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import type { UploadPurpose } from './sniff.js';
import { allowedFor, sniffMimeType, UPLOAD_RULES } from './sniff.js';
import type { FileRow } from './store.js';
import { insertFile } from './store.js';

/** Store an upload after checking its size and its sniffed type; records the sha256 digest. */
export async function uploadFile(
  deps: Deps,
  opts: { ownerId: string; purpose: UploadPurpose; name: string; bytes: Uint8Array },
): Promise<FileRow> {
  const rules = UPLOAD_RULES[opts.purpose];
  if (opts.bytes.length === 0)
    throw new AppError('validation_failed', 'The file is empty', { errors: [{ path: 'file', message: 'Empty file' }] });
  if (opts.bytes.length > rules.maxBytes) {
    throw new AppError('payload_too_large', `Files for ${opts.purpose} may be at most ${Math.round(rules.maxBytes / 1024 / 1024)} MB`, {
      errors: [{ path: 'file', message: 'Too large' }],
    });
  }
  const mime = sniffMimeType(opts.bytes, opts.name);
  if (!mime || !allowedFor(opts.purpose, mime)) {
    throw new AppError('unsupported_media_type', `This kind of file is not accepted for ${opts.purpose}`, {
      errors: [{ path: 'file', message: 'File type not allowed' }],
    });
  }
  const id = deps.ids.id('file');
  const row: FileRow = {
    id,
    ownerId: opts.ownerId,
    purpose: opts.purpose,
    name: opts.name.replace(/[\r\n"\\/]/g, '_').slice(0, 200) || 'file',
    mimeType: mime,
    size: opts.bytes.length,
    sha256: createHash('sha256').update(opts.bytes).digest('hex'),
    storageKey: `${id.slice(4, 6)}/${id}`,
    createdAt: deps.clock.now(),
  };
  await deps.storage.put(row.storageKey, opts.bytes);
  await insertFile(deps.db, row);
  return row;
}
