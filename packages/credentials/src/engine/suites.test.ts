// Ed25519Signature2018, ecdsa-rdfc-2019 (P-256, P-384), eddsa-jcs-2022 and ecdsa-jcs-2019: OB 3.0 credentials
// signed with digitalbazaar's signers verify with the key we are given, and every change, wrong key or wrong
// purpose fails with its reason.
import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createSignCryptosuite as ecdsaJcsSign } from '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import { generate as generateEcdsa } from '@digitalbazaar/ecdsa-multikey';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { Ed25519Signature2018 } from '@digitalbazaar/ed25519-signature-2018';
import { createSignCryptosuite as eddsaJcsSign } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import jsigs from 'jsonld-signatures';
import { describe, expect, it } from 'vitest';
import { documentLoader } from './contexts.js';
import type { DocumentLoader } from './contexts.js';
import { multikeyFromPublicKey, publicKeyFromMultikey } from './key-types.js';
import { encodeBase58btc } from './multikey.js';
import { EXTRA_SUITES, SUITE_CONTEXTS, verifySuiteProof } from './suites.js';

type Json = Record<string, unknown>;

const SIMPLE = new URL('../../test/fixtures/1edtech-validator/ob30/simple.json', import.meta.url);
/** The 1EdTech OB 3.0 sample credential without its proof. */
function baseCredential(): Json {
  const { proof: _proof, ...credential } = JSON.parse(readFileSync(SIMPLE, 'utf8')) as Json;
  return credential;
}

/** jsonld-signatures' ControllerProofPurpose, which the module declaration does not list: used to sign for another purpose. */
const { ControllerProofPurpose } = (jsigs as unknown as { purposes: { ControllerProofPurpose: new (options: { term: string }) => object } })
  .purposes;

/** A context served to the signer only: a verifier without it cannot canonicalise RDFC proofs. */
const EXTRA_CONTEXT_URL = 'https://example.org/contexts/extra/v1';
const EXTRA_CONTEXT = { '@context': { '@protected': true, extraNote: 'https://example.org/vocab#extraNote' } };

/** What the signer's loader knows: the bundled contexts, the suite contexts and the extra context above. */
const signingLoader: DocumentLoader = async (url) => {
  const suiteContext = SUITE_CONTEXTS.get(url) ?? (url === EXTRA_CONTEXT_URL ? EXTRA_CONTEXT : undefined);
  if (suiteContext !== undefined) return { contextUrl: null, documentUrl: url, document: suiteContext };
  return documentLoader()(url);
};
/** What the verifier's loader knows: only what contexts.ts bundles (suites.ts adds SUITE_CONTEXTS itself). */
const loader = documentLoader();

/** A key pair: the public KeyObject, its did:key and method id, and digitalbazaar's signer for it. */
interface Key {
  type: 'Ed25519' | 'P-256' | 'P-384';
  publicKey: KeyObject;
  did: string;
  method: string;
  signer: unknown;
}

/** An Ed25519 key made by node, imported into digitalbazaar's ed25519-multikey for signing. */
async function ed25519Key(): Promise<Key> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(String(publicKey.export({ format: 'jwk' }).x), 'base64url');
  const seed = Buffer.from(String(privateKey.export({ format: 'jwk' }).d), 'base64url');
  const multikey = multikeyFromPublicKey(publicKey);
  const did = `did:key:${multikey}`;
  const method = `${did}#${multikey}`;
  // multicodec ed25519-priv (0x1300, varint 80 26): seed ‖ public key, the form ed25519-multikey imports.
  const secretKeyMultibase = encodeBase58btc(Uint8Array.from([0x80, 0x26, ...seed, ...raw]));
  const pair = await Ed25519Multikey.from({ id: method, controller: did, publicKeyMultibase: multikey, secretKeyMultibase });
  return { type: 'Ed25519', publicKey, did, method, signer: pair.signer() };
}

