import type { Content } from '../achievements/content.js';
import type { IssuerView, TransparencyView } from './get-issuer-page.js';
import { esc, page } from './html.js';
import { issuerVerificationLine, issuerVerificationOf } from '../orgs/verification/issuer-verification.js';

const pct = (v: number | null) => (v === null ? 'not enough double-scored submissions yet' : `${Math.round(v * 100)} %`);

function rubric(content: Content): string {
  return content.rubric.criteria
    .map(
      (c) => `<h3>${esc(c.name)}</h3>${c.description ? `<p class="pre">${esc(c.description)}</p>` : ''}
<table><caption>Levels of ${esc(c.name)}, lowest first</caption><thead><tr><th scope="col">Level</th><th scope="col">Description</th><th scope="col">Points</th></tr></thead><tbody>${c.levels
        .map((l) => `<tr><th scope="row">${esc(l.name)}${l.id === c.requiredLevelId ? ' (required to pass)' : ''}</th><td>${esc(l.description)}</td><td>${l.points}</td></tr>`)
        .join('')}</tbody></table>`,
    )
    .join('');
}

/** The transparency section of one micro-credential: how it is assessed and how well. */
export function transparencySection(view: IssuerView, a: TransparencyView, headingLevel: 1 | 2): string {
  const c = a.content;
  const h = `h${headingLevel}`;
  const sub = `h${headingLevel + 1}`;
  const org = view.org;
  return `<section class="card" aria-labelledby="a-${esc(a.id)}">
<div class="hero"><img src="${esc(a.imageUrl)}" alt="Badge image for ${esc(c.name)}"><div class="text">
<${h} id="a-${esc(a.id)}">${esc(c.name)}</${h}>
<p class="meta">${esc(c.achievementType)} · version ${a.version}${a.status === 'retired' ? ' · retired: no new learners' : ''} · ${a.issued} issued</p>
${c.description ? `<p class="pre">${esc(c.description)}</p>` : ''}
${headingLevel === 2 ? `<p><a href="/orgs/${esc(org.slug)}/achievements/${esc(a.id)}">Full transparency page for ${esc(c.name)}</a></p>` : ''}
</div></div>
${headingLevel === 1 ? `
<${sub}>Learning goal</${sub}><p class="pre">${esc(c.learningGoal)}</p>
${c.competency ? `<${sub}>Competency</${sub}><p class="pre">${esc(c.competency)}</p>` : ''}
<${sub}>Criteria</${sub}><p class="pre">${esc(c.criteriaNarrative)}</p>
<${sub}>Rubric</${sub}>${rubric(c)}<p>To pass, every criterion must reach its required level.</p>
<${sub}>Evidence required</${sub}><ol>${c.evidenceRequirements.map((r) => `<li class="pre">${esc(r.prompt)} (${r.required ? 'required' : 'optional'}; ${esc(r.kinds.join(', '))})</li>`).join('')}</ol>
` : ''}
<${sub}>Assessment method and quality assurance</${sub}>
<ul>
<li>Assessed by trained assessors of ${esc(org.name)} against the published rubric, ${org.blindReviews ? 'blind (assessors do not see who the learner is)' : 'with the learner’s identity visible to assessors'}, with written feedback on every criterion.</li>
<li>Reviews are due within ${org.reviewSlaDays} days; learners may submit up to ${c.maxAttempts} attempts and revise only the criteria not yet met.</li>
<li>Policy: ${org.doubleScorePercent} % of submissions are scored independently by a second assessor; disagreements are settled by an owner.</li>
<li>So far: ${a.assessed} submission${a.assessed === 1 ? '' : 's'} assessed, ${a.doubleScored} double-scored${a.assessed ? ` (${Math.round((a.doubleScored / a.assessed) * 100)} %)` : ''}; agreement between assessors on the decision: ${pct(a.decisionAgreement)}${a.kappa === null ? '' : ` (Cohen’s kappa ${a.kappa.toFixed(2)})`}.</li>
<li>${a.issued} credential${a.issued === 1 ? '' : 's'} issued, each a signed Open Badges 3.0 credential anyone can verify.</li>
</ul>
</section>`;
}

/** An organisation's public page. */
export function renderIssuerPage(view: IssuerView): string {
  const org = view.org;
  const body = `
<section class="card" aria-labelledby="org-name">
<h1 id="org-name">${esc(org.name)}</h1>
${org.description ? `<p class="pre">${esc(org.description)}</p>` : ''}
${org.url ? `<p><a href="${esc(org.url)}" rel="noopener noreferrer">${esc(org.url)}</a></p>` : ''}
<p class="meta">Issuer identifier: <code>${esc(view.did)}</code></p>
<p class="meta issuer-verification">${esc(issuerVerificationLine(issuerVerificationOf(org)))}</p>
</section>
<h2>Micro-credentials</h2>
${view.achievements.length ? view.achievements.map((a) => transparencySection(view, a, 2)).join('\n') : '<p>No published micro-credentials yet.</p>'}`;
  return page({ title: `${org.name} · micro-credentials`, head: `<meta name="description" content="${esc(`Micro-credentials issued by ${org.name}`)}">`, body });
}

/** One micro-credential's transparency page. */
export function renderTransparencyPage(view: IssuerView, a: TransparencyView): string {
  return page({
    title: `${a.content.name} · ${view.org.name}`,
    head: `<meta name="description" content="${esc(`${a.content.name}: how ${view.org.name} assesses it`)}">`,
    body: `<p><a href="/orgs/${esc(view.org.slug)}">All micro-credentials of ${esc(view.org.name)}</a> · <a href="/app/catalog/${esc(a.id)}">Start it in the catalog</a></p>\n${transparencySection(view, a, 1)}`,
  });
}
