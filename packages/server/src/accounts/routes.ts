import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import {
  Account,
  ChangePasswordInput,
  PasswordResetConfirmInput,
  PasswordResetRequestInput,
  Session,
  SignInInput,
  SignUpAccepted,
  SignUpInput,
  UpdateAccountInput,
  VerificationEmailSent,
  VerifyEmailInput,
} from '@tessera/shared';
import { clearSessionCookie, requireAuth, setSessionCookie } from '../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { changePassword } from './change-password.js';
import { confirmPasswordReset } from './confirm-password-reset.js';
import { presentAccount, presentSession } from './present.js';
import { requestPasswordReset } from './request-password-reset.js';
import { resendVerificationEmail } from './resend-verification-email.js';
import { signIn } from './sign-in.js';
import { signOut } from './sign-out.js';
import { signUp } from './sign-up.js';
import { updateAccount } from './update-account.js';
import { verifyEmail } from './verify-email.js';

const tags = ['Accounts'];

/** Routes: sign-up, email verification, sign-in, sign-out, session, password reset, account settings. */
export function accountRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/signup',
      tags,
      summary: 'Create an account and email a verification link; sign in afterwards',
      description:
        'Answers the same whether or not the address already has an account (its owner is emailed instead), so sign-up does not reveal who is registered.',
      request: { body: jsonBody(SignUpInput) },
      responses: { 202: jsonOk(SignUpAccepted, 'Check your email, then sign in'), ...PROBLEMS },
    }),
    async (c) => {
      const { email } = await signUp(c.var.deps, { ...c.req.valid('json'), ip: c.var.ip });
      return c.json(SignUpAccepted.parse({ status: 'check_email', email }), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/verify-email',
      tags,
      summary: 'Confirm an email address with the token from its link',
      request: { body: jsonBody(VerifyEmailInput) },
      responses: { 204: { description: 'The address is verified' }, ...PROBLEMS },
    }),
    async (c) => {
      await verifyEmail(c.var.deps, c.req.valid('json'));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/account/verification-email',
      tags,
      summary: 'Email a new verification link',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(VerificationEmailSent, 'Sent, or already verified'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(VerificationEmailSent.parse(await resendVerificationEmail(c.var.deps, { accountId: auth.account.id })), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/signin',
      tags,
      summary: 'Sign in',
      request: { body: jsonBody(SignInInput) },
      responses: { 200: jsonOk(Session, 'Signed in'), ...PROBLEMS },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const previous = c.var.auth;
      const { token, session, account } = await signIn(c.var.deps, {
        ...input,
        ip: c.var.ip,
        userAgent: c.req.header('user-agent') ?? null,
      });
      if (previous) await signOut(c.var.deps, { sessionId: previous.session.id, accountId: previous.account.id, ip: c.var.ip });
      setSessionCookie(c, token, session);
      return c.json(Session.parse(await presentSession(c.var.deps, session, account)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/signout',
      tags,
      summary: 'Sign out',
      security: SESSION_SECURITY,
      responses: { 204: { description: 'Signed out' }, ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      await signOut(c.var.deps, { sessionId: auth.session.id, accountId: auth.account.id, ip: c.var.ip });
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/session',
      tags,
      summary: 'The current session',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(Session, 'The session'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(Session.parse(await presentSession(c.var.deps, auth.session, auth.account)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/password-reset/request',
      tags,
      summary: 'Email a password reset link',
      request: { body: jsonBody(PasswordResetRequestInput) },
      responses: { 202: { description: 'If the account exists, a link was emailed' }, ...PROBLEMS },
    }),
    async (c) => {
      await requestPasswordReset(c.var.deps, { email: c.req.valid('json').email, ip: c.var.ip });
      return c.body(null, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/password-reset/confirm',
      tags,
      summary: 'Set a new password with a reset token',
      request: { body: jsonBody(PasswordResetConfirmInput) },
      responses: { 204: { description: 'Password changed; all sessions ended' }, ...PROBLEMS },
    }),
    async (c) => {
      const input = c.req.valid('json');
      await confirmPasswordReset(c.var.deps, { ...input, ip: c.var.ip });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/account',
      tags,
      summary: 'Update account settings',
      security: SESSION_SECURITY,
      request: { body: jsonBody(UpdateAccountInput) },
      responses: { 200: jsonOk(Account, 'Updated'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const row = await updateAccount(c.var.deps, { accountId: auth.account.id, ...c.req.valid('json') });
      return c.json(Account.parse(presentAccount(row)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/account/password',
      tags,
      summary: 'Change password; ends every other session',
      security: SESSION_SECURITY,
      request: { body: jsonBody(ChangePasswordInput) },
      responses: { 204: { description: 'Changed' }, ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      await changePassword(c.var.deps, { accountId: auth.account.id, sessionId: auth.session.id, ...c.req.valid('json'), ip: c.var.ip });
      return c.body(null, 204);
    },
  );

  return app;
}
