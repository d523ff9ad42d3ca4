// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { StoredAchievementContent } from '@tessera/shared';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../lib/session';
import { json, stubApi, testSession, unauthenticated } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { ProgressAction } from '../learn/CatalogCard';
import { PublicPathwayPage } from './PublicPathway';

const PATHWAY = {
  pathwayId: 'pth_1',
  version: 2,
  name: 'Online Teaching Certificate',
  description: 'Stack six micro-credentials.',
  issuer: { slug: 'riverside', name: 'Riverside School District' },
  completion: { achievementId: 'ach_cert', name: 'Online Teaching Certificate', achievementType: 'Certificate' },
  expiryPolicy: 'keep',
  rootId: 'root',
  groups: [
    { id: 'root', name: 'All of it', rule: 'all', n: null, needed: 2, milestoneName: null, children: ['core', 'ext'] },
    { id: 'core', name: 'Core', rule: 'atLeast', n: 1, needed: 1, milestoneName: 'Core badge', children: ['lms'] },
  ],
  steps: [
    { id: 'lms', label: 'Using the LMS', achievementId: 'ach_lms', issuerName: 'Riverside School District', credits: 1, after: [] },
    { id: 'ext', label: 'Data literacy', achievementId: null, issuerName: null, credits: null, after: ['Using the LMS'] },
  ],
  creditsTotal: 1,
};

const serve = (signedIn: boolean) =>
  stubApi((input) => {
    if (input.startsWith('/api/v1/auth/session')) return signedIn ? json(testSession()) : unauthenticated();
    if (input === '/api/v1/pathways/pth_1') return json(PATHWAY);
    return undefined;
  });

const show = () =>
  renderWithApp(
    <SessionProvider>
      <Routes>
        <Route path="/catalog/pathways/:id" element={<PublicPathwayPage />} />
      </Routes>
    </SessionProvider>,
    '/catalog/pathways/pth_1',
  );

afterEach(() => vi.unstubAllGlobals());

describe('Public pathway page', () => {
  it('shows a signed-out visitor the structure, issuer, what it leads to, and a sign-in call to action', async () => {
    serve(false);
    show();
    const structure = await screen.findByRole('list', { name: 'Structure of Online Teaching Certificate' });
    const core = within(structure).getByRole('list', { name: 'Core' });
    expect(within(core).getByRole('link', { name: 'Using the LMS' }).getAttribute('href')).toBe('/catalog/ach_lms');
    expect(within(structure).getByText('After: Using the LMS')).toBeTruthy();
    expect(screen.getByText('Milestone: Core badge')).toBeTruthy();
    expect(screen.getByText('Riverside School District', { selector: 'strong' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Online Teaching Certificate' }).getAttribute('href')).toBe('/catalog/ach_cert');
    const cta = await screen.findByRole('link', { name: 'Sign in to track your progress' });
    expect(cta.getAttribute('href')).toBe(`/signin?${new URLSearchParams({ next: '/app/learn/pathways/pth_1' }).toString()}`);
  });

  it('offers a signed-in learner their progress instead', async () => {
    serve(true);
    show();
    const link = await screen.findByRole('link', { name: 'See your progress' }, { timeout: 5000 });
    expect(link.getAttribute('href')).toBe('/learn/pathways/pth_1');
    expect(screen.queryByRole('link', { name: 'Sign in to track your progress' })).toBeNull();
  });
});

describe('A catalog entry awarded by a pathway', () => {
  it('says it is earned by completing the pathway and links to it, with no Start button', async () => {
    serve(false);
    renderWithApp(
      <SessionProvider>
        <ProgressAction
          entry={{
            achievementId: 'ach_cert',
            status: 'published',
            mine: null,
            content: StoredAchievementContent.parse({ name: 'Online Teaching Certificate', description: 'A certificate.' }),
            awardedByPathway: { pathwayId: 'pth_1', name: 'Online Teaching Path' },
          }}
        />
      </SessionProvider>,
      '/catalog',
    );
    const link = await screen.findByRole('link', { name: 'Online Teaching Path' });
    expect(link.getAttribute('href')).toBe('/catalog/pathways/pth_1');
    expect(link.parentElement?.textContent).toBe('Earned by completing the pathway Online Teaching Path');
    expect(screen.queryByRole('button', { name: /Start/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /Start/ })).toBeNull();
  });
});
