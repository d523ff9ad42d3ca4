import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  ContactAnswerInput,
  LearnerContact,
  LearnerContactList,
  TalentActivity,
  TalentContact,
  TalentContactInput,
  TalentContactList,
  TalentProfile,
  TalentSearchInput,
  TalentSearchResult,
  TalentSettings,
  TalentSettingsInput,
} from '@tessera/shared';
import { requireAuth } from '../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY, SlugParams } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { answerContact } from './answer-contact.js';
import { getTalentSettings } from './get-talent-settings.js';
import { listMyContacts } from './list-my-contacts.js';
import { listOrgContacts } from './list-org-contacts.js';
import { listTalentActivity } from './list-talent-activity.js';
import { saveTalentSettings } from './save-talent-settings.js';
import { searchTalent } from './search-talent.js';
import { sendContact } from './send-contact.js';
import { viewTalentProfile } from './view-talent-profile.js';

const tags = ['Talent'];
const idParam = z
  .string()
  .min(1)
  .max(80)
  .openapi({ param: { name: 'id', in: 'path' } });
const PersonParams = SlugParams.extend({ id: idParam });
const IdParams = z.object({ id: idParam });
const ProfileQuery = z.object({ search: z.string().min(1).max(80).optional() });

/** Routes: learner consent and activity, employer search, profiles and contact requests. */
export function talentRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const actor = (c: Parameters<typeof requireAuth>[0]) => ({ accountId: requireAuth(c).account.id, ip: c.var.ip });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/talent/settings',
      tags,
      summary: 'My employer-visibility settings (off until I turn them on)',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(TalentSettings, 'The settings'), ...PROBLEMS },
    }),
    async (c) => c.json(TalentSettings.parse(await getTalentSettings(c.var.deps, { accountId: requireAuth(c).account.id })), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/me/talent/settings',
      tags,
      summary: 'Choose whether employers can find me and what they see',
      security: SESSION_SECURITY,
      request: { body: jsonBody(TalentSettingsInput) },
      responses: { 200: jsonOk(TalentSettings, 'The settings'), ...PROBLEMS },
    }),
    async (c) => c.json(TalentSettings.parse(await saveTalentSettings(c.var.deps, { actor: actor(c), input: c.req.valid('json') })), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/talent/activity',
      tags,
      summary: 'Who found me in a search or viewed my profile',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(TalentActivity, 'Searches and views, newest first'), ...PROBLEMS },
    }),
    async (c) => c.json(TalentActivity.parse(await listTalentActivity(c.var.deps, { accountId: requireAuth(c).account.id })), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/talent/contacts',
      tags,
      summary: 'Contact requests employers sent me',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(LearnerContactList, 'Requests, newest first'), ...PROBLEMS },
    }),
    async (c) => c.json(LearnerContactList.parse(await listMyContacts(c.var.deps, { accountId: requireAuth(c).account.id })), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/talent/contacts/{id}/answer',
      tags,
      summary: 'Accept (share my email or reply) or decline a contact request',
      security: SESSION_SECURITY,
      request: { params: IdParams, body: jsonBody(ContactAnswerInput) },
      responses: { 200: jsonOk(LearnerContact, 'The answered request'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        LearnerContact.parse(await answerContact(c.var.deps, { actor: actor(c), id: c.req.valid('param').id, input: c.req.valid('json') })),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/talent/search',
      tags,
      summary: 'Search consenting learners by verified skills, one of our roles, or an occupation (owners; audited)',
      security: SESSION_SECURITY,
      request: { params: SlugParams, body: jsonBody(TalentSearchInput) },
      responses: { 200: jsonOk(TalentSearchResult, 'Ranked results'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        TalentSearchResult.parse(
          await searchTalent(c.var.deps, { actor: actor(c), slug: c.req.valid('param').slug, input: c.req.valid('json') }),
        ),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/talent/people/{id}',
      tags,
      summary: 'A consenting learner’s profile (what they chose to show; 404 unless they consent; audited)',
      security: SESSION_SECURITY,
      request: { params: PersonParams, query: ProfileQuery },
      responses: { 200: jsonOk(TalentProfile, 'The profile'), ...PROBLEMS },
    }),
    async (c) => {
      const { slug, id } = c.req.valid('param');
      const profile = await viewTalentProfile(c.var.deps, { actor: actor(c), slug, accountId: id, searchId: c.req.valid('query').search });
      return c.json(TalentProfile.parse(profile), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/talent/people/{id}/contacts',
      tags,
      summary: 'Send a consenting learner a contact request (one pending per organisation and learner)',
      security: SESSION_SECURITY,
      request: { params: PersonParams, body: jsonBody(TalentContactInput) },
      responses: { 201: jsonOk(TalentContact, 'The request'), ...PROBLEMS },
    }),
    async (c) => {
      const { slug, id } = c.req.valid('param');
      return c.json(
        TalentContact.parse(await sendContact(c.var.deps, { actor: actor(c), slug, accountId: id, input: c.req.valid('json') })),
        201,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/talent/contacts',
      tags,
      summary: 'Our contact requests and their answers',
      security: SESSION_SECURITY,
      request: { params: SlugParams },
      responses: { 200: jsonOk(TalentContactList, 'Requests, newest first'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(TalentContactList.parse(await listOrgContacts(c.var.deps, { actor: actor(c), slug: c.req.valid('param').slug })), 200),
  );
  return app;
}
