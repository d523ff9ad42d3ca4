// A learner exports a CLR 2.0 of chosen credentials; the platform's did:web signs it; it verifies with the
// server's verifier and with `tessera verify` given the documents it needs.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runVerify } from '../cli/verify-command.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';

type Json = Record<string, unknown>;
let ctx: TestContext;
let alex: ApiClient;
let jordan: ApiClient;
let dir = '';

async function signIn(email: string) {
  const client = new ApiClient(ctx);
  expect((await client.request('POST', 'auth/signin', { email, password: DEMO_PASSWORD })).status).toBe(200);
  return client;
}
const myCredentials = async (c: ApiClient) =>
  (await c.request('GET', 'me/credentials')).json as unknown as Array<{ id: string; achievementName: string; status: string }>;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  alex = await signIn('learner@riverside.example');
  jordan = await signIn('learner2@riverside.example');
  dir = await mkdtemp(join(tmpdir(), 'tessera-clr-'));
});
afterAll(async () => {
  await ctx?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('CLR 2.0 export', () => {
  let clr: Json = {};

  it('exports the chosen credentials with an association, signed by the platform did:web, and audits it', async () => {
    const mine = await myCredentials(alex);
    expect(mine.length).toBe(2);
    const [a, b] = mine;
    const r = await alex.request('POST', 'me/clr', {
      name: 'Online teaching record',
      credentialIds: [a?.id, b?.id],
      associations: [{ associationType: 'isRelatedTo', sourceId: a?.id, targetId: b?.id }],
    });
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get('content-disposition')).toContain('learning-record.clr.json');
    clr = r.json as Json;
    expect(clr['type']).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(clr['issuer']).toMatchObject({ id: 'did:web:tessera.test', type: ['Profile'] });
    expect(clr['partial']).toBe(false);
    const subject = clr['credentialSubject'] as { verifiableCredential: Json[]; association: Json[] };
    expect(subject.verifiableCredential.map((c) => c['id']).sort()).toEqual([a?.id, b?.id].sort());
    expect(subject.association).toHaveLength(1);
    expect(subject.association[0]).toMatchObject({ type: 'Association', associationType: 'isRelatedTo' });
    expect(String(subject.association[0]?.['sourceId'])).not.toBe(a?.id); // achievement ids, not credential ids
    const proof = (clr['proof'] as Json[])[0];
    expect(proof).toMatchObject({
      cryptosuite: 'eddsa-rdfc-2022',
      verificationMethod: expect.stringMatching(/^did:web:tessera\.test#z6Mk/),
    });
    const audit = await ctx.deps.db.query.auditEvents.findMany({ where: (e, { eq }) => eq(e.action, 'clr.exported') });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.target).toBe(clr['id']);
    // One of two active credentials: the record says it is partial.
    const part = await alex.request('POST', 'me/clr', { credentialIds: [b?.id] });
    expect(part.status).toBe(200);
    expect(part.json['partial']).toBe(true);
  });

  it('serves the platform DID document that verifies it; the public verifier says valid, each credential inside too', async () => {
    const did = await ctx.app.request('/.well-known/did.json');
    expect(did.status).toBe(200);
    expect(((await did.json()) as Json)['id']).toBe('did:web:tessera.test');
    const v = await ctx.app.request('/api/v1/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(clr),
    });
    const report = (await v.json()) as { verdict: string; steps: Array<{ id: string; status: string }> };
    expect(report.verdict, JSON.stringify(report.steps, null, 1)).toBe('valid');
    expect(report.steps.filter((s) => s.id.startsWith('clr.credential[')).map((s) => s.status)).toEqual(['passed', 'passed']);
  });

  it('verifies with tessera verify and a --documents map (exit 0), and a changed copy fails (exit 1)', async () => {
    const urls = new Set(['https://tessera.test/.well-known/did.json', 'https://tessera.test/orgs/riverside/did.json']);
    for (const c of (clr['credentialSubject'] as { verifiableCredential: Json[] }).verifiableCredential)
      for (const s of [c['credentialStatus']].flat() as Json[]) urls.add(String(s['statusListCredential']));
    const map: Record<string, string> = {};
    for (const [i, url] of [...urls].entries()) {
      const res = await ctx.app.request(new URL(url).pathname);
      expect(res.status, url).toBe(200);
      await writeFile(join(dir, `doc${i}.json`), await res.text());
      map[url] = `doc${i}.json`;
    }
    await writeFile(join(dir, 'map.json'), JSON.stringify(map));
    await writeFile(join(dir, 'clr.json'), JSON.stringify(clr));
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runVerify([join(dir, 'clr.json'), '--documents', join(dir, 'map.json')])).toBe(0);
      const changed = structuredClone(clr) as { name: string };
      changed.name = 'Another record';
      await writeFile(join(dir, 'changed.json'), JSON.stringify(changed));
      expect(await runVerify([join(dir, 'changed.json'), '--documents', join(dir, 'map.json')])).toBe(1);
      // Without the documents it cannot be fully checked, so it is not valid.
      expect(await runVerify([join(dir, 'clr.json')])).toBe(1);
    } finally {
      out.mockRestore();
    }
  });

  it('refuses other people’s, revoked and unknown credentials and bad associations, with field paths', async () => {
    const [a, b] = await myCredentials(alex);
    const [theirs] = await myCredentials(jordan);
    const bad = async (body: Json) => (await alex.request('POST', 'me/clr', body)).json as { errors?: Array<{ path: string }> };
    expect((await bad({ credentialIds: [] })).errors?.[0]?.path).toBe('credentialIds');
    expect((await bad({ credentialIds: [a?.id, theirs?.id] })).errors?.[0]?.path).toBe('credentialIds.1');
    // Paths name the position in the request, even after a repeated id.
    expect((await bad({ credentialIds: [a?.id, a?.id, theirs?.id] })).errors?.[0]?.path).toBe('credentialIds.2');
    expect(
      (await bad({ credentialIds: [a?.id], associations: [{ associationType: 'isPartOf', sourceId: a?.id, targetId: b?.id }] })).errors?.[0]
        ?.path,
    ).toBe('associations.0.targetId');
    expect(
      (await bad({ credentialIds: [a?.id, b?.id], associations: [{ associationType: 'isPartOf', sourceId: a?.id, targetId: a?.id }] }))
        .errors?.[0]?.path,
    ).toBe('associations.0.targetId');
    expect(
      (await bad({ credentialIds: [a?.id], associations: [{ associationType: 'likes', sourceId: a?.id, targetId: b?.id }] })).errors?.[0]
        ?.path,
    ).toBe('associations.0.associationType');
    // A revoked credential cannot go into a record.
    const owner = await signIn('owner@riverside.example');
    expect(
      (await owner.request('POST', `orgs/riverside/credentials/${encodeURIComponent(a?.id ?? '')}/revoke`, { reason: 'Test' })).status,
    ).toBe(200);
    const revoked = await alex.request('POST', 'me/clr', { credentialIds: [a?.id, b?.id] });
    expect(revoked.status).toBe(400);
    expect(revoked.json['errors']).toEqual([{ path: 'credentialIds.0', message: 'This credential has been revoked' }]);
    // Only the two exports above were audited: refusals write nothing.
    expect(await ctx.deps.db.query.auditEvents.findMany({ where: (e, { eq }) => eq(e.action, 'clr.exported') })).toHaveLength(2);
    // Jordan's only credential: a complete record.
    const one = await jordan.request('POST', 'me/clr', { credentialIds: [theirs?.id] });
    expect(one.status).toBe(200);
    expect(one.json['partial']).toBe(false);
  });
});
