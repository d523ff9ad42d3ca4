import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  AchievementStanding,
  Endorsement,
  EndorsementAcceptInput,
  EndorsementBoard,
  EndorsementOfferInput,
  EndorsementRequestInput,
  EndorsementRevokeInput,
  PathwayEndorsements,
  RecognitionRecord,
  RecognitionRecordInput,
  RecognitionRecordList,
  RecognitionRule,
  RecognitionRuleInput,
  RecognitionRuleList,
  ReviewCommentInput,
  ReviewDecisionInput,
  ReviewDraft,
  ReviewInvitation,
  ReviewInvitationInput,
  ReviewInvitationList,
  WhereThisCounts,
  WithdrawRuleInput,
} from '@tessera/shared';
import { requireAuth } from '../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY, SlugParams } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { decideEndorsement } from './decide-endorsement.js';
import { inviteReviewer, listAchievementReviews, revokeReviewInvitation } from './invite-reviewer.js';
import { listEndorsements } from './list-endorsements.js';
import { listMyRecords, listOrgRecords, reverifyRecord } from './list-records.js';
import { listRules } from './list-rules.js';
import { publishRule } from './publish-rule.js';
import { offerEndorsement, requestEndorsement } from './request-endorsement.js';
import { addReviewComment, decideReview, getReviewDraft, listMyReviewInvitations } from './review-draft.js';
import { revokeEndorsement } from './revoke-endorsement.js';
import { saveRule } from './save-rule.js';
import { sendRecord } from './send-record.js';
import { getAchievementStanding, getPathwayEndorsements } from './standing.js';
import { whereThisCounts } from './where-this-counts.js';
import { withdrawRule } from './withdraw-rule.js';

const tags = ['Recognition'];
const idParam = (name: string) =>
  z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name, in: 'path' } });
const IdParams = SlugParams.extend({ id: idParam('id') });
const OnlyId = z.object({ id: idParam('id') });

