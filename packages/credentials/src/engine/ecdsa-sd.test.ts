// ecdsa-sd-2023 derived proofs: the 1EdTech sample verifies, and every change to it is caught.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentLoader } from './contexts.js';
import type { DocumentLoader } from './contexts.js';
import { verifyEcdsaSdProof } from './ecdsa-sd.js';
import { encodeBase58btc } from './multikey.js';
import { verifyCredential } from './verify.js';

type Json = Record<string, unknown>;
const SAMPLE = new URL('../../../../../shared/fixtures/1edtech-validator/ob30/sd/derivedcredential.json', import.meta.url);
const sample = () => JSON.parse(readFileSync(SAMPLE, 'utf8')) as Json;
const NOW = new Date('2026-11-24T00:00:00Z');

function split(doc: Json): { unsecured: Json; proof: Json } {
  const { proof, ...unsecured } = doc;
  return { unsecured, proof: ([proof].flat()[0] ?? {}) as Json };
}

/** Another P-256 public key as a Multikey (`zDn…`): 0x1200 varint, then the compressed point. */
function otherP256Key(): string {
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
  const x = Buffer.from(String(jwk.x), 'base64url');
  const y = Buffer.from(String(jwk.y), 'base64url');
  return encodeBase58btc(Buffer.concat([Buffer.from([0x80, 0x24, 0x02 + ((y.at(-1) ?? 0) & 1)]), x]));
}

describe('ecdsa-sd-2023', () => {
  it('the 1EdTech derived credential verifies, its key taken from the https verification method fragment', async () => {
    const { unsecured, proof } = split(sample());
    const result = await verifyEcdsaSdProof(unsecured, proof, documentLoader());
    expect(result).toMatchObject({ outcome: 'passed', controller: 'https://1edtech.edu/issuers/565049' });
    const report = await verifyCredential(sample(), { now: NOW });
    expect(report.steps.find((s) => s.id === 'proof')).toMatchObject({ status: 'passed', message: expect.stringContaining('ecdsa-sd-2023') });
    expect(report.steps.find((s) => s.id === 'issuer')?.status).toBe('passed');
  });

  const mutations: Array<[string, (d: Json) => void]> = [
    ['the credential name', (d) => (d['name'] = 'Something else')],
    ['the achievement name', (d) => ((d['credentialSubject'] as { achievement: Json }).achievement['name'] = 'Another achievement')],
    ['the validFrom date', (d) => (d['validFrom'] = '2011-01-01T00:00:00Z')],
    ['a removed disclosed field', (d) => delete (d['credentialSubject'] as { achievement: Json }).achievement['description']],
    ['an added field', (d) => (d['description'] = 'Added after signing')],
    ['the issuer', (d) => (d['issuer'] = { ...(d['issuer'] as Json), name: 'Someone else' })],
  ];
  it.each(mutations)('a change to %s is rejected', async (_name, mutate) => {
    const { unsecured, proof } = split(sample());
    mutate(unsecured);
    expect((await verifyEcdsaSdProof(unsecured, proof, documentLoader())).outcome).toBe('failed');
  });

  it('a changed proofValue, created date or key is rejected, and an unreadable proofValue says why', async () => {
    const { unsecured, proof } = split(sample());
    const value = String(proof['proofValue']);
    const flipped = `${value.slice(0, 40)}${value[40] === 'A' ? 'B' : 'A'}${value.slice(41)}`;
    expect((await verifyEcdsaSdProof(unsecured, { ...proof, proofValue: flipped }, documentLoader())).outcome).toBe('failed');
    expect((await verifyEcdsaSdProof(unsecured, { ...proof, created: '2011-01-01T19:23:24Z' }, documentLoader())).outcome).toBe('failed');
    const vm = `https://1edtech.edu/issuers/565049#${otherP256Key()}`;
    expect((await verifyEcdsaSdProof(unsecured, { ...proof, verificationMethod: vm }, documentLoader())).outcome).toBe('failed');
    const garbage = await verifyEcdsaSdProof(unsecured, { ...proof, proofValue: 'not-a-proof' }, documentLoader());
    expect(garbage.outcome).toBe('failed');
    expect(garbage.message).toMatch(/does not verify: \S/);
  });

  it('uses only our loader: a key that is not in the documents is not checked, and nothing is fetched', async () => {
    const { unsecured, proof } = split(sample());
    const asked: string[] = [];
    const loader: DocumentLoader = async (url) => {
      asked.push(url);
      return documentLoader()(url);
    };
    const result = await verifyEcdsaSdProof(unsecured, { ...proof, verificationMethod: 'https://1edtech.edu/issuers/565049#key-1' }, loader);
    expect(result.outcome).toBe('unknown');
    expect(result.message).toContain('https://1edtech.edu/issuers/565049#key-1 is not available offline');
    expect(asked).toContain('https://1edtech.edu/issuers/565049#key-1');
  });
});
