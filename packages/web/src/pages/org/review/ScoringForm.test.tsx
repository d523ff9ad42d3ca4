// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AssessorSubmission } from '@tessera/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { ScoringForm } from './ScoringForm';
import { validateReview } from './review-validation';

const levels = [
  { id: 'l1', name: 'Beginning', description: 'Not yet evident', points: 1 },
  { id: 'l2', name: 'Developing', description: 'Partly evident', points: 2 },
  { id: 'l3', name: 'Proficient', description: 'Consistently evident', points: 3 },
];

/** A submission claimed by the caller, parsed by the real contract. */
const submission = AssessorSubmission.parse({
  id: 'sub_1',
  learnerLabel: 'Learner 4F2A',
  achievement: {
    name: 'Facilitating Online Discussions',
    evidenceRequirements: [{ id: 'plan', prompt: 'Your plan', kinds: ['text'], criterionIds: ['c1'] }],
    rubric: {
      criteria: [
        { id: 'c1', name: 'Prompt design', levels, requiredLevelId: 'l2' },
        { id: 'c2', name: 'Facilitation', levels, requiredLevelId: 'l2' },
      ],
    },
  },
  version: 1,
  state: 'in_review',
  attempt: 1,
  evidence: [],
  reviews: [],
  openCriterionIds: [],
  doubleScored: false,
  claim: { mine: true, expiresAt: '2026-01-16T10:00:00.000Z' },
  canClaim: false,
  canReview: true,
  canSettle: false,
});
const criteria = submission.achievement.rubric.criteria;

/** The radios of one criterion's level group. */
const levelsOf = (criterion: string) => within(screen.getByRole('radiogroup', { name: `Level for ${criterion}` }));

describe('validateReview', () => {
  it('names the criterion in every message, in page order', () => {
    const errors = validateReview(
      { scores: criteria.map((c) => ({ criterionId: c.id, levelId: '', feedback: ' ' })), overallFeedback: '', decision: '' },
      criteria,
    );
    expect(Object.entries(errors)).toEqual([
      ['scores.0.levelId', 'Choose a level for ‘Prompt design’'],
      ['scores.0.feedback', 'Write feedback for ‘Prompt design’'],
      ['scores.1.levelId', 'Choose a level for ‘Facilitation’'],
      ['scores.1.feedback', 'Write feedback for ‘Facilitation’'],
      ['decision', 'Choose pass or ask for a revision'],
    ]);
  });

  it('refuses a pass below the required level and a revision when everything is met, naming the criterion', () => {
    const scores = [
      { criterionId: 'c1', levelId: 'l1', feedback: 'thin' },
      { criterionId: 'c2', levelId: 'l3', feedback: 'good' },
    ];
    expect(validateReview({ scores, overallFeedback: '', decision: 'pass' }, criteria)['decision']).toContain(
      '‘Prompt design’ is below it',
    );
    const met = scores.map((s) => ({ ...s, levelId: 'l2' }));
    expect(validateReview({ scores: met, overallFeedback: '', decision: 'needs_revision' }, criteria)['decision']).toMatch(
      /^Every criterion is at its required level/,
    );
    expect(validateReview({ scores: met, overallFeedback: '', decision: 'pass' }, criteria)).toEqual({});
  });
});

describe('ScoringForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows plain messages beside the fields and at the top, and moves focus to the first problem', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<ScoringForm s={submission} mode="review" orgSlug="riverside" onDone={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Feedback on Prompt design'), { target: { value: 'Clear prompts' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit review' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('4 things to fix before sending');
    for (const m of [
      'Choose a level for ‘Prompt design’',
      'Choose a level for ‘Facilitation’',
      'Write feedback for ‘Facilitation’',
      'Choose pass or ask for a revision',
    ]) {
      // Once in the summary and once beside its field.
      expect(screen.getAllByText(m)).toHaveLength(2);
    }
    expect(screen.queryByText(/Write feedback for ‘Prompt design’/)).toBeNull();
    expect(document.body.textContent).not.toMatch(/Too small|Invalid option|expected/);
    await waitFor(() => expect(document.activeElement).toBe(levelsOf('Prompt design').getByRole('radio', { name: /^Beginning/ })));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('clears a message once its field is fixed, and sends the review when everything is answered', async () => {
    const fetch = vi.fn(async () => json({ ...submission, state: 'passed', canReview: false }));
    vi.stubGlobal('fetch', fetch);
    const onDone = vi.fn();
    renderWithApp(<ScoringForm s={submission} mode="review" orgSlug="riverside" onDone={onDone} />);
    fireEvent.click(screen.getByRole('button', { name: 'Submit review' }));
    await screen.findByRole('alert');
    fireEvent.click(levelsOf('Prompt design').getByRole('radio', { name: /^Proficient/ }));
    expect(screen.queryAllByText('Choose a level for ‘Prompt design’')).toHaveLength(0);
    fireEvent.click(levelsOf('Facilitation').getByRole('radio', { name: /^Developing/ }));
    fireEvent.change(screen.getByLabelText('Feedback on Prompt design'), { target: { value: 'Clear prompts' } });
    fireEvent.change(screen.getByLabelText('Feedback on Facilitation'), { target: { value: 'Keeps it going' } });
    fireEvent.click(screen.getByRole('radio', { name: /^Pass/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit review' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ state: 'passed' })));
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/orgs/riverside/submissions/sub_1/reviews');
    expect(JSON.parse(String(init.body))).toEqual({
      scores: [
        { criterionId: 'c1', levelId: 'l3', feedback: 'Clear prompts' },
        { criterionId: 'c2', levelId: 'l2', feedback: 'Keeps it going' },
      ],
      overallFeedback: '',
      decision: 'pass',
    });
  });

  it("shows the server's field errors the same way", async () => {
    const problem = {
      type: 'about:blank',
      title: 'Invalid',
      status: 400,
      code: 'validation_failed',
      detail: 'A pass needs every criterion at its required level',
      errors: [{ path: 'decision', message: 'Some criteria are below the required level' }],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(problem), { status: 400, headers: { 'content-type': 'application/problem+json' } })),
    );
    renderWithApp(<ScoringForm s={submission} mode="review" orgSlug="riverside" onDone={() => undefined} />);
    fireEvent.click(levelsOf('Prompt design').getByRole('radio', { name: /^Developing/ }));
    fireEvent.click(levelsOf('Facilitation').getByRole('radio', { name: /^Developing/ }));
    fireEvent.change(screen.getByLabelText('Feedback on Prompt design'), { target: { value: 'ok' } });
    fireEvent.change(screen.getByLabelText('Feedback on Facilitation'), { target: { value: 'ok' } });
    fireEvent.click(screen.getByRole('radio', { name: /^Pass/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit review' }));
    expect(await screen.findAllByText('Some criteria are below the required level')).toHaveLength(2);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('radio', { name: /^Pass/ })));
  });
});
