// @vitest-environment jsdom
// The learner's map for a step accepting credentials the organisation recognises: which credential met it and the
// rule it counts under, in words; and the note when the organisation recognises nothing yet.
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubApi } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { PathwayMapPage } from './PathwayMap';

const progress = (step: Record<string, unknown>) => ({
  pathwayId: 'pth_1',
  versionId: 'pthv_1',
  version: 1,
  currentVersion: 1,
  name: 'Online Teaching Certificate',
  description: '',
  issuer: { slug: 'district', name: 'District' },
  completion: { achievementId: 'ach_cert', name: 'Online Teaching Certificate', achievementType: 'Certificate' },
  expiryPolicy: 'keep',
  rootId: 'root',
  groups: [
    {
      id: 'root',
      kind: 'group',
      name: 'All',
      rule: 'all',
      n: null,
      complete: false,
      doneCount: 0,
      needed: 1,
      milestone: null,
      children: ['rec'],
    },
  ],
  steps: [
    {
      id: 'rec',
      kind: 'step',
      label: 'Recognised online-teaching learning',
      status: 'available',
      achievementId: null,
      issuerName: null,
      credits: null,
      satisfiedBy: null,
      waitingFor: [],
      ...step,
    },
  ],
  precedes: [],
  complete: false,
  completionCredentialId: null,
  completionLapsed: false,
  creditsEarned: 0,
  creditsTotal: 0,
  next: [],
});

afterEach(() => vi.unstubAllGlobals());

const show = (body: unknown) => {
  stubApi((input) => (input === '/api/v1/me/pathways/pth_1' ? json(body) : undefined));
  renderWithApp(
    <Routes>
      <Route path="/learn/pathways/:id" element={<PathwayMapPage />} />
    </Routes>,
    '/learn/pathways/pth_1',
  );
};

describe('Pathway map: recognised steps', () => {
  it('names the recognised credential and the rule it counts under', async () => {
    show(
      progress({
        status: 'done',
        credits: 3,
        satisfiedBy: { kind: 'credential', id: 'cred_1' },
        recognisedUnder: {
          ruleId: 'rcr_1',
          achievementName: 'Teaching Online Fundamentals',
          statement: 'Counts as 3 credits toward the Online Teaching requirement at District',
        },
      }),
    );
    expect(
      await screen.findByText(
        'Met by your “Teaching Online Fundamentals” credential, which counts under: Counts as 3 credits toward the Online Teaching requirement at District',
      ),
    ).toBeTruthy();
  });

  it('says when no credentials are recognised yet', async () => {
    show(progress({ note: 'No credentials are recognised yet by District' }));
    expect(await screen.findByText('No credentials are recognised yet by District')).toBeTruthy();
    expect(screen.queryByText(/counts under/)).toBeNull();
  });
});
