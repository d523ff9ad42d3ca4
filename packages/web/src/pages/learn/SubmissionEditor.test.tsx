// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StoredAchievementContent, Submission } from '@tessera/shared';
import type { z } from 'zod';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { SubmissionEditorPage } from './SubmissionEditor';

type Sub = z.infer<typeof Submission>;
type Evidence = Sub['evidence'][number];
const NOW = '2026-03-01T10:00:00.000Z';

const content = StoredAchievementContent.parse({
  name: 'Accessible Course Materials',
  evidenceRequirements: [
    { id: 'plan', prompt: 'Paste the accessibility check results.', kinds: ['text'] },
    { id: 'artefact', prompt: 'Link or upload the document you fixed.', kinds: ['link', 'file'] },
    { id: 'extra', prompt: 'Anything else?', kinds: ['text'], required: false },
  ],
});

function item(requirementId: string, patch: Partial<Evidence>): Evidence {
  return { requirementId, kind: 'text', text: null, url: null, file: null, editable: true, public: false, updatedAt: NOW, ...patch };
}

function submission(patch: Partial<Sub> = {}): Sub {
  return Submission.parse({
    id: 'sub_1',
    achievementId: 'ach_1',
    versionId: 'ver_1',
    version: 1,
    achievement: content,
    issuer: { slug: 'riverside', name: 'Riverside', url: null, image: null, did: 'did:web:example', brandColor: '#1f5fbf' },
    state: 'draft',
    attempt: 0,
    maxAttempts: 3,
    evidence: [],
    reviews: [],
    attempts: [],
    openCriterionIds: [],
    credentialId: null,
    issuance: null,
    credentialStatus: null,
    createdAt: NOW,
    updatedAt: NOW,
    submittedAt: null,
    ...patch,
  });
}

/** A fake API: GET answers the submission; PUT evidence stores it; POST submit moves it on. Every call is recorded. */
function fakeApi(initial: Sub) {
  let current = initial;
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input).replace('/api/v1', '');
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, body });
    const put = /^\/me\/submissions\/sub_1\/evidence\/(.+)$/.exec(path);
    if (method === 'PUT' && put?.[1]) {
      const b = body as { kind: Evidence['kind']; text?: string; url?: string };
      current = {
        ...current,
        evidence: [
          ...current.evidence.filter((e) => e.requirementId !== put[1]),
          item(put[1], { kind: b.kind, text: b.text ?? null, url: b.url ?? null }),
        ],
      };
    }
    if (method === 'POST' && path.endsWith('/submit'))
      current = { ...current, state: 'submitted', attempt: current.attempt + 1, submittedAt: NOW };
    return json(current);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls };
}

function renderPage() {
  return renderWithApp(
    <Routes>
      <Route path="/me/submissions/:id" element={<SubmissionEditorPage />} />
    </Routes>,
    '/me/submissions/sub_1',
  );
}

