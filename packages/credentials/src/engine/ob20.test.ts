import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Verdict } from './report.js';
import { verifyCredential } from './verify.js';

const OB20 = new URL('../../test/fixtures/1edtech-validator/ob20/', import.meta.url);
const ASSETS = new URL('assets/', OB20);
const NOW = new Date('2026-11-24T00:00:00Z');
type Json = Record<string, unknown>;

const read = (name: string) => readFileSync(new URL(name, OB20), 'utf8');
const json = (name: string) => JSON.parse(read(name)) as Json;

/**
 * What example.org serves in 1EdTech's validator tests: each asset under its file name (http and https)
 * and under its own `id` (some ids are http:// or lack `.json`, and assertions link to either form).
 */
function assetDocuments(): Map<string, unknown> {
  const docs = new Map<string, unknown>();
  for (const f of readdirSync(ASSETS).filter((n) => n.endsWith('.json'))) {
    let doc: Json;
    try {
      doc = JSON.parse(readFileSync(new URL(f, ASSETS), 'utf8')) as Json;
    } catch {
      continue; // openbadges_context.json starts with its URL before the JSON; nothing links to it
    }
    docs.set(`https://example.org/${f}`, doc);
    docs.set(`http://example.org/${f}`, doc);
    if (typeof doc['id'] === 'string') docs.set(doc['id'], doc);
  }
  return docs;
}

const verify = (input: string | Uint8Array | Json, documents = assetDocuments()) => verifyCredential(input, { now: NOW, documents });
const statusOf = (steps: Array<{ id: string; status: string }>, id: string) => steps.find((s) => s.id === id)?.status;

/**
 * Every top-level ob20 file, verified offline against the assets. Hosted assertions are at
 * https://example.org/beths-robotics-badge.json, which no asset holds, so offline their hosted copy is
 * "not checked" (indeterminate) unless another check fails; the tests below map the copy to prove both ways.
 */
const EXPECTED: Array<{ file: string; verdict: Verdict; step: [string, 'passed' | 'failed' | 'unknown']; why: string }> = [
  { file: 'simple.jwt', verdict: 'valid', step: ['proof.jws', 'passed'], why: 'RS256 JWS, key1 owned by the issuer' },
  {
    file: 'simple-not-revoked.jwt',
    verdict: 'valid',
    step: ['status.revocation', 'passed'],
    why: 'issuer publishes an empty revocation list',
  },
  { file: 'simple-revoked.jwt', verdict: 'invalid', step: ['status.revocation', 'failed'], why: 'its id is on the issuer revocation list' },
  { file: 'basic-assertion-expired.json', verdict: 'invalid', step: ['dates', 'failed'], why: 'expired in 2022' },
  {
    file: 'basic-assertion-expired-before-issued.json',
    verdict: 'invalid',
    step: ['dates', 'failed'],
    why: 'expires before it was issued',
  },
  { file: 'basic-assertion-in-future.json', verdict: 'invalid', step: ['dates', 'failed'], why: 'issued in 2100' },
  { file: 'basic-assertion-invalid-context.json', verdict: 'invalid', step: ['context', 'failed'], why: 'not the OB 2.0 context' },
  { file: 'basic-assertion-invalid-type.json', verdict: 'invalid', step: ['type', 'failed'], why: 'type OtherAssertion' },
  {
    file: 'basic-assertion-with-allowed-origins-invalid-starts-with.json',
    verdict: 'invalid',
    step: ['ob2.origin', 'failed'],
    why: 'issuer allows only https://example.org/NOT',
  },
  {
    file: 'basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json',
    verdict: 'invalid',
    step: ['ob2.origin', 'failed'],
    why: 'neither allowed prefix matches',
  },
  { file: 'issuer-compact-iri-validation.json', verdict: 'invalid', step: ['type', 'failed'], why: 'an Issuer profile, not an assertion' },
  { file: 'badge-class-with-language.json', verdict: 'invalid', step: ['type', 'failed'], why: 'a BadgeClass, not an assertion' },
  { file: 'basic-assertion.json', verdict: 'indeterminate', step: ['ob2.hosted', 'unknown'], why: 'hosted copy unavailable offline' },
  {
    file: 'basic-assertion-no-public-key.json',
    verdict: 'indeterminate',
    step: ['ob2.hosted', 'unknown'],
    why: 'hosted copy unavailable offline (see the test with the copy)',
  },
  {
    file: 'basic-assertion-with-language.json',
    verdict: 'indeterminate',
    step: ['ob2.origin', 'passed'],
    why: 'origin fine, hosted copy unavailable',
  },
  {
    file: 'basic-assertion-with-allowed-origins.json',
    verdict: 'indeterminate',
    step: ['ob2.origin', 'passed'],
    why: 'example.org is an allowed origin',
  },
  {
    file: 'basic-assertion-with-allowed-origins-valid-starts-with.json',
    verdict: 'indeterminate',
    step: ['ob2.origin', 'passed'],
    why: 'starts with https://example.org/',
  },
  {
    file: 'basic-assertion-with-allowed-origins-valid-multiple-starts-with.json',
    verdict: 'indeterminate',
    step: ['ob2.origin', 'passed'],
    why: 'the first prefix matches',
  },
  {
    file: 'assertion-with-data-image.json',
    verdict: 'indeterminate',
    step: ['ob2.hosted', 'unknown'],
    why: 'hosted copy unavailable offline',
  },
  {
    file: 'assertion-with-endorsements.json',
    verdict: 'indeterminate',
    step: ['ob2.hosted', 'unknown'],
    why: 'embedded badge class; hosted copy unavailable',
  },
  {
    file: 'warning-with-redirection.json',
    verdict: 'indeterminate',
    step: ['ob2.hosted', 'unknown'],
    why: 'hosted copy unavailable offline',
  },
];

