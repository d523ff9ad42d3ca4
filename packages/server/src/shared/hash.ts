import { createHash } from 'node:crypto';

/** Hex sha256 of a string; used to store secret tokens so a database leak cannot replay them. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
