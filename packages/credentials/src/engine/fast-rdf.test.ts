// The fast JSON → RDF path must give exactly jsonld.js's canonical N-Quads, or step aside.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { documentLoader } from './contexts.js';
import { canonizeWithPath } from './data-integrity.js';

type Json = Record<string, unknown>;
const loader = documentLoader();
const reference = (doc: unknown) => jsonld.canonize(doc, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: loader, safe: true });
const FIXTURES = new URL('../../test/fixtures/', import.meta.url);

function jsonFixtures(): Array<[string, Json]> {
  const out: Array<[string, Json]> = [];
  for (const dir of ['1edtech-validator/ob30/', '1edtech-validator/ob30/bit-string-list/', '1edtech-validator/clr20/']) {
    for (const f of readdirSync(new URL(dir, FIXTURES)).filter((n) => n.endsWith('.json'))) {
      out.push([`${dir}${f}`, JSON.parse(readFileSync(new URL(`${dir}${f}`, FIXTURES), 'utf8')) as Json]);
    }
  }
  const vector = JSON.parse(readFileSync(new URL('ob3-spec-test-vector/obv3p0/test-vector.json', FIXTURES), 'utf8')) as { unsignedCredential: Json; signedCredential: Json };
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
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', ' ', 'a "quoted" \\ line\nbreak', 'émoji 🎓 ✓', '<b>html</b>'));
    const iri = fc.oneof(fc.webUrl(), fc.uuid().map((u) => `urn:uuid:${u}`), fc.stringMatching(/^[a-z0-9]{4,12}$/).map((s) => `did:example:${s}`));
    const level = fc.record({ id: iri, type: fc.constant(['RubricCriterionLevel']), name: text, description: fc.option(text, { nil: undefined }), points: fc.option(fc.integer({ min: 0, max: 10 }).map(String), { nil: undefined }) }, { requiredKeys: ['id', 'type', 'name'] });
    const credential = fc.record(
      {
        id: iri,
        name: text,
        description: fc.option(text, { nil: undefined }),
        validFrom: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
        validUntil: fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), { nil: undefined }),
        issuerId: iri,
        issuerName: text,
        subjectId: fc.option(iri, { nil: undefined }),
        achievementId: iri,
        achievementName: text,
        narrative: text,
        credits: fc.option(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0.5, max: 99, noNaN: true })), { nil: undefined }),
        hashed: fc.boolean(),
        levels: fc.array(level, { minLength: 0, maxLength: 4 }),
        alignments: fc.array(fc.record({ targetName: text, targetUrl: fc.webUrl(), targetCode: fc.option(text, { nil: undefined }) }, { requiredKeys: ['targetName', 'targetUrl'] }), { maxLength: 3 }),
        evidence: fc.array(fc.record({ id: fc.option(iri, { nil: undefined }), name: text, narrative: fc.option(text, { nil: undefined }) }, { requiredKeys: ['name'] }), { maxLength: 3 }),
        extra: fc.option(text, { nil: undefined }),
      },
      { requiredKeys: ['id', 'name', 'validFrom', 'issuerId', 'issuerName', 'achievementId', 'achievementName', 'narrative', 'hashed', 'levels', 'alignments', 'evidence'] },
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
          identifier: c.subjectId ? undefined : [{ type: 'IdentityObject', hashed: c.hashed, identityHash: 'sha256$abc', identityType: 'emailAddress', salt: 'pepper' }],
          achievement: drop({
            id: c.achievementId,
            type: ['Achievement'],
            name: c.achievementName,
            criteria: { narrative: c.narrative },
            creditsAvailable: c.credits,
            alignment: c.alignments.length ? c.alignments.map((a) => drop({ type: ['Alignment'], ...a })) : undefined,
            resultDescription: c.levels.length ? [{ id: `${c.achievementId}#criterion`, type: ['ResultDescription'], name: 'Criterion', resultType: 'RubricCriterionLevel', rubricCriterionLevel: c.levels.map((l) => drop(l)) }] : undefined,
          }),
          result: c.levels.length ? [{ type: ['Result'], resultDescription: `${c.achievementId}#criterion`, achievedLevel: c.levels[0]?.id }] : undefined,
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
