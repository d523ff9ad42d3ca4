import { randomFillSync } from 'node:crypto';

/** Bytes fetched from the CSPRNG at a time. */
const POOL_BYTES = 4096;

/**
 * Random bytes from the operating system's CSPRNG, fetched 4 KiB at a time and handed out once each: every call
 * gets bytes no other call got. Asking the CSPRNG for 8 or 12 bytes costs about as much as asking for 4 KiB, and
 * bulk issuance asks for them several times per credential (ids, salts). The pool is this module's own buffer
 * (not Node's shared Buffer pool), and what is handed out is a copy.
 */
export class RandomPool {
  private readonly pool = Buffer.allocUnsafeSlow(POOL_BYTES);
  private offset = POOL_BYTES;

  /** `n` fresh random bytes (n ≤ 4096). */
  bytes(n: number): Buffer {
    if (!Number.isInteger(n) || n < 1 || n > POOL_BYTES) throw new RangeError(`RandomPool hands out 1 to ${POOL_BYTES} bytes`);
    if (this.offset + n > POOL_BYTES) {
      randomFillSync(this.pool);
      this.offset = 0;
    }
    const out = Buffer.from(this.pool.subarray(this.offset, this.offset + n));
    this.pool.fill(0, this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
}

/** The process's (or thread's) pool. */
export const randomPool = new RandomPool();
