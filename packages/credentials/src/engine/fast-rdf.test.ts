// The fast JSON → RDF path must give exactly jsonld.js's canonical N-Quads, or step aside.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { documentLoader } from './contexts.js';
import { canonize, canonizeWithPath, seedSigner, signDataIntegrity } from './data-integrity.js';
import { lossyNumbers } from './jsonld-safety.js';
import { multikeyFromEd25519 } from './multikey.js';

type Json = Record<string, unknown>;
const loader = documentLoader();
const reference = (doc: unknown) =>
  jsonld.canonize(doc, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: loader, safe: true });
const FIXTURES = new URL('../../test/fixtures/', import.meta.url);

function jsonFixtures(): Array<[string, Json]> {
  const out: Array<[string, Json]> = [];
  for (const dir of ['1edtech-validator/ob30/', '1edtech-validator/ob30/bit-string-list/', '1edtech-validator/clr20/']) {
    for (const f of readdirSync(new URL(dir, FIXTURES)).filter((n) => n.endsWith('.json'))) {
      out.push([`${dir}${f}`, JSON.parse(readFileSync(new URL(`${dir}${f}`, FIXTURES), 'utf8')) as Json]);
    }
  }
  const vector = JSON.parse(readFileSync(new URL('ob3-spec-test-vector/obv3p0/test-vector.json', FIXTURES), 'utf8')) as {
    unsignedCredential: Json;
    signedCredential: Json;
  };
  out.push(['spec vector (unsigned)', vector.unsignedCredential]);
  return out;
}

/** Documents as the proof suites canonicalise them: without `proof`, and each proof configuration. */
function canonicalisationInputs(doc: Json): Json[] {
  const { proof, ...rest } = doc;
  const configs = ([] as unknown[]).concat(proof ?? []).map((p) => {
    const { proofValue: _ignored, ...config } = p as Json;
    return { ...config, '@context': doc['@context'] };
  });
  return [rest, ...configs];
}

