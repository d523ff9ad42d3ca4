// Mutation corpus: systematic changes to valid signed credentials must never verify as valid.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentLoader, ed25519PrivateKey, multikeyFromEd25519, seedSigner, signDataIntegrity, signJwt, verifyCredential } from '../index.js';

type Json = Record<string, unknown>;
const OB30 = new URL('../../test/fixtures/1edtech-validator/ob30/', import.meta.url);
const NOW = new Date('2026-11-24T00:00:00Z');
const fixture = (name: string) => JSON.parse(readFileSync(new URL(name, OB30), 'utf8')) as Json;

function didKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const multikey = multikeyFromEd25519(Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url'));
  const did = `did:key:${multikey}`;
  return { did, id: `${did}#${multikey}`, seed: Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url') };
}

/** Every path to a value below the root, excluding the proof (mutated separately). */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push([...prefix, i], ...paths(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (prefix.length === 0 && k === 'proof') continue;
      out.push([...prefix, k], ...paths(v, [...prefix, k]));
    }
  }
  return out;
}

function edit(doc: Json, path: Array<string | number>, change: (parent: Json | unknown[], key: string | number) => void): Json {
  const copy = structuredClone(doc);
  let parent: unknown = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  change(parent as Json, path[path.length - 1] as string | number);
  return copy;
}

function changed(value: unknown): unknown {
  if (typeof value === 'string') return value.length > 0 ? `${value.slice(0, -1)}${value.endsWith('x') ? 'y' : 'x'}` : 'x';
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  // A duplicate array entry would leave the RDF unchanged, so append a new value instead.
  if (Array.isArray(value)) return [...value, typeof value[0] === 'string' ? (value[0].startsWith('http') ? 'https://example.org/extra' : 'ExtraType') : { id: 'https://example.org/extra' }];
  return { ...(value as object), description: 'injected' };
}

/** Systematic mutations of a signed JSON credential, each with a label. */
function mutations(signed: Json): Array<[string, Json]> {
  const out: Array<[string, Json]> = [];
  for (const p of paths(signed)) {
    const label = p.join('.');
    out.push([`change ${label}`, edit(signed, p, (parent, key) => ((parent as Record<string | number, unknown>)[key] = changed((parent as Record<string | number, unknown>)[key])))]);
    out.push([
      `remove ${label}`,
      edit(signed, p, (parent, key) => {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key as string];
      }),
    ]);
    const target = p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], signed);
    if (typeof target === 'object' && target !== null && !Array.isArray(target)) out.push([`add to ${label}`, edit(signed, p, (parent, key) => (((parent as Record<string | number, Json>)[key] as Json)['description'] = 'added'))]);
  }
  out.push(['add at root', { ...signed, description: 'added' }]);
  const proof = (signed['proof'] as Json[])[0] as Json;
  const withProof = (p: Json): Json => ({ ...signed, proof: [p] });
  const value = String(proof['proofValue']);
  out.push(['proofValue changed', withProof({ ...proof, proofValue: `${value.slice(0, 10)}${value[10] === 'A' ? 'B' : 'A'}${value.slice(11)}` })]);
  out.push(['proofValue truncated', withProof({ ...proof, proofValue: value.slice(0, -4) })]);
  out.push(['created changed', withProof({ ...proof, created: '2011-01-01T00:00:00Z' })]);
  out.push(['created in the future', withProof({ ...proof, created: '2099-01-01T00:00:00Z' })]);
  out.push(['verificationMethod changed', withProof({ ...proof, verificationMethod: didKey().id })]);
  out.push(['proofPurpose changed', withProof({ ...proof, proofPurpose: 'authentication' })]);
  out.push(['cryptosuite changed', withProof({ ...proof, cryptosuite: 'ecdsa-rdfc-2019' })]);
  out.push(['proof removed', { ...signed, proof: [] }]);
  const ctx = signed['@context'] as string[];
  out.push(['OB context swapped for the DCC context', { ...signed, '@context': ctx.map((c) => (c.includes('/ob/v3p0/') ? 'https://w3id.org/dcc/v1' : c)) }]);
  out.push(['OB context removed', { ...signed, '@context': ctx.filter((c) => !c.includes('/ob/v3p0/')) }]);
  out.push(['context version changed to VC 1.1', { ...signed, '@context': ['https://www.w3.org/2018/credentials/v1', ...ctx.slice(1)] }]);
  out.push(['contexts reordered', { ...signed, '@context': [...ctx].reverse() }]);
  const types = ([] as unknown[]).concat(signed['type']);
  out.push(['type changed', { ...signed, type: ['VerifiableCredential', types.includes('EndorsementCredential') ? 'OpenBadgeCredential' : 'EndorsementCredential'] }]);
  out.push(['type reduced', { ...signed, type: 'VerifiableCredential' }]);
  return out;
}

