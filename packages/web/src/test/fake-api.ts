/** Component-test helpers: a fake JSON API behind a stubbed global `fetch`, and the session it signs people in with. */
import { OrgWithRole as OrgWithRoleSchema } from '@tessera/shared';
import { vi } from 'vitest';
import type { OrgWithRole } from '../lib/types';

/** A JSON response as the API sends it. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The problem document the API answers with for a path it does not know. */
export function notFound(): Response {
  return json({ type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' }, 404);
}

/** The problem document the API answers with when nobody is signed in. */
export function unauthenticated(): Response {
  return json({ type: 'about:blank', title: 'Unauthenticated', status: 401, code: 'unauthenticated' }, 401);
}

/** The signed-in test account: Alex Kim, verified, not a platform admin. */
export const TEST_ACCOUNT = {
  id: 'acc_1',
  email: 'alex@example.test',
  name: 'Alex Kim',
  did: null,
  showNameOnCredentials: true,
  isPlatformAdmin: false,
  emailVerified: true,
  createdAt: '2026-01-01T00:00:00.000Z',
};

/** A session of TEST_ACCOUNT, as /auth/session answers it, with the given memberships. */
export function testSession(memberships: Array<{ org: { id: string; slug: string; name: string }; role: string }> = []) {
  return { account: TEST_ACCOUNT, memberships, csrfToken: 'csrf', expiresAt: '2026-12-01T00:00:00.000Z' };
}

/** Answers one request of the fake API, or `undefined` for a path it does not serve. */
export type FakeRoutes = (path: string, init: RequestInit | undefined) => Response | undefined;

/**
 * Stub the global `fetch` with a fake API: `routes` answers by path, and any other path gets the API's 404 problem.
 * Returns the mock, to inspect its calls; undo with `vi.unstubAllGlobals()`.
 */
export function stubApi(routes: FakeRoutes) {
  const fetch = vi.fn(async (input: string, init?: RequestInit) => routes(input, init) ?? notFound());
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** The organisation "Acme College" (slug `acme`) as the org layout hands it to its pages, with the caller's role. */
export function testOrg(role: OrgWithRole['role'] = 'designer'): OrgWithRole {
  return OrgWithRoleSchema.parse({
    id: 'org_1',
    slug: 'acme',
    name: 'Acme College',
    url: null,
    email: null,
    description: null,
    image: null,
    address: null,
    brandColor: '#1f5fbf',
    reviewSlaDays: 14,
    doubleScorePercent: 0,
    blindReviews: false,
    suspensionEnabled: false,
    verifiedDomain: null,
    did: 'did:web:tessera.test:orgs:acme',
    createdAt: '2026-01-01T00:00:00Z',
    role,
  });
}