describe('fast JSON → RDF path', () => {
  it('matches jsonld.js on every fixture, or falls back', async () => {
    let fast = 0;
    let total = 0;
    const fellBack: string[] = [];
    for (const [name, doc] of jsonFixtures()) {
      for (const input of canonicalisationInputs(doc)) {
        let expected: string | null;
        try {
          expected = await reference(input);
        } catch {
          expected = null; // jsonld.js refuses it (safe mode); so must we
        }
        total += 1;
        const ours = await canonizeWithPath(input, loader).catch(() => null);
        if (expected === null) {
          expect(ours, `${name} must be refused`).toBeNull();
          total -= 1;
          continue;
        }
        expect(ours?.nquads, name).toBe(expected);
        if (ours?.path === 'fast') fast += 1;
        else fellBack.push(name);
      }
    }
    // Most inputs take the fast path; the rest (unsupported constructs, unbundled contexts) fall back.
    expect(total).toBeGreaterThan(40);
    expect(fast / total, `fell back: ${fellBack.join(', ')}`).toBeGreaterThan(0.9);
  });

  it('matches jsonld.js on 2,000 generated OB 3.0 credentials', async () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('', ' ', 'a "quoted" \\ line\nbreak', 'émoji 🎓 ✓', '<b>html</b>'),
    );
    const iri = fc.oneof(
      fc.webUrl(),
      fc.uuid().map((u) => `urn:uuid:${u}`),
      fc.stringMatching(/^[a-z0-9]{4,12}$/).map((s) => `did:example:${s}`),
    );
    const level = fc.record(
      {
        id: iri,
        type: fc.constant(['RubricCriterionLevel']),
        name: text,
        description: fc.option(text, { nil: undefined }),
        points: fc.option(fc.integer({ min: 0, max: 10 }).map(String), { nil: undefined }),
      },
      { requiredKeys: ['id', 'type', 'name'] },
    );
    const credential = fc.record(
      {
        id: iri,
        name: text,
        description: fc.option(text, { nil: undefined }),
        validFrom: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
        validUntil: fc.option(
          fc.date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
          { nil: undefined },
        ),
        issuerId: iri,
        issuerName: text,
        subjectId: fc.option(iri, { nil: undefined }),
        achievementId: iri,
        achievementName: text,
        narrative: text,
        credits: fc.option(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0.5, max: 99, noNaN: true })), { nil: undefined }),
        hashed: fc.boolean(),
        levels: fc.array(level, { minLength: 0, maxLength: 4 }),
        alignments: fc.array(
          fc.record(
            { targetName: text, targetUrl: fc.webUrl(), targetCode: fc.option(text, { nil: undefined }) },
            { requiredKeys: ['targetName', 'targetUrl'] },
          ),
          { maxLength: 3 },
        ),
        evidence: fc.array(
          fc.record(
            { id: fc.option(iri, { nil: undefined }), name: text, narrative: fc.option(text, { nil: undefined }) },
            { requiredKeys: ['name'] },
          ),
          { maxLength: 3 },
        ),
        extra: fc.option(text, { nil: undefined }),
      },
      {
        requiredKeys: [
          'id',
          'name',
          'validFrom',
          'issuerId',
          'issuerName',
          'achievementId',
          'achievementName',
          'narrative',
          'hashed',
          'levels',
          'alignments',
          'evidence',
        ],
      },
    );
    type Generated = typeof credential extends fc.Arbitrary<infer T> ? T : never;
    const build = (c: Generated): Json => {
      const drop = (o: Json) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
      return drop({
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        id: c.id,
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        name: c.name,
        description: c.description,
        issuer: { id: c.issuerId, type: ['Profile'], name: c.issuerName },
        validFrom: c.validFrom,
        validUntil: c.validUntil,
        credentialSubject: drop({
          id: c.subjectId,
          type: ['AchievementSubject'],
          identifier: c.subjectId
            ? undefined
            : [{ type: 'IdentityObject', hashed: c.hashed, identityHash: 'sha256$abc', identityType: 'emailAddress', salt: 'pepper' }],
          achievement: drop({
            id: c.achievementId,
            type: ['Achievement'],
            name: c.achievementName,
            criteria: { narrative: c.narrative },
            creditsAvailable: c.credits,
            alignment: c.alignments.length ? c.alignments.map((a) => drop({ type: ['Alignment'], ...a })) : undefined,
            resultDescription: c.levels.length
              ? [
                  {
                    id: `${c.achievementId}#criterion`,
                    type: ['ResultDescription'],
                    name: 'Criterion',
                    resultType: 'RubricCriterionLevel',
                    rubricCriterionLevel: c.levels.map((l) => drop(l)),
                  },
                ]
              : undefined,
          }),
          result: c.levels.length
            ? [{ type: ['Result'], resultDescription: `${c.achievementId}#criterion`, achievedLevel: c.levels[0]?.id }]
            : undefined,
        }),
        evidence: c.evidence.length ? c.evidence.map((e) => drop({ type: ['Evidence'], ...e })) : undefined,
        awardedDate: c.extra === undefined ? undefined : c.validFrom,
      });
    };
    let fast = 0;
    await fc.assert(
      fc.asyncProperty(credential, async (c) => {
        const doc = build(c);
        const expected = await reference(doc);
        const ours = await canonizeWithPath(doc, loader);
        expect(ours.nquads).toBe(expected);
        if (ours.path === 'fast') fast += 1;
      }),
      { numRuns: 2000 },
    );
    expect(fast).toBe(2000);
  }, 300_000);
});

const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

/** An OB 3.0 achievement with one creditsAvailable value (typed https://www.w3.org/2001/XMLSchema#float by the OB context). */
const achievement = (credits: unknown) => ({
  '@context': [V2, OB],
  id: 'urn:example:achievement',
  type: ['Achievement'],
  name: 'A',
  criteria: { narrative: 'n' },
  creditsAvailable: credits,
});
const objectOf = (nquads: string, predicate: string) =>
  nquads
    .split('\n')
    .find((line) => line.includes(predicate))
    ?.split(`<${predicate}> `)[1]
    ?.replace(/ \.$/, '');

