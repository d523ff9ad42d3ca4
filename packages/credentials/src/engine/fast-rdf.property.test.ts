// Differential property tests: on every generated document the fast JSON → RDF path either gives exactly
// jsonld.js's canonical N-Quads, refuses what jsonld.js safe mode refuses, or steps aside; and the public
// canonize() agrees with jsonld.js safe mode (same N-Quads when it accepts, a JsonLdSafetyError whose pointer
// exists when it refuses the content, a plain "not available offline" error when a context cannot be loaded).
// The one deliberate difference: a node with two keys meaning @type, which jsonld.js merges, is refused; a
// probe asks jsonld.js itself which keys it reads as @type, so that rule is checked both ways too.
// Seeded: a failure prints the seed and path to replay it (fc.assert's `seed` and `path` parameters).
import fc from 'fast-check';
import jsonld from 'jsonld';
import rdfCanonize from 'rdf-canonize';
import { describe, expect, it } from 'vitest';
import { documentLoader } from './contexts.js';
import { canonizeWithPath } from './data-integrity.js';
import { fastDataset } from './fast-rdf.js';
import { JsonLdSafetyError, isJsonLdContentError, isJsonLdLoadingError } from './jsonld-safety.js';

type Json = Record<string, unknown>;

/** One fixed seed for the file; each property derives its own from it. */
const SEED = 20_261_124;
const loader = documentLoader();
const reference = (doc: unknown) =>
  jsonld.canonize(doc, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: loader, safe: true });

const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const NOT_BUNDLED = 'https://contexts.example/not-bundled/v1';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
/** The OB 3.0 contexts type with the https form of the XSD namespace. */
const XSDS = 'https://www.w3.org/2001/XMLSchema#';
const EX = 'https://vocab.example/';

// ---------------------------------------------------------------------------------------------------------
// The check, and what it counts
// ---------------------------------------------------------------------------------------------------------

interface Tally {
  docs: number;
  /** The fast path returned quads (and they matched). */
  fastQuads: number;
  /** The fast path itself refused the document with a JsonLdSafetyError (and jsonld.js refused it too). */
  fastRefused: number;
  /** The fast path stepped aside for jsonld.js. */
  declined: number;
  accepted: number;
  refused: number;
  unavailable: number;
  /** Refusals whose path points below the document root. */
  locatedBelowRoot: number;
  /** Documents jsonld.js accepts with two keys meaning @type on one node (refused by Tessera). */
  typeCollisions: number;
  declinedFor: Map<string, number>;
  refusedFor: Map<string, number>;
}

const tally = (): Tally => ({
  docs: 0,
  fastQuads: 0,
  fastRefused: 0,
  declined: 0,
  accepted: 0,
  refused: 0,
  unavailable: 0,
  locatedBelowRoot: 0,
  typeCollisions: 0,
  declinedFor: new Map(),
  refusedFor: new Map(),
});
const all: Tally[] = [];

/** Assertions in the hot loop are plain throws (vitest's expect is too slow for 100,000 documents). */
function check(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new Error(message());
}

const show = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** Does a JSON Pointer name a place that exists in the document? */
function resolves(doc: unknown, path: string): boolean {
  if (path === '') return true;
  let here: unknown = doc;
  for (const raw of path.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof here !== 'object' || here === null || !Object.prototype.hasOwnProperty.call(here, segment)) return false;
    here = (here as Record<string, unknown>)[segment];
  }
  return true;
}

/** jsonld.js without safe mode (it drops what it cannot read instead of refusing), for the @type probe below. */
const expandLoosely = (doc: unknown) =>
  (jsonld as unknown as { expand(input: unknown, options: object): Promise<unknown> }).expand(doc, { documentLoader: loader, safe: false });

/** The keys that can mean @type in these documents (the contexts alias `type`, the inline ones also `kind`). */
const TYPE_KEYS = ['@type', 'type', 'kind'];