describe('Open Badges 2.0 fixtures, offline against the example.org assets', () => {
  it.each(EXPECTED)('$file → $verdict ($why)', async ({ file, verdict, step }) => {
    const report = await verify(file.endsWith('.jwt') ? read(file) : json(file));
    expect(report.verdict, JSON.stringify(report.steps, null, 1)).toBe(verdict);
    expect(report.format).toBe('OB 2.0');
    expect(statusOf(report.steps, step[0]), JSON.stringify(report.steps, null, 1)).toBe(step[1]);
    for (const s of report.steps) if (s.status === 'passed') expect(s.message).not.toMatch(/not available|could not/);
  });

  it('the baked OB 2.0 PNG is read and checked like the JSON it holds', async () => {
    const report = await verify(new Uint8Array(readFileSync(new URL('simple-badge.png', OB20))));
    expect(report.steps[0]).toMatchObject({ id: 'parse', status: 'passed', message: expect.stringContaining('Open Badges 2.0 baked PNG') });
    expect(report.format).toBe('OB 2.0');
    expect(statusOf(report.steps, 'ob2.badge')).toBe('passed');
    expect(statusOf(report.steps, 'ob2.issuer')).toBe('passed');
    expect(report.verdict).toBe('indeterminate');
    // With its hosted copy mapped, it is valid.
    const docs = assetDocuments();
    docs.set(String(report.credential?.['id']), report.credential);
    expect((await verify(new Uint8Array(readFileSync(new URL('simple-badge.png', OB20))), docs)).verdict).toBe('valid');
  });
});

