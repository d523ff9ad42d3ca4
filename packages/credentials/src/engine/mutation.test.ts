// Mutation corpus: systematic changes to valid signed credentials. Every mutation names the ONE step that
// must reject it (and how), so a mutation that is rejected for the wrong reason fails here too:
//   a changed, removed or added value (a term a context defines) → `proof` failed (the signature covers the RDF)
//   the VC context (first) changed, removed or moved; the whole @context removed → `format` failed
//   the OB context changed, swapped or removed; the credential's own type changed → `type` failed
//   a nested object's type changed or removed; the credential type swapped for another kind → `structure` failed
//   an undefined term or type added, `@id`/`@type` beside `id`/`type`, an embedded context redefining a
//     protected term → `jsonld` failed (an appended context the engine does not bundle → `jsonld` unknown)
//   proof value, date, method, purpose or suite changed → `proof` failed
//   the issuer's key swapped for another (re-signed), or a key document naming the issuer → `issuer` failed
//   JWT: alg none, HMAC, header, payload or signature changed → `proof.jwt` failed; iss changed (re-signed) →
//     `issuer` failed; a jwk header with a self-made key (re-signed) → `issuer` unknown; jti/exp changed
//     (re-signed) → `jwt.claims` failed
// Subjects: the 1EdTech simple.json and endorsement-valid.json (their https issuers' profiles, which list the
// fragment keys under assertionMethod, are given as documents) and a credential we sign for a did:key issuer.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CompactSign } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  documentLoader,
  ed25519PrivateKey,
  multikeyFromEd25519,
  seedSigner,
  signDataIntegrity,
  signJwt,
  verifyCredential,
} from '../index.js';
import type { Report } from '../index.js';

type Json = Record<string, unknown>;
type Path = Array<string | number>;
type Status = 'failed' | 'unknown';
/** A mutated document (or token), the step that must reject it, and how. */
interface Mutation<T = Json> {
  label: string;
  input: T;
  step: string;
  status: Status;
  /** Text the step's message must contain (the undefined term a jsonld failure names). */
  mentions?: string;
}

const OB30 = new URL('../../test/fixtures/1edtech-validator/ob30/', import.meta.url);
const NOW = new Date('2026-11-24T00:00:00Z');
const fixture = (name: string) => JSON.parse(readFileSync(new URL(name, OB30), 'utf8')) as Json;

/** A did:key from a fixed seed (so the corpus is the same on every run). */
function didKey(label: string) {
  const seed = createHash('sha256').update(`tessera mutation corpus / ${label}`).digest();
  const publicKey = ed25519PrivateKey(seed).export({ format: 'jwk' });
  const multikey = multikeyFromEd25519(Buffer.from(publicKey.x ?? '', 'base64url'));
  const did = `did:key:${multikey}`;
  return { did, id: `${did}#${multikey}`, seed };
}

/** An https issuer's published profile listing its (fragment) key under assertionMethod. */
function profileListing(signed: Json): Map<string, unknown> {
  const issuer = (signed['issuer'] as Json)['id'] as string;
  const method = ((signed['proof'] as Json[])[0] as Json)['verificationMethod'] as string;
  return new Map([
    [
      issuer,
      {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        id: issuer,
        type: ['Profile'],
        name: 'Issuer',
        assertionMethod: [method],
      },
    ],
  ]);
}

/** Every path to a value below the root, excluding the proof (mutated separately). */
function paths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push([...prefix, i], ...paths(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (prefix.length === 0 && k === 'proof') continue;
      out.push([...prefix, k], ...paths(v, [...prefix, k]));
    }
  }
  return out;
}

const valueAt = (doc: unknown, path: Path): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], doc);

function edit(doc: Json, path: Path, change: (parent: Json | unknown[], key: string | number) => void): Json {
  const copy = structuredClone(doc);
  change(valueAt(copy, path.slice(0, -1)) as Json, path[path.length - 1] as string | number);
  return copy;
}

/** A copy with the object at `path` changed in place. */
function editNode(doc: Json, path: Path, change: (node: Json) => void): Json {
  const copy = structuredClone(doc);
  change(valueAt(copy, path) as Json);
  return copy;
}

