// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render';
import type { VerificationReport } from '../lib/types';
import { VerificationResult } from './VerificationReport';

const SALT = 'a1b2c3d4e5f60718';
/** hex(sha256('alex@riverside.example' + SALT)), computed independently with Node's crypto. */
const ALEX_HASH = 'fd3972efa7104cb7d79216f0076ac41c15728fba1a07bfef44effb8f719a8d89';
const credential = {
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:web:example.org:orgs:riverside', name: 'Riverside School District' },
  validFrom: '2026-01-15T09:30:00Z',
  credentialSubject: {
    type: ['AchievementSubject'],
    identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: SALT, identityHash: `sha256$${ALEX_HASH}` }],
    achievement: { name: 'Designing Effective Online Assessments', criteria: { narrative: 'Submit an assessment.' } },
  },
};

function report(verdict: VerificationReport['verdict']): VerificationReport {
  return {
    verdict,
    format: 'OB 3.0 Data Integrity',
    credential,
    steps: [
      { id: 'parse', status: 'passed', message: 'Read as JSON' },
      {
        id: 'proof',
        status: verdict === 'valid' ? 'passed' : 'failed',
        message: verdict === 'valid' ? 'The signature verifies' : 'The signature does not match the document',
      },
      { id: 'status.revocation', status: 'passed', message: 'Not revoked' },
      { id: 'dates', status: 'passed', message: 'Valid until 2029-11-01T10:53:29Z' },
    ],
  };
}

describe('the verification report view', () => {
  it('shows an invalid credential’s claims as UNVERIFIED, with a warning that nothing in them can be trusted', () => {
    renderWithApp(<VerificationResult report={report('invalid')} />);
    const claims = screen.getByRole('region', { name: 'What the credential claims' });
    expect(claims.getAttribute('data-verified')).toBe('false');
    expect(within(claims).getByText('Unverified')).toBeTruthy();
    expect(within(claims).queryByText('Verified')).toBeNull();
    expect(within(claims).getByText('Nothing below can be trusted')).toBeTruthy();
    expect(within(claims).getByText('Achievement (claimed)')).toBeTruthy();
    expect(within(claims).getByText('Designing Effective Online Assessments')).toBeTruthy();
  });

  it('shows a valid credential’s claims as verified, without the warning', () => {
    renderWithApp(<VerificationResult report={report('valid')} />);
    const claims = screen.getByRole('region', { name: 'What the credential claims' });
    expect(claims.getAttribute('data-verified')).toBe('true');
    expect(within(claims).getByText('Verified')).toBeTruthy();
    expect(within(claims).queryByText('Nothing below can be trusted')).toBeNull();
    expect(within(claims).getByText('Achievement')).toBeTruthy();
  });

  it('names the checks in plain words, never by their raw ids, and shows dates for people', () => {
    renderWithApp(<VerificationResult report={report('invalid')} />);
    const steps = screen.getByRole('list', { name: 'Verification steps' });
    expect(within(steps).getByText('Read the credential')).toBeTruthy();
    expect(within(steps).getByText('Digital signature')).toBeTruthy();
    expect(within(steps).getByText('Revocation')).toBeTruthy();
    for (const raw of ['parse', 'proof', 'status.revocation']) expect(within(steps).queryByText(raw)).toBeNull();
    // The verdict names the failed step in words too.
    expect(screen.getByRole('alert').textContent).toContain('Digital signature');
    const claims = screen.getByRole('region', { name: 'What the credential claims' });
    expect(claims.textContent).not.toContain('2026-01-15T09:30:00Z');
    expect(claims.textContent).toContain('2026');
    expect(steps.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(within(steps).getByText('Validity dates')).toBeTruthy();
  });

  it('checks a recipient email against the hashed identity: matches and does not match', async () => {
    renderWithApp(<VerificationResult report={report('valid')} />);
    const user = userEvent.setup();
    const box = screen.getByRole('textbox', { name: 'Email address' });
    await user.type(box, ' Alex@Riverside.example ');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('Matches')).toBeTruthy();
    expect(screen.getByText(/matches the recipient of this credential/)).toBeTruthy();
    await user.clear(box);
    await user.type(box, 'jordan@riverside.example');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('Does not match')).toBeTruthy();
  });

  it('says a match on an invalid credential proves nothing about who earned it', async () => {
    renderWithApp(<VerificationResult report={report('invalid')} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'alex@riverside.example');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText(/did not verify, so this does not show who earned it/)).toBeTruthy();
  });
});
