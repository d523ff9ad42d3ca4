import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { documentLoader } from './contexts.js';
import { canonizeProofConfig, canonizeWithPath } from './data-integrity.js';
import { OB3_CREDENTIAL_CONTEXTS } from '../model/ob3.js';

const loader = documentLoader();

const config = (created: string) => ({
  type: 'DataIntegrityProof',
  created,
  verificationMethod: 'did:web:issuer.example#key-1',
  cryptosuite: 'eddsa-rdfc-2022',
  proofPurpose: 'assertionMethod',
  '@context': [...OB3_CREDENTIAL_CONTEXTS],
});

/** jsonld.js's own canonical form: the reference the cache must agree with. */
const reference = (doc: object) =>
  jsonld.canonize(doc, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: loader, safe: true });

describe('canonical proof configurations kept by their JSON text', () => {
  it('give what jsonld.js gives, the first time and from the cache, and another configuration its own', async () => {
    const a = config('2026-12-01T10:00:00Z');
    const first = await canonizeProofConfig(a, loader);
    expect(first).toBe(await reference(a));
    expect(await canonizeProofConfig(structuredClone(a), loader)).toBe(first);
    const b = config('2026-12-01T10:00:01Z');
    const other = await canonizeProofConfig(b, loader);
    expect(other).toBe(await reference(b));
    expect(other).not.toBe(first);
  });

  it('are not reused for a document whose JSON text is the same but whose leaves are not all strings', async () => {
    const plain = config('2026-12-01T11:00:00Z');
    const cached = await canonizeProofConfig(plain, loader);
    // A String object has the same JSON text as the string; the canonicaliser reads it as something else. The
    // step that must not happen is answering from the cache: the result must be whatever canonicalising it gives.
    const boxed = { ...plain, created: Object('2026-12-01T11:00:00Z') as unknown as string };
    expect(JSON.stringify(boxed)).toBe(JSON.stringify(plain));
    const direct = await canonizeWithPath(boxed, loader).then(
      (r) => ({ ok: true as const, nquads: r.nquads }),
      (e: unknown) => ({ ok: false as const, message: e instanceof Error ? e.message : String(e) }),
    );
    const viaCache = await canonizeProofConfig(boxed, loader).then(
      (nquads) => ({ ok: true as const, nquads }),
      (e: unknown) => ({ ok: false as const, message: e instanceof Error ? e.message : String(e) }),
    );
    expect(viaCache).toEqual(direct);
    expect(direct.ok && direct.nquads === cached).toBe(false);
  });

  it('stay right when more configurations come than are kept', async () => {
    const first = config('2026-12-01T12:00:00Z');
    const expected = await canonizeProofConfig(first, loader);
    for (let i = 1; i <= 40; i++) await canonizeProofConfig(config(`2026-12-01T12:00:${String(i).padStart(2, '0')}Z`), loader);
    // Pushed out of the cache, it is computed again, and still right.
    expect(await canonizeProofConfig(first, loader)).toBe(expected);
  });
});
