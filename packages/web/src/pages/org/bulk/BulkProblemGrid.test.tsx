// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BulkRow } from '@tessera/shared';
import { json } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { BulkProblemGrid } from './BulkProblemGrid';

const row = (n: number, email: string, problems: BulkRow['problems']): BulkRow => ({
  row: n,
  cells: { email, name: 'Grace Hopper', issuedOn: '', narrative: '', evidenceUrl: '', levels: { 'level:c1': '' } },
  problems,
  outcome: 'pending',
  credentialId: null,
  message: null,
});

describe('the bulk problem grid', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each problem under its cell and checks an edited cell again on the server', async () => {
    const calls: Array<{ method: string; url: string; body: unknown }> = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ method: init?.method ?? 'GET', url, body: init?.body ? JSON.parse(String(init.body)) : null });
        const body =
          init?.method === 'PATCH'
            ? { row: row(3, 'grace@cohort.example', []), affected: [] }
            : {
                items: [row(3, 'grace-at-cohort', [{ column: 'email', message: '"grace-at-cohort" is not a valid email address' }])],
                nextCursor: null,
              };
        return json(body);
      }),
    );
    const changed = vi.fn();
    renderWithApp(<BulkProblemGrid slug="riverside" runId="blk_1" levelColumns={['level:c1']} onChanged={changed} />);
    const email = await screen.findByLabelText('Row 3, Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('"grace-at-cohort" is not a valid email address')).toBeTruthy();
    expect(calls[0]?.url).toBe('/api/v1/orgs/riverside/bulk-awards/blk_1/rows?problems=true&after=0&limit=50');
    fireEvent.change(email, { target: { value: 'grace@cohort.example' } });
    fireEvent.blur(email);
    await waitFor(() => expect(screen.getByLabelText('Row 3, Email').getAttribute('aria-invalid')).toBe('false'));
    expect(calls.find((c) => c.method === 'PATCH')).toEqual({
      method: 'PATCH',
      url: '/api/v1/orgs/riverside/bulk-awards/blk_1/rows/3',
      body: { email: 'grace@cohort.example' },
    });
    expect(changed).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Every row shown is fixed.', { exact: false })).toBeTruthy();
  });

  it('does not call the server when a cell is left unchanged', async () => {
    const fetch = vi.fn(async () =>
      json({ items: [row(2, 'ada@x.example', [{ column: 'name', message: 'Enter the recipient’s name' }])], nextCursor: null }),
    );
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<BulkProblemGrid slug="riverside" runId="blk_1" levelColumns={[]} onChanged={() => undefined} />);
    fireEvent.blur(await screen.findByLabelText('Row 2, Name'));
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
