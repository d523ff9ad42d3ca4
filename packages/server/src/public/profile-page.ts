import type { getProfile } from './get-profile.js';
import type { Html } from './html.js';
import { html, page, safeHref, timeElement } from './html.js';

type Profile = Awaited<ReturnType<typeof getProfile>>;

function link(name: string, url: string | null): Html {
  const href = safeHref(url);
  return href ? html`<a href="${href}">${name}</a>` : html`${name}`;
}

/** A learner's public profile page. */
export function renderProfilePage(p: Profile): string {
  const earned = p.earned.length
    ? html`<ul>${p.earned.map((c) => html`<li>${link(c.name, c.url)} — ${c.issuer}, issued ${timeElement(c.issuedAt)}${c.status !== 'active' ? ` (${c.status})` : ''}</li>`)}</ul>`
    : html`<p>No public credentials yet.</p>`;
  const collections = p.collections.map(
    (g) =>
      html`<section class="card" aria-label="${g.name}"><h2>${g.name}</h2><ul>${g.items.map(
        (i) =>
          html`<li>${link(i.name, i.url)}${i.issuer ? ` — ${i.issuer}` : ''}${i.verdict ? ` (imported; when last checked: ${i.verdict})` : ''}</li>`,
      )}</ul></section>`,
  );
  return page({
    title: `${p.name} · credentials`,
    head: html`<meta name="description" content="${`Verified credentials of ${p.name}`}">`,
    body: html`<section class="card"><h1>${p.name}</h1><h2>Credentials earned on Tessera</h2>${earned}</section>${collections}`,
  });
}
