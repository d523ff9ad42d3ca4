import { describe, expect, it } from 'vitest';
import { defaultSigningThreads } from './sign-pool.js';

describe('defaultSigningThreads', () => {
  it('leaves one core to the main thread, and never goes below one thread', () => {
    expect(defaultSigningThreads(1)).toBe(1);
    expect(defaultSigningThreads(2)).toBe(1);
    expect(defaultSigningThreads(8)).toBe(7);
  });
});