/** Routes: recognition rules, records learners send, endorsements between organisations, co-design reviews. */
export function recognitionRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const actor = (c: Parameters<typeof requireAuth>[0]) => ({ accountId: requireAuth(c).account.id, ip: c.var.ip });
  const base = (c: { var: AppEnv['Variables'] }) => c.var.deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/recognition/rules',
      tags,
      summary: 'The organisation’s recognition rules (members)',
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 200: jsonOk(RecognitionRuleList, 'Rules'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        RecognitionRuleList.parse(await listRules(base(c), { accountId: requireAuth(c).account.id, slug: c.req.valid('param').slug })),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/recognition/rules',
      tags,
      summary: 'Write a draft recognition rule (owners, designers)',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(RecognitionRuleInput) },
      responses: { 201: jsonOk(RecognitionRule, 'Created'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        RecognitionRule.parse(await saveRule(base(c), { actor: actor(c), slug: c.req.valid('param').slug, input: c.req.valid('json') })),
        201,
      ),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/orgs/{slug}/recognition/rules/{id}',
      tags,
      summary: 'Edit a draft recognition rule (owners, designers)',
      security: SESSION_SECURITY,
      request: { params: IdParams, body: jsonBody(RecognitionRuleInput) },
      responses: { 200: jsonOk(RecognitionRule, 'Saved'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(
        RecognitionRule.parse(await saveRule(base(c), { actor: actor(c), slug: p.slug, ruleId: p.id, input: c.req.valid('json') })),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/recognition/rules/{id}/publish',
      tags,
      summary: 'Publish a rule as a signed EndorsementCredential (owners)',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(RecognitionRule, 'Published'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(RecognitionRule.parse(await publishRule(base(c), { actor: actor(c), slug: p.slug, ruleId: p.id })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/recognition/rules/{id}/withdraw',
      tags,
      summary: 'Withdraw a rule (owners)',
      security: SESSION_SECURITY,
      request: { params: IdParams, body: jsonBody(WithdrawRuleInput) },
      responses: { 200: jsonOk(RecognitionRule, 'Withdrawn'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(
        RecognitionRule.parse(
          await withdrawRule(base(c), { actor: actor(c), slug: p.slug, ruleId: p.id, reason: c.req.valid('json').reason }),
        ),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/recognition/records',
      tags,
      summary: 'Records learners sent to the organisation, each credential verified (members)',
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 200: jsonOk(RecognitionRecordList, 'Records'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        RecognitionRecordList.parse(
          await listOrgRecords(base(c), { accountId: requireAuth(c).account.id, slug: c.req.valid('param').slug }),
        ),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/recognition/records/{id}/verify',
      tags,
      summary: 'Verify a received record’s credentials again (members)',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(RecognitionRecord, 'Re-verified'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(
        RecognitionRecord.parse(await reverifyRecord(base(c), { accountId: requireAuth(c).account.id, slug: p.slug, recordId: p.id })),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/where-this-counts',
      tags,
      summary: 'Where my credentials count (published recognition rules in force)',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(WhereThisCounts, 'Where they count'), ...PROBLEMS },
    }),
    async (c) => c.json(WhereThisCounts.parse(await whereThisCounts(base(c), { accountId: requireAuth(c).account.id })), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/recognition-records',
      tags,
      summary: 'Records I sent to recognising organisations',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(RecognitionRecordList, 'Records'), ...PROBLEMS },
    }),
    async (c) => c.json(RecognitionRecordList.parse(await listMyRecords(base(c), { accountId: requireAuth(c).account.id })), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/recognition-records',
      tags,
      summary: 'Send a record of credentials that count to the recognising organisation',
      security: SESSION_SECURITY,
      request: { body: jsonBody(RecognitionRecordInput) },
      responses: { 201: jsonOk(RecognitionRecord, 'Sent'), ...PROBLEMS },
    }),
    async (c) => c.json(RecognitionRecord.parse(await sendRecord(base(c), { actor: actor(c), input: c.req.valid('json') })), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/achievements/{id}/standing',
      tags,
      summary: 'Where an achievement counts, who endorses it, who co-designed it (public)',
      request: { params: OnlyId },
      responses: { 200: jsonOk(AchievementStanding, 'Standing'), ...PROBLEMS },
    }),
    async (c) => c.json(AchievementStanding.parse(await getAchievementStanding(base(c), { achievementId: c.req.valid('param').id })), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/pathways/{id}/endorsements',
      tags,
      summary: 'The accepted endorsements of a published pathway (public)',
      request: { params: OnlyId },
      responses: { 200: jsonOk(PathwayEndorsements, 'Endorsements'), ...PROBLEMS },
    }),
    async (c) => c.json(PathwayEndorsements.parse(await getPathwayEndorsements(base(c), { pathwayId: c.req.valid('param').id })), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/endorsements',
      tags,
      summary: 'Endorsements the organisation gives and receives (members)',
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 200: jsonOk(EndorsementBoard, 'Endorsements'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        EndorsementBoard.parse(await listEndorsements(base(c), { accountId: requireAuth(c).account.id, slug: c.req.valid('param').slug })),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/endorsements/requests',
      tags,
      summary: 'Ask another organisation to endorse an achievement or this issuer (owners)',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(EndorsementRequestInput) },
      responses: { 201: jsonOk(Endorsement, 'Requested'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        Endorsement.parse(
          await requestEndorsement(base(c), { actor: actor(c), slug: c.req.valid('param').slug, input: c.req.valid('json') }),
        ),
        201,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/endorsements/offers',
      tags,
      summary: 'Offer to endorse another organisation’s achievement or the issuer, with a comment (owners)',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(EndorsementOfferInput) },
      responses: { 201: jsonOk(Endorsement, 'Offered'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        Endorsement.parse(
          await offerEndorsement(base(c), { actor: actor(c), slug: c.req.valid('param').slug, input: c.req.valid('json') }),
        ),
        201,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/endorsements/{id}/accept',
      tags,
      summary: 'Accept a pending endorsement: the endorser writes its comment and signs (owners of the side it waits for)',
      security: SESSION_SECURITY,
      request: { params: IdParams, body: jsonBody(EndorsementAcceptInput) },
      responses: { 200: jsonOk(Endorsement, 'Accepted'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const comment = c.req.valid('json').comment;
      return c.json(
        Endorsement.parse(await decideEndorsement(base(c), { actor: actor(c), slug: p.slug, endorsementId: p.id, accept: true, comment })),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/endorsements/{id}/decline',
      tags,
      summary: 'Decline a pending endorsement (owners of either side)',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(Endorsement, 'Declined'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(
        Endorsement.parse(await decideEndorsement(base(c), { actor: actor(c), slug: p.slug, endorsementId: p.id, accept: false })),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/endorsements/{id}/revoke',
      tags,
      summary: 'Revoke an accepted endorsement (owners of the endorser)',
      security: SESSION_SECURITY,
      request: { params: IdParams, body: jsonBody(EndorsementRevokeInput) },
      responses: { 200: jsonOk(Endorsement, 'Revoked'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(
        Endorsement.parse(
          await revokeEndorsement(base(c), { actor: actor(c), slug: p.slug, endorsementId: p.id, reason: c.req.valid('json').reason }),
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/achievements/{id}/reviews',
      tags,
      summary: 'Co-design review invitations of an achievement, with every comment (members)',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(ReviewInvitationList, 'Invitations'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(
        ReviewInvitationList.parse(
          await listAchievementReviews(base(c), { accountId: requireAuth(c).account.id, slug: p.slug, achievementId: p.id }),
        ),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/achievements/{id}/reviews',
      tags,
      summary: 'Invite an external reviewer by email to review the draft (owners, designers)',
      security: SESSION_SECURITY,
      request: { params: IdParams, body: jsonBody(ReviewInvitationInput) },
      responses: { 201: jsonOk(ReviewInvitation, 'Invited'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(
        ReviewInvitation.parse(
          await inviteReviewer(base(c), { actor: actor(c), slug: p.slug, achievementId: p.id, input: c.req.valid('json') }),
        ),
        201,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/review-invitations/{id}/revoke',
      tags,
      summary: 'Withdraw a review invitation (owners, designers)',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(ReviewInvitation, 'Withdrawn'), ...PROBLEMS },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(
        ReviewInvitation.parse(await revokeReviewInvitation(base(c), { actor: actor(c), slug: p.slug, invitationId: p.id })),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/review-invitations',
      tags,
      summary: 'Review invitations sent to my address',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(ReviewInvitationList, 'Invitations'), ...PROBLEMS },
    }),
    async (c) => c.json(ReviewInvitationList.parse(await listMyReviewInvitations(base(c), { accountId: requireAuth(c).account.id })), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/review-invitations/{id}',
      tags,
      summary: 'The draft under review, read-only (the invited reviewer only)',
      security: SESSION_SECURITY,
      request: { params: OnlyId },
      responses: { 200: jsonOk(ReviewDraft, 'The draft'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        ReviewDraft.parse(await getReviewDraft(base(c), { accountId: requireAuth(c).account.id, invitationId: c.req.valid('param').id })),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/review-invitations/{id}/comments',
      tags,
      summary: 'Comment on one section of the draft (the invited reviewer)',
      security: SESSION_SECURITY,
      request: { params: OnlyId, body: jsonBody(ReviewCommentInput) },
      responses: { 201: jsonOk(ReviewInvitation, 'Commented'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        ReviewInvitation.parse(
          await addReviewComment(base(c), { actor: actor(c), invitationId: c.req.valid('param').id, input: c.req.valid('json') }),
        ),
        201,
      ),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/review-invitations/{id}/decision',
      tags,
      summary: 'Approve the draft or request changes (the invited reviewer)',
      security: SESSION_SECURITY,
      request: { params: OnlyId, body: jsonBody(ReviewDecisionInput) },
      responses: { 200: jsonOk(ReviewInvitation, 'Decided'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        ReviewInvitation.parse(
          await decideReview(base(c), { actor: actor(c), invitationId: c.req.valid('param').id, input: c.req.valid('json') }),
        ),
        200,
      ),
  );
  return app;
}
