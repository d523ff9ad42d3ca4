import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwsPayload } from '@tessera/credentials';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signDataIntegrity } from '../credentials/sign.js';
import { KeyFile, keyFileSigner, runKeygen, runSign } from './key-commands.js';
import { verifyReport } from './verify-command.js';
import { generateEd25519 } from '../keys/material.js';
import { didKeyOf, encodeEd25519SecretMultibase } from '../keys/multikey.js';

// The spec test vector is kept in the repository under packages/credentials/test/fixtures (see its README).
const VECTOR = new URL('../../../credentials/test/fixtures/ob3-spec-test-vector/obv3p0/test-vector.json', import.meta.url);

interface TestVector {
  keyPair: { verificationMethod: string; controller: string; publicKeyMultibase: string; secretKeyMultibase: string };
  unsignedCredential: Record<string, unknown>;
  proofOptions: { created: string };
  expectedProofValue: string;
  signedCredential: Record<string, unknown>;
}

describe('signing and verifying with key files', () => {
  const vector = JSON.parse(readFileSync(VECTOR, 'utf8')) as TestVector;
  const specKey = KeyFile.parse({
    id: vector.keyPair.verificationMethod,
    controller: vector.keyPair.controller,
    type: 'Multikey',
    publicKeyMultibase: vector.keyPair.publicKeyMultibase,
    secretKeyMultibase: vector.keyPair.secretKeyMultibase,
  });

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
    const { did, id } = didKeyOf(k.publicKeyMultibase);
    const key = KeyFile.parse({
      did,
      id,
      controller: did,
      type: 'Multikey',
      publicKeyMultibase: k.publicKeyMultibase,
      secretKeyMultibase: encodeEd25519SecretMultibase(k.seed),
    });
    // A fresh copy: signing mutates its input, and an earlier test signed vector.unsignedCredential.
    const { proof: _earlier, ...rest } = structuredClone(vector.unsignedCredential);
    const unsigned = { ...rest, issuer: { ...(rest['issuer'] as object), id: did } };
    const signed = await signDataIntegrity(unsigned, keyFileSigner(key), new Date());
    const report = await verifyReport(signed, { documents: new Map(), now: new Date() });
    expect(report.verdict, JSON.stringify(report.steps)).toBe('valid');
  });
});

