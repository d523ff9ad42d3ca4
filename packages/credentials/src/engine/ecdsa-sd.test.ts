// ecdsa-sd-2023 derived proofs: the 1EdTech sample verifies, and every change to it is caught.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { createDiscloseCryptosuite, createSignCryptosuite } from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import jsigs from 'jsonld-signatures';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentLoader } from './contexts.js';
import type { DocumentLoader } from './contexts.js';
import { p256FragmentKey, verifyEcdsaSdProof } from './ecdsa-sd.js';
import { encodeBase58btc } from './multikey.js';
import { verifyCredential } from './verify.js';

type Json = Record<string, unknown>;
const SAMPLE = new URL('../../test/fixtures/1edtech-validator/ob30/sd/derivedcredential.json', import.meta.url);
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
    // The key is an https URL under the issuer's id: it counts once the issuer's profile lists it.
    const issuer = 'https://1edtech.edu/issuers/565049';
    const profile = { id: issuer, type: 'Profile', assertionMethod: [proof['verificationMethod']] };
    const report = await verifyCredential(sample(), { now: NOW, documents: new Map([[issuer, profile]]) });
    expect(report.steps.find((s) => s.id === 'proof')).toMatchObject({
      status: 'passed',
      message: expect.stringContaining('ecdsa-sd-2023'),
    });
    expect(report.steps.find((s) => s.id === 'issuer')?.status).toBe('passed');
    expect(report.verdict).toBe('valid');
    const unpublished = await verifyCredential(sample(), { now: NOW });
    expect(unpublished.steps.find((s) => s.id === 'issuer')?.status).toBe('unknown');
  });

  const mutations: Array<[string, (d: Json) => void]> = [
    ['the credential name', (d) => (d['name'] = 'Something else')],
    ['the credentialSubject id', (d) => ((d['credentialSubject'] as Json)['id'] = 'did:example:someone-else')],
    ['the achievement name', (d) => ((d['credentialSubject'] as { achievement: Json }).achievement['name'] = 'Another achievement')],
    ['the validFrom date', (d) => (d['validFrom'] = '2011-01-01T00:00:00Z')],
    ['a removed disclosed field', (d) => delete (d['credentialSubject'] as { achievement: Json }).achievement['description']],
    ['an added field', (d) => (d['description'] = 'Added after signing')],
    [
      'an added achievement field',
      (d) => ((d['credentialSubject'] as { achievement: Json }).achievement['image'] = { id: 'https://example.com/i.png', type: 'Image' }),
    ],
    ['an added undefined term', (d) => (d['notInAnyContext'] = 'x')],
    ['a removed subject', (d) => delete d['credentialSubject']],
    ['the issuer', (d) => (d['issuer'] = { ...(d['issuer'] as Json), name: 'Someone else' })],
  ];
  it('an added undefined term is named in the reason', async () => {
    const { unsecured, proof } = split(sample());
    unsecured['notInAnyContext'] = 'x';
    expect((await verifyEcdsaSdProof(unsecured, proof, documentLoader())).message).toContain('notInAnyContext');
  });

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
    const result = await verifyEcdsaSdProof(
      unsecured,
      { ...proof, verificationMethod: 'https://1edtech.edu/issuers/565049#key-1' },
      loader,
    );
    expect(result.outcome).toBe('unknown');
    expect(result.message).toContain('https://1edtech.edu/issuers/565049#key-1 is not available offline');
    expect(asked).toContain('https://1edtech.edu/issuers/565049#key-1');
  });

  describe('never the network', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('a context that is not bundled gives unknown, asked of our loader and never fetched', async () => {
      const fetchSpy = vi.fn(() => Promise.reject(new Error('no network in tests')));
      vi.stubGlobal('fetch', fetchSpy);
      const { unsecured, proof } = split(sample());
      const extra = 'https://contexts.example/not-bundled/v1';
      unsecured['@context'] = [...(unsecured['@context'] as string[]), extra];
      const asked: string[] = [];
      const loader: DocumentLoader = async (url) => {
        asked.push(url);
        return documentLoader()(url);
      };
      const result = await verifyEcdsaSdProof(unsecured, proof, loader);
      expect(result.outcome).toBe('unknown');
      expect(result.message).toContain(`${extra} is not available offline`);
      expect(asked).toContain(extra);
      expect(fetchSpy).not.toHaveBeenCalled();
    });
  });

  it('malformed proofs fail with a reason instead of throwing', async () => {
    const { unsecured, proof } = split(sample());
    const cases: Json[] = [
      { ...proof, proofValue: 42 },
      { ...proof, proofValue: 'zNotBase64url' },
      { ...proof, proofValue: 'u' },
      { ...proof, proofValue: 'u2V0BhVhA' },
      { ...proof, cryptosuite: 'ecdsa-rdfc-2019' },
      { ...proof, verificationMethod: undefined },
      { ...proof, proofPurpose: 'authentication' },
      { ...proof, verificationMethod: 'https://1edtech.edu/issuers/565049#zDnNotAKey' },
    ];
    for (const bad of cases) {
      const result = await verifyEcdsaSdProof(unsecured, bad, documentLoader());
      expect(result.outcome, JSON.stringify(bad)).not.toBe('passed');
      expect(result.message).toMatch(/does not verify: \S|could not be checked: \S/);
    }
    expect((await verifyEcdsaSdProof(unsecured, { ...proof, proofValue: 'u' }, documentLoader())).message).toMatch(/proofValue/);
  });

  it('builds key documents only for https and did:key methods whose key is P-256', () => {
    const key = 'zDnaekGZTbQBerwcehBSXLqAg6s55hVEBms1zFy89VHXtJSa9';
    expect(p256FragmentKey(`https://issuer.example/keys#${key}`)?.controller).toMatchObject({
      id: 'https://issuer.example/keys',
      assertionMethod: [`https://issuer.example/keys#${key}`],
    });
    expect(p256FragmentKey(`did:key:${key}`)?.byUrl.get(`did:key:${key}`)).toMatchObject({
      id: `did:key:${key}#${key}`,
      type: 'Multikey',
      publicKeyMultibase: key,
    });
    expect(p256FragmentKey(`did:key:${key}#${key}`)).not.toBeNull();
    expect(p256FragmentKey(`http://issuer.example/keys#${key}`)).toBeNull();
    expect(p256FragmentKey('https://issuer.example/keys#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')).toBeNull();
    expect(p256FragmentKey(`did:key:${key}#other`)).toBeNull();
    expect(p256FragmentKey(`did:web:issuer.example#${key}`)).toBeNull();
  });

  describe('a base proof signed and derived here with digitalbazaar', () => {
    const credential = (issuer: string): Json => ({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: 'urn:uuid:2f0f5b7e-3c55-4b4a-9a51-0c6f5d0b7a11',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: issuer, type: ['Profile'], name: 'Tessera test issuer' },
      validFrom: '2026-01-01T00:00:00Z',
      name: 'Formative assessment',
      credentialSubject: {
        id: 'did:example:learner-1',
        type: ['AchievementSubject'],
        achievement: {
          id: 'https://issuer.example/achievements/formative-assessment',
          type: ['Achievement'],
          name: 'Formative assessment',
          description: 'Uses formative assessment to adjust instruction.',
          criteria: { narrative: 'Submit three annotated lesson artefacts.' },
        },
      },
    });
    const mandatoryPointers = [
      '/issuer',
      '/validFrom',
      '/type',
      '/credentialSubject/type',
      '/credentialSubject/achievement/id',
      '/credentialSubject/achievement/type',
    ];

    async function issueAndDerive(opts: {
      controller: string;
      id?: string;
      selectivePointers: string[];
      loader?: DocumentLoader;
    }): Promise<{ base: Json; derived: Json; method: string }> {
      const keyPair = await EcdsaMultikey.generate({ curve: 'P-256', controller: opts.controller });
      if (opts.id) keyPair.id = opts.id.replace('{key}', keyPair.publicKeyMultibase);
      const loader = opts.loader ?? documentLoader();
      const purpose = new jsigs.purposes.AssertionProofPurpose();
      const signSuite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: createSignCryptosuite({ mandatoryPointers }) });
      const base = await jsigs.sign(credential(opts.controller), { suite: signSuite, purpose, documentLoader: loader });
      const discloseSuite = new DataIntegrityProof({
        cryptosuite: createDiscloseCryptosuite({ selectivePointers: opts.selectivePointers }),
      });
      const derived = await jsigs.derive(base, { suite: discloseSuite, purpose, documentLoader: loader });
      return { base, derived, method: keyPair.id };
    }

    it('an https#zDn key: the derived credential verifies, discloses only what was selected, and changes are rejected', async () => {
      const { base, derived, method } = await issueAndDerive({
        controller: 'https://issuer.example/issuers/1',
        selectivePointers: ['/credentialSubject/id', '/credentialSubject/achievement/name'],
      });
      expect(method).toMatch(/^https:\/\/issuer\.example\/issuers\/1#zDn/);
      const { unsecured, proof } = split(derived);
      expect(await verifyEcdsaSdProof(unsecured, proof, documentLoader())).toMatchObject({
        outcome: 'passed',
        controller: 'https://issuer.example/issuers/1',
      });
      const achievement = (unsecured['credentialSubject'] as { achievement: Json }).achievement;
      expect(achievement['name']).toBe('Formative assessment');
      expect(achievement['description']).toBeUndefined();
      expect(unsecured['name']).toBeUndefined();

      const changed = structuredClone(unsecured);
      (changed['credentialSubject'] as { achievement: Json }).achievement['name'] = 'Summative assessment';
      expect((await verifyEcdsaSdProof(changed, proof, documentLoader())).outcome).toBe('failed');
      // Adding back a withheld field that was signed in the base proof is still a change to the disclosure.
      const readded = structuredClone(unsecured);
      readded['name'] = 'Formative assessment';
      expect((await verifyEcdsaSdProof(readded, proof, documentLoader())).outcome).toBe('failed');
      // The base proof is not a derived proof: the verifier refuses it with a reason.
      const baseParts = split(base);
      const asBase = await verifyEcdsaSdProof(baseParts.unsecured, baseParts.proof, documentLoader());
      expect(asBase.outcome).toBe('failed');
      expect(asBase.message).toMatch(/proofValue/);
    });

    it('a did:key method, with or without its fragment, verifies', async () => {
      for (const id of ['did:key:{key}#{key}', 'did:key:{key}']) {
        const keyPair = await EcdsaMultikey.generate({ curve: 'P-256' });
        const did = `did:key:${keyPair.publicKeyMultibase}`;
        keyPair.id = id.replaceAll('{key}', keyPair.publicKeyMultibase);
        keyPair.controller = did;
        const purpose = new jsigs.purposes.AssertionProofPurpose();
        const base = await jsigs.sign(credential(did), {
          suite: new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: createSignCryptosuite({ mandatoryPointers }) }),
          purpose,
          documentLoader: documentLoader(),
        });
        const derived = await jsigs.derive(base, {
          suite: new DataIntegrityProof({ cryptosuite: createDiscloseCryptosuite({ selectivePointers: ['/credentialSubject/id'] }) }),
          purpose,
          documentLoader: documentLoader(),
        });
        const { unsecured, proof } = split(derived);
        expect(proof['verificationMethod']).toBe(keyPair.id);
        expect(await verifyEcdsaSdProof(unsecured, proof, documentLoader())).toMatchObject({ outcome: 'passed', controller: did });
      }
    });

    it('a method that is not self-describing is looked up in the documents: found verifies, missing is unknown', async () => {
      const controller = 'https://issuer.example/issuers/2';
      const method = `${controller}/keys/1`;
      const keyPair = await EcdsaMultikey.generate({ curve: 'P-256', id: method, controller });
      const purpose = new jsigs.purposes.AssertionProofPurpose();
      const base = await jsigs.sign(credential(controller), {
        suite: new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: createSignCryptosuite({ mandatoryPointers }) }),
        purpose,
        documentLoader: documentLoader(),
      });
      const derived = await jsigs.derive(base, {
        suite: new DataIntegrityProof({ cryptosuite: createDiscloseCryptosuite({ selectivePointers: ['/name'] }) }),
        purpose,
        documentLoader: documentLoader(),
      });
      const { unsecured, proof } = split(derived);
      const vm = {
        '@context': 'https://w3id.org/security/multikey/v1',
        id: method,
        type: 'Multikey',
        controller,
        publicKeyMultibase: keyPair.publicKeyMultibase,
      };
      const owner = {
        '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
        id: controller,
        assertionMethod: [method],
      };
      const documents = new Map<string, unknown>([
        [method, vm],
        [controller, owner],
      ]);
      expect(await verifyEcdsaSdProof(unsecured, proof, documentLoader(documents))).toMatchObject({ outcome: 'passed', controller });
      const missing = await verifyEcdsaSdProof(unsecured, proof, documentLoader());
      expect(missing).toMatchObject({ outcome: 'unknown', message: expect.stringContaining(`${method} is not available offline`) });
      // A controller that does not list the key for assertionMethod is a failure, not a pass.
      const disowned = new Map<string, unknown>([
        [method, vm],
        [controller, { ...owner, assertionMethod: [] }],
      ]);
      expect((await verifyEcdsaSdProof(unsecured, proof, documentLoader(disowned))).outcome).toBe('failed');
    });
  });
});
