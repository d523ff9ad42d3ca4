// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { Outlet, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, testOrg } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import type { OrgContext } from './OrgLayout';
import { OrgSkillsPage } from './OrgSkills';

/** Generous waits: the suite shares a small machine. */
const SLOW = { timeout: 5000 };

const org = (role: 'designer' | 'viewer') => testOrg(role);

const framework = {
  id: 'skf_1',
  orgId: null,
  scope: 'platform',
  title: 'Online Teaching Competencies',
  description: 'Five domains.',
  sourceKind: 'case',
  sourceId: 'doc',
  sourceUri: 'urn:uuid:doc',
  version: '1.0',
  licence: 'CC BY 4.0',
  skillCount: 29,
  updatedAt: '2026-01-01T00:00:00Z',
};
const node = (id: string, code: string, name: string, childCount: number, parentId: string | null = null) => ({
  id,
  frameworkId: 'skf_1',
  identifier: id,
  code,
  name,
  description: '',
  uri: null,
  url: `http://tessera.test/skills/${id}`,
  type: null,
  parentId,
  retired: false,
  childCount,
});

function renderPage(role: 'designer' | 'viewer') {
  const context: OrgContext = { org: org(role), setOrg: () => undefined, reload: () => undefined };
  renderWithApp(
    <Routes>
      <Route element={<Outlet context={context} />}>
        <Route path="/orgs/acme/skills" element={<OrgSkillsPage />} />
      </Route>
    </Routes>,
    '/orgs/acme/skills',
  );
}

describe('Skill frameworks page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the framework tree and expands a domain on demand', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url.endsWith('/skills/frameworks?org=acme')) return json([framework]);
        if (url.includes('/tree?org=acme&parent=skl_d2'))
          return json({
            framework,
            parent: node('skl_d2', 'OTC.2', 'Facilitating', 1),
            skills: [node('skl_21', 'OTC.2.1', 'Write open prompts', 0, 'skl_d2')],
          });
        if (url.includes('/tree?org=acme'))
          return json({
            framework,
            parent: null,
            skills: [node('skl_d1', 'OTC.1', 'Designing', 0), node('skl_d2', 'OTC.2', 'Facilitating', 1)],
          });
        throw new Error(`unexpected ${url}`);
      }),
    );
    renderPage('viewer');
    expect(await screen.findByRole('link', { name: 'Facilitating' }, SLOW)).toBeTruthy();
    expect(screen.getByText('29 skills')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Import a framework' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Expand OTC.2 Facilitating (1)' }));
    expect(await screen.findByRole('link', { name: 'Write open prompts' }, SLOW)).toBeTruthy();
  });

  it('lets a designer import, and lists each problem of a refused file with its path', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        if (url.endsWith('/skills/frameworks/import') && init.method === 'POST')
          return json(
            {
              type: 'about:blank',
              title: 'Invalid',
              status: 400,
              code: 'validation_failed',
              detail: 'The CASE package has 1 problem(s)',
              errors: [{ path: 'CFItems[3].fullStatement', message: 'Required' }],
            },
            400,
          );
        if (url.endsWith('/skills/frameworks?org=acme')) return json([]);
        throw new Error(`unexpected ${url}`);
      }),
    );
    renderPage('designer');
    expect(await screen.findByText('No frameworks yet', {}, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'URL' }));
    fireEvent.change(screen.getByLabelText('Framework URL'), { target: { value: 'https://frameworks.example/otc.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(within(alert).getByText('CFItems[3].fullStatement')).toBeTruthy();
    expect(alert.textContent).toContain('The CASE package has 1 problem(s)');
  });
});
