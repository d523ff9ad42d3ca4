import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, credentials } from '../../db/schema.js';
import { seedDemo } from '../../seed/demo.js';
import type { TestContext } from '../../testing/harness.js';
import { ApiClient, createTestContext } from '../../testing/harness.js';
import { orgDid } from '../did.js';
import { findOrgBySlug } from '../store.js';
import type { DomainProbe } from './domain-probe.js';
import { issuerVerificationOfCredential } from './issuer-verification.js';
import { normaliseIssuerName, resemblance } from './lookalike.js';

let ctx: TestContext;
let admin: ApiClient;
let stranger: ApiClient;
const dns = new Map<string, string[]>();
const files = new Map<string, { url: string; text: string }>();
const probed: string[] = [];
/** A fake DNS and web: tests never touch the network. */
const fakeProbe: DomainProbe = {
  txt: async (name) => {
    probed.push(`dns:${name}`);
    return dns.get(name) ?? [];
  },
  fetchText: async (url) => {
    probed.push(`get:${url}`);
    const f = files.get(url);
    if (!f) throw new Error(`${url} answered 404`);
    return f;
  },
};

async function issuerPage(slug: string): Promise<string> {
  const res = await ctx.app.request(`/orgs/${slug}`, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  return res.text();
}

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.deps.domainProbe = fakeProbe;
  await seedDemo(ctx.deps);
  admin = new ApiClient(ctx);
  // The demo owner of Riverside is also the platform admin.
  const signIn = await admin.request('POST', 'auth/signin', { email: 'owner@riverside.example', password: 'tessera-demo-2026' });
  expect(signIn.status).toBe(200);
  stranger = new ApiClient(ctx);
  await stranger.signUp('mallory@evil.example', 'Mallory');
});
afterAll(async () => ctx?.close());

describe('issuer verification by DNS TXT record', () => {
  it('starts unverified: the issuer page says so', async () => {
    expect(await issuerPage('riverside')).toContain('Unverified issuer');
    expect((await admin.request('GET', 'orgs/riverside')).json['verifiedDomain']).toBeNull();
  });

  it('verifies only when the TXT record holds this claim’s token', async () => {
    const claim = await admin.request('POST', 'orgs/riverside/domain-verification', { domain: 'Riverside.Example' });
    expect(claim.status).toBe(201);
    const pending = claim.json['pending'] as { domain: string; token: string; dnsName: string; fileUrl: string };
    expect(pending).toMatchObject({
      domain: 'riverside.example',
      dnsName: '_tessera-verification.riverside.example',
      fileUrl: 'https://riverside.example/.well-known/tessera-verification.txt',
    });
    expect(pending.token).toMatch(/^tessera-verification=/);

    // Step that must fail: no record, then a record with another token.
    const none = await admin.request('POST', 'orgs/riverside/domain-verification/check', { method: 'dns' });
    expect(none.status).toBe(200);
    expect(none.json).toMatchObject({
      verified: false,
      reason: expect.stringContaining('No TXT record at _tessera-verification.riverside.example'),
    });
    dns.set('_tessera-verification.riverside.example', ['tessera-verification=someone-elses-token', 'v=spf1 -all']);
    expect((await admin.request('POST', 'orgs/riverside/domain-verification/check', { method: 'dns' })).json['verified']).toBe(false);
    expect(await issuerPage('riverside')).toContain('Unverified issuer');

    dns.set('_tessera-verification.riverside.example', ['v=spf1 -all', pending.token]);
    const ok = await admin.request('POST', 'orgs/riverside/domain-verification/check', { method: 'dns' });
    expect(ok.json).toMatchObject({
      verified: true,
      reason: null,
      verification: { verifiedDomain: 'riverside.example', method: 'dns', pending: null },
    });
    expect(probed).toContain('dns:_tessera-verification.riverside.example');
    expect((await admin.request('GET', 'orgs/riverside')).json['verifiedDomain']).toBe('riverside.example');
    const org = await findOrgBySlug(ctx.deps.db, 'riverside');
    const audit = await ctx.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org?.id ?? ''), eq(auditEvents.action, 'org.domain_verified')));
    expect(audit.map((a) => a.detail)).toEqual([expect.objectContaining({ domain: 'riverside.example', method: 'dns' })]);
  });

  it('shows "Verified issuer: riverside.example" on the issuer page and the credential page', async () => {
    expect(await issuerPage('riverside')).toContain('Verified issuer: riverside.example');
    const [row] = await ctx.deps.db.select().from(credentials).limit(1);
    const key = (row?.id ?? '').replace('http://tessera.test/credentials/', '');
    const res = await ctx.app.request(`/credentials/${key}`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Verified issuer: riverside.example');
  });

  it('gives the verifier the issuer’s verification for a credential naming an organisation of this instance', async () => {
    const did = orgDid(ctx.deps.env.TESSERA_BASE_URL, 'riverside');
    expect(await issuerVerificationOfCredential(ctx.deps, { issuer: { id: did } })).toEqual({
      verified: true,
      domain: 'riverside.example',
    });
    expect(await issuerVerificationOfCredential(ctx.deps, { issuer: 'did:web:riverside.example' })).toBeNull();
    expect(await issuerVerificationOfCredential(ctx.deps, { issuer: orgDid(ctx.deps.env.TESSERA_BASE_URL, 'nobody') })).toBeNull();
  });
});

