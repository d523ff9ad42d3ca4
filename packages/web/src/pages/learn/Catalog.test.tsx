// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { MyCatalogPage, StoredAchievementContent } from '@tessera/shared';
import type { MyCatalogEntry, MyProgress } from '@tessera/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../lib/session';
import { json, stubApi, testSession, unauthenticated } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { CatalogPageScreen } from './Catalog';

const ISSUER = {
  slug: 'riverside',
  name: 'Riverside School District',
  url: null,
  image: null,
  did: 'did:web:tessera.test:orgs:riverside',
  brandColor: '#1f5fbf',
};

function entry(id: string, name: string, mine: MyProgress | null, effortHours: number | null = null): MyCatalogEntry {
  return {
    achievementId: id,
    versionId: `ver_${id}`,
    version: 1,
    status: 'published',
    content: StoredAchievementContent.parse({ name, description: `${name} in practice.`, effortHours }),
    imageUrl: `/media/achievements/${id}/image`,
    issuer: ISSUER,
    publishedAt: '2026-01-10T00:00:00.000Z',
    mine,
  };
}

const ITEMS = [
  entry(
    'ach_earned',
    'Using the LMS Effectively',
    { state: 'earned', submissionId: 'sub_e', credentialUrl: 'http://tessera.test/credentials/abc' },
    3,
  ),
  entry('ach_draft', 'Creating Accessible Online Content', { state: 'in_progress', submissionId: 'sub_d', credentialUrl: null }),
  entry('ach_revise', 'Facilitating Online Discussions', { state: 'needs_revision', submissionId: 'sub_r', credentialUrl: null }, 0.5),
  entry('ach_new', 'Using Interactive Simulations', null, 6),
];

/** A fake API: the session (or none) and one catalog page. */
function serve(signedIn: boolean, items: MyCatalogEntry[]) {
  const page = MyCatalogPage.parse({ items, total: items.length, page: 1, pageSize: 12, facets: { skills: [], orgs: [], types: [] } });
  stubApi((input) => {
    if (input.startsWith('/api/v1/auth/session')) return signedIn ? json(testSession()) : unauthenticated();
    if (input.startsWith('/api/v1/catalog?')) return json(page);
    return undefined;
  });
}

async function card(name: string) {
  const heading = await screen.findByRole('link', { name }, { timeout: 5000 });
  const li = heading.closest('li');
  if (!li) throw new Error(`no card for ${name}`);
  return within(li);
}

describe('catalog cards', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the signed-in learner's state on each card: Earned links the credential, in-progress work continues, revisions are offered", async () => {
    serve(true, ITEMS);
    renderWithApp(
      <SessionProvider>
        <CatalogPageScreen />
      </SessionProvider>,
      '/catalog',
    );
    const earned = await card('Using the LMS Effectively');
    expect(earned.getByText('Earned')).toBeTruthy();
    expect(earned.getByRole('link', { name: 'View credential: Using the LMS Effectively' }).getAttribute('href')).toBe(
      'http://tessera.test/credentials/abc',
    );
    expect(earned.queryByRole('button', { name: /Start/ })).toBeNull();
    expect(earned.getByText('About 3 hours')).toBeTruthy();

    const draft = await card('Creating Accessible Online Content');
    expect(draft.getByText('In progress')).toBeTruthy();
    expect(draft.getByRole('link', { name: 'Continue: Creating Accessible Online Content' }).getAttribute('href')).toBe(
      '/me/submissions/sub_d',
    );
    expect(draft.queryByText(/^About/)).toBeNull();

    const revise = await card('Facilitating Online Discussions');
    expect(revise.getByText('Needs revision')).toBeTruthy();
    expect(revise.getByRole('link', { name: 'Revise: Facilitating Online Discussions' }).getAttribute('href')).toBe(
      '/me/submissions/sub_r',
    );
    expect(revise.getByText('About half an hour')).toBeTruthy();

    const fresh = await card('Using Interactive Simulations');
    await vi.waitFor(
      () => expect(fresh.getByRole('button', { name: 'Start: Using Interactive Simulations' }).hasAttribute('disabled')).toBe(false),
      { timeout: 5000 },
    );
    expect(fresh.queryByText('Earned')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends a signed-out person to sign in and back to this catalog page when they press Start', async () => {
    serve(false, [ITEMS[3] as MyCatalogEntry]);
    renderWithApp(
      <SessionProvider>
        <CatalogPageScreen />
      </SessionProvider>,
      '/catalog?q=simulations',
    );
    const fresh = await card('Using Interactive Simulations');
    const start = await fresh.findByRole('link', { name: 'Start: Using Interactive Simulations (sign in first)' }, { timeout: 5000 });
    expect(start.getAttribute('href')).toBe(`/signin?next=${encodeURIComponent('/app/catalog?q=simulations')}`);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
