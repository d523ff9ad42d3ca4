import { gunzipSync, gzipSync } from 'node:zlib';

/** Entries per status list (the Bitstring Status List minimum of 131,072). */
export const STATUS_LIST_SIZE = 131_072;

/** An all-zero bitstring of `size` bits, base64 for storage. */
export function emptyBitstring(size = STATUS_LIST_SIZE): string {
  return Buffer.alloc(size / 8).toString('base64');
}

/** Set or clear bit `index` (most significant bit first, per the spec). */
export function setBit(stored: string, index: number, value: boolean): string {
  const bytes = Buffer.from(stored, 'base64');
  if (index < 0 || index >= bytes.length * 8) throw new RangeError('status index out of range');
  const mask = 0x80 >> (index % 8);
  bytes[index >> 3] = value ? (bytes[index >> 3] ?? 0) | mask : (bytes[index >> 3] ?? 0) & ~mask;
  return bytes.toString('base64');
}

/** Read bit `index`. */
export function getBit(stored: string, index: number): boolean {
  const bytes = Buffer.from(stored, 'base64');
  return (((bytes[index >> 3] ?? 0) << (index % 8)) & 0x80) !== 0;
}

/** GZIP + base64url multibase ('u' prefix), as `encodedList` carries it. */
export function encodeList(stored: string): string {
  return `u${gzipSync(Buffer.from(stored, 'base64')).toString('base64url')}`;
}

/** Decode an `encodedList` back to storage form. */
export function decodeList(encoded: string): string {
  if (!encoded.startsWith('u')) throw new Error('encodedList must be base64url multibase');
  return gunzipSync(Buffer.from(encoded.slice(1), 'base64url'), { maxOutputLength: 16 * 1024 * 1024 }).toString('base64');
}
