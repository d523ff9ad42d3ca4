import { raw } from 'hono/html';
import { html, page } from '../public/index.js';
import type { LandingView } from './get-landing.js';

/** The landing headline (tests look for it). */
export const LANDING_HEADLINE = 'Micro-credentials that prove a skill, and that anyone can check';

/** The page's description for search engines and link previews. */
const DESCRIPTION = 'Micro-credentials with rubric-based assessment and signed Open Badges 3.0 credentials that anyone can verify.';

/** Styles for the landing page only (the shared public-page styles come from the layout). */
const LANDING_STYLES = `<style>
.hero-land{background:#fff;border:1px solid #dee2e6;border-radius:12px;padding:32px 28px;margin-bottom:28px}
.hero-land h1{font-size:2.2rem;line-height:1.2;max-width:22ch}
.hero-land .lead{font-size:1.1rem;line-height:1.55;max-width:62ch;color:#343a40}
.cta{display:flex;flex-wrap:wrap;gap:12px;margin:20px 0 12px}
.btn{display:inline-block;padding:12px 18px;border-radius:8px;font-weight:600;text-decoration:none;border:2px solid #2f3e9e;color:#2f3e9e;background:#fff}
.btn.primary{background:#2f3e9e;color:#fff}
.account{margin:8px 0 0;color:#343a40}
.grid{list-style:none;padding:0;margin:0 0 12px;display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:16px}
.tile{background:#fff;border:1px solid #dee2e6;border-radius:10px;padding:16px;display:flex;gap:14px;align-items:flex-start}
.tile img{width:64px;height:64px;object-fit:contain;flex:none}
.tile h3{font-size:1.05rem;margin:0 0 4px;overflow-wrap:anywhere}
.tile p{margin:4px 0;overflow-wrap:anywhere}
.steps-land{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:16px}
.steps-land li{background:#fff;border:1px solid #dee2e6;border-radius:10px;padding:16px}
.steps-land h3{font-size:1.05rem;margin:0 0 6px}
section{margin-bottom:32px}
@media (max-width:480px){.hero-land{padding:20px 16px}.hero-land h1{font-size:1.6rem}.btn{flex:1 1 100%;text-align:center}}
</style>`;

/** The public landing page for anonymous visitors; every value is escaped by `hono/html`. */
export function renderLandingPage(view: LandingView): string {
  const featured = view.featured.length
    ? html`<ul class="grid">
          ${view.featured.map(
            (f) =>
              html`<li class="tile">
                <img src="${f.imageUrl}" alt="" width="64" height="64" loading="lazy" decoding="async" />
                <div>
                  <h3><a href="/app/catalog/${encodeURIComponent(f.achievementId)}">${f.name}</a></h3>
                  <p class="meta">Issued by <a href="/orgs/${encodeURIComponent(f.issuerSlug)}">${f.issuerName}</a></p>
                  ${f.summary ? html`<p>${f.summary}</p>` : ''}
                </div>
              </li>`,
          )}
        </ul>
        <p><a href="/app/catalog">See all ${view.publishedCount} published micro-credential${view.publishedCount === 1 ? '' : 's'}</a></p>`
    : html`<p>
        No micro-credentials are published yet. <a href="/app/signup">Create an account</a> to set up your organisation and publish the
        first one.
      </p>`;

  const pathways = view.pathways.length
    ? html`<section aria-labelledby="pathways-title">
        <h2 id="pathways-title">Pathways</h2>
        <p>Stack micro-credentials into a larger credential, step by step.</p>
        <ul class="grid">
          ${view.pathways.map(
            (p) =>
              html`<li class="tile">
                <div>
                  <h3><a href="/app/catalog/pathways/${encodeURIComponent(p.pathwayId)}">${p.name}</a></h3>
                  <p class="meta">
                    ${p.stepCount} step${p.stepCount === 1 ? '' : 's'} toward “${p.completionName}” · ${p.issuerName}
                  </p>
                  ${p.summary ? html`<p>${p.summary}</p>` : ''}
                </div>
              </li>`,
          )}
        </ul>
      </section>`
    : '';

  const body = html`<section class="hero-land" aria-labelledby="landing-title">
      <h1 id="landing-title">${LANDING_HEADLINE}</h1>
      <p class="lead">
        Tessera is an open-source home for micro-credentials. Learners show evidence of one skill; trained assessors judge it against a
        published rubric; those who pass receive a signed Open Badges 3.0 credential that any employer, school or tool can verify, with or
        without an account.
      </p>
      <div class="cta">
        <a class="btn primary" href="/app/verify">Verify a credential</a>
        <a class="btn" href="/app/catalog">Browse micro-credentials</a>
      </div>
      <p class="account"><a href="/app/signin">Sign in</a> or <a href="/app/signup">create a free account</a> to earn, assess or issue.</p>
    </section>
    <section aria-labelledby="featured-title">
      <h2 id="featured-title">Featured micro-credentials</h2>
      ${featured}
    </section>
    ${pathways}
    <section aria-labelledby="how-title">
      <h2 id="how-title">How it works</h2>
      <ol class="steps-land">
        <li>
          <h3>Show what you can do</h3>
          <p>Pick a micro-credential and submit evidence from your own work: text, links or files.</p>
        </li>
        <li>
          <h3>Assessed against a rubric</h3>
          <p>An assessor scores each criterion of the published rubric and gives feedback; you can revise and resubmit.</p>
        </li>
        <li>
          <h3>Earn a credential you own</h3>
          <p>Pass and receive a signed Open Badges 3.0 credential to share by link, on LinkedIn, as a PDF or as a file.</p>
        </li>
        <li>
          <h3>Anyone can verify it</h3>
          <p>Employers check the signature, the issuer and the revocation status in seconds, here or with any Open Badges verifier.</p>
        </li>
      </ol>
    </section>`;
  return page({
    title: 'Tessera: verifiable micro-credentials',
    head: html`<meta name="description" content="${DESCRIPTION}" />${raw(LANDING_STYLES)}`,
    body,
  });
}
