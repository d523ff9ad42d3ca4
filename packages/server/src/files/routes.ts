import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { FileInfo } from '@tessera/shared';
import { requireAuth } from '../http/auth.js';
import { jsonOk, PROBLEMS, SESSION_SECURITY } from '../http/openapi.js';
import type { AppEnv } from '../http/types.js';
import { AppError } from '../shared/errors.js';
import { contentDisposition, presentFile } from './present.js';
import { readFile } from './read-file.js';
import { uploadFile } from './upload-file.js';

const tags = ['Files'];
const Upload = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary' }),
  purpose: z.enum(['evidence', 'image']).default('evidence'),
});

/** Routes: upload and download files. */
export function fileRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/files',
      tags,
      summary: 'Upload a file (evidence or image); size- and type-checked, sha256 recorded',
      security: SESSION_SECURITY,
      request: { body: { required: true, content: { 'multipart/form-data': { schema: Upload } } } },
      responses: { 201: jsonOk(FileInfo, 'Stored'), 413: PROBLEMS[400], 415: PROBLEMS[400], ...PROBLEMS },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const form = c.req.valid('form');
      const file: unknown = form.file;
      if (!(file instanceof File))
        throw new AppError('validation_failed', 'Attach a file', { errors: [{ path: 'file', message: 'Required' }] });
      const row = await uploadFile(c.var.deps, {
        ownerId: auth.account.id,
        purpose: form.purpose,
        name: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      return c.json(FileInfo.parse(presentFile(row)), 201);
    },
  );
  app.get('/files/:id', async (c) => {
    const { file, bytes } = await readFile(c.var.deps, { fileId: c.req.param('id'), accountId: c.var.auth?.account.id ?? null });
    const inline = file.mimeType.startsWith('image/') || file.mimeType.startsWith('video/') || file.mimeType === 'application/pdf';
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': file.mimeType,
      'content-disposition': contentDisposition(file.name, inline),
      'content-security-policy': "default-src 'none'; sandbox",
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=300',
    });
  });
  return app;
}