/** A P-256 or P-384 key made by digitalbazaar's ecdsa-multikey; the public key is decoded from its Multikey here. */
async function ecdsaKey(curve: 'P-256' | 'P-384'): Promise<Key> {
  const pair = await generateEcdsa({ curve });
  const did = `did:key:${pair.publicKeyMultibase}`;
  pair.id = `${did}#${pair.publicKeyMultibase}`;
  return { type: curve, publicKey: publicKeyFromMultikey(pair.publicKeyMultibase), did, method: pair.id, signer: pair.signer() };
}

interface Case {
  name: string;
  suite: (typeof EXTRA_SUITES)[number];
  makeKey: () => Promise<Key>;
  /** The digitalbazaar suite that signs. */
  signingSuite: (signer: unknown) => unknown;
  /** A key of a kind the suite refuses, and the words the reason uses. */
  wrongKey: () => KeyObject;
  needs: string;
  rdfc: boolean;
}

const CASES: Case[] = [
  {
    name: 'Ed25519Signature2018',
    suite: 'Ed25519Signature2018',
    makeKey: ed25519Key,
    signingSuite: (signer) => new Ed25519Signature2018({ signer }),
    wrongKey: () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey,
    needs: 'is a P-256 key, and this suite needs an Ed25519 key',
    rdfc: true,
  },
  {
    name: 'ecdsa-rdfc-2019 with P-256',
    suite: 'ecdsa-rdfc-2019',
    makeKey: () => ecdsaKey('P-256'),
    signingSuite: (signer) => new DataIntegrityProof({ signer, cryptosuite: ecdsaRdfc2019 }),
    wrongKey: () => generateKeyPairSync('ed25519').publicKey,
    needs: 'is an Ed25519 key, and this suite needs a P-256 or P-384 key',
    rdfc: true,
  },
  {
    name: 'ecdsa-rdfc-2019 with P-384',
    suite: 'ecdsa-rdfc-2019',
    makeKey: () => ecdsaKey('P-384'),
    signingSuite: (signer) => new DataIntegrityProof({ signer, cryptosuite: ecdsaRdfc2019 }),
    wrongKey: () => generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey,
    needs: 'is a secp256k1 key, and this suite needs a P-256 or P-384 key',
    rdfc: true,
  },
  {
    name: 'eddsa-jcs-2022',
    suite: 'eddsa-jcs-2022',
    makeKey: ed25519Key,
    signingSuite: (signer) => new DataIntegrityProof({ signer, cryptosuite: eddsaJcsSign() }),
    wrongKey: () => generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey,
    needs: 'is a P-384 key, and this suite needs an Ed25519 key',
    rdfc: false,
  },
  {
    name: 'ecdsa-jcs-2019 with P-256',
    suite: 'ecdsa-jcs-2019',
    makeKey: () => ecdsaKey('P-256'),
    signingSuite: (signer) => new DataIntegrityProof({ signer, cryptosuite: ecdsaJcsSign() }),
    wrongKey: () => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey,
    needs: 'is a 2048-bit RSA key, and this suite needs a P-256 or P-384 key',
    rdfc: false,
  },
  {
    name: 'ecdsa-jcs-2019 with P-384',
    suite: 'ecdsa-jcs-2019',
    makeKey: () => ecdsaKey('P-384'),
    signingSuite: (signer) => new DataIntegrityProof({ signer, cryptosuite: ecdsaJcsSign() }),
    wrongKey: () => generateKeyPairSync('ed25519').publicKey,
    needs: 'is an Ed25519 key, and this suite needs a P-256 or P-384 key',
    rdfc: false,
  },
];

/** Sign the sample credential (issuer = the key's did:key, plus `extra` members) with digitalbazaar's suite. */
async function signed(c: Case, key: Key, options: { purpose?: object; extra?: Json } = {}): Promise<{ document: Json; proof: Json }> {
  const base = baseCredential();
  const credential: Json = { ...base, issuer: { ...(base['issuer'] as Json), id: key.did }, ...options.extra };
  const result = await jsigs.sign(credential, {
    suite: c.signingSuite(key.signer),
    purpose: options.purpose ?? new jsigs.purposes.AssertionProofPurpose(),
    documentLoader: signingLoader,
  });
  const { proof, ...document } = result;
  return { document, proof: [proof].flat()[0] as Json };
}