/** Plain objects outside any @context with two or more of those keys, all with string (or string array) values. */
function typeKeyNodes(
  value: unknown,
  path = '',
  out: Array<{ path: string; keys: string[] }> = [],
): Array<{ path: string; keys: string[] }> {
  if (Array.isArray(value)) value.forEach((item, i) => typeKeyNodes(item, `${path}/${i}`, out));
  else if (typeof value === 'object' && value !== null) {
    const keys = TYPE_KEYS.filter((k) => {
      const v = (value as Json)[k];
      return typeof v === 'string' || (Array.isArray(v) && v.every((t) => typeof t === 'string'));
    });
    if (keys.length > 1) out.push({ path, keys });
    for (const [k, v] of Object.entries(value))
      if (k !== '@context') typeKeyNodes(v, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  }
  return out;
}

/**
 * Does jsonld.js read two keys of one node as @type (which it merges, and Tessera refuses)? Asked of jsonld.js
 * itself: each candidate key gets its own sentinel type, and we look for sentinels among the expanded @types.
 */
async function typeCollisionIn(doc: Json): Promise<boolean> {
  const candidates = typeKeyNodes(doc);
  if (candidates.length === 0) return false;
  const probe = structuredClone(doc);
  const sentinels: string[][] = [];
  for (const { path, keys } of candidates) {
    let target: unknown = probe;
    for (const raw of path === '' ? [] : path.slice(1).split('/'))
      target = (target as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    sentinels.push(keys.map((k) => ((target as Json)[k] = `https://probe.example/${sentinels.length}/${k}`)));
  }
  const found = new Set<string>();
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if (k === '@type' && Array.isArray(x)) x.forEach((t) => found.add(String(t)));
        else collect(x);
      }
    }
  };
  collect(await expandLoosely(probe));
  return sentinels.some((node) => node.filter((sentinel) => found.has(sentinel)).length > 1);
}

