/**
 * A direct JSON → RDF path for the JSON-LD shapes credentials use. It reuses jsonld.js's own context
 * processing (term definitions, type- and property-scoped contexts, protection), memoised per active
 * context, and replaces only the general expansion + node-map + toRDF passes with one walk that emits quads.
 * Anything outside the supported subset throws `Unsupported`, and the caller falls back to jsonld.js.
 * The output is proved identical to jsonld.js by tests on fixtures and generated credentials.
 */
import { createRequire } from 'node:module';
import { documentLoader } from './contexts.js';
import type { DocumentLoader } from './contexts.js';

const require = createRequire(import.meta.url);

/** The part of jsonld.js's active context the walk reads. */
interface ActiveContext {
  mappings: Map<string, { reverse?: boolean } | undefined>;
  previousContext?: ActiveContext;
}
interface ContextApi {
  process(opts: { activeCtx: ActiveContext; localCtx: unknown; options: object; propagate?: boolean; overrideProtected?: boolean }): Promise<ActiveContext>;
  expandIri(ctx: ActiveContext, value: string, relativeTo: { vocab?: boolean; base?: boolean }, options: object): string | null;
  getContextValue(ctx: ActiveContext, key: string | null, type: string): unknown;
  getInitialContext(options: object): ActiveContext;
}
type ContextResolverCtor = new (opts: { sharedCache: Map<string, unknown> }) => object;

const contextApi = require('jsonld/lib/context.js') as ContextApi;
const ContextResolver = require('jsonld/lib/ContextResolver.js') as ContextResolverCtor;

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

/** The document uses JSON-LD the fast path does not handle; use jsonld.js. */
export class Unsupported extends Error {}

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const DEFAULT_GRAPH: Term = { termType: 'DefaultGraph', value: '' };
const ABSOLUTE_IRI = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/;

type Json = Record<string, unknown>;

interface Walk {
  options: object;
  quads: Quad[];
  seen: Set<string>;
  blank: number;
  labels: Map<string, string>;
  cache: WeakMap<ActiveContext, Map<unknown, Map<string, ActiveContext>>>;
}

/** Per document loader: the options jsonld.js's context API needs, with its own context cache. */
const optionsByLoader = new WeakMap<DocumentLoader, object>();
/** Processed contexts: active context → (local context, flags) → result; shared across documents. */
const processedByLoader = new WeakMap<DocumentLoader, WeakMap<ActiveContext, Map<unknown, Map<string, ActiveContext>>>>();
const rootByLoader = new WeakMap<DocumentLoader, Map<string, ActiveContext>>();

function optionsFor(loader: DocumentLoader): object {
  let options = optionsByLoader.get(loader);
  if (!options) {
    options = { base: '', documentLoader: loader, contextResolver: new ContextResolver({ sharedCache: new Map() }), processingMode: 'json-ld-1.1', safe: true };
    optionsByLoader.set(loader, options);
  }
  return options;
}

async function process(w: Walk, active: ActiveContext, local: unknown, propagate: boolean, overrideProtected: boolean): Promise<ActiveContext> {
  let byLocal = w.cache.get(active);
  if (!byLocal) {
    byLocal = new Map();
    w.cache.set(active, byLocal);
  }
  // The root @context is a fresh array in every document: key it by its JSON text; scoped contexts by identity.
  const localKey = Array.isArray(local) || typeof local === 'string' ? JSON.stringify(local) : local;
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
    // A context that is not bundled (or is invalid): let jsonld.js with the caller's loader decide.
    throw new Unsupported(`context: ${e instanceof Error ? e.message : String(e)}`);
  }
  byFlags.set(flags, result);
  return result;
}

function expand(w: Walk, ctx: ActiveContext, value: string, relativeTo: { vocab?: boolean; base?: boolean }): string | null {
  return contextApi.expandIri(ctx, value, relativeTo, w.options);
}

