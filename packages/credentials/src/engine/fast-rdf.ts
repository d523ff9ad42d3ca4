/**
 * A direct JSON → RDF path for the JSON-LD shapes credentials use. It reuses jsonld.js's own context
 * processing (term definitions, type- and property-scoped contexts, protection, safe-mode events), memoised
 * per active context, and replaces only the general expansion + node-map + toRDF passes with one walk that
 * emits the quads jsonld.js would emit (duplicates included, literals formatted by jsonld.js's rules).
 *
 * Strictness is jsonld.js safe mode's, plus one rule: two keys meaning @type on one node are refused (jsonld.js
 * merges them). The walk notes the first place jsonld.js safe mode would refuse (undefined terms, colliding
 * keywords, relative IRIs, …) with its JSON Pointer and keeps walking; it throws that JsonLdSafetyError only if
 * it reached the end of a document it fully handles. On anything outside the supported subset it declines
 * (the caller then asks jsonld.js, whose decision is final) but goes on checking the rest of the document, so
 * the @type rule and the pointers hold on both paths. The output is proved identical to jsonld.js by
 * differential tests (fast-rdf.test.ts, fast-rdf.property.test.ts).
 */
import { createRequire } from 'node:module';
import { documentLoader } from './contexts.js';
import type { DocumentLoader } from './contexts.js';
import { JsonLdSafetyError, isJsonLdContentError, locateInContext, pointer, reasonFor, safetyErrorOf } from './jsonld-safety.js';

const require = createRequire(import.meta.url);

/** The part of a jsonld.js term definition the walk reads. */
interface TermDefinition {
  reverse?: boolean;
  '@context'?: unknown;
  '@container'?: string[];
  '@type'?: string;
}
/** The part of jsonld.js's active context the walk reads. */
interface ActiveContext {
  mappings: Map<string, TermDefinition | null | undefined>;
  previousContext?: ActiveContext;
}
interface ContextApi {
  process(opts: {
    activeCtx: ActiveContext;
    localCtx: unknown;
    options: object;
    propagate?: boolean;
    overrideProtected?: boolean;
  }): Promise<ActiveContext>;
  expandIri(ctx: ActiveContext, value: string, relativeTo: { vocab?: boolean; base?: boolean }, options: object): string | null;
  getContextValue(ctx: ActiveContext, key: string | null, type: string): unknown;
  getInitialContext(options: object): ActiveContext;
  isKeyword(value: unknown): boolean;
}
/** jsonld.js's resolved context: a context document with its processed results per active context. */
interface ResolvedContext {
  setProcessed(activeCtx: unknown, processed: unknown): void;
}
interface ContextResolverInstance {
  perOpCache: Map<string, unknown>;
  resolve(args: object): Promise<ResolvedContext[]>;
}
type ContextResolverCtor = new (opts: { sharedCache: Map<string, unknown> }) => ContextResolverInstance;

const contextApi = require('jsonld/lib/context.js') as ContextApi;
const ContextResolver = require('jsonld/lib/ContextResolver.js') as ContextResolverCtor;
/** jsonld.js's own absolute-IRI test (scheme ':' no whitespace, or a blank node id), which decides its safe-mode events. */
const isAbsolute = (require('jsonld/lib/url.js') as { isAbsolute(value: unknown): boolean }).isAbsolute;
/** jsonld.js's safe-mode event handler: context processing (term definitions, @vocab, @language) raises its events through it. */
const SAFE_EVENTS = (require('jsonld/lib/events.js') as { setupEventHandler(opts: { options: object }): unknown }).setupEventHandler({
  options: { safe: true },
});

/** An RDF/JS-style term as rdf-canonize takes it. */
export interface Term {
  termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph';
  value: string;
  datatype?: { termType: 'NamedNode'; value: string };
  language?: string;
}
/** A quad in the default graph. */
export interface Quad {
  subject: Term;
  predicate: Term;
  object: Term;
  graph: Term;
}