const TYPE_COLLISION = /^"[^"]+" and "[^"]+" both give the node's types \(colliding keywords\)$/;

async function differential(doc: Json, t: Tally): Promise<void> {
  t.docs += 1;
  const before = JSON.stringify(doc);
  let expected: string | null = null;
  let refusal: unknown = null;
  try {
    expected = await reference(doc);
  } catch (e) {
    refusal = e;
  }
  // The one place Tessera is stricter than jsonld.js: two keys meaning @type on one node, which it merges.
  const collision = refusal === null && (await typeCollisionIn(doc));
  if (collision) t.typeCollisions += 1;

  // The fast path on its own: jsonld.js's exact quads, its own JsonLdSafetyError, or it declines.
  let fast: Awaited<ReturnType<typeof fastDataset>> | null = null;
  try {
    fast = await fastDataset(doc);
  } catch (e) {
    check(e instanceof JsonLdSafetyError, () => `fast path threw ${show(e)}`);
    if (collision)
      check(
        TYPE_COLLISION.test(e.reason),
        () => `fast path refused (${show(e)}) a document jsonld.js accepts, whose only problem is two keys meaning @type`,
      );
    else
      check(
        isJsonLdContentError(refusal),
        () => `fast path refused (${show(e)}) what jsonld.js ${refusal ? `failed with ${show(refusal)}` : 'accepts'}`,
      );
    t.fastRefused += 1;
  }
  if (fast && 'quads' in fast) {
    check(refusal === null, () => `fast path accepted what jsonld.js refuses: ${show(refusal)}`);
    check(!collision, () => 'fast path accepted two keys meaning @type');
    const nquads = await rdfCanonize.canonize(fast.quads, { algorithm: 'RDFC-1.0', format: 'application/n-quads' });
    check(nquads === expected, () => `fast path N-Quads differ:\n--- fast\n${nquads}--- jsonld.js\n${expected ?? ''}`);
    t.fastQuads += 1;
  } else if (fast) {
    // Declining, the walk still checked what it could: nothing it noted may be news to jsonld.js.
    check(
      refusal !== null || fast.issue === null,
      () => `the fast walk noted (${show(fast && 'issue' in fast ? fast.issue : null)}) in a document jsonld.js accepts`,
    );
    if (refusal === null)
      check(
        collision === (fast.typeCollision !== null),
        () =>
          `two keys meaning @type: jsonld.js probe says ${collision}, the fast walk ${show(fast && 'typeCollision' in fast ? fast.typeCollision : null)}`,
      );
    t.declined += 1;
    const why = fast.declined.replace(/^context: .*/, 'context not bundled').replace(/ http\S*| _:\S*/g, '');
    t.declinedFor.set(why, (t.declinedFor.get(why) ?? 0) + 1);
  }

  // The public canonize() agrees with jsonld.js safe mode (and refuses two keys meaning @type).
  let ours: string | null = null;
  let failure: unknown = null;
  try {
    ours = (await canonizeWithPath(doc, loader)).nquads;
  } catch (e) {
    failure = e;
  }
  if (refusal === null && !collision) {
    check(failure === null, () => `canonize() refused what jsonld.js accepts: ${show(failure)}`);
    check(ours === expected, () => `canonize() N-Quads differ:\n--- ours\n${ours ?? ''}--- jsonld.js\n${expected ?? ''}`);
    t.accepted += 1;
  } else if (refusal === null || isJsonLdContentError(refusal)) {
    check(
      failure instanceof JsonLdSafetyError,
      () =>
        `jsonld.js ${collision ? 'merges two keys meaning @type' : `refuses (${show(refusal)})`}, canonize() gave ${failure ? show(failure) : 'N-Quads'}`,
    );
    if (collision)
      check(TYPE_COLLISION.test(failure.reason), () => `two keys meaning @type refused for another reason: ${failure.message}`);
    check(resolves(doc, failure.path), () => `${failure.path} is not a place in the document`);
    check(
      failure.message.startsWith(`JSON-LD is not strict at `) && failure.message.endsWith(failure.reason),
      () => `message: ${failure.message}`,
    );
    if (failure.path !== '') t.locatedBelowRoot += 1;
    const code = /\(([^()]*)\)$/.exec(failure.reason)?.[1] ?? failure.reason;
    t.refusedFor.set(code, (t.refusedFor.get(code) ?? 0) + 1);
    t.refused += 1;
  } else if (isJsonLdLoadingError(refusal)) {
    check(
      failure instanceof Error && !(failure instanceof JsonLdSafetyError) && /not available offline/.test(failure.message),
      () => `an unloadable context gave ${show(failure)}`,
    );
    t.unavailable += 1;
  } else {
    check(
      failure instanceof Error && refusal instanceof Error && failure.name === refusal.name && failure.message === refusal.message,
      () => `jsonld.js failed with ${show(refusal)}, canonize() with ${show(failure)}`,
    );
  }
  check(JSON.stringify(doc) === before, () => 'canonicalisation changed the document');
}

async function run(name: string, arbitrary: fc.Arbitrary<Json>, numRuns: number, seed: number): Promise<Tally> {
  const t = tally();
  all.push(t);
  const started = performance.now();
  const cpu = process.cpuUsage();
  await fc.assert(
    fc.asyncProperty(arbitrary, (doc) => differential(doc, t)),
    { seed, numRuns },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const used = process.cpuUsage(cpu);
  const cpuSeconds = ((used.user + used.system) / 1e6).toFixed(1);
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([r, n]) => `${r} ${n}`)
      .join('; ');
  console.log(
    `${name} (seed ${seed}): ${t.docs} documents in ${seconds} s (${cpuSeconds} s CPU); fast path: ${t.fastQuads} quads + ${t.fastRefused} refusals, ${t.declined} declined (${top(t.declinedFor)}); jsonld.js accepted ${t.accepted} (and ${t.typeCollisions} more with two keys meaning @type, which we refuse), refused ${t.refused} (${t.locatedBelowRoot} located below the root; ${top(t.refusedFor)}), context unavailable ${t.unavailable}`,
  );
  return t;
}

// ---------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------

/** `arbitrary` one time in `n`, otherwise undefined. */
const rare = <T>(arbitrary: fc.Arbitrary<T>, n: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: n - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'a "quoted" \\ line\nbreak\ttab\r',
      'émoji 🎓 ✓',
      '\u0000\u001f\u007f',
      'true',
      '5',
      '1e-7',
      '1.5E0',
      '-0',
      '2024-01-01T00:00:00Z',
      'NaN',
    ),
  },
);

