import { MIN_AGREEMENT_PAIRS } from '@tessera/shared';
import type { Content } from '../achievements/index.js';
import type { IssuerView, TransparencyView } from './get-issuer-page.js';
import type { Html } from './html.js';
import { html, page, safeHref } from './html.js';
import { issuerVerificationLine, issuerVerificationOf } from '../orgs/index.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The pass rate cell: the share of finished submissions that passed. */
function passRate(a: TransparencyView): string {
  return a.finished === 0 ? 'no finished submissions yet' : `${percent(a.passed / a.finished)} (${a.passed} of ${a.finished})`;
}

/** The agreement cell: published only from MIN_AGREEMENT_PAIRS double-scored pairs on. */
export function agreementText(a: Pick<TransparencyView, 'pairs' | 'decisionAgreement' | 'kappa'>): string {
  if (a.pairs < MIN_AGREEMENT_PAIRS || a.decisionAgreement === null)
    return `not enough double-scored submissions yet (${a.pairs} of the ${MIN_AGREEMENT_PAIRS} pairs needed)`;
  return `${percent(a.decisionAgreement)} on the decision${a.kappa === null ? '' : ` (Cohen’s kappa ${a.kappa.toFixed(2)})`}`;
}

/** One compact table of quality-assurance statistics: a row per micro-credential. */
export function qualityTable(items: TransparencyView[]): Html {
  const rows = items.map(
    (a) =>
      html`<tr><th scope="row">${a.content.name}</th><td class="num">${a.assessed}</td><td>${passRate(a)}</td><td class="num">${a.pairs}</td><td>${agreementText(a)}</td></tr>`,
  );
  return html`<div class="table-scroll"><table class="qa">
<caption>Quality assurance so far</caption>
<thead><tr><th scope="col">Micro-credential</th><th scope="col">Submissions assessed</th><th scope="col">Pass rate</th><th scope="col">Double-scored pairs</th><th scope="col">Agreement between assessors</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
<p class="meta">Pass rate counts submissions with a final outcome. Agreement is published from ${MIN_AGREEMENT_PAIRS} double-scored pairs on: fewer say too little.</p>`;
}

/** How the organisation assesses, said once. */
function policy(view: IssuerView, maxAttempts?: number): Html {
  const org = view.org;
  return html`<ul>
<li>Assessed by trained assessors of ${org.name} against the published rubric, ${org.blindReviews ? 'blind (assessors do not see who the learner is)' : 'with the learner’s identity visible to assessors'}, with written feedback on every criterion.</li>
<li>Reviews are due within ${org.reviewSlaDays} days${maxAttempts === undefined ? '' : `; learners may submit up to ${maxAttempts} attempts`} and revise only the criteria not yet met.</li>
<li>Policy: ${org.doubleScorePercent} % of submissions are scored independently by a second assessor; disagreements are settled by an owner.</li>
<li>Every credential issued is a signed Open Badges 3.0 credential anyone can verify.</li>
</ul>`;
}

function rubric(content: Content): Html[] {
  return content.rubric.criteria.map(
    (c) => html`<h3>${c.name}</h3>${c.description ? html`<p class="pre">${c.description}</p>` : null}
<table><caption>Levels of ${c.name}, lowest first</caption><thead><tr><th scope="col">Level</th><th scope="col">Description</th><th scope="col">Points</th></tr></thead><tbody>${c.levels.map(
      (l) =>
        html`<tr><th scope="row">${l.name}${l.id === c.requiredLevelId ? ' (required to pass)' : ''}</th><td>${l.description}</td><td>${l.points}</td></tr>`,
    )}</tbody></table>`,
  );
}

/** The header of one micro-credential: image, name, type, version, issued count, description. */
function summary(view: IssuerView, a: TransparencyView, headingLevel: 1 | 2): Html {
  const c = a.content;
  const id = `a-${a.id}`;
  const heading = headingLevel === 1 ? html`<h1 id="${id}">${c.name}</h1>` : html`<h2 id="${id}">${c.name}</h2>`;
  return html`<div class="hero"><img src="${a.imageUrl}" alt="Badge image for ${c.name}"><div class="text">
${heading}
<p class="meta">${c.achievementType} · version ${a.version}${a.status === 'retired' ? ' · retired: no new learners' : ''} · ${plural(a.issued, 'credential')} issued</p>
${c.description ? html`<p class="pre">${c.description}</p>` : null}
${headingLevel === 2 ? html`<p><a href="/orgs/${view.org.slug}/achievements/${a.id}">How ${c.name} is assessed: criteria, rubric and quality assurance</a></p>` : null}
</div></div>`;
}

/** An organisation's public page: its profile, its micro-credentials, and one table of their quality assurance. */
export function renderIssuerPage(view: IssuerView, standing: Html | null = null): string {
  const org = view.org;
  const website = safeHref(org.url);
  const quality = view.achievements.length
    ? html`<section class="card" aria-labelledby="quality" id="transparency">
<h2 id="quality">Assessment method and quality assurance</h2>
${policy(view)}
${qualityTable(view.achievements)}
</section>`
    : null;
  const body = html`
<section class="card" aria-labelledby="org-name">
<h1 id="org-name">${org.name}</h1>
${org.description ? html`<p class="pre">${org.description}</p>` : null}
${website ? html`<p><a href="${website}" rel="noopener noreferrer">${website}</a></p>` : null}
<p class="meta">Issuer identifier: <code>${view.did}</code></p>
<p class="meta issuer-verification">${issuerVerificationLine(issuerVerificationOf(org))}</p>
</section>
${standing}
<h2>Micro-credentials</h2>
${view.achievements.length ? view.achievements.map((a) => html`<section class="card" aria-labelledby="a-${a.id}">${summary(view, a, 2)}</section>`) : html`<p>No published micro-credentials yet.</p>`}
${quality}`;
  return page({
    title: `${org.name} · micro-credentials`,
    head: html`<meta name="description" content="${`Micro-credentials issued by ${org.name}`}">`,
    body,
  });
}

/** One micro-credential's transparency page: how it is assessed, and how well. */
export function renderTransparencyPage(view: IssuerView, a: TransparencyView, standing: Html | null = null): string {
  const c = a.content;
  const body = html`<p><a href="/orgs/${view.org.slug}">All micro-credentials of ${view.org.name}</a> · <a href="/app/catalog/${a.id}">Start it in the catalog</a></p>
<section class="card" aria-labelledby="a-${a.id}">
${summary(view, a, 1)}
<h2>Learning goal</h2><p class="pre">${c.learningGoal}</p>
${c.competency ? html`<h2>Competency</h2><p class="pre">${c.competency}</p>` : null}
<h2>Criteria</h2><p class="pre">${c.criteriaNarrative}</p>
<h2>Rubric</h2>${rubric(c)}<p>To pass, every criterion must reach its required level.</p>
<h2>Evidence required</h2><ol>${c.evidenceRequirements.map((r) => html`<li class="pre">${r.prompt} (${r.required ? 'required' : 'optional'}; ${r.kinds.join(', ')})</li>`)}</ol>
<h2 id="transparency">Assessment method and quality assurance</h2>
${policy(view, c.maxAttempts)}
${qualityTable([a])}
</section>
${standing}`;
  return page({
    title: `${c.name} · ${view.org.name}`,
    head: html`<meta name="description" content="${`${c.name}: how ${view.org.name} assesses it`}">`,
    body,
  });
}
