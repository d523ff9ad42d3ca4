import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { verifyCredential } from '@digitalbazaar/vc';
import { documentLoader } from '@tessera/credentials';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrgBySlug } from '../orgs/index.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { verifyInput } from '../verify/index.js';
import { signEndorsement } from './sign-endorsement.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  const owner = new ApiClient(ctx);
  await owner.signUp('owner@agency.test');
  await owner.request('POST', 'orgs', { slug: 'agency', name: 'State Agency' });
});
afterAll(async () => ctx.close());

async function sign(extension?: Record<string, string | number | null>) {
  const org = await findOrgBySlug(ctx.deps.db, 'agency');
  if (!org) throw new Error('no org');
  return signEndorsement(ctx.deps, org, {
    id: 'http://tessera.test/recognition/rules/r1',
    name: 'Recognition',
    subjectId: 'http://tessera.test/achievements/a1',
    comment: 'Counts as 15 hours of licence renewal',
    validFrom: new Date('2026-01-01T00:00:00Z'),
    ...(extension ? { extension } : {}),
  });
}

async function dbVerify(doc: Record<string, unknown>) {
  const did = (await (await ctx.app.request('/orgs/agency/did.json')).json()) as {
    id: string;
    verificationMethod: Array<{ id: string }>;
  };
  const extra = new Map<string, object>([
    [did.id, did],
    ...did.verificationMethod.map((m): [string, object] => [m.id, { '@context': 'https://w3id.org/security/multikey/v1', ...m }]),
  ]);
  return verifyCredential({
    credential: doc,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader: documentLoader(extra),
  });
}

describe('signed EndorsementCredential with ext: fields', () => {
  it('verifies with the Tessera verifier and with @digitalbazaar/vc; a changed ext: field fails the proof step', async () => {
    const doc = await sign({ kind: 'hours', amount: 15, unit: 'hours', target: 'licence renewal' });
    expect(doc['type']).toEqual(['VerifiableCredential', 'EndorsementCredential']);
    expect((doc['credentialSubject'] as Record<string, unknown>)['ext:amount']).toBe(15);
    const report = await verifyInput(ctx.deps, { kind: 'bytes', bytes: new TextEncoder().encode(JSON.stringify(doc)) });
    expect(report.verdict, JSON.stringify(report.steps.filter((s) => s.status !== 'passed'))).toBe('valid');
    const dbResult = await dbVerify(doc);
    expect(dbResult.verified, JSON.stringify(dbResult.error ?? null)).toBe(true);

    const tampered = { ...doc, credentialSubject: { ...(doc['credentialSubject'] as object), 'ext:amount': 150 } };
    const bad = await verifyInput(ctx.deps, { kind: 'bytes', bytes: new TextEncoder().encode(JSON.stringify(tampered)) });
    expect(bad.verdict).not.toBe('valid');
    expect(bad.steps.find((s) => s.id.startsWith('proof'))?.status).toBe('failed');
    expect((await dbVerify(tampered)).verified).toBe(false);
  });
});