/** Numbers jsonld.js formats in surprising ways, next to ordinary ones. */
const awkwardNumber = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1,
      -1,
      7,
      1e-7,
      -1e-7,
      3e-7,
      1.5e-7,
      1e-6,
      0.1,
      0.5,
      1.5,
      -2.25,
      1 / 3,
      1e20,
      1e21,
      -1e21,
      1e22,
      2 ** 53,
      2 ** 53 + 2,
      2 ** 60,
      -(2 ** 63),
      5e-324,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      Number.EPSILON,
      123456789012345680000,
    ),
  },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -25, max: 25 })).map(([m, e]) => Number(`${m}e${e}`)),
  },
);

/** IRIs, mostly absolute; some blank node ids, relative, keyword-like or with spaces. */
const iri = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      'https://a.example/1',
      'https://a.example/path#frag',
      'urn:uuid:0b5e1e0e-1111-4c4c-8888-000000000001',
      'did:example:abc',
      'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      'mailto:x@y.example',
      'urn:x:é',
    ),
  },
  { weight: 2, arbitrary: fc.webUrl({ withFragments: true, withQueryParameters: true }) },
  { weight: 1, arbitrary: fc.constantFrom('_:b1', '_:b2', '_:x') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'relative',
      './r',
      '#frag',
      '',
      '../up',
      'a b',
      '@foo',
      '@id',
      'ex:thing',
      'https://a.example/with space',
      'a,b:c',
    ),
  },
);

const scalar = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 3, arbitrary: awkwardNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 3, arbitrary: iri },
  { weight: 1, arbitrary: fc.constant(null) },
);

const typeName = fc.constantFrom(
  'VerifiableCredential',
  'OpenBadgeCredential',
  'AchievementCredential',
  'Achievement',
  'AchievementSubject',
  'Profile',
  'Result',
  'Evidence',
  'T',
  'https://types.example/T',
  'ex:T',
  'UndefinedType',
  '_:t',
  'VerifiablePresentation',
);

// ---------------------------------------------------------------------------------------------------------
// Contexts
// ---------------------------------------------------------------------------------------------------------

/** Term definitions an inline context may carry: coercions, containers, aliases, scoped contexts and mistakes. */
const TERMS: Array<[string, unknown]> = [
  ['p', `${EX}p`],
  ['q', { '@id': `${EX}q` }],
  ['ref', { '@id': `${EX}ref`, '@type': '@id' }],
  ['vref', { '@id': `${EX}vref`, '@type': '@vocab' }],
  ['num', { '@id': `${EX}num`, '@type': `${XSD}integer` }],
  ['flt', { '@id': `${EX}flt`, '@type': `${XSD}float` }],
  ['flts', { '@id': `${EX}flts`, '@type': `${XSDS}float` }],
  ['dbl', { '@id': `${EX}dbl`, '@type': `${XSD}double` }],
  ['dec', { '@id': `${EX}dec`, '@type': `${XSD}decimal` }],
  ['when', { '@id': `${EX}when`, '@type': `${XSD}dateTime` }],
  ['yes', { '@id': `${EX}yes`, '@type': `${XSD}boolean` }],
  ['str', { '@id': `${EX}str`, '@type': `${XSD}string` }],
  ['none', { '@id': `${EX}none`, '@type': '@none' }],
  ['lang', { '@id': `${EX}lang`, '@language': 'FR-ca' }],
  ['nolang', { '@id': `${EX}nolang`, '@language': null }],
  ['dir', { '@id': `${EX}dir`, '@direction': 'ltr' }],
  ['langmap', { '@id': `${EX}langmap`, '@container': '@language' }],
  ['list', { '@id': `${EX}list`, '@container': '@list' }],
  ['set', { '@id': `${EX}set`, '@container': '@set' }],
  ['idx', { '@id': `${EX}idx`, '@container': '@index' }],
  ['json', { '@id': `${EX}json`, '@type': '@json' }],
  ['rev', { '@reverse': `${EX}rev` }],
  ['ident', '@id'],
  ['kind', '@type'],
  ['val', '@value'],
  ['id', '@id'],
  ['type', '@type'],
  ['blankp', '_:bp'],
  ['nullterm', null],
  ['ex', 'https://ex.example/'],
  ['scoped', { '@id': `${EX}scoped`, '@context': { inner: `${EX}inner`, p: null } }],
  ['T', { '@id': `${EX}T`, '@context': { tp: `${EX}tp`, tref: { '@id': `${EX}tref`, '@type': '@id' } } }],
  ['name', `${EX}name`],
  ['@foo', `${EX}foo`],
  ['rel', 'relative-iri'],
];

