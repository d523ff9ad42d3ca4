import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  AuditPage,
  ChangeRoleInput,
  CreateOrgInput,
  Invitation,
  InvitationPreview,
  InviteInput,
  Member,
  OrgWithRole,
  PageQuery,
  SigningKey,
  UpdateOrgInput,
} from '@tessera/shared';
import { listAudit } from '../audit/index.js';
import { requireAuth } from '../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY, SlugParams } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { listKeys } from '../keys/index.js';
import { presentKey } from '../keys/index.js';
import { rotateSigningKey } from '../keys/index.js';
import { acceptInvitation } from './accept-invitation.js';
import { changeMemberRole } from './change-member-role.js';
import { createOrg } from './create-org.js';
import { inviteMember } from './invite-member.js';
import { listInvitations } from './list-invitations.js';
import { listMembers } from './list-members.js';
import { listMyOrgs } from './list-my-orgs.js';
import { loadOrgAccess } from './load-org-access.js';
import { presentOrgWithRole } from './present.js';
import { previewInvitation } from './preview-invitation.js';
import { removeMember } from './remove-member.js';
import { revokeInvitation } from './revoke-invitation.js';
import { orgDid } from './did.js';
import { updateOrg } from './update-org.js';
import { addVerificationRoutes } from './verification/routes.js';

