// @vitest-environment jsdom
// Asking for an endorsement of a published pathway: the form lists the organisation's pathways and sends the pathway id.
import { OrgWithRole } from '@tessera/shared';
import { fireEvent, screen } from '@testing-library/react';
import { Outlet, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubApi } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import type { OrgContext } from '../org/OrgLayout';
import { OrgEndorsementsPage } from './OrgEndorsements';

const SLOW = { timeout: 5000 };
afterEach(() => vi.unstubAllGlobals());

const org = OrgWithRole.parse({
  id: 'org_1',
  slug: 'riverside',
  name: 'Riverside',
  url: null,
  email: null,
  description: null,
  image: null,
  address: null,
  brandColor: '#1f5fbf',
  reviewSlaDays: 14,
  doubleScorePercent: 0,
  blindReviews: false,
  suspensionEnabled: false,
  verifiedDomain: null,
  did: 'did:web:tessera.test:orgs:riverside',
  createdAt: '2026-01-01T00:00:00Z',
  role: 'owner',
});
const entry = (pathwayId: string, name: string, slug: string) => ({
  pathwayId,
  name,
  description: '',
  version: 1,
  issuer: { slug, name: slug },
  completion: { name, achievementType: 'Certificate' },
  stepCount: 6,
  creditsTotal: 0,
});

describe('asking for a pathway endorsement', () => {
  it('offers only this organisation’s published pathways, requires one, and sends subjectType pathway with its id', async () => {
    const fetch = stubApi((path, init) => {
      if (path === '/api/v1/orgs/riverside/endorsements' && (!init?.method || init.method === 'GET'))
        return json({ given: [], received: [] });
      if (path === '/api/v1/pathways')
        return json([entry('pth_1', 'Online Teaching Certificate', 'riverside'), entry('pth_9', 'Someone Else’s Pathway', 'elsewhere')]);
      if (path === '/api/v1/orgs/riverside/endorsements/requests')
        return json(
          {
            id: 'end_1',
            endorser: { slug: 'northwind', name: 'Northwind' },
            owner: { slug: 'riverside', name: 'Riverside' },
            subjectType: 'pathway',
            subjectId: 'pth_1',
            subjectName: 'Online Teaching Certificate',
            initiatedBy: 'owner',
            status: 'pending',
            awaiting: 'endorser',
            message: '',
            comment: null,
            credentialUrl: null,
            fromVersion: null,
            createdAt: '2026-02-01T00:00:00.000Z',
            decidedAt: null,
            revokedAt: null,
            revokedReason: null,
          },
          201,
        );
      return undefined;
    });
    const context: OrgContext = { org, setOrg: () => undefined, reload: () => undefined };
    renderWithApp(
      <Routes>
        <Route element={<Outlet context={context} />}>
          <Route path="/orgs/riverside/endorsements" element={<OrgEndorsementsPage />} />
        </Route>
      </Routes>,
      '/orgs/riverside/endorsements',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Ask for an endorsement' }, SLOW));
    fireEvent.change(screen.getByRole('textbox', { name: /Endorsing organisation/ }), { target: { value: 'northwind' } });
    fireEvent.click(screen.getByRole('radio', { name: 'A pathway' }));
    const requests = () => fetch.mock.calls.filter(([p]) => p === '/api/v1/orgs/riverside/endorsements/requests');
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByText('Choose a pathway', undefined, SLOW)).toBeTruthy();
    expect(requests()).toHaveLength(0);
    fireEvent.click(await screen.findByRole('textbox', { name: 'Pathway' }, SLOW));
    expect(screen.queryByRole('option', { name: /Someone Else’s Pathway/, hidden: true })).toBeNull();
    fireEvent.click(await screen.findByRole('option', { name: 'Online Teaching Certificate (v1)', hidden: true }, SLOW));
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await vi.waitFor(() => expect(requests()).toHaveLength(1), SLOW);
    expect(JSON.parse(String(requests()[0]?.[1]?.body))).toEqual({
      endorserSlug: 'northwind',
      subjectType: 'pathway',
      subjectId: 'pth_1',
      message: '',
    });
  });
});
