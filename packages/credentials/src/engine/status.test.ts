import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { documentLoader } from './contexts.js';
import { seedSigner, signDataIntegrity } from './data-integrity.js';
import { ed25519PrivateKey } from './jwt.js';
import { multikeyFromEd25519 } from './multikey.js';
import { Bitstring } from './status-list.js';
import { verifyCredential } from './verify.js';

const NOW = new Date('2026-11-24T00:00:00Z');
const LIST_URL = 'https://status.example/lists/1';

/** A did:key signer from a fixed label (deterministic keys). */
function didKey(label: string) {
  const seed = createHash('sha256').update(label).digest();
  const raw = Buffer.from(String(ed25519PrivateKey(seed).export({ format: 'jwk' }).x), 'base64url');
  const multikey = multikeyFromEd25519(raw);
  const did = `did:key:${multikey}`;
  return { did, signer: seedSigner(seed, `${did}#${multikey}`) };
}

async function signedList(issuer: ReturnType<typeof didKey>, revoked: number[]) {
  const bits = new Bitstring();
  for (const i of revoked) bits.set(i, true);
  const list = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: LIST_URL,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuer.did,
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: { id: `${LIST_URL}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: bits.encode() },
  };
  return signDataIntegrity(list, { signer: issuer.signer, created: '2026-01-01T00:00:00Z', loader: documentLoader() });
}

async function signedCredential(issuer: ReturnType<typeof didKey>) {
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: 'urn:uuid:3d0c1f0e-6a47-4c52-9d4e-6f3e1f2a7b10',
    type: ['VerifiableCredential'],
    issuer: issuer.did,
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:learner' },
    credentialStatus: {
      id: `${LIST_URL}#7`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '7',
      statusListCredential: LIST_URL,
    },
  };
  return signDataIntegrity(credential, { signer: issuer.signer, created: '2026-01-01T00:00:00Z', loader: documentLoader() });
}

describe('status lists are held to the same trust rules as credentials', () => {
  const issuer = didKey('status-issuer');
  const stranger = didKey('status-stranger');

  it('a list signed by the issuer is read: not revoked, then revoked', async () => {
    const credential = await signedCredential(issuer);
    const clear = await verifyCredential(credential, { now: NOW, documents: new Map([[LIST_URL, await signedList(issuer, [6, 8])]]) });
    expect(clear.verdict, JSON.stringify(clear.steps)).toBe('valid');
    expect(clear.steps.find((s) => s.id === 'status.revocation')).toMatchObject({ status: 'passed', message: 'Not revoked' });
    const revoked = await verifyCredential(credential, { now: NOW, documents: new Map([[LIST_URL, await signedList(issuer, [7])]]) });
    expect(revoked.steps.find((s) => s.id === 'status.revocation')).toMatchObject({
      status: 'failed',
      message: 'The credential has been revoked',
    });
  });

  it('a genuine list signed by someone other than the issuer does not count (status.revocation fails)', async () => {
    const credential = await signedCredential(issuer);
    const report = await verifyCredential(credential, { now: NOW, documents: new Map([[LIST_URL, await signedList(stranger, [])]]) });
    expect(report.verdict).toBe('invalid');
    expect(report.steps.find((s) => s.id === 'status.revocation')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining(`issued by ${stranger.did}, not by the credential's issuer`),
    });
  });

  it('a list whose signature is broken cannot be trusted, and a missing list is never "not revoked"', async () => {
    const credential = await signedCredential(issuer);
    const tampered = await signedList(issuer, [7]);
    (tampered['credentialSubject'] as { encodedList: string }).encodedList = new Bitstring().encode();
    const report = await verifyCredential(credential, { now: NOW, documents: new Map([[LIST_URL, tampered]]) });
    expect(report.steps.find((s) => s.id === 'status.revocation')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('cannot be trusted'),
    });
    const missing = await verifyCredential(credential, { now: NOW });
    expect(missing.verdict).toBe('indeterminate');
    expect(missing.steps.find((s) => s.id === 'status.revocation')?.status).toBe('unknown');
  });
});

describe('numbers a Data Integrity signature cannot protect', () => {
  it('a credential signed elsewhere with creditsAvailable 1e-7 is not valid: jsonld.numbers is unknown, and changing it to 3e-7 still verifies the proof', async () => {
    const issuer = didKey('lossy-issuer');
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'urn:uuid:7f3a5c1e-2b4d-4e6f-8a9b-0c1d2e3f4a5b',
      type: ['VerifiableCredential'],
      issuer: issuer.did,
      credentialSubject: { id: 'did:example:learner' },
    };
    const signed = await signDataIntegrity(credential, {
      signer: issuer.signer,
      created: '2026-01-01T00:00:00Z',
      loader: documentLoader(),
    });
    // Our signer refuses the number; add it the way another tool would have signed it (jsonld.js reads it as 0).
    const withNumber = { ...signed, credentialSubject: { id: 'did:example:learner', 'https://schema.example/credits': 0 } };
    const lossy = { ...signed, credentialSubject: { id: 'did:example:learner', 'https://schema.example/credits': 1e-7 } };
    const reSigned = await signDataIntegrity(
      { ...withNumber, proof: undefined },
      { signer: issuer.signer, created: '2026-01-01T00:00:00Z', loader: documentLoader() },
    );
    const tampered = { ...reSigned, credentialSubject: lossy.credentialSubject };
    const report = await verifyCredential(tampered, { now: NOW });
    expect(report.steps.find((s) => s.id === 'proof')?.status).toBe('passed');
    expect(report.steps.find((s) => s.id === 'jsonld.numbers')).toMatchObject({
      status: 'unknown',
      message: expect.stringContaining('/credentialSubject/https:~1~1schema.example~1credits (1e-7, signed as 0)'),
    });
    expect(report.verdict).toBe('indeterminate');
    await expect(
      signDataIntegrity(
        { ...credential, credentialSubject: lossy.credentialSubject },
        { signer: issuer.signer, created: '2026-01-01T00:00:00Z', loader: documentLoader() },
      ),
    ).rejects.toThrow(/lossy number/);
  });
});