/** Run a CLI command, capturing what it prints. */
async function run(command: (argv: string[]) => Promise<number>, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    const code = await command(argv);
    return { code, out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('keygen --type p256 and ES256 JWTs; sign --documents', () => {
  const vector = JSON.parse(readFileSync(VECTOR, 'utf8')) as TestVector;
  const dir = mkdtempSync(join(tmpdir(), 'tessera-keys-'));
  const now = new Date();
  afterEach(() => vi.restoreAllMocks());

  /** A fresh unsigned copy of the spec credential issued by `issuer`, written to a file. */
  function credentialFile(name: string, issuer: string, extra: Record<string, unknown> = {}): string {
    const { proof: _p, ...rest } = structuredClone(vector.unsignedCredential);
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify({ ...rest, issuer: { ...(rest['issuer'] as object), id: issuer }, ...extra }));
    return file;
  }

  it('makes a P-256 did:key file, signs an ES256 VC-JWT that verifies, and a changed token fails', async () => {
    const keyPath = join(dir, 'p256.json');
    const made = await run(runKeygen, ['--type', 'p256', '--out', keyPath]);
    expect(made.code, made.err).toBe(0);
    const key = KeyFile.parse(JSON.parse(readFileSync(keyPath, 'utf8')));
    expect(key.publicKeyMultibase).toMatch(/^zDn/);
    expect(key.did).toBe(`did:key:${key.publicKeyMultibase}`);
    expect(key.id).toBe(`${key.did}#${key.publicKeyMultibase}`);
    expect(made.out.trim()).toBe(key.did);

    const signed = await run(runSign, [credentialFile('es256.json', key.controller), '--key', keyPath, '--format', 'jwt']);
    expect(signed.code, signed.err).toBe(0);
    const jwt = signed.out.trim();
    const header = JSON.parse(Buffer.from(jwt.split('.')[0] ?? '', 'base64url').toString('utf8')) as { alg: string; kid: string };
    expect(header).toMatchObject({ alg: 'ES256', kid: key.id });
    expect(Buffer.from(jwt.split('.')[2] ?? '', 'base64url')).toHaveLength(64);
    expect(decodeJwsPayload(jwt)).toMatchObject({ iss: key.controller, jti: vector.unsignedCredential['id'] });
    const report = await verifyReport(jwt, { documents: new Map(), now });
    expect(report.verdict, JSON.stringify(report.steps)).toBe('valid');
    expect(report.steps.find((s) => s.id === 'proof.jwt')?.message).toMatch(/ES256/);

    const [h, p, sig] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, name: 'Changed' })).toString('base64url')}.${sig}`;
    expect((await verifyReport(forged, { documents: new Map(), now })).verdict).toBe('invalid');
  });

  it('refuses Data Integrity with a P-256 key, an unknown key type, and a key file whose halves disagree (exit 2)', async () => {
    const keyPath = join(dir, 'p256-di.json');
    expect((await run(runKeygen, ['--type', 'p256', '--out', keyPath])).code).toBe(0);
    const file = credentialFile('di.json', 'did:example:issuer');
    for (const format of ['di', 'both']) {
      const r = await run(runSign, [file, '--key', keyPath, '--format', format]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/P-256 key: it signs JWTs .*need an Ed25519 key/);
      expect(r.out).toBe('');
    }
    const rsa = await run(runKeygen, ['--type', 'rsa']);
    expect(rsa.code).toBe(2);
    expect(rsa.err).toMatch(/--type must be ed25519 or p256/);

    const other = join(dir, 'other.json');
    expect((await run(runKeygen, ['--type', 'p256', '--out', other])).code).toBe(0);
    const mixed = join(dir, 'mixed.json');
    const a = JSON.parse(readFileSync(keyPath, 'utf8')) as Record<string, string>;
    const b = JSON.parse(readFileSync(other, 'utf8')) as Record<string, string>;
    writeFileSync(mixed, JSON.stringify({ ...a, secretKeyMultibase: b['secretKeyMultibase'] }));
    const r = await run(runSign, [file, '--key', mixed, '--format', 'jwt']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/does not belong to publicKeyMultibase/);
  });

  it('an eddsa-rdfc-2022 proof that names a P-256 key fails with the reason', async () => {
    const keyPath = join(dir, 'p256-vm.json');
    expect((await run(runKeygen, ['--type', 'p256', '--out', keyPath])).code).toBe(0);
    const p256 = KeyFile.parse(JSON.parse(readFileSync(keyPath, 'utf8')));
    const proof = vector.signedCredential['proof'] as Array<Record<string, unknown>> | Record<string, unknown>;
    const swapped = { ...vector.signedCredential, proof: { ...[proof].flat()[0], verificationMethod: p256.id } };
    const report = await verifyReport(swapped, { documents: new Map(), now: new Date('2024-01-01T00:00:00Z') });
    expect(report.verdict).toBe('invalid');
    expect(report.steps.find((s) => s.id === 'proof')?.message).toMatch(/ec key, and this suite needs Ed25519/);
  });

  it('sign --documents supplies a context that is not bundled; without it signing stops with exit 2', async () => {
    const keyPath = join(dir, 'ed.json');
    expect((await run(runKeygen, ['--out', keyPath])).code).toBe(0);
    const key = KeyFile.parse(JSON.parse(readFileSync(keyPath, 'utf8')));
    const contextUrl = 'https://contexts.example.edu/district/v1';
    writeFileSync(
      join(dir, 'district-context.json'),
      JSON.stringify({ '@context': { districtCode: 'https://contexts.example.edu/district#districtCode' } }),
    );
    const map = join(dir, 'map.json');
    writeFileSync(map, JSON.stringify({ [contextUrl]: 'district-context.json' }));
    const { '@context': contexts } = vector.unsignedCredential as { '@context': string[] };
    const file = credentialFile('custom.json', key.controller, { '@context': [...contexts, contextUrl], districtCode: 'RSD-12' });

    const without = await run(runSign, [file, '--key', keyPath]);
    expect(without.code).toBe(2);
    expect(without.err).toContain(contextUrl);

    const signed = await run(runSign, [file, '--key', keyPath, '--documents', map, '--created', '2026-01-01T00:00:00Z']);
    expect(signed.code, signed.err).toBe(0);
    const credential = JSON.parse(signed.out) as Record<string, unknown>;
    const documents = new Map<string, object>([
      [contextUrl, JSON.parse(readFileSync(join(dir, 'district-context.json'), 'utf8')) as object],
    ]);
    const report = await verifyReport(credential, { documents, now });
    expect(report.verdict, JSON.stringify(report.steps)).toBe('valid');
    // The custom term is signed: changing it breaks the proof.
    const changed = await verifyReport({ ...credential, districtCode: 'RSD-13' }, { documents, now });
    expect(changed.steps.find((s) => s.id === 'proof')?.status).toBe('failed');

    writeFileSync(join(dir, 'bad-map.json'), JSON.stringify({ [contextUrl]: 42 }));
    const bad = await run(runSign, [file, '--key', keyPath, '--documents', join(dir, 'bad-map.json')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/is not a documents map .*https:\/\/contexts\.example\.edu\/district\/v1: /);
  });
});
