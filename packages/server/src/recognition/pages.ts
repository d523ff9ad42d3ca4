import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../http/types.js';
import { html, page } from '../public/index.js';
import { AppError } from '../shared/errors.js';
import { extensionNamespace } from './sign-endorsement.js';
import { getAchievementStanding } from './standing.js';
import { renderStanding } from './standing-html.js';
import { getPublicEndorsementDocument } from './get-public-documents.js';
import { findAchievementRef } from './store.js';

const TERMS: Array<[string, string]> = [
  ['recognitionKind', 'How the recognising organisation counts the achievement: hours, credit, or satisfies (a requirement).'],
  ['amount', 'How many hours or credits (absent for “satisfies”).'],
  ['unit', 'The unit of the amount, e.g. hours, credit, CEU.'],
  ['target', 'What it counts toward: a licence renewal, a programme, a requirement.'],
  ['achievementIssuer', 'The name of the organisation that issues the recognised achievement.'],
];

/**
 * Public pages of the recognition slice: an achievement's public page (the id endorsements name), the signed
 * EndorsementCredentials of rules and endorsements at their ids, and the `ext:` vocabulary.
 */
export function recognitionPageRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const serve = (kind: 'rule' | 'endorsement') => async (c: Context<AppEnv>) => {
    const found = await getPublicEndorsementDocument(c.var.deps, { kind, id: c.req.param('id') ?? '' });
    if ('gone' in found)
      return c.body(JSON.stringify({ type: 'about:blank', title: 'Gone', status: 410, detail: found.gone }), 410, {
        'content-type': 'application/problem+json',
        'access-control-allow-origin': '*',
      });
    return c.body(JSON.stringify(found.document, null, 2), 200, {
      'content-type': 'application/vc+ld+json',
      'access-control-allow-origin': '*',
    });
  };
  app.get('/recognition/rules/:id', serve('rule'));
  app.get('/endorsements/:id', serve('endorsement'));
  app.get('/ns/recognition', (c) =>
    c.html(
      page({
        title: 'Tessera recognition terms',
        body: html`<h1>Tessera recognition terms</h1><p>Namespace <code>${extensionNamespace(c.var.deps.env.TESSERA_BASE_URL)}</code>, used with the <code>ext:</code> prefix in recognition EndorsementCredentials.</p><dl>${TERMS.map(([t, d]) => html`<dt id="${t}"><code>ext:${t}</code></dt><dd>${d}</dd>`)}</dl>`,
      }),
    ),
  );
  app.get('/achievements/:id', async (c) => {
    const deps = c.var.deps;
    const a = await findAchievementRef(deps.db, c.req.param('id'));
    if (!a || a.status === 'draft') throw new AppError('not_found', 'No such published achievement');
    const standing = await getAchievementStanding(deps, { achievementId: a.id });
    const body = html`<h1>${a.name}</h1>
<p>Issued by <a href="/orgs/${a.orgSlug}">${a.orgName}</a>${a.status === 'retired' ? ' (retired)' : ''} · <a href="/orgs/${a.orgSlug}/achievements/${a.id}">How it is assessed</a> · <a href="/app/catalog/${a.id}">Start it in the catalog</a></p>
${renderStanding(standing) ?? html`<p>No organisation recognises or endorses this micro-credential yet.</p>`}`;
    return c.html(page({ title: `${a.name} · ${a.orgName}`, body }), 200, { 'cache-control': 'no-store' });
  });
  return app;
}
