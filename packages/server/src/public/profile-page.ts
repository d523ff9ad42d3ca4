import type { getProfile } from './get-profile.js';
import { esc, page } from './html.js';

type Profile = Awaited<ReturnType<typeof getProfile>>;

function link(name: string, url: string | null): string {
  return url && /^https?:\/\//.test(url) ? `<a href="${esc(url)}">${esc(name)}</a>` : esc(name);
}

/** A learner's public profile page. */
export function renderProfilePage(p: Profile): string {
  const earned = p.earned.length
    ? `<ul>${p.earned.map((c) => `<li>${link(c.name, c.url)} — ${esc(c.issuer)}${c.status !== 'active' ? ` (${esc(c.status)})` : ''}</li>`).join('')}</ul>`
    : '<p>No public credentials yet.</p>';
  const collections = p.collections
    .map((g) => `<section class="card" aria-label="${esc(g.name)}"><h2>${esc(g.name)}</h2><ul>${g.items.map((i) => `<li>${link(i.name, i.url)}${i.issuer ? ` — ${esc(i.issuer)}` : ''}${i.verdict ? ` (imported; when last checked: ${esc(i.verdict)})` : ''}</li>`).join('')}</ul></section>`)
    .join('');
  return page({
    title: `${p.name} · credentials`,
    head: `<meta name="description" content="${esc(`Verified credentials of ${p.name}`)}">`,
    body: `<section class="card"><h1>${esc(p.name)}</h1><h2>Credentials earned on Tessera</h2>${earned}</section>${collections}`,
  });
}
