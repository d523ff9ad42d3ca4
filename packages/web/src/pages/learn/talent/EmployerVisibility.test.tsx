// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubApi } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { ContactRequestsPage } from './ContactRequests';
import { EmployerVisibilityPage } from './EmployerVisibility';

const SETTINGS = {
  discoverable: false,
  displayName: '',
  accountName: 'Alex Kim',
  headline: '',
  location: '',
  showSkills: true,
  showCredentials: true,
  showPublicLink: false,
  publicSkillsPage: false,
  updatedAt: null,
};
const CONTACT = {
  id: 'tcr_1',
  org: { name: 'Riverside' },
  subject: 'Online Course Lead',
  body: '<b>Hello</b>\nWould you talk to us?',
  status: 'pending',
  reply: null,
  shareEmail: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  answeredAt: null,
};

afterEach(() => vi.unstubAllGlobals());

describe('Employer visibility', () => {
  it('is off by default, saves consent with what to show, and lists who viewed the profile', async () => {
    const sent: unknown[] = [];
    stubApi((path, init) => {
      if (path === '/api/v1/me/talent/settings' && init?.method === 'PUT') {
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        sent.push(body);
        return json({ ...SETTINGS, ...body, updatedAt: '2026-01-02T00:00:00.000Z' });
      }
      if (path === '/api/v1/me/talent/settings') return json(SETTINGS);
      if (path === '/api/v1/me/talent/activity')
        return json({
          items: [{ kind: 'view', orgName: 'Riverside', summary: 'Role: Online Course Lead', at: '2026-01-03T00:00:00.000Z' }],
        });
      return undefined;
    });
    renderWithApp(<EmployerVisibilityPage />);
    const toggle = (await screen.findByRole('switch', { name: /Let employers find me/ }, { timeout: 5000 })) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    fireEvent.change(screen.getByLabelText('Headline'), { target: { value: 'Online teacher' } });
    fireEvent.click(screen.getByLabelText('The list of my verified credentials'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Employers can find you\./)).toBeTruthy();
    expect(sent[0]).toMatchObject({ discoverable: true, headline: 'Online teacher', showCredentials: false, showSkills: true });
    const table = await screen.findByRole('table');
    const row = within(table).getByText('Riverside').closest('tr');
    expect(row && within(row).getByText('Viewed your profile')).toBeTruthy();
    expect(row && within(row).getByText('Role: Online Course Lead')).toBeTruthy();
    // Narrow screens get the same activity as cards (CSS shows one form or the other).
    const cards = screen.getByRole('list', { name: 'Who viewed my profile' });
    const card = within(cards).getByText('Riverside').closest('li');
    expect(card && within(card).getByText('They searched for Role: Online Course Lead')).toBeTruthy();
    expect(card && within(card).getByText('Viewed your profile')).toBeTruthy();
  });
});

describe('Messages from employers', () => {
  it('shows the message as plain text and accepts with the email shared', async () => {
    const answers: unknown[] = [];
    let answered = false;
    stubApi((path, init) => {
      if (path === '/api/v1/me/talent/contacts/tcr_1/answer') {
        answers.push(JSON.parse(String(init?.body)));
        answered = true;
        return json({ ...CONTACT, status: 'accepted', shareEmail: true, answeredAt: '2026-01-02T00:00:00.000Z' });
      }
      if (path === '/api/v1/me/talent/contacts')
        return json({
          items: [answered ? { ...CONTACT, status: 'accepted', shareEmail: true, answeredAt: '2026-01-02T00:00:00.000Z' } : CONTACT],
        });
      return undefined;
    });
    const { container } = renderWithApp(<ContactRequestsPage />);
    expect(await screen.findByText('Riverside: Online Course Lead', {}, { timeout: 5000 })).toBeTruthy();
    // The employer's text is shown as text, never as HTML.
    expect(screen.getByText(/<b>Hello<\/b>/)).toBeTruthy();
    expect(container.querySelector('b')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Accept the request from Riverside' }));
    expect(await screen.findByText('You shared your email address.')).toBeTruthy();
    expect(answers[0]).toMatchObject({ accept: true, shareEmail: true });
  });
});
