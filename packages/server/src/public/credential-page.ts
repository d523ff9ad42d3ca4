import { shownEndorsements, stepName, verificationProblem } from '@tessera/shared';
import type { VerificationReport } from '@tessera/shared';
import type { Html } from './html.js';
import { html, page, safeHref, timeElement, withHumanDates } from './html.js';
import type { IssuerVerification } from '../orgs/index.js';
import { issuerVerificationLine } from '../orgs/index.js';

type Json = Record<string, unknown>;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const rec = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** File names of the downloads, each carrying the achievement's name. */
export interface DownloadNames {
  json: string;
  jwt: string;
  svg: string;
  png: string;
  pdf: string;
  qrPng: string;
  qrSvg: string;
}

/** Everything the public credential page shows. */
export interface CredentialPageView {
  credential: Json;
  report: VerificationReport;
  pageUrl: string;
  jsonUrl: string;
  jwtUrl: string;
  bakedSvgUrl: string;
  bakedPngUrl: string;
  imageUrl: string;
  linkedInUrl: string;
  recipientName: string | null;
  /** The evidence entries the learner made public. */
  evidence: Json[];
  /** Listed publicly (search engines may index it); unlisted and private pages are noindex. */
  indexable: boolean;
  status: 'active' | 'revoked' | 'suspended' | 'expired';
  statusReason: string | null;
  /** When it was revoked or suspended (ISO), for "Revoked on …". */
  statusDate: string | null;
  /** Whether the issuing organisation has proven its web domain (shown under "Issued by"). */
  issuerVerification?: IssuerVerification | null;
  /** Tessera's page of the issuing organisation, and the transparency page of this micro-credential (when issued here). */
  issuerPageUrl: string | null;
  transparencyUrl: string | null;
  /** The page of the credential that re-issued this one (with the learner's later sharing choices), if any. */
  replacedByUrl: string | null;
  /** Where the micro-credential counts, who endorses it and who co-designed it (recognition slice), if anything. */
  standing?: Html | null;
  downloads: DownloadNames;
}

const STATUS_WORDS: Record<string, string> = { passed: 'Passed', failed: 'Failed', warning: 'Note', unknown: 'Not checked' };

/** A sentence ending in exactly one full stop (a reason may bring its own). */
const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** "Revoked on 12 March 2026 by its issuer: reason." */
function statusLine(word: 'Revoked' | 'Suspended', v: CredentialPageView): Html {
  const when = v.statusDate ? html` on ${timeElement(v.statusDate)}` : null;
  const why = v.statusReason ? html`: ${sentence(v.statusReason)}` : '.';
  return html`<p><strong>${word}${when}</strong> by its issuer${why}</p>`;
}

function banner(v: CredentialPageView): Html {
  if (v.replacedByUrl) {
    return html`<div class="banner bad" role="alert">${statusLine('Revoked', v)}<p>This credential was re-issued; it is no longer valid. <a href="${v.replacedByUrl}">See the credential that replaced it</a>.</p></div>`;
  }
  if (v.status === 'revoked')
    return html`<div class="banner bad" role="alert">${statusLine('Revoked', v)}<p>This credential is no longer valid.</p></div>`;
  if (v.status === 'suspended')
    return html`<div class="banner bad" role="alert">${statusLine('Suspended', v)}<p>It does not verify while suspended.</p></div>`;
  if (v.status === 'expired')
    return html`<div class="banner warn" role="alert"><p>This credential expired on ${timeElement(v.credential['validUntil'])}.</p></div>`;
  if (v.report.verdict === 'valid')
    return html`<div class="banner ok" role="status">Verified: the signature, the issuer’s key, the dates and the revocation status all check out.</div>`;
  // Name the check that decided the verdict, in plain words, so nobody has to read the list to learn why.
  const problem = verificationProblem(v.report.steps);
  const reason = problem ? html` — ${stepName(problem.id)}: ${withHumanDates(problem.message)}` : null;
  const more = html`<a href="#verification">See every check</a>`;
  if (v.report.verdict === 'invalid')
    return html`<div class="banner bad" role="alert"><p>This credential does NOT verify${reason}</p>${more}</div>`;
  return html`<div class="banner warn" role="status"><p>This credential could not be fully verified${reason ?? '. Some checks could not be completed'}</p>${more}</div>`;
}

/** The rubric results: each criterion's achieved level with that level's description, and the level required. */
function rubricRows(subject: Json, achievement: Json): Html[] {
  const descriptions = list(achievement['resultDescription']).map(rec);
  return list(subject['result'])
    .map(rec)
    .map((r) => {
      const d = descriptions.find((x) => x['id'] === r['resultDescription']);
      const levels = list(d?.['rubricCriterionLevel']).map(rec);
      const level = levels.find((l) => l['id'] === r['achievedLevel']);
      const required = levels.find((l) => l['id'] === d?.['requiredLevel']);
      const described = str(level?.['description']);
      return html`<tr><th scope="row">${str(d?.['name']) || 'Criterion'}</th><td><strong>${str(level?.['name']) || str(r['achievedLevel'])}</strong>${described ? html`<span class="level-description">${described}</span>` : null}</td><td>${str(required?.['name'])}</td></tr>`;
    });
}

