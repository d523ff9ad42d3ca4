/**
 * RDFC-1.0 canonical N-Quads of the datasets the fast JSON-LD walk produces (fast-rdf.ts), without rdf-canonize's
 * per-call machinery where the algorithm has nothing to decide.
 *
 * RDFC-1.0 gives every blank node a first-degree hash: the SHA-256 of the sorted N-Quads of the quads it occurs in,
 * itself written `_:a` and every other blank node `_:z`. When those hashes are all different, step 5.4 issues every
 * canonical identifier (`c14n` and the rank of the node's hash) and step 6, the N-degree hashing, has no work; the
 * canonical form is then every quad relabelled, serialised and sorted. This module computes that case, and one more:
 * nodes that share a first-degree hash but occur in no quad with another blank node (an issuer's address, embedded
 * again as the achievement's creator, makes two). For each, step 6's N-degree hash has no related node to hash, so
 * it is the hash of nothing, the same for all; their results keep their order (the spec's sort is stable there),
 * which is the order the nodes were first met, and they are issued the next identifiers in that order (their quads
 * are the same but for their own label, so any order gives the same lines). Any other dataset (equal first-degree
 * hashes on nodes linked to other blank nodes, a quad in a named graph or with a blank predicate, an empty blank node
 * label or one that already starts with `c14n`, the same quad object twice) goes to rdf-canonize whole, and its answer
 * stands.
 *
 * Every quad is serialised by rdf-canonize's own N-Quads serialiser. What is cached is only that text, keyed by the
 * identity of the term objects: the walk never changes a term, and it shares the same objects between credentials
 * for the quads of a frozen achievement it replays, so those are serialised once instead of once per credential.
 * Differential tests (rdfc.test.ts, and fast-rdf.property.test.ts through canonize) hold it to rdf-canonize.
 */
import { hash as digest } from 'node:crypto';
import rdfCanonize from 'rdf-canonize';
import type { Quad, Term } from './fast-rdf.js';

const { NQuads } = rdfCanonize;

/** The prefix of RDFC-1.0's canonical blank node identifiers. */
const CANONICAL_PREFIX = 'c14n';
/** The blank node a quad's text is first serialised with, before its real labels are put in. */
const PLACEHOLDER: Term = { termType: 'BlankNode', value: 'x' };
/** What the placeholder adds at the start of a line (blank subject) and at its end (blank object). */
const PLACEHOLDER_SUBJECT = '_:x'.length;
const PLACEHOLDER_OBJECT = '_:x .\n'.length;

/** Text cached per term identity, two levels deep (the first level keyed by the predicate or a ground term). */
type TextCache = WeakMap<Term, WeakMap<Term, string>>;

/** Lines of ground quads: subject → predicate → object → line. */
const groundLines = new WeakMap<Term, TextCache>();
/** The fixed part of quads with a blank subject (predicate → object → text) or a blank object (subject → predicate → text). */
const blankSubjectParts: TextCache = new WeakMap();
const blankObjectParts: TextCache = new WeakMap();
/** Both subject and object blank: the part between them, by predicate. */
const blankBothParts = new WeakMap<Term, string>();

function cached(cache: TextCache, a: Term, b: Term, make: () => string): string {
  let inner = cache.get(a);
  if (!inner) {
    inner = new WeakMap();
    cache.set(a, inner);
  }
  let text = inner.get(b);
  if (text === undefined) {
    text = make();
    inner.set(b, text);
  }
  return text;
}

const isBlank = (t: Term): boolean => t.termType === 'BlankNode';

/** A quad with its blank nodes taken out: the fixed text between them, and which end holds one. */
interface Shaped {
  quad: Quad;
  /** The whole line (no blank node), or the text between the blank subject and/or object. */
  text: string;
  subject: string | null;
  object: string | null;
}

function shape(quad: Quad): Shaped {
  const { subject: s, predicate: p, object: o } = quad;
  const sBlank = isBlank(s);
  const oBlank = isBlank(o);
  if (!sBlank && !oBlank) {
    let byPredicate = groundLines.get(s);
    if (!byPredicate) {
      byPredicate = new WeakMap();
      groundLines.set(s, byPredicate);
    }
    const text = cached(byPredicate, p, o, () => NQuads.serializeQuadComponents(s, p, o, quad.graph));
    return { quad, text, subject: null, object: null };
  }
  const serialise = () =>
    NQuads.serializeQuadComponents(sBlank ? PLACEHOLDER : s, p, oBlank ? PLACEHOLDER : o, quad.graph).slice(
      sBlank ? PLACEHOLDER_SUBJECT : 0,
      oBlank ? -PLACEHOLDER_OBJECT : undefined,
    );
  let text: string;
  if (sBlank && oBlank) {
    text = blankBothParts.get(p) ?? serialise();
    blankBothParts.set(p, text);
  } else text = sBlank ? cached(blankSubjectParts, p, o, serialise) : cached(blankObjectParts, s, p, serialise);
  return { quad, text, subject: sBlank ? s.value : null, object: oBlank ? o.value : null };
}