const inlineContext = fc
  .record(
    {
      terms: fc.uniqueArray(fc.constantFrom(...TERMS), { minLength: 1, maxLength: 4, selector: ([name]) => name }),
      vocab: rare(fc.constantFrom(EX, EX, EX, 'rel/', null), 4),
      base: rare(fc.constant('https://base.example/dir/'), 8),
      language: rare(fc.constantFrom('en', 'EN-GB', 'x y'), 6),
      direction: rare(fc.constant('rtl'), 20),
      protect: rare(fc.constant(true), 6),
    },
    { requiredKeys: ['terms'] },
  )
  .map(({ terms, vocab, base, language, direction, protect }) => {
    const ctx: Json = Object.fromEntries(terms);
    if (vocab !== undefined) ctx['@vocab'] = vocab;
    if (base !== undefined) ctx['@base'] = base;
    if (language !== undefined) ctx['@language'] = language;
    if (direction !== undefined) ctx['@direction'] = direction;
    if (protect !== undefined) ctx['@protected'] = protect;
    return ctx;
  });

/** The root @context: the bundled VC 2.0 / OB 3.0 contexts, mostly, with inline contexts and the odd stranger. */
const rootContext = fc.oneof(
  { weight: 6, arbitrary: fc.constant([V2]) },
  { weight: 4, arbitrary: fc.constant([V2, OB]) },
  { weight: 5, arbitrary: inlineContext.map((c) => [V2, c]) },
  { weight: 2, arbitrary: inlineContext.map((c) => [V2, OB, c]) },
  { weight: 3, arbitrary: inlineContext.map((c) => ({ id: '@id', type: '@type', ...c })) },
  { weight: 1, arbitrary: fc.constant([V1]) },
  { weight: 1, arbitrary: fc.constantFrom([V2, NOT_BUNDLED], [V2, OB, { '@import': NOT_BUNDLED }]) },
);

// ---------------------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------------------

/** A value object, language map or list object (the fast path leaves them to jsonld.js). */
const special = fc.oneof(
  fc.record({ '@value': scalar, '@type': fc.constantFrom(`${XSD}integer`, `${EX}dt`) }),
  fc.record({ '@value': text, '@language': fc.constantFrom('en', 'x y') }),
  fc.dictionary(fc.constantFrom('en', 'EN-GB', '@none', 'x y'), fc.oneof(text, fc.array(text, { maxLength: 2 }), fc.constant(null)), {
    minKeys: 1,
    maxKeys: 2,
  }),
  fc.record({ '@list': fc.array(scalar, { maxLength: 2 }) }),
);

/** What a root @context gives a document: terms usable on every node, terms scoped to a type, and type names. */
interface Vocabulary {
  everywhere: string[];
  byType: Map<string, string[]>;
  typeNames: string[];
}

const VC2_SCOPED = ['credentialSubject', 'credentialStatus', 'evidence', 'issuer', 'validFrom', 'validUntil', 'termsOfUse'];
const VC1_SCOPED = ['credentialSubject', 'issuer', 'issuanceDate', 'expirationDate', 'evidence'];
const OB_EVERYWHERE = ['alignment', 'description', 'endorsement', 'image', 'inLanguage', 'name', 'narrative', 'url', 'awardedDate'];
const OB_SCOPED: Array<[string, string[]]> = [
  ['Achievement', ['achievementType', 'creditsAvailable', 'criteria', 'tag', 'version', 'humanCode']],
  ['AchievementSubject', ['achievement', 'creditsEarned', 'identifier', 'result']],
  ['Profile', ['email', 'givenName', 'familyName', 'official']],
  ['Result', ['achievedLevel', 'status', 'value']],
  ['Evidence', ['audience', 'genre']],
  ['OpenBadgeCredential', []],
  ['AchievementCredential', []],
  ['Criteria', []],
];
const STRAY_KEYS = [
  'https://abs.example/prop',
  '_:bp',
  '@foo',
  'undefinedTerm',
  'has space',
  '@value',
  '@language',
  '@index',
  '@list',
  '@set',
  '@nest',
  '@included',
  '@reverse',
  '@graph',
  '@json',
  'ex:local',
  'a,b:c',
  'creditsAvailable',
  'issuer',
  'p',
  'langmap',
];
/** Properties whose values the contexts coerce to IRIs: mostly given nodes or IRIs. */
const ID_VALUED = new Set([
  'credentialSubject',
  'credentialStatus',
  'evidence',
  'issuer',
  'termsOfUse',
  'image',
  'criteria',
  'achievement',
  'result',
  'identifier',
  'alignment',
  'endorsement',
  'url',
  'ref',
  'tref',
  'achievedLevel',
]);

