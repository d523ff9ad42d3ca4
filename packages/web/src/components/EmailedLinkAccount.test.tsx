// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../test/render';
import { accountLinks, WrongAccountAlert } from './EmailedLinkAccount';

describe('emailed-link account pieces', () => {
  it('explains the wrong account and signs out on request', () => {
    const signOut = vi.fn();
    renderWithApp(<WrongAccountAlert onSignOut={signOut}>You are signed in as b@example.test.</WrongAccountAlert>);
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('Different email address');
    expect(note.textContent).toContain('You are signed in as b@example.test.');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(signOut).toHaveBeenCalledTimes(1);
  });

  it('builds sign-in and sign-up addresses that prefill the email and come back to the link', () => {
    const { signIn, signUp } = accountLinks('/app/claim/t0k?x=1', 'a+b@example.test');
    for (const [href, path] of [
      [signIn, '/signin'],
      [signUp, '/signup'],
    ] as const) {
      const url = new URL(href, 'http://app.test');
      expect(url.pathname).toBe(path);
      expect(url.searchParams.get('next')).toBe('/app/claim/t0k?x=1');
      expect(url.searchParams.get('email')).toBe('a+b@example.test');
    }
  });
});
