import { gunzipSync, gzipSync } from 'node:zlib';

/** Entries per status list (the Bitstring Status List minimum). */
export const MIN_STATUS_LIST_SIZE = 131_072;
/** Largest decoded list accepted (bytes), against decompression bombs. */
export const MAX_DECODED_LIST_BYTES = 16 * 1024 * 1024;

/** A status list bitstring (most significant bit first, as the specification orders it). */
export class Bitstring {
  readonly bytes: Uint8Array;

  constructor(sizeOrBytes: number | Uint8Array = MIN_STATUS_LIST_SIZE) {
    if (typeof sizeOrBytes === 'number') {
      if (sizeOrBytes % 8 !== 0 || sizeOrBytes <= 0) throw new RangeError('A status list size is a positive multiple of 8');
      this.bytes = new Uint8Array(sizeOrBytes / 8);
    } else this.bytes = sizeOrBytes;
  }

  /** Number of entries. */
  get size(): number {
    return this.bytes.length * 8;
  }

  private check(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.size)
      throw new RangeError(`status index ${index} is outside the list (size ${this.size})`);
  }

  /** Read entry `index`. */
  get(index: number): boolean {
    this.check(index);
    return ((this.bytes[index >> 3] ?? 0) & (0x80 >> (index % 8))) !== 0;
  }

  /** Set or clear entry `index`. */
  set(index: number, value: boolean): void {
    this.check(index);
    const mask = 0x80 >> (index % 8);
    const byte = this.bytes[index >> 3] ?? 0;
    this.bytes[index >> 3] = value ? byte | mask : byte & ~mask;
  }

  /** GZIP + base64url multibase ('u' prefix): the `encodedList` form. */
  encode(): string {
    return `u${gzipSync(this.bytes).toString('base64url')}`;
  }

  /** Decode an `encodedList` (base64url multibase, or bare base64url as StatusList2021 wrote it). */
  static decode(encoded: string): Bitstring {
    const body = encoded.startsWith('u') ? encoded.slice(1) : encoded;
    const bytes = gunzipSync(Buffer.from(body, 'base64url'), { maxOutputLength: MAX_DECODED_LIST_BYTES });
    return new Bitstring(new Uint8Array(bytes));
  }
}
