import { create as createDisposition } from 'content-disposition';
import type { FileRow } from './store.js';

/** A file's public description. */
export function presentFile(f: FileRow) {
  return { id: f.id, name: f.name, mimeType: f.mimeType, size: f.size, sha256: f.sha256, url: `/api/v1/files/${f.id}` };
}

/**
 * A Content-Disposition for any file name (RFC 6266): the name in full as `filename*=UTF-8''…` (RFC 8187), and
 * an ASCII `filename` for old clients, accents stripped and other characters as `_`.
 */
export function contentDisposition(name: string, inline: boolean): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]+/g, '_')
    .replace(/["\\%]/g, '_');
  const dot = ascii.lastIndexOf('.');
  const fallback = /[A-Za-z0-9]/.test(dot > 0 ? ascii.slice(0, dot) : ascii) ? ascii : `file${dot >= 0 ? ascii.slice(dot) : ''}`;
  return createDisposition(name, { type: inline ? 'inline' : 'attachment', fallback });
}