function iriTerm(w: Walk, iri: string | null): Term {
  if (iri === null) throw new Unsupported('an IRI did not expand');
  if (iri.startsWith('_:')) {
    let label = w.labels.get(iri);
    if (!label) {
      label = `_:b${w.blank++}`;
      w.labels.set(iri, label);
    }
    return { termType: 'BlankNode', value: label };
  }
  if (!ABSOLUTE_IRI.test(iri)) throw new Unsupported(`relative or invalid IRI ${iri}`);
  return { termType: 'NamedNode', value: iri };
}

function emit(w: Walk, subject: Term, predicate: string, object: Term): void {
  const key = `${subject.value} ${predicate} ${object.termType} ${object.value} ${object.datatype?.value ?? ''} ${object.language ?? ''}`;
  if (w.seen.has(key)) return;
  w.seen.add(key);
  w.quads.push({ subject, predicate: { termType: 'NamedNode', value: predicate }, object, graph: DEFAULT_GRAPH });
}

function literal(value: string | number | boolean, datatype: string | null): Term {
  let text: string;
  let type: string;
  if (typeof value === 'boolean') {
    text = value.toString();
    type = datatype ?? `${XSD}boolean`;
  } else if (typeof value === 'number' && (!Number.isInteger(value) || Math.abs(value) >= 1e21 || datatype === `${XSD}double`)) {
    text = value.toExponential(15).replace(/(\d)0*e\+?/, '$1E');
    type = datatype ?? `${XSD}double`;
  } else if (typeof value === 'number') {
    text = value.toFixed(0);
    type = datatype ?? `${XSD}integer`;
  } else if (datatype === `${XSD}double`) {
    throw new Unsupported('string coerced to xsd:double');
  } else {
    text = value;
    type = datatype ?? `${XSD}string`;
  }
  return { termType: 'Literal', value: text, datatype: { termType: 'NamedNode', value: type } };
}

/** A scalar property value as jsonld.js's value expansion + toRDF would turn it into an RDF term. */
function scalar(w: Walk, termCtx: ActiveContext, key: string, value: string | number | boolean): Term {
  const type = contextApi.getContextValue(termCtx, key, '@type');
  if (type === '@id' && typeof value === 'string') return iriTerm(w, expand(w, termCtx, value, { base: true }));
  if (type === '@vocab' && typeof value === 'string') return iriTerm(w, expand(w, termCtx, value, { vocab: true, base: true }));
  if (type === '@json') throw new Unsupported('@json literal');
  if (typeof type === 'string' && type !== '@id' && type !== '@vocab' && type !== '@none') {
    if (!ABSOLUTE_IRI.test(type)) throw new Unsupported(`datatype ${type}`);
    return literal(value, type);
  }
  if (typeof value === 'string') {
    const language = contextApi.getContextValue(termCtx, key, '@language');
    const direction = contextApi.getContextValue(termCtx, key, '@direction');
    if ((language !== undefined && language !== null) || (direction !== undefined && direction !== null)) throw new Unsupported('language-tagged string');
  }
  return literal(value, null);
}

