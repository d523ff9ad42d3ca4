// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubApi } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { AchievementReviews } from './AchievementReviews';
import { ReviewInvitationPage } from './ReviewInvitation';

/** Generous waits: the suite shares a small machine. */
const SLOW = { timeout: 5000 };

afterEach(() => vi.unstubAllGlobals());

const invitation = (over: Record<string, unknown> = {}) => ({
  id: 'rvi_1',
  org: { slug: 'riverside', name: 'Riverside' },
  achievementId: 'ach_1',
  achievementName: 'Designing Rubrics Online',
  email: 'hr@employer.test',
  reviewerOrgName: 'Employer Co',
  reviewerName: 'Hana',
  status: 'pending',
  decisionNote: null,
  createdAt: '2026-02-01T00:00:00.000Z',
  decidedAt: null,
  comments: [],
  ...over,
});

const draft = {
  invitation: invitation(),
  sections: {
    description: { name: 'Designing Rubrics Online', description: 'Build rubrics.', learningGoal: 'Rubrics', competency: '' },
    criteria: { narrative: 'Show a rubric.', evidence: ['Upload a rubric'] },
    rubric: [
      {
        name: 'Clarity',
        levels: [
          { name: 'Emerging', description: 'Vague', points: 1 },
          { name: 'Proficient', description: 'Clear', points: 3 },
        ],
      },
    ],
    alignments: [{ name: 'Assessment literacy', url: null }],
  },
};

describe('co-design review', () => {
  it('shows the invited reviewer the draft by section, posts a comment on the rubric, then approves', async () => {
    const fetch = stubApi((path) => {
      if (path === '/api/v1/review-invitations/rvi_1') return json(draft);
      if (path === '/api/v1/review-invitations/rvi_1/comments')
        return json(
          invitation({
            comments: [
              { id: 'rvc_1', section: 'rubric', body: 'Add an example.', authorName: 'Hana', createdAt: '2026-02-02T00:00:00.000Z' },
            ],
          }),
          201,
        );
      if (path === '/api/v1/review-invitations/rvi_1/decision') return json(invitation({ status: 'approved', comments: [] }));
      return undefined;
    });
    renderWithApp(
      <Routes>
        <Route path="/review-invitations/:id" element={<ReviewInvitationPage />} />
      </Routes>,
      '/review-invitations/rvi_1',
    );
    expect(await screen.findByRole('heading', { name: 'Rubric' }, SLOW)).toBeTruthy();
    expect(screen.getByRole('table')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Comment on rubric'), { target: { value: 'Add an example.' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Add comment' })[2] as HTMLElement);
    expect(await screen.findByText('Add an example.', undefined, SLOW)).toBeTruthy();
    const post = fetch.mock.calls.find(([p]) => p === '/api/v1/review-invitations/rvi_1/comments');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ section: 'rubric', body: 'Add an example.' });
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('You approved it', undefined, SLOW)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Approve' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('tells someone who is not the invited reviewer that the invitation is not theirs', async () => {
    stubApi((path) =>
      path === '/api/v1/review-invitations/rvi_1'
        ? json({ type: 'about:blank', title: 'Forbidden', status: 403, code: 'invitation_email_mismatch' }, 403)
        : undefined,
    );
    renderWithApp(
      <Routes>
        <Route path="/review-invitations/:id" element={<ReviewInvitationPage />} />
      </Routes>,
      '/review-invitations/rvi_1',
    );
    expect(await screen.findByText('This review invitation is not for this account', undefined, SLOW)).toBeTruthy();
  });

  it('asks the invited reviewer to verify their address first, with the server’s instructions', async () => {
    const detail = 'Verify your email address (hr@employer.test) to open this review: follow the link in the verification email.';
    stubApi((path) =>
      path === '/api/v1/review-invitations/rvi_1'
        ? json({ type: 'about:blank', title: 'Forbidden', status: 403, code: 'forbidden', detail }, 403)
        : undefined,
    );
    renderWithApp(
      <Routes>
        <Route path="/review-invitations/:id" element={<ReviewInvitationPage />} />
      </Routes>,
      '/review-invitations/rvi_1',
    );
    expect(await screen.findByText('Verify your email address to open this review', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText(detail)).toBeTruthy();
  });

  it('shows the designer each reviewer’s comments by section in the editor', async () => {
    stubApi((path) =>
      path === '/api/v1/orgs/riverside/achievements/ach_1/reviews'
        ? json([
            invitation({
              status: 'changes_requested',
              comments: [
                { id: 'rvc_1', section: 'criteria', body: 'Too vague.', authorName: 'Hana', createdAt: '2026-02-02T00:00:00.000Z' },
              ],
            }),
          ])
        : undefined,
    );
    renderWithApp(<AchievementReviews slug="riverside" achievementId="ach_1" canInvite />);
    expect(await screen.findByText('Too vague.', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText('Criteria:')).toBeTruthy();
    expect(screen.getByText('Changes requested')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Invite reviewer' })).toBeTruthy();
  });
});