function changed(value: unknown): unknown {
  if (typeof value === 'string') return value.length > 0 ? `${value.slice(0, -1)}${value.endsWith('x') ? 'y' : 'x'}` : 'x';
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  // A duplicate array entry would leave the RDF unchanged, so append a new value instead.
  if (Array.isArray(value))
    return [
      ...value,
      typeof value[0] === 'string'
        ? value[0].startsWith('http')
          ? 'https://example.org/extra'
          : 'ExtraType'
        : { id: 'https://example.org/extra' },
    ];
  return { ...(value as object), description: 'injected' };
}

/**
 * The one step that must reject a change to, removal of, or addition to the value at `path` (see the table at
 * the top). `type` values are JSON-LD terms: an unknown one is undefined (jsonld), a missing one breaks the
 * structure (or, for the credential itself, its type); everything else is signed content (proof).
 */
function expectedFor(op: 'change' | 'remove' | 'add', path: Path): { step: string; status: Status } {
  const failed = (step: string) => ({ step, status: 'failed' as const });
  const [first, second] = path;
  const last = path[path.length - 1];
  if (first === '@context') {
    if (path.length === 1) return op === 'remove' ? failed('format') : { step: 'jsonld', status: 'unknown' };
    if (second === 0) return failed('format');
    if (second === 1) return failed('type');
    // A further context changed names a context the engine does not bundle; removed, the terms it defined are undefined.
    return op === 'change' ? { step: 'jsonld', status: 'unknown' } : failed('jsonld');
  }
  const typePath = last === 'type' ? path : path[path.length - 2] === 'type' ? path.slice(0, -1) : null;
  if (typePath && op !== 'add') {
    const root = typePath.length === 1;
    const element = typePath !== path;
    const schemaType = typePath[0] === 'credentialSchema';
    if (op === 'change') {
      // The whole list gains an undefined type; one element changed: the credential's own kind, or a nested object's required type.
      if (!element || schemaType) return failed('jsonld');
      if (root) return failed(last === 0 ? 'jsonld' : 'type');
      return failed('structure');
    }
    if (schemaType) return failed('proof');
    if (root) return failed(element && last === 0 ? 'jsonld' : 'type');
    return failed('structure');
  }
  return failed('proof');
}

