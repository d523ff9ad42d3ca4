import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAchievement } from '../testing/earning-fixtures.js';
import type { TestContext } from '../testing/harness.js';
import { ApiClient, createTestContext, inviteAndJoin } from '../testing/harness.js';

let ctx: TestContext;
let owner: ApiClient;
let designer: ApiClient;
let attacker: ApiClient;
let victim: ApiClient;

const PNG = (marker: number) =>
  new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, marker]);

async function uploadImage(c: ApiClient, marker: number): Promise<string> {
  const form = new FormData();
  form.set('file', new File([PNG(marker)], `img-${marker}.png`));
  form.set('purpose', 'image');
  const res = await ctx.app.request('/api/v1/files', {
    method: 'POST',
    body: form,
    headers: { cookie: c.cookie ?? '', 'x-csrf-token': c.csrf ?? '' },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
const anonymous = (path: string) => ctx.app.request(path);

beforeAll(async () => {
  ctx = await createTestContext();
  owner = new ApiClient(ctx);
  await owner.signUp('owner@riverside.test');
  await owner.request('POST', 'orgs', { slug: 'riverside', name: 'Riverside School District' });
  designer = await inviteAndJoin(ctx, owner, { slug: 'riverside', email: 'designer@riverside.test', role: 'designer' });
  attacker = new ApiClient(ctx);
  await attacker.signUp('attacker@evil.test');
  await attacker.request('POST', 'orgs', { slug: 'evil', name: 'Evil' });
  victim = new ApiClient(ctx);
  await victim.signUp('victim@example.test');
});
afterAll(async () => ctx.close());

describe('badge images belong to their uploader', () => {
  it("refuses another user's uploaded image in a new draft or a saved draft, and the file stays private", async () => {
    const victimFile = await uploadImage(victim, 1);
    expect((await anonymous(`/api/v1/files/${victimFile}`)).status).toBe(404);

    const created = await attacker.request('POST', 'orgs/evil/achievements', { ...sampleAchievement('Stolen'), imageFileId: victimFile });
    expect(created.status).toBe(403);
    expect(created.json).toMatchObject({ code: 'forbidden', errors: [{ path: 'imageFileId' }] });
    expect((await attacker.request('GET', 'orgs/evil/achievements')).json).toHaveLength(0);

    const mine = await attacker.request('POST', 'orgs/evil/achievements', sampleAchievement('Innocent'));
    expect(mine.status).toBe(201);
    const id = mine.json['id'] as string;
    const saved = await attacker.request('PUT', `orgs/evil/achievements/${id}`, {
      ...sampleAchievement('Innocent'),
      imageFileId: victimFile,
    });
    expect(saved.status).toBe(403);
    expect((await attacker.request('GET', `orgs/evil/achievements/${id}`)).json['draft']).toMatchObject({ imageFileId: null });
    // Publishing what was saved does not make the victim's file public either.
    expect((await attacker.request('POST', `orgs/evil/achievements/${id}/publish`)).status).toBe(200);
    expect((await anonymous(`/api/v1/files/${victimFile}`)).status).toBe(404);
    expect((await anonymous(`/media/achievements/${id}/image`)).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('refuses an id that is no file at all, or an evidence file, the same way', async () => {
    expect(
      (await attacker.request('POST', 'orgs/evil/achievements', { ...sampleAchievement('X'), imageFileId: 'file_doesnotexist' })).status,
    ).toBe(403);
    const form = new FormData();
    form.set('file', new File(['my own notes'], 'notes.txt'));
    form.set('purpose', 'evidence');
    const evidence = await ctx.app.request('/api/v1/files', {
      method: 'POST',
      body: form,
      headers: { cookie: attacker.cookie ?? '', 'x-csrf-token': attacker.csrf ?? '' },
    });
    const evidenceId = ((await evidence.json()) as { id: string }).id;
    expect((await attacker.request('POST', 'orgs/evil/achievements', { ...sampleAchievement('X'), imageFileId: evidenceId })).status).toBe(
      403,
    );
    expect((await attacker.request('GET', 'orgs/evil/achievements')).json).toHaveLength(1);
  });

  it("lets a colleague save a draft that keeps the uploader's image", async () => {
    const ownerFile = await uploadImage(owner, 2);
    const created = await owner.request('POST', 'orgs/riverside/achievements', {
      ...sampleAchievement('Shared Image'),
      imageFileId: ownerFile,
    });
    expect(created.status).toBe(201);
    const id = created.json['id'] as string;
    const kept = await designer.request('PUT', `orgs/riverside/achievements/${id}`, {
      ...sampleAchievement('Shared Image, edited'),
      imageFileId: ownerFile,
    });
    expect(kept.status).toBe(200);
    const designerFile = await uploadImage(designer, 3);
    expect(
      (
        await designer.request('PUT', `orgs/riverside/achievements/${id}`, {
          ...sampleAchievement('Shared Image'),
          imageFileId: designerFile,
        })
      ).status,
    ).toBe(200);
  });
});

describe('the public image of a micro-credential', () => {
  it("serves only published versions: a draft's image and name are not public", async () => {
    const file = await uploadImage(owner, 4);
    const created = await owner.request('POST', 'orgs/riverside/achievements', {
      ...sampleAchievement('Unannounced Programme'),
      imageFileId: file,
    });
    const id = created.json['id'] as string;

    const before = await anonymous(`/media/achievements/${id}/image`);
    expect(before.status).toBe(404);
    expect(await before.text()).not.toContain('Unannounced');
    expect((await anonymous(`/api/v1/files/${file}`)).status).toBe(404);
    expect((await new ApiClient(ctx).request('GET', `/media/achievements/${id}/image`)).status).toBe(404);
    // Members of the organisation see the draft they are editing, never from a shared cache.
    const member = await designer.request('GET', `/media/achievements/${id}/image`);
    expect(member.status).toBe(200);
    expect(member.headers.get('cache-control')).toBe('private, no-store');
    expect(member.headers.get('content-type')).toBe('image/png');
    expect((await attacker.request('GET', `/media/achievements/${id}/image`)).status).toBe(404);

    expect((await owner.request('POST', `orgs/riverside/achievements/${id}/publish`)).status).toBe(200);
    const after = await anonymous(`/media/achievements/${id}/image`);
    expect(after.status).toBe(200);
    expect(after.headers.get('content-type')).toBe('image/png');
    expect(after.headers.get('cache-control')).toBe('public, max-age=300');
    expect(Array.from(new Uint8Array(await after.arrayBuffer())).at(-1)).toBe(4);
    expect((await anonymous(`/api/v1/files/${file}`)).status).toBe(200);
  });

  it('keeps serving the published version while the draft is renamed', async () => {
    const created = await owner.request('POST', 'orgs/riverside/achievements', sampleAchievement('Public Name'));
    const id = created.json['id'] as string;
    await owner.request('POST', `orgs/riverside/achievements/${id}/publish`);
    await owner.request('PUT', `orgs/riverside/achievements/${id}`, sampleAchievement('Secret Rename'));
    const svg = await (await anonymous(`/media/achievements/${id}/image`)).text();
    expect(svg).toContain('Public Name');
    expect(svg).not.toContain('Secret Rename');
    expect((await owner.request('GET', `/media/achievements/${id}/image`)).text).toContain('Secret Rename');
  });
});
