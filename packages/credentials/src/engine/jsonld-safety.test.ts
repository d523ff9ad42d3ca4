// JSON-LD strictness: canonicalisation refuses exactly what jsonld.js safe mode refuses, with a JSON Pointer,
// on the fast path and on the jsonld.js path; a context that cannot be loaded stays a plain error.
import { generateKeyPairSync } from 'node:crypto';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { documentLoader } from './contexts.js';
import { canonize, canonizeWithPath, hashData, signDataIntegrity, seedSigner, verifyEd25519RdfcProof } from './data-integrity.js';
import { fastDataset } from './fast-rdf.js';
import { JsonLdSafetyError, jsonLdFailure, lossyNumbers, pointer } from './jsonld-safety.js';
import { multikeyFromEd25519 } from './multikey.js';

type Json = Record<string, unknown>;
const loader = documentLoader();
const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const reference = (doc: unknown) =>
  jsonld.canonize(doc, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: loader, safe: true });

/** jsonld.js's own error code for a document it refuses (the safe-mode event's code, or the syntax error's). */
async function jsonldRefusal(doc: unknown): Promise<string> {
  try {
    await reference(doc);
  } catch (e) {
    const details = (e as { details?: { code?: string; event?: { code?: string } } }).details;
    return details?.event?.code ?? details?.code ?? String(e);
  }
  throw new Error('jsonld.js accepted the document');
}

/** What canonize() throws (it must throw). */
async function refusal(doc: unknown): Promise<unknown> {
  try {
    await canonize(doc, loader);
  } catch (e) {
    return e;
  }
  throw new Error('canonize() accepted the document');
}

function credential(subject: Json, context: unknown[] = [V2, OB]): Json {
  return {
    '@context': context,
    id: 'urn:uuid:6e1a1f36-0000-4000-8000-000000000001',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'did:example:issuer', type: ['Profile'], name: 'Issuer' },
    validFrom: '2024-01-01T00:00:00Z',
    name: 'Badge',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: { id: 'urn:example:achievement', type: ['Achievement'], name: 'A', criteria: { narrative: 'n' } },
      ...subject,
    },
  };
}

describe('JsonLdSafetyError', () => {
  it('carries a JSON Pointer and a reason, and reads as one sentence', () => {
    const e = new JsonLdSafetyError('/credentialSubject', '"@id" and "id" both give the node\'s id (colliding keywords)');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('JsonLdSafetyError');
    expect(e.path).toBe('/credentialSubject');
    expect(e.reason).toContain('colliding keywords');
    expect(e.message).toBe('JSON-LD is not strict at /credentialSubject: "@id" and "id" both give the node\'s id (colliding keywords)');
    expect(new JsonLdSafetyError('', 'x (empty object)').message).toBe('JSON-LD is not strict at the document root: x (empty object)');
  });

  it('escapes "~" and "/" in pointer segments (RFC 6901)', () => {
    expect(pointer('', 'credentialSubject')).toBe('/credentialSubject');
    expect(pointer('/a', 'https://x/y~z')).toBe('/a/https:~1~1x~1y~0z');
    expect(pointer('/a', 2)).toBe('/a/2');
  });
});

