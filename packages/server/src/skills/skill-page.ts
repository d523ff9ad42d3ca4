import { OpenAPIHono } from '@hono/zod-openapi';
import { SkillWithFramework } from '@tessera/shared';
import type { AppEnv } from '../http/types.js';
import { html, page, safeHref } from '../public/index.js';
import { prefersJson } from '../public/index.js';
import { AppError } from '../shared/errors.js';
import { findSkillsByIds } from './find-skills.js';
import { presentSkillWithFramework } from './present.js';
import type { SkillWithFramework as SkillRowWithFramework } from './store.js';

/** The public page of one skill: what credentials link to (`targetUrl`) when the skill has no http(s) URI of its own. */
export function renderSkillPage(s: SkillRowWithFramework): string {
  const source = safeHref(s.framework.sourceUri);
  const kind = { case: 'CASE 1.0 item', rsd: 'Rich Skill Descriptor', csv: 'Skill' }[s.framework.sourceKind];
  return page({
    title: `${s.name} · ${s.framework.title}`,
    body: html`<section class="card" aria-labelledby="skill-name">
  <p class="meta">${kind} in <strong>${s.framework.title}</strong>${s.framework.version ? ` (version ${s.framework.version})` : ''}${source ? html` · <a href="${source}" rel="noopener noreferrer">Framework source</a>` : null}</p>
  <h1 id="skill-name">${s.code ? html`<span class="meta">${s.code}</span> ` : null}${s.name}</h1>
  ${s.description ? html`<p class="pre">${s.description}</p>` : null}
  ${s.retiredAt ? html`<p class="meta">This skill is no longer in the current version of its framework.</p>` : null}
  <p class="meta">Identifier: <code>${s.identifier}</code>${s.uri ? html` · URI: <code>${s.uri}</code>` : null}</p>
</section>`,
  });
}

/** Public routes: `/skills/{id}` as an HTML page, or JSON when the client asks for it. */
export function skillPageRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.get('/skills/:id', async (c) => {
    const [s] = await findSkillsByIds(c.var.deps.db, [c.req.param('id')]);
    if (!s) throw new AppError('not_found', 'No such skill');
    c.header('vary', 'accept');
    if (prefersJson(c.req.header('accept')))
      return c.json(SkillWithFramework.parse(presentSkillWithFramework(c.var.deps.env.TESSERA_BASE_URL, s)), 200, {
        'access-control-allow-origin': '*',
      });
    return c.html(renderSkillPage(s), 200);
  });
  return app;
}