const tags = ['Organisations'];
const MemberParams = SlugParams.extend({
  accountId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'accountId', in: 'path' } }),
});
const InvitationParams = SlugParams.extend({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const TokenParams = z.object({
  token: z
    .string()
    .min(10)
    .max(200)
    .openapi({ param: { name: 'token', in: 'path' } }),
});

/** Routes: organisations, members, invitations, keys and audit log. */
export function orgRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const actorOf = (c: { var: AppEnv['Variables'] }, accountId: string) => ({ accountId, ip: c.var.ip });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs',
      tags,
      summary: 'My organisations',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(z.array(OrgWithRole), 'Organisations with my role'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(z.array(OrgWithRole).parse(await listMyOrgs(c.var.deps, { accountId: auth.account.id })), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs',
      tags,
      summary: 'Create an organisation (you become its owner)',
      security: SESSION_SECURITY,
      request: { body: jsonBody(CreateOrgInput) },
      responses: { 201: jsonOk(OrgWithRole, 'Created'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const org = await createOrg(c.var.deps, { actor: actorOf(c, auth.account.id), profile: c.req.valid('json') });
      return c.json(OrgWithRole.parse(presentOrgWithRole(c.var.deps, org, 'owner')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}',
      tags,
      summary: 'An organisation',
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 200: jsonOk(OrgWithRole, 'The organisation'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { org, role } = await loadOrgAccess(c.var.deps, {
        slug: c.req.valid('param').slug,
        accountId: auth.account.id,
        action: 'org.read',
      });
      return c.json(OrgWithRole.parse(presentOrgWithRole(c.var.deps, org, role)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/orgs/{slug}',
      tags,
      summary: 'Update the organisation profile',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(UpdateOrgInput) },
      responses: { 200: jsonOk(OrgWithRole, 'Updated'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { org, role } = await loadOrgAccess(c.var.deps, {
        slug: c.req.valid('param').slug,
        accountId: auth.account.id,
        action: 'org.update',
      });
      const updated = await updateOrg(c.var.deps, { actor: actorOf(c, auth.account.id), org, patch: c.req.valid('json') });
      return c.json(OrgWithRole.parse(presentOrgWithRole(c.var.deps, updated, role)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/members',
      tags,
      summary: 'Members',
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 200: jsonOk(z.array(Member), 'Members'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { org } = await loadOrgAccess(c.var.deps, {
        slug: c.req.valid('param').slug,
        accountId: auth.account.id,
        action: 'members.list',
      });
      return c.json(z.array(Member).parse(await listMembers(c.var.deps, { orgId: org.id })), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/orgs/{slug}/members/{accountId}',
      tags,
      summary: "Change a member's role",
      security: SESSION_SECURITY,
      request: { params: MemberParams, body: jsonBody(ChangeRoleInput) },
      responses: { 200: jsonOk(Member, 'Changed'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const params = c.req.valid('param');
      const { org } = await loadOrgAccess(c.var.deps, { slug: params.slug, accountId: auth.account.id, action: 'members.changeRole' });
      const member = await changeMemberRole(c.var.deps, {
        actor: actorOf(c, auth.account.id),
        orgId: org.id,
        accountId: params.accountId,
        role: c.req.valid('json').role,
      });
      return c.json(Member.parse(member), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/orgs/{slug}/members/{accountId}',
      tags,
      summary: 'Remove a member (or leave)',
      security: SESSION_SECURITY,
      request: { params: MemberParams },
      responses: { 204: { description: 'Removed' }, ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const params = c.req.valid('param');
      const self = params.accountId === auth.account.id;
      const { org } = await loadOrgAccess(c.var.deps, {
        slug: params.slug,
        accountId: auth.account.id,
        action: self ? 'org.read' : 'members.remove',
      });
      await removeMember(c.var.deps, { actor: actorOf(c, auth.account.id), orgId: org.id, accountId: params.accountId });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/invitations',
      tags,
      summary: 'Invitations',
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 200: jsonOk(z.array(Invitation), 'Invitations'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { org } = await loadOrgAccess(c.var.deps, {
        slug: c.req.valid('param').slug,
        accountId: auth.account.id,
        action: 'invitations.list',
      });
      return c.json(z.array(Invitation).parse(await listInvitations(c.var.deps, { orgId: org.id })), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/invitations',
      tags,
      summary: 'Invite someone by email',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(InviteInput) },
      responses: { 201: jsonOk(Invitation, 'Invited'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { org } = await loadOrgAccess(c.var.deps, {
        slug: c.req.valid('param').slug,
        accountId: auth.account.id,
        action: 'invitations.create',
      });
      const input = c.req.valid('json');
      const inv = await inviteMember(c.var.deps, {
        actor: actorOf(c, auth.account.id),
        org,
        email: input.email,
        role: input.role,
        inviterName: auth.account.name,
      });
      return c.json(Invitation.parse(inv), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/orgs/{slug}/invitations/{id}',
      tags,
      summary: 'Withdraw an invitation',
      security: SESSION_SECURITY,
      request: { params: InvitationParams },
      responses: { 204: { description: 'Withdrawn' }, ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const params = c.req.valid('param');
      const { org } = await loadOrgAccess(c.var.deps, { slug: params.slug, accountId: auth.account.id, action: 'invitations.revoke' });
      await revokeInvitation(c.var.deps, { actor: actorOf(c, auth.account.id), orgId: org.id, invitationId: params.id });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/invitations/{token}',
      tags,
      summary: 'Preview an invitation',
      request: { params: TokenParams },
      responses: { 200: jsonOk(InvitationPreview, 'Invitation'), ...PROBLEMS },
    }),
    async (c) => c.json(InvitationPreview.parse(await previewInvitation(c.var.deps, { token: c.req.valid('param').token })), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/invitations/{token}/accept',
      tags,
      summary: 'Accept an invitation',
      security: SESSION_SECURITY,
      request: { params: TokenParams },
      responses: { 200: jsonOk(OrgWithRole, 'Joined'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { org, role } = await acceptInvitation(c.var.deps, {
        actor: actorOf(c, auth.account.id),
        email: auth.account.email,
        token: c.req.valid('param').token,
      });
      return c.json(OrgWithRole.parse(presentOrgWithRole(c.var.deps, org, role)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/keys',
      tags: ['Keys'],
      summary: 'Signing keys',
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 200: jsonOk(z.array(SigningKey), 'Keys, oldest first'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { org } = await loadOrgAccess(c.var.deps, { slug: c.req.valid('param').slug, accountId: auth.account.id, action: 'keys.list' });
      return c.json(z.array(SigningKey).parse(await listKeys(c.var.deps, { org })), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/keys/rotate',
      tags: ['Keys'],
      summary: 'Rotate the signing key',
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 201: jsonOk(SigningKey, 'The new current key'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { org } = await loadOrgAccess(c.var.deps, {
        slug: c.req.valid('param').slug,
        accountId: auth.account.id,
        action: 'keys.rotate',
      });
      const key = await rotateSigningKey(c.var.deps, { actor: actorOf(c, auth.account.id), orgId: org.id });
      return c.json(SigningKey.parse(presentKey(orgDid(c.var.deps.env.TESSERA_BASE_URL, org.slug), key)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/audit',
      tags: ['Audit'],
      summary: 'Audit log, newest first',
      security: SESSION_SECURITY,
      request: { params: SlugParams, query: PageQuery },
      responses: { 200: jsonOk(AuditPage, 'A page of events'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { org } = await loadOrgAccess(c.var.deps, {
        slug: c.req.valid('param').slug,
        accountId: auth.account.id,
        action: 'audit.read',
      });
      const q = c.req.valid('query');
      return c.json(AuditPage.parse(await listAudit(c.var.deps, { orgId: org.id, limit: q.limit, cursor: q.cursor })), 200);
    },
  );

  addVerificationRoutes(app);
  return app;
}