/** A shaped quad's line with its blank nodes named by `label`. */
function line(q: Shaped, label: (id: string) => string): string {
  if (q.subject === null && q.object === null) return q.text;
  return `${q.subject === null ? '' : `_:${label(q.subject)}`}${q.text}${q.object === null ? '' : `_:${label(q.object)} .\n`}`;
}

/** A blank node label this module leaves to rdf-canonize: empty, or one that already looks canonical. */
const oddLabel = (t: Term): boolean => isBlank(t) && (t.value === '' || t.value.startsWith(CANONICAL_PREFIX));

/** Whether the quick path applies: default graph, named or blank subject, named predicate, no odd label. */
function simpleQuad(q: Quad): boolean {
  return q.graph.termType === 'DefaultGraph' && q.predicate.termType === 'NamedNode' && !oddLabel(q.subject) && !oddLabel(q.object);
}

/** RDFC-1.0 canonical N-Quads of a dataset (RDF/JS-style quads), as rdf-canonize gives them. */
export async function canonizeQuads(quads: readonly Quad[]): Promise<string> {
  return (await canonizeQuadsWithPath(quads)).nquads;
}

/**
 * canonizeQuads, and how: `direct` when this module labelled every blank node (`shared` also says whether isolated
 * nodes shared a first-degree hash), `rdf-canonize` when it handed the dataset over.
 */
export async function canonizeQuadsWithPath(
  quads: readonly Quad[],
): Promise<{ nquads: string; path: 'direct' | 'rdf-canonize'; shared: boolean }> {
  const reference = async () => ({
    nquads: await rdfCanonize.canonize(quads, { algorithm: 'RDFC-1.0', format: 'application/n-quads' }),
    path: 'rdf-canonize' as const,
    shared: false,
  });
  const shaped: Shaped[] = [];
  /** Each blank node's quads, once each (a quad whose subject and object are the node counts once), in order met. */
  const quadsOf = new Map<string, Shaped[]>();
  /** Blank nodes that occur in a quad with another blank node. */
  const linked = new Set<string>();
  const add = (id: string, q: Shaped) => {
    const list = quadsOf.get(id);
    if (list) list.push(q);
    else quadsOf.set(id, [q]);
  };
  // rdf-canonize keeps each node's quads in a Set, so the same quad object given twice would count once in its
  // hash: such an input is handed over (the fast walk never repeats a quad object).
  const met = new Set<Quad>();
  for (const quad of quads) {
    if (!simpleQuad(quad) || met.has(quad)) return reference();
    met.add(quad);
    const q = shape(quad);
    shaped.push(q);
    if (q.subject !== null) add(q.subject, q);
    if (q.object !== null && q.object !== q.subject) add(q.object, q);
    if (q.subject !== null && q.object !== null && q.object !== q.subject) linked.add(q.subject).add(q.object);
  }
  // First-degree hashes (RDFC-1.0 §4.6): the node itself `_:a`, any other `_:z`. Nodes sharing a hash stay in the
  // order they were first met.
  const byHash = new Map<string, string[]>();
  for (const [id, list] of quadsOf) {
    const lines = list.map((q) => line(q, (other) => (other === id ? 'a' : 'z')));
    lines.sort();
    const hex = digest('sha256', lines.join(''), 'hex');
    const same = byHash.get(hex);
    if (same) same.push(id);
    else byHash.set(hex, [id]);
  }
  // Step 5.4: unique hashes first, in hash order; then step 6 for each shared hash, in hash order.
  const hashes = [...byHash.keys()].sort();
  const canonical = new Map<string, string>();
  const issue = (id: string) => canonical.set(id, `${CANONICAL_PREFIX}${canonical.size}`);
  const shared: string[][] = [];
  for (const hex of hashes) {
    const ids = byHash.get(hex) ?? [];
    if (ids.length === 1) issue(ids[0] ?? '');
    else shared.push(ids);
  }
  for (const ids of shared) {
    if (ids.some((id) => linked.has(id))) return reference();
    for (const id of ids) issue(id);
  }
  const label = (id: string) => canonical.get(id) ?? id;
  const lines = shaped.map((q) => line(q, label));
  lines.sort();
  return { nquads: lines.join(''), path: 'direct', shared: shared.length > 0 };
}