/** Documents jsonld.js safe mode refuses, with jsonld.js's code and the pointer we report. */
const REFUSED: Array<{ name: string; doc: Json; code: string; path: string; reason: RegExp }> = [
  {
    name: '"@id" next to "id" (keyword collision)',
    doc: credential({ '@id': 'did:example:alice', id: 'did:example:mallory' }),
    code: 'colliding keywords',
    path: '/credentialSubject',
    reason: /^"@id" and "id" both give the node's id \(colliding keywords\)$/,
  },
  {
    name: 'two aliases of @id from an inline context',
    doc: { '@context': [V2, { ident: '@id' }], id: 'urn:a', ident: 'urn:b', type: 'VerifiableCredential', name: 'x' },
    code: 'colliding keywords',
    path: '',
    reason: /"id" and "ident" both give the node's id/,
  },
  {
    name: 'a term no context defines (VC 1.1 has no @vocab)',
    doc: {
      '@context': [V1],
      id: 'urn:a',
      type: ['VerifiableCredential'],
      issuer: 'did:example:i',
      issuanceDate: '2024-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:s', degree: 'BSc' },
    },
    code: 'invalid property',
    path: '/credentialSubject/degree',
    reason: /"degree" is not defined by any context/,
  },
  {
    name: 'a term mapped to null by an inline context',
    doc: { ...credential({}, [V2, OB, { nickname: null }]), nickname: 'Al' },
    code: 'invalid property',
    path: '/nickname',
    reason: /"nickname" is not defined by any context/,
  },
  {
    name: 'a protected term redefined inline',
    doc: credential({}, [V2, OB, { name: 'https://evil.example/name' }]),
    code: 'protected term redefinition',
    path: '/@context/2/name',
    reason: /^the protected term "name" is redefined \(protected term redefinition\)$/,
  },
  {
    name: 'a relative subject id',
    doc: credential({ id: 'alice' }),
    code: 'relative @id reference',
    path: '/credentialSubject/id',
    reason: /the id "alice" is not an absolute IRI/,
  },
  {
    name: 'an id that looks like a keyword',
    doc: credential({ id: '@alice' }),
    code: 'reserved @id value',
    path: '/credentialSubject/id',
    reason: /reserved @id value/,
  },
  {
    name: 'a relative type',
    doc: { ...credential({}), type: ['VerifiableCredential', 'Badge'] },
    code: 'relative @type reference',
    path: '/type/1',
    reason: /the type "Badge" is not an absolute IRI/,
  },
  {
    name: 'a relative IRI in an @id-typed value',
    doc: { ...credential({}), issuer: 'issuers/1' },
    code: 'relative object reference',
    path: '/issuer',
    reason: /"issuers\/1" is not absolute/,
  },
  {
    name: 'a relative IRI in an @vocab-typed value',
    doc: {
      '@context': [V2, { kind: { '@id': 'https://x.example/kind', '@type': '@vocab' } }],
      id: 'urn:a',
      type: 'VerifiableCredential',
      kind: 'Gold',
    },
    code: 'relative object reference',
    path: '/kind',
    reason: /"Gold" is not absolute/,
  },
  {
    name: 'a relative @vocab',
    doc: { '@context': [V2, { '@vocab': 'terms/' }], id: 'urn:a', type: 'VerifiableCredential', kind: 'Gold' },
    code: 'relative @vocab reference',
    path: '/@context/1/@vocab',
    reason: /@vocab "terms\/" is not an absolute IRI/,
  },
  {
    name: 'a property that expands to a relative IRI',
    doc: { '@context': [V2, { '@vocab': 'https://x.example/' }], id: 'urn:a', type: 'VerifiableCredential', 'has space': 1 },
    code: 'invalid property',
    path: '/has space',
    reason: /"has space" is not defined/,
  },
  {
    name: 'a property that expands to a blank node',
    doc: { '@context': [V2, { secret: '_:p' }], id: 'urn:a', type: 'VerifiableCredential', secret: 'x' },
    code: 'blank node predicate',
    path: '/secret',
    reason: /blank node predicate/,
  },
  {
    name: 'a non-string id',
    doc: credential({ id: 42 }),
    code: 'invalid @id value',
    path: '/credentialSubject/id',
    reason: /invalid @id value/,
  },
  {
    name: 'a top-level object with only an id',
    doc: { '@context': [V2], id: 'urn:a' },
    code: 'object with only @id',
    path: '',
    reason: /object with only @id/,
  },
  {
    name: 'a reserved term in an inline context',
    doc: credential({}, [V2, OB, { '@secret': 'https://x.example/s' }]),
    code: 'reserved term',
    path: '/@context/2/@secret',
    reason: /reserved term/,
  },
];

