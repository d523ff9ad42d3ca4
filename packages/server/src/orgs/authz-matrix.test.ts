import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@tessera/shared';
import type { Role } from '@tessera/shared';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, inviteAndJoin } from '../testing/harness.js';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import { ORG_POLICIES } from './policies.js';
import type { OrgAction } from './policies.js';

/**
 * Every organisation route × every role × another organisation's resources.
 * Each route names the policy action it enforces; the expected status follows from ORG_POLICIES,
 * and a member of another organisation always gets 404.
 */
interface RouteCase {
  action: OrgAction;
  method: string;
  path: (slug: string, ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  okStatus: number;
}
interface Ids {
  targetMemberId: string;
  invitationId: string;
  draftAchievementId: string;
  submissionId: string;
}

const ROUTES: RouteCase[] = [
  { action: 'org.read', method: 'GET', path: (s) => `orgs/${s}`, okStatus: 200 },
  { action: 'org.update', method: 'PATCH', path: (s) => `orgs/${s}`, body: () => ({ description: 'changed' }), okStatus: 200 },
  { action: 'members.list', method: 'GET', path: (s) => `orgs/${s}/members`, okStatus: 200 },
  {
    action: 'members.changeRole',
    method: 'PATCH',
    path: (s, i) => `orgs/${s}/members/${i.targetMemberId}`,
    body: () => ({ role: 'viewer' }),
    okStatus: 200,
  },
  { action: 'invitations.list', method: 'GET', path: (s) => `orgs/${s}/invitations`, okStatus: 200 },
  {
    action: 'invitations.create',
    method: 'POST',
    path: (s) => `orgs/${s}/invitations`,
    body: () => ({ email: `new${Math.random().toString(36).slice(2)}@x.example`, role: 'viewer' }),
    okStatus: 201,
  },
  { action: 'invitations.revoke', method: 'DELETE', path: (s, i) => `orgs/${s}/invitations/${i.invitationId}`, okStatus: 204 },
  { action: 'keys.list', method: 'GET', path: (s) => `orgs/${s}/keys`, okStatus: 200 },
  { action: 'keys.rotate', method: 'POST', path: (s) => `orgs/${s}/keys/rotate`, okStatus: 201 },
  { action: 'audit.read', method: 'GET', path: (s) => `orgs/${s}/audit`, okStatus: 200 },
  { action: 'domain.read', method: 'GET', path: (s) => `orgs/${s}/domain-verification`, okStatus: 200 },
  {
    action: 'domain.verify',
    method: 'POST',
    path: (s) => `orgs/${s}/domain-verification`,
    body: () => ({ domain: 'matrix.example' }),
    okStatus: 201,
  },
  { action: 'jobs.list', method: 'GET', path: (s) => `orgs/${s}/jobs/failed`, okStatus: 200 },
  // No job has this id: an authorised owner passes the policy and gets 404 for the job itself.
  { action: 'jobs.retry', method: 'POST', path: (s) => `orgs/${s}/jobs/job_none/retry`, okStatus: 404 },
  { action: 'members.remove', method: 'DELETE', path: (s, i) => `orgs/${s}/members/${i.targetMemberId}`, okStatus: 204 },
  { action: 'achievements.list', method: 'GET', path: (s) => `orgs/${s}/achievements`, okStatus: 200 },
  {
    action: 'achievements.edit',
    method: 'PUT',
    path: (s, i) => `orgs/${s}/achievements/${i.draftAchievementId}`,
    body: () => sampleAchievement('Edited'),
    okStatus: 200,
  },
  {
    action: 'achievements.publish',
    method: 'POST',
    path: (s, i) => `orgs/${s}/achievements/${i.draftAchievementId}/publish`,
    okStatus: 200,
  },
  { action: 'agreement.read', method: 'GET', path: (s, i) => `orgs/${s}/achievements/${i.draftAchievementId}/agreement`, okStatus: 200 },
  { action: 'queue.read', method: 'GET', path: (s) => `orgs/${s}/queue`, okStatus: 200 },
  { action: 'submissions.review', method: 'POST', path: (s, i) => `orgs/${s}/submissions/${i.submissionId}/claim`, okStatus: 200 },
  // The submission is not disputed: an authorised owner passes the policy and meets the state check (409).
  {
    action: 'submissions.settle',
    method: 'POST',
    path: (s, i) => `orgs/${s}/submissions/${i.submissionId}/settle`,
    body: () => ({ scores: [{ criterionId: 'c1', levelId: 'l1', feedback: 'x' }], decision: 'needs_revision' }),
    okStatus: 409,
  },
  { action: 'credentials.list', method: 'GET', path: (s) => `orgs/${s}/credentials`, okStatus: 200 },
  // No credential has this id: an authorised owner passes the policy and gets 404 for the credential itself.
  {
    action: 'credentials.changeStatus',
    method: 'POST',
    path: (s) => `orgs/${s}/credentials/urn%3Auuid%3Anone/revoke`,
    body: () => ({ reason: 'testing the policy' }),
    okStatus: 404,
  },
];

const PLACEHOLDER: Ids = {
  targetMemberId: ':member',
  invitationId: ':invitation',
  draftAchievementId: ':achievement',
  submissionId: ':submission',
};

let ctx: TestContext;
const clients = {} as Record<Role, ApiClient>;
let outsider: ApiClient;
let anonymous: ApiClient;
let publishedId = '';

const acceptInvite = (owner: ApiClient, slug: string, email: string, role: Role) => inviteAndJoin(ctx, owner, { slug, email, role });

beforeAll(async () => {
  ctx = await createTestContext();
  clients.owner = new ApiClient(ctx);
  await clients.owner.signUp('owner@matrix.example');
  await clients.owner.request('POST', 'orgs', { slug: 'matrix', name: 'Matrix' });
  for (const role of ROLES.filter((r) => r !== 'owner'))
    clients[role] = await acceptInvite(clients.owner, 'matrix', `${role}@matrix.example`, role);
  outsider = new ApiClient(ctx);
  await outsider.signUp('outsider@other.example');
  await outsider.request('POST', 'orgs', { slug: 'other', name: 'Other' });
  anonymous = new ApiClient(ctx);
  const a = await clients.owner.request('POST', 'orgs/matrix/achievements', sampleAchievement());
  publishedId = a.json['id'] as string;
  await clients.owner.request('POST', `orgs/matrix/achievements/${publishedId}/publish`);
});
afterAll(async () => ctx.close());

async function freshIds(): Promise<Ids> {
  const target = await acceptInvite(clients.owner, 'matrix', `target${Math.random().toString(36).slice(2)}@matrix.example`, 'viewer');
  const session = await target.request('GET', 'auth/session');
  const targetMemberId = (session.json['account'] as { id: string }).id;
  const inv = await clients.owner.request('POST', 'orgs/matrix/invitations', {
    email: `pending${Math.random().toString(36).slice(2)}@x.example`,
    role: 'viewer',
  });
  const draft = await clients.owner.request('POST', 'orgs/matrix/achievements', sampleAchievement(`Draft ${Math.random()}`));
  const learner = new ApiClient(ctx);
  await learner.signUp(`learner${Math.random().toString(36).slice(2)}@l.example`);
  const start = await learner.request('POST', `catalog/${publishedId}/start`);
  const sid = start.json['id'] as string;
  for (const [req, body] of [
    ['plan', { kind: 'text', text: 'plan' }],
    ['transcript', { kind: 'link', url: 'https://example.org/t' }],
    ['reflection', { kind: 'text', text: 'r' }],
  ] as const) {
    await learner.request('PUT', `me/submissions/${sid}/evidence/${req}`, body);
  }
  await learner.request('POST', `me/submissions/${sid}/submit`);
  return { targetMemberId, invitationId: inv.json['id'] as string, draftAchievementId: draft.json['id'] as string, submissionId: sid };
}

describe('authorisation matrix: route × role × other organisation', () => {
  it('covers every policy action', () => {
    expect(new Set(ROUTES.map((r) => r.action))).toEqual(new Set(Object.keys(ORG_POLICIES)));
  });

  for (const route of ROUTES) {
    for (const role of ROLES) {
      const allowed = (ORG_POLICIES[route.action] as readonly Role[]).includes(role);
      it(`${route.method} ${route.path(':slug', PLACEHOLDER)} as ${role} → ${allowed ? route.okStatus : 403}`, async () => {
        const ids = await freshIds();
        const res = await clients[role].request(route.method, route.path('matrix', ids), route.body?.(ids));
        expect(res.status).toBe(allowed ? route.okStatus : 403);
        if (!allowed) expect(res.json['code']).toBe('forbidden');
      });
    }
    it(`${route.method} ${route.path(':slug', PLACEHOLDER)} by an owner of another organisation → 404`, async () => {
      const ids = await freshIds();
      const res = await outsider.request(route.method, route.path('matrix', ids), route.body?.(ids));
      expect(res.status).toBe(404);
    });
    it(`${route.method} ${route.path(':slug', PLACEHOLDER)} without signing in → 401`, async () => {
      const ids = await freshIds();
      const res = await anonymous.request(route.method, route.path('matrix', ids), route.body?.(ids));
      expect(res.status).toBe(401);
    });
  }

  it('never lets a learner claim or score their own submission, even as an owner', async () => {
    const own = await clients.owner.request('POST', `catalog/${publishedId}/start`);
    const sid = own.json['id'] as string;
    for (const [req, body] of [
      ['plan', { kind: 'text', text: 'plan' }],
      ['transcript', { kind: 'link', url: 'https://example.org/t' }],
      ['reflection', { kind: 'text', text: 'r' }],
    ] as const) {
      await clients.owner.request('PUT', `me/submissions/${sid}/evidence/${req}`, body);
    }
    await clients.owner.request('POST', `me/submissions/${sid}/submit`);
    const claim = await clients.owner.request('POST', `orgs/matrix/submissions/${sid}/claim`);
    expect(claim.status).toBe(403);
    const review = await clients.owner.request('POST', `orgs/matrix/submissions/${sid}/reviews`, {
      scores: [{ criterionId: 'c1', levelId: 'l3', feedback: 'x' }],
      decision: 'pass',
    });
    expect(review.status).toBe(403);
  });

  it('lets only platform admins list issuers and verify or unverify a domain', async () => {
    expect((await clients.owner.request('GET', 'admin/issuers')).status).toBe(200);
    for (const role of ['designer', 'assessor', 'viewer'] as const) {
      expect((await clients[role].request('GET', 'admin/issuers')).status).toBe(403);
      expect(
        (await clients[role].request('POST', 'admin/issuers/matrix/verify-domain', { domain: 'matrix.example', note: 'x' })).status,
      ).toBe(403);
      expect((await clients[role].request('POST', 'admin/issuers/matrix/unverify-domain', { note: 'x' })).status).toBe(403);
    }
    expect((await outsider.request('POST', 'admin/issuers/other/verify-domain', { domain: 'other.example', note: 'x' })).status).toBe(403);
    expect((await anonymous.request('GET', 'admin/issuers')).status).toBe(401);
  });

  it('lets only platform admins read the outbox', async () => {
    expect((await clients.owner.request('GET', 'admin/outbox')).status).toBe(200);
    for (const role of ['designer', 'assessor', 'viewer'] as const)
      expect((await clients[role].request('GET', 'admin/outbox')).status).toBe(403);
    expect((await anonymous.request('GET', 'admin/outbox')).status).toBe(401);
  });
});
