import { describe, expect, it } from 'vitest';
import { BenchResult, runBench } from './bench-command.js';

describe('tessera bench', () => {
  // Only the shape and that every measurement ran: throughput is reported by `tessera bench`, never asserted.
  it('measures ours and the reference stack on the same credential and reports the JSON shape', async () => {
    const result = BenchResult.parse(await runBench(60));
    for (const v of [result.di.issue.ours, result.di.issue.reference, result.di.verify.ours, result.di.verify.reference, result.jwt.sign, result.jwt.verify, result.ed25519.sign, result.ed25519.verify]) {
      expect(v).toBeGreaterThan(0);
    }
  });
});