/** Walk one node object; returns its subject term. Mirrors jsonld.js expansion (expand.js) step for step. */
async function node(w: Walk, element: Json, activeIn: ActiveContext, activeProperty: string | null, typeScopedIn: ActiveContext | null): Promise<Term> {
  let active = activeIn;
  const keys = Object.keys(element).sort();
  if (keys.length === 0) throw new Unsupported('empty object');
  const propertyScoped = activeProperty === null ? undefined : contextApi.getContextValue(active, activeProperty, '@context');
  let typeScoped = typeScopedIn ?? (active.previousContext ? active : null);
  let mustRevert = true;
  if (typeScoped && keys.length <= 2 && !keys.includes('@context')) {
    for (const key of keys) {
      const e = expand(w, typeScoped, key, { vocab: true });
      if (e === '@value') throw new Unsupported('value object');
      if (e === '@id' && keys.length === 1) {
        mustRevert = false;
        break;
      }
    }
  }
  // jsonld.js reverts to a clone of the previous context; contexts are never mutated (processing clones
  // before changing), so the previous context itself is equivalent and keeps the memo cache effective.
  if (mustRevert) active = active.previousContext ?? active;
  if (propertyScoped !== undefined) active = await process(w, active, propertyScoped, true, true);
  if ('@context' in element) active = await process(w, active, element['@context'], true, false);
  typeScoped = active;

  for (const key of keys) {
    if (expand(w, active, key, { vocab: true }) !== '@type') continue;
    const value = element[key];
    const types = Array.isArray(value) ? [...value].sort() : [value];
    for (const t of types) {
      if (typeof t !== 'string') throw new Unsupported('non-string type');
      const scoped = contextApi.getContextValue(typeScoped, t, '@context');
      if (scoped !== undefined) active = await process(w, active, scoped, false, false);
    }
  }

  let subject: Term;
  const idKey = keys.find((k) => expand(w, active, k, { vocab: true }) === '@id');
  if (idKey !== undefined) {
    const id = element[idKey];
    if (typeof id !== 'string') throw new Unsupported('non-string @id');
    subject = iriTerm(w, expand(w, active, id, { base: true }));
  } else subject = { termType: 'BlankNode', value: `_:b${w.blank++}` };

  let properties = 0;
  for (const key of keys) {
    const expanded = expand(w, active, key, { vocab: true });
    if (expanded === '@context' || expanded === '@id') continue;
    if (expanded === '@type') {
      for (const t of ([] as unknown[]).concat(element[key])) {
        properties += 1;
        const iri = expand(w, typeScoped, String(t), { base: true, vocab: true });
        const term = iriTerm(w, iri);
        if (term.termType !== 'NamedNode') throw new Unsupported('blank node type');
        emit(w, subject, RDF_TYPE, term);
      }
      continue;
    }
    if (expanded === null || expanded.startsWith('@')) throw new Unsupported(`keyword or dropped term ${key}`);
    if (!ABSOLUTE_IRI.test(expanded) || expanded.startsWith('_:')) throw new Unsupported(`property ${key} does not expand to an absolute IRI`);
    const definition = active.mappings.get(key);
    if (definition?.reverse) throw new Unsupported('@reverse');
    const container = (contextApi.getContextValue(active, key, '@container') as string[] | undefined) ?? [];
    if (container.some((c) => c !== '@set')) throw new Unsupported(`container ${container.join(',')}`);
    let termCtx = active;
    const scoped = contextApi.getContextValue(active, key, '@context');
    if (scoped !== undefined) termCtx = await process(w, active, scoped, true, true);
    for (const value of ([] as unknown[]).concat(element[key])) {
      if (value === null || value === undefined) continue;
      properties += 1;
      if (Array.isArray(value)) throw new Unsupported('nested array');
      if (typeof value === 'object') {
        emit(w, subject, expanded, await node(w, value as Json, termCtx, key, null));
      } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        emit(w, subject, expanded, scalar(w, termCtx, key, value));
      } else throw new Unsupported('unexpected value');
    }
  }
  if (properties === 0 && idKey === undefined) throw new Unsupported('node without properties');
  return subject;
}

/** Contexts for the fast path come only from the bundle, so processed contexts can be shared by every call. */
const BUNDLED_ONLY: DocumentLoader = documentLoader();

/**
 * The RDF dataset jsonld.toRDF would produce for `document`, or null when the document is outside the fast
 * path (then the caller uses jsonld.js with its own loader, which may know more documents).
 */
export async function toDatasetFast(document: Json, _callerLoader?: DocumentLoader): Promise<Quad[] | null> {
  const loader = BUNDLED_ONLY;
  let cache = processedByLoader.get(loader);
  if (!cache) {
    cache = new WeakMap();
    processedByLoader.set(loader, cache);
  }
  const w: Walk = { options: optionsFor(loader), quads: [], seen: new Set(), blank: 0, labels: new Map(), cache };
  try {
    let roots = rootByLoader.get(loader);
    if (!roots) {
      roots = new Map();
      rootByLoader.set(loader, roots);
    }
    let initial = roots.get('');
    if (!initial) {
      initial = contextApi.getInitialContext(w.options);
      roots.set('', initial);
    }
    await node(w, document, initial, null, null);
    return w.quads;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
