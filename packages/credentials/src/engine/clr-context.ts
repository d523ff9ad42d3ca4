/**
 * The CLR 2.0 JSON-LD contexts, defined here because no npm package ships them.
 *
 * CLR 2.0 adds few terms of its own on top of VC and OB 3.0: the ClrCredential (with `partial`), the
 * ClrSubject (its achievements, associations, embedded credentials and identifiers) and the Association
 * (a typed link from one achievement to another). Every term maps into the CLR vocabulary. The two
 * published versions differ in where `obi:` points and in `partial` / `identifier`, which 2.0.1 added.
 * clr-context.test.ts proves both expand exactly like 1EdTech's published documents.
 */

/** CLR 2.0.1, the current version. */
export const CLR_CONTEXT_2_0_1 = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
/** CLR 2.0 as first published. */
export const CLR_CONTEXT_2_0 = 'https://purl.imsglobal.org/spec/clr/v2p0/context.json';

const VOCAB = 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#';
const term = (name: string, extra: Record<string, string> = {}) => ({ '@id': `${VOCAB}${name}`, ...extra });
const setOf = (name: string, type: string) => term(name, { '@type': type, '@container': '@set' });
const KEYWORDS = { id: '@id', type: '@type' } as const;

function build(current: boolean) {
  const subject: Record<string, unknown> = {
    ...KEYWORDS,
    cred: 'https://www.w3.org/2018/credentials#',
    obi: current ? 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#' : 'https://purl.imsglobal.org/spec/ob/v3p0/vocab.html#',
    achievement: setOf('achievement', 'obi:Achievement'),
    association: setOf('association', `${VOCAB}Association`),
    verifiableCredential: setOf('verifiableCredential', 'cred:verifiableCredential'),
  };
  // 2.0.1 names the identifier term `identifier-1` in the vocabulary (to keep it apart from OB's).
  if (current) subject['identifier'] = setOf('identifier-1', 'obi:Identifier');
  return {
    '@context': {
      ...KEYWORDS,
      ClrCredential: {
        ...term('ClrCredential'),
        '@context': current ? { ...KEYWORDS, partial: term('partial', { '@type': 'xsd:boolean' }) } : { ...KEYWORDS },
      },
      ClrSubject: { ...term('ClrSubject'), '@context': subject },
      Association: {
        ...term('Association'),
        '@context': {
          associationType: term('AssociationType'),
          sourceId: term('sourceId', { '@type': 'xsd:anyURI' }),
          targetId: term('targetId', { '@type': 'xsd:anyURI' }),
        },
      },
    },
  };
}

/** The CLR contexts by URL. */
export const CLR_CONTEXTS: ReadonlyMap<string, unknown> = new Map([
  [CLR_CONTEXT_2_0_1, build(true)],
  [CLR_CONTEXT_2_0, build(false)],
]);
