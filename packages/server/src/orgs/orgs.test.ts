import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, signingKeys } from '../db/schema.js';
import { listMail } from '../mail/store.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

async function inviteToken(email: string): Promise<string> {
  const mail = (await listMail(ctx.deps.db, 100)).find((m) => m.to === email && m.subject.includes('invited'));
  const token = /\/app\/invitations\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation mail for ${email}`);
  return token;
}

describe('organisations', () => {
  const owner = () => new ApiClient(ctx);
  let o: ApiClient;

  it('creates an organisation with the caller as owner, a did:web, an Ed25519 key and a P-256 key', async () => {
    o = owner();
    await o.signUp('owner@school.example', 'Olive Owner');
    const res = await o.request('POST', 'orgs', {
      slug: 'north-high',
      name: 'North High',
      url: 'https://north.example',
      email: 'office@north.example',
      description: 'A school',
      address: { addressLocality: 'Northtown', addressCountry: 'US' },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ slug: 'north-high', role: 'owner', did: 'did:web:tessera.test:orgs:north-high' });
    const keys = await o.request('GET', 'orgs/north-high/keys');
    // One current key per algorithm: Ed25519 for proofs and status lists, P-256 for the ES256 JWT form.
    expect(keys.json).toHaveLength(2);
    const byAlgorithm = new Map(keys.json.map((k) => [k['algorithm'], k]));
    expect(byAlgorithm.get('Ed25519')).toMatchObject({ current: true, publicKeyMultibase: expect.stringMatching(/^z6Mk/) });
    expect(byAlgorithm.get('P-256')).toMatchObject({ current: true, publicKeyMultibase: expect.stringMatching(/^zDn/) });
  });

  it('refuses a taken slug and invalid fields with field paths', async () => {
    const dup = await o.request('POST', 'orgs', { slug: 'north-high', name: 'Again' });
    expect(dup.status).toBe(409);
    expect(dup.json['errors']).toEqual([{ path: 'slug', message: expect.any(String) }]);
    const bad = await o.request('POST', 'orgs', { slug: 'Bad Slug!', name: 'X', url: 'ftp://x', address: { postalCode: 5 } });
    expect(bad.status).toBe(400);
    const paths = (bad.json['errors'] as Array<{ path: string }>).map((e) => e.path).sort();
    expect(paths).toEqual(['address.postalCode', 'slug', 'url']);
  });

  it('updates the profile', async () => {
    const res = await o.request('PATCH', 'orgs/north-high', { description: 'Updated', brandColor: '#113355' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ description: 'Updated', brandColor: '#113355', name: 'North High' });
  });

  it('serves the DID document and JWKS, and keeps retired keys after rotation', async () => {
    const before = await ctx.app.request('/orgs/north-high/did.json');
    expect(before.headers.get('content-type')).toMatch(/application\/did\+json/);
    const doc1 = (await before.json()) as {
      id: string;
      verificationMethod: Array<{ id: string; type: string; publicKeyMultibase: string }>;
    };
    expect(doc1.id).toBe('did:web:tessera.test:orgs:north-high');
    expect(doc1.verificationMethod).toHaveLength(2);
    const rotated = await o.request('POST', 'orgs/north-high/keys/rotate');
    expect(rotated.status).toBe(201);
    const doc2 = (await (await ctx.app.request('/orgs/north-high/did.json')).json()) as typeof doc1;
    // Both keys were rotated; the retired ones stay resolvable.
    expect(doc2.verificationMethod).toHaveLength(4);
    expect(doc2.verificationMethod.map((m) => m.type)).toEqual(['Multikey', 'Multikey', 'Multikey', 'Multikey']);
    for (const old of doc1.verificationMethod) {
      expect(old.id).toBe(`${doc1.id}#${old.publicKeyMultibase}`);
      expect(doc2.verificationMethod.map((m) => m.id)).toContain(old.id);
    }
    const keys = await o.request('GET', 'orgs/north-high/keys');
    const current = keys.json.filter((k) => k['current']);
    expect(current.map((k) => k['algorithm']).sort()).toEqual(['Ed25519', 'P-256']);
    expect(current.map((k) => k['verificationMethod'])).not.toContain(doc1.verificationMethod[0]?.id);
    expect(rotated.json).toMatchObject({ algorithm: 'Ed25519', current: true });
    const jwks = (await (await ctx.app.request('/orgs/north-high/jwks.json')).json()) as {
      keys: Array<{ kty: string; crv: string; x: string; y?: string; alg: string; kid: string }>;
    };
    expect(jwks.keys).toHaveLength(4);
    expect(jwks.keys.map((k) => k.kid).sort()).toEqual(doc2.verificationMethod.map((m) => m.id).sort());
    for (const k of jwks.keys) {
      const vm = doc2.verificationMethod.find((m) => m.id === k.kid);
      if (vm?.publicKeyMultibase.startsWith('zDn')) {
        expect(k).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
        expect(Buffer.from(k.y ?? '', 'base64url')).toHaveLength(32);
      } else expect(k).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
      expect(Buffer.from(k.x, 'base64url')).toHaveLength(32);
    }
    const audit = await ctx.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'key.rotated'));
    expect(audit.map((e) => (e.detail as { algorithm?: string }).algorithm).sort()).toEqual(['Ed25519', 'P-256']);
    expect((await ctx.app.request('/orgs/nope/did.json')).status).toBe(404);
  });

  it('stores private keys encrypted, bound to their row', async () => {
    const rows = await ctx.deps.db.select().from(signingKeys);
    for (const row of rows) {
      // v2.<master key id>.…: sealed values name the master key that sealed them (tessera rotate-master-key).
      expect(row.encryptedPrivateKey).toMatch(new RegExp(`^v2\\.${ctx.deps.keyring.currentId}\\.`));
      expect(row.masterKeyId).toBe(ctx.deps.keyring.currentId);
      const plain = ctx.deps.keyring.open(row.encryptedPrivateKey, `tessera:signing-key:${row.id}`);
      // Ed25519: seed‖public key; P-256: the private scalar.
      expect(plain).toHaveLength(row.algorithm === 'P-256' ? 32 : 64);
      expect(() => ctx.deps.keyring.open(row.encryptedPrivateKey, 'tessera:signing-key:other')).toThrow();
    }
  });

  it('invites a member by email; the invitee accepts with the matching account', async () => {
    const inv = await o.request('POST', 'orgs/north-high/invitations', { email: 'Dee@School.example', role: 'designer' });
    expect(inv.status).toBe(201);
    expect(inv.json).toMatchObject({ email: 'dee@school.example', role: 'designer', status: 'pending' });
    const token = await inviteToken('dee@school.example');
    const anon = new ApiClient(ctx);
    const preview = await anon.request('GET', `invitations/${token}`);
    expect(preview.json).toMatchObject({ orgName: 'North High', role: 'designer', status: 'pending' });
    const stranger = new ApiClient(ctx);
    await stranger.signUp('stranger@school.example');
    const mismatch = await stranger.request('POST', `invitations/${token}/accept`);
    expect(mismatch.status).toBe(403);
    expect(mismatch.json['code']).toBe('invitation_email_mismatch');
    const dee = new ApiClient(ctx);
    await dee.signUp('dee@school.example', 'Dee Designer');
    const accepted = await dee.request('POST', `invitations/${token}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ slug: 'north-high', role: 'designer' });
    expect((await dee.request('POST', `invitations/${token}/accept`)).status).toBe(409);
    const session = await dee.request('GET', 'auth/session');
    expect(session.json['memberships']).toEqual([{ org: expect.objectContaining({ slug: 'north-high' }), role: 'designer' }]);
    const list = await o.request('GET', 'orgs/north-high/invitations');
    expect(list.json[0]).toMatchObject({ status: 'accepted' });
  });

  it('changes roles, removes members and never removes or demotes the last owner', async () => {
    const members = await o.request('GET', 'orgs/north-high/members');
    const ownerId = members.json.find((m) => m['role'] === 'owner')?.['accountId'] as string;
    const deeId = members.json.find((m) => m['email'] === 'dee@school.example')?.['accountId'] as string;
    const demote = await o.request('PATCH', `orgs/north-high/members/${ownerId}`, { role: 'viewer' });
    expect(demote.status).toBe(409);
    expect(demote.json['code']).toBe('last_owner');
    expect((await o.request('DELETE', `orgs/north-high/members/${ownerId}`)).json['code']).toBe('last_owner');
    expect((await o.request('PATCH', `orgs/north-high/members/${deeId}`, { role: 'assessor' })).json).toMatchObject({ role: 'assessor' });
    expect((await o.request('PATCH', `orgs/north-high/members/${deeId}`, { role: 'owner' })).status).toBe(200);
    expect((await o.request('PATCH', `orgs/north-high/members/${ownerId}`, { role: 'viewer' })).status).toBe(200);
    const dee = new ApiClient(ctx);
    await dee.request('POST', 'auth/signin', { email: 'dee@school.example', password: 'correct horse battery' });
    expect((await dee.request('DELETE', `orgs/north-high/members/${ownerId}`)).status).toBe(204);
    const after = await dee.request('GET', 'orgs/north-high/members');
    expect(after.json.map((m) => m['email'])).toEqual(['dee@school.example']);
  });

  it('lets an account belong to several organisations', async () => {
    const p = new ApiClient(ctx);
    await p.signUp('multi@school.example');
    await p.request('POST', 'orgs', { slug: 'org-a', name: 'Org A' });
    await p.request('POST', 'orgs', { slug: 'org-b', name: 'Org B' });
    const list = await p.request('GET', 'orgs');
    expect(list.json.map((x) => x['slug'])).toEqual(['org-a', 'org-b']);
  });

  it('audits membership changes and key rotation for owners to read', async () => {
    const dee = new ApiClient(ctx);
    await dee.request('POST', 'auth/signin', { email: 'dee@school.example', password: 'correct horse battery' });
    const page = await dee.request('GET', 'orgs/north-high/audit?limit=100');
    expect(page.status).toBe(200);
    const actions = (page.json['items'] as Array<{ action: string }>).map((e) => e.action);
    for (const a of [
      'org.created',
      'key.created',
      'key.rotated',
      'member.invited',
      'member.joined',
      'member.role_changed',
      'member.removed',
      'account.signed_in',
    ]) {
      expect(actions).toContain(a);
    }
    const small = await dee.request('GET', 'orgs/north-high/audit?limit=2');
    expect(small.json['items']).toHaveLength(2);
    const next = await dee.request('GET', `orgs/north-high/audit?limit=2&cursor=${String(small.json['nextCursor'])}`);
    expect((next.json['items'] as Array<{ id: string }>)[0]?.id).not.toBe((small.json['items'] as Array<{ id: string }>)[0]?.id);
    const rows = await ctx.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'member.removed'));
    expect(rows).toHaveLength(1);
  });
});
