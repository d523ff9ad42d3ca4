// Credentials as they are found in the wild, end to end through verifyCredential: Data Integrity proofs in
// Ed25519Signature2018, ecdsa-rdfc-2019 (P-256, P-384), eddsa-jcs-2022 and ecdsa-jcs-2019, plain W3C credentials
// signed with eddsa-rdfc-2022, VC-JWTs in ES384, ES256K, RS256 and EdDSA under did:jwk, did:key and did:web, and
// embedded endorsements. Every credential is signed by an INDEPENDENT stack (digitalbazaar's suites, jose, and
// node:crypto for what jose cannot sign), never by the engine; the engine only verifies. Each genuine credential
// must come out `valid`, and each tampered copy names the step that must reject it. Keys come from fixed labels
// (RSA keys, which cannot be derived cheaply, are generated once per run) and the clock is fixed.
import { createECDH, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import type { JsonWebKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createSignCryptosuite as ecdsaJcsSign } from '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { Ed25519Signature2018 } from '@digitalbazaar/ed25519-signature-2018';
import { createSignCryptosuite as eddsaJcsSign } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { encode as base58 } from 'base58-universal';
import { CompactSign } from 'jose';
import jsigs from 'jsonld-signatures';
import { describe, expect, it } from 'vitest';
import { documentLoader } from './contexts.js';
import type { Report, Step } from './report.js';
import { verifyCredential } from './verify.js';

type Json = Record<string, unknown>;

/** The verifier's clock for the whole file. */
const NOW = new Date('2026-06-01T00:00:00Z');
/** When every Data Integrity proof was made. */
const CREATED = '2026-01-15T10:00:00Z';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const VC1 = 'https://www.w3.org/2018/credentials/v1';
const ED25519_2018_CONTEXT = 'https://w3id.org/security/suites/ed25519-2018/v1';
const DID_CONTEXTS = ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1', 'https://w3id.org/security/jwk/v1'];

// ---------------------------------------------------------------------------------------------------------
// Fixtures and reading reports

const FIXTURES = new URL('../../test/fixtures/1edtech-validator/ob30/', import.meta.url);
/** A 1EdTech validator sample without its proof. */
function fixture(name: string): Json {
  const { proof: _proof, ...document } = JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as Json;
  return document;
}

/** The 1EdTech OB 3.0 `simple.json` credential (VC 2.0 + OB 3.0.3) issued by `issuer`, plus `extra` members. */
function obCredential(issuer: string, extra: Json = {}): Json {
  const base = fixture('simple.json');
  return { ...base, issuer: { ...(base['issuer'] as Json), id: issuer }, ...extra };
}

/** The steps of a report, one a line, for assertion messages. */
const show = (r: Report): string => r.steps.map((s) => `${s.id} ${s.status}: ${s.message}`).join('\n');

function stepOf(r: Report, id: string): Step {
  const found = r.steps.find((s) => s.id === id);
  expect(found, `no ${id} step in\n${show(r)}`).toBeDefined();
  return found as Step;
}

/** Expect step `id` to have `status` (and its message to match `message`). */
function expectStep(r: Report, id: string, status: Step['status'], message?: RegExp): void {
  const s = stepOf(r, id);
  expect(s.status, `${id} in\n${show(r)}`).toBe(status);
  if (message) expect(s.message, `${id} in\n${show(r)}`).toMatch(message);
}

function expectValid(r: Report): void {
  expect(r.verdict, show(r)).toBe('valid');
}

const verify = (input: string | Json, documents: ReadonlyMap<string, unknown> = new Map()): Promise<Report> =>
  verifyCredential(input, { documents, now: NOW });

/** A deep copy with one change applied. */
function edited(doc: Json, change: (copy: Json) => void): Json {
  const copy = structuredClone(doc);
  change(copy);
  return copy;
}

// ---------------------------------------------------------------------------------------------------------
// Keys, made here from fixed labels (node:crypto) and handed to digitalbazaar as Multikeys

const digest = (label: string, algorithm: 'sha256' | 'sha384' = 'sha256'): Buffer =>
  createHash(algorithm).update(`tessera wild suites / ${label}`).digest();
const multibase = (bytes: Iterable<number>): string => `z${base58(Uint8Array.from(bytes))}`;
const b64u = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/** A fixed key pair: Multikey values, the public JWK and the private KeyObject. */
interface FixedKey {
  curve: 'Ed25519' | 'P-256' | 'P-384' | 'secp256k1';
  publicKeyMultibase: string;
  secretKeyMultibase: string;
  publicJwk: JsonWebKey;
  privateKey: KeyObject;
}

/** An Ed25519 key whose seed is sha256 of the label. */
function ed25519Key(label: string): FixedKey {
  const seed = digest(label);
  const privateKey = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const raw = Buffer.from(String(publicJwk.x), 'base64url');
  // multicodec ed25519-pub (0xed, varint ed 01) and ed25519-priv (0x1300, varint 80 26: seed ‖ public key).
  return {
    curve: 'Ed25519',
    publicKeyMultibase: multibase([0xed, 0x01, ...raw]),
    secretKeyMultibase: multibase([0x80, 0x26, ...seed, ...raw]),
    publicJwk,
    privateKey,
  };
}

/** An EC key whose scalar is the label's sha256 (sha384 for P-384). */
function ecKey(curve: 'P-256' | 'P-384' | 'secp256k1', label: string): FixedKey {
  const ecdh = createECDH({ 'P-256': 'prime256v1', 'P-384': 'secp384r1', secp256k1: 'secp256k1' }[curve]);
  const scalar = digest(label, curve === 'P-384' ? 'sha384' : 'sha256');
  ecdh.setPrivateKey(scalar);
  const point = ecdh.getPublicKey();
  const size = (point.length - 1) / 2;
  const publicJwk: JsonWebKey = { kty: 'EC', crv: curve, x: b64u(point.subarray(1, 1 + size)), y: b64u(point.subarray(1 + size)) };
  const privateKey = createPrivateKey({ key: { ...publicJwk, d: b64u(scalar) }, format: 'jwk' });
  const compressed = ecdh.getPublicKey(null, 'compressed');
  // multicodec p256-pub 0x1200 / p384-pub 0x1201 / secp256k1-pub 0xe7, and p256-priv 0x1306 / p384-priv 0x1307.
  const pub = { 'P-256': [0x80, 0x24], 'P-384': [0x81, 0x24], secp256k1: [0xe7, 0x01] }[curve];
  const priv = { 'P-256': [0x86, 0x26], 'P-384': [0x87, 0x26], secp256k1: [0x81, 0x26] }[curve];
  return {
    curve,
    publicKeyMultibase: multibase([...pub, ...compressed]),
    secretKeyMultibase: multibase([...priv, ...scalar]),
    publicJwk,
    privateKey,
  };
}

/** The parts of digitalbazaar's ecdsa-multikey used here (the package's declaration lists only `generate`). */
const ecdsaMultikey = EcdsaMultikey as unknown as { from(key: Json): Promise<{ signer(): unknown }> };

/** digitalbazaar's signer for `key` under the verification method id `method`. */
async function signerOf(key: FixedKey, method: string): Promise<unknown> {
  const controller = method.split('#')[0] ?? method;
  const description = { id: method, controller, publicKeyMultibase: key.publicKeyMultibase, secretKeyMultibase: key.secretKeyMultibase };
  if (key.curve === 'Ed25519') return (await Ed25519Multikey.from(description)).signer();
  return (await ecdsaMultikey.from({ type: 'Multikey', ...description })).signer();
}

const didKey = (key: FixedKey): { did: string; method: string } => ({
  did: `did:key:${key.publicKeyMultibase}`,
  method: `did:key:${key.publicKeyMultibase}#${key.publicKeyMultibase}`,
});
const didJwk = (jwk: JsonWebKey): string => `did:jwk:${Buffer.from(JSON.stringify(jwk)).toString('base64url')}`;

/** The https URL of a did:web DID document. */
function didWebUrl(did: string): string {
  const [host = '', ...path] = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  return path.length === 0 ? `https://${host}/.well-known/did.json` : `https://${host}/${path.join('/')}/did.json`;
}

/** A verification method object as DID documents write them: a Multikey, a JsonWebKey, or (older) an Ed25519VerificationKey2018. */
function methodObject(id: string, controller: string, key: FixedKey, form: 'multikey' | 'jwk' | 'base58'): Json {
  if (form === 'jwk') return { id, type: 'JsonWebKey', controller, publicKeyJwk: key.publicJwk };
  if (form === 'base58')
    return {
      id,
      type: 'Ed25519VerificationKey2018',
      controller,
      publicKeyBase58: base58(Buffer.from(String(key.publicJwk.x), 'base64url')),
    };
  return { id, type: 'Multikey', controller, publicKeyMultibase: key.publicKeyMultibase };
}

/** A did:web DID document with `key` as `#key-1` under `relationship` (referenced by its relative id, as many documents do). */
function didWebDocument(
  did: string,
  key: FixedKey,
  options: { form?: 'multikey' | 'jwk' | 'base58'; relationship?: string; fragment?: string } = {},
): Json {
  const fragment = options.fragment ?? 'key-1';
  const context = options.form === 'base58' ? [...DID_CONTEXTS, ED25519_2018_CONTEXT] : DID_CONTEXTS;
  return {
    '@context': context,
    id: did,
    verificationMethod: [methodObject(`${did}#${fragment}`, did, key, options.form ?? 'multikey')],
    [options.relationship ?? 'assertionMethod']: [`#${fragment}`],
  };
}

/** The documents a did:web issuer publishes. */
const published = (did: string, doc: Json): Map<string, unknown> => new Map([[didWebUrl(did), doc]]);

// ---------------------------------------------------------------------------------------------------------
// Signing with digitalbazaar's stack

/** What the signer's loader knows: the JSON-LD contexts bundled with the engine (contexts only, no keys). */
const signingLoader = documentLoader();
const purpose = () => new jsigs.purposes.AssertionProofPurpose();

/** Sign with jsonld-signatures and the given suite object. */
async function jsigsSign(credential: Json, suite: unknown): Promise<Json> {
  return jsigs.sign(structuredClone(credential), { suite, purpose: purpose(), documentLoader: signingLoader });
}

/** Sign with @digitalbazaar/vc's `issue` and an eddsa-rdfc-2022 DataIntegrityProof. */
async function issueEddsaRdfc(credential: Json, key: FixedKey, method: string): Promise<Json> {
  const suite = new DataIntegrityProof({ signer: await signerOf(key, method), cryptosuite: eddsaRdfc2022, date: CREATED });
  return vc.issue({ credential: structuredClone(credential), suite, documentLoader: signingLoader, now: NOW });
}

// ---------------------------------------------------------------------------------------------------------
// 1. The Data Integrity suites

interface SuiteCase {
  name: string;
  /** The proof's type (DataIntegrityProof) and cryptosuite, or the proof type for Ed25519Signature2018. */
  type: string;
  cryptosuite?: string;
  key: FixedKey;
  /** A second key of the same kind, which signed nothing. */
  other: FixedKey;
  /** digitalbazaar's suite that signs with `signer`. */
  suite: (signer: unknown) => unknown;
  /** How the did:web DID document writes the key. */
  form: 'multikey' | 'jwk';
}

const SUITE_CASES: SuiteCase[] = [
  {
    name: 'Ed25519Signature2018',
    type: 'Ed25519Signature2018',
    key: ed25519Key('ed25519-2018'),
    other: ed25519Key('ed25519-2018 other'),
    suite: (signer) => new Ed25519Signature2018({ signer, date: CREATED }),
    form: 'multikey',
  },
  {
    name: 'ecdsa-rdfc-2019 with P-256',
    type: 'DataIntegrityProof',
    cryptosuite: 'ecdsa-rdfc-2019',
    key: ecKey('P-256', 'ecdsa-rdfc-2019 p256'),
    other: ecKey('P-256', 'ecdsa-rdfc-2019 p256 other'),
    suite: (signer) => new DataIntegrityProof({ signer, cryptosuite: ecdsaRdfc2019, date: CREATED }),
    form: 'jwk',
  },
  {
    name: 'ecdsa-rdfc-2019 with P-384',
    type: 'DataIntegrityProof',
    cryptosuite: 'ecdsa-rdfc-2019',
    key: ecKey('P-384', 'ecdsa-rdfc-2019 p384'),
    other: ecKey('P-384', 'ecdsa-rdfc-2019 p384 other'),
    suite: (signer) => new DataIntegrityProof({ signer, cryptosuite: ecdsaRdfc2019, date: CREATED }),
    form: 'multikey',
  },
  {
    name: 'eddsa-jcs-2022',
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    key: ed25519Key('eddsa-jcs-2022'),
    other: ed25519Key('eddsa-jcs-2022 other'),
    suite: (signer) => new DataIntegrityProof({ signer, cryptosuite: eddsaJcsSign(), date: CREATED }),
    form: 'jwk',
  },
  {
    name: 'ecdsa-jcs-2019 with P-256',
    type: 'DataIntegrityProof',
    cryptosuite: 'ecdsa-jcs-2019',
    key: ecKey('P-256', 'ecdsa-jcs-2019 p256'),
    other: ecKey('P-256', 'ecdsa-jcs-2019 p256 other'),
    suite: (signer) => new DataIntegrityProof({ signer, cryptosuite: ecdsaJcsSign(), date: CREATED }),
    form: 'multikey',
  },
  {
    name: 'ecdsa-jcs-2019 with P-384',
    type: 'DataIntegrityProof',
    cryptosuite: 'ecdsa-jcs-2019',
    key: ecKey('P-384', 'ecdsa-jcs-2019 p384'),
    other: ecKey('P-384', 'ecdsa-jcs-2019 p384 other'),
    suite: (signer) => new DataIntegrityProof({ signer, cryptosuite: ecdsaJcsSign(), date: CREATED }),
    form: 'jwk',
  },
];

const WILD_WEB = 'did:web:badges.wild.example';
const WILD_WEB_PATH = 'did:web:wild.example:issuers:42';

describe.each(SUITE_CASES)('$name, signed by digitalbazaar, through verifyCredential', (c) => {
  /** The credential `issuer` issues, signed with `key` under the verification method `method`. */
  const sign = async (issuer: string, method: string, key: FixedKey = c.key, extra: Json = {}) =>
    jsigsSign(obCredential(issuer, extra), c.suite(await signerOf(key, method)));

  it('a did:key issuer: valid, with proof and issuer passed', async () => {
    const { did, method } = didKey(c.key);
    expect(did).toMatch(
      { Ed25519: /^did:key:z6Mk/, 'P-256': /^did:key:zDn/, 'P-384': /^did:key:z82/, secp256k1: /^did:key:zQ3s/ }[c.key.curve],
    );
    const signed = await sign(did, method);
    const proof = [signed['proof']].flat()[0] as Json;
    expect(proof).toMatchObject({
      type: c.type,
      verificationMethod: method,
      proofPurpose: 'assertionMethod',
      ...(c.cryptosuite ? { cryptosuite: c.cryptosuite } : {}),
    });
    // On a VC 2.0 credential, digitalbazaar's Ed25519Signature2018 signer adds the suite's context.
    if (c.type === 'Ed25519Signature2018') expect(signed['@context']).toContain(ED25519_2018_CONTEXT);
    const report = await verify(signed);
    expectValid(report);
    expectStep(report, 'proof', 'passed', new RegExp(`^The ${c.cryptosuite ?? c.type} signature is valid for ${method}$`));
    expectStep(report, 'issuer', 'passed', /is the issuer's own identifier/);
    expectStep(report, 'type', 'passed', /^OpenBadgeCredential$/);
  });

  it('the name changed after signing → proof failed', async () => {
    const { did, method } = didKey(c.key);
    const signed = await sign(did, method);
    const report = await verify({ ...signed, name: 'Another Badge' });
    expect(report.verdict).toBe('invalid');
    expectStep(report, 'proof', 'failed', /does not verify/);
    expectStep(report, 'issuer', 'passed');
  });

  it('the subject changed after signing → proof failed', async () => {
    const { did, method } = didKey(c.key);
    const signed = await sign(did, method);
    const report = await verify(edited(signed, (d) => ((d['credentialSubject'] as Json)['id'] = 'did:example:someone-else')));
    expect(report.verdict).toBe('invalid');
    expectStep(report, 'proof', 'failed', /does not verify/);
  });

  it('issuer set to a did:web whose DID document lists another key, signed with the did:key → issuer failed (the signature itself is genuine)', async () => {
    const { method } = didKey(c.key);
    const signed = await sign(WILD_WEB, method);
    const report = await verify(signed, published(WILD_WEB, didWebDocument(WILD_WEB, c.other, { form: c.form })));
    expect(report.verdict).toBe('invalid');
    expectStep(report, 'issuer', 'failed', /controlled only by itself, not by the issuer did:web:badges\.wild\.example/);
    expectStep(report, 'proof', 'passed');
  });

  it('signed as did:web#key-1, but the DID document lists only #key-2 → issuer failed', async () => {
    const signed = await sign(WILD_WEB, `${WILD_WEB}#key-1`);
    const report = await verify(signed, published(WILD_WEB, didWebDocument(WILD_WEB, c.key, { form: c.form, fragment: 'key-2' })));
    expect(report.verdict).toBe('invalid');
    expectStep(
      report,
      'issuer',
      'failed',
      /did:web:badges\.wild\.example#key-1 is not in the DID document of did:web:badges\.wild\.example/,
    );
  });

  it('signed as did:web#key-1, which the DID document lists only under authentication → issuer failed', async () => {
    const signed = await sign(WILD_WEB, `${WILD_WEB}#key-1`);
    const report = await verify(
      signed,
      published(WILD_WEB, didWebDocument(WILD_WEB, c.key, { form: c.form, relationship: 'authentication' })),
    );
    expect(report.verdict).toBe('invalid');
    expectStep(report, 'issuer', 'failed', /only under authentication, not under assertionMethod/);
    expectStep(report, 'proof', 'passed');
  });

  it('signed as did:web#key-1 by another key than the one the DID document lists there → proof failed', async () => {
    const signed = await sign(WILD_WEB, `${WILD_WEB}#key-1`, c.other);
    const report = await verify(signed, published(WILD_WEB, didWebDocument(WILD_WEB, c.key, { form: c.form })));
    expect(report.verdict).toBe('invalid');
    expectStep(report, 'proof', 'failed', /does not verify/);
    expectStep(report, 'issuer', 'passed');
  });

  it('a did:web issuer whose DID document lists #key-1 under assertionMethod, signed as did:web#key-1 → valid', async () => {
    for (const did of [WILD_WEB, WILD_WEB_PATH]) {
      const method = `${did}#key-1`;
      const signed = await sign(did, method);
      expect([signed['proof']].flat()[0]).toMatchObject({ verificationMethod: method });
      const documents = published(did, didWebDocument(did, c.key, { form: c.form }));
      const report = await verify(signed, documents);
      expectValid(report);
      expectStep(report, 'proof', 'passed', new RegExp(`valid for ${method}$`));
      expectStep(report, 'issuer', 'passed', new RegExp(`^The issuer's DID document lists ${method} under assertionMethod$`));
      // Tampered, it is not.
      expectStep(await verify({ ...signed, name: 'Another Badge' }, documents), 'proof', 'failed');
    }
  });

  it('a did:web issuer whose DID document is not given → issuer unknown, verdict indeterminate (never valid)', async () => {
    const signed = await sign(WILD_WEB, `${WILD_WEB}#key-1`);
    const report = await verify(signed);
    expect(report.verdict).toBe('indeterminate');
    expectStep(report, 'issuer', 'unknown', /is not available/);
  });
});

describe('Ed25519Signature2018 on VC 1.1 credentials (the 1EdTech simple_v1.json sample)', () => {
  const key = ed25519Key('ed25519-2018 vc11');
  const sign = async (credential: Json, method: string) =>
    jsigsSign(credential, new Ed25519Signature2018({ signer: await signerOf(key, method), date: CREATED }));
  const v11 = (issuer: string, contexts?: string[]): Json => {
    const base = fixture('simple_v1.json');
    return { ...base, ...(contexts ? { '@context': contexts } : {}), issuer: { ...(base['issuer'] as Json), id: issuer } };
  };
  const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context.json';

  it.each([
    ['the sample’s own contexts (credentials/v1, OB context.json, the Ed25519 2020 suite context)', undefined],
    ['credentials/v1 and the OB 3.0.3 context', [VC1, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']],
    ['credentials/v1 and OB context.json', [VC1, OB_CONTEXT]],
  ])('with %s: valid; the name changed → proof failed', async (_label, contexts) => {
    const { did, method } = didKey(key);
    const signed = await sign(v11(did, contexts), method);
    expect((signed['@context'] as string[])[0]).toBe(VC1);
    const report = await verify(signed);
    expectValid(report);
    expectStep(report, 'format', 'warning', /1\.1/);
    expectStep(report, 'proof', 'passed', /^The Ed25519Signature2018 signature is valid/);
    expectStep(report, 'issuer', 'passed');
    const renamed = await verify({ ...signed, name: 'Another Badge' });
    expect(renamed.verdict).toBe('invalid');
    expectStep(renamed, 'proof', 'failed');
  });

  it('a did:web issuer whose DID document lists the key as a Multikey under assertionMethod: valid', async () => {
    const method = `${WILD_WEB}#key-1`;
    const signed = await sign(v11(WILD_WEB), method);
    const report = await verify(signed, published(WILD_WEB, didWebDocument(WILD_WEB, key)));
    expectValid(report);
    expectStep(report, 'issuer', 'passed');
  });

  // DID documents made for Ed25519Signature2018 list the key as an Ed25519VerificationKey2018 with `publicKeyBase58`.
  it('a did:web issuer whose DID document lists the key as an Ed25519VerificationKey2018 (publicKeyBase58): valid', async () => {
    const method = `${WILD_WEB}#key-1`;
    const signed = await sign(v11(WILD_WEB), method);
    const report = await verify(signed, published(WILD_WEB, didWebDocument(WILD_WEB, key, { form: 'base58' })));
    expectStep(report, 'issuer', 'passed');
    expectValid(report);
  });

  it('issuer set to a did:web whose DID document does not list the key (signed with the did:key) → issuer failed', async () => {
    const signed = await sign(v11(WILD_WEB), didKey(key).method);
    const report = await verify(signed, published(WILD_WEB, didWebDocument(WILD_WEB, ed25519Key('someone else'))));
    expect(report.verdict).toBe('invalid');
    expectStep(report, 'issuer', 'failed');
    expectStep(report, 'proof', 'passed');
  });
});

// ---------------------------------------------------------------------------------------------------------
// 2. Plain W3C credentials (no Open Badges context or type)

describe('plain W3C credentials signed with eddsa-rdfc-2022 by @digitalbazaar/vc', () => {
  const key = ed25519Key('plain w3c');
  const { did, method } = didKey(key);

  it('VC 2.0 only, type VerifiableCredential only, no validFrom: valid, and the type step says it is not an Open Badge; changed → proof failed', async () => {
    const credential: Json = {
      '@context': [VC2],
      id: 'urn:uuid:0b7d1c52-7a0e-4b8e-9d55-3f3b6f0c9a01',
      type: ['VerifiableCredential'],
      issuer: did,
      name: 'Library card',
      credentialSubject: { id: 'did:example:reader-7' },
    };
    const signed = await issueEddsaRdfc(credential, key, method);
    expect(signed).not.toHaveProperty('validFrom');
    expect(signed['@context']).toEqual([VC2]);
    const report = await verify(signed);
    expectValid(report);
    expectStep(report, 'format', 'passed', /Data Model 2\.0/);
    expectStep(report, 'type', 'passed', /^A W3C Verifiable Credential \(VerifiableCredential\), not an Open Badge/);
    expectStep(report, 'proof', 'passed', /^The eddsa-rdfc-2022 signature is valid/);
    expectStep(report, 'issuer', 'passed');
    expectStep(report, 'dates', 'passed', /no expiry/);
    expect(report.format).toBe('VC 2.0');
    const changed = await verify(edited(signed, (d) => ((d['credentialSubject'] as Json)['id'] = 'did:example:reader-8')));
    expect(changed.verdict).toBe('invalid');
    expectStep(changed, 'proof', 'failed');
  });

  it('VC 1.1 (credentials/v1 only; the signer adds the data-integrity context): valid with a format warning; changed → proof failed', async () => {
    const credential: Json = {
      '@context': [VC1],
      id: 'urn:uuid:0b7d1c52-7a0e-4b8e-9d55-3f3b6f0c9a02',
      type: ['VerifiableCredential'],
      issuer: did,
      issuanceDate: '2025-03-01T00:00:00Z',
      credentialSubject: { id: 'did:example:reader-9' },
    };
    const signed = await issueEddsaRdfc(credential, key, method);
    expect((signed['@context'] as string[])[0]).toBe(VC1);
    const report = await verify(signed);
    expectValid(report);
    expectStep(report, 'format', 'warning', /1\.1/);
    expectStep(report, 'type', 'passed', /not an Open Badge/);
    expectStep(report, 'proof', 'passed', /^The eddsa-rdfc-2022 signature is valid/);
    expectStep(report, 'issuer', 'passed');
    expect(report.format).toBe('VC 1.1');
    const changed = await verify({ ...signed, issuanceDate: '2024-03-01T00:00:00Z' });
    expect(changed.verdict).toBe('invalid');
    expectStep(changed, 'proof', 'failed');
  });

  // VC 1.1 and 2.0 let the issuer be any object with an IRI id; only Open Badges narrow it to a Profile.
  it('VC 2.0 plain credential whose issuer is an object { id, name } without a type: valid', async () => {
    const credential: Json = {
      '@context': [VC2],
      id: 'urn:uuid:0b7d1c52-7a0e-4b8e-9d55-3f3b6f0c9a03',
      type: ['VerifiableCredential'],
      issuer: { id: did, name: 'City Library' },
      credentialSubject: { id: 'did:example:reader-7' },
    };
    const report = await verify(await issueEddsaRdfc(credential, key, method));
    expectStep(report, 'proof', 'passed');
    expectStep(report, 'structure', 'passed');
    expectValid(report);
  });

  it('VC 1.1 plain credential whose issuer is an object { id } without a type: valid', async () => {
    const credential: Json = {
      '@context': [VC1],
      id: 'urn:uuid:0b7d1c52-7a0e-4b8e-9d55-3f3b6f0c9a04',
      type: ['VerifiableCredential'],
      issuer: { id: did },
      issuanceDate: '2025-03-01T00:00:00Z',
      credentialSubject: { id: 'did:example:reader-9' },
    };
    const report = await verify(await issueEddsaRdfc(credential, key, method));
    expectStep(report, 'proof', 'passed');
    expectStep(report, 'structure', 'passed');
    expectValid(report);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 3. VC-JWTs made with jose (and node:crypto for ES256K)

const ES384_KEY = ecKey('P-384', 'jwt es384');
const ES256K_KEY = ecKey('secp256k1', 'jwt es256k');
const EDDSA_KEY = ed25519Key('jwt eddsa');
const RSA = generateKeyPairSync('rsa', { modulusLength: 2048 });
const RSA_1024 = generateKeyPairSync('rsa', { modulusLength: 1024 });
const RSA_WEB = 'did:web:registrar.wild.example';

const part = (value: Json): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact JWS signed with node:crypto (for what jose refuses to sign: ES256K, a mismatched alg, a weak RSA key). */
function nodeJws(header: Json, payload: Json, sign: (input: Buffer) => Buffer): string {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${sign(Buffer.from(input)).toString('base64url')}`;
}

/** The two payload forms: the OB 3.0 `vc` claim with iss/jti/sub/nbf, or the credential itself (VC 2.0 secured with JOSE). */
type Form = 'vc claim' | 'VC 2.0 JOSE';
function payloadOf(credential: Json, form: Form, overrides: Json = {}): Json {
  if (form === 'VC 2.0 JOSE') return { ...credential, ...overrides };
  const issuer = credential['issuer'];
  return {
    iss: typeof issuer === 'string' ? issuer : (issuer as Json)['id'],
    jti: credential['id'],
    sub: (credential['credentialSubject'] as Json)['id'],
    nbf: Date.parse(String(credential['validFrom'])) / 1000,
    vc: credential,
    ...overrides,
  };
}
const typOf = (form: Form): string => (form === 'vc claim' ? 'JWT' : 'vc+jwt');

interface JwtCase {
  name: string;
  alg: string;
  issuer: string;
  kid?: string;
  documents: Map<string, unknown>;
  sign: (header: Json, payload: Json) => Promise<string>;
}

const jose = (privateKey: KeyObject) => (header: Json, payload: Json) =>
  new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader(header as { alg: string }).sign(privateKey);

const ES384_DID = didJwk(ES384_KEY.publicJwk);
const EDDSA_DID = didJwk(EDDSA_KEY.publicJwk);
const ES256K_DID = didKey(ES256K_KEY).did;
const RSA_JWK = RSA.publicKey.export({ format: 'jwk' });

const JWT_CASES: JwtCase[] = [
  {
    name: 'ES384, did:jwk issuer, kid did:jwk:…#0',
    alg: 'ES384',
    issuer: ES384_DID,
    kid: `${ES384_DID}#0`,
    documents: new Map(),
    sign: jose(ES384_KEY.privateKey),
  },
  {
    name: 'ES256K (node:crypto), did:key secp256k1 issuer, kid did:key:zQ3s…#zQ3s…',
    alg: 'ES256K',
    issuer: ES256K_DID,
    kid: didKey(ES256K_KEY).method,
    documents: new Map(),
    sign: async (header, payload) =>
      nodeJws(header, payload, (input) => nodeSign('sha256', input, { key: ES256K_KEY.privateKey, dsaEncoding: 'ieee-p1363' })),
  },
  {
    name: 'RS256, did:web issuer listing the RSA JWK under assertionMethod',
    alg: 'RS256',
    issuer: RSA_WEB,
    kid: `${RSA_WEB}#key-1`,
    documents: published(RSA_WEB, {
      '@context': DID_CONTEXTS,
      id: RSA_WEB,
      verificationMethod: [{ id: `${RSA_WEB}#key-1`, type: 'JsonWebKey', controller: RSA_WEB, publicKeyJwk: RSA_JWK }],
      assertionMethod: [`${RSA_WEB}#key-1`],
    }),
    sign: jose(RSA.privateKey),
  },
  { name: 'EdDSA, did:jwk issuer, no kid', alg: 'EdDSA', issuer: EDDSA_DID, documents: new Map(), sign: jose(EDDSA_KEY.privateKey) },
];

describe.each(JWT_CASES)('VC-JWT $name', (c) => {
  const header = (form: Form): Json => ({ alg: c.alg, typ: typOf(form), ...(c.kid ? { kid: c.kid } : {}) });

  it.each(['vc claim', 'VC 2.0 JOSE'] as const)('in the %s form: valid, with proof.jwt, jwt.claims and issuer passed', async (form) => {
    if (c.alg === 'ES256K') expect(c.kid).toMatch(/^did:key:zQ3s\w+#zQ3s\w+$/);
    const token = await c.sign(header(form), payloadOf(obCredential(c.issuer), form));
    const report = await verify(token, c.documents);
    expectValid(report);
    expectStep(report, 'parse', 'passed', new RegExp(`\\(${c.alg}\\)$`));
    expectStep(report, 'proof.jwt', 'passed', new RegExp(`^The ${c.alg} signature is valid$`));
    expectStep(report, 'jwt.claims', 'passed');
    expectStep(report, 'issuer', 'passed');
    expect(report.credential?.['issuer']).toMatchObject({ id: c.issuer });
  });

  it.each(['vc claim', 'VC 2.0 JOSE'] as const)('in the %s form, iss is not the credential’s issuer → issuer failed', async (form) => {
    const token = await c.sign(header(form), payloadOf(obCredential(c.issuer), form, { iss: 'did:web:impostor.example' }));
    const report = await verify(token, c.documents);
    expect(report.verdict).toBe('invalid');
    expectStep(report, 'issuer', 'failed', /iss \(did:web:impostor\.example\) is not the credential's issuer/);
    // The signature itself is genuine: the token is refused for who it claims to be from.
    expectStep(report, 'proof.jwt', 'passed');
  });

  it('the payload changed after signing → proof.jwt failed', async () => {
    const token = await c.sign(header('vc claim'), payloadOf(obCredential(c.issuer), 'vc claim'));
    const [h, , s] = token.split('.');
    const forged = `${h}.${part(payloadOf(obCredential(c.issuer, { name: 'Another Badge' }), 'vc claim'))}.${s}`;
    const report = await verify(forged, c.documents);
    expect(report.verdict).toBe('invalid');
    expectStep(report, 'proof.jwt', 'failed', /does not (verify|match)/);
  });
});

describe('VC-JWTs whose algorithm or key is refused', () => {
  it('alg ES256 in the header on a P-384 key (did:jwk) → proof.jwt failed, naming the key type', async () => {
    const payload = payloadOf(obCredential(ES384_DID), 'vc claim');
    const token = nodeJws({ alg: 'ES256', typ: 'JWT', kid: `${ES384_DID}#0` }, payload, (input) =>
      nodeSign('sha256', input, { key: ES384_KEY.privateKey, dsaEncoding: 'ieee-p1363' }),
    );
    const report = await verify(token);
    expect(report.verdict).toBe('invalid');
    expectStep(report, 'proof.jwt', 'failed', /^The key is a P-384 key, which signs with ES384, not ES256$/);
  });

  it('alg ES256K in the header on a P-384 key → proof.jwt failed, naming the key type', async () => {
    const payload = payloadOf(obCredential(ES384_DID), 'vc claim');
    const token = nodeJws({ alg: 'ES256K', typ: 'JWT', kid: `${ES384_DID}#0` }, payload, (input) =>
      nodeSign('sha256', input, { key: ES384_KEY.privateKey, dsaEncoding: 'ieee-p1363' }),
    );
    const report = await verify(token);
    expect(report.verdict).toBe('invalid');
    expectStep(report, 'proof.jwt', 'failed', /P-384 key/);
  });

  it('RS256 with a 1024-bit RSA key → proof.jwt failed, under did:jwk and under a did:web that lists it', async () => {
    const jwk = RSA_1024.publicKey.export({ format: 'jwk' });
    const did = didJwk(jwk);
    const web = 'did:web:weak.wild.example';
    const documents = published(web, {
      '@context': DID_CONTEXTS,
      id: web,
      verificationMethod: [{ id: `${web}#key-1`, type: 'JsonWebKey', controller: web, publicKeyJwk: jwk }],
      assertionMethod: [`${web}#key-1`],
    });
    for (const [issuer, kid] of [
      [did, `${did}#0`],
      [web, `${web}#key-1`],
    ] as const) {
      const token = nodeJws({ alg: 'RS256', typ: 'JWT', kid }, payloadOf(obCredential(issuer), 'vc claim'), (input) =>
        nodeSign('sha256', input, RSA_1024.privateKey),
      );
      const report = await verify(token, documents);
      expect(report.verdict, show(report)).toBe('invalid');
      expectStep(report, 'proof.jwt', 'failed', /1024-bit RSA key; RSA keys need at least 2048 bits/);
    }
  });

  it('alg none and HS256 → proof.jwt failed', async () => {
    const payload = payloadOf(obCredential(EDDSA_DID), 'vc claim');
    const none = `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
    expectStep(await verify(none), 'proof.jwt', 'failed', /not signed at all/);
    const hs = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode('shared secret'));
    expectStep(await verify(hs), 'proof.jwt', 'failed', /HMAC/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 4. Embedded endorsements

describe('an OB 3.0 credential with an embedded EndorsementCredential', () => {
  const issuerKey = ed25519Key('endorsed issuer');
  const endorserKey = ed25519Key('endorser');
  const issuer = didKey(issuerKey);
  const endorser = didKey(endorserKey);

  /** The 1EdTech endorsement sample, by the endorser's did:key, with the given dates, signed by digitalbazaar. */
  async function endorsement(dates: { validFrom: string; validUntil: string }): Promise<Json> {
    const base = fixture('endorsement-valid.json');
    const signed = await issueEddsaRdfc(
      { ...base, issuer: { ...(base['issuer'] as Json), id: endorser.did }, ...dates },
      endorserKey,
      endorser.method,
    );
    // The OB 3.0 JSON Schema the sample names wants `proof` to be an array.
    return { ...signed, proof: [signed['proof']].flat() };
  }

  /** The endorsed credential, signed by its issuer with the endorsements embedded as they are. */
  const endorsed = (endorsements: Json[]) =>
    issueEddsaRdfc(obCredential(issuer.did, { endorsement: endorsements }), issuerKey, issuer.method);

  it('a current endorsement: outer valid, endorsement[0] passed, outcome verified', async () => {
    const report = await verify(
      await endorsed([await endorsement({ validFrom: '2025-01-01T00:00:00Z', validUntil: '2030-01-01T00:00:00Z' })]),
    );
    expectValid(report);
    expectStep(report, 'endorsement[0]', 'passed', /verified on its own/);
    expect(report.endorsements?.[0]).toMatchObject({ index: 0, outcome: 'verified' });
  });

  it('an expired endorsement: outer stays valid, endorsement[0] warning (expired), outcome expired', async () => {
    const expired = await endorsement({ validFrom: '2020-01-01T00:00:00Z', validUntil: '2025-01-01T00:00:00Z' });
    const report = await verify(await endorsed([expired]));
    expectValid(report);
    expectStep(report, 'proof', 'passed');
    expectStep(report, 'endorsement[0]', 'warning', /genuine, but expired on 2025-01-01T00:00:00Z/);
    expect(report.endorsements?.[0]?.outcome).toBe('expired');
    expect(report.endorsements?.[0]?.credential).toMatchObject({ id: expired['id'], validUntil: '2025-01-01T00:00:00Z' });
  });

  it('a forged endorsement (its comment changed after the endorser signed): outer stays valid, endorsement[0] warning (not shown), outcome rejected with no credential', async () => {
    const genuine = await endorsement({ validFrom: '2025-01-01T00:00:00Z', validUntil: '2030-01-01T00:00:00Z' });
    const forged = edited(genuine, (d) => ((d['credentialSubject'] as Json)['endorsementComment'] = 'The best university in the world'));
    const report = await verify(await endorsed([forged]));
    expectValid(report);
    expectStep(report, 'proof', 'passed');
    expectStep(report, 'endorsement[0]', 'warning', /is not shown: proof: .*does not/);
    expect(report.endorsements?.[0]).toEqual({ index: 0, outcome: 'rejected', credential: null });
  });

  it('a forged endorsement (its signature bytes broken): outer stays valid, endorsement[0] warning (not shown), outcome rejected with no credential', async () => {
    const genuine = await endorsement({ validFrom: '2025-01-01T00:00:00Z', validUntil: '2030-01-01T00:00:00Z' });
    const forged = edited(genuine, (d) => {
      const proof = (d['proof'] as Json[])[0] as Json;
      const value = String(proof['proofValue']);
      // Swap two base58 digits in the middle: still a 64-byte signature, no longer the endorser's.
      const i = Math.floor(value.length / 2);
      proof['proofValue'] = `${value.slice(0, i)}${value[i + 1]}${value[i]}${value.slice(i + 2)}`;
    });
    expect(((forged['proof'] as Json[])[0] as Json)['proofValue']).not.toBe(((genuine['proof'] as Json[])[0] as Json)['proofValue']);
    const report = await verify(await endorsed([forged]));
    expectValid(report);
    expectStep(report, 'endorsement[0]', 'warning', /An endorsement claiming to be by State Department of Education is not shown: proof: /);
    expect(report.endorsements?.[0]).toEqual({ index: 0, outcome: 'rejected', credential: null });
  });
});
