import { shownEndorsements, stepName, verificationProblem } from '@tessera/shared';
import type { VerificationReport } from '@tessera/shared';
import { esc, page } from './html.js';
import type { IssuerVerification } from '../orgs/verification/issuer-verification.js';
import { issuerVerificationLine } from '../orgs/verification/issuer-verification.js';

type Json = Record<string, unknown>;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const rec = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Everything the public credential page shows. */
export interface CredentialPageView {
  credential: Json;
  report: VerificationReport;
  pageUrl: string;
  jsonUrl: string;
  jwtUrl: string | null;
  bakedSvgUrl: string;
  imageUrl: string;
  linkedInUrl: string;
  recipientName: string | null;
  /** The evidence entries the learner made public. */
  evidence: Json[];
  /** Listed publicly (search engines may index it); unlisted and private pages are noindex. */
  indexable: boolean;
  status: 'active' | 'revoked' | 'suspended' | 'expired';
  statusReason: string | null;
  /** Whether the issuing organisation has proven its web domain (shown under "Issued by"). */
  issuerVerification?: IssuerVerification | null;
  /** The page of the credential that re-issued this one (with the learner's later sharing choices), if any. */
  replacedByUrl: string | null;
}

const STATUS_WORDS: Record<string, string> = { passed: 'Passed', failed: 'Failed', warning: 'Note', unknown: 'Not checked' };

