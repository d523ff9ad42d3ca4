/**
 * JSON-LD strictness: the errors canonicalisation throws when a document is not JSON-LD that jsonld.js safe
 * mode accepts (undefined terms, colliding keywords, protected terms redefined, relative IRIs, …) or gives one
 * node two keys meaning @type, with the JSON Pointer of the place in the document. The fast path raises them
 * itself; jsonld.js's own errors on the fallback path are translated here, and a context that cannot be
 * loaded stays a plain error.
 */

/** The document is not strict JSON-LD (jsonld.js safe mode refuses it, or one node has two keys meaning @type); `path` is a JSON Pointer into it. */
export class JsonLdSafetyError extends Error {
  /** JSON Pointer (RFC 6901) of the offending node, key or value; '' is the whole document. */
  readonly path: string;
  /** What is wrong there, ending with the problem's code (jsonld.js's name for it) in parentheses. */
  readonly reason: string;

  constructor(path: string, reason: string, options?: { cause?: unknown }) {
    super(`JSON-LD is not strict at ${path === '' ? 'the document root' : path}: ${reason}`, options);
    this.name = 'JsonLdSafetyError';
    this.path = path;
    this.reason = reason;
  }
}

/** The JSON Pointer of `key` (an object key or an array index) under `parent`. */
export function pointer(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}/${key}`;
  return key.includes('~') || key.includes('/') ? `${parent}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` : `${parent}/${key}`;
}

/** What jsonld.js errors look like (JsonLdError: a name such as `jsonld.SyntaxError` and details). */
interface JsonLdErrorLike {
  name: string;
  message: string;
  details?: Record<string, unknown>;
}

function isJsonLdError(e: unknown): e is JsonLdErrorLike {
  return e instanceof Error && e.name.startsWith('jsonld.');
}

/** jsonld.js error names that mean the document itself is not acceptable JSON-LD (not a loading or usage problem). */
const CONTENT_ERRORS = new Set([
  'jsonld.SyntaxError',
  'jsonld.ValidationError',
  'jsonld.InvalidJsonLiteral',
  'jsonld.ProcessingModeConflict',
  'jsonld.CyclicalContext',
  'jsonld.UnsupportedVersion',
]);

/** True for a jsonld.js error about the document's content, which safe mode refuses (rather than a context it could not load). */
export function isJsonLdContentError(e: unknown): e is JsonLdErrorLike {
  return isJsonLdError(e) && CONTENT_ERRORS.has(e.name);
}

/** True for a jsonld.js error saying a context or document could not be loaded. */
export function isJsonLdLoadingError(e: unknown): e is JsonLdErrorLike {
  return (
    isJsonLdError(e) &&
    (e.name === 'jsonld.InvalidUrl' || e.name === 'jsonld.LoadDocumentError') &&
    (e.details?.['code'] === 'loading remote context failed' || e.details?.['code'] === 'loading document failed')
  );
}

const quote = (value: unknown): string => JSON.stringify(typeof value === 'string' ? value : (value ?? null)) ?? String(value);

/** The problem code and its details: a safe-mode event's, or the syntax error's own. */
function codeOf(e: JsonLdErrorLike): { code: string; details: Record<string, unknown> } {
  const event = e.details?.['event'];
  if (typeof event === 'object' && event !== null) {
    const { code, details } = event as { code?: unknown; details?: unknown };
    return { code: String(code), details: typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {} };
  }
  return { code: String(e.details?.['code'] ?? e.name), details: e.details ?? {} };
}

/** A one-line reason for a jsonld.js problem code, ending with the code in parentheses. */
export function reasonFor(code: string, details: Record<string, unknown>, fallback = 'jsonld.js refuses it'): string {
  switch (code) {
    case 'invalid property':
      return `${quote(details['property'])} is not defined by any context, so it would be dropped from what is signed (invalid property)`;
    case 'colliding keywords':
      return `two keys both give the node's ${String(details['keyword'])} (colliding keywords)`;
    case 'protected term redefinition':
      return `the protected term ${quote(details['term'])} is redefined (protected term redefinition)`;
    case 'relative @id reference':
      return `the id ${quote(details['id'])} is not an absolute IRI (relative @id reference)`;
    case 'reserved @id value':
      return `the id ${quote(details['id'])} looks like a keyword and is dropped (reserved @id value)`;
    case 'relative @type reference':
      return `the type ${quote(details['type'])} is not an absolute IRI (relative @type reference)`;
    case 'relative object reference':
      return `the IRI ${quote(details['object'])} is not absolute (relative object reference)`;
    case 'relative subject reference':
      return `the id ${quote(details['subject'])} is not an absolute IRI (relative subject reference)`;
    case 'relative predicate reference':
      return `the property ${quote(details['predicate'])} is not an absolute IRI (relative predicate reference)`;
    case 'blank node predicate':
      return `the property ${quote(details['property'])} is a blank node, which RDF does not allow as a predicate (blank node predicate)`;
    case 'relative @vocab reference':
      return `@vocab ${quote(details['vocab'])} is not an absolute IRI (relative @vocab reference)`;
    case 'reserved term':
      return `the context defines ${quote(details['term'])}, which looks like a keyword and is dropped (reserved term)`;
    case 'invalid @language value':
      return `${quote(details['language'])} is not a BCP 47 language tag (invalid @language value)`;
    case 'rdfDirection not set':
      return 'a string with a base direction (@direction) has no RDF form in canonicalisation (rdfDirection not set)';
    case 'empty object':
      return 'the object is empty and would be dropped (empty object)';
    case 'object with only @id':
      return 'the top-level node has an id and nothing else, so it would be dropped (object with only @id)';
    case 'free-floating scalar':
      return `the value ${quote(details['value'])} is not attached to any node (free-floating scalar)`;
    default:
      return `${fallback} (${code})`;
  }
}

