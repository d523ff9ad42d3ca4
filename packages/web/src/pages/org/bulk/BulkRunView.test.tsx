// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BulkRun } from '@tessera/shared';
import { json } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { BulkRunView, progressText } from './BulkRunView';

const run = (over: Partial<BulkRun>): BulkRun => ({
  id: 'blk_1',
  achievementId: 'ach_1',
  achievementName: 'Online Teaching Certificate',
  fileName: 'cohort.csv',
  state: 'draft',
  total: 4,
  problemRows: 3,
  levelColumns: [],
  done: 0,
  issued: 0,
  skipped: 0,
  failed: 0,
  ratePerSecond: null,
  secondsLeft: null,
  createdAt: '2026-12-02T09:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  lastError: null,
  ...over,
});

function serve(r: BulkRun) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => (url.includes('/rows') ? json({ items: [], nextCursor: null }) : json(r))),
  );
}

describe('the bulk run view', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts rows in words that agree with the number: one row, several rows', async () => {
    serve(run({ total: 4, problemRows: 3 }));
    const { unmount } = renderWithApp(<BulkRunView slug="riverside" runId="blk_1" />);
    expect(await screen.findByRole('button', { name: 'Start awarding 1 row' })).toBeTruthy();
    expect(screen.getByText('3 of 4 rows have problems', { exact: false })).toBeTruthy();
    unmount();

    serve(run({ total: 1, problemRows: 1 }));
    renderWithApp(<BulkRunView slug="riverside" runId="blk_1" />);
    expect(await screen.findByText('1 of 1 row has problems', { exact: false })).toBeTruthy();
    expect(screen.getByText('cohort.csv · 1 row')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start awarding 0 rows' })).toBeTruthy();
  });

  it('describes progress with the rate and the time left', () => {
    const running = run({ state: 'running', total: 100_000, problemRows: 0, done: 1, ratePerSecond: 1650, secondsLeft: 61 });
    expect(progressText(running)).toBe('1 of 100,000 rows done · 1,650 rows per second · about 1:01 left');
    expect(progressText(run({ state: 'completed', total: 1, problemRows: 0, done: 1, ratePerSecond: 2, secondsLeft: 0 }))).toBe(
      '1 of 1 row done · 2 rows per second',
    );
  });
});