function date(value: unknown): string {
  const d = new Date(str(value));
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleDateString('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

function banner(v: CredentialPageView): string {
  if (v.replacedByUrl) return `<div class="banner bad" role="alert">This credential was re-issued and has been revoked; it is no longer valid. <a href="${esc(v.replacedByUrl)}">See the credential that replaced it</a>.</div>`;
  if (v.status === 'revoked') return `<div class="banner bad" role="alert">This credential has been REVOKED by its issuer${v.statusReason ? `: ${esc(v.statusReason)}` : ''}. It is no longer valid.</div>`;
  if (v.status === 'suspended') return `<div class="banner bad" role="alert">This credential is SUSPENDED by its issuer${v.statusReason ? `: ${esc(v.statusReason)}` : ''}. It does not verify while suspended.</div>`;
  if (v.status === 'expired') return `<div class="banner warn" role="alert">This credential has EXPIRED.</div>`;
  if (v.report.verdict === 'valid') return `<div class="banner ok" role="status">Verified: the signature, the issuer’s key, the dates and the revocation status all check out.</div>`;
  // Name the check that decided the verdict, in plain words, so nobody has to read the list to learn why.
  const problem = verificationProblem(v.report.steps);
  const reason = problem ? ` — ${esc(stepName(problem.id))}: ${esc(problem.message)}` : '';
  const more = '<a href="#verification">See every check</a>';
  if (v.report.verdict === 'invalid') return `<div class="banner bad" role="alert"><p>This credential does NOT verify${reason}</p>${more}</div>`;
  return `<div class="banner warn" role="status"><p>This credential could not be fully verified${reason || '. Some checks could not be completed'}</p>${more}</div>`;
}

/** The server-rendered public page of a credential: no JavaScript needed. */
export function renderCredentialPage(v: CredentialPageView): string {
  const c = v.credential;
  const issuer = rec(c['issuer']);
  const subject = rec(list(c['credentialSubject'])[0]);
  const achievement = rec(subject['achievement']);
  const name = str(achievement['name']) || str(c['name']) || 'Credential';
  const issuerName = str(issuer['name']) || str(c['issuer']);
  const descriptions = list(achievement['resultDescription']).map(rec);
  const results = list(subject['result']).map(rec);
  const rows = results
    .map((r) => {
      const d = descriptions.find((x) => x['id'] === r['resultDescription']);
      const level = list(d?.['rubricCriterionLevel']).map(rec).find((l) => l['id'] === r['achievedLevel']);
      const required = list(d?.['rubricCriterionLevel']).map(rec).find((l) => l['id'] === d?.['requiredLevel']);
      return `<tr><th scope="row">${esc(d?.['name'] ?? 'Criterion')}</th><td>${esc(level?.['name'] ?? r['achievedLevel'] ?? '')}</td><td>${esc(required?.['name'] ?? '')}</td></tr>`;
    })
    .join('');
  const evidence = v.evidence
    .map((e) => {
      const link = str(e['id']);
      const title = `<strong>${esc(e['name'] ?? 'Evidence')}</strong>`;
      return `<li>${/^https?:\/\//.test(link) ? `<a href="${esc(link)}" rel="noopener noreferrer">${title}</a>` : title}${e['description'] ? ` — ${esc(e['description'])}` : ''}${e['narrative'] ? `<p class="pre">${esc(e['narrative'])}</p>` : ''}</li>`;
    })
    .join('');
  // Only endorsements the verifier checked on their own, from its copies: never straight from the credential.
  const endorsements = shownEndorsements(v.report)
    .map(({ credential: e, expired }) => {
      const by = str(rec(e['issuer'])['name']) || str(e['name']) || 'Endorsement';
      const comment = str(rec(list(e['credentialSubject'])[0])['endorsementComment']);
      return `<li>${expired ? '<span class="badge warning">Expired</span>' : '<span class="badge passed">Verified</span>'}<span><strong>${esc(by)}</strong>${comment ? `: ${esc(comment)}` : ''}${expired ? ' (this endorsement has expired)' : ''}</span></li>`;
    })
    .join('');
  const hidden = (v.report.endorsements ?? []).filter((e) => e.outcome === 'rejected').length;
  const steps = v.report.steps
    .map((s) => `<li><span class="badge ${s.status}">${STATUS_WORDS[s.status] ?? s.status}</span><span><strong>${esc(stepName(s.id))}</strong>: ${esc(s.message)}</span></li>`)
    .join('');
  const description = `${name}, issued by ${issuerName}${v.recipientName ? ` to ${v.recipientName}` : ''}. A verifiable Open Badges 3.0 credential.`;
  const head = [
    ...(v.indexable ? [] : ['<meta name="robots" content="noindex">']),
    `<meta name="description" content="${esc(description)}">`,
    `<link rel="canonical" href="${esc(v.pageUrl)}">`,
    `<link rel="alternate" type="application/vc+ld+json" href="${esc(v.jsonUrl)}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${esc(name)}">`,
    `<meta property="og:description" content="${esc(description)}">`,
    `<meta property="og:url" content="${esc(v.pageUrl)}">`,
    `<meta property="og:image" content="${esc(v.imageUrl)}">`,
    `<meta property="og:site_name" content="Tessera">`,
    `<meta name="twitter:card" content="summary">`,
    `<meta name="twitter:title" content="${esc(name)}">`,
    `<meta name="twitter:description" content="${esc(description)}">`,
    `<meta name="twitter:image" content="${esc(v.imageUrl)}">`,
  ].join('\n');
  const body = `
${banner(v)}
<section class="card hero" aria-labelledby="credential-name">
  <img src="${esc(v.imageUrl)}" alt="Badge image for ${esc(name)}">
  <div class="text">
    <h1 id="credential-name">${esc(name)}</h1>
    <p class="meta">Issued by <strong>${esc(issuerName)}</strong>${issuer['url'] ? ` (<a href="${esc(issuer['url'])}" rel="noopener noreferrer">${esc(issuer['url'])}</a>)` : ''}</p>
    ${v.issuerVerification ? `<p class="meta issuer-verification">${esc(issuerVerificationLine(v.issuerVerification))}</p>` : ''}
    ${v.recipientName ? `<p class="meta">Awarded to <strong>${esc(v.recipientName)}</strong></p>` : '<p class="meta">The recipient chose not to show their name.</p>'}
    <p class="meta">Issued ${esc(date(c['validFrom'] ?? c['issuanceDate']))}${c['validUntil'] ? ` · Expires ${esc(date(c['validUntil']))}` : ' · Does not expire'}</p>
    ${achievement['description'] ? `<p class="pre">${esc(achievement['description'])}</p>` : ''}
  </div>
</section>
<section class="card" aria-labelledby="verification">
  <h2 id="verification">Verification</h2>
  <p>Checked just now against the issuer’s published key and status lists. Verdict: <strong>${esc(v.report.verdict)}</strong>.</p>
  <ul class="steps">${steps}</ul>
</section>
<section class="card" aria-labelledby="criteria">
  <h2 id="criteria">What it certifies</h2>
  ${rec(achievement['criteria'])['narrative'] ? `<p class="pre">${esc(rec(achievement['criteria'])['narrative'])}</p>` : ''}
  ${rows ? `<table><caption>Rubric results</caption><thead><tr><th scope="col">Criterion</th><th scope="col">Level achieved</th><th scope="col">Level required</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
</section>
${evidence ? `<section class="card" aria-labelledby="evidence"><h2 id="evidence">Evidence</h2><ul>${evidence}</ul></section>` : ''}
${endorsements || hidden ? `<section class="card" aria-labelledby="endorsements"><h2 id="endorsements">Endorsements</h2>${endorsements ? `<ul class="steps">${endorsements}</ul>` : ''}${hidden ? `<p>${hidden === 1 ? 'One endorsement' : `${hidden} endorsements`} could not be verified and ${hidden === 1 ? 'is' : 'are'} not shown.</p>` : ''}</section>` : ''}
<section class="card" aria-labelledby="share">
  <h2 id="share">Share and download</h2>
  <div class="actions">
    <a href="${esc(v.linkedInUrl)}" rel="noopener noreferrer">Add to LinkedIn profile</a>
    <a href="${esc(v.jsonUrl)}" download="credential.json">Download JSON</a>
    ${v.jwtUrl ? `<a href="${esc(v.jwtUrl)}" download="credential.jwt">Download VC-JWT</a>` : ''}
    <a href="${esc(v.bakedSvgUrl)}" download="badge.svg">Download baked SVG badge</a>
    <a href="${esc(v.pageUrl)}/certificate.pdf" download="certificate.pdf">Download PDF certificate</a>
    <a href="${esc(v.pageUrl)}/qr.png" download="qr.png">Download QR code (PNG)</a>
    <a href="${esc(v.pageUrl)}/qr.svg" download="qr.svg">Download QR code (SVG)</a>
    <a href="/app/verify">Verify another credential</a>
  </div>
  <p>Link to this page: <a href="${esc(v.pageUrl)}">${esc(v.pageUrl)}</a></p>
  <img src="${esc(v.pageUrl)}/qr.svg" alt="QR code linking to this page" width="140" height="140">
</section>`;
  return page({ title: `${name} · ${issuerName}`, head, body });
}

/** A LinkedIn "add to profile" link for a certification. */
export function linkedInAddUrl(opts: { name: string; organization: string; issued: Date; expires: Date | null; url: string; id: string }): string {
  const p = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: opts.name,
    organizationName: opts.organization,
    issueYear: String(opts.issued.getUTCFullYear()),
    issueMonth: String(opts.issued.getUTCMonth() + 1),
    certUrl: opts.url,
    certId: opts.id,
  });
  if (opts.expires) {
    p.set('expirationYear', String(opts.expires.getUTCFullYear()));
    p.set('expirationMonth', String(opts.expires.getUTCMonth() + 1));
  }
  return `https://www.linkedin.com/profile/add?${p.toString()}`;
}
