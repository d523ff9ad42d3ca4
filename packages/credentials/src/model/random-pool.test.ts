import { describe, expect, it } from 'vitest';
import { RandomPool } from './random-pool.js';

describe('RandomPool', () => {
  it('never hands out the same bytes twice, across refills', () => {
    const pool = new RandomPool();
    const seen = new Set<string>();
    // 12-byte draws: 4096 is not a multiple of 12, so refills happen with bytes left over (they are skipped, not reused).
    for (let i = 0; i < 2000; i++) seen.add(pool.bytes(12).toString('hex'));
    expect(seen.size).toBe(2000);
  });

  it('hands out bytes that stay as they were when the pool is refilled (copies, not views of the pool)', () => {
    const pool = new RandomPool();
    const first = pool.bytes(16);
    const kept = Buffer.from(first);
    // 9,600 more bytes: the 4 KiB pool is refilled twice, overwriting the place `first` came from.
    for (let i = 0; i < 600; i++) pool.bytes(16);
    expect(first.equals(kept)).toBe(true);
  });

  it('looks random: every byte value turns up in 64 KiB', () => {
    const pool = new RandomPool();
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 64; i++) for (const byte of pool.bytes(1024)) counts[byte] = (counts[byte] ?? 0) + 1;
    // Expected 256 each; a count of 0 or over 512 would mean the pool is broken, not unlucky.
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan(512);
  });

  it('refuses sizes it cannot serve', () => {
    const pool = new RandomPool();
    expect(() => pool.bytes(0)).toThrow(RangeError);
    expect(() => pool.bytes(4097)).toThrow(RangeError);
    expect(() => pool.bytes(1.5)).toThrow(RangeError);
  });
});