describe('issuer verification by /.well-known file', () => {
  it('accepts the token served by the domain itself, not after a redirect to another host', async () => {
    await stranger.request('POST', 'orgs', { slug: 'hillcrest', name: 'Hillcrest Academy' });
    const claim = await stranger.request('POST', 'orgs/hillcrest/domain-verification', { domain: 'hillcrest.example' });
    const token = (claim.json['pending'] as { token: string }).token;
    const url = 'https://hillcrest.example/.well-known/tessera-verification.txt';
    files.set(url, { url: 'https://elsewhere.example/tessera-verification.txt', text: `${token}\n` });
    const redirected = await stranger.request('POST', 'orgs/hillcrest/domain-verification/check', { method: 'file' });
    expect(redirected.json).toMatchObject({ verified: false, reason: expect.stringContaining('redirected to another host') });
    files.set(url, { url, text: 'something else\n' });
    expect((await stranger.request('POST', 'orgs/hillcrest/domain-verification/check', { method: 'file' })).json['verified']).toBe(false);
    files.set(url, { url, text: `# Tessera\n${token}\n` });
    const ok = await stranger.request('POST', 'orgs/hillcrest/domain-verification/check', { method: 'file' });
    expect(ok.json).toMatchObject({ verified: true, verification: { verifiedDomain: 'hillcrest.example', method: 'file' } });
    expect(probed).toContain(`get:${url}`);
  });

  it('asks for re-verification when the organisation’s URL moves to another domain', async () => {
    expect((await stranger.request('PATCH', 'orgs/hillcrest', { url: 'https://www.hillcrest.example/about' })).json['verifiedDomain']).toBe(
      'hillcrest.example',
    );
    const moved = await stranger.request('PATCH', 'orgs/hillcrest', { url: 'https://hillcrest-academy.example/' });
    expect(moved.json['verifiedDomain']).toBeNull();
    expect(await issuerPage('hillcrest')).toContain('Unverified issuer');
  });

  it('refuses a check with no claim, and a domain with a scheme or path', async () => {
    await stranger.request('POST', 'orgs', { slug: 'noclaim', name: 'No Claim' });
    expect((await stranger.request('POST', 'orgs/noclaim/domain-verification/check', { method: 'dns' })).status).toBe(409);
    expect((await stranger.request('POST', 'orgs/noclaim/domain-verification', { domain: 'https://noclaim.example/x' })).status).toBe(400);
  });
});

describe('platform admins', () => {
  it('can verify a domain themselves, audited with their note', async () => {
    expect(
      (await stranger.request('POST', 'admin/issuers/noclaim/verify-domain', { domain: 'noclaim.example', note: 'I am not an admin' }))
        .status,
    ).toBe(403);
    const res = await admin.request('POST', 'admin/issuers/noclaim/verify-domain', {
      domain: 'noclaim.example',
      note: 'Phoned the registrar contact',
    });
    expect(res.status).toBe(204);
    expect(await issuerPage('noclaim')).toContain('Verified issuer: noclaim.example');
    const org = await findOrgBySlug(ctx.deps.db, 'noclaim');
    const [event] = await ctx.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org?.id ?? ''), eq(auditEvents.action, 'org.domain_verified')));
    expect(event).toMatchObject({ detail: expect.objectContaining({ method: 'admin', note: 'Phoned the registrar contact' }) });
    expect(event?.actorId).not.toBeNull();
    expect((await admin.request('POST', 'admin/issuers/noclaim/unverify-domain', { note: 'Registrar contact left' })).status).toBe(204);
    expect(await issuerPage('noclaim')).toContain('Unverified issuer');
  });

  it('see organisations whose names resemble a verified issuer flagged', async () => {
    await stranger.request('POST', 'orgs', { slug: 'riverside-sd', name: 'Riverside Schoo1 District', brandColor: '#1f5fbf' });
    await stranger.request('POST', 'orgs', { slug: 'riverside-2', name: 'riverside school-district.' });
    const flagged = await admin.request('GET', 'admin/issuers?flagged=true');
    expect(flagged.status).toBe(200);
    const bySlug = new Map(flagged.json.map((o) => [String(o['slug']), o['resembles'] as Array<Record<string, unknown>>]));
    expect(bySlug.get('riverside-sd')).toEqual([
      expect.objectContaining({ slug: 'riverside', name: 'Riverside School District', verifiedDomain: 'riverside.example' }),
    ]);
    expect(bySlug.get('riverside-2')?.[0]).toMatchObject({ slug: 'riverside', reason: expect.stringContaining('same name') });
    // The verified issuer itself and unrelated names are not flagged.
    expect(bySlug.has('riverside')).toBe(false);
    expect(bySlug.has('hillcrest')).toBe(false);
    expect((await stranger.request('GET', 'admin/issuers?flagged=true')).status).toBe(403);
  });
});

describe('look-alike names', () => {
  it('folds case, punctuation, accents and homoglyphs, and allows a small edit distance', () => {
    expect(normaliseIssuerName('Riverside Schoo1 District')).toBe(normaliseIssuerName('Riverside School District'));
    expect(normaliseIssuerName('Rіverside School Dіstrict')).toBe(normaliseIssuerName('Riverside School District'));
    expect(resemblance('Riverside Schoo1 District', 'Riverside School District')).toMatch(/same name once/);
    expect(resemblance('Riverside School Distrct', 'Riverside School District')).toBe('name differs by 1 character');
    expect(resemblance('Riverview School District', 'Riverside School District')).toBeNull();
    expect(resemblance('Hillcrest Academy', 'Riverside School District')).toBeNull();
  });
});
