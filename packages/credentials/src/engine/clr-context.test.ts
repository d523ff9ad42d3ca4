// Our CLR 2.0 contexts must expand exactly like the ones 1EdTech publishes (bundled by its validator).
import { readFileSync, readdirSync } from 'node:fs';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { CLR_CONTEXT_2_0, CLR_CONTEXT_2_0_1, CLR_CONTEXTS } from './clr-context.js';
import { documentLoader } from './contexts.js';

const FIXTURES = new URL('../../test/fixtures/1edtech-validator/', import.meta.url);
const published = (file: string): unknown => JSON.parse(readFileSync(new URL(`contexts/${file}`, FIXTURES), 'utf8'));
const PUBLISHED = new Map([
  [CLR_CONTEXT_2_0_1, published('clr-v2p0-2.0.1.json')],
  [CLR_CONTEXT_2_0, published('clr-v2p0.json')],
]);

const ours = documentLoader();
const theirs = documentLoader(PUBLISHED);
/** A loader that knows only the published CLR files for the CLR URLs, and our bundle for the rest. */
const reference: typeof ours = async (url) =>
  PUBLISHED.has(url) ? { contextUrl: null, documentUrl: url, document: PUBLISHED.get(url) } : theirs(url);
const canon = (doc: unknown, loader: typeof ours) =>
  jsonld.canonize(doc, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: loader, safe: true });

describe('CLR 2.0 contexts', () => {
  it('are the same JSON-LD as 1EdTech’s published documents, term for term', () => {
    for (const [url, doc] of CLR_CONTEXTS) expect(doc, url).toEqual(PUBLISHED.get(url));
  });

  it('give the same canonical N-Quads as the published documents on every CLR sample', async () => {
    // These two name a 2021 draft context (dc.imsglobal.org/draft) that was never published: nobody can expand them.
    const DRAFT = ['simple_old_safesigned.json', 'simple-noproof.json'];
    const files = readdirSync(new URL('clr20/', FIXTURES)).filter((f) => f.endsWith('.json') && !DRAFT.includes(f));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const doc = JSON.parse(readFileSync(new URL(`clr20/${f}`, FIXTURES), 'utf8')) as Record<string, unknown>;
      const { proof: _proof, ...unsecured } = doc;
      const mine = await canon(unsecured, ours);
      expect(mine.length, f).toBeGreaterThan(100);
      expect(mine, f).toBe(await canon(unsecured, reference));
    }
  });
});
