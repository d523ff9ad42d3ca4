// @vitest-environment jsdom
// The wallet and My credentials nest each completed pathway's credential with the parts it was made of.
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubApi } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { MyStacks } from './MyStacks';

afterEach(() => vi.unstubAllGlobals());

describe('completed pathways', () => {
  it('lists each completion with its parts nested, imported parts marked', async () => {
    stubApi((input) =>
      input === '/api/v1/me/stacks'
        ? json([
            {
              pathwayId: 'pth_1',
              pathwayName: 'Online Teaching Certificate',
              completionCredentialId: 'crd_9',
              parts: [
                { kind: 'credential', id: 'crd_1', name: 'Using the LMS Effectively' },
                { kind: 'imported', id: 'wal_1', name: 'Partner Course' },
              ],
            },
          ])
        : undefined,
    );
    renderWithApp(<MyStacks />);
    expect(await screen.findByRole('heading', { name: 'Completed pathways' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Online Teaching Certificate' }).getAttribute('href')).toBe('/learn/pathways/pth_1');
    const parts = screen.getByRole('list', { name: 'Made of 2 credentials:' });
    expect(
      within(parts)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Using the LMS Effectively', 'Partner Course (from your wallet)']);
  });

  it('shows nothing when no pathway is complete', async () => {
    let asked = false;
    stubApi((input) => {
      if (input !== '/api/v1/me/stacks') return undefined;
      asked = true;
      return json([]);
    });
    const { container } = renderWithApp(<MyStacks />);
    await vi.waitFor(() => expect(asked).toBe(true));
    await new Promise((r) => setTimeout(r, 50)); // let the answer render
    expect(container.querySelector('section')).toBeNull();
  });
});
