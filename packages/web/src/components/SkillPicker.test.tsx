// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { SkillWithFramework } from '@tessera/shared';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../test/render';
import { SkillPicker } from './SkillPicker';

/** Generous waits: the suite shares a small machine. */
const SLOW = { timeout: 5000 };

const skill = (id: string, code: string, name: string): SkillWithFramework => ({
  id,
  frameworkId: 'skf_1',
  identifier: id,
  code,
  name,
  description: '',
  uri: null,
  url: `http://tessera.test/skills/${id}`,
  type: 'Competency',
  parentId: null,
  retired: false,
  framework: { id: 'skf_1', title: 'Online Teaching Competencies', sourceKind: 'case' },
});

function Harness({ initial = [] as SkillWithFramework[] }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <SkillPicker label="Skills this micro-credential certifies" orgSlug="riverside" value={value} onChange={setValue} />
      <output data-testid="chosen">{value.map((s) => s.code).join(',')}</output>
    </>
  );
}

describe('SkillPicker', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('searches the organisation’s frameworks, adds a result and removes a chosen skill', async () => {
    const fetch = vi.fn(async (url: string) => {
      expect(url).toContain('/api/v1/skills/search?q=discuss&org=riverside');
      return new Response(
        JSON.stringify([skill('skl_a', 'OTC.2.1', 'Write open discussion prompts'), skill('skl_b', 'OTC.2.2', 'Use facilitation moves')]),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    });
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<Harness initial={[skill('skl_c', 'OTC.3.3', 'Caption and transcribe')]} />);
    expect(screen.getByRole('listitem').textContent).toContain('OTC.3.3 Caption and transcribe');
    fireEvent.change(screen.getByLabelText('Skills this micro-credential certifies'), { target: { value: 'discuss' } });
    const add = await screen.findByRole(
      'button',
      { name: 'Add OTC.2.1 Write open discussion prompts (Online Teaching Competencies)' },
      SLOW,
    );
    fireEvent.click(add);
    expect(screen.getByTestId('chosen').textContent).toBe('OTC.3.3,OTC.2.1');
    fireEvent.click(screen.getByRole('button', { name: 'Remove OTC.3.3 Caption and transcribe' }));
    await waitFor(() => expect(screen.getByTestId('chosen').textContent).toBe('OTC.2.1'));
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('says when nothing matches', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } })),
    );
    renderWithApp(<Harness />);
    expect(screen.getByText('No skills chosen.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Skills this micro-credential certifies'), { target: { value: 'zzz' } });
    expect(await screen.findByText('No skills match “zzz”.', {}, SLOW)).toBeTruthy();
  });
});
