import { LIMITS } from '@tessera/shared';
/** File types Tessera accepts, recognised by their content (not by the declared type or the name). */
export const UPLOAD_RULES = {
  image: { maxBytes: LIMITS.imageFileBytes, types: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] },
  evidence: {
    maxBytes: LIMITS.evidenceFileBytes,
    types: [
      'image/png',
      'image/jpeg',
      'image/gif',
      'image/webp',
      'application/pdf',
      'video/mp4',
      'video/webm',
      'video/quicktime',
      'audio/mpeg',
      'text/plain',
      'application/zip-office',
    ],
  },
} as const;

/** Upload purposes. */
export type UploadPurpose = keyof typeof UPLOAD_RULES;

const OFFICE: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** Detect a file's type from its first bytes; returns the MIME type we will serve it as, or null. */
export function sniffMimeType(bytes: Uint8Array, fileName: string): string | null {
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (starts(bytes, [0x52, 0x49, 0x46, 0x46]) && starts(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  if (starts(bytes, [0x66, 0x74, 0x79, 0x70], 4)) {
    const brand = String.fromCharCode(...bytes.slice(8, 12));
    return brand === 'qt  ' ? 'video/quicktime' : 'video/mp4';
  }
  if (starts(bytes, [0x49, 0x44, 0x33]) || starts(bytes, [0xff, 0xfb])) return 'audio/mpeg';
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const ext = fileName.toLowerCase().split('.').pop() ?? '';
    return OFFICE[ext] ?? null;
  }
  if (bytes.length > 0 && !bytes.includes(0)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice(0, 64 * 1024));
      return 'text/plain';
    } catch {
      return null;
    }
  }
  return null;
}

/** Whether a sniffed type is allowed for a purpose. */
export function allowedFor(purpose: UploadPurpose, mime: string): boolean {
  const types: readonly string[] = UPLOAD_RULES[purpose].types;
  return types.includes(mime) || (types.includes('application/zip-office') && Object.values(OFFICE).includes(mime));
}
