// Differential tests: canonizeQuads must give exactly rdf-canonize's RDFC-1.0 N-Quads on every dataset, whether it
// computes them itself (unique first-degree hashes, or shared ones on isolated nodes) or hands the dataset over.
import fc from 'fast-check';
import rdfCanonize from 'rdf-canonize';
import { describe, expect, it } from 'vitest';
import type { Quad, Term } from './fast-rdf.js';
import { fastDataset } from './fast-rdf.js';
import { canonizeQuads, canonizeQuadsWithPath } from './rdfc.js';

const reference = (quads: readonly Quad[]) => rdfCanonize.canonize(quads, { algorithm: 'RDFC-1.0', format: 'application/n-quads' });
/** What a canonicaliser ends with: its N-Quads, or its error (rdf-canonize refuses graphs that need too many deep iterations). */
async function outcome(run: () => Promise<string>): Promise<{ nquads: string } | { error: string }> {
  try {
    return { nquads: await run() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
const DEFAULT_GRAPH: Term = { termType: 'DefaultGraph', value: '' };
const XSD_STRING = { termType: 'NamedNode' as const, value: 'http://www.w3.org/2001/XMLSchema#string' };
const LANG_STRING = { termType: 'NamedNode' as const, value: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString' };

const named = (value: string): { termType: 'NamedNode'; value: string } => ({ termType: 'NamedNode', value });
const blank = (value: string): Term => ({ termType: 'BlankNode', value });
const literal = (value: string, datatype: { termType: 'NamedNode'; value: string } = XSD_STRING, language?: string): Term => ({
  termType: 'Literal',
  value,
  datatype,
  ...(language ? { language } : {}),
});
const quad = (subject: Term, predicate: Term, object: Term, graph: Term = DEFAULT_GRAPH): Quad => ({ subject, predicate, object, graph });

const P = [named('https://vocab.example/p'), named('https://vocab.example/q'), named('http://www.w3.org/1999/02/22-rdf-syntax-ns#type')];
const IRIS = [named('https://example.org/a'), named('https://example.org/b'), named('urn:x:with space>and"quote')];

const row = fc.record({
  s: fc.integer({ min: -3, max: 5 }),
  p: fc.integer({ min: 0, max: P.length - 1 }),
  o: fc.integer({ min: -6, max: 5 }),
  // Any code point (surrogate pairs, controls, quotes, backslashes, non-ASCII), and lone surrogates too.
  text: fc.oneof(fc.string({ maxLength: 6, unit: 'grapheme' }), fc.string({ maxLength: 4, unit: 'binary' })),
});

/**
 * A random dataset: quads over a few blank nodes, IRIs and literals (escapes, languages, datatypes), duplicates and
 * self loops included; then 0–3 isomorphic copies of a random small structure on blank nodes of its own (its nodes
 * share first-degree hashes with their copies; linked to each other or not).
 */
const datasets = fc
  .record({
    blanks: fc.integer({ min: 0, max: 6 }),
    rows: fc.array(row, { maxLength: 24 }),
    copies: fc.integer({ min: 0, max: 3 }),
    structure: fc.array(row, { minLength: 1, maxLength: 5 }),
  })
  .map(({ blanks, rows, copies, structure }) => {
    const make = (prefix: string, count: number) => (r: { s: number; p: number; o: number; text: string }) => {
      const node = (i: number) =>
        count > 0 && i >= 0 ? blank(`${prefix}${i % count}`) : (IRIS[Math.abs(i) % IRIS.length] ?? named('urn:x'));
      const o = r.o;
      const object =
        o === -4
          ? literal(r.text)
          : o === -5
            ? literal(r.text, LANG_STRING, 'en')
            : o === -6
              ? literal(r.text, named('https://dt.example/t'))
              : node(o);
      return quad(node(r.s), P[r.p] ?? named('urn:p'), object);
    };
    const quads = rows.map(make('b', blanks));
    for (let c = 0; c < copies; c++) quads.push(...structure.map(make(`k${c}x`, 2)));
    return quads;
  });

/**
 * `copies` isomorphic copies of a small structure: a named parent pointing at a blank node with literals, and (when
 * `linked`) a second blank node below it, so the copies share their first-degree hashes.
 */
function copies(n: number, linked: boolean, offset = 0): Quad[] {
  const out: Quad[] = [];
  for (let i = 0; i < n; i++) {
    const node = blank(`n${i + offset}`);
    out.push(quad(named('https://example.org/issuer'), named('https://vocab.example/address'), node));
    out.push(quad(node, named('https://schema.org/addressLocality'), literal('Riverside')));
    if (linked) {
      const inner = blank(`m${i + offset}`);
      out.push(quad(node, named('https://vocab.example/geo'), inner));
      out.push(quad(inner, named('https://vocab.example/lat'), literal('1')));
    }
  }
  return out;
}

describe('canonizeQuads', () => {
  it('gives rdf-canonize’s output on random datasets (unique, shared and linked first-degree hashes)', async () => {
    const paths = { unique: 0, shared: 0, handedOver: 0 };
    await fc.assert(
      fc.asyncProperty(datasets, async (quads) => {
        expect(await outcome(() => canonizeQuads(quads))).toEqual(await outcome(() => reference(quads)));
        const how = await canonizeQuadsWithPath(quads).catch(() => null);
        if (how?.path === 'direct') paths[how.shared ? 'shared' : 'unique'] += 1;
        else paths.handedOver += 1;
      }),
      { seed: 20_261_202, numRuns: 1_500 },
    );
    // Every path was taken often enough for the comparison to mean something.
    expect(paths.unique).toBeGreaterThan(300);
    expect(paths.shared).toBeGreaterThan(50);
    expect(paths.handedOver).toBeGreaterThan(50);
  });

  it('labels isolated nodes that share a hash in the order they were met, after the unique ones', async () => {
    const quads = [quad(named('https://example.org/c'), named('https://vocab.example/subject'), blank('s')), ...copies(3, false)];
    quads.push(quad(blank('s'), named('https://vocab.example/name'), literal('Ada')));
    const out = await canonizeQuads(quads);
    expect(out).toBe(await reference(quads));
    // Three equal address nodes: the unique subject node takes c14n0 and the copies c14n1..3.
    expect(out).toContain('<https://example.org/c> <https://vocab.example/subject> _:c14n0 .\n');
    expect(out.match(/_:c14n[123] <https:\/\/schema.org\/addressLocality> "Riverside" \.\n/g)).toHaveLength(3);
  });

  it('hands the same quad object given twice and an empty label to rdf-canonize (whose answers differ from the direct path’s)', async () => {
    const once = quad(blank('x'), P[0] ?? named('urn:p'), literal('b'));
    const repeated = [once, once, quad(blank('y'), P[0] ?? named('urn:p'), literal('a'))];
    expect(await canonizeQuadsWithPath(repeated)).toMatchObject({ path: 'rdf-canonize', nquads: await reference(repeated) });
    const empty = [quad(blank(''), P[0] ?? named('urn:p'), literal('a')), quad(blank('z'), P[1] ?? named('urn:p'), literal('b'))];
    expect(await canonizeQuadsWithPath(empty)).toMatchObject({ path: 'rdf-canonize', nquads: await reference(empty) });
  });

  it('hands linked nodes that share a hash, named graphs and canonical-looking labels to rdf-canonize', async () => {
    const linked = copies(2, true);
    expect(await canonizeQuads(linked)).toBe(await reference(linked));
    const graph = [quad(blank('x'), P[0] ?? named('urn:p'), literal('v'), named('https://example.org/g'))];
    expect(await canonizeQuads(graph)).toBe(await reference(graph));
    const preLabelled = [
      quad(blank('c14n5'), P[0] ?? named('urn:p'), literal('v')),
      quad(blank('y'), P[1] ?? named('urn:p'), literal('w')),
    ];
    expect(await canonizeQuads(preLabelled)).toBe(await reference(preLabelled));
  });

  it('never carries a label from one dataset to the next through its caches (same term objects, other blank nodes)', async () => {
    const subject = named('https://example.org/shared');
    const predicate = named('https://vocab.example/p');
    const value = literal('same');
    for (const [a, b] of [
      ['u', 'v'],
      ['v', 'u'],
      ['w', 'u'],
    ] as const) {
      const quads = [quad(subject, predicate, blank(a)), quad(blank(a), predicate, value), quad(blank(b), predicate, blank(a))];
      expect(await canonizeQuads(quads)).toBe(await reference(quads));
    }
  });

  it('canonicalises an OB 3.0 credential whose issuer is embedded twice (two equal address nodes) as rdf-canonize does', async () => {
    const issuer = {
      id: 'https://issuer.example/profile',
      type: ['Profile'],
      name: 'Riverside School District',
      address: { type: ['Address'], addressLocality: 'Riverside', addressRegion: 'CA' },
    };
    for (const learner of ['a@example.org', 'b@example.org']) {
      const credential = {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        id: `urn:uuid:${learner === 'a@example.org' ? '6b3f1c4e-0000-4000-8000-000000000001' : '6b3f1c4e-0000-4000-8000-000000000002'}`,
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer,
        validFrom: '2026-12-02T00:00:00Z',
        name: 'Badge',
        credentialSubject: {
          type: ['AchievementSubject'],
          identifier: [{ type: 'IdentityObject', identityHash: learner, identityType: 'emailAddress', hashed: false }],
          achievement: {
            id: 'https://issuer.example/achievements/1',
            type: ['Achievement'],
            name: 'Badge',
            criteria: { narrative: 'Do it.' },
            creator: issuer,
          },
        },
      };
      const fast = await fastDataset(credential);
      if (!('quads' in fast)) throw new Error(`the fast walk declined: ${fast.declined}`);
      const out = await canonizeQuads(fast.quads);
      expect(out).toBe(await reference(fast.quads));
      expect(
        out.match(/<https:\/\/issuer.example\/profile> <https:\/\/purl.imsglobal.org\/spec\/vc\/ob\/vocab.html#address> _:c14n/g),
      ).toHaveLength(2);
    }
  });
});