/** Systematic mutations of a signed JSON credential. */
function mutations(signed: Json): Mutation[] {
  const out: Mutation[] = [];
  const push = (label: string, input: Json, expected: { step: string; status: Status }, mentions?: string) =>
    out.push({ label, input, ...expected, ...(mentions ? { mentions } : {}) });
  for (const p of paths(signed)) {
    const label = p.join('.');
    push(
      `change ${label}`,
      edit(
        signed,
        p,
        (parent, key) => ((parent as Record<string | number, unknown>)[key] = changed((parent as Record<string | number, unknown>)[key])),
      ),
      expectedFor('change', p),
    );
    push(
      `remove ${label}`,
      edit(signed, p, (parent, key) => {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key as string];
      }),
      expectedFor('remove', p),
    );
    const target = valueAt(signed, p);
    if (typeof target === 'object' && target !== null && !Array.isArray(target) && p[0] !== '@context') {
      push(
        `add to ${label}`,
        edit(signed, p, (parent, key) => (((parent as Record<string | number, Json>)[key] as Json)['description'] = 'added')),
        expectedFor('add', p),
      );
    }
  }
  push('add at root', { ...signed, description: 'added' }, expectedFor('add', []));

  // JSON-LD strictness, at every object: an undefined term, `@id`/`@type` beside `id`/`type`, an embedded context redefining a protected term.
  const objects: Path[] = [
    [],
    ...paths(signed).filter(
      (p) =>
        p[0] !== '@context' && typeof valueAt(signed, p) === 'object' && valueAt(signed, p) !== null && !Array.isArray(valueAt(signed, p)),
    ),
  ];
  for (const p of objects) {
    const where = p.length ? p.join('.') : 'the root';
    const node = valueAt(signed, p) as Json;
    const inNode = (change: (n: Json) => void) => editNode(signed, p, change);
    push(
      `undefined term added at ${where}`,
      inNode((n) => (n['notInAnyContext'] = 'x')),
      { step: 'jsonld', status: 'failed' },
      'notInAnyContext',
    );
    if (node['id'] !== undefined)
      push(
        `@id beside id at ${where}`,
        inNode((n) => (n['@id'] = n['id'])),
        { step: 'jsonld', status: 'failed' },
      );
    if (node['type'] !== undefined)
      push(
        `@type beside type at ${where}`,
        inNode((n) => (n['@type'] = structuredClone(n['type']))),
        { step: 'jsonld', status: 'failed' },
      );
    push(
      `embedded context redefining name at ${where}`,
      inNode(
        (n) =>
          (n['@context'] =
            p.length === 0
              ? [...(n['@context'] as unknown[]), { name: 'https://example.org/name' }]
              : { name: 'https://example.org/name' }),
      ),
      { step: 'jsonld', status: 'failed' },
    );
  }

  const proof = (signed['proof'] as Json[])[0] as Json;
  const withProof = (p: Json): Json => ({ ...signed, proof: [p] });
  const value = String(proof['proofValue']);
  const proofFailed = { step: 'proof', status: 'failed' as const };
  push(
    'proofValue changed',
    withProof({ ...proof, proofValue: `${value.slice(0, 10)}${value[10] === 'A' ? 'B' : 'A'}${value.slice(11)}` }),
    proofFailed,
  );
  push('proofValue truncated', withProof({ ...proof, proofValue: value.slice(0, -4) }), proofFailed);
  push('created changed', withProof({ ...proof, created: '2011-01-01T00:00:00Z' }), proofFailed);
  push('created in the future', withProof({ ...proof, created: '2099-01-01T00:00:00Z' }), proofFailed);
  push('verificationMethod changed', withProof({ ...proof, verificationMethod: didKey('another key').id }), proofFailed);
  push('proofPurpose changed to authentication', withProof({ ...proof, proofPurpose: 'authentication' }), proofFailed);
  push('proofPurpose changed to capabilityInvocation', withProof({ ...proof, proofPurpose: 'capabilityInvocation' }), proofFailed);
  push('cryptosuite changed to ecdsa-rdfc-2019', withProof({ ...proof, cryptosuite: 'ecdsa-rdfc-2019' }), proofFailed);
  push('cryptosuite changed to eddsa-2022', withProof({ ...proof, cryptosuite: 'eddsa-2022' }), proofFailed);
  push('cryptosuite changed to eddsa-jcs-2022', withProof({ ...proof, cryptosuite: 'eddsa-jcs-2022' }), proofFailed);
  push('proof removed', { ...signed, proof: [] }, proofFailed);
  const ctx = signed['@context'] as string[];
  push(
    'OB context swapped for the DCC context',
    { ...signed, '@context': ctx.map((c) => (c.includes('/ob/v3p0/') ? 'https://w3id.org/dcc/v1' : c)) },
    { step: 'type', status: 'failed' },
  );
  push('OB context removed', { ...signed, '@context': ctx.filter((c) => !c.includes('/ob/v3p0/')) }, { step: 'type', status: 'failed' });
  push(
    'context version changed to VC 1.1',
    { ...signed, '@context': ['https://www.w3.org/2018/credentials/v1', ...ctx.slice(1)] },
    { step: 'structure', status: 'failed' },
  );
  push('contexts reordered', { ...signed, '@context': [...ctx].reverse() }, { step: 'format', status: 'failed' });
  const types = ([] as unknown[]).concat(signed['type']);
  push(
    'type changed to the other kind',
    {
      ...signed,
      type: ['VerifiableCredential', types.includes('EndorsementCredential') ? 'OpenBadgeCredential' : 'EndorsementCredential'],
    },
    { step: 'structure', status: 'failed' },
  );
  push('type reduced', { ...signed, type: 'VerifiableCredential' }, { step: 'type', status: 'failed' });
  return out;
}