function vocabularyOf(context: unknown): Vocabulary {
  const everywhere = new Set<string>();
  const byType = new Map<string, string[]>();
  const typeNames = new Set(['https://types.example/T', '_:t', 'ex:T']);
  for (const c of Array.isArray(context) ? context : [context]) {
    if (c === V1 || c === V2) {
      byType.set('VerifiableCredential', c === V1 ? VC1_SCOPED : VC2_SCOPED);
      typeNames.add('VerifiableCredential').add('VerifiablePresentation');
      if (c === V2) everywhere.add('name').add('description');
    }
    if (c === OB) {
      OB_EVERYWHERE.forEach((k) => everywhere.add(k));
      for (const [type, keys] of OB_SCOPED) {
        byType.set(type, keys);
        typeNames.add(type);
      }
    }
    if (typeof c === 'object' && c !== null) {
      for (const k of Object.keys(c).filter((k) => !k.startsWith('@') && k !== 'id' && k !== 'type')) everywhere.add(k);
      if ('T' in c) {
        byType.set('T', ['tp', 'tref']);
        typeNames.add('T');
      }
    }
  }
  return { everywhere: [...everywhere].sort(), byType, typeNames: [...typeNames].sort() };
}

function valueFor(key: string, depth: number, vocabulary: Vocabulary): fc.Arbitrary<unknown> {
  if (key === 'id' || key === '@id' || key === 'ident')
    return fc.oneof({ weight: 29, arbitrary: iri }, { weight: 1, arbitrary: fc.constantFrom(5, null, ['urn:a:1']) });
  if (key === 'type' || key === '@type' || key === 'kind')
    return fc.oneof(
      { weight: 29, arbitrary: fc.constantFrom(...vocabulary.typeNames) },
      { weight: 1, arbitrary: fc.constantFrom(5, null, [true], {}, 'UndefinedType') },
    );
  if (key === '@context')
    return fc.oneof({ weight: 6, arbitrary: inlineContext }, { weight: 1, arbitrary: fc.constantFrom(null, NOT_BUNDLED, V2, OB) });
  const nested = depth > 0 ? node(depth - 1, vocabulary, false) : fc.constant({ id: 'urn:leaf:1' });
  const one = ID_VALUED.has(key)
    ? fc.oneof({ weight: 4, arbitrary: nested }, { weight: 4, arbitrary: iri }, { weight: 1, arbitrary: scalar })
    : fc.oneof({ weight: 12, arbitrary: scalar }, { weight: 2, arbitrary: nested });
  return fc.oneof(
    { weight: 12, arbitrary: one },
    { weight: 3, arbitrary: fc.array(one, { maxLength: 2 }) },
    { weight: 1, arbitrary: fc.oneof(special, fc.constantFrom([], [null], [[1]], {})) },
  );
}

