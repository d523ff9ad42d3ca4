/** Pieces shared by screens opened from an emailed link (a claim, an invitation) that must be used with that email's account. */
import { Alert, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { WARNING } from '../theme';

/** Says the signed-in account is not the one the link was sent to (`children` explain), with a Sign out button. */
export function WrongAccountAlert({ children, onSignOut }: { children: ReactNode; onSignOut: () => void }) {
  return (
    <Alert color={WARNING} variant="outline" title="Different email address" role="note">
      {children}
      <Group mt="sm">
        <Button variant="default" size="xs" onClick={onSignOut}>
          Sign out
        </Button>
      </Group>
    </Alert>
  );
}

/** Sign-in and sign-up addresses that prefill `email` and come back to `next` afterwards. */
export function accountLinks(next: string, email: string): { signIn: string; signUp: string } {
  const query = new URLSearchParams({ next, email }).toString();
  return { signIn: `/signin?${query}`, signUp: `/signup?${query}` };
}