describe.each(CASES)('$name', (c) => {
  it('a credential digitalbazaar signed verifies with the signer’s public key', async () => {
    const key = await c.makeKey();
    const { document, proof } = await signed(c, key);
    expect(proof).toMatchObject({ proofPurpose: 'assertionMethod', verificationMethod: key.method });
    expect(proof['type']).toBe(c.suite === 'Ed25519Signature2018' ? 'Ed25519Signature2018' : 'DataIntegrityProof');
    const result = await verifySuiteProof({ document, proof, suite: c.suite, key: key.publicKey, loader });
    expect(result).toEqual({ outcome: 'passed', message: `The ${c.suite} signature is valid for ${key.method}` });
  });

  it('fails when the credential changed after signing: its name, its subject, or an added field', async () => {
    const key = await c.makeKey();
    const { document, proof } = await signed(c, key);
    const changes: Array<(d: Json) => void> = [
      (d) => (d['name'] = 'Another Badge'),
      (d) => ((d['credentialSubject'] as Json)['id'] = 'did:example:someone-else'),
      (d) => (d['validUntil'] = '2099-01-01T00:00:00Z'),
    ];
    for (const change of changes) {
      const copy = structuredClone(document);
      change(copy);
      const result = await verifySuiteProof({ document: copy, proof, suite: c.suite, key: key.publicKey, loader });
      expect(result.outcome).toBe('failed');
      expect(result.message).toMatch(/^The \S+ proof does not verify: \S/);
    }
  });

  it('fails with the reason when the key is of a kind the suite does not use', async () => {
    const key = await c.makeKey();
    const { document, proof } = await signed(c, key);
    const result = await verifySuiteProof({ document, proof, suite: c.suite, key: c.wrongKey(), loader });
    expect(result).toEqual({ outcome: 'failed', message: `The ${c.suite} proof does not verify: the verification method ${c.needs}` });
  });

  it('fails when checked with another key of the right kind (it did not sign)', async () => {
    const key = await c.makeKey();
    const other = await c.makeKey();
    const { document, proof } = await signed(c, key);
    const result = await verifySuiteProof({ document, proof, suite: c.suite, key: other.publicKey, loader });
    expect(result).toEqual({
      outcome: 'failed',
      message: `The ${c.suite} proof does not verify: the signature does not match the document`,
    });
  });

  it('fails when the proof was made for authentication, not assertionMethod (even though the signature is genuine)', async () => {
    const key = await c.makeKey();
    const { document, proof } = await signed(c, key, { purpose: new ControllerProofPurpose({ term: 'authentication' }) });
    expect(proof['proofPurpose']).toBe('authentication');
    const result = await verifySuiteProof({ document, proof, suite: c.suite, key: key.publicKey, loader });
    expect(result).toEqual({
      outcome: 'failed',
      message: `The ${c.suite} proof does not verify: the proof purpose is "authentication", not assertionMethod`,
    });
  });

  it('fails when the proof options changed: created date, or the verification method id under the same key', async () => {
    const key = await c.makeKey();
    const { document, proof } = await signed(c, key);
    const created = await verifySuiteProof({
      document,
      proof: { ...proof, created: '2001-01-01T00:00:00Z' },
      suite: c.suite,
      key: key.publicKey,
      loader,
    });
    expect(created.outcome).toBe('failed');
    // The method id is signed too: the same key under another id is not the proof that was made.
    const moved = await verifySuiteProof({
      document,
      proof: { ...proof, verificationMethod: `https://issuer.example/keys#${multikeyFromPublicKey(key.publicKey)}` },
      suite: c.suite,
      key: key.publicKey,
      loader,
    });
    expect(moved.outcome).toBe('failed');
  });

  it(`a context the verifier does not have is ${c.rdfc ? 'unknown (RDFC needs it)' : 'not needed (JCS signs the JSON as it is)'}`, async () => {
    const key = await c.makeKey();
    const base = baseCredential();
    const { document, proof } = await signed(c, key, {
      extra: { '@context': [...(base['@context'] as string[]), EXTRA_CONTEXT_URL], extraNote: 'signed with an extra context' },
    });
    const offline = await verifySuiteProof({ document, proof, suite: c.suite, key: key.publicKey, loader });
    if (c.rdfc)
      expect(offline).toEqual({
        outcome: 'unknown',
        message: `The ${c.suite} proof could not be checked: ${EXTRA_CONTEXT_URL} is not available offline`,
      });
    else expect(offline.outcome).toBe('passed');
    // Given the context, it verifies.
    const withContext = await verifySuiteProof({
      document,
      proof,
      suite: c.suite,
      key: key.publicKey,
      loader: documentLoader(new Map([[EXTRA_CONTEXT_URL, EXTRA_CONTEXT]])),
    });
    expect(withContext.outcome).toBe('passed');
  });
});

