import { readFileSync, readdirSync } from 'node:fs';
import { verifyCredential } from '@tessera/credentials';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentials } from '../db/schema.js';
import { seedDemo } from '../seed/demo.js';
import { createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';

const SCHEMAS = new URL('../../../../../shared/schemas/', import.meta.url);

/** The official OB 3.0 JSON Schemas by the URLs credentials name them with. */
function schemas(): Map<string, unknown> {
  const docs = new Map<string, unknown>();
  for (const f of readdirSync(SCHEMAS)) {
    const s = JSON.parse(readFileSync(new URL(f, SCHEMAS), 'utf8')) as { $id: string };
    docs.set(s.$id, s);
    docs.set(s.$id.replace('/schema/json-ld/', '/schema/json/'), s);
  }
  return docs;
}

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
});
afterAll(async () => ctx?.close());

describe('what Tessera issues conforms to the official OB 3.0 JSON Schema', () => {
  // KNOWN DEVIATION (see the issue notes): Tessera puts two Bitstring entries in `credentialStatus`
  // (revocation and suspension), as VC 2.0 allows, but the OB 3.0 JSON Schema allows a single object.
  // This test pins that the array is the only schema error, and must be updated when it is fixed.
  it('issued credentials fail the official schema only on the credentialStatus array (revocation + suspension)', async () => {
    const rows = await ctx.deps.db.select().from(credentials);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const report = await verifyCredential(row.document, { documents: schemas() });
      const schema = report.steps.filter((s) => s.id === 'schema');
      expect(schema).toHaveLength(1);
      expect(schema[0]?.message).toMatch(/: \/credentialStatus must be object$/);
      expect(Array.isArray(row.document['proof'])).toBe(true);
      // With one status entry the same credential passes the schema.
      const single = { ...row.document, credentialStatus: (row.document['credentialStatus'] as unknown[])[0] };
      const again = (await verifyCredential(single, { documents: schemas() })).steps.find((s) => s.id === 'schema');
      expect(again?.status, again?.message).toBe('passed');
    }
  });
});