/** Depth-first over a JSON value in jsonld.js's order (object keys sorted), stopping at the first place `test` accepts. */
function find(
  value: unknown,
  test: (value: unknown, path: string, key: string | number | null, inContext: boolean) => boolean,
  path = '',
  key: string | number | null = null,
  inContext = false,
  depth = 0,
): string | null {
  if (test(value, path, key, inContext)) return path;
  if (depth > 200 || typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const hit = find(item, test, pointer(path, i), i, inContext, depth + 1);
      if (hit !== null) return hit;
    }
    return null;
  }
  for (const k of Object.keys(value).sort()) {
    const hit = find((value as Record<string, unknown>)[k], test, pointer(path, k), k, inContext || k === '@context', depth + 1);
    if (hit !== null) return hit;
  }
  return null;
}

const keyNamed =
  (name: unknown, inContext: boolean | null = null) =>
  (_v: unknown, _p: string, key: string | number | null, ctx: boolean) =>
    key === name && (inContext === null || ctx === inContext);
const stringEqual = (s: unknown, under?: RegExp) => (v: unknown, p: string, _k: string | number | null, ctx: boolean) =>
  typeof v === 'string' && v === s && !ctx && (under === undefined || under.test(p));
/** Pointers to a value of an id key or a type key (directly or in its array). */
const ID_VALUE = /\/(id|@id)(\/\d+)?$/;
const TYPE_VALUE = /\/(type|@type)(\/\d+)?$/;

/** Where in the document a jsonld.js problem most likely is, as a JSON Pointer ('' when it cannot be told). */
export function locate(document: unknown, code: string, details: Record<string, unknown>): string {
  const first = (...candidates: Array<() => string | null>): string => {
    for (const candidate of candidates) {
      const hit = candidate();
      if (hit !== null) return hit;
    }
    return '';
  };
  switch (code) {
    case 'invalid property':
    case 'relative predicate reference':
      return first(() => find(document, keyNamed(details['property'] ?? details['predicate'], false)));
    case 'blank node predicate': {
      // jsonld.js names the blank node; the document uses a term some @context maps to it.
      const terms = termsMappedTo(document, details['property']);
      return first(
        () => find(document, (_v, _p, key, ctx) => !ctx && typeof key === 'string' && terms.has(key)),
        () => find(document, keyNamed(details['property'], false)),
      );
    }
    case 'invalid @id value':
      return first(() => find(document, (v, _p, key, ctx) => !ctx && (key === 'id' || key === '@id') && typeof v !== 'string'));
    case 'invalid type value':
      return first(() =>
        find(
          document,
          (v, _p, key, ctx) =>
            !ctx &&
            (key === 'type' || key === '@type') &&
            typeof v !== 'string' &&
            !(Array.isArray(v) && v.every((t) => typeof t === 'string')),
        ),
      );
    case 'colliding keywords': {
      const keyword = String(details['keyword']);
      const bare = keyword.replace(/^@/, '');
      return first(
        () => find(document, (v, _p, _k, ctx) => !ctx && isPlain(v) && keyword in v && bare in v),
        () => find(document, (v, _p, _k, ctx) => !ctx && isPlain(v) && keyword in v),
      );
    }
    case 'protected term redefinition':
    case 'reserved term':
      return first(() => find(document, keyNamed(details['term'], true)));
    case 'relative @vocab reference':
      return first(() => find(document, (_v, _p, key, ctx) => ctx && key === '@vocab'));
    case 'relative @id reference':
    case 'reserved @id value':
      return first(
        () => find(document, stringEqual(details['id'], ID_VALUE)),
        () => find(document, stringEqual(details['id'])),
        () => find(document, keyNamed(details['id'], false)),
      );
    case 'relative @type reference':
      return first(
        () => find(document, stringEqual(details['type'], TYPE_VALUE)),
        () => find(document, stringEqual(details['type'])),
      );
    case 'relative object reference':
    case 'relative subject reference': {
      const iri = details['object'] ?? details['subject'];
      return first(
        () => find(document, stringEqual(iri)),
        () => (typeof iri === 'string' && iri.startsWith('./') ? find(document, stringEqual(iri.slice(2))) : null),
        () => (iri === './' ? find(document, stringEqual('')) : null),
      );
    }
    case 'invalid @language value':
      return first(
        () => find(document, (v, _p, key, ctx) => (key === '@language' || ctx) && v === details['language']),
        () => find(document, keyNamed(details['language'])),
      );
    case 'rdfDirection not set':
      return first(() => find(document, keyNamed('@direction')));
    case 'free-floating scalar':
      return first(() => find(document, (v, _p, key) => key !== null && v === details['value']));
    default: {
      const term = details['term'];
      if (typeof term === 'string') return first(() => find(document, keyNamed(term)));
      const value = details['value'];
      if (typeof value === 'string') return first(() => find(document, stringEqual(value)));
      return '';
    }
  }
}

