import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signDataIntegrity } from '../credentials/sign.js';
import { KeyFile, keyFileSigner } from './key-commands.js';
import { verifyReport } from './verify-command.js';
import { generateEd25519 } from '../keys/material.js';
import { ed25519DidKey, encodeEd25519SecretMultibase } from '../keys/multikey.js';

// The fixtures live in the shared folder beside the repository (CI clones with shared/ next to it).
const VECTOR = new URL('../../../../../shared/fixtures/ob3-spec-test-vector/obv3p0/test-vector.json', import.meta.url);

interface TestVector {
  keyPair: { verificationMethod: string; controller: string; publicKeyMultibase: string; secretKeyMultibase: string };
  unsignedCredential: Record<string, unknown>;
  proofOptions: { created: string };
  expectedProofValue: string;
  signedCredential: Record<string, unknown>;
}

describe('signing and verifying with key files', () => {
  const vector = JSON.parse(readFileSync(VECTOR, 'utf8')) as TestVector;
  const specKey = KeyFile.parse({ id: vector.keyPair.verificationMethod, controller: vector.keyPair.controller, type: 'Multikey', publicKeyMultibase: vector.keyPair.publicKeyMultibase, secretKeyMultibase: vector.keyPair.secretKeyMultibase });

  it('reproduces the OB 3.0 spec test vector proofValue byte for byte', async () => {
    const signed = await signDataIntegrity(vector.unsignedCredential, keyFileSigner(specKey), new Date(vector.proofOptions.created));
    const [proof] = signed['proof'] as Array<{ proofValue: string; created: string }>;
    expect(proof?.proofValue).toBe(vector.expectedProofValue);
    expect(proof?.created).toBe(vector.proofOptions.created);
  });

  it('verifies the spec signed credential from its https#z6Mk verification method, and rejects a changed one', async () => {
    const now = new Date('2024-01-01T00:00:00Z');
    const ok = await verifyReport(vector.signedCredential, { documents: new Map(), now });
    expect(ok.steps.find((s) => s.id === 'proof')?.status).toBe('passed');
    const changed = { ...vector.signedCredential, name: 'Changed' };
    expect((await verifyReport(changed, { documents: new Map(), now })).steps.find((s) => s.id === 'proof')?.status).toBe('failed');
  });

  it('signs with a freshly generated did:key and verifies it', async () => {
    const k = generateEd25519();
    const { did, id } = ed25519DidKey(k.publicKeyMultibase);
    const key = KeyFile.parse({ did, id, controller: did, type: 'Multikey', publicKeyMultibase: k.publicKeyMultibase, secretKeyMultibase: encodeEd25519SecretMultibase(k.seed) });
    // A fresh copy: signing mutates its input, and an earlier test signed vector.unsignedCredential.
    const { proof: _earlier, ...rest } = structuredClone(vector.unsignedCredential);
    const unsigned = { ...rest, issuer: { ...(rest['issuer'] as object), id: did } };
    const signed = await signDataIntegrity(unsigned, keyFileSigner(key), new Date());
    const report = await verifyReport(signed, { documents: new Map(), now: new Date() });
    expect(report.verdict, JSON.stringify(report.steps)).toBe('valid');
  });
});