const sizes: number[] = [];

describe('mutation corpus', () => {
  const subjects: Array<[string, () => Promise<Json>]> = [
    ['the 1EdTech simple.json', async () => fixture('simple.json')],
    ['the 1EdTech endorsement-valid.json', async () => fixture('endorsement-valid.json')],
    [
      'a credential we sign (did:key)',
      async () => {
        const key = didKey();
        const base = fixture('simple.json');
        delete base['proof'];
        return signDataIntegrity({ ...base, issuer: { id: key.did, type: ['Profile'], name: 'Tessera test issuer' }, validUntil: '2030-01-01T00:00:00Z' }, { signer: seedSigner(key.seed, key.id), created: '2024-05-01T00:00:00Z', loader: documentLoader() });
      },
    ],
  ];

  it.each(subjects)('rejects every systematic mutation of %s', async (_name, make) => {
    const signed = await make();
    expect((await verifyCredential(signed, { now: NOW })).verdict).toBe('valid');
    const corpus = mutations(signed);
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    sizes.push(corpus.length);
    const accepted: string[] = [];
    for (const [label, doc] of corpus) if ((await verifyCredential(doc, { now: NOW })).verdict === 'valid') accepted.push(label);
    expect(accepted).toEqual([]);
  });

  it('covers at least 200 JSON mutations in all', () => {
    expect(sizes).toHaveLength(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(200);
  });

  it('rejects JWT tampering: alg none, header changes, payload changes and key substitution', async () => {
    const key = didKey();
    const base = fixture('simple.json');
    delete base['proof'];
    const credential = { ...base, issuer: { id: key.did, type: ['Profile'], name: 'Tessera test issuer' } };
    const jwt = await signJwt(credential, { key: ed25519PrivateKey(key.seed), alg: 'EdDSA', kid: key.id });
    expect((await verifyCredential(jwt, { now: NOW })).verdict).toBe('valid');
    const [h = '', p = '', s = ''] = jwt.split('.');
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as Json;
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Json;
    const other = didKey();
    const substituted = await signJwt(credential, { key: ed25519PrivateKey(other.seed), alg: 'EdDSA', kid: key.id });
    const tampered: Array<[string, string]> = [
      ['alg none', `${enc({ ...header, alg: 'none' })}.${p}.`],
      ['alg none with signature', `${enc({ ...header, alg: 'none' })}.${p}.${s}`],
      ['alg HS256', `${enc({ ...header, alg: 'HS256' })}.${p}.${s}`],
      ['kid changed', `${enc({ ...header, kid: other.id })}.${p}.${s}`],
      ['kid removed', `${enc({ alg: header['alg'] })}.${p}.${s}`],
      ['jwk header injected', `${enc({ ...header, jwk: { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' } })}.${p}.${s}`],
      ['payload name changed', `${h}.${enc({ ...payload, vc: { ...(payload['vc'] as Json), name: 'Other' } })}.${s}`],
      ['iss changed', `${h}.${enc({ ...payload, iss: 'did:example:other' })}.${s}`],
      ['signature changed', `${h}.${p}.${s.slice(0, -3)}AAA`],
      ['key substitution', substituted],
    ];
    for (const [label, token] of tampered) expect((await verifyCredential(token, { now: NOW })).verdict, label).not.toBe('valid');
  });
});
