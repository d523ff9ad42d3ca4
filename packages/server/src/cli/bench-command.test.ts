import { beforeAll, describe, expect, it } from 'vitest';
import { BenchResult, benchFixture, runBench, verifyOurs, verifyReference } from './bench-command.js';
import type { BenchFixture } from './bench-command.js';

describe('tessera bench', () => {
  let f: BenchFixture;
  beforeAll(async () => {
    f = await benchFixture();
  });

  // Equal work: both sides must agree on the same inputs before any figure means anything.
  it('both sides report the credential valid when its status bit is clear', async () => {
    const ours = await verifyOurs(f.signed, f.lists.clear.documents);
    expect(ours.result, ours.detail).toBe('valid');
    expect(ours.detail).toMatch(/^status\.revocation passed/m);
    const reference = await verifyReference(f.signed, f.lists.clear.loader);
    expect(reference.result, reference.detail).toBe('valid');
  });

  it('both sides report the credential revoked when its status bit is set (and nothing else wrong)', async () => {
    const ours = await verifyOurs(f.signed, f.lists.revoked.documents);
    expect(ours.result, ours.detail).toBe('revoked');
    const reference = await verifyReference(f.signed, f.lists.revoked.loader);
    expect(reference.result, reference.detail).toBe('revoked');
  });

  it('both sides fail a status list that is not signed by the issuer key', async () => {
    const { documents, loader } = f.lists.clear;
    const list = documents.get('https://bench.tessera.example/status/1') as Record<string, unknown>;
    const tampered = { ...list, validFrom: '2026-01-02T00:00:00Z' };
    const ours = await verifyOurs(f.signed, new Map([...documents, ['https://bench.tessera.example/status/1', tampered]]));
    expect(ours.result, ours.detail).toBe('failed');
    const reference = await verifyReference(f.signed, async (url) =>
      url === 'https://bench.tessera.example/status/1' ? { contextUrl: null, documentUrl: url, document: tampered } : loader(url),
    );
    expect(reference.result, reference.detail).toBe('failed');
  });

  it('both sides issue the same proof value for the same credential', async () => {
    const reference = await f.referenceIssue();
    const ours = ([] as unknown[]).concat(f.signed['proof'])[0] as Record<string, unknown>;
    expect((reference['proof'] as Record<string, unknown>)['proofValue']).toBe(ours['proofValue']);
  });

  // Only the shape and that every measurement ran: throughput is reported by `tessera bench`, never asserted.
  it('measures ours and the reference stack on the same credential and reports the JSON shape', async () => {
    const result = BenchResult.parse(await runBench(60));
    for (const v of [
      result.di.issue.ours,
      result.di.issue.reference,
      result.di.verify.ours,
      result.di.verify.reference,
      result.jwt.sign,
      result.jwt.verify,
      result.ed25519.sign,
      result.ed25519.verify,
      result.di.issue.ratio,
      result.di.verify.ratio,
    ]) {
      expect(v).toBeGreaterThan(0);
    }
    expect(result.notes.join('\n')).toMatch(/one core/i);
  });
});