/** The document uses JSON-LD the fast path does not handle (or a context it cannot load); use jsonld.js. */
export class Unsupported extends Error {}

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDF_LANGSTRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const XSD_DOUBLE = `${XSD}double`;
const DEFAULT_GRAPH: Term = { termType: 'DefaultGraph', value: '' };

type Json = Record<string, unknown>;

interface Walk {
  options: object;
  quads: Quad[];
  /** Values already on a subject's property, compared as jsonld.js's node map compares them (so its duplicates stay). */
  seen: Set<string>;
  blank: number;
  labels: Map<string, string>;
  /** The first place jsonld.js safe mode would refuse; thrown when the walk completes. */
  issue: JsonLdSafetyError | null;
  /** The first node with two keys meaning @type (jsonld.js merges them; Tessera refuses). */
  typeCollision: JsonLdSafetyError | null;
  /** Why the document is left to jsonld.js (the first construct outside the subset), or null. */
  declined: string | null;
  /** Blank node ids (`_:x`) met so far: their labels are shared by the whole document. */
  blankIds: number;
  /** The emits of the frozen subtree being walked for the first time (see `subtrees`), or null. */
  recording: Emit[] | null;
}

/** One call of `emit`: subject, node-map property, object, identity, and the duplicate-check key (null: none). */
type Emit = [Term, string, Term, string | null, string | null];

/**
 * What walking a deep-frozen node object gave under one active context, property and type-scoped context: its
 * subject, the emits in order (before the node map's duplicate check, which depends on the rest of the document),
 * the first blank node label it made and how many. A credential embeds the same frozen achievement object (built
 * once per version by the engine) in thousands of credentials; replaying its emits with its blank nodes relabelled
 * gives the same quads as walking it again, which fast-rdf.test.ts checks against the uncached walk and jsonld.js.
 * Only subtrees whose walk raised nothing (no refusal, no decline, no blank node ids) are kept.
 */
interface Subtree {
  subject: Term;
  emits: Emit[];
  base: number;
  blanks: number;
}
const subtrees = new WeakMap<object, Map<ActiveContext, Map<string, Map<ActiveContext | null, Subtree>>>>();

/** Objects known to be frozen all the way down (frozen is for ever, so a yes never goes stale). */
const frozenTrees = new WeakSet<object>();

/** Whether a value is frozen all the way down, so that anything computed from it once still holds (remembered for objects). */
export function deepFrozen(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null || frozenTrees.has(value)) return true;
  if (!Object.isFrozen(value) || depth > 100) return false;
  for (const child of Object.values(value)) if (!deepFrozen(child, depth + 1)) return false;
  frozenTrees.add(value);
  return true;
}

/** The same term with a blank node label moved from the recorded walk's numbering to this one's. */
function moved(term: Term, shift: number): Term {
  if (term.termType !== 'BlankNode' || shift === 0) return term;
  return { termType: 'BlankNode', value: `_:b${Number(term.value.slice(3)) + shift}` };
}

/** Replay a recorded subtree into this walk: its emits (through the duplicate check) and its subject, relabelled. */
function replay(w: Walk, t: Subtree): Term {
  const shift = w.blank - t.base;
  w.blank += t.blanks;
  for (const [subject, property, object, identity, key] of t.emits) {
    const s = moved(subject, shift);
    const o = moved(object, shift);
    if (s === subject && o === object) record(w, s, property, o, key);
    else emit(w, s, property, o, identity !== null && o !== object ? `@id\u0000${o.value}` : identity);
  }
  return moved(t.subject, shift);
}

/** Processed contexts: active context → local context → flags → result; shared by every call, bounded. */
let processed = new WeakMap<ActiveContext, Map<unknown, Map<string, ActiveContext>>>();
let processedEntries = 0;
/** Past this many memoised results (only documents with their own inline contexts get there), start afresh. */
const PROCESSED_LIMIT = 2_000;
/** jsonld.js's context resolver caches every context it resolves (inline ones by their JSON text): renew it past this. */
const RESOLVED_LIMIT = 500;

/**
 * Objects met inside a document's own @context. A caller may change them between calls, so processed contexts
 * are memoised under their JSON text; every other context object (the bundle's, and jsonld.js's copies inside
 * active contexts, which nothing changes) is memoised by identity.
 */