describe('the evidence editor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names each missing required item on its card and in the summary, moves focus to the first, and sends nothing', async () => {
    const { calls } = fakeApi(submission({ evidence: [item('plan', { text: 'All headings fixed.' })] }));
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Submit for assessment' }));
    const message = 'Evidence 2 is required: Add a link or upload a file.';
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('One required item is missing')).toBeTruthy();
    expect(within(summary).getByRole('button', { name: message })).toBeTruthy();
    const card = screen.getByRole('region', { name: 'Evidence 2' });
    expect(within(card).getByText(message)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(card));
    // The optional item is never reported, and the filled one is not either.
    expect(screen.queryByText(/Evidence 3 is required/)).toBeNull();
    expect(screen.queryByText(/Evidence 1 is required/)).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.some((c) => c.path.endsWith('/submit'))).toBe(false);
  });

  it('counts characters against the limit and refuses an over-limit paste whole, with a message', async () => {
    const { calls } = fakeApi(submission());
    renderPage();
    const box = await screen.findByRole('textbox', { name: 'Your response for evidence 1' });
    fireEvent.change(box, { target: { value: 'Hello' } });
    expect(screen.getAllByText('5 / 50,000 characters').length).toBeGreaterThan(0);
    const paste = 'x'.repeat(120_000);
    const event = new Event('paste', { bubbles: true, cancelable: true });
    Object.assign(event, { clipboardData: { getData: () => paste } });
    (box as HTMLTextAreaElement).setSelectionRange(5, 5);
    box.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(await screen.findByText(/Nothing was pasted: the result would be 120,005 characters and the limit is 50,000/)).toBeTruthy();
    expect((box as HTMLTextAreaElement).value).toBe('Hello');
    // Text that is too long by other means is flagged and never saved (nor cut).
    fireEvent.change(box, { target: { value: 'y'.repeat(50_001) } });
    expect(screen.getByText(/This is 50,001 characters; the limit is 50,000. Shorten it by 1 characters/)).toBeTruthy();
    fireEvent.blur(box);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.filter((c) => c.method === 'PUT').every((c) => String((c.body as { text?: string }).text ?? '').length <= 50_000)).toBe(
      true,
    );
    expect((box as HTMLTextAreaElement).value.length).toBe(50_001);
  });

  it('asks before a kind switch would drop a typed link, and keeps the link when asked to', async () => {
    fakeApi(submission({ evidence: [item('plan', { text: 'ok' })] }));
    renderPage();
    const user = userEvent.setup();
    const link = await screen.findByRole('textbox', { name: 'Link for evidence 2' });
    await user.type(link, 'https://example.org/doc.pdf');
    const card = screen.getByRole('region', { name: 'Evidence 2' });
    await user.click(within(card).getByText('File upload'));
    const dialog = await screen.findByRole('dialog', { name: 'Switch evidence 2 to file upload?' });
    expect(within(dialog).getByText(/would replace your link https:\/\/example.org\/doc.pdf/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Keep my link' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((screen.getByRole('textbox', { name: 'Link for evidence 2' }) as HTMLInputElement).value).toBe('https://example.org/doc.pdf');
  });

  it('confirms with a summary of what is sent before submitting, then submits', async () => {
    const { calls } = fakeApi(
      submission({
        evidence: [item('plan', { text: 'All headings fixed.' }), item('artefact', { kind: 'link', url: 'https://example.org/doc.pdf' })],
      }),
    );
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Submit for assessment' }));
    const dialog = await screen.findByRole('dialog', { name: 'Submit for assessment?' });
    expect(within(dialog).getByText(/the link https:\/\/example.org\/doc.pdf/)).toBeTruthy();
    expect(within(dialog).getByText('nothing (optional)')).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/submit'))).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Submit now' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/submit'))).toBe(true));
    expect(await screen.findByText('With the assessors')).toBeTruthy();
  });

  it('shows submitted evidence as readable content, never as disabled inputs or "already met" before a review', async () => {
    fakeApi(
      submission({
        state: 'submitted',
        attempt: 1,
        submittedAt: NOW,
        evidence: [
          item('plan', { text: 'All headings fixed.', editable: false }),
          item('artefact', { kind: 'link', url: 'https://example.org/doc.pdf', editable: false }),
        ],
      }),
    );
    renderPage();
    expect(await screen.findByText('All headings fixed.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'https://example.org/doc.pdf' })).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByText(/Replace the file/)).toBeNull();
    expect(screen.queryByText(/already met/)).toBeNull();
    expect(screen.getAllByText('Submitted: your evidence cannot change while the assessors review it.').length).toBe(1);
  });

  it('does not call a passed submission with a revoked credential plainly "Passed"', async () => {
    fakeApi(submission({ state: 'passed', attempt: 1, credentialId: 'cred_1', issuance: 'issued', credentialStatus: 'revoked' }));
    renderPage();
    expect(await screen.findByText('Passed — credential revoked', { selector: '.mantine-Badge-label' })).toBeTruthy();
    expect(screen.queryByText('You earned this micro-credential')).toBeNull();
  });
});
