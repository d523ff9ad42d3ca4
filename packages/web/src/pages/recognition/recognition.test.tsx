// @vitest-environment jsdom
import { OrgWithRole } from '@tessera/shared';
import { fireEvent, screen } from '@testing-library/react';
import { Outlet, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubApi } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import type { OrgContext } from '../org/OrgLayout';
import { OrgEndorsementsPage } from './OrgEndorsements';
import { WhereThisCountsPanel } from './WhereThisCounts';

/** Generous waits: the suite shares a small machine. */
const SLOW = { timeout: 5000 };

afterEach(() => vi.unstubAllGlobals());

const rule = {
  ruleId: 'rcr_1',
  org: { slug: 'state-education', name: 'State Department of Education' },
  kind: 'hours',
  statement: 'Counts as 15 hours of licence renewal at State Department of Education',
  rationale: 'Meets the standard.',
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil: null,
  credentialUrl: 'http://tessera.test/recognition/rules/rcr_1',
};

describe('where this counts', () => {
  it('lists the recognising organisation and sends the chosen credentials, showing the verdict', async () => {
    const fetch = stubApi((path, init) => {
      if (path === '/api/v1/me/where-this-counts')
        return json([
          {
            credentialId: 'http://tessera.test/credentials/c1',
            achievementId: 'ach_1',
            achievementName: 'Online Discussions',
            rules: [rule],
          },
        ]);
      if (path === '/api/v1/me/recognition-records' && init?.method === 'POST')
        return json(
          {
            id: 'rcd_1',
            org: rule.org,
            learner: { id: 'acc_1', name: 'Alex Kim', email: 'alex@example.test' },
            message: '',
            createdAt: '2026-02-01T00:00:00.000Z',
            items: [
              {
                credentialId: 'http://tessera.test/credentials/c1',
                credentialUrl: 'http://tessera.test/credentials/c1',
                achievementName: 'Online Discussions',
                ruleId: 'rcr_1',
                statement: rule.statement,
                sentVerdict: 'valid',
                verdict: 'valid',
                checkedAt: '2026-02-01T00:00:00.000Z',
              },
            ],
          },
          201,
        );
      return undefined;
    });
    renderWithApp(<WhereThisCountsPanel />);
    expect(await screen.findByRole('heading', { name: 'State Department of Education' }, SLOW)).toBeTruthy();
    const box = screen.getByRole('checkbox', { name: `Online Discussions: ${rule.statement}` });
    expect((box as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Send record to State Department of Education' }));
    expect(await screen.findByText('Sent to State Department of Education', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText(/Verified: Valid/)).toBeTruthy();
    const post = fetch.mock.calls.find(([p, i]) => p === '/api/v1/me/recognition-records' && i?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      orgSlug: 'state-education',
      credentialIds: ['http://tessera.test/credentials/c1'],
      message: '',
    });
  });
});

const org = (role: 'owner' | 'viewer') =>
  OrgWithRole.parse({
    id: 'org_2',
    slug: 'northwind',
    name: 'Northwind',
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
    did: 'did:web:tessera.test:orgs:northwind',
    createdAt: '2026-01-01T00:00:00Z',
    role,
  });

const pending = {
  id: 'end_1',
  endorser: { slug: 'northwind', name: 'Northwind' },
  owner: { slug: 'riverside', name: 'Riverside' },
  subjectType: 'achievement',
  subjectId: 'ach_1',
  subjectName: 'Online Discussions',
  initiatedBy: 'owner',
  status: 'pending',
  awaiting: 'endorser',
  message: 'Would you endorse this?',
  comment: null,
  credentialUrl: null,
  fromVersion: null,
  createdAt: '2026-02-01T00:00:00.000Z',
  decidedAt: null,
  revokedAt: null,
  revokedReason: null,
};

function renderEndorsements(role: 'owner' | 'viewer') {
  const context: OrgContext = { org: org(role), setOrg: () => undefined, reload: () => undefined };
  renderWithApp(
    <Routes>
      <Route element={<Outlet context={context} />}>
        <Route path="/orgs/northwind/endorsements" element={<OrgEndorsementsPage />} />
      </Route>
    </Routes>,
    '/orgs/northwind/endorsements',
  );
}

describe('endorsements screen', () => {
  it('lets the endorser’s owner endorse a request with a comment, and shows the server’s field error', async () => {
    let attempts = 0;
    const fetch = stubApi((path, init) => {
      if (path === '/api/v1/orgs/northwind/endorsements') return json({ given: [pending], received: [] });
      if (path === '/api/v1/orgs/northwind/endorsements/end_1/accept') {
        attempts += 1;
        if (attempts === 1)
          return json(
            {
              type: 'about:blank',
              title: 'Invalid',
              status: 400,
              code: 'validation_failed',
              errors: [{ path: 'comment', message: 'Write the endorsement' }],
            },
            400,
          );
        return json({ ...pending, status: 'accepted', awaiting: null, comment: JSON.parse(String(init?.body))['comment'] });
      }
      return undefined;
    });
    renderEndorsements('owner');
    const accept = await screen.findByRole('button', { name: 'Endorse and sign' }, SLOW);
    fireEvent.click(accept);
    expect(await screen.findByText('Write the endorsement', undefined, SLOW)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Your endorsement'), { target: { value: 'We hire people who hold this.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Endorse and sign' }));
    await vi.waitFor(() => expect(attempts).toBe(2), SLOW);
    const last = fetch.mock.calls.filter(([p]) => p === '/api/v1/orgs/northwind/endorsements/end_1/accept').at(-1);
    expect(JSON.parse(String(last?.[1]?.body))).toEqual({ comment: 'We hire people who hold this.' });
  });

  it('shows no accept or offer buttons to a viewer', async () => {
    stubApi((path) => (path === '/api/v1/orgs/northwind/endorsements' ? json({ given: [pending], received: [] }) : undefined));
    renderEndorsements('viewer');
    expect(await screen.findByText('“Would you endorse this?”', undefined, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Endorse and sign' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ask for an endorsement' })).toBeNull();
  });
});