/**
 * The skills and standards the signed achievement is aligned to (its `alignment`, then each criterion's), each
 * linked to its framework entry when the URL is http(s), with the framework and code.
 */
function skillItems(achievement: Json): Html[] {
  const item = (al: Json, criterion: string | null) => {
    const href = safeHref(al['targetUrl']);
    const name = str(al['targetName']) || str(al['targetUrl']);
    const meta = [str(al['targetFramework']), str(al['targetCode'])].filter(Boolean).join(' · ');
    return html`<li class="skill">${href ? html`<a href="${href}" rel="noopener noreferrer">${name}</a>` : name}${meta ? html` <span class="meta">(${meta})</span>` : null}${criterion ? html` <span class="meta">— criterion: ${criterion}</span>` : null}</li>`;
  };
  const whole = list(achievement['alignment'])
    .map(rec)
    .map((al) => item(al, null));
  const perCriterion = list(achievement['resultDescription'])
    .map(rec)
    .flatMap((d) =>
      list(d['alignment'])
        .map(rec)
        .map((al) => item(al, str(d['name']) || null)),
    );
  return [...whole, ...perCriterion];
}

function issuerLinks(v: CredentialPageView, issuerName: string, website: string | null): Html {
  const tessera = v.issuerPageUrl ? html` · <a href="${v.issuerPageUrl}">${issuerName} on Tessera</a>` : null;
  const transparency = v.transparencyUrl
    ? html` · <a href="${v.transparencyUrl}">How this is assessed (transparency and quality assurance)</a>`
    : null;
  const site = website ? html` · <a href="${website}" rel="noopener noreferrer">Issuer’s website</a>` : null;
  return html`<p class="meta">Issued by <strong>${issuerName}</strong>${tessera}${transparency}${site}</p>`;
}

function verificationLine(v: IssuerVerification | null | undefined): Html | null {
  if (!v) return null;
  return html`<p class="meta issuer-verification${v.verified ? ' verified' : ''}">${v.verified ? '✓ ' : ''}${issuerVerificationLine(v)}</p>`;
}

/** The share and download actions; a revoked or suspended credential offers none that present it as valid. */
function shareSection(v: CredentialPageView): Html {
  const withdrawn = v.replacedByUrl !== null || v.status === 'revoked' || v.status === 'suspended';
  const n = v.downloads;
  const data = html`<a href="${v.jsonUrl}" download="${n.json}">Download JSON</a>
    <a href="${v.jwtUrl}" download="${n.jwt}">Download VC-JWT</a>`;
  if (withdrawn) {
    return html`<section class="card" aria-labelledby="share">
  <h2 id="share">Records</h2>
  <p>This credential is ${v.status === 'suspended' ? 'suspended' : 'revoked'}, so it cannot be shared or added to a profile. Its signed data stays available for records; any verifier will report its status.</p>
  <div class="actions">${data}<a href="/app/verify">Verify another credential</a></div>
</section>`;
  }
  return html`<section class="card" aria-labelledby="share">
  <h2 id="share">Share and download</h2>
  <div class="actions">
    <a href="${v.linkedInUrl}" rel="noopener noreferrer">Add to LinkedIn profile</a>
    ${data}
    <a href="${v.bakedPngUrl}" download="${n.png}">Download baked PNG badge</a>
    <a href="${v.bakedSvgUrl}" download="${n.svg}">Download baked SVG badge</a>
    <a href="${v.pageUrl}/certificate.pdf" download="${n.pdf}">Download PDF certificate</a>
    <a href="${v.pageUrl}/qr.png" download="${n.qrPng}">Download QR code (PNG)</a>
    <a href="${v.pageUrl}/qr.svg" download="${n.qrSvg}">Download QR code (SVG)</a>
    <a href="/app/verify">Verify another credential</a>
  </div>
  <p>Link to this page: <a href="${v.pageUrl}" class="share-link">${v.pageUrl}</a></p>
  <img src="${v.pageUrl}/qr.svg" alt="QR code linking to this page" width="140" height="140">
</section>`;
}

