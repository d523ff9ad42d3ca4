// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { json } from '../test/fake-api';
import { renderWithApp } from '../test/render';
import { useApiQuery } from './query';

const Thing = z.object({ name: z.string(), count: z.number().int() });

function ThingView() {
  const thing = useApiQuery('/things/1', Thing);
  if (thing.status === 'loading') return <p>loading</p>;
  if (thing.status === 'error') return <p role="alert">{thing.error instanceof Error ? thing.error.message : 'error'}</p>;
  return (
    <p>
      {thing.data.name} × {thing.data.count}
    </p>
  );
}

function answer(body: unknown, status = 200) {
  return vi.fn(async () => json(body, status));
}

describe('useApiQuery', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows data that matches the contract', async () => {
    vi.stubGlobal('fetch', answer({ name: 'Rubric design', count: 3 }));
    renderWithApp(<ThingView />);
    expect(await screen.findByText('Rubric design × 3')).toBeTruthy();
  });

  it('refuses an answer that does not match the contract and names the field', async () => {
    vi.stubGlobal('fetch', answer({ name: 'Rubric design', count: 'three' }));
    renderWithApp(<ThingView />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('(at count)');
    expect(screen.queryByText(/Rubric design/)).toBeNull();
  });

  it("shows the server's problem detail on a 404", async () => {
    vi.stubGlobal(
      'fetch',
      answer({ type: 'about:blank', title: 'Not found', status: 404, code: 'not_found', detail: 'No such thing' }, 404),
    );
    renderWithApp(<ThingView />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('No such thing'));
  });
});
