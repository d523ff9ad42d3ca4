import { readFileSync, readdirSync } from 'node:fs';
import { verifyCredential } from '@tessera/credentials';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../achievements/content.js';
import { achievementVersions, credentials, statusLists, submissions } from '../db/schema.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';
import { issueCredential } from './issue-credential.js';
import { credentialColumns } from './store.js';

const SCHEMAS = new URL('../../../credentials/schemas/', import.meta.url);
type Json = Record<string, unknown>;

/** The official OB 3.0 JSON Schemas by the URLs credentials name them with. */
function schemas(): Map<string, unknown> {
  const docs = new Map<string, unknown>();
  for (const f of readdirSync(SCHEMAS).filter((n) => n.endsWith('.json'))) {
    const s = JSON.parse(readFileSync(new URL(f, SCHEMAS), 'utf8')) as { $id: string };
    docs.set(s.$id, s);
    docs.set(s.$id.replace('/schema/json-ld/', '/schema/json/'), s);
  }
  return docs;
}

let ctx: TestContext;
const signIn = async (email: string) => {
  const c = new ApiClient(ctx);
  expect((await c.request('POST', 'auth/signin', { email, password: DEMO_PASSWORD })).status).toBe(200);
  return c;
};

/** The public documents a verifier needs: the issuer's DID document, the schemas and the credential's status lists. */
async function publicDocuments(doc: Json): Promise<Map<string, unknown>> {
  const docs = schemas();
  docs.set('http://tessera.test/orgs/riverside/did.json', (await (await ctx.app.request('/orgs/riverside/did.json')).json()) as object);
  for (const entry of [doc['credentialStatus']].flat() as Array<{ statusListCredential: string }>) {
    docs.set(entry.statusListCredential, (await (await ctx.app.request(new URL(entry.statusListCredential).pathname)).json()) as object);
  }
  return docs;
}

/** Pass the demo's waiting submission (as the demo assessor) and issue its credential. */
async function passWaitingSubmission(): Promise<{ id: string; document: Json }> {
  const [waiting] = await ctx.deps.db.select().from(submissions).where(eq(submissions.state, 'submitted'));
  const [version] = await ctx.deps.db
    .select()
    .from(achievementVersions)
    .where(eq(achievementVersions.id, waiting?.versionId ?? ''));
  const rubric = readContent(version?.content).rubric;
  const assessor = await signIn('assessor@riverside.example');
  expect((await assessor.request('POST', `orgs/riverside/submissions/${waiting?.id}/claim`)).status).toBe(200);
  const scores = rubric.criteria.map((c) => ({ criterionId: c.id, levelId: c.levels.at(-1)?.id ?? '', feedback: 'Clearly demonstrated.' }));
  const review = await assessor.request('POST', `orgs/riverside/submissions/${waiting?.id}/reviews`, {
    scores,
    overallFeedback: 'Strong work.',
    decision: 'pass',
  });
  expect(review.status, review.text).toBe(200);
  const id = await issueCredential(ctx.deps, { submissionId: waiting?.id ?? '' });
  const [row] = await ctx.deps.db.select(credentialColumns).from(credentials).where(eq(credentials.id, id));
  return { id, document: row?.document ?? {} };
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
});
afterAll(async () => ctx?.close());

