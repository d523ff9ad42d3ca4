// @vitest-environment jsdom
// The builder offers a step for credentials the organisation recognises: label, rule kinds, requirement; says when
// the organisation recognises nothing yet; sends the step and shows the server's field errors on it.
import { fireEvent, screen } from '@testing-library/react';
import { Outlet, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubApi, testOrg } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import type { OrgContext } from '../org/OrgLayout';
import { PathwayBuilderPage } from './PathwayBuilder';

const SLOW = { timeout: 5000 };
const org = testOrg('designer');

afterEach(() => vi.unstubAllGlobals());

describe('Pathway builder: recognised steps', () => {
  it('adds the step, says nothing is recognised yet, and sends it', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Invalid',
      status: 400,
      code: 'validation_failed',
      detail: 'The pathway cannot be saved',
      errors: [{ path: 'steps.0.accept.ruleKinds', message: 'Choose at least one kind of recognition' }],
    };
    const fetch = stubApi((path, init) => {
      if (path === '/api/v1/orgs/acme/achievements') return json([]);
      if (path === '/api/v1/orgs/acme/recognition/rules') return json([]);
      if (path === '/api/v1/orgs/acme/pathways' && init?.method === 'POST')
        return new Response(JSON.stringify(problem), { status: 400, headers: { 'content-type': 'application/problem+json' } });
      return undefined;
    });
    const context: OrgContext = { org, setOrg: () => undefined, reload: () => undefined };
    renderWithApp(
      <Routes>
        <Route element={<Outlet context={context} />}>
          <Route path="/orgs/acme/pathways/new" element={<PathwayBuilderPage />} />
        </Route>
      </Routes>,
      '/orgs/acme/pathways/new',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Add a step for credentials we recognise' }, SLOW));
    const label = screen.getByLabelText('Step s1: recognised credentials (name shown to learners)');
    fireEvent.change(label, { target: { value: 'Recognised partner course' } });
    fireEvent.change(screen.getByLabelText('Only rules naming this requirement (optional)'), { target: { value: 'practicum' } });
    await screen.findByText('No credentials are recognised yet: publish a recognition rule and it counts here.', undefined, SLOW);
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await screen.findAllByText('Choose at least one kind of recognition', undefined, SLOW);
    const post = fetch.mock.calls.find(([p, i]) => p === '/api/v1/orgs/acme/pathways' && i?.method === 'POST');
    const body = JSON.parse(String(post?.[1]?.body)) as { steps: Array<{ accept: unknown }> };
    expect(body.steps[0]?.accept).toEqual({
      kind: 'recognised',
      label: 'Recognised partner course',
      ruleKinds: ['hours', 'credit', 'satisfies'],
      requirement: 'practicum',
    });
  });
});