const DOCUMENT_OWNED = new WeakSet<object>();

function markOwned(value: unknown, depth = 0): void {
  if (typeof value !== 'object' || value === null || DOCUMENT_OWNED.has(value) || depth > 100) return;
  DOCUMENT_OWNED.add(value);
  for (const child of Array.isArray(value) ? value : Object.values(value)) markOwned(child, depth + 1);
}

/** Contexts for the fast path come only from the bundle, so processed contexts can be shared by every call. */
const BUNDLED_ONLY: DocumentLoader = documentLoader();
let sharedOptions: { options: object; resolver: ContextResolverInstance; initial: ActiveContext } | null = null;

const snapshotting = new WeakSet<ResolvedContext>();

/**
 * jsonld.js's context resolver, except that a processed context keeps a copy of the events captured so far.
 * jsonld.js 9.0.0 stores one shared events array for every context of a `@context` array, so an event raised
 * by a later context (say a reserved term) is replayed whenever an earlier one (say the VC 2.0 context) is
 * reused from the cache; jsonld.js's own resolver lives for one call, ours for many, so it must not do that.
 */
class SnapshottingResolver extends ContextResolver {
  override async resolve(args: object): Promise<ResolvedContext[]> {
    const resolved = await super.resolve(args);
    for (const context of resolved) {
      if (snapshotting.has(context)) continue;
      snapshotting.add(context);
      const setProcessed = context.setProcessed.bind(context);
      context.setProcessed = (activeCtx, processed) => {
        const events = (processed as { events?: unknown } | null)?.events;
        setProcessed(activeCtx, Array.isArray(events) ? { ...(processed as object), events: [...events] } : processed);
      };
    }
    return resolved;
  }
}

/** The options jsonld.js's context API needs (with our resolver) and the initial active context. */
function options(): { options: object; initial: ActiveContext } {
  if (!sharedOptions || sharedOptions.resolver.perOpCache.size > RESOLVED_LIMIT) {
    const resolver = new SnapshottingResolver({ sharedCache: new Map() });
    const options = {
      base: '',
      documentLoader: BUNDLED_ONLY,
      contextResolver: resolver,
      processingMode: 'json-ld-1.1',
      safe: true,
      eventHandler: SAFE_EVENTS,
    };
    sharedOptions = { resolver, options, initial: contextApi.getInitialContext(options) };
  }
  return sharedOptions;
}

/** Remember the first place jsonld.js safe mode would refuse. */
function note(w: Walk, path: string, reason: string): void {
  w.issue ??= new JsonLdSafetyError(path, reason);
}