describe('the fast path refuses what jsonld.js safe mode refuses, at the right place', () => {
  for (const { name, doc, code, path, reason } of REFUSED) {
    it(name, async () => {
      // The oracle: jsonld.js refuses it, for this reason.
      expect(await jsonldRefusal(doc)).toBe(code);
      // The fast path decides it itself (no jsonld.js call), with the pointer.
      const fast = await fastDataset(doc).catch((e: unknown) => e);
      expect(fast).toBeInstanceOf(JsonLdSafetyError);
      const e = await refusal(doc);
      expect(e).toBeInstanceOf(JsonLdSafetyError);
      expect((e as JsonLdSafetyError).path).toBe(path);
      expect((e as JsonLdSafetyError).reason).toMatch(reason);
    });
  }

  it('"@type" next to "type" is refused too, on both paths, although jsonld.js merges the two (a stricter rule than jsonld.js)', async () => {
    const doc = { ...credential({}), '@type': 'https://types.example/Extra' };
    // jsonld.js (JSON-LD 1.1) merges the types of both keys: it accepts the document.
    expect(await reference(doc)).toContain('<https://types.example/Extra>');
    const e = await refusal(doc);
    expect(e).toBeInstanceOf(JsonLdSafetyError);
    expect((e as JsonLdSafetyError).path).toBe('');
    expect((e as JsonLdSafetyError).reason).toBe('"@type" and "type" both give the node\'s types (colliding keywords)');
    // Also where the fast path leaves the document to jsonld.js (a @list elsewhere), and in a nested node.
    const nested = {
      ...credential({ '@type': ['AchievementSubject'] }, [V2, OB, { aaa: { '@id': 'https://x.example/aaa', '@container': '@list' } }]),
      aaa: ['x'],
    };
    expect(await reference(nested)).toContain('AchievementSubject');
    const fast = await fastDataset(nested);
    expect('declined' in fast && fast.declined).toMatch(/container @list/);
    const e2 = await refusal(nested);
    expect(e2).toBeInstanceOf(JsonLdSafetyError);
    expect((e2 as JsonLdSafetyError).path).toBe('/credentialSubject');
    expect((e2 as JsonLdSafetyError).reason).toMatch(/"@type" and "type" both give the node's types/);
  });

  it('a single key for each keyword is fine, whatever its name', async () => {
    const doc = { '@context': [V2, { kind: '@type', ident: '@id' }], ident: 'urn:a', kind: 'VerifiableCredential', name: 'x' };
    const result = await canonizeWithPath(doc, loader);
    expect(result.path).toBe('fast');
    expect(result.nquads).toBe(await reference(doc));
  });
});

describe('jsonld.js refusals on the fallback path become JsonLdSafetyErrors with the best pointer', () => {
  /** A @list value (which the fast path leaves to jsonld.js) sorted before the problem, so jsonld.js decides. */
  const withList = (doc: Json, context: Json): Json => ({ ...doc, '@context': [...(doc['@context'] as unknown[]), context], aaa: ['x'] });
  const listTerm = { aaa: { '@id': 'https://x.example/aaa', '@container': '@list' } };

  for (const { name, doc, code, path } of REFUSED.filter(
    (r) =>
      ![
        'a protected term redefined inline',
        'a reserved term in an inline context',
        'a relative @vocab',
        'a top-level object with only an id',
      ].includes(r.name),
  )) {
    it(name, async () => {
      const input = withList(doc, listTerm);
      expect(await jsonldRefusal(input)).toBe(code);
      const fast = await fastDataset(input);
      expect('declined' in fast && fast.declined).toMatch(/container @list/);
      const e = await refusal(input);
      expect(e).toBeInstanceOf(JsonLdSafetyError);
      expect((e as JsonLdSafetyError).reason).toContain(`(${code})`);
      expect((e as JsonLdSafetyError).path).toBe(path);
    });
  }

  it('locates jsonld.js errors in the document by their details', async () => {
    const doc = {
      '@context': [V1],
      id: 'urn:a',
      type: ['VerifiableCredential'],
      credentialSubject: { id: 'did:example:s', 'nested/key': 1 },
    };
    const error = await reference(doc).catch((e: unknown) => e);
    const translated = jsonLdFailure(error, doc);
    expect(translated).toBeInstanceOf(JsonLdSafetyError);
    expect((translated as JsonLdSafetyError).path).toBe('/credentialSubject/nested~1key');
    expect((translated as JsonLdSafetyError).cause).toBe(error);
  });

  it('leaves errors that are not about JSON-LD content as they are', () => {
    const other = new TypeError('boom');
    expect(jsonLdFailure(other, {})).toBe(other);
  });
});

describe('a context that cannot be loaded is not a strictness failure', () => {
  it('stays an Error naming the context, "not available offline", on both paths', async () => {
    const missing = 'https://contexts.example/not-bundled/v1';
    for (const doc of [
      credential({}, [V2, OB, missing]),
      { ...credential({}), credentialSubject: { '@context': missing, id: 'did:example:s', type: 'Thing' } },
    ]) {
      const e = await refusal(doc);
      expect(e).not.toBeInstanceOf(JsonLdSafetyError);
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).message).toContain(`${missing} could not be loaded`);
      expect((e as Error).message).toMatch(/not available offline/);
    }
  });

  it('but a strictness failure jsonld.js meets before the missing context is still one', async () => {
    const doc = {
      ...credential({}, [V1]),
      aaa: 'undefined term',
      zzz: { '@context': 'https://contexts.example/not-bundled/v1', id: 'urn:z' },
    };
    expect(await jsonldRefusal(doc)).toBe('invalid property');
    const e = await refusal(doc);
    expect(e).toBeInstanceOf(JsonLdSafetyError);
    expect((e as JsonLdSafetyError).path).toBe('/aaa');
  });
});