describe('hosted assertions', () => {
  const withCopy = (doc: Json, copy: Json = doc) => {
    const docs = assetDocuments();
    docs.set(String(doc['id']), copy);
    return docs;
  };

  it('are valid when the issuer hosts the same assertion under an allowed origin', async () => {
    for (const file of [
      'basic-assertion.json',
      'basic-assertion-with-language.json',
      'basic-assertion-with-allowed-origins.json',
      'basic-assertion-with-allowed-origins-valid-starts-with.json',
      'basic-assertion-with-allowed-origins-valid-multiple-starts-with.json',
    ]) {
      const doc = json(file);
      const report = await verify(doc, withCopy(doc));
      expect(report.verdict, `${file}: ${JSON.stringify(report.steps)}`).toBe('valid');
      expect(report.steps.map((s) => s.id)).toEqual([
        'parse',
        'format',
        'type',
        'structure',
        'ob2.badge',
        'ob2.issuer',
        'ob2.origin',
        'ob2.hosted',
        'dates',
        'status.revocation',
      ]);
    }
  });

  it('are not valid when the hosted copy differs, says revoked, or the origin is not allowed', async () => {
    const doc = json('basic-assertion.json');
    const changed = await verify(doc, withCopy(doc, { ...doc, issuedOn: '2017-01-01T00:00:00Z' }));
    expect(statusOf(changed.steps, 'ob2.hosted')).toBe('failed');
    expect(changed.verdict).toBe('invalid');
    // What the validator's own suite serves at that URL is the basic assertion, so the no-public-key copy differs.
    const noKey = await verify(json('basic-assertion-no-public-key.json'), withCopy(doc));
    expect(noKey.verdict).toBe('invalid');
    const revoked = await verify(doc, withCopy(doc, { ...doc, revoked: true, revocationReason: 'Issued in error' }));
    expect(revoked.steps.find((s) => s.id === 'status.revocation')).toMatchObject({
      status: 'failed',
      message: 'The credential has been revoked: Issued in error',
    });
    const elsewhere = { ...doc, id: 'https://badges.elsewhere.test/beth.json' };
    const report = await verify(elsewhere, withCopy(elsewhere));
    expect(report.steps.find((s) => s.id === 'ob2.origin')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining("not on the issuer's host example.org"),
    });
    const invalid = json('basic-assertion-with-allowed-origins-invalid-starts-with.json');
    expect((await verify(invalid, withCopy(invalid))).verdict).toBe('invalid');
  });

  it('report missing badge classes and issuers as not checked, and malformed ones as failed', async () => {
    const doc = json('basic-assertion.json');
    const none = await verify(doc, new Map());
    expect(none.steps.map((s) => [s.id, s.status])).toEqual([
      ['parse', 'passed'],
      ['format', 'passed'],
      ['type', 'passed'],
      ['structure', 'passed'],
      ['ob2.badge', 'unknown'],
      ['ob2.hosted', 'unknown'],
      ['dates', 'passed'],
    ]);
    const docs = withCopy(doc);
    docs.set('https://example.org/robotics-badge.json', { ...json('assets/robotics-badge.json'), name: undefined });
    const bad = await verify(doc, docs);
    expect(bad.steps.find((s) => s.id === 'ob2.badge')).toMatchObject({ status: 'failed', message: expect.stringContaining('name') });
    const { recipient: _r, ...noRecipient } = doc;
    const malformed = await verify(noRecipient, withCopy(noRecipient));
    expect(malformed.steps.find((s) => s.id === 'structure')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('recipient'),
    });
  });
});

describe('signed assertions', () => {
  const jws = read('simple.jwt').trim();

  it('fail when any part of the JWS changes, when the key is someone else’s, or when the key is missing', async () => {
    const [h, p, sig] = jws.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Json;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, issuedOn: '2020-01-01T00:00:00Z' })).toString('base64url')}.${sig}`;
    expect((await verify(forged)).steps.find((s) => s.id === 'proof.jws')?.status).toBe('failed');
    const flipped = `${h}.${p}.${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    expect((await verify(flipped)).verdict).toBe('invalid');
    const docs = assetDocuments();
    docs.set('http://example.org/key1.json', { ...json('assets/key1.json'), owner: 'https://attacker.test/issuer' });
    expect((await verify(jws, docs)).steps.find((s) => s.id === 'issuer')).toMatchObject({ status: 'failed' });
    const noKey = assetDocuments();
    noKey.delete('http://example.org/key1.json');
    const unknown = await verify(jws, noKey);
    expect(unknown.steps.find((s) => s.id === 'proof.jws')?.status).toBe('unknown');
    expect(unknown.verdict).toBe('indeterminate');
    // Another issuer's key (key2) does not verify key1's signature.
    docs.set('http://example.org/key1.json', { ...json('assets/key2.json'), owner: 'https://example.org/organization.json' });
    expect((await verify(jws, docs)).steps.find((s) => s.id === 'proof.jws')?.status).toBe('failed');
  });

  it('a signed assertion presented as plain JSON proves nothing', async () => {
    const payload = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8')) as Json;
    const report = await verify(payload);
    expect(report.steps.find((s) => s.id === 'proof.jws')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('compact JWS'),
    });
  });

  it('an unavailable revocation list is not checked, never "not revoked"', async () => {
    const docs = assetDocuments();
    docs.delete('http://example.org/revocation-list.json');
    const report = await verify(read('simple-revoked.jwt'), docs);
    expect(report.steps.find((s) => s.id === 'status.revocation')?.status).toBe('unknown');
  });
});
