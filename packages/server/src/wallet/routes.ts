import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { JSONValue } from 'hono/utils/types';
import { ClrExportInput, Collection, CollectionInput, Wallet, WalletImportInput, WalletItem } from '@tessera/shared';
import { requireAuth } from '../http/auth.js';
import { jsonBody, jsonOk, PROBLEMS, SESSION_SECURITY } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { AppError } from '../shared/errors.js';
import { zodFieldErrors } from '../http/problem.js';
import { exportClr } from './export-clr.js';
import { getWallet } from './get-wallet.js';
import { checkImportRate, importCredential } from './import-credential.js';
import { removeCollection, removeWalletItem } from './remove.js';
import { reverifyCredential } from './reverify-credential.js';
import { saveCollection } from './save-collection.js';

const tags = ['Wallet'];
const IdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const FILE_TYPES = ['application/vc+ld+json', 'application/ld+json', 'text/plain', 'application/jwt', 'image/png', 'image/svg+xml'];

/** Routes: the learner's wallet (earned and imported credentials) and collections. */
export function walletRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/wallet',
      tags,
      summary: 'My wallet: earned and imported credentials, collections',
      security: SESSION_SECURITY,
      responses: { 200: jsonOk(Wallet, 'The wallet'), ...PROBLEMS },
    }),
    async (c) => c.json(Wallet.parse(await getWallet(c.var.deps, { accountId: requireAuth(c).account.id })), 200),
  );
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/me/wallet/imports',
    tags,
    summary:
      'Import a credential (verified now): JSON {"url"} or {"text"}, or the raw file (JSON, JWT, PNG, SVG); rate-limited per account',
    security: SESSION_SECURITY,
    request: {
      body: {
        required: true,
        content: {
          'application/json': { schema: WalletImportInput },
          'image/png': { schema: z.string().openapi({ format: 'binary' }) },
          'image/svg+xml': { schema: z.string() },
          'application/jwt': { schema: z.string() },
          'application/vc+ld+json': { schema: z.record(z.string(), z.unknown()) },
        },
      },
    },
    responses: { 201: { description: 'Imported', content: { 'application/json': { schema: WalletItem } } }, ...PROBLEMS },
  });
  app.post('/me/wallet/imports', async (c) => {
    const auth = requireAuth(c);
    await checkImportRate(c.var.deps, auth.account.id);
    const actor = { accountId: auth.account.id, ip: c.var.ip };
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    let out;
    if (type === 'application/json') {
      const parsed = WalletImportInput.safeParse(await c.req.json().catch(() => null));
      if (!parsed.success)
        throw new AppError('validation_failed', 'Give a URL or paste a credential', { errors: zodFieldErrors(parsed.error) });
      out =
        'url' in parsed.data
          ? await importCredential(c.var.deps, { actor, source: 'url', url: parsed.data.url })
          : await importCredential(c.var.deps, { actor, source: 'paste', bytes: new TextEncoder().encode(parsed.data.text) });
    } else if (FILE_TYPES.includes(type)) {
      out = await importCredential(c.var.deps, { actor, source: 'upload', bytes: new Uint8Array(await c.req.arrayBuffer()) });
    } else throw new AppError('unsupported_media_type', `Send JSON {"url"} or {"text"}, or a file as ${FILE_TYPES.join(', ')}`);
    return c.json(WalletItem.parse(out), 201);
  });
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/wallet/imports/{id}/verify',
      tags,
      summary: 'Verify an imported credential again',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 200: jsonOk(WalletItem, 'Verified'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      await checkImportRate(c.var.deps, auth.account.id);
      return c.json(
        WalletItem.parse(
          await reverifyCredential(c.var.deps, { actor: { accountId: auth.account.id, ip: c.var.ip }, itemId: c.req.valid('param').id }),
        ),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/me/wallet/imports/{id}',
      tags,
      summary: 'Remove an imported credential',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 204: { description: 'Removed' }, ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      await removeWalletItem(c.var.deps, { actor: { accountId: auth.account.id, ip: c.var.ip }, itemId: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/collections',
      tags,
      summary: 'Create a collection',
      security: SESSION_SECURITY,
      request: { body: jsonBody(CollectionInput) },
      responses: { 201: jsonOk(Collection, 'Created'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(
        Collection.parse(await saveCollection(c.var.deps, { actor: { accountId: auth.account.id, ip: c.var.ip }, ...c.req.valid('json') })),
        201,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/me/collections/{id}',
      tags,
      summary: 'Change a collection',
      security: SESSION_SECURITY,
      request: { params: IdParams, body: jsonBody(CollectionInput) },
      responses: { 200: jsonOk(Collection, 'Saved'), ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(
        Collection.parse(
          await saveCollection(c.var.deps, {
            actor: { accountId: auth.account.id, ip: c.var.ip },
            id: c.req.valid('param').id,
            ...c.req.valid('json'),
          }),
        ),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/me/collections/{id}',
      tags,
      summary: 'Delete a collection',
      security: SESSION_SECURITY,
      request: { params: IdParams },
      responses: { 204: { description: 'Deleted' }, ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      await removeCollection(c.var.deps, { actor: { accountId: auth.account.id, ip: c.var.ip }, collectionId: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/clr',
      tags,
      summary:
        'Export a signed CLR 2.0 ClrCredential holding chosen credentials, with associations between their achievements (signed by the platform did:web)',
      security: SESSION_SECURITY,
      request: { body: jsonBody(ClrExportInput) },
      responses: {
        200: { description: 'The signed ClrCredential', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } },
        ...PROBLEMS,
      },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const clr = await exportClr(c.var.deps, { actor: { accountId: auth.account.id, ip: c.var.ip }, input: c.req.valid('json') });
      c.header('content-disposition', 'attachment; filename="learning-record.clr.json"');
      return c.json(clr as { [k: string]: JSONValue }, 200);
    },
  );
  return app;
}