/** A node object of up to `depth` further levels: its types, then keys those types and the context define (now and then others), each with a fitting value. */
function node(depth: number, vocabulary: Vocabulary, root: boolean): fc.Arbitrary<Json> {
  const typeKey = fc.constantFrom('type', 'type', 'type', 'type', 'type', 'type', 'type', 'type', '@type', 'kind');
  const typed = fc.tuple(typeKey, fc.uniqueArray(fc.constantFrom(...vocabulary.typeNames), { minLength: 1, maxLength: 3 }), fc.boolean());
  const vc = vocabulary.typeNames.includes('VerifiableCredential')
    ? [
        [
          'type',
          vocabulary.typeNames.includes('OpenBadgeCredential') ? ['VerifiableCredential', 'OpenBadgeCredential'] : ['VerifiableCredential'],
          false,
        ] as const,
      ]
    : [];
  const typing =
    root && vc.length
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...vc) }, { weight: 1, arbitrary: typed })
      : fc.oneof({ weight: 2, arbitrary: typed }, { weight: 1, arbitrary: fc.constant(null) });
  return typing.chain((t) => {
    const names = t ? [...t[1]] : [];
    const pool = [...new Set([...vocabulary.everywhere, ...names.flatMap((n) => vocabulary.byType.get(n) ?? [])])].sort();
    const key = fc.oneof(
      { weight: 3, arbitrary: fc.constant('id') },
      ...(pool.length ? [{ weight: 12, arbitrary: fc.constantFrom(...pool) }] : []),
      { weight: 1, arbitrary: fc.constantFrom('@id', 'ident', '@context', ...STRAY_KEYS) },
    );
    return fc.uniqueArray(key, { minLength: t ? 0 : 1, maxLength: root ? 4 : depth > 0 ? 3 : 2 }).chain((keys) =>
      fc.tuple(...keys.map((k) => valueFor(k, depth, vocabulary))).map((values) => {
        const body: Json = Object.fromEntries(keys.map((k, i) => [k, values[i]]));
        if (t) body[t[0]] = t[2] || names.length > 1 ? names : names[0];
        return body;
      }),
    );
  });
}

/** Free-form documents over the bundled contexts and generated inline contexts. */
const freeForm = rootContext.chain((context) =>
  node(1, vocabularyOf(context), true).map((body): Json => ({ '@context': context, ...body })),
);

/** One subject with one typed property from the inline contexts, and values jsonld.js formats by its own rules. */
const typedValues = fc
  .tuple(
    fc.constantFrom('num', 'flt', 'flts', 'dbl', 'dec', 'when', 'yes', 'str', 'none', 'p', 'lang', 'nolang', 'ref', 'vref'),
    fc.oneof(
      { weight: 5, arbitrary: awkwardNumber },
      { weight: 1, arbitrary: fc.boolean() },
      { weight: 2, arbitrary: text },
      { weight: 1, arbitrary: iri },
    ),
    fc.array(fc.oneof(awkwardNumber, fc.boolean(), fc.constantFrom('5', 'true', '1e-7', '0', '1.5E0')), { maxLength: 3 }),
    rare(fc.constantFrom(EX, EX, EX, 'rel/'), 3),
    fc.boolean(),
  )
  .map(([term, first, more, vocab, withV2]): Json => {
    const definitions = Object.fromEntries(
      TERMS.filter(([name]) =>
        ['num', 'flt', 'flts', 'dbl', 'dec', 'when', 'yes', 'str', 'none', 'p', 'lang', 'nolang', 'ref', 'vref'].includes(name),
      ),
    );
    const inline: Json = vocab === undefined ? definitions : { ...definitions, '@vocab': vocab };
    return {
      '@context': withV2 ? [V2, inline] : [{ id: '@id', type: '@type', ...inline }],
      id: 'urn:doc:1',
      type: withV2 ? 'VerifiableCredential' : `${EX}Thing`,
      [term]: more.length ? [first, ...more] : first,
    };
  });

/** Keyword aliases and collisions: id/@id, type/@type and two aliases of one keyword, at the root or nested. */
const aliases = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom('id', '@id', 'ident', 'type', '@type', 'kind', 'name', 'p'), { minLength: 1, maxLength: 5 }),
    fc.array(fc.oneof(iri, typeName), { minLength: 5, maxLength: 5 }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([keys, values, nested, withV2]): Json => {
    const body = Object.fromEntries(keys.map((k, i) => [k, k === 'name' ? 'A name' : values[i]]));
    const inline = { ident: '@id', kind: '@type', p: `${EX}p` };
    const context = withV2 ? [V2, inline] : { id: '@id', type: '@type', name: `${EX}name`, ...inline };
    return nested
      ? {
          '@context': context,
          id: 'urn:doc:1',
          type: withV2 ? 'VerifiableCredential' : `${EX}Thing`,
          credentialSubject: body,
          [`${withV2 ? 'name' : 'p'}`]: 'outer',
        }
      : { '@context': context, ...body };
  });

