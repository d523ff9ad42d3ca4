import { verify as nodeVerify } from 'node:crypto';
import { resolveVerificationMethod } from '@tessera/credentials';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, signingKeys } from '../db/schema.js';
import { findOrgBySlug } from '../orgs/store.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { loadOrgSigner } from './load-signer.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('P-256 organisation keys (the ES256 JWT form)', () => {
  it('an organisation without a P-256 key (made before they existed) gets one, audited, on first use; then the same key', async () => {
    const owner = new ApiClient(ctx);
    await owner.signUp('owner@east.example', 'Erin Owner');
    expect((await owner.request('POST', 'orgs', { slug: 'east', name: 'East College' })).status).toBe(201);
    const org = await findOrgBySlug(ctx.deps.db, 'east');
    if (!org) throw new Error('org missing');
    // Simulate an organisation from before P-256 keys: only its Ed25519 key.
    await ctx.deps.db.delete(signingKeys).where(and(eq(signingKeys.orgId, org.id), eq(signingKeys.algorithm, 'P-256')));
    const before = (await (await ctx.app.request('/orgs/east/did.json')).json()) as {
      verificationMethod: Array<{ id: string; publicKeyMultibase: string }>;
    };
    expect(before.verificationMethod.map((m) => m.publicKeyMultibase.slice(0, 4))).toEqual(['z6Mk']);

    const signer = await loadOrgSigner(ctx.deps, org, 'P-256');
    expect(signer.algorithm).toBe('P-256');
    expect(signer.id).toMatch(/^did:web:tessera\.test:orgs:east#zDn/);
    expect((await loadOrgSigner(ctx.deps, org, 'P-256')).id).toBe(signer.id);
    const created = await ctx.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, 'key.created')));
    // At creation (by the owner): Ed25519 and P-256; then the replacement, made by the system (no actor).
    expect(created.map((e) => [(e.detail as { algorithm?: string }).algorithm, e.actorId === null]).sort()).toEqual([
      ['Ed25519', false],
      ['P-256', false],
      ['P-256', true],
    ]);

    // The signature verifies with the key the DID document now publishes.
    const doc = (await (await ctx.app.request('/orgs/east/did.json')).json()) as object;
    const key = resolveVerificationMethod(signer.id, new Map([['http://tessera.test/orgs/east/did.json', doc]]));
    const data = new TextEncoder().encode('header.payload');
    const signature = await signer.sign({ data });
    expect(signature).toHaveLength(64);
    expect(nodeVerify('sha256', data, { key: key.key, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
    expect(nodeVerify('sha256', new TextEncoder().encode('header.other'), { key: key.key, dsaEncoding: 'ieee-p1363' }, signature)).toBe(
      false,
    );
    // Proofs and status lists stay Ed25519.
    expect((await loadOrgSigner(ctx.deps, org)).algorithm).toBe('Ed25519');
  });
});