describe('Ed25519Signature2018 on a VC 1.1 credential (the 1EdTech simple_v1.json sample, whose credentials/v1 context defines the suite)', () => {
  it('verifies, and a changed name fails', async () => {
    const { proof: _proof, ...sample } = JSON.parse(
      readFileSync(new URL('../../test/fixtures/1edtech-validator/ob30/simple_v1.json', import.meta.url), 'utf8'),
    ) as Json;
    const key = await ed25519Key();
    const suite = new Ed25519Signature2018({ signer: key.signer });
    const { proof, ...document } = await jsigs.sign(
      { ...sample, issuer: { ...(sample['issuer'] as Json), id: key.did } },
      { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: signingLoader },
    );
    expect(document['@context']).not.toContain('https://w3id.org/security/suites/ed25519-2018/v1');
    const one = [proof].flat()[0] as Json;
    expect((await verifySuiteProof({ document, proof: one, suite: 'Ed25519Signature2018', key: key.publicKey, loader })).outcome).toBe(
      'passed',
    );
    const renamed = { ...document, name: 'Another Badge' };
    expect(
      (await verifySuiteProof({ document: renamed, proof: one, suite: 'Ed25519Signature2018', key: key.publicKey, loader })).outcome,
    ).toBe('failed');
  });
});

