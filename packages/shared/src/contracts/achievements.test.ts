import { describe, expect, it } from 'vitest';
import { AchievementContent, Achievement, CatalogEntry, StoredAchievementContent, contentUrlProblems } from './achievements.js';

// A URL the first `HttpUrl` (http(s) + `new URL`) accepted and today's refuses.
const OLD_URL = 'https://iste.org/standards|educators';
const content = {
  name: 'Teamwork',
  alignments: [{ targetName: 'ISTE', targetUrl: OLD_URL }],
  resources: [{ title: 'Guide', url: 'https://example.org/a b' }],
};

describe('micro-credential content: strict on input, readable as stored', () => {
  it('refuses URLs that cannot be IRIs in requests, naming each field', () => {
    const r = AchievementContent.safeParse(content);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['alignments.0.targetUrl', 'resources.0.url']);
  });

  it('reads stored content with the URLs as they were saved, with the same defaults and other checks', () => {
    const stored = StoredAchievementContent.parse(content);
    expect(stored.alignments[0]?.targetUrl).toBe(OLD_URL);
    expect(stored.resources[0]).toEqual({ title: 'Guide', url: 'https://example.org/a b', note: '' });
    expect(stored).toMatchObject({ description: '', maxAttempts: 3, validity: { kind: 'never' } });
    expect(StoredAchievementContent.safeParse({ ...content, name: '' }).success).toBe(false);
  });

  it('the response contracts read stored content, so old URLs do not fail a response', () => {
    const now = new Date(0).toISOString();
    const version = { id: 'v', version: 1, publishedAt: now, content };
    expect(
      Achievement.safeParse({
        id: 'a',
        orgSlug: 'o',
        status: 'published',
        draft: content,
        hasUnpublishedChanges: false,
        latestVersion: version,
        versions: [],
        imageUrl: '',
        issuedCount: 0,
        createdAt: now,
        updatedAt: now,
      }).success,
    ).toBe(true);
    const issuer = { slug: 'o', name: 'O', url: null, image: null, did: 'did:web:x', brandColor: '#000000' };
    expect(
      CatalogEntry.safeParse({
        achievementId: 'a',
        versionId: 'v',
        version: 1,
        status: 'published',
        content,
        imageUrl: '',
        issuer,
        publishedAt: now,
      }).success,
    ).toBe(true);
  });

  it('names the stored URLs to fix before the content is saved or published again', () => {
    const stored = StoredAchievementContent.parse(content);
    expect(contentUrlProblems(stored)).toEqual([
      { path: 'resources.0.url', message: expect.stringMatching(/spaces/) },
      { path: 'alignments.0.targetUrl', message: expect.stringContaining('“|”') },
    ]);
    expect(contentUrlProblems({ resources: [{ url: 'https://example.org/a%20b' }], alignments: [] })).toEqual([]);
  });
});