/** Mutations that need a signer: the issuer unchanged, another key signs (a did:key, or a key document naming the issuer). */
async function resigned(signed: Json): Promise<Array<{ mutation: Mutation; documents: Map<string, unknown> }>> {
  const { proof: _proof, ...unsigned } = signed;
  const issuer = (signed['issuer'] as Json)['id'] as string;
  const other = didKey('substituted key');
  const byOther = await signDataIntegrity(unsigned, {
    signer: seedSigner(other.seed, other.id),
    created: '2024-05-01T00:00:00Z',
    loader: documentLoader(),
  });
  const keyUrl = 'https://keys.example.org/claims-the-issuer';
  const raw = Buffer.from(ed25519PrivateKey(other.seed).export({ format: 'jwk' }).x ?? '', 'base64url');
  const keyDoc = {
    '@context': 'https://w3id.org/security/multikey/v1',
    id: keyUrl,
    type: 'Multikey',
    controller: issuer,
    publicKeyMultibase: multikeyFromEd25519(raw),
  };
  const byKeyDoc = await signDataIntegrity(unsigned, {
    signer: seedSigner(other.seed, keyUrl),
    created: '2024-05-01T00:00:00Z',
    loader: documentLoader(),
  });
  return [
    {
      mutation: {
        label: 'key substituted: re-signed by another did:key, issuer unchanged',
        input: byOther,
        step: 'issuer',
        status: 'failed',
      },
      documents: new Map(),
    },
    {
      mutation: {
        label: 'key substituted: re-signed with an https key document whose controller is the issuer',
        input: byKeyDoc,
        step: 'issuer',
        status: 'failed',
      },
      documents: new Map([[keyUrl, keyDoc]]),
    },
  ];
}

/** What went wrong with one mutation, or null when it was rejected by the step it names. */
function mismatch(m: Mutation<unknown>, report: Report): string | null {
  const named = report.steps.filter((s) => s.id === m.step);
  const hit = named.find((s) => s.status === m.status);
  if (report.verdict !== 'valid' && hit && (!m.mentions || hit.message.includes(m.mentions))) return null;
  const others = report.steps.filter((s) => s.status === 'failed' || s.status === 'unknown').map((s) => `${s.id} ${s.status}`);
  return `${m.label}: ${report.verdict}; wanted ${m.step} ${m.status}${m.mentions ? ` naming ${m.mentions}` : ''}, got ${named.map((s) => s.status).join('/') || 'no such step'} (not passed: ${others.join(', ') || 'none'})`;
}

const sizes: number[] = [];