describe('malformed proofs and mismatched suites fail with a reason and never throw', () => {
  it('a proofValue or jws that is not a signature, a missing method, a suite that is not the proof’s', async () => {
    const ecdsa = CASES[1] as Case;
    const key = await ecdsa.makeKey();
    const { document, proof } = await signed(ecdsa, key);
    const check = (p: Json, suite: string = ecdsa.suite, k: KeyObject = key.publicKey) =>
      verifySuiteProof({ document, proof: p, suite, key: k, loader });
    expect((await check({ ...proof, proofValue: 'not-a-proof' })).message).toBe(
      'The ecdsa-rdfc-2019 proof does not verify: proofValue is not a multibase (z… or u…) string',
    );
    const garbage = await check({ ...proof, proofValue: 'z1111' });
    expect(garbage.outcome).toBe('failed');
    expect(garbage.message).toMatch(/^The ecdsa-rdfc-2019 proof does not verify: \S/);
    expect((await check({ ...proof, verificationMethod: undefined })).message).toMatch(/has no verificationMethod/);
    expect((await check({ ...proof, verificationMethod: { id: key.method } })).message).toMatch(
      /has no verificationMethod \(a URL string\)/,
    );
    expect((await check(proof, 'ecdsa-jcs-2019')).message).toBe(
      'The ecdsa-jcs-2019 proof does not verify: it is not a DataIntegrityProof with cryptosuite ecdsa-jcs-2019',
    );
    expect((await check(proof, 'Ed25519Signature2018')).message).toBe(
      'The Ed25519Signature2018 proof does not verify: it is not an Ed25519Signature2018 proof',
    );
    expect((await check(proof, 'bbs-2023')).message).toMatch(/bbs-2023 is not one of the suites checked here/);
    expect((await verifySuiteProof({ document: {}, proof: {}, suite: 'ecdsa-rdfc-2019', key: key.publicKey, loader })).outcome).toBe(
      'failed',
    );
  });

  it('an Ed25519Signature2018 jws with another header, a broken signature, or a document without its context', async () => {
    const ed = CASES[0] as Case;
    const key = await ed.makeKey();
    const { document, proof } = await signed(ed, key);
    const check = (p: Json, d: Json = document) =>
      verifySuiteProof({ document: d, proof: p, suite: 'Ed25519Signature2018', key: key.publicKey, loader });
    const [, signature] = String(proof['jws']).split('..');
    const es256Header = Buffer.from(JSON.stringify({ alg: 'ES256', b64: false, crit: ['b64'] })).toString('base64url');
    expect((await check({ ...proof, jws: `${es256Header}..${signature}` })).message).toMatch(
      /the JWS header is not \{"alg":"EdDSA","b64":false,"crit":\["b64"\]\}/,
    );
    const extraHeader = Buffer.from(JSON.stringify({ alg: 'EdDSA', b64: false, crit: ['b64'], kid: 'x' })).toString('base64url');
    expect((await check({ ...proof, jws: `${extraHeader}..${signature}` })).message).toMatch(/the JWS header is not/);
    expect((await check({ ...proof, jws: 'not a jws' })).message).toMatch(/jws is not a detached compact JWS/);
    const [header] = String(proof['jws']).split('..');
    const flipped = Buffer.from(signature ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect((await check({ ...proof, jws: `${header}..${flipped.toString('base64url')}` })).message).toBe(
      'The Ed25519Signature2018 proof does not verify: the signature does not match the document',
    );
    // digitalbazaar's signer added the suite context; without it (VC 2.0 alone) the suite does not apply.
    expect(document['@context']).toContain('https://w3id.org/security/suites/ed25519-2018/v1');
    const without = { ...document, '@context': (document['@context'] as string[]).filter((u) => !u.includes('ed25519-2018')) };
    expect((await check(proof, without)).message).toMatch(/@context has none of the contexts Ed25519Signature2018 is defined in/);
  });

  it('the suite loader serves the verification method from the given key, not from the caller’s documents', async () => {
    const ecdsa = CASES[1] as Case;
    const key = await ecdsa.makeKey();
    const impostor = await ecdsa.makeKey();
    const { document, proof } = await signed(ecdsa, key);
    const served: string[] = [];
    // A caller loader that would hand out the impostor's key for the method id: never asked for it.
    const callerLoader: DocumentLoader = async (url) => {
      served.push(url);
      if (url === key.method)
        return {
          contextUrl: null,
          documentUrl: url,
          document: {
            '@context': 'https://w3id.org/security/multikey/v1',
            id: url,
            type: 'Multikey',
            controller: key.did,
            publicKeyMultibase: multikeyFromPublicKey(impostor.publicKey),
          },
        };
      return loader(url);
    };
    expect((await verifySuiteProof({ document, proof, suite: 'ecdsa-rdfc-2019', key: key.publicKey, loader: callerLoader })).outcome).toBe(
      'passed',
    );
    expect(served).not.toContain(key.method);
    expect(
      (await verifySuiteProof({ document, proof, suite: 'ecdsa-rdfc-2019', key: impostor.publicKey, loader: callerLoader })).outcome,
    ).toBe('failed');
  });

  it('lists exactly the four suites and bundles the Ed25519Signature2018 context', () => {
    expect([...EXTRA_SUITES]).toEqual(['Ed25519Signature2018', 'ecdsa-rdfc-2019', 'eddsa-jcs-2022', 'ecdsa-jcs-2019']);
    expect([...SUITE_CONTEXTS.keys()]).toEqual(['https://w3id.org/security/suites/ed25519-2018/v1']);
    expect(JSON.stringify(SUITE_CONTEXTS.get('https://w3id.org/security/suites/ed25519-2018/v1'))).toContain('Ed25519Signature2018');
  });
});
