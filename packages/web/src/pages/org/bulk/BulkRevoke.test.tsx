// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { BulkRevoke } from './BulkRevoke';

describe('bulk revocation preview', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts in words that agree with the number', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ count: 1, alreadyRevoked: 0, unknown: ['cred_x'], sample: [] })),
    );
    renderWithApp(<BulkRevoke slug="riverside" achievements={[]} runs={[]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      '1 credential would be revoked; 1 id does not name a credential of this organisation.',
    );
    expect(screen.getByRole('button', { name: 'Revoke 1 credential' })).toBeTruthy();
  });
});
