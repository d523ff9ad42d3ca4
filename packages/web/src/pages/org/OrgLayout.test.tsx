// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubApi, testOrg } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { OrgLayout } from './OrgLayout';

/** Generous waits: the suite shares a small machine. */
const SLOW = { timeout: 5000 };

function renderAt(route: string, role: 'owner' | 'designer', canAward: boolean) {
  stubApi((path) => {
    if (path.endsWith('/orgs/acme')) return json(testOrg(role));
    if (path.endsWith('/orgs/acme/award-settings')) return json({ canAward });
    return undefined;
  });
  renderWithApp(
    <Routes>
      <Route path="/orgs/:slug" element={<OrgLayout />}>
        <Route path="*" element={<p>page</p>} />
      </Route>
    </Routes>,
    route,
  );
}

/** The awards navigation's links, each with whether it is marked as the current page. */
async function awardLinks(expected: number) {
  const nav = await screen.findByRole('navigation', { name: 'Awards' }, SLOW);
  await vi.waitFor(() => expect(within(nav).getAllByRole('link')).toHaveLength(expected), SLOW);
  return within(nav)
    .getAllByRole('link')
    .map((a) => ({ name: a.textContent, current: a.getAttribute('aria-current') === 'page' }));
}

describe('Organisation awards navigation', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('marks the open page as current, a bulk run’s page as "Bulk award", and no other link', async () => {
    renderAt('/orgs/acme/awards/bulk/blk_1', 'owner', true);
    expect(await awardLinks(3)).toEqual([
      { name: 'Award directly', current: false },
      { name: 'Bulk award', current: true },
      { name: 'API tokens', current: false },
    ]);
  });

  it('marks none on another organisation page', async () => {
    renderAt('/orgs/acme/profile', 'owner', true);
    expect((await awardLinks(3)).filter((l) => l.current)).toEqual([]);
  });

  it('shows only the award links to a role allowed to award that is not the owner', async () => {
    renderAt('/orgs/acme/awards/new', 'designer', true);
    expect(await awardLinks(2)).toEqual([
      { name: 'Award directly', current: true },
      { name: 'Bulk award', current: false },
    ]);
  });
});