describe('what Tessera issues conforms to the official OB 3.0 JSON Schema', () => {
  it('by default a credential carries one revocation entry and passes the official schema', async () => {
    const rows = await ctx.deps.db.select(credentialColumns).from(credentials);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.document['credentialStatus']).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' });
      expect(row.suspensionListId).toBeNull();
      expect(Array.isArray(row.document['proof'])).toBe(true);
      const report = await verifyCredential(row.document, { documents: await publicDocuments(row.document) });
      expect(report.steps.filter((s) => s.id === 'schema').map((s) => [s.status, s.message])).toEqual([
        ['passed', expect.stringContaining('ob_v3p0_achievementcredential_schema.json')],
      ]);
      expect(report.verdict, JSON.stringify(report.steps)).toBe('valid');
      // The schema check can fail: a second status entry (the array) is what it rejects.
      const twoEntries = { ...row.document, credentialStatus: [row.document['credentialStatus'], row.document['credentialStatus']] };
      const again = await verifyCredential(twoEntries, { documents: schemas() });
      expect(again.steps.find((s) => s.id === 'schema')?.message).toMatch(/\/credentialStatus must be object/);
    }
  });

  it('a credential without a suspension entry cannot be suspended, and nothing changes', async () => {
    const owner = await signIn('owner@riverside.example');
    const [row] = await ctx.deps.db.select(credentialColumns).from(credentials);
    const res = await owner.request('POST', `orgs/riverside/credentials/${encodeURIComponent(row?.id ?? '')}/suspend`, {
      reason: 'Under investigation',
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json['detail']).toMatch(/without a suspension entry/);
    const [after] = await ctx.deps.db
      .select()
      .from(credentials)
      .where(eq(credentials.id, row?.id ?? ''));
    expect(after?.suspendedAt).toBeNull();
    const listed = await owner.request('GET', 'orgs/riverside/credentials');
    expect(listed.json.find((c) => c['id'] === row?.id)).toMatchObject({ suspendable: false, status: 'active' });
  });

  it('only owners turn on suspension; credentials issued afterwards carry a second list with purpose suspension', async () => {
    const designer = await signIn('designer@riverside.example');
    expect((await designer.request('PATCH', 'orgs/riverside', { suspensionEnabled: true })).status).toBe(403);
    const owner = await signIn('owner@riverside.example');
    const bad = await owner.request('PATCH', 'orgs/riverside', { suspensionEnabled: 'yes' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json['errors'])).toContain('suspensionEnabled');
    const on = await owner.request('PATCH', 'orgs/riverside', { suspensionEnabled: true });
    expect(on.json).toMatchObject({ suspensionEnabled: true });

    const issued = await passWaitingSubmission();
    const entries = issued.document['credentialStatus'] as Json[];
    expect(entries.map((e) => e['statusPurpose'])).toEqual(['revocation', 'suspension']);
    expect(entries[0]?.['statusListCredential']).not.toBe(entries[1]?.['statusListCredential']);
    const list = (await (await ctx.app.request(new URL(String(entries[1]?.['statusListCredential'])).pathname)).json()) as {
      credentialSubject: Json;
    };
    expect(list.credentialSubject['statusPurpose']).toBe('suspension');

    // The official schema would reject it only for the array (the trade-off the setting explains), so such a
    // credential does not name the schema: it verifies as valid, with no schema step.
    expect(issued.document['credentialSchema']).toBeUndefined();
    const report = await verifyCredential(issued.document, { documents: await publicDocuments(issued.document) });
    expect(report.verdict, JSON.stringify(report.steps)).toBe('valid');
    expect(report.steps.find((s) => s.id === 'schema')).toBeUndefined();
    const named = await verifyCredential(
      {
        ...issued.document,
        credentialSchema: [
          {
            id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
            type: '1EdTechJsonSchemaValidator2019',
          },
        ],
      },
      { documents: await publicDocuments(issued.document) },
    );
    expect(named.steps.find((s) => s.id === 'schema')?.message).toMatch(/: \/credentialStatus must be object$/);
    expect(report.steps.filter((s) => s.id.startsWith('status.')).map((s) => [s.id, s.status])).toEqual([
      ['status.revocation', 'passed'],
      ['status.suspension', 'passed'],
    ]);

    const key = encodeURIComponent(issued.id);
    expect(
      (await owner.request('POST', `orgs/riverside/credentials/${key}/suspend`, { reason: 'Under investigation' })).json,
    ).toMatchObject({ status: 'suspended', suspendable: true });
    const suspended = await verifyCredential(issued.document, { documents: await publicDocuments(issued.document) });
    expect(suspended.steps.find((s) => s.id === 'status.suspension')).toMatchObject({
      status: 'failed',
      message: 'The credential is suspended',
    });
    expect(suspended.verdict).toBe('invalid');
    expect((await owner.request('POST', `orgs/riverside/credentials/${key}/unsuspend`, { reason: 'Cleared' })).json).toMatchObject({
      status: 'active',
    });
    const cleared = await verifyCredential(issued.document, { documents: await publicDocuments(issued.document) });
    expect(cleared.steps.find((s) => s.id === 'status.suspension')?.status).toBe('passed');

    // Turning it off again changes nothing already issued.
    expect((await owner.request('PATCH', 'orgs/riverside', { suspensionEnabled: false })).json).toMatchObject({ suspensionEnabled: false });
    const [row] = await ctx.deps.db.select(credentialColumns).from(credentials).where(eq(credentials.id, issued.id));
    expect(row?.document).toEqual(issued.document);
    expect(row?.suspensionListId).not.toBeNull();
    // Riverside's own lists (the demo's other organisations keep theirs for their recognition and endorsement credentials).
    const lists = await ctx.deps.db
      .select()
      .from(statusLists)
      .where(eq(statusLists.orgId, row?.orgId ?? ''));
    expect(lists.map((l) => l.purpose).sort()).toEqual(['revocation', 'suspension']);
  });
});
