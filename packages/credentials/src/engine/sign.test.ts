import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { describe, expect, it } from 'vitest';
import {
  canonize,
  documentLoader,
  ed25519PrivateKey,
  hashData,
  multikeyFromEd25519,
  seedSigner,
  signDataIntegrity,
  signJwt,
  verifyCredential,
} from '../index.js';

const VECTOR_DIR = new URL('../../test/fixtures/ob3-spec-test-vector/obv3p0/', import.meta.url);
interface Vector {
  keyPair: { privateKeyHex: string; publicKeyMultibase: string; verificationMethod: string };
  unsignedCredential: Record<string, unknown>;
  proofOptions: Record<string, unknown> & { created: string };
  expectedProofValue: string;
  signedCredential: Record<string, unknown>;
}
const vector = JSON.parse(readFileSync(new URL('test-vector.json', VECTOR_DIR), 'utf8')) as Vector;
const seed = Buffer.from(vector.keyPair.privateKeyHex, 'hex').subarray(0, 32);
const loader = documentLoader();

/** A fresh Ed25519 key as a did:key. */
function freshDidKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  const raw = Buffer.from(jwk.x ?? '', 'base64url');
  const multikey = multikeyFromEd25519(raw);
  const did = `did:key:${multikey}`;
  const seedBytes = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
  return { did, id: `${did}#${multikey}`, multikey, seed: seedBytes, privateKey, publicKey };
}

describe('eddsa-rdfc-2022 signing', () => {
  it('reproduces the intermediate canonical forms and the spec test vector proofValue byte for byte', async () => {
    expect(await canonize(vector.unsignedCredential, loader)).toBe(readFileSync(new URL('document-canon.txt', VECTOR_DIR), 'utf8'));
    const signed = await signDataIntegrity(vector.unsignedCredential, {
      signer: seedSigner(seed, vector.keyPair.verificationMethod),
      created: vector.proofOptions.created,
      loader,
    });
    const [proof] = signed['proof'] as Array<Record<string, unknown>>;
    expect(proof?.['proofValue']).toBe(vector.expectedProofValue);
    // The vector's key is an https URL under the issuer's id; the issuer's profile lists it.
    const issuer = String((vector.unsignedCredential['issuer'] as { id: string }).id);
    const documents = new Map([[issuer, { id: issuer, assertionMethod: [vector.keyPair.verificationMethod] }]]);
    expect(await verifyCredential(signed, { now: new Date('2024-01-01T00:00:00Z'), documents })).toMatchObject({ verdict: 'valid' });
  });

  it('hashes proof configuration ‖ document (64 bytes)', async () => {
    const data = await hashData(vector.unsignedCredential, { ...vector.proofOptions }, loader);
    expect(data).toHaveLength(64);
  });

  it('round trip: what we sign verifies with @digitalbazaar/vc, and what it signs verifies with ours', async () => {
    const key = freshDidKey();
    const unsigned = { ...vector.unsignedCredential, issuer: { ...(vector.unsignedCredential['issuer'] as object), id: key.did } };
    const ours = await signDataIntegrity(unsigned, { signer: seedSigner(key.seed, key.id), created: '2024-01-01T00:00:00Z', loader });
    const oracleLoader = async (url: string) => {
      if (url.startsWith('did:key:')) {
        const vm = {
          '@context': 'https://w3id.org/security/multikey/v1',
          id: key.id,
          type: 'Multikey',
          controller: key.did,
          publicKeyMultibase: key.multikey,
        };
        return {
          contextUrl: null,
          documentUrl: url,
          document: url.includes('#')
            ? vm
            : {
                '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
                id: key.did,
                verificationMethod: [vm],
                assertionMethod: [key.id],
              },
        };
      }
      return loader(url);
    };
    const oracle = await vc.verifyCredential({
      credential: ours,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader: oracleLoader,
      checkStatus: async () => ({ verified: true }),
    });
    expect(oracle.verified, JSON.stringify(oracle.error)).toBe(true);

    const keyPair = await Ed25519Multikey.from({
      id: key.id,
      controller: key.did,
      publicKeyMultibase: key.multikey,
      ...(await exportSecret(key.seed, key.multikey)),
    });
    const theirs = await vc.issue({
      credential: { ...unsigned },
      suite: new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022 }),
      documentLoader: oracleLoader,
    });
    expect((await verifyCredential(theirs, {})).verdict).toBe('valid');
  });

  it('VC-JWT: EdDSA and ES256 tokens verify; the claims follow OB 3.0', async () => {
    const key = freshDidKey();
    const credential: Record<string, unknown> = {
      ...vector.unsignedCredential,
      issuer: { ...(vector.unsignedCredential['issuer'] as object), id: key.did },
      validUntil: '2030-01-01T00:00:00Z',
    };
    const eddsa = await signJwt(credential, { key: ed25519PrivateKey(key.seed), alg: 'EdDSA', kid: key.id });
    const report = await verifyCredential(eddsa, {});
    expect(report.verdict, JSON.stringify(report.steps)).toBe('valid');
    const payload = JSON.parse(Buffer.from(eddsa.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(payload).toMatchObject({
      iss: key.did,
      jti: credential['id'],
      nbf: expect.any(Number),
      exp: Date.parse('2030-01-01T00:00:00Z') / 1000,
    });

    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = p256.publicKey.export({ format: 'jwk' });
    const issuer = 'https://example.edu/issuers/1';
    const kid = 'https://example.edu/keys/es256';
    const es256 = await signJwt(
      { ...credential, issuer: { ...(credential['issuer'] as object), id: issuer } },
      { key: p256.privateKey, alg: 'ES256', kid },
    );
    const keyDoc = { id: kid, type: 'JsonWebKey', controller: issuer, publicKeyJwk: jwk };
    const published = new Map<string, unknown>([
      [kid, keyDoc],
      [issuer, { id: issuer, type: 'Profile', assertionMethod: [kid] }],
    ]);
    expect((await verifyCredential(es256, { documents: published })).verdict).toBe('valid');
    // The key document alone says its controller is the issuer: a self-declared controller proves nothing.
    const selfDeclared = await verifyCredential(es256, {
      documents: new Map<string, unknown>([
        [kid, keyDoc],
        [issuer, { id: issuer, type: 'Profile' }],
      ]),
    });
    expect(selfDeclared.steps.find((s) => s.id === 'issuer')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('does not list the key'),
    });
  });
});

/** The secret Multikey for a seed, in the form @digitalbazaar/ed25519-multikey imports. */
async function exportSecret(seedBytes: Uint8Array, multikey: string): Promise<{ secretKeyMultibase: string }> {
  const { encodeBase58btc, ed25519FromMultikey } = await import('./multikey.js');
  const full = Uint8Array.from([0x80, 0x26, ...seedBytes, ...ed25519FromMultikey(multikey)]);
  return { secretKeyMultibase: encodeBase58btc(full) };
}
