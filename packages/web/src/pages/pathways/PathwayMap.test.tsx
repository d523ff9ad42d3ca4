// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubApi } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { PathwayMapPage } from './PathwayMap';

const step = (id: string, label: string, status: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'step',
  label,
  status,
  achievementId: `ach_${id}`,
  issuerName: 'Riverside',
  credits: null,
  satisfiedBy: status === 'done' ? { kind: 'credential', id: `cred_${id}` } : null,
  waitingFor: [],
  ...extra,
});
const progress = (complete: boolean) => ({
  pathwayId: 'pth_1',
  versionId: 'pthv_1',
  version: 1,
  currentVersion: 1,
  name: 'Online Teaching Certificate',
  description: '',
  issuer: { slug: 'riverside', name: 'Riverside' },
  completion: { achievementId: 'ach_cert', name: 'Online Teaching Certificate', achievementType: 'Certificate' },
  expiryPolicy: 'keep',
  rootId: 'root',
  groups: [
    {
      id: 'root',
      kind: 'group',
      name: 'All of it',
      rule: 'all',
      n: null,
      complete,
      doneCount: 1,
      needed: 2,
      milestone: null,
      children: ['core', 'c'],
    },
    {
      id: 'core',
      kind: 'group',
      name: 'Core',
      rule: 'atLeast',
      n: 1,
      complete: true,
      doneCount: 1,
      needed: 1,
      milestone: null,
      children: ['a', 'b'],
    },
  ],
  steps: [
    step('a', 'LMS', 'done'),
    step('b', 'Assessments', 'in_progress'),
    step('c', 'Video', complete ? 'done' : 'locked', complete ? {} : { waitingFor: ['Accessible content'] }),
  ],
  precedes: [],
  complete,
  completionCredentialId: complete ? 'cred_cert' : null,
  completionLapsed: false,
  creditsEarned: 0,
  creditsTotal: 0,
  next: complete ? [] : ['b'],
});

afterEach(() => vi.unstubAllGlobals());

const show = () =>
  renderWithApp(
    <Routes>
      <Route path="/learn/pathways/:id" element={<PathwayMapPage />} />
    </Routes>,
    '/learn/pathways/pth_1',
  );

describe('Pathway map', () => {
  it('shows a nested list with each status in words, what is next and what a locked step waits for', async () => {
    stubApi((input) => (input === '/api/v1/me/pathways/pth_1' ? json(progress(false)) : undefined));
    show();
    const map = await screen.findByRole('list', { name: 'Progress map of Online Teaching Certificate' });
    const core = within(map).getByRole('list', { name: 'Core' });
    expect(
      within(core)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringMatching(/Done.*LMS/), expect.stringMatching(/In progress.*Assessments/)]);
    expect(within(map).getByText('First earn: Accessible content')).toBeTruthy();
    expect(screen.getByText(/What’s next:/).parentElement?.textContent).toContain('Assessments');
    expect(screen.getByText('1 of 3 steps done')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Download signed record (CLR 2.0)' })).toBeNull();
  });

  it('offers the signed record once the pathway is complete', async () => {
    stubApi((input) => (input === '/api/v1/me/pathways/pth_1' ? json(progress(true)) : undefined));
    show();
    await screen.findByRole('button', { name: 'Download signed record (CLR 2.0)' });
    expect(screen.getByText('You hold “Online Teaching Certificate”.')).toBeTruthy();
  });

  it('says which version the learner is on, what changed, and which part lapsed', async () => {
    const base = progress(true);
    const lapsedMap = {
      ...base,
      version: 1,
      currentVersion: 2,
      versionChanges: ['Added: Accessible content'],
      completionLapsed: true,
      steps: [
        step('a', 'LMS', 'done'),
        step('b', 'Assessments', 'available', { lapsed: { credentialId: 'cred_b', status: 'revoked' } }),
        step('c', 'Video', 'done'),
      ],
    };
    stubApi((input) => (input === '/api/v1/me/pathways/pth_1' ? json(lapsedMap) : undefined));
    show();
    await screen.findByText('You are on version 1; version 2 is current');
    const changes = screen.getByRole('list', { name: 'What changed in the current version' });
    expect(changes.textContent).toBe('Added: Accessible content');
    expect(screen.getByText(/Your credential for this step was revoked and no longer counts: earn it again from the catalog/)).toBeTruthy();
    expect(screen.getByText(/You keep “Online Teaching Certificate”.*Earn again: Assessments\./)).toBeTruthy();
  });

  it('moves to the current version after confirming, then shows the refreshed map', async () => {
    const onV1 = {
      ...progress(false),
      version: 1,
      currentVersion: 2,
      versionChanges: ['Added: Accessible content', 'Removed: Video'],
    };
    const onV2 = { ...progress(false), versionId: 'pthv_2', version: 2, currentVersion: 2, versionChanges: [] };
    let moved = false;
    const fetch = stubApi((input, init) => {
      if (input === '/api/v1/me/pathways/pth_1/move' && init?.method === 'POST') {
        moved = true;
        return json({ fromVersion: 1, version: 2, completed: false, progress: onV2 });
      }
      if (input === '/api/v1/me/pathways/pth_1') return json(moved ? onV2 : onV1);
      return undefined;
    });
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: 'Move to version 2' }));
    const dialog = await screen.findByRole('dialog', { name: 'Move to version 2?' });
    expect(within(dialog).getByRole('list', { name: 'What changes in version 2' }).textContent).toBe(
      'Added: Accessible contentRemoved: Video',
    );
    // Staying puts nothing to the server.
    await user.click(within(dialog).getByRole('button', { name: 'Stay on version 1' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fetch.mock.calls.some(([path]) => String(path).endsWith('/move'))).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Move to version 2' }));
    const confirm = await screen.findByRole('dialog', { name: 'Move to version 2?' });
    await user.click(within(confirm).getByRole('button', { name: 'Move to version 2' }));
    await waitFor(() => expect(screen.queryByText('You are on version 1; version 2 is current')).toBeNull());
    expect((await screen.findByText('You moved to version 2.')).getAttribute('role')).toBe('status');
    expect(screen.queryByRole('button', { name: 'Move to version 2' })).toBeNull();
    expect(fetch.mock.calls.filter(([path]) => path === '/api/v1/me/pathways/pth_1/move')).toHaveLength(1);
  });

  it('offers no move to a learner who completed an older version (it is kept)', async () => {
    stubApi((input) => (input === '/api/v1/me/pathways/pth_1' ? json({ ...progress(true), version: 1, currentVersion: 2 }) : undefined));
    show();
    await screen.findByText('You are on version 1; version 2 is current');
    expect(screen.queryByRole('button', { name: 'Move to version 2' })).toBeNull();
  });
});
