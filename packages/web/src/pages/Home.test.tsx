// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { HomeDashboard } from '@tessera/shared';
import type { z } from 'zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider, useSession } from '../lib/session';
import { json, stubApi, testSession } from '../test/fake-api';
import { renderWithApp } from '../test/render';
import { HomePage } from './Home';

type Home = z.input<typeof HomeDashboard>;

const EMPTY_LEARNER = { inProgress: [], feedbackWaiting: [], earned: [], earnedTotal: 0, nextSteps: [] };
const SUGGESTION = {
  achievementId: 'ach_sim',
  name: 'Using Interactive Simulations',
  issuerName: 'Riverside School District',
  description: 'Simulations in class.',
  imageUrl: '/media/a.svg',
  effortHours: 4,
};

function serve(home: Home, memberships: Parameters<typeof testSession>[0] = []) {
  const parsed = HomeDashboard.parse(home);
  stubApi((input) => {
    if (input.startsWith('/api/v1/auth/session')) return json(testSession(memberships));
    if (input === '/api/v1/me/home') return json(parsed);
    return undefined;
  });
  renderWithApp(
    <SessionProvider>
      <SignedIn />
    </SessionProvider>,
  );
}

/** HomePage expects a session; the real app renders it behind RequireAuth. */
function SignedIn() {
  const { state } = useSession();
  return state.status === 'signed-in' ? <HomePage /> : null;
}

describe('home', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('welcomes a brand-new learner with the catalog and the verifier, not with "create an organisation"', async () => {
    serve({ sections: ['learner'], learner: { ...EMPTY_LEARNER, nextSteps: [SUGGESTION] }, assessor: [], overviews: [] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Alex' }, { timeout: 5000 })).toBeTruthy();
    expect((await screen.findByRole('link', { name: 'Browse the catalog' }, { timeout: 5000 })).getAttribute('href')).toBe('/catalog');
    expect(screen.getByRole('link', { name: 'Verify a credential' }).getAttribute('href')).toBe('/verify');
    expect(screen.queryByText(/not in any organisation/i)).toBeNull();
    expect(screen.queryByRole('button', { name: /create organisation/i })).toBeNull();
    const suggestions = within(screen.getByRole('list', { name: 'Suggested micro-credentials' }));
    expect(suggestions.getByRole('link', { name: 'Using Interactive Simulations' }).getAttribute('href')).toBe('/catalog/ach_sim');
    expect(suggestions.getByText(/About 4 hours/)).toBeTruthy();
  });

  it("shows the learner's feedback, progress and credentials with links to each", async () => {
    serve({
      sections: ['learner'],
      learner: {
        inProgress: [
          {
            submissionId: 'sub_d',
            achievementId: 'ach_d',
            name: 'Creating Accessible Online Content',
            issuerName: 'Riverside',
            state: 'draft',
            attempt: 0,
            evidenceDone: 1,
            evidenceRequired: 3,
            updatedAt: '2026-03-01T00:00:00.000Z',
          },
        ],
        feedbackWaiting: [
          {
            submissionId: 'sub_r',
            achievementId: 'ach_r',
            name: 'Facilitating Online Discussions',
            issuerName: 'Riverside',
            state: 'needs_revision',
            attempt: 1,
            evidenceDone: 3,
            evidenceRequired: 3,
            updatedAt: '2026-03-02T00:00:00.000Z',
          },
        ],
        earned: [
          {
            id: 'urn:x',
            achievementName: 'Using the LMS Effectively',
            issuerName: 'Riverside',
            issuedAt: '2026-01-20T00:00:00.000Z',
            status: 'active',
            pageUrl: 'http://tessera.test/credentials/abc',
          },
        ],
        earnedTotal: 2,
        nextSteps: [],
      },
      assessor: [],
      overviews: [],
    });
    const inProgress = within(await screen.findByRole('list', { name: 'In progress' }, { timeout: 5000 }));
    expect(inProgress.getByText('1 of 3 required evidence items')).toBeTruthy();
    expect(inProgress.getByRole('progressbar', { name: '1 of 3 required evidence items' })).toBeTruthy();
    expect(inProgress.getByRole('link', { name: 'Continue: Creating Accessible Online Content' }).getAttribute('href')).toBe(
      '/me/submissions/sub_d',
    );
    const feedback = within(screen.getByRole('list', { name: 'Feedback waiting' }));
    expect(feedback.getByRole('link', { name: 'Revise: Facilitating Online Discussions' }).getAttribute('href')).toBe(
      '/me/submissions/sub_r',
    );
    const earned = within(screen.getByRole('list', { name: 'Earned credentials' }));
    expect(earned.getByRole('link', { name: 'Using the LMS Effectively' }).getAttribute('href')).toBe(
      'http://tessera.test/credentials/abc',
    );
    expect(screen.getByRole('link', { name: 'All my credentials (2)' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Browse the catalog' })).toBeNull();
  });

  it('shows the sections in the order the server ranks them, with the queue summary and Start next', async () => {
    serve(
      {
        sections: ['assessor', 'learner'],
        learner: EMPTY_LEARNER,
        assessor: [
          {
            org: { slug: 'riverside', name: 'Riverside School District' },
            waiting: 2,
            claimedByMe: 0,
            overdue: 1,
            slaDays: 14,
            oldestWaitingDays: 21,
          },
        ],
        overviews: [],
      },
      [{ org: { id: 'org_1', slug: 'riverside', name: 'Riverside School District' }, role: 'assessor' }],
    );
    await screen.findByRole('heading', { level: 2, name: 'Reviewing' }, { timeout: 5000 });
    const order = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(order.slice(0, 2)).toEqual(['Reviewing', 'Your learning']);
    const queue = within(screen.getByRole('list', { name: 'Review queue of Riverside School District' }));
    expect(queue.getByText('Overdue').closest('li')?.textContent).toContain('1');
    expect(screen.getByRole('button', { name: 'Start next review in Riverside School District' }).hasAttribute('disabled')).toBe(false);
  });
});