describe('mutation corpus: every mutation is rejected by the step it names', () => {
  const subjects: Array<[string, () => Promise<{ signed: Json; documents: Map<string, unknown> }>]> = [
    ['the 1EdTech simple.json', async () => ({ signed: fixture('simple.json'), documents: profileListing(fixture('simple.json')) })],
    [
      'the 1EdTech endorsement-valid.json',
      async () => ({ signed: fixture('endorsement-valid.json'), documents: profileListing(fixture('endorsement-valid.json')) }),
    ],
    [
      'a credential we sign (did:key)',
      async () => {
        const key = didKey('issuer');
        const base = fixture('simple.json');
        delete base['proof'];
        const signed = await signDataIntegrity(
          { ...base, issuer: { id: key.did, type: ['Profile'], name: 'Tessera test issuer' }, validUntil: '2030-01-01T00:00:00Z' },
          { signer: seedSigner(key.seed, key.id), created: '2024-05-01T00:00:00Z', loader: documentLoader() },
        );
        return { signed, documents: new Map() };
      },
    ],
  ];

  it.each(subjects)('%s: valid as signed, and every mutation rejected by its step', async (_name, make) => {
    const { signed, documents } = await make();
    const genuine = await verifyCredential(signed, { now: NOW, documents });
    expect(genuine.verdict, JSON.stringify(genuine.steps, null, 1)).toBe('valid');
    const corpus = mutations(signed);
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    const problems: string[] = [];
    for (const m of corpus) {
      const problem = mismatch(m, await verifyCredential(m.input, { now: NOW, documents }));
      if (problem) problems.push(problem);
    }
    const extra = await resigned(signed);
    for (const { mutation, documents: more } of extra) {
      const problem = mismatch(mutation, await verifyCredential(mutation.input, { now: NOW, documents: new Map([...documents, ...more]) }));
      if (problem) problems.push(problem);
    }
    sizes.push(corpus.length + extra.length);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('covers at least 200 JSON mutations in all', () => {
    expect(sizes).toHaveLength(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(200);
  });

  it('rejects JWT tampering by the step it names: alg none, HMAC, header, payload, signature, iss, jwk header, claims', async () => {
    const key = didKey('jwt issuer');
    const base = fixture('simple.json');
    delete base['proof'];
    const credential = {
      ...base,
      issuer: { id: key.did, type: ['Profile'], name: 'Tessera test issuer' },
      validUntil: '2030-01-01T00:00:00Z',
    };
    const jwt = await signJwt(credential, { key: ed25519PrivateKey(key.seed), alg: 'EdDSA', kid: key.id });
    const genuine = await verifyCredential(jwt, { now: NOW });
    expect(genuine.verdict, JSON.stringify(genuine.steps, null, 1)).toBe('valid');
    const [h = '', p = '', s = ''] = jwt.split('.');
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as Json;
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Json;
    const other = didKey('jwt other key');
    const issuerKey = ed25519PrivateKey(key.seed);
    /** The payload changed and signed again with the issuer's own key (what only the issuer, or a bug, could make). */
    const resign = (change: Json) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify({ ...payload, ...change })))
        .setProtectedHeader({ ...header, alg: 'EdDSA' })
        .sign(issuerKey);
    const hmac = (secret: Uint8Array) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ ...header, alg: 'HS256' }).sign(secret);
    const publicRaw = Buffer.from(issuerKey.export({ format: 'jwk' }).x ?? '', 'base64url');
    const selfMade = ed25519PrivateKey(other.seed);
    const jwkHeader = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({
        alg: 'EdDSA',
        typ: 'JWT',
        jwk: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(selfMade.export({ format: 'jwk' }).x ?? '', 'base64url').toString('base64url') },
      })
      .sign(selfMade);
    const jwtFailed = { step: 'proof.jwt', status: 'failed' as const };
    const tampered: Array<Mutation<string>> = [
      { label: 'alg none', input: `${enc({ ...header, alg: 'none' })}.${p}.`, ...jwtFailed },
      { label: 'alg none with signature', input: `${enc({ ...header, alg: 'none' })}.${p}.${s}`, ...jwtFailed },
      { label: 'alg HS256', input: `${enc({ ...header, alg: 'HS256' })}.${p}.${s}`, ...jwtFailed },
      { label: "HS256 keyed with the issuer's public key bytes", input: await hmac(publicRaw), ...jwtFailed },
      { label: 'alg ES256 claimed for the Ed25519 key', input: `${enc({ ...header, alg: 'ES256' })}.${p}.${s}`, ...jwtFailed },
      { label: 'kid changed', input: `${enc({ ...header, kid: other.id })}.${p}.${s}`, ...jwtFailed },
      { label: 'kid removed', input: `${enc({ alg: header['alg'] })}.${p}.${s}`, ...jwtFailed },
      {
        label: 'jwk header injected',
        input: `${enc({ ...header, jwk: { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' } })}.${p}.${s}`,
        ...jwtFailed,
      },
      {
        label: 'payload name changed',
        input: `${h}.${enc({ ...payload, vc: { ...(payload['vc'] as Json), name: 'Other' } })}.${s}`,
        ...jwtFailed,
      },
      { label: 'iss changed', input: `${h}.${enc({ ...payload, iss: 'did:example:other' })}.${s}`, ...jwtFailed },
      { label: 'signature changed', input: `${h}.${p}.${s.slice(0, -3)}AAA`, ...jwtFailed },
      {
        label: 'key substitution',
        input: await signJwt(credential, { key: ed25519PrivateKey(other.seed), alg: 'EdDSA', kid: key.id }),
        ...jwtFailed,
      },
      {
        label: 'another did:key signs as itself, issuer unchanged',
        input: await signJwt(credential, { key: ed25519PrivateKey(other.seed), alg: 'EdDSA', kid: other.id }),
        step: 'issuer',
        status: 'failed',
      },
      { label: 'iss changed and re-signed', input: await resign({ iss: 'did:example:other' }), step: 'issuer', status: 'failed' },
      {
        label: 'a jwk header carrying a self-made key',
        input: jwkHeader,
        step: 'issuer',
        status: 'unknown',
        mentions: 'the token carries its own key, which the issuer does not publish',
      },
      {
        label: 'jti changed and re-signed',
        input: await resign({ jti: 'urn:uuid:00000000-0000-4000-8000-000000000001' }),
        step: 'jwt.claims',
        status: 'failed',
      },
      {
        label: 'exp changed and re-signed',
        input: await resign({ exp: Number(payload['exp']) + 86_400 }),
        step: 'jwt.claims',
        status: 'failed',
      },
    ];
    expect(tampered.length).toBeGreaterThanOrEqual(10);
    const problems: string[] = [];
    for (const m of tampered) {
      const problem = mismatch(m, await verifyCredential(m.input, { now: NOW }));
      if (problem) problems.push(problem);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