/** OB 3.0 credentials (type-scoped contexts at every level), with perturbed values and the odd stray key. */
const ob3 = fc
  .record({
    id: iri,
    name: text,
    subjectId: rare(iri, 2),
    subjectIdAlias: rare(iri, 12),
    credits: rare(fc.oneof({ weight: 4, arbitrary: awkwardNumber }, { weight: 1, arbitrary: fc.oneof(text, fc.boolean()) }), 2),
    narrative: text,
    hashed: fc.oneof(fc.boolean(), fc.constantFrom('true', 1)),
    image: rare(iri, 3),
    stray: rare(
      fc.tuple(
        fc.constantFrom('credentialSubject', 'achievement', 'criteria', 'root'),
        fc.constantFrom('undefinedTerm', '@foo', 'https://abs.example/prop', 'description', 'type'),
        scalar,
      ),
      5,
    ),
    context: fc.oneof({ weight: 6, arbitrary: fc.constant([V2, OB]) }, { weight: 1, arbitrary: inlineContext.map((c) => [V2, OB, c]) }),
  })
  .map((c): Json => {
    const drop = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    const criteria: Json = { narrative: c.narrative };
    const achievement: Json = drop({
      id: `${c.id}#achievement`,
      type: ['Achievement'],
      name: c.name,
      criteria,
      creditsAvailable: c.credits,
      image: c.image,
    });
    const subject: Json = drop({
      id: c.subjectId,
      '@id': c.subjectIdAlias,
      type: ['AchievementSubject'],
      achievement,
      identifier: c.subjectId
        ? undefined
        : [{ type: 'IdentityObject', hashed: c.hashed, identityHash: 'sha256$abc', identityType: 'emailAddress', salt: 'pepper' }],
    });
    const doc: Json = {
      '@context': c.context,
      id: c.id,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'did:example:issuer', type: ['Profile'], name: 'Issuer' },
      validFrom: '2024-01-01T00:00:00Z',
      name: c.name,
      credentialSubject: subject,
    };
    if (c.stray) {
      const [where, key, value] = c.stray;
      const target = { credentialSubject: subject, achievement, criteria, root: doc }[where];
      target[key] = value;
    }
    return doc;
  });

// ---------------------------------------------------------------------------------------------------------

describe('fast JSON → RDF path, differential against jsonld.js safe mode', () => {
  it(`free-form documents over VC 2.0 / OB 3.0 and generated inline contexts (seed ${SEED})`, async () => {
    const t = await run('free-form', freeForm, 30_000, SEED);
    expect((t.fastQuads + t.fastRefused) / t.docs).toBeGreaterThan(0.5);
    expect(t.fastQuads / t.docs).toBeGreaterThan(0.25);
    expect(t.accepted).toBeGreaterThan(t.docs * 0.25);
    expect(t.refused).toBeGreaterThan(t.docs * 0.1);
  }, 300_000);

  it(`typed values: integers, 1e-7, 1e21, -0, large integers, floats and booleans under xsd types (seed ${SEED + 1})`, async () => {
    const t = await run('typed values', typedValues, 35_000, SEED + 1);
    expect(t.fastQuads / t.docs).toBeGreaterThan(0.5);
  }, 300_000);

  it(`keyword aliases and collisions (seed ${SEED + 2})`, async () => {
    const t = await run('aliases', aliases, 30_000, SEED + 2);
    expect((t.fastQuads + t.fastRefused) / t.docs).toBeGreaterThan(0.9);
    expect(t.fastRefused).toBeGreaterThan(t.docs * 0.1);
  }, 300_000);

  it(`OB 3.0 credentials with perturbed values (seed ${SEED + 3})`, async () => {
    const t = await run('OB 3.0', ob3, 5_000, SEED + 3);
    expect(t.fastQuads / t.docs).toBeGreaterThan(0.5);
  }, 300_000);

  it('ran at least 100,000 documents, most decided by the fast path', () => {
    const docs = all.reduce((n, t) => n + t.docs, 0);
    const fast = all.reduce((n, t) => n + t.fastQuads + t.fastRefused, 0);
    console.log(`total: ${docs} documents, ${((100 * fast) / docs).toFixed(1)} % decided by the fast path`);
    expect(docs).toBeGreaterThanOrEqual(100_000);
    expect(fast / docs).toBeGreaterThan(0.5);
  });
});
