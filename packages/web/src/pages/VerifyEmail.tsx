/** Email verification: the page behind the emailed link, the reminder banner and the resend button. */
import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { VerificationEmailSent } from '@tessera/shared';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../components/PageTitle';
import { LoadingState, ProblemAlert } from '../components/states';
import { api } from '../lib/api';
import { useFormState } from '../lib/forms';
import { useSession } from '../lib/session';
import { apiCall } from '../lib/query';

/** Ask for a new verification link; says when it was sent. */
export function ResendVerificationButton() {
  const form = useFormState();
  const [sent, setSent] = useState(false);
  const { refresh } = useSession();

  async function resend() {
    setSent(false);
    await form.run(async () => {
      const res = await apiCall('POST', '/account/verification-email', VerificationEmailSent);
      if (res.sent) setSent(true);
      else await refresh();
    });
  }

  return (
    <Stack gap="xs">
      <ProblemAlert problem={form.problem} />
      <Group gap="sm">
        <Button variant="light" size="xs" loading={form.submitting} onClick={() => void resend()}>
          Resend verification email
        </Button>
        {sent ? (
          <Text size="sm" role="status" c="teal.9" fw={500}>
            Sent. Check your inbox.
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}

/** Shown above every signed-in screen until the account's address is verified. */
export function EmailVerificationBanner() {
  const { state } = useSession();
  if (state.status !== 'signed-in' || state.session.account.emailVerified) return null;
  return (
    <Alert color="blue.9" variant="outline" title="Confirm your email address" mb="md" role="region" aria-label="Email verification">
      <Stack gap="xs">
        <Text size="sm">
          We sent a link to {state.session.account.email}. Until you open it, Tessera emails you no credentials or notifications; they stay
          in the app.
        </Text>
        <ResendVerificationButton />
      </Stack>
    </Alert>
  );
}

type Outcome = { status: 'working' } | { status: 'verified' } | { status: 'failed' };

/** The page the verification link opens: confirms the address with the token from the link. */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { state, refresh } = useSession();
  const form = useFormState();
  const [outcome, setOutcome] = useState<Outcome>({ status: 'working' });
  const started = useRef(false);

  useEffect(() => {
    // Wait for the session probe: a signed-in tab must send the session's CSRF token with the POST.
    if (started.current || state.status === 'loading') return;
    started.current = true;
    void form
      .run(async () => {
        await api('POST', '/auth/verify-email', { body: { token }, allowAnonymous: true });
      })
      .then(async (ok) => {
        setOutcome({ status: ok ? 'verified' : 'failed' });
        if (ok) await refresh();
      });
  }, [form, token, refresh, state.status]);

  const signedIn = state.status === 'signed-in';
  return (
    <Paper withBorder p="xl" radius="md" maw={520} mx="auto" mt="lg">
      <PageTitle title="Confirm your email address">Confirm your email address</PageTitle>
      {outcome.status === 'working' ? <LoadingState label="Confirming your email address…" /> : null}
      {outcome.status === 'verified' ? (
        <Stack>
          <Text role="status" c="teal.9" fw={500}>
            Thank you: your email address is confirmed.
          </Text>
          <Anchor component={Link} to={signedIn ? '/' : '/signin'}>
            {signedIn ? 'Go to Tessera' : 'Sign in'}
          </Anchor>
        </Stack>
      ) : null}
      {outcome.status === 'failed' ? (
        <Stack>
          <ProblemAlert problem={form.problem} />
          {signedIn ? (
            <ResendVerificationButton />
          ) : (
            <Text size="sm">
              <Anchor component={Link} to="/signin">
                Sign in
              </Anchor>{' '}
              to ask for a new link.
            </Text>
          )}
        </Stack>
      ) : null}
    </Paper>
  );
}
