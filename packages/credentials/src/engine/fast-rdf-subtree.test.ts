// The fast path's subtree cache: a deep-frozen node object (the achievement a bulk job embeds in thousands of
// credentials) is walked once and replayed after. Replaying must give exactly the quads walking gives.
import fc from 'fast-check';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { documentLoader } from './contexts.js';
import { canonize } from './data-integrity.js';
import { fastDataset, hasRecordedSubtree, sharedPredicateCount } from './fast-rdf.js';
import type { Quad } from './fast-rdf.js';

type Json = Record<string, unknown>;
const loader = documentLoader();
const CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
];
const reference = (doc: unknown) =>
  jsonld.canonize(doc, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: loader, safe: true });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

async function quads(doc: Json): Promise<Quad[]> {
  const r = await fastDataset(doc);
  if (!('quads' in r)) throw new Error(`declined: ${r.declined}`);
  return r.quads;
}

const creator = { id: 'did:web:issuer.example', type: ['Profile'], name: 'Issuer', address: { type: ['Address'], addressCountry: 'US' } };
const achievementOf = (name: string, creditsAvailable: number) => ({
  id: 'https://issuer.example/achievements/1/versions/1',
  type: ['Achievement'],
  name,
  description: 'Designs assessments.',
  criteria: { narrative: 'Submit evidence.' },
  creator,
  creditsAvailable,
  alignment: [
    { type: ['Alignment'], targetName: 'Skill A', targetUrl: 'https://skills.example/a' },
    { type: ['Alignment'], targetName: 'Skill B', targetUrl: 'https://skills.example/b', targetCode: 'B' },
  ],
  resultDescription: [
    {
      id: 'https://issuer.example/achievements/1/versions/1#c1',
      type: ['ResultDescription'],
      name: 'Criterion',
      resultType: 'RubricCriterionLevel',
      alignment: [{ type: ['Alignment'], targetName: 'Skill A', targetUrl: 'https://skills.example/a' }],
      rubricCriterionLevel: [{ id: 'https://issuer.example/achievements/1/versions/1#c1-l1', type: ['RubricCriterionLevel'], name: 'Met' }],
    },
  ],
});

/** A credential around the achievement; `n` blank nodes come before it in the walk (credentialSchema sorts first). */
const credentialOf = (achievement: unknown, n: number, issuer: unknown, subjectId?: string): Json => ({
  '@context': CONTEXT,
  id: `urn:uuid:00000000-0000-4000-8000-00000000000${n}`,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer,
  validFrom: '2026-01-01T00:00:00Z',
  // Without ids: each is a blank node made before the walk reaches the achievement.
  credentialSchema: Array.from({ length: n }, (_, i) => ({ type: '1EdTechJsonSchemaValidator2019', name: `schema ${i}` })),
  credentialSubject: {
    type: ['AchievementSubject'],
    ...(subjectId ? { id: subjectId } : {}),
    achievement,
    identifier: [{ type: 'IdentityObject', identityHash: `sha256$${n}`, identityType: 'emailAddress', hashed: true, salt: 's' }],
    result: [{ type: ['Result'], resultDescription: 'https://issuer.example/achievements/1/versions/1#c1', achievedLevel: 'x#l1' }],
  },
});

describe("the fast path's subtree cache", () => {
  it('replays a frozen achievement exactly as walking it: other positions, blank nodes before it, an issuer equal to its creator', async () => {
    const frozen = deepFreeze(achievementOf('Frozen', 2));
    const docs = [
      credentialOf(frozen, 0, 'did:web:issuer.example'),
      credentialOf(frozen, 3, creator),
      credentialOf(frozen, 1, { id: 'did:web:other.example', type: ['Profile'], name: 'Other' }, 'did:example:learner'),
      credentialOf(frozen, 2, creator),
    ];
    for (const [i, doc] of docs.entries()) {
      const walked = await quads(structuredClone(doc));
      const replayed = await quads(doc);
      expect(hasRecordedSubtree(frozen), 'the achievement was recorded for replay').toBe(true);
      expect(replayed, `document ${i}: same quads, same order, same blank node labels`).toEqual(walked);
      expect(await canonize(doc, loader)).toBe(await reference(structuredClone(doc)));
    }
  });

  it('an achievement that is not frozen, or a frozen one holding a blank node id, is walked every time', async () => {
    const open = achievementOf('Open', 1);
    await quads(credentialOf(open, 0, creator));
    expect(hasRecordedSubtree(open)).toBe(false);
    const labelled = deepFreeze({ ...achievementOf('Labelled', 1), creator: { ...creator, id: '_:issuer' } });
    const doc = credentialOf(labelled, 1, { id: '_:issuer', type: ['Profile'], name: 'Issuer' });
    const first = await quads(doc);
    expect(hasRecordedSubtree(labelled), 'blank node ids are shared with the rest of the document').toBe(false);
    expect(await quads(doc)).toEqual(first);
    expect(first).toEqual(await quads(structuredClone(doc)));
  });

  it('a frozen achievement that safe mode refuses is refused every time, and never recorded', async () => {
    const bad = deepFreeze({ ...achievementOf('Bad', 1), undefinedTerm: 'x' });
    for (let i = 0; i < 2; i++) await expect(fastDataset(credentialOf(bad, i, creator))).rejects.toThrow(/undefinedTerm/);
    expect(hasRecordedSubtree(bad)).toBe(false);
  });

  it('generated achievements and credentials: replayed quads equal walked quads (300 cases)', async () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('', 'a "quoted" \\ line\nbreak', 'émoji 🎓'));
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0.5, max: 99, noNaN: true })),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 4 }),
        fc.boolean(),
        async (name, credits, before, sameIssuer) => {
          const frozen = deepFreeze(achievementOf(name, credits));
          for (const n of before) {
            const doc = credentialOf(frozen, n, sameIssuer ? creator : 'did:web:issuer.example');
            expect(await quads(doc)).toEqual(await quads(structuredClone(doc)));
          }
        },
      ),
      { numRuns: 300, seed: 20261201 },
    );
  });

  it('long property IRIs from a document are not kept after its walk (documents from outside may hold any number)', async () => {
    await quads({ '@context': CONTEXT, id: 'urn:example:warm', type: ['VerifiableCredential'] });
    const before = sharedPredicateCount();
    const long = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`https://x.example/${'p'.repeat(300)}/${i}`, 'v']));
    const walked = await quads({ '@context': CONTEXT, id: 'urn:example:long', type: ['VerifiableCredential'], ...long });
    expect(walked.filter((q) => q.predicate.value.startsWith('https://x.example/'))).toHaveLength(50);
    expect(sharedPredicateCount()).toBe(before);
  });
});
