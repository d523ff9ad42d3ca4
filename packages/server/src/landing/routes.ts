import { Hono } from 'hono';
import type { AppEnv } from '../http/types.js';
import { getLanding } from './get-landing.js';
import { renderLandingPage } from './landing-page.js';

/** How many micro-credentials the landing page features. */
const FEATURED = 6;

/** `GET /`: the public landing page for anonymous visitors; signed-in people go to the app's role-aware home. */
export function landingRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    // The answer depends on the session cookie: never let a cache hand one visitor's answer to another.
    c.header('vary', 'cookie');
    c.header('cache-control', 'private, no-cache');
    if (c.var.auth) return c.redirect('/app/', 302);
    return c.html(renderLandingPage(await getLanding(c.var.deps, { limit: FEATURED })));
  });
  return app;
}
