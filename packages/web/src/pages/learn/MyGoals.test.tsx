// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubApi } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { MyGoalsPage } from './MyGoals';

const GOAL = {
  id: 'gol_1',
  kind: 'occupation',
  targetId: '25-9031.00',
  title: 'Instructional Coordinators',
  orgName: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const skill = (n: number, status: string, level: unknown = null) => ({
  url: `urn:s:${n}`,
  name: `Skill ${n}`,
  code: null,
  framework: null,
  importance: 6 - n,
  requiredLevel: null,
  level,
  status,
  evidence: [],
});

afterEach(() => vi.unstubAllGlobals());

describe('My goals', () => {
  it('shows the gap and ranked recommendations with their explanations', async () => {
    stubApi((input) => {
      if (input === '/api/v1/me/goals') return json({ items: [GOAL] });
      if (input === '/api/v1/occupations')
        return json({ items: [{ code: '25-9031.00', title: 'Instructional Coordinators', description: '', skillCount: 3 }] });
      if (input === '/api/v1/me/goals/gol_1/gap')
        return json({
          goal: GOAL,
          required: [skill(1, 'missing'), skill(2, 'verified', { name: 'Proficient', rank: 3, of: 3, scale: 5 }), skill(3, 'below_level')],
          verified: 1,
          missing: 2,
        });
      if (input === '/api/v1/me/goals/gol_1/recommendations')
        return json({
          items: [
            {
              achievementId: 'ach_1',
              name: 'Designing Effective Online Assessments',
              orgName: 'Riverside',
              url: 'http://x/app/catalog/ach_1',
              score: 1,
              coveredSkills: [{ url: 'urn:s:1', name: 'Skill 1' }],
              missingCount: 2,
              oftenEarnedAfter: null,
              followUp: null,
              explanation: 'Covers 1 of your 2 missing skills (Skill 1)',
            },
          ],
        });
      return undefined;
    });
    renderWithApp(<MyGoalsPage />);
    expect(await screen.findByText('You have verified 1 of 3 required skills; 2 to go.', {}, { timeout: 5000 })).toBeTruthy();
    const table = screen.getByRole('table');
    const row = within(table).getByText('Skill 3').closest('tr');
    expect(row && within(row).getByText('Below the level')).toBeTruthy();
    expect(within(table).getByLabelText('Level Proficient, 3 of 3')).toBeTruthy();
    // Narrow screens get the same gap as cards (CSS shows one form or the other).
    const card = within(screen.getByRole('list', { name: 'Skills this goal requires' }))
      .getByText('Skill 3')
      .closest('li');
    expect(card && within(card).getByText('Below the level')).toBeTruthy();
    expect(await screen.findByText('Covers 1 of your 2 missing skills (Skill 1)')).toBeTruthy();
    expect(screen.getByRole('link', { name: '1. Designing Effective Online Assessments' }).getAttribute('href')).toBe('/catalog/ach_1');
  });

  it('invites the learner to add a goal when there is none', async () => {
    stubApi(() => json({ items: [] }));
    renderWithApp(<MyGoalsPage />);
    expect(await screen.findByText('No goals yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add goal' })).toBeTruthy();
  });
});