describe("numbers and booleans, formatted by jsonld.js's rules on the fast path", () => {
  // jsonld.js (lib/toRdf.js) writes a native number as a double only when String(n) has a "." or |n| ≥ 1e21,
  // and otherwise as n.toFixed(0), whatever the datatype: so 1e-7 becomes "0". Before this was matched, the
  // fast path wrote "1.0E-7" and signed credentials @digitalbazaar/vc rejected.
  const FLOAT = '<https://www.w3.org/2001/XMLSchema#float>';
  const cases: Array<[number | boolean | string, string]> = [
    [1e-7, `"0"^^${FLOAT}`],
    [3e-7, `"0"^^${FLOAT}`],
    [1.5e-7, `"1.5E-7"^^${FLOAT}`],
    [5, `"5"^^${FLOAT}`],
    [-0, `"0"^^${FLOAT}`],
    [1.5, `"1.5E0"^^${FLOAT}`],
    [1e21, `"1.0E21"^^${FLOAT}`],
    [1e20, `"100000000000000000000"^^${FLOAT}`],
    [2 ** 60, `"1152921504606846976"^^${FLOAT}`],
    [2 ** 53 + 2, `"9007199254740994"^^${FLOAT}`],
    [true, `"true"^^${FLOAT}`],
    ['1e-7', `"1e-7"^^${FLOAT}`],
  ];
  for (const [value, expected] of cases) {
    it(`creditsAvailable: ${Object.is(value, -0) ? '-0' : JSON.stringify(value)} → ${expected}`, async () => {
      const doc = achievement(value);
      const ours = await canonizeWithPath(doc, loader);
      expect(ours.path).toBe('fast');
      expect(objectOf(ours.nquads, 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsAvailable')).toBe(expected);
      expect(ours.nquads).toBe(await reference(doc));
    });
  }

  it('under xsd:double, xsd:integer, xsd:decimal, xsd:dateTime and xsd:boolean, and untyped', async () => {
    const types = { dbl: `${XSD}double`, int: `${XSD}integer`, dec: `${XSD}decimal`, when: `${XSD}dateTime`, yes: `${XSD}boolean` };
    const context = Object.fromEntries([
      ...Object.entries(types).map(([term, type]) => [term, { '@id': `https://x.example/${term}`, '@type': type }]),
      ['plain', 'https://x.example/plain'],
    ]);
    const values = [0, -0, 1, 1e-7, 1.5, 1e21, 2 ** 60, true, false, '5', 'x'];
    const doc = {
      '@context': [V2, context],
      id: 'urn:example:1',
      type: 'VerifiableCredential',
      ...Object.fromEntries([...Object.keys(types), 'plain'].map((term) => [term, values])),
    };
    const ours = await canonizeWithPath(doc, loader);
    expect(ours.path).toBe('fast');
    expect(ours.nquads).toBe(await reference(doc));
    // A native integer under xsd:double is written as a double; a string under it is parsed first.
    expect(ours.nquads).toContain(`<https://x.example/dbl> "1.0E0"^^<${XSD}double>`);
    expect(ours.nquads).toContain(`<https://x.example/dbl> "NaN"^^<${XSD}double>`);
    expect(ours.nquads).toContain(`<https://x.example/plain> "1.0E21"^^<${XSD}double>`);
    expect(ours.nquads).toContain(`<https://x.example/plain> "true"^^<${XSD}boolean>`);
  });

  it('keeps the duplicates jsonld.js keeps: values equal as RDF but different as JSON', async () => {
    const doc = {
      '@context': [V2, { n: { '@id': 'https://x.example/n', '@type': `${XSD}integer` } }],
      id: 'urn:example:1',
      type: 'VerifiableCredential',
      n: [5, '5', 5, 0, -0, 1e-7],
    };
    const ours = await canonizeWithPath(doc, loader);
    expect(ours.path).toBe('fast');
    expect(ours.nquads).toBe(await reference(doc));
    expect(ours.nquads.split('\n').filter((line) => line.includes('"5"')).length).toBe(2);
    expect(ours.nquads.split('\n').filter((line) => line.includes('"0"')).length).toBe(2);
  });
});

describe("the fast path's caches", () => {
  it('a nested inline @context changed in place between calls is read afresh', async () => {
    const inner: Record<string, unknown> = { nickname: 'https://x.example/nickname' };
    const doc = {
      '@context': [V2],
      id: 'urn:example:1',
      type: 'VerifiableCredential',
      credentialSubject: { '@context': inner, id: 'did:example:s', nickname: 'Al' },
    };
    expect(await canonize(doc, loader)).toContain('<https://x.example/nickname>');
    inner['nickname'] = 'https://x.example/alias';
    const after = await canonizeWithPath(doc, loader);
    expect(after.nquads).toContain('<https://x.example/alias>');
    expect(after.nquads).toBe(await reference(doc));
  });

  it('a refused inline context does not poison later documents (jsonld.js 9 shares one events array per @context array)', async () => {
    await expect(
      canonize({ '@context': [V2, { '@reserved': 'https://x.example/r' }], id: 'urn:example:1', type: 'VerifiableCredential' }, loader),
    ).rejects.toThrow(/reserved term/);
    const next = { '@context': [V2, { fresh: 'https://x.example/fresh' }], id: 'urn:example:2', type: 'VerifiableCredential', fresh: 1 };
    const ours = await canonizeWithPath(next, loader);
    expect(ours.path).toBe('fast');
    expect(ours.nquads).toBe(await reference(next));
  });
});

describe('what the fast path signs verifies with @digitalbazaar/vc', () => {
  it('50 generated OB 3.0 credentials with awkward numbers and booleans in typed fields (creditsAvailable: 1e-7 among them)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const multikey = multikeyFromEd25519(Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url'));
    const did = `did:key:${multikey}`;
    const method = `${did}#${multikey}`;
    const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
    const oracleLoader = async (url: string) => {
      if (url.startsWith('did:key:')) {
        const vm = {
          '@context': 'https://w3id.org/security/multikey/v1',
          id: method,
          type: 'Multikey',
          controller: did,
          publicKeyMultibase: multikey,
        };
        return {
          contextUrl: null,
          documentUrl: url,
          document: url.includes('#')
            ? vm
            : {
                '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
                id: did,
                verificationMethod: [vm],
                assertionMethod: [method],
              },
        };
      }
      return loader(url);
    };
    const awkward = fc.oneof(
      fc.constantFrom(1e-7, 3e-7, 1.5e-7, 1e-6, 0, -0, 1, 1.5, 0.1, 1e20, 1e21, 1e22, 2 ** 53 + 2, 2 ** 60, 5e-324, 123456789.125),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
    );
    const generated = fc.sample(
      fc.record({
        credits: awkward,
        earned: fc.option(awkward, { nil: undefined }),
        hashed: fc.boolean(),
        started: fc.option(fc.oneof(awkward, fc.constant('2024-01-01')), { nil: undefined }),
        name: fc.string({ maxLength: 12 }),
      }),
      { seed: 20_261_124, numRuns: 49 },
    );
    const inputs = [{ credits: 1e-7, earned: 1e-7, hashed: true, started: undefined, name: 'The 1e-7 case' }, ...generated];
    const drop = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    let verified = 0;
    let refused = 0;
    for (const [i, c] of inputs.entries()) {
      const unsigned = {
        '@context': [V2, OB],
        id: `urn:uuid:6e1a1f36-0000-4000-8000-${String(i).padStart(12, '0')}`,
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: did, type: ['Profile'], name: 'Issuer' },
        validFrom: '2024-01-01T00:00:00Z',
        name: c.name,
        credentialSubject: drop({
          type: ['AchievementSubject'],
          identifier: [
            { type: 'IdentityObject', hashed: c.hashed, identityHash: 'sha256$abc', identityType: 'emailAddress', salt: 'pepper' },
          ],
          creditsEarned: c.earned,
          activityStartDate: c.started,
          achievement: {
            id: 'urn:example:achievement',
            type: ['Achievement'],
            name: 'A',
            criteria: { narrative: 'n' },
            creditsAvailable: c.credits,
          },
        }),
      };
      // What is signed is what the fast path canonicalises.
      expect((await canonizeWithPath(unsigned, loader)).path).toBe('fast');
      if (lossyNumbers(unsigned).length > 0) {
        // jsonld.js writes 1e-7 as "0": the signature could not protect the value, so we refuse to sign it.
        await expect(
          signDataIntegrity(unsigned, { signer: seedSigner(seed, method), created: '2024-01-01T00:00:00Z', loader }),
        ).rejects.toThrow(/lossy number/);
        refused += 1;
        continue;
      }
      const signed = await signDataIntegrity(unsigned, { signer: seedSigner(seed, method), created: '2024-01-01T00:00:00Z', loader });
      const result = await vc.verifyCredential({
        credential: signed,
        suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
        documentLoader: oracleLoader,
        checkStatus: async () => ({ verified: true }),
      });
      expect(result.verified, `${JSON.stringify(c)}: ${JSON.stringify(result.error)}`).toBe(true);
      verified += 1;
    }
    expect(refused).toBeGreaterThanOrEqual(1);
    expect(verified).toBeGreaterThanOrEqual(25);
    expect(verified + refused).toBe(50);
  }, 120_000);

  it('1e-7 and 3e-7 canonicalise alike, so the signer refuses such numbers and the verifier does not vouch for them', async () => {
    const doc = (n: number) => ({
      '@context': [V2, OB],
      id: 'urn:example:n',
      type: ['VerifiableCredential', 'Achievement'],
      creditsAvailable: n,
    });
    expect(await canonize(doc(1e-7), loader)).toBe(await canonize(doc(3e-7), loader));
    expect(lossyNumbers(doc(1e-7))).toEqual([{ path: '/creditsAvailable', value: 1e-7 }]);
    expect(lossyNumbers(doc(1.5e-7))).toEqual([]);
    expect(lossyNumbers(doc(0.5))).toEqual([]);
  });
});