/** The pointer, relative to a document's own @context value, of the entry a context-processing error names ('' if none). */
export function locateInContext(e: JsonLdErrorLike, context: unknown): string {
  const { code, details } = codeOf(e);
  const term = details['term'];
  if (typeof term === 'string') return find(context, keyNamed(term)) ?? '';
  if (code === 'relative @vocab reference') return find(context, keyNamed('@vocab')) ?? '';
  if (code === 'invalid @language value') return find(context, keyNamed('@language')) ?? '';
  return '';
}

/** Names of the terms any @context in the document maps to `iri` (as a string or as {"@id": iri}). */
function termsMappedTo(document: unknown, iri: unknown): Set<string> {
  const terms = new Set<string>();
  find(document, (v, _p, key, ctx) => {
    if (ctx && typeof key === 'string' && (v === iri || (isPlain(v) && v['@id'] === iri))) terms.add(key);
    return false;
  });
  return terms;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JsonLdSafetyError for a jsonld.js content error (see isJsonLdContentError), located in `document` when `path` is not given. */
export function safetyErrorOf(e: JsonLdErrorLike, document: unknown, path?: string): JsonLdSafetyError {
  const { code, details } = codeOf(e);
  const fallback = e.message.replace(/^Invalid JSON-LD syntax; /, '').replace(/\.$/, '');
  return new JsonLdSafetyError(path ?? locate(document, code, details), reasonFor(code, details, fallback), { cause: e });
}

/**
 * What canonicalisation should throw for an error from jsonld.js: a JsonLdSafetyError for content jsonld.js
 * safe mode refuses; for a context or document that could not be loaded, an Error naming the URL and the
 * loader's reason (with our loaders, "… not available offline"), never a JsonLdSafetyError; anything else as it is.
 */
export function jsonLdFailure(e: unknown, document: unknown): unknown {
  if (isJsonLdContentError(e)) return safetyErrorOf(e, document);
  if (isJsonLdLoadingError(e)) {
    const cause = e.details?.['cause'];
    const why = cause instanceof Error ? cause.message : e.message;
    const url = e.details?.['url'];
    return new Error(
      typeof url === 'string' ? `The JSON-LD context ${url} could not be loaded: ${why}` : `A JSON-LD document could not be loaded: ${why}`,
      { cause: e },
    );
  }
  return e;
}

/**
 * Numbers that RDF canonicalisation does not keep exactly: jsonld.js writes a number whose JavaScript text has
 * no "." (1e-7, 2.5e-8) as an integer, so 1e-7 and 3e-7 both sign as "0" and the signature cannot tell them
 * apart. Returns the JSON Pointer and value of each such number.
 */
export function lossyNumbers(document: unknown): Array<{ path: string; value: number }> {
  return hasLossy(document) ? lossyAt(document, '') : [];
}

const isLossy = (n: number) => !Number.isInteger(n) && Number.isFinite(n) && !String(n).includes('.') && Math.abs(n) < 1e21;

function lossyAt(document: unknown, path: string): Array<{ path: string; value: number }> {
  if (typeof document === 'number') return isLossy(document) ? [{ path, value: document }] : [];
  if (Array.isArray(document)) return document.flatMap((v, i) => lossyAt(v, pointer(path, i)));
  if (typeof document === 'object' && document !== null)
    return Object.entries(document).flatMap(([k, v]) => (k === '@context' ? [] : lossyAt(v, pointer(path, k))));
  return [];
}

/**
 * Frozen objects, frozen all the way down, known to hold no lossy number (frozen is for ever, so this never goes
 * stale): the achievement a bulk job embeds in thousands of credentials is looked through once.
 */
const cleanFrozen = new WeakSet<object>();

/** Whether a value holds a lossy number (outside @context), without building pointers. */
function hasLossy(value: unknown, depth = 0): boolean {
  if (typeof value === 'number') return isLossy(value);
  if (typeof value !== 'object' || value === null || cleanFrozen.has(value)) return false;
  if (depth > 200) return lossyAt(value, '').length > 0;
  const entries = Object.entries(value);
  for (const [k, v] of entries) if (k !== '@context' && hasLossy(v, depth + 1)) return true;
  if (Object.isFrozen(value) && entries.every(([k, v]) => k === '@context' || typeof v !== 'object' || v === null || cleanFrozen.has(v)))
    cleanFrozen.add(value);
  return false;
}
