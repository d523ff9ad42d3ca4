// Building, signing and verifying a CLR that bundles signed OB 3.0 credentials.
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { documentLoader } from '../engine/contexts.js';
import { seedSigner, signDataIntegrity } from '../engine/data-integrity.js';
import { multikeyFromEd25519 } from '../engine/multikey.js';
import { verifyCredential } from '../engine/verify.js';
import { achievementIdsOf, buildClrCredential, ClrCredential } from './clr.js';

const OB30 = new URL('../../test/fixtures/1edtech-validator/ob30/', import.meta.url);
const fixture = (f: string) => JSON.parse(readFileSync(new URL(f, OB30), 'utf8')) as Record<string, unknown>;
const NOW = new Date('2026-11-24T00:00:00Z');

function didKeySigner() {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const seed = Buffer.from(String(jwk.d), 'base64url');
  const pub = Buffer.from(String(createPublicKey(privateKey).export({ format: 'jwk' }).x), 'base64url');
  const mk = multikeyFromEd25519(pub);
  return { did: `did:key:${mk}`, signer: seedSigner(seed, `did:key:${mk}#${mk}`) };
}

describe('CLR 2.0 builder', () => {
  const teamwork = fixture('simple.json');
  const endorsementHolder = fixture('simple-did-key-method.json');
  const [a] = achievementIdsOf([teamwork]);

  it('builds a ClrCredential that signs and verifies, with every credential inside verified too', async () => {
    const { did, signer } = didKeySigner();
    // The 1EdTech sample names a urn:uuid issuer that no key can belong to: re-issue it under our did:key.
    const { proof: _proof, ...holderUnsigned } = endorsementHolder;
    const holder = await signDataIntegrity(
      { ...holderUnsigned, issuer: { ...(holderUnsigned['issuer'] as object), id: did } },
      { signer, created: '2026-11-24T00:00:00Z', loader: documentLoader() },
    );
    const credentials = [teamwork, holder];
    const ids = achievementIdsOf(credentials);
    expect(ids).toEqual(['https://example.com/achievements/21st-century-skills/teamwork', 'urn:uuid:35258e6f-4c05-4215-8ada-38a5a5b80510']);
    const associations = [{ associationType: 'isRelatedTo' as const, sourceId: ids[0] ?? '', targetId: ids[1] ?? '' }];
    const unsigned = buildClrCredential({
      id: 'urn:uuid:6f1f7a0c-2b5e-4d6b-9a51-0c1f0f4a3e10',
      issuer: { id: did, name: 'Tessera test platform' },
      name: 'Record of Alex Kim',
      validFrom: NOW,
      credentials,
      associations,
      partial: true,
    });
    expect(ClrCredential.safeParse(unsigned).success).toBe(true);
    const signed = await signDataIntegrity(unsigned, { signer, created: '2026-11-24T00:00:00Z', loader: documentLoader() });
    // The credentials inside name an https issuer: it publishes the keys they are signed with (trust.ts).
    const issuer = 'https://example.com/issuers/876543';
    const methods = [teamwork['proof']].flat().map((p) => String((p as { verificationMethod: string }).verificationMethod));
    const report = await verifyCredential(signed, { now: NOW, documents: new Map([[issuer, { id: issuer, assertionMethod: methods }]]) });
    expect(report.verdict, JSON.stringify(report.steps, null, 1)).toBe('valid');
    expect(report.steps.find((s) => s.id === 'type')?.message).toBe('ClrCredential');
    expect(report.steps.filter((s) => s.id.startsWith('clr.credential[')).map((s) => s.status)).toEqual(['passed', 'passed']);
    // Changing an association after signing breaks the CLR's own proof.
    const tampered = structuredClone(signed) as { credentialSubject: { association: Array<{ associationType: string }> } };
    expect(tampered.credentialSubject.association).toHaveLength(1);
    (tampered.credentialSubject.association[0] as { associationType: string }).associationType = 'replacedBy';
    expect(
      (await verifyCredential(tampered as unknown as Record<string, unknown>, { now: NOW })).steps.find((s) => s.id === 'proof')?.status,
    ).toBe('failed');
  });

  it('refuses associations to achievements the CLR does not hold, or to themselves, with the field path', () => {
    const base = { id: 'urn:uuid:1', issuer: { id: 'did:example:1', name: 'X' }, name: 'R', validFrom: NOW, credentials: [teamwork] };
    const bad = (sourceId: string, targetId: string) => () =>
      buildClrCredential({ ...base, associations: [{ associationType: 'isPartOf', sourceId, targetId }] });
    expect(bad(a ?? '', 'https://example.org/elsewhere')).toThrow(ZodError);
    expect(bad(a ?? '', 'https://example.org/elsewhere')).toThrow(/associations.*targetId|Not an achievement/);
    expect(bad(a ?? '', a ?? '')).toThrow(/cannot be associated with itself/);
    expect(() => buildClrCredential({ ...base, credentials: [] })).toThrow(/at least one credential/);
  });
});
