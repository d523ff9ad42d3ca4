import type { FileRow } from './store.js';

/** A file's public description. */
export function presentFile(f: FileRow) {
  return { id: f.id, name: f.name, mimeType: f.mimeType, size: f.size, sha256: f.sha256, url: `/api/v1/files/${f.id}` };
}
