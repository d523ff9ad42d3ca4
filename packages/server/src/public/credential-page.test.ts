import { extractFromPng, isPng } from '@tessera/credentials';
import { parse } from 'content-disposition';
import { inflateSync } from 'node:zlib';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentials } from '../db/schema.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { ApiClient, createTestContext } from '../testing/harness.js';
import { credentialPageView } from '../testing/credential-page-view.js';
import type { TestContext } from '../testing/harness.js';
import { changeCredentialStatus } from '../credentials/change-status.js';
import { findOrgById } from '../orgs/store.js';
import { badgeForPdf } from './badge-image.js';
import { certificatePdf } from './certificate.js';
import { renderCredentialPage } from './credential-page.js';
import type { CredentialPageView } from './credential-page.js';
import { esc, humanDate } from './html.js';
import { downloadStem } from './download-name.js';
import { prefersJson } from './routes.js';
import { credentialColumns, credentialJwt } from '../credentials/index.js';

let ctx: TestContext;
let key = '';
let row: typeof credentials.$inferSelect | undefined;

/** The VC-JWT stored for a credential (payload detached), or null when none is yet. */
async function storedJwt(id: string): Promise<string | null | undefined> {
  return (await ctx.deps.db.select({ jwt: credentials.jwt }).from(credentials).where(eq(credentials.id, id)))[0]?.jwt;
}

