// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../lib/session';
import { json, stubApi, testSession } from '../test/fake-api';
import { renderWithApp } from '../test/render';
import { Layout } from './Layout';

const NOTIFICATIONS = [
  { id: 'n_new', title: 'You earned it', body: 'Well done', link: null, readAt: null, createdAt: '2026-03-02T00:00:00.000Z' },
  { id: 'n_old', title: 'Feedback', body: 'Revise', link: null, readAt: '2026-03-01T12:00:00.000Z', createdAt: '2026-03-01T00:00:00.000Z' },
];

/** A fake API whose unread count is 3 until the unread notification is marked read. */
function serve() {
  let unread = 3;
  return stubApi((input, init) => {
    const method = init?.method ?? 'GET';
    if (input === '/api/v1/auth/session') return json(testSession());
    if (input === '/api/v1/me/notifications/unread-count') return json({ unread });
    if (input === '/api/v1/me/notifications') return json(NOTIFICATIONS);
    if (method === 'POST' && input === '/api/v1/me/notifications/n_new/read') {
      unread = 0;
      return new Response(null, { status: 204 });
    }
    return undefined;
  });
}

function renderAt(route: string) {
  renderWithApp(
    <SessionProvider>
      <Routes>
        <Route element={<Layout />}>
          <Route path="*" element={<p>page</p>} />
        </Route>
      </Routes>
    </SessionProvider>,
    route,
  );
}

describe('navigation unread count', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names the Notifications link with the unread count, and shows the figure as a badge', async () => {
    serve();
    renderAt('/catalog');
    const link = await screen.findByRole('link', { name: 'Notifications, 3 unread' }, { timeout: 5000 });
    expect(link.textContent).toContain('3');
  });

  it('marks the unread ones read when the notifications page is opened, and the badge goes', async () => {
    const fetch = serve();
    renderAt('/catalog');
    const link = await screen.findByRole('link', { name: 'Notifications, 3 unread' }, { timeout: 5000 });
    const posts = () => fetch.mock.calls.filter(([, init]) => init?.method === 'POST').map(([url]) => url);
    expect(posts()).toEqual([]);
    fireEvent.click(link);
    // Only the unread one is marked; the one already read is left alone.
    await waitFor(() => expect(posts()).toEqual(['/api/v1/me/notifications/n_new/read']), { timeout: 5000 });
    await waitFor(() => expect(screen.getByRole('link', { name: 'Notifications' })).toBeTruthy(), { timeout: 5000 });
    expect(screen.queryByRole('link', { name: /unread/ })).toBeNull();
  });
});
