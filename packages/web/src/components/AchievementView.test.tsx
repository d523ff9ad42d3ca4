// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { AchievementContent } from '@tessera/shared';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render';
import { RubricTable } from './AchievementView';

/** Content as the API sends it, parsed by the shared contract (defaults filled in). */
const content = AchievementContent.parse({
  name: 'Facilitating Online Discussions',
  description: 'Runs discussions every student joins.',
  rubric: {
    criteria: [
      {
        id: 'c1',
        name: 'Prompt design',
        levels: [
          { id: 'l1', name: 'Beginning', description: 'Prompts invite one-word answers.', points: 1 },
          { id: 'l2', name: 'Proficient', description: 'Prompts ask students to explain and respond to each other.', points: 3 },
        ],
        requiredLevelId: 'l2',
      },
    ],
  },
});

describe('RubricTable', () => {
  it('offers each criterion as a table (wide screens) and as a list of levels with their descriptions (narrow screens)', () => {
    renderWithApp(<RubricTable content={content} />);
    const table = screen.getByRole('table', { name: 'Levels for Prompt design' });
    expect(within(table).getByRole('rowheader', { name: /Proficient/ })).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Levels for Prompt design' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Beginning1 pointPrompts invite one-word answers.',
      'Proficient3 pointsRequired to passPrompts ask students to explain and respond to each other.',
    ]);
  });
});
