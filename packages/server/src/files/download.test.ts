import { parse } from 'content-disposition';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext } from '../testing/harness.js';

let ctx: TestContext;
let owner: ApiClient;

async function upload(name: string, bytes: Uint8Array | string): Promise<string> {
  const form = new FormData();
  form.set('file', new File([bytes], name));
  form.set('purpose', 'evidence');
  const res = await ctx.app.request('/api/v1/files', {
    method: 'POST',
    body: form,
    headers: { cookie: owner.cookie ?? '', 'x-csrf-token': owner.csrf ?? '' },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

beforeAll(async () => {
  ctx = await createTestContext();
  owner = new ApiClient(ctx);
  await owner.signUp('files@example.test');
});
afterAll(async () => ctx.close());

describe('file downloads', () => {
  it.each([
    ['файл.pdf', 'inline', 'file.pdf'],
    ['简历😀.pdf', 'inline', 'file.pdf'],
    ['Café résumé.pdf', 'inline', 'Cafe resume.pdf'],
    ['notes 简历.txt', 'attachment', 'notes _.txt'],
  ])('serves %s with its full name (RFC 6266 filename*) and an ASCII fallback', async (name, type, fallback) => {
    const id = await upload(name, name.endsWith('.pdf') ? PDF : 'plain notes');
    const res = await owner.request('GET', `files/${id}`);
    expect(res.status).toBe(200);
    const header = res.headers.get('content-disposition') ?? '';
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(header).toContain(
      `filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    const parsed = parse(header);
    expect(parsed.type).toBe(type);
    expect(parsed.parameters['filename']).toBe(name);
    expect(parse(header, { extended: false }).parameters['filename']).toBe(fallback);
  });

  it('keeps plain ASCII names as they are', async () => {
    const id = await upload('report.pdf', PDF);
    const res = await owner.request('GET', `files/${id}`);
    expect(res.headers.get('content-disposition')).toBe('inline; filename=report.pdf');
  });
});
