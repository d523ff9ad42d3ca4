// @vitest-environment jsdom
// Withdrawing a rule asks for the reason in a labelled, validated dialog (never a browser prompt).
import { OrgWithRole } from '@tessera/shared';
import { fireEvent, screen, within } from '@testing-library/react';
import { Outlet, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubApi } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import type { OrgContext } from '../org/OrgLayout';
import { OrgRecognitionPage } from './OrgRecognition';

const SLOW = { timeout: 5000 };
afterEach(() => vi.unstubAllGlobals());

const STATEMENT = 'Counts as 15 hours of licence renewal at State Department of Education';
const rule = {
  id: 'rcr_1',
  org: { slug: 'state-education', name: 'State Department of Education' },
  achievement: { id: 'ach_1', name: 'Online Discussions', issuer: { slug: 'riverside', name: 'Riverside' } },
  kind: 'hours',
  amount: 15,
  unit: 'hours',
  target: 'licence renewal',
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil: null,
  reviewer: null,
  rationale: 'Meets the standard.',
  status: 'published',
  statement: STATEMENT,
  credentialUrl: 'http://tessera.test/recognition/rules/rcr_1',
  publishedAt: '2026-01-02T00:00:00.000Z',
  withdrawnAt: null,
  withdrawnReason: null,
};

const org = OrgWithRole.parse({
  id: 'org_3',
  slug: 'state-education',
  name: 'State Department of Education',
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
  did: 'did:web:tessera.test:orgs:state-education',
  createdAt: '2026-01-01T00:00:00Z',
  role: 'owner',
});

describe('withdrawing a rule', () => {
  it('asks for a reason in a labelled dialog, refuses an empty one, then sends it', async () => {
    const prompt = vi.fn();
    vi.stubGlobal('prompt', prompt);
    const fetch = stubApi((path, init) => {
      if (path === '/api/v1/orgs/state-education/recognition/rules') return json([rule]);
      if (path === '/api/v1/orgs/state-education/recognition/records') return json([]);
      if (path === '/api/v1/orgs/state-education/recognition/rules/rcr_1/withdraw' && init?.method === 'POST')
        return json({ ...rule, status: 'withdrawn', withdrawnReason: JSON.parse(String(init.body))['reason'] });
      return undefined;
    });
    const context: OrgContext = { org, setOrg: () => undefined, reload: () => undefined };
    renderWithApp(
      <Routes>
        <Route element={<Outlet context={context} />}>
          <Route path="/orgs/state-education/recognition" element={<OrgRecognitionPage />} />
        </Route>
      </Routes>,
      '/orgs/state-education/recognition',
    );
    fireEvent.click(await screen.findByRole('button', { name: `Withdraw ${STATEMENT}` }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Withdraw this rule?' }, SLOW);
    const reason = within(dialog).getByRole('textbox', { name: /Reason for withdrawing/ });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Withdraw rule' }));
    expect(await within(dialog).findByText('Give a reason', undefined, SLOW)).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    const withdrawCalls = () => fetch.mock.calls.filter(([p]) => String(p).endsWith('/rcr_1/withdraw'));
    expect(withdrawCalls()).toHaveLength(0);
    fireEvent.change(reason, { target: { value: 'Superseded by the 2027 rule.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Withdraw rule' }));
    await vi.waitFor(() => expect(withdrawCalls()).toHaveLength(1), SLOW);
    expect(JSON.parse(String(withdrawCalls()[0]?.[1]?.body))).toEqual({ reason: 'Superseded by the 2027 rule.' });
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);
    expect(prompt).not.toHaveBeenCalled();
  });
});
