// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { Outlet, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubApi, testOrg } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import type { OrgContext } from '../OrgLayout';
import { OrgTalentPage } from './OrgTalent';

const SLOW = { timeout: 5000 };
const org = (role: 'owner' | 'designer') => testOrg(role);
const ROLE = {
  id: 'orl_1',
  org: { slug: 'acme', name: 'Acme College' },
  title: 'Online Course Lead',
  description: '',
  public: true,
  skills: [{ url: 'urn:s:1', name: 'Skill 1', code: null, framework: null, level: 4 }],
  updatedAt: '2026-01-01T00:00:00Z',
};
const RESULT = {
  searchId: 'tls_1',
  summary: 'Role: Online Course Lead',
  requirements: [{ url: 'urn:s:1', name: 'Skill 1', code: null, framework: null, requiredLevel: 4 }],
  items: [
    {
      id: 'acc_1',
      displayName: 'Alex Kim',
      headline: 'Online teacher',
      location: 'Riverside',
      matched: 1,
      required: 1,
      skills: [
        {
          url: 'urn:s:1',
          name: 'Skill 1',
          code: null,
          framework: null,
          importance: null,
          requiredLevel: 4,
          level: { name: 'Proficient', rank: 3, of: 3, scale: 5 },
          status: 'verified',
          evidence: [
            {
              kind: 'earned',
              credentialId: 'c1',
              name: 'Assessment Design',
              issuerName: 'Riverside',
              url: 'http://x/credentials/c1',
              issuedAt: '2026-01-01T00:00:00Z',
              level: null,
            },
          ],
        },
      ],
    },
  ],
};

function renderAs(role: 'owner' | 'designer') {
  const context: OrgContext = { org: org(role), setOrg: () => undefined, reload: () => undefined };
  return renderWithApp(
    <Routes>
      <Route element={<Outlet context={context} />}>
        <Route path="/" element={<OrgTalentPage />} />
      </Route>
    </Routes>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('Talent search', () => {
  it('searches by one of the organisation’s roles and shows result cards with the credentials behind each skill', async () => {
    const bodies: unknown[] = [];
    stubApi((path, init) => {
      if (path === '/api/v1/orgs/acme/roles') return json({ items: [ROLE] });
      if (path === '/api/v1/orgs/acme/talent/contacts') return json({ items: [] });
      if (path === '/api/v1/orgs/acme/talent/search') {
        bodies.push(JSON.parse(String(init?.body)));
        return json(RESULT);
      }
      return undefined;
    });
    renderAs('owner');
    fireEvent.click(await screen.findByText('Our roles', {}, SLOW));
    fireEvent.click(await screen.findByPlaceholderText('Choose one of your roles', {}, SLOW));
    fireEvent.click(await screen.findByRole('option', { name: 'Online Course Lead', hidden: true }, SLOW));
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    const people = await screen.findByRole('list', { name: 'People found' }, SLOW);
    expect(bodies[0]).toEqual({ roleId: 'orl_1' });
    expect(screen.getByText('Role: Online Course Lead: 1 person')).toBeTruthy();
    expect(within(people).getByText('1 of 1 skills verified')).toBeTruthy();
    expect(within(people).getByRole('link', { name: 'Assessment Design' }).getAttribute('href')).toBe('http://x/credentials/c1');
    expect(within(people).getByRole('link', { name: 'View profile of Alex Kim' }).getAttribute('href')).toBe(
      '/orgs/acme/talent/people/acc_1?search=tls_1',
    );
  });

  it('asks for a criterion before searching', async () => {
    stubApi((path) => (path === '/api/v1/orgs/acme/talent/contacts' ? json({ items: [] }) : undefined));
    renderAs('owner');
    fireEvent.click(await screen.findByRole('button', { name: 'Search' }, SLOW));
    expect(await screen.findByText('Choose at least one skill')).toBeTruthy();
  });

  it('lists a contact whose learner left employer search without a link to their profile', async () => {
    const contact = (id: string, name: string, withdrawn: boolean) => ({
      id,
      learner: { id: `acc_${id}`, displayName: name, withdrawn },
      subject: `Subject ${id}`,
      body: 'Hello',
      status: 'accepted',
      reply: null,
      email: null,
      createdAt: '2026-02-01T00:00:00Z',
      answeredAt: '2026-02-02T00:00:00Z',
    });
    stubApi((path) =>
      path === '/api/v1/orgs/acme/talent/contacts'
        ? json({ items: [contact('c1', 'Left employer search', true), contact('c2', 'Alex Kim', false)] })
        : undefined,
    );
    renderAs('owner');
    const table = await screen.findByRole('table', {}, SLOW);
    expect(within(table).getByText('Left employer search').closest('a')).toBeNull();
    expect(within(table).getByRole('link', { name: 'Alex Kim' }).getAttribute('href')).toBe('/orgs/acme/talent/people/acc_c2');
  });

  it('tells a designer that only owners search', async () => {
    stubApi(() => undefined);
    renderAs('designer');
    expect(await screen.findByText('Owners only', {}, SLOW)).toBeTruthy();
  });
});