/** jsonld.js's context processing, memoised; a context it refuses is a JsonLdSafetyError at `path`, one it cannot load is Unsupported. */
async function process(
  w: Walk,
  active: ActiveContext,
  local: unknown,
  propagate: boolean,
  overrideProtected: boolean,
  path: string,
  inDocument = false,
): Promise<ActiveContext> {
  let byLocal = processed.get(active);
  if (!byLocal) {
    byLocal = new Map();
    processed.set(active, byLocal);
  }
  const localKey = typeof local === 'object' && local !== null && !DOCUMENT_OWNED.has(local) ? local : JSON.stringify(local);
  let byFlags = byLocal.get(localKey);
  if (!byFlags) {
    byFlags = new Map();
    byLocal.set(localKey, byFlags);
  }
  const flags = `${propagate ? 'p' : 'n'}${overrideProtected ? 'o' : ''}`;
  const hit = byFlags.get(flags);
  if (hit) return hit;
  let result: ActiveContext;
  try {
    result = await contextApi.process({ activeCtx: active, localCtx: local, options: w.options, propagate, overrideProtected });
  } catch (e) {
    // jsonld.js processes this context at this point too, with the same input, and stops with the same error
    // (unless the walk has already declined: then jsonld.js may stop earlier, e.g. at a context it cannot load).
    // For the document's own @context, point at the entry that fails (e.g. /@context/1/name).
    if (isJsonLdContentError(e)) {
      const refusal = w.issue ?? safetyErrorOf(e, null, inDocument ? path + locateInContext(e, local) : path);
      if (w.declined === null) throw refusal;
      w.issue = refusal;
      throw new Unsupported('a context jsonld.js refuses, after declining');
    }
    // A context that is not bundled (or cannot be loaded): let jsonld.js with the caller's loader decide.
    throw new Unsupported(`context: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (++processedEntries > PROCESSED_LIMIT) {
    processed = new WeakMap();
    processedEntries = 0;
  }
  byFlags.set(flags, result);
  return result;
}

function expand(w: Walk, ctx: ActiveContext, value: string, relativeTo: { vocab?: boolean; base?: boolean }): string | null {
  return contextApi.expandIri(ctx, value, relativeTo, w.options);
}

/** An absolute IRI or blank node id (as jsonld.js's isAbsolute accepts it) as a term; blank node ids are relabelled. */
function iriTerm(w: Walk, iri: string): Term {
  if (iri.startsWith('_:')) {
    w.blankIds += 1;
    let label = w.labels.get(iri);
    if (!label) {
      label = `_:b${w.blank++}`;
      w.labels.set(iri, label);
    }
    return { termType: 'BlankNode', value: label };
  }
  return { termType: 'NamedNode', value: iri };
}

/**
 * Add a quad unless the subject already has this value for this property. `property` is the node map's key
 * (`@type` or the property IRI) and `identity` the value as jsonld.js's node map compares values (its JSON
 * @value with its JavaScript type, @type and @language; or the node id), so the duplicates it keeps stay.
 */
function emit(w: Walk, subject: Term, property: string, object: Term, identity: string | null): void {
  const key = identity === null ? null : `${subject.value}\u0000${property}\u0000${identity}`;
  w.recording?.push([subject, property, object, identity, key]);
  record(w, subject, property, object, key);
}

/**
 * Predicates by node-map property (terms are never changed, so quads can share them). Only short IRIs, and only so
 * many: documents from outside (the verifier, wallet imports) may use any number of long property IRIs.
 */
const predicates = new Map<string, Term>();
const PREDICATES_MAX = 2_000;
const PREDICATE_MAX_LENGTH = 200;

/** Add the quad unless its duplicate-check key was seen (null: always). */
function record(w: Walk, subject: Term, property: string, object: Term, key: string | null): void {
  if (key !== null) {
    if (w.seen.has(key)) return;
    w.seen.add(key);
  }
  let predicate = predicates.get(property);
  if (!predicate) {
    predicate = { termType: 'NamedNode', value: property === '@type' ? RDF_TYPE : property };
    if (predicates.size < PREDICATES_MAX && property.length <= PREDICATE_MAX_LENGTH) predicates.set(property, predicate);
  }
  w.quads.push({ subject, predicate, object, graph: DEFAULT_GRAPH });
}

/** jsonld.js's test for a native number it writes as xsd:double (types.isDouble). */
function isDouble(value: unknown): boolean {
  return typeof value === 'number' && (String(value).indexOf('.') !== -1 || Math.abs(value) >= 1e21);
}

/** The literal jsonld.js's toRDF makes of a value object {@value, @type?, @language?} (lib/toRdf.js, _objectToRDF). */
function literal(value: string | number | boolean, datatype: string | null, language: string | null): Term {
  let text: string;
  let type: string;
  if (typeof value === 'boolean') {
    text = value.toString();
    type = datatype || `${XSD}boolean`;
  } else if (isDouble(value) || datatype === XSD_DOUBLE) {
    // jsonld.js: a number is a double only if String(n) has a '.' or |n| ≥ 1e21 (so 1e-7 is an integer, "0").
    const number = typeof value === 'number' && isDouble(value) ? value : parseFloat(String(value));
    text = number.toExponential(15).replace(/(\d)0*e\+?/, '$1E');
    type = datatype || XSD_DOUBLE;
  } else if (typeof value === 'number') {
    text = value.toFixed(0);
    type = datatype || `${XSD}integer`;
  } else if (language !== null) {
    return { termType: 'Literal', value, datatype: { termType: 'NamedNode', value: datatype || RDF_LANGSTRING }, language };
  } else {
    text = value;
    type = datatype || `${XSD}string`;
  }
  return { termType: 'Literal', value: text, datatype: { termType: 'NamedNode', value: type } };
}

/**
 * A scalar property value as jsonld.js's value expansion (expand.js, _expandValue) + toRDF turns it into an
 * RDF term with its node-map identity, or null when jsonld.js emits nothing for it.
 */
function scalar(
  w: Walk,
  termCtx: ActiveContext,
  key: string,
  value: string | number | boolean,
  path: string,
): { term: Term; identity: string | null } | null {
  const type = contextApi.getContextValue(termCtx, key, '@type');
  if ((type === '@id' || type === '@vocab') && typeof value === 'string') {
    const iri = expand(w, termCtx, value, type === '@id' ? { base: true } : { vocab: true, base: true });
    if (iri === null && type === '@id') {
      note(w, path, reasonFor('reserved @id value', { id: value }));
      return null;
    }
    // jsonld.js's node map skips a reference whose id is null or empty, without an event.
    if (!iri) return null;
    if (!isAbsolute(iri)) {
      note(w, path, reasonFor('relative object reference', { object: iri }));
      return null;
    }
    const term = iriTerm(w, iri);
    return { term, identity: `@id\u0000${term.value}` };
  }
  if (type === '@json') throw new Unsupported('@json literal');
  let datatype: string | null = null;
  let language: string | null = null;
  if (typeof type === 'string' && type !== '@id' && type !== '@vocab' && type !== '@none') {
    if (!isAbsolute(type) || type.startsWith('_:')) throw new Unsupported(`datatype ${type}`);
    datatype = type;
  } else if (typeof value === 'string') {
    const lang = contextApi.getContextValue(termCtx, key, '@language');
    const direction = contextApi.getContextValue(termCtx, key, '@direction');
    if (direction !== null) {
      // jsonld.js's toRDF refuses a base direction unless rdfDirection is set, which canonicalisation never sets.
      note(w, path, reasonFor('rdfDirection not set', {}));
      return null;
    }
    if (lang !== null) {
      if (typeof lang !== 'string') throw new Unsupported('language');
      language = lang;
    }
  }
  // NaN is never equal to itself, so jsonld.js's node map keeps every NaN; JSON has none anyway.
  const identity =
    typeof value === 'number' && Number.isNaN(value)
      ? null
      : `${typeof value}\u0000${String(value)}\u0000${datatype ?? ''}\u0000${language ?? ''}`;
  return { term: literal(value, datatype, language), identity };
}

/** Step aside for jsonld.js, but keep walking (emitting nothing that will be used) to find strictness problems elsewhere. */
function decline(w: Walk, reason: string): void {
  w.declined ??= reason;
}

/** A property's values as jsonld.js expands them outside lists: nested arrays flattened, each with its pointer. */
function valuesOf(raw: unknown, path: string, out: Array<[unknown, string]> = [], depth = 0): Array<[unknown, string]> {
  if (!Array.isArray(raw)) out.push([raw, path]);
  else if (depth > 100) throw new Unsupported('arrays nested too deep');
  else for (const [i, item] of raw.entries()) valuesOf(item, pointer(path, i), out, depth + 1);
  return out;
}

/** Walk node objects inside a construct the fast path leaves to jsonld.js (lists, graphs, reverse properties), only to check them. */
async function checkInside(w: Walk, raw: unknown, ctx: ActiveContext, activeProperty: string | null, path: string): Promise<void> {
  for (const [value, valuePath] of valuesOf(raw, path)) {
    if (typeof value === 'object' && value !== null) await node(w, value as Json, ctx, activeProperty, null, valuePath);
  }
}

/**
 * Walk one node object at `path`; returns its subject term. Mirrors jsonld.js expansion (expand.js) step for
 * step. Where jsonld.js safe mode would refuse, it notes the place and goes on; where the document leaves the
 * supported subset, it declines and goes on checking what it can (the caller then asks jsonld.js).
 */
async function node(
  w: Walk,
  element: Json,
  activeIn: ActiveContext,
  activeProperty: string | null,
  typeScopedIn: ActiveContext | null,
  path: string,
): Promise<Term> {
  const cacheable = activeProperty !== null && w.recording === null && untroubled(w) && !('@context' in element) && deepFrozen(element);
  if (!cacheable) return walkNode(w, element, activeIn, activeProperty, typeScopedIn, path);
  let byContext = subtrees.get(element);
  const hit = byContext?.get(activeIn)?.get(activeProperty)?.get(typeScopedIn);
  if (hit) return replay(w, hit);
  const base = w.blank;
  const blankIds = w.blankIds;
  const emits: Emit[] = [];
  w.recording = emits;
  let subject: Term;
  try {
    subject = await walkNode(w, element, activeIn, activeProperty, typeScopedIn, path);
  } finally {
    w.recording = null;
  }
  if (untroubled(w) && w.blankIds === blankIds) {
    if (!byContext) subtrees.set(element, (byContext = new Map()));
    inner(inner(byContext, activeIn), activeProperty).set(typeScopedIn, { subject, emits, base, blanks: w.blank - base });
  }
  return subject;
}

/** Whether the walk has noted nothing so far: no refusal, no decline, no @type collision. */
function untroubled(w: Walk): boolean {
  return w.issue === null && w.declined === null && w.typeCollision === null;
}

/** The map under `key`, made empty if there was none. */
function inner<K, K2, V>(outer: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let map = outer.get(key);
  if (!map) outer.set(key, (map = new Map()));
  return map;
}

/** `node` without the subtree cache. */
async function walkNode(
  w: Walk,
  element: Json,
  activeIn: ActiveContext,
  activeProperty: string | null,
  typeScopedIn: ActiveContext | null,
  path: string,
): Promise<Term> {
  const blank = (): Term => ({ termType: 'BlankNode', value: `_:b${w.blank++}` });
  let active = activeIn;
  const keys = Object.keys(element).sort();
  let typeScoped: ActiveContext | null;
  const expanded: Array<string | null> = [];
  try {
    const propertyScoped = activeProperty === null ? undefined : contextApi.getContextValue(active, activeProperty, '@context');
    typeScoped = typeScopedIn ?? (active.previousContext ? active : null);
    let mustRevert = true;
    if (typeScoped && keys.length <= 2 && !keys.includes('@context')) {
      for (const key of keys) {
        const e = expand(w, typeScoped, key, { vocab: true });
        if (e === '@value') {
          decline(w, 'value object');
          return blank();
        }
        if (e === '@id' && keys.length === 1) {
          mustRevert = false;
          break;
        }
      }
    }
    // jsonld.js reverts to a clone of the previous context; contexts are never mutated (processing clones
    // before changing), so the previous context itself is equivalent and keeps the memo cache effective.
    if (mustRevert) active = active.previousContext ?? active;
    if (propertyScoped !== undefined) active = await process(w, active, propertyScoped, true, true, path);
    if ('@context' in element) {
      markOwned(element['@context']);
      active = await process(w, active, element['@context'], true, false, pointer(path, '@context'), true);
    }
    typeScoped = active;

    for (const [i, key] of keys.entries()) {
      expanded[i] = expand(w, active, key, { vocab: true });
      if (expanded[i] !== '@type') continue;
      const value = element[key];
      const types = Array.isArray(value) ? [...value].sort() : [value];
      for (const t of types) {
        // jsonld.js looks up a scoped context for anything here; only strings can name one (others are refused below).
        if (typeof t !== 'string') continue;
        const scoped = contextApi.getContextValue(typeScoped, t, '@context');
        if (scoped !== undefined) active = await process(w, active, scoped, false, false, pointer(path, key));
      }
    }
  } catch (e) {
    // A context the bundle does not have: nothing below can be read here.
    if (!(e instanceof Unsupported)) throw e;
    decline(w, e.message);
    return blank();
  }

  // Every key as jsonld.js's _expandObject expands it: against the context after type-scoped contexts.
  if (active !== typeScoped) for (const [i, key] of keys.entries()) expanded[i] = expand(w, active, key, { vocab: true });
  let idKey: string | undefined;
  const typeKeys: string[] = [];
  for (const [i, key] of keys.entries()) {
    if (expanded[i] === '@type') typeKeys.push(key);
    if (expanded[i] !== '@id') continue;
    if (idKey === undefined) idKey = key;
    else note(w, path, `"${idKey}" and "${key}" both give the node's id (colliding keywords)`);
  }
  // jsonld.js merges the types of two keys that both mean @type (JSON-LD 1.1 allows it); Tessera refuses them,
  // like two ids, so that no reader of one key sees other types than those signed.
  if (typeKeys.length > 1)
    w.typeCollision ??= new JsonLdSafetyError(
      path,
      `"${typeKeys[0]}" and "${typeKeys[1]}" both give the node's types (colliding keywords)`,
    );

  let subject: Term | null = null;
  if (idKey !== undefined) {
    const id = element[idKey];
    const iri = typeof id === 'string' ? expand(w, active, id, { base: true }) : null;
    if (typeof id !== 'string')
      note(w, pointer(path, idKey), `the id must be a string, not ${JSON.stringify(id) ?? String(id)} (invalid @id value)`);
    else if (iri === null) note(w, pointer(path, idKey), reasonFor('reserved @id value', { id }));
    else if (!isAbsolute(iri)) note(w, pointer(path, idKey), reasonFor('relative @id reference', { id }));
    else subject = iriTerm(w, iri);
  }
  // A node without a usable id is a fresh blank node (with an unusable one, the walk only goes on to find what jsonld.js would do first).
  subject ??= blank();

  // The entries jsonld.js's expanded node object gets (for its rule that drops a top-level object with only
  // @id); a key the walk skips counts, so that skipping never invents a refusal.
  let entries = idKey === undefined ? 0 : 1;
  for (const [i, key] of keys.entries()) {
    const property = expanded[i] ?? null;
    if (property === '@context' || property === '@id') continue;
    const raw = element[key];
    const keyPath = pointer(path, key);
    if (property === '@type') {
      const types = Array.isArray(raw) ? raw : [raw];
      if (!types.every((t) => typeof t === 'string')) {
        note(w, keyPath, `a type must be a string or an array of strings (invalid type value)`);
        continue;
      }
      if (types.length > 0) entries += 1;
      for (const [j, t] of (types as string[]).entries()) {
        const iri = expand(w, typeScoped, t, { base: true, vocab: true });
        if (iri === '@json') {
          decline(w, '@json type');
          continue;
        }
        if (iri === null || !isAbsolute(iri)) {
          note(w, Array.isArray(raw) ? pointer(keyPath, j) : keyPath, reasonFor('relative @type reference', { type: t }));
          continue;
        }
        // A blank node type is relabelled like any blank node id (jsonld.js's node map does the same).
        emit(w, subject, '@type', iriTerm(w, iri), iri);
      }
      continue;
    }
    if (property === null || (!contextApi.isKeyword(property) && !isAbsolute(property))) {
      note(w, keyPath, reasonFor('invalid property', { property: key }));
      continue;
    }
    if (contextApi.isKeyword(property)) {
      decline(w, `keyword ${property}`);
      entries += 1;
      if (property === '@list' || property === '@set') await checkInside(w, raw, active, activeProperty, keyPath);
      else if (property === '@graph') await checkInside(w, raw, active, key, keyPath);
      else if (property === '@included') await checkInside(w, raw, active, activeProperty, keyPath);
      continue;
    }
    // The term's definition (what jsonld.js's getContextValue reads for @context, @container, @type and @reverse).
    const definition = active.mappings.get(key);
    let termCtx = active;
    const scoped = definition?.['@context'];
    if (scoped !== undefined) {
      try {
        termCtx = await process(w, active, scoped, true, true, keyPath);
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        decline(w, e.message);
        entries += 1;
        continue;
      }
    }
    const container = definition?.['@container'] ?? [];
    const unsupported = definition?.reverse
      ? '@reverse'
      : container.some((c) => c !== '@set')
        ? `container ${container.join(',')}`
        : definition?.['@type'] === '@json'
          ? '@json'
          : null;
    if (unsupported !== null) {
      decline(w, unsupported);
      entries += 1;
      // Lists, graphs and reverse properties hold node objects as they are, and so does a map container (language,
      // index, id, type) given anything but an object, which jsonld.js then reads as usual; maps are left to it.
      const map =
        container.some((c) => c === '@language' || c === '@index' || c === '@id' || c === '@type') &&
        typeof raw === 'object' &&
        raw !== null &&
        !Array.isArray(raw);
      if (unsupported !== '@json' && !map) await checkInside(w, raw, termCtx, key, keyPath);
      continue;
    }
    if (raw !== null && raw !== undefined) entries += 1;
    for (const [value, valuePath] of Array.isArray(raw) ? valuesOf(raw, keyPath) : [[raw, keyPath] as const]) {
      if (value === null || value === undefined) continue;
      let object: { term: Term; identity: string | null } | null;
      if (typeof value === 'object') {
        const term = await node(w, value as Json, termCtx, key, null, valuePath);
        object = { term, identity: `@id\u0000${term.value}` };
      } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        object = scalar(w, termCtx, key, value, valuePath);
      } else {
        decline(w, `a ${typeof value} value`);
        continue;
      }
      if (object === null) continue;
      // jsonld.js keeps a blank node property through expansion and refuses it in toRDF.
      if (property.startsWith('_:')) note(w, keyPath, reasonFor('blank node predicate', { property: key }));
      else emit(w, subject, property, object.term, object.identity);
    }
  }
  // jsonld.js drops a top-level object that expands to nothing or to an id alone, which safe mode refuses.
  // A nested one stays (a blank node, or the node the id names, without properties of its own).
  if (activeProperty === null && entries === 0) note(w, path, reasonFor('empty object', {}));
  else if (activeProperty === null && entries === 1 && idKey !== undefined) note(w, path, reasonFor('object with only @id', {}));
  return subject;
}

