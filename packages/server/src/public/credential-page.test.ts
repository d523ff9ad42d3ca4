import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentials } from '../db/schema.js';
import { seedDemo } from '../seed/demo.js';
import { createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';
import { changeCredentialStatus } from '../credentials/change-status.js';
import { findOrgById } from '../orgs/store.js';
import { renderCredentialPage } from './credential-page.js';
import type { CredentialPageView } from './credential-page.js';
import { prefersJson } from './routes.js';

let ctx: TestContext;
let key = '';
let row: typeof credentials.$inferSelect | undefined;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  [row] = await ctx.deps.db.select().from(credentials).limit(1);
  key = (row?.id ?? '').replace('http://tessera.test/credentials/', '').replace(/^urn:uuid:/, '');
});
afterAll(async () => ctx?.close());

describe('public credential page', () => {
  it('the credential id is its public page URL', () => {
    expect(row?.id).toMatch(/^http:\/\/tessera\.test\/credentials\/[0-9a-f-]{36}$/);
  });

  it('renders server-side without signing in: name, issuer, dates, rubric results, a passing verification panel and preview tags', async () => {
    const res = await ctx.app.request(`/credentials/${key}`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    const name = String(((row?.document['credentialSubject'] as Record<string, unknown>)['achievement'] as Record<string, unknown>)['name']);
    expect(html).toContain(`<h1 id="credential-name">${name}</h1>`);
    expect(html).toContain('Riverside School District');
    expect(html).toContain('Verified: the signature');
    expect(html).not.toMatch(/class="badge failed"|class="badge unknown"/);
    expect(html).toContain(`<meta property="og:title" content="${name}">`);
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    expect(html).toContain('https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME');
    expect(html).toContain('<caption>Rubric results</caption>');
    expect(html).not.toMatch(/<script/);
  });

  it('negotiates content: Accept application/vc+ld+json or application/json returns the credential', async () => {
    for (const accept of ['application/vc+ld+json', 'application/json', 'text/html;q=0.5, application/json']) {
      const res = await ctx.app.request(`/credentials/${key}`, { headers: { accept } });
      expect(res.headers.get('content-type')).toBe('application/vc+ld+json');
      expect(((await res.json()) as { id: string }).id).toBe(row?.id);
    }
    expect(prefersJson('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(false);
    expect(prefersJson(undefined)).toBe(false);
  });

  it('offers a baked SVG that verifies, and the JWT form', async () => {
    const badge = await ctx.app.request(`/credentials/${key}/badge`);
    expect(badge.headers.get('content-type')).toBe('image/svg+xml');
    const verified = await ctx.app.request('/api/v1/verify', { method: 'POST', headers: { 'content-type': 'image/svg+xml' }, body: await badge.text() });
    const verifiedReport = (await verified.json()) as { verdict: string; steps: unknown[] };
    expect(verifiedReport.verdict, JSON.stringify(verifiedReport.steps)).toBe('valid');
    const jwt = await ctx.app.request(`/credentials/${key}/credential.jwt`);
    expect(await jwt.text()).toBe(row?.jwt);
  });

  it('shows a revoked credential prominently as revoked, and its verification fails', async () => {
    const org = await findOrgById(ctx.deps.db, row?.orgId ?? '');
    if (!org || !row) throw new Error('seed missing');
    await changeCredentialStatus(ctx.deps, { actor: { accountId: row.learnerId, ip: null }, org, credentialId: row.id, action: 'revoke', reason: 'Issued to the wrong person' });
    const html = await (await ctx.app.request(`/credentials/${key}`)).text();
    expect(html).toContain('This credential has been REVOKED by its issuer: Issued to the wrong person');
    expect(html).toMatch(/class="badge failed">Failed<\/span><span><strong>Revocation<\/strong>: The credential has been revoked/);
  });

  it('answers 404 for an unknown credential', async () => {
    expect((await ctx.app.request('/credentials/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });
});

describe('credential downloads', () => {
  it('serves a QR code to the page as SVG and PNG, and a one-page PDF certificate with the verification URL', async () => {
    const fresh = await createTestContext();
    try {
      await seedDemo(fresh.deps);
      const [r] = await fresh.deps.db.select().from(credentials).limit(1);
      const k = (r?.id ?? '').split('/').pop() ?? '';
      const svg = await fresh.app.request(`/credentials/${k}/qr.svg`);
      expect(svg.headers.get('content-type')).toBe('image/svg+xml');
      expect(await svg.text()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      const png = new Uint8Array(await (await fresh.app.request(`/credentials/${k}/qr.png`)).arrayBuffer());
      expect(Array.from(png.slice(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
      const pdf = Buffer.from(await (await fresh.app.request(`/credentials/${k}/certificate.pdf`)).arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdf.toString('latin1');
      expect(text).toMatch(/\/Type \/Pages\s+\/Count 1/);
      expect(text).toContain('/MarkInfo');
      expect(text).toContain('/StructTreeRoot');
      expect(text).toContain('/Lang (en)');
    } finally {
      await fresh.close();
    }
  });
});

describe('why a credential does not verify', () => {
  const view = (report: CredentialPageView['report']): CredentialPageView => ({
    credential: { name: 'Teamwork', issuer: { id: 'did:web:issuer.example', name: 'Issuer Example' }, credentialSubject: { achievement: { name: 'Teamwork' } } },
    report,
    pageUrl: 'http://tessera.test/credentials/1',
    jsonUrl: 'http://tessera.test/credentials/1/credential.json',
    jwtUrl: null,
    bakedSvgUrl: 'http://tessera.test/credentials/1/badge',
    imageUrl: 'http://tessera.test/media/achievements/a/image',
    linkedInUrl: 'https://www.linkedin.com/profile/add',
    recipientName: null,
    evidence: [],
    indexable: false,
    status: 'active',
    statusReason: null,
    replacedByUrl: null,
  });
  const steps = [
    { id: 'parse', status: 'passed' as const, message: 'Read JSON' },
    { id: 'proof', status: 'passed' as const, message: 'The eddsa-rdfc-2022 signature is valid' },
    { id: 'issuer', status: 'failed' as const, message: 'The signing key is controlled by did:key:z6MkAttacker, not by the issuer did:web:issuer.example' },
    { id: 'status.revocation', status: 'unknown' as const, message: 'The status list is not available' },
  ];

  it('names the first failed step and its message in the banner, as an alert, and lists every step by its plain name', () => {
    const html = renderCredentialPage(view({ verdict: 'invalid', steps, format: 'Open Badges 3.0', credential: null }));
    expect(html).toContain('<div class="banner bad" role="alert"><p>This credential does NOT verify — Issuer owns the key: The signing key is controlled by did:key:z6MkAttacker, not by the issuer did:web:issuer.example</p>');
    expect(html).toContain('<a href="#verification">See every check</a>');
    expect(html).toMatch(/class="badge failed">Failed<\/span><span><strong>Issuer owns the key<\/strong>/);
    expect(html).toContain('<strong>Revocation</strong>: The status list is not available');
    expect(html).not.toMatch(/<strong>(issuer|status\.revocation|parse|proof)<\/strong>/);
    expect(html).not.toContain('Verified: the signature');
  });

  it('names the step that could not be checked when the verdict is indeterminate', () => {
    const html = renderCredentialPage(view({ verdict: 'indeterminate', steps: steps.filter((s) => s.status !== 'failed'), format: 'Open Badges 3.0', credential: null }));
    expect(html).toContain('<div class="banner warn" role="status"><p>This credential could not be fully verified — Revocation: The status list is not available</p>');
  });

  it('escapes the reason, which comes from the credential', () => {
    const html = renderCredentialPage(view({ verdict: 'invalid', steps: [{ id: 'jsonld', status: 'failed', message: 'Bad IRI at $.issuer.image: <img src=x onerror=alert(1)>' }], format: null, credential: null }));
    expect(html).toContain('This credential does NOT verify — Strict JSON-LD: Bad IRI at $.issuer.image: &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
  });
});

describe('endorsements on the public page', () => {
  const endorsement = (by: string, comment: string) => ({
    type: ['VerifiableCredential', 'EndorsementCredential'],
    issuer: { id: `did:web:${by.toLowerCase().replace(/\W+/g, '-')}.example`, type: ['Profile'], name: by },
    credentialSubject: { id: 'did:web:issuer.example', type: ['EndorsementSubject'], endorsementComment: comment },
  });
  const verified = endorsement('Verified Endorser Guild', 'A rigorous, well-assessed programme.');
  const expired = endorsement('Former Endorser Board', 'Endorsed for the 2024 cohort.');
  const forged = endorsement('Forged Endorser Ministry', 'The best credential in the world, trust us.');
  // The credential embeds all three; only the verifier's report decides what is shown, from its checked copies.
  const credential = { name: 'Teamwork', issuer: { id: 'did:web:issuer.example', name: 'Issuer Example', endorsement: [verified, expired] }, credentialSubject: { achievement: { name: 'Teamwork', endorsement: [forged] } } };
  const view = (report: CredentialPageView['report']): CredentialPageView => ({
    credential,
    report,
    pageUrl: 'http://tessera.test/credentials/2',
    jsonUrl: 'http://tessera.test/credentials/2/credential.json',
    jwtUrl: null,
    bakedSvgUrl: 'http://tessera.test/credentials/2/badge',
    imageUrl: 'http://tessera.test/media/achievements/a/image',
    linkedInUrl: 'https://www.linkedin.com/profile/add',
    recipientName: null,
    evidence: [],
    indexable: false,
    status: 'active',
    statusReason: null,
    replacedByUrl: null,
  });
  const steps = [{ id: 'proof', status: 'passed' as const, message: 'The eddsa-rdfc-2022 signature is valid' }];

  it('shows verified endorsements, marks expired ones, and never shows a rejected one', () => {
    const html = renderCredentialPage(
      view({
        verdict: 'valid',
        steps,
        format: 'Open Badges 3.0',
        credential,
        endorsements: [
          { index: 0, outcome: 'verified', credential: verified },
          { index: 1, outcome: 'expired', credential: expired },
          { index: 2, outcome: 'rejected', credential: null },
        ],
      }),
    );
    const section = /<section class="card" aria-labelledby="endorsements">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    expect(section).toContain('<h2 id="endorsements">Endorsements</h2>');
    const items = section.match(/<li>[\s\S]*?<\/li>/g) ?? [];
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('<span class="badge passed">Verified</span><span><strong>Verified Endorser Guild</strong>: A rigorous, well-assessed programme.</span>');
    expect(items[1]).toContain('<span class="badge warning">Expired</span>');
    expect(items[1]).toContain('<strong>Former Endorser Board</strong>: Endorsed for the 2024 cohort. (this endorsement has expired)');
    expect(section).toContain('One endorsement could not be verified and is not shown.');
    expect(html).not.toContain('Forged Endorser Ministry');
    expect(html).not.toContain('The best credential in the world');
  });

  it('shows none of the endorsements the credential embeds when the report has not verified them', () => {
    for (const endorsements of [undefined, [{ index: 0, outcome: 'rejected' as const, credential: null }]]) {
      const html = renderCredentialPage(view({ verdict: 'valid', steps, format: 'Open Badges 3.0', credential, ...(endorsements ? { endorsements } : {}) }));
      expect(html).not.toMatch(/Verified Endorser Guild|Former Endorser Board|Forged Endorser Ministry/);
      expect(html.includes('<h2 id="endorsements">')).toBe(endorsements !== undefined);
    }
  });
});
