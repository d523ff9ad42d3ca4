// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { PUBLISH_RULES } from '@tessera/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useRef } from 'react';
import { Link, Outlet, RouterProvider, createMemoryRouter, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, testOrg } from '../../../test/fake-api';
import '../../../test/render';
import { theme } from '../../../theme';
import { AchievementEditorPage } from '../AchievementEditor';
import type { OrgContext } from '../OrgLayout';

const org = testOrg('designer');

/** The server: POST/PUT of a draft answer the micro-credential as saved; every call is recorded. */
function fakeServer() {
  const calls: Array<{ method: string; url: string; body: unknown }> = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method: init.method ?? 'GET', url, body });
    const now = '2026-01-02T00:00:00Z';
    const saved = {
      id: 'ach_1',
      orgSlug: 'acme',
      status: 'draft',
      draft: body,
      hasUnpublishedChanges: true,
      latestVersion: null,
      versions: [],
      imageUrl: 'http://x/image',
      issuedCount: 0,
      createdAt: now,
      updatedAt: now,
    };
    return json(saved, init.method === 'POST' ? 201 : 200);
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

/** Like the app's layout: on every new address, focus moves to the page's main region. */
function FocusingLayout({ context }: { context: OrgContext }) {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  useEffect(() => main.current?.focus(), [pathname]);
  return (
    <main ref={main} tabIndex={-1}>
      <Link to="/orgs/acme/achievements">All micro-credentials</Link>
      <p data-testid="address">{pathname}</p>
      <Outlet context={context} />
    </main>
  );
}

function renderEditor() {
  const context: OrgContext = { org, setOrg: () => undefined, reload: () => undefined };
  const router = createMemoryRouter(
    [
      {
        path: '/orgs/acme',
        element: <FocusingLayout context={context} />,
        children: [
          { path: 'achievements', element: <p>The list</p> },
          { path: 'achievements/new', element: <AchievementEditorPage /> },
          { path: 'achievements/:id', element: <AchievementEditorPage /> },
        ],
      },
    ],
    { initialEntries: ['/orgs/acme/achievements/new'] },
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return router;
}

/** The text that describes an input (Mantine's description, linked by aria-describedby). */
function describedBy(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
    .join(' ');
}

/** Generous waits: the machine running the tests may be busy. */
const SLOW = { timeout: 10_000 };

const input = (label: RegExp) => screen.getByLabelText(label, { selector: 'input, textarea' });

describe('micro-credential editor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('marks what saving needs and what publishing needs, from the shared publish rules', async () => {
    renderEditor();
    const name = input(/^Name/);
    expect(name.hasAttribute('required')).toBe(true);
    expect(describedBy(name)).toContain('Needed to save');
    // Every top-level field a publish rule names is marked "Needed to publish", and is not required to save.
    const labels: Record<string, RegExp> = {
      description: /^Description/,
      learningGoal: /^Learning goal/,
      criteriaNarrative: /^Criteria narrative/,
    };
    const topLevel = PUBLISH_RULES.flatMap((r) => r.fields).filter((f) => f in labels);
    expect(topLevel.sort()).toEqual(Object.keys(labels).sort());
    for (const field of topLevel) {
      const el = input(labels[field] ?? /^$/);
      expect(describedBy(el), field).toContain('Needed to publish');
      expect(el.hasAttribute('required'), field).toBe(false);
    }
    expect(describedBy(input(/^Competency statement/))).not.toMatch(/Needed to/);
    await userEvent.click(screen.getByRole('button', { name: 'Add a criterion' }));
    expect(describedBy(input(/^Name of criterion 1/))).toContain('Needed to save');
    expect(describedBy(input(/^What criterion 1 looks for/))).toContain('Needed to publish');
  });

  it('clears a message as soon as its field is fixed, and leaves untouched fields quiet while typing', async () => {
    const calls = fakeServer();
    renderEditor();
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Name the micro-credential', {}, SLOW)).toBeTruthy();
    expect(calls).toHaveLength(0);
    await userEvent.type(input(/^Name/), 'R');
    expect(screen.queryByText('Name the micro-credential')).toBeNull();
    await userEvent.type(input(/^Name/), 'C');

    // Publishing saves, then shows what publishing still needs under each field.
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Describe the micro-credential', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('State the learning goal')).toBeTruthy();
    // Writes: only the one save (the skills section then loads the new draft's alignments with a GET).
    expect(calls.filter((c) => c.method !== 'GET').map((c) => c.method)).toEqual(['POST']);
    // Focus goes to the checklist, even though the first save gave the draft a new address (and the layout moved focus).
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('/orgs/acme/achievements/ach_1'), SLOW);
    await waitFor(() => expect(document.activeElement?.id).toBe('publish-checklist'), SLOW);
    await userEvent.type(input(/^Description/), 'Lead.');
    expect(screen.queryByText('Describe the micro-credential')).toBeNull();
    // The other message stays until its own field is fixed.
    expect(screen.getByText('State the learning goal')).toBeTruthy();
    // Emptying the fixed field again does not bring its message back while typing.
    await userEvent.clear(input(/^Description/));
    expect(screen.queryByText('Describe the micro-credential')).toBeNull();
  });

  it('keeps the checklist in step with the form and links each missing item to its field', async () => {
    renderEditor();
    const checklist = screen.getByRole('group', { name: 'Before you publish' });
    const item = (label: string) =>
      within(checklist)
        .getAllByRole('listitem')
        .find((li) => li.textContent?.includes(label));
    expect(item('A description')?.getAttribute('data-ok')).toBe('false');
    // With nothing written, only the rules about things that are not there yet (descriptions, links) hold.
    expect(within(checklist).getByText(/2 of 8 ready/)).toBeTruthy();
    await userEvent.type(input(/^Description/), 'Lead.');
    expect(item('A description')?.getAttribute('data-ok')).toBe('true');
    await userEvent.type(input(/^Name/), 'Circles');
    expect(item('Name given')?.getAttribute('data-ok')).toBe('true');
    expect(within(checklist).getByText(/4 of 8 ready/)).toBeTruthy();

    const goal = item('A learning goal');
    if (!goal) throw new Error('no learning-goal item');
    await userEvent.click(within(goal).getByRole('link'));
    expect(document.activeElement).toBe(input(/^Learning goal/));
    // A rubric criterion without descriptions: the rule counts each missing description.
    await userEvent.click(screen.getByRole('button', { name: 'Add a criterion' }));
    expect(item('At least one rubric criterion')?.getAttribute('data-ok')).toBe('true');
    expect(item('Every rubric criterion and level described')?.textContent).toContain('(4 fields)');
  });

  it('asks before leaving with unsaved changes, and lets you stay or leave', async () => {
    const router = renderEditor();
    await userEvent.type(input(/^Name/), 'Draft');
    await userEvent.click(screen.getByRole('link', { name: 'All micro-credentials' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' }, SLOW);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stay on this page' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);
    expect(router.state.location.pathname).toBe('/orgs/acme/achievements/new');
    expect(input(/^Name/)).toHaveProperty('value', 'Draft');

    await userEvent.click(screen.getByRole('link', { name: 'All micro-credentials' }));
    await userEvent.click(within(await screen.findByRole('dialog', {}, SLOW)).getByRole('button', { name: 'Leave without saving' }));
    expect(await screen.findByText('The list', {}, SLOW)).toBeTruthy();
  });

  it('lets you leave without asking when nothing changed', async () => {
    renderEditor();
    await userEvent.click(screen.getByRole('link', { name: 'All micro-credentials' }));
    expect(await screen.findByText('The list', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