describe('proof configurations', () => {
  it('a proof configuration that is not strict JSON-LD fails the proof, not the credential: a plain Error naming it', async () => {
    // Ed25519Signature2020's terms (created, proofPurpose, …) are not defined by VC 2.0 + OB 3.0.
    const config = {
      type: 'Ed25519Signature2020',
      created: '2024-01-01T00:00:00Z',
      verificationMethod: 'did:example:issuer#key',
      proofPurpose: 'assertionMethod',
    };
    const e = await hashData(credential({}), config, loader).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(JsonLdSafetyError);
    expect((e as Error).message).toMatch(
      /^The proof configuration is not strict JSON-LD at \/created: "created" is not defined by any context/,
    );
    expect((e as Error).cause).toBeInstanceOf(JsonLdSafetyError);
  });

  it('but a credential that is not strict is reported as such, before its proof configuration', async () => {
    const config = { type: 'Ed25519Signature2020', created: '2024-01-01T00:00:00Z' };
    const e = await hashData(credential({ '@id': 'did:example:a', id: 'did:example:b' }), config, loader).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(JsonLdSafetyError);
    expect((e as JsonLdSafetyError).path).toBe('/credentialSubject');
  });
});

describe('adversarial: the keyword-collision forgery', () => {
  it('a signed credential with "@id" added next to a changed "id" no longer verifies: canonicalisation refuses it', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const multikey = multikeyFromEd25519(Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url'));
    const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
    const unsigned = credential({ id: 'did:example:alice' });
    const signed = await signDataIntegrity(unsigned, {
      signer: seedSigner(seed, `did:key:${multikey}#${multikey}`),
      created: '2024-01-01T00:00:00Z',
      loader,
    });
    const proof = (signed['proof'] as Json[])[0] as Json;
    expect(await verifyEd25519RdfcProof(signed, proof, publicKey, loader)).toMatchObject({ verified: true });

    // The forgery: the original subject moves to "@id" (which sorts first, so a reader of one key sees it), and
    // "id" — the key every application displays — names someone else.
    const forged = {
      ...signed,
      credentialSubject: { ...(signed['credentialSubject'] as Json), '@id': 'did:example:alice', id: 'did:example:mallory' },
    };
    const e = await verifyEd25519RdfcProof(forged, proof, publicKey, loader).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(JsonLdSafetyError);
    expect((e as JsonLdSafetyError).path).toBe('/credentialSubject');
    expect((e as JsonLdSafetyError).message).toContain('colliding keywords');
    // jsonld.js (what @digitalbazaar/vc runs) refuses the same document.
    expect(await jsonldRefusal(forged)).toBe('colliding keywords');
  });
});

describe('lossy numbers in frozen parts of a document', () => {
  const freeze = <T>(v: T): T => {
    if (v && typeof v === 'object') {
      Object.values(v).forEach(freeze);
      Object.freeze(v);
    }
    return v;
  };

  it('a frozen clean part is looked through once; a lossy number beside it, or inside another frozen part, is still found', () => {
    const clean = freeze({ name: 'A', creditsAvailable: 2.5, levels: [{ points: 3 }] });
    expect(lossyNumbers({ achievement: clean })).toEqual([]);
    expect(lossyNumbers({ achievement: clean, credits: 1e-7 })).toEqual([{ path: '/credits', value: 1e-7 }]);
    const lossy = freeze({ name: 'B', levels: [{ points: 2e-8 }] });
    for (let i = 0; i < 2; i++)
      expect(lossyNumbers({ achievement: lossy })).toEqual([{ path: '/achievement/levels/0/points', value: 2e-8 }]);
    const half = Object.freeze({ inner: { points: 1 } });
    expect(lossyNumbers({ a: half })).toEqual([]);
    half.inner.points = 3e-7;
    expect(lossyNumbers({ a: half }), 'an object frozen only on the outside is looked through again').toEqual([
      { path: '/a/inner/points', value: 3e-7 },
    ]);
  });
});
