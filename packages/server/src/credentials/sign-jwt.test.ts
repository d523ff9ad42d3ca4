import { generateKeyPairSync } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { signerOf } from '../keys/index.js';
import { attachJwtPayload, detachJwtPayload, signVcJwt, vcJwtPayload } from './sign-jwt.js';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const signer = signerOf('did:web:issuer.example#key-1', privateKey);

/** A signed credential document as issuance makes it (the proof is left out of the JWT claims). */
const document = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'https://tessera.test/credentials/7f1c',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:web:issuer.example', type: ['Profile'], name: 'Riverside — “School” of Ed' },
  validFrom: '2026-12-01T10:00:00Z',
  validUntil: '2029-12-01T10:00:00Z',
  credentialSubject: {
    type: ['AchievementSubject'],
    achievement: { id: 'https://tessera.test/a/1', type: ['Achievement'], name: 'Café ☕ 𝒜', creditsAvailable: 1.5 },
  },
  proof: [{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z3abc' }],
};

/** The same JSON with every object's keys in reverse order, as a database that does not keep key order may return it. */
function reorder(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reorder);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .reverse()
        .map(([k, x]) => [k, reorder(x)]),
    );
  return v;
}

describe('VC-JWT stored with its payload detached', () => {
  it('rebuilds the exact signed JWT from the stored document, whatever its key order, and it verifies', async () => {
    const jwt = await signVcJwt(document, signer);
    const stored = detachJwtPayload(jwt);
    expect(stored).toMatch(/^[\w-]+\.\.[\w-]+$/);
    const fromDatabase = reorder(JSON.parse(JSON.stringify(document))) as Record<string, unknown>;
    expect(Object.keys(fromDatabase)[0]).toBe('proof');
    const rebuilt = attachJwtPayload(stored, fromDatabase);
    expect(rebuilt).toBe(jwt);
    const { payload } = await compactVerify(rebuilt, publicKey);
    const claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: 'did:web:issuer.example', jti: document.id, nbf: 1796119200, exp: 1890813600 });
    expect(claims['proof']).toBeUndefined();
    expect(decodeProtectedHeader(rebuilt)).toEqual({ alg: 'ES256', typ: 'vc+ld+json+jwt', kid: 'did:web:issuer.example#key-1' });
  });

  it('a changed document rebuilds a JWT whose signature check fails', async () => {
    const stored = detachJwtPayload(await signVcJwt(document, signer));
    const tampered = {
      ...document,
      credentialSubject: { ...document.credentialSubject, achievement: { ...document.credentialSubject.achievement, name: 'Other' } },
    };
    // The step that must fail is the ES256 signature over header and (rebuilt) payload.
    await expect(compactVerify(attachJwtPayload(stored, tampered), publicKey)).rejects.toThrow(/signature verification failed/);
  });

  it('returns a JWT stored whole (issued before detached storage) as it is', async () => {
    const whole = await signVcJwt(document, signer);
    expect(attachJwtPayload(whole, { id: 'ignored' })).toBe(whole);
    expect(() => detachJwtPayload('not-a-jws')).toThrow(/compact JWS/);
  });

  it('serialises claims canonically: the same content gives the same payload bytes', () => {
    expect(vcJwtPayload(reorder(document) as Record<string, unknown>)).toBe(vcJwtPayload(document));
    expect(vcJwtPayload(document).startsWith('{"@context":')).toBe(true);
  });
});