/**
 * The fast path's answer: the quads; or why it stepped aside, with the first place it found where jsonld.js
 * safe mode refuses the document (`issue`) and the first node with two keys meaning @type (`typeCollision`,
 * which jsonld.js accepts and Tessera refuses).
 */
export type FastResult = { quads: Quad[] } | { declined: string; issue: JsonLdSafetyError | null; typeCollision: JsonLdSafetyError | null };

/**
 * Walk `document` on the fast path. Throws a JsonLdSafetyError when the document is entirely within the
 * supported subset and is not strict; otherwise returns the quads jsonld.toRDF would produce, or declines
 * (then the caller uses jsonld.js, whose loader may know more documents).
 */
export async function fastDataset(document: Json): Promise<FastResult> {
  const { options: jsonldOptions, initial } = options();
  const w: Walk = {
    options: jsonldOptions,
    quads: [],
    seen: new Set(),
    blank: 0,
    labels: new Map(),
    issue: null,
    typeCollision: null,
    declined: null,
    blankIds: 0,
    recording: null,
  };
  try {
    await node(w, document, initial, null, null, '');
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    decline(w, e.message);
  }
  if (w.declined !== null) return { declined: w.declined, issue: w.issue, typeCollision: w.typeCollision };
  if (w.issue) throw w.issue;
  if (w.typeCollision) throw w.typeCollision;
  return { quads: w.quads };
}

/**
 * The RDF dataset jsonld.toRDF would produce for `document`, or null when the document is outside the fast
 * path (then the caller uses jsonld.js with its own loader). Throws a JsonLdSafetyError as `fastDataset` does.
 */
export async function toDatasetFast(document: Json, _callerLoader?: DocumentLoader): Promise<Quad[] | null> {
  const result = await fastDataset(document);
  return 'quads' in result ? result.quads : null;
}

/** Whether a walk of this (deep-frozen) node object is kept for replay; for tests. */
export function hasRecordedSubtree(element: object): boolean {
  return subtrees.has(element);
}

/** How many predicates are kept for sharing; for tests. */
export function sharedPredicateCount(): number {
  return predicates.size;
}