/** How many times a credential's VC-JWT was signed, by the audit log. */
async function jwtSignedEvents(id: string): Promise<number> {
  const events = await ctx.deps.db.query.auditEvents.findMany({
    where: (a, { and, eq }) => and(eq(a.action, 'credential.jwt_signed'), eq(a.target, id)),
  });
  return events.length;
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  [row] = await ctx.deps.db.select(credentialColumns).from(credentials).limit(1);
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
    const name = String(
      ((row?.document['credentialSubject'] as Record<string, unknown>)['achievement'] as Record<string, unknown>)['name'],
    );
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

  it('links Tessera’s issuer page and the micro-credential’s transparency page, and both answer', async () => {
    const html = await (await ctx.app.request(`/credentials/${key}`)).text();
    const transparency = `http://tessera.test/orgs/riverside/achievements/${row?.achievementId ?? ''}`;
    expect(html).toContain('<a href="http://tessera.test/orgs/riverside">Riverside School District on Tessera</a>');
    expect(html).toContain(`<a href="${transparency}">How this is assessed (transparency and quality assurance)</a>`);
    expect((await ctx.app.request('/orgs/riverside')).status).toBe(200);
    const page = await ctx.app.request(transparency.replace('http://tessera.test', ''));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="transparency"');
  });

  it('shows each rubric result with the achieved level’s description, not only its name', async () => {
    const html = await (await ctx.app.request(`/credentials/${key}`)).text();
    const subject = row?.document['credentialSubject'] as {
      result: Array<{ resultDescription: string; achievedLevel: string }>;
      achievement: {
        resultDescription: Array<{
          id: string;
          name: string;
          rubricCriterionLevel: Array<{ id: string; name: string; description: string }>;
        }>;
      };
    };
    expect(subject.result.length).toBeGreaterThan(0);
    for (const r of subject.result) {
      const criterion = subject.achievement.resultDescription.find((d) => d.id === r.resultDescription);
      const level = criterion?.rubricCriterionLevel.find((l) => l.id === r.achievedLevel);
      expect(level?.description).toBeTruthy();
      expect(html).toContain(
        `<th scope="row">${esc(criterion?.name)}</th><td><strong>${esc(level?.name)}</strong><span class="level-description">${esc(level?.description)}</span></td>`,
      );
    }
  });

  it('writes dates for people ("12 March 2026") in <time datetime> elements, with no ISO date-time in the visible text', async () => {
    const html = await (await ctx.app.request(`/credentials/${key}`)).text();
    const issued = new Date(String(row?.document['validFrom']));
    expect(html).toContain(`Issued <time datetime="${issued.toISOString()}">${humanDate(issued)}</time>`);
    const visible = html.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<[^>]*>/g, '');
    expect(visible).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('names every download after the achievement, in the page and in Content-Disposition', async () => {
    const name = String(
      ((row?.document['credentialSubject'] as Record<string, unknown>)['achievement'] as Record<string, unknown>)['name'],
    );
    const stem = downloadStem(name);
    expect(stem).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
    const html = await (await ctx.app.request(`/credentials/${key}`)).text();
    for (const file of [`${stem}.json`, `${stem}.jwt`, `${stem}.png`, `${stem}.svg`, `${stem}.pdf`, `${stem}-qr.png`, `${stem}-qr.svg`])
      expect(html).toContain(`download="${file}"`);
    const expected: Array<[string, string]> = [
      ['credential.json', `${stem}.json`],
      ['credential.jwt', `${stem}.jwt`],
      ['badge', `${stem}.svg`],
      ['badge.svg', `${stem}.svg`],
      ['badge.png', `${stem}.png`],
      ['certificate.pdf', `${stem}.pdf`],
      ['qr.png', `${stem}-qr.png`],
    ];
    for (const [path, file] of expected) {
      const res = await ctx.app.request(`/credentials/${key}/${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      const disposition = parse(res.headers.get('content-disposition') ?? '');
      expect({ path, type: disposition.type, filename: disposition.parameters['filename'] }).toEqual({
        path,
        type: 'attachment',
        filename: file,
      });
    }
  });

  it('offers a baked PNG (the SVG badge drawn, with an openbadgecredential iTXt chunk) that verifies', async () => {
    const res = await ctx.app.request(`/credentials/${key}/badge.png`);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = new Uint8Array(await res.arrayBuffer());
    expect(isPng(png)).toBe(true);
    expect(Buffer.from(png).toString('latin1')).toContain('iTXtopenbadgecredential\0');
    const baked = extractFromPng(png);
    expect(baked?.standard).toBe('ob3');
    expect((JSON.parse(baked?.text ?? '{}') as { id: string }).id).toBe(row?.id);
    const verified = await ctx.app.request('/api/v1/verify', { method: 'POST', headers: { 'content-type': 'image/png' }, body: png });
    const report = (await verified.json()) as { verdict: string; steps: unknown[] };
    expect(report.verdict, JSON.stringify(report.steps)).toBe('valid');
    // The wallet import reads the same baked PNG.
    const learner = new ApiClient(ctx);
    expect((await learner.request('POST', 'auth/signin', { email: 'learner@riverside.example', password: DEMO_PASSWORD })).status).toBe(
      200,
    );
    const imported = await ctx.app.request('/api/v1/me/wallet/imports', {
      method: 'POST',
      headers: { 'content-type': 'image/png', cookie: learner.cookie ?? '', 'x-csrf-token': learner.csrf ?? '' },
      body: png,
    });
    expect(imported.status).toBe(201);
    expect(((await imported.json()) as { verdict: string }).verdict).toBe('valid');
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
    const verified = await ctx.app.request('/api/v1/verify', {
      method: 'POST',
      headers: { 'content-type': 'image/svg+xml' },
      body: await badge.text(),
    });
    const verifiedReport = (await verified.json()) as { verdict: string; steps: unknown[] };
    expect(verifiedReport.verdict, JSON.stringify(verifiedReport.steps)).toBe('valid');
    // No JWT is signed at issue. The first request signs it and stores it with its payload detached (the payload is
    // the document), audited once; every later request serves the stored one with the payload rebuilt, and it verifies.
    expect(row?.jwt, 'not signed at issue').toBeNull();
    const jwt = await (await ctx.app.request(`/credentials/${key}/credential.jwt`)).text();
    const [header, payload, signature] = jwt.split('.');
    expect(await storedJwt(row?.id ?? '')).toBe(`${header}..${signature}`);
    expect(await (await ctx.app.request(`/credentials/${key}/credential.jwt`)).text(), 'the stored JWT again, not a new signature').toBe(
      jwt,
    );
    expect(await jwtSignedEvents(row?.id ?? '')).toBe(1);
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'))).toMatchObject({ id: row?.id, jti: row?.id });
    const jwtVerified = await ctx.app.request('/api/v1/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/jwt' },
      body: jwt,
    });
    const jwtReport = (await jwtVerified.json()) as { verdict: string; steps: unknown[] };
    expect(jwtReport.verdict, JSON.stringify(jwtReport.steps)).toBe('valid');
  });

  it('signs one VC-JWT when several requests ask for it at once: every one gets the stored one', async () => {
    const [other] = await ctx.deps.db
      .select(credentialColumns)
      .from(credentials)
      .where(and(isNull(credentials.jwt), ne(credentials.id, row?.id ?? '')))
      .limit(1);
    if (!other) throw new Error('seed has no second credential');
    const served = await Promise.all([credentialJwt(ctx.deps, other), credentialJwt(ctx.deps, other), credentialJwt(ctx.deps, other)]);
    expect(new Set(served).size).toBe(1);
    const [header, , signature] = (served[0] ?? '').split('.');
    expect(await storedJwt(other.id)).toBe(`${header}..${signature}`);
    expect(await jwtSignedEvents(other.id)).toBe(1);
  });

  it('shows a revoked credential prominently as revoked, and its verification fails', async () => {
    const org = await findOrgById(ctx.deps.db, row?.orgId ?? '');
    if (!org || !row) throw new Error('seed missing');
    await changeCredentialStatus(ctx.deps, {
      actor: { accountId: row.learnerId ?? '', ip: null },
      org,
      credentialId: row.id,
      action: 'revoke',
      reason: 'Issued to the wrong person',
    });
    const html = await (await ctx.app.request(`/credentials/${key}`)).text();
    const [revoked] = await ctx.deps.db.select(credentialColumns).from(credentials).where(eq(credentials.id, row.id));
    const when = revoked?.revokedAt ?? new Date(NaN);
    expect(html).toContain(
      `<strong>Revoked on <time datetime="${when.toISOString()}">${humanDate(when)}</time></strong> by its issuer: Issued to the wrong person.</p><p>This credential is no longer valid.</p>`,
    );
    expect(humanDate(when)).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(html).toMatch(/class="badge failed">Failed<\/span><span><strong>Revocation<\/strong>: The credential has been revoked/);
    // No share action presents it as valid: no LinkedIn, no link to copy, no baked badges, certificate or QR codes.
    expect(html).not.toContain('linkedin.com');
    expect(html).not.toMatch(/Link to this page|badge\.png|badge\.svg|certificate\.pdf|qr\.(png|svg)/);
    expect(html).toContain('cannot be shared or added to a profile');
    expect(html).toContain('>Download JSON</a>');
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
      const [r] = await fresh.deps.db.select(credentialColumns).from(credentials).limit(1);
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
      // The badge (the default SVG, drawn as a 512 px PNG) is an image XObject beside the QR code's.
      expect(imageCount(pdf)).toBeGreaterThanOrEqual(2);
      expect(text).toMatch(/\/Subtype \/Image[\s\S]*?\/Width 512/);
      const description = String(
        ((r?.document['credentialSubject'] as Record<string, unknown>)['achievement'] as Record<string, unknown>)['description'],
      );
      expect(description.length).toBeGreaterThan(20);
      expect(pdfText(pdf)).toContain(description.slice(0, 20));
    } finally {
      await fresh.close();
    }
  });
});

/** How many image XObjects a PDF holds. */
function imageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0;
}

/** The text pdfkit drew with its standard fonts: every content stream inflated, the hex strings of TJ operators decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let out = '';
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g))
      out += [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1')).join('') + '\n';
  }
  return out;
}

describe('the PDF certificate', () => {
  const view = credentialPageView(3, {
    credential: {
      name: 'Teamwork',
      validFrom: '2026-03-12T09:00:00Z',
      issuer: { id: 'did:web:issuer.example', name: 'Issuer Example' },
      credentialSubject: { achievement: { name: 'Teamwork', description: 'Works well with others on shared projects.' } },
    },
    recipientName: 'Ada Lovelace',
  });
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="30" fill="#2f3e9e"/></svg>';

  it('draws an SVG badge as an image XObject, and carries the description and the human issue date', async () => {
    const badge = badgeForPdf({ bytes: new TextEncoder().encode(svg), mimeType: 'image/svg+xml' });
    expect(badge).not.toBeNull();
    const withBadge = Buffer.from(await certificatePdf(view, badge));
    const without = Buffer.from(await certificatePdf(view, null));
    expect(imageCount(withBadge)).toBeGreaterThan(imageCount(without));
    expect(withBadge.toString('latin1')).toContain('/Alt (Badge image for Teamwork)');
    const text = pdfText(withBadge);
    expect(text).toContain('Works well with others on shared projects.');
    expect(text).toContain('Issued 12 March 2026');
  });

  it('leaves the image out, and still makes the certificate, only when the badge cannot be drawn', async () => {
    for (const broken of [
      { bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><rect'), mimeType: 'image/svg+xml' },
      {
        bytes: new TextEncoder().encode(
          '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><image href="/etc/hostname" width="8" height="8"/></svg>',
        ),
        mimeType: 'image/svg+xml',
      },
      { bytes: new Uint8Array([1, 2, 3]), mimeType: 'application/octet-stream' },
    ]) {
      expect(badgeForPdf(broken)).toBeNull();
    }
    const pdf = Buffer.from(await certificatePdf(view, null));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).not.toContain('/Alt (Badge image for Teamwork)');
    const drawn = Buffer.from(await certificatePdf(view, badgeForPdf({ bytes: new TextEncoder().encode(svg), mimeType: 'image/svg+xml' })));
    expect(imageCount(pdf)).toBeLessThan(imageCount(drawn));
    expect(pdfText(pdf)).toContain('Works well with others on shared projects.');
  });
});

describe('why a credential does not verify', () => {
  const view = (report: CredentialPageView['report']): CredentialPageView => credentialPageView(1, { report });
  const steps = [
    { id: 'parse', status: 'passed' as const, message: 'Read JSON' },
    { id: 'proof', status: 'passed' as const, message: 'The eddsa-rdfc-2022 signature is valid' },
    {
      id: 'issuer',
      status: 'failed' as const,
      message: 'The signing key is controlled by did:key:z6MkAttacker, not by the issuer did:web:issuer.example',
    },
    { id: 'status.revocation', status: 'unknown' as const, message: 'The status list is not available' },
  ];

  it('names the first failed step and its message in the banner, as an alert, and lists every step by its plain name', () => {
    const html = renderCredentialPage(view({ verdict: 'invalid', steps, format: 'Open Badges 3.0', credential: null }));
    expect(html).toContain(
      '<div class="banner bad" role="alert"><p>This credential does NOT verify — Issuer owns the key: The signing key is controlled by did:key:z6MkAttacker, not by the issuer did:web:issuer.example</p>',
    );
    expect(html).toContain('<a href="#verification">See every check</a>');
    expect(html).toMatch(/class="badge failed">Failed<\/span><span><strong>Issuer owns the key<\/strong>/);
    expect(html).toContain('<strong>Revocation</strong>: The status list is not available');
    expect(html).not.toMatch(/<strong>(issuer|status\.revocation|parse|proof)<\/strong>/);
    expect(html).not.toContain('Verified: the signature');
  });

  it('names the step that could not be checked when the verdict is indeterminate', () => {
    const html = renderCredentialPage(
      view({ verdict: 'indeterminate', steps: steps.filter((s) => s.status !== 'failed'), format: 'Open Badges 3.0', credential: null }),
    );
    expect(html).toContain(
      '<div class="banner warn" role="status"><p>This credential could not be fully verified — Revocation: The status list is not available</p>',
    );
  });

  it('escapes the reason, which comes from the credential', () => {
    const html = renderCredentialPage(
      view({
        verdict: 'invalid',
        steps: [{ id: 'jsonld', status: 'failed', message: 'Bad IRI at $.issuer.image: <img src=x onerror=alert(1)>' }],
        format: null,
        credential: null,
      }),
    );
    expect(html).toContain(
      'This credential does NOT verify — Strict JSON-LD: Bad IRI at $.issuer.image: &lt;img src=x onerror=alert(1)&gt;',
    );
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
  const credential = {
    name: 'Teamwork',
    issuer: { id: 'did:web:issuer.example', name: 'Issuer Example', endorsement: [verified, expired] },
    credentialSubject: { achievement: { name: 'Teamwork', endorsement: [forged] } },
  };
  const view = (report: CredentialPageView['report']): CredentialPageView => credentialPageView(2, { credential, report });
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
    expect(items[0]).toContain(
      '<span class="badge passed">Verified</span><span><strong>Verified Endorser Guild</strong>: A rigorous, well-assessed programme.</span>',
    );
    expect(items[1]).toContain('<span class="badge warning">Expired</span>');
    expect(items[1]).toContain('<strong>Former Endorser Board</strong>: Endorsed for the 2024 cohort. (this endorsement has expired)');
    expect(section).toContain('One endorsement could not be verified and is not shown.');
    expect(html).not.toContain('Forged Endorser Ministry');
    expect(html).not.toContain('The best credential in the world');
  });

  it('shows none of the endorsements the credential embeds when the report has not verified them', () => {
    for (const endorsements of [undefined, [{ index: 0, outcome: 'rejected' as const, credential: null }]]) {
      const html = renderCredentialPage(
        view({ verdict: 'valid', steps, format: 'Open Badges 3.0', credential, ...(endorsements ? { endorsements } : {}) }),
      );
      expect(html).not.toMatch(/Verified Endorser Guild|Former Endorser Board|Forged Endorser Ministry/);
      expect(html.includes('<h2 id="endorsements">')).toBe(endorsements !== undefined);
    }
  });
});

describe('withdrawn credentials and hostile text on the page', () => {
  const base = credentialPageView(5, {
    credential: {
      name: 'Teamwork',
      validFrom: '2026-03-12T09:00:00Z',
      issuer: { id: 'did:web:issuer.example', name: 'Issuer Example' },
      credentialSubject: { achievement: { name: 'Teamwork' } },
    },
    report: {
      verdict: 'invalid',
      steps: [{ id: 'status.revocation', status: 'failed', message: 'The credential has been revoked' }],
      format: 'Open Badges 3.0',
      credential: null,
    },
    jwtUrl: 'http://tessera.test/credentials/5/credential.jwt',
    linkedInUrl: 'https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME',
    status: 'revoked',
    statusReason: 'Issued in error.',
    statusDate: '2026-04-02T10:30:00.000Z',
    issuerPageUrl: 'http://tessera.test/orgs/issuer',
    transparencyUrl: 'http://tessera.test/orgs/issuer/achievements/a',
  });

  it('says "Revoked on" with the date and a reason that brings its own full stop, without doubling it', () => {
    const html = renderCredentialPage(base);
    expect(html).toContain(
      '<strong>Revoked on <time datetime="2026-04-02T10:30:00.000Z">2 April 2026</time></strong> by its issuer: Issued in error.</p>',
    );
    expect(html).not.toMatch(/\.\.|\.\s*<\/strong>\./);
    expect(renderCredentialPage({ ...base, statusReason: null })).toContain('</time></strong> by its issuer.</p>');
  });

  it('hides every share action on a revoked or suspended credential, and keeps them on an active one', () => {
    const active = renderCredentialPage({
      ...base,
      status: 'active',
      statusReason: null,
      statusDate: null,
      report: { ...base.report, verdict: 'valid', steps: [] },
    });
    for (const shown of [
      'linkedin.com',
      'Link to this page',
      'download="teamwork.png"',
      'download="teamwork.svg"',
      'download="teamwork.pdf"',
      'download="teamwork-qr.png"',
    ])
      expect(active).toContain(shown);
    const suspended = renderCredentialPage({ ...base, status: 'suspended', statusReason: 'Under review' });
    expect(suspended).toContain(
      '<strong>Suspended on <time datetime="2026-04-02T10:30:00.000Z">2 April 2026</time></strong> by its issuer: Under review.</p>',
    );
    for (const html of [renderCredentialPage(base), suspended]) {
      expect(html).not.toMatch(/linkedin\.com|Link to this page|badge\.(png|svg)|certificate\.pdf|qr\.(png|svg)/);
      expect(html).toContain('download="teamwork.json"');
    }
  });

  it('escapes names, reasons and evidence that carry markup, and never links a javascript: URL', () => {
    const script = '<script>alert(1)</script>';
    const html = renderCredentialPage({
      ...base,
      statusReason: `"><img src=x onerror=alert(1)>`,
      recipientName: script,
      credential: {
        name: script,
        issuer: { id: 'did:web:issuer.example', name: `${script} Org`, url: 'javascript:alert(1)' },
        credentialSubject: { achievement: { name: script, description: script } },
      },
      evidence: [{ id: 'javascript:alert(2)', name: script, narrative: script }],
    });
    expect(html).not.toMatch(/<script|<img src=x|href="javascript:/);
    expect(html).toContain('<h1 id="credential-name">&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; · &lt;script&gt;alert(1)&lt;/script&gt; Org</title>');
    expect(html).toContain('<meta property="og:title" content="&lt;script&gt;alert(1)&lt;/script&gt;">');
    expect(html).toContain('by its issuer: &quot;&gt;&lt;img src=x onerror=alert(1)&gt;.');
    expect(html).not.toContain('Issuer’s website');
  });
});