/** The server-rendered public page of a credential: no JavaScript needed. */
export function renderCredentialPage(v: CredentialPageView): string {
  const c = v.credential;
  const issuer = rec(c['issuer']);
  const subject = rec(list(c['credentialSubject'])[0]);
  const achievement = rec(subject['achievement']);
  const name = str(achievement['name']) || str(c['name']) || 'Credential';
  const issuerName = str(issuer['name']) || str(c['issuer']);
  const website = safeHref(issuer['url']);
  const rows = rubricRows(subject, achievement);
  const evidence = v.evidence.map((e) => {
    const link = safeHref(e['id']);
    const title = html`<strong>${str(e['name']) || 'Evidence'}</strong>`;
    return html`<li>${link ? html`<a href="${link}" rel="noopener noreferrer">${title}</a>` : title}${e['description'] ? html` — ${str(e['description'])}` : null}${e['narrative'] ? html`<p class="pre">${str(e['narrative'])}</p>` : null}</li>`;
  });
  // Only endorsements the verifier checked on their own, from its copies: never straight from the credential.
  const endorsements = shownEndorsements(v.report).map(({ credential: e, expired }) => {
    const by = str(rec(e['issuer'])['name']) || str(e['name']) || 'Endorsement';
    const comment = str(rec(list(e['credentialSubject'])[0])['endorsementComment']);
    return html`<li>${expired ? html`<span class="badge warning">Expired</span>` : html`<span class="badge passed">Verified</span>`}<span><strong>${by}</strong>${comment ? `: ${comment}` : ''}${expired ? ' (this endorsement has expired)' : ''}</span></li>`;
  });
  const hidden = (v.report.endorsements ?? []).filter((e) => e.outcome === 'rejected').length;
  const steps = v.report.steps.map(
    (s) =>
      html`<li><span class="badge ${s.status}">${STATUS_WORDS[s.status] ?? s.status}</span><span><strong>${stepName(s.id)}</strong>: ${withHumanDates(s.message)}</span></li>`,
  );
  const description = `${name}, issued by ${issuerName}${v.recipientName ? ` to ${v.recipientName}` : ''}. A verifiable Open Badges 3.0 credential.`;
  const head = html`${v.indexable ? null : html`<meta name="robots" content="noindex">\n`}<meta name="description" content="${description}">
<link rel="canonical" href="${v.pageUrl}">
<link rel="alternate" type="application/vc+ld+json" href="${v.jsonUrl}">
<meta property="og:type" content="website">
<meta property="og:title" content="${name}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${v.pageUrl}">
<meta property="og:image" content="${v.imageUrl}">
<meta property="og:site_name" content="Tessera">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${name}">
<meta name="twitter:description" content="${description}">
<meta name="twitter:image" content="${v.imageUrl}">`;
  const narrative = str(rec(achievement['criteria'])['narrative']);
  const skills = skillItems(achievement);
  const body = html`
${banner(v)}
<section class="card hero" aria-labelledby="credential-name">
  <img src="${v.imageUrl}" alt="Badge image for ${name}">
  <div class="text">
    <h1 id="credential-name">${name}</h1>
    ${issuerLinks(v, issuerName, website)}
    ${verificationLine(v.issuerVerification)}
    ${v.recipientName ? html`<p class="meta">Awarded to <strong>${v.recipientName}</strong></p>` : html`<p class="meta">The recipient chose not to show their name.</p>`}
    <p class="meta">Issued ${timeElement(c['validFrom'] ?? c['issuanceDate'])}${c['validUntil'] ? html` · Expires ${timeElement(c['validUntil'])}` : ' · Does not expire'}</p>
    ${achievement['description'] ? html`<p class="pre">${str(achievement['description'])}</p>` : null}
  </div>
</section>
<section class="card" aria-labelledby="verification">
  <h2 id="verification">Verification</h2>
  <p>Checked just now against the issuer’s published key and status lists. Verdict: <strong>${v.report.verdict}</strong>.</p>
  <ul class="steps">${steps}</ul>
</section>
<section class="card" aria-labelledby="criteria">
  <h2 id="criteria">What it certifies</h2>
  ${narrative ? html`<p class="pre">${narrative}</p>` : null}
  ${rows.length ? html`<table><caption>Rubric results</caption><thead><tr><th scope="col">Criterion</th><th scope="col">Level achieved</th><th scope="col">Level required</th></tr></thead><tbody>${rows}</tbody></table>` : null}
  ${v.transparencyUrl ? html`<p><a href="${v.transparencyUrl}">The full rubric, and how the issuer assures the quality of its assessment</a></p>` : null}
</section>
${v.standing ?? null}
${skills.length ? html`<section class="card" aria-labelledby="skills"><h2 id="skills">Skills and standards</h2><ul class="skills">${skills}</ul></section>` : null}
${evidence.length ? html`<section class="card" aria-labelledby="evidence"><h2 id="evidence">Evidence</h2><ul>${evidence}</ul></section>` : null}
${
  endorsements.length || hidden
    ? html`<section class="card" aria-labelledby="endorsements"><h2 id="endorsements">Endorsements</h2>${endorsements.length ? html`<ul class="steps">${endorsements}</ul>` : null}${
        hidden
          ? html`<p>${hidden === 1 ? 'One endorsement' : `${hidden} endorsements`} could not be verified and ${hidden === 1 ? 'is' : 'are'} not shown.</p>`
          : null
      }</section>`
    : null
}
${shareSection(v)}`;
  return page({ title: `${name} · ${issuerName}`, head, body });
}

/** A LinkedIn "add to profile" link for a certification. */
export function linkedInAddUrl(opts: {
  name: string;
  organization: string;
  issued: Date;
  expires: Date | null;
  url: string;
  id: string;
}): string {
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
