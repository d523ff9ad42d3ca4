import type { AchievementStanding } from '@tessera/shared';
import { html, safeHref } from '../public/index.js';

type Html = ReturnType<typeof html>;

/** Public-page sections for an achievement's standing: where it counts, who endorses it, who co-designed it (all text escaped). */
export function renderStanding(s: AchievementStanding, headingLevel: 2 | 3 = 2): Html | null {
  if (!s.recognitions.length && !s.endorsements.length && !s.coDesigners.length) return null;
  const h = (id: string, text: string) => (headingLevel === 2 ? html`<h2 id="${id}">${text}</h2>` : html`<h3 id="${id}">${text}</h3>`);
  const link = (url: string | null, label: string) => {
    const href = safeHref(url);
    return href ? html` <a href="${href}">${label}</a>` : null;
  };
  return html`${
    s.recognitions.length
      ? html`<section class="card" aria-labelledby="where-this-counts">${h('where-this-counts', 'Where this counts')}<ul>${s.recognitions.map(
          (r) =>
            html`<li><strong>${r.statement}</strong>${r.validUntil ? html` (until ${r.validUntil.slice(0, 10)})` : null}. <span class="pre">${r.rationale}</span>${link(r.credentialUrl, 'Signed statement')}</li>`,
        )}</ul></section>`
      : null
  }${
    s.endorsements.length
      ? html`<section class="card" aria-labelledby="endorsed-by">${h('endorsed-by', 'Endorsed by')}<ul>${s.endorsements.map(
          (e) =>
            html`<li><strong>Endorsed by ${e.endorser.name}</strong>${e.comment ? html`: <span class="pre">${e.comment}</span>` : null}${link(e.credentialUrl, 'Signed endorsement')}</li>`,
        )}</ul></section>`
      : null
  }${s.coDesigners.length ? html`<p class="co-designed">Co-designed with ${s.coDesigners.join(', ')}</p>` : null}`;
}
