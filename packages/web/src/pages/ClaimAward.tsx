/** A claim link from an award email: see the award, sign in or up with that email, confirm it, claim. */
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { ClaimPreview, ClaimResult } from '@tessera/shared';
import { accountLinks, WrongAccountAlert } from '../components/EmailedLinkAccount';
import { PageTitle } from '../components/PageTitle';
import { ErrorState, LoadingState, ProblemAlert } from '../components/states';
import { useFormState } from '../lib/forms';
import { appPath, formatDateTime } from '../lib/links';
import { apiCall, useApiQuery } from '../lib/query';
import { useSession } from '../lib/session';
import { WARNING } from '../theme';

/** The claim-an-award screen. */
export function ClaimAwardPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { state, signOut } = useSession();
  const preview = useApiQuery(`/awards/claim/${encodeURIComponent(token)}`, ClaimPreview);
  const form = useFormState();
  const here = appPath(`/claim/${token}`);

  async function claim() {
    await form.run(async () => {
      await apiCall('POST', `/awards/claim/${encodeURIComponent(token)}`, ClaimResult);
      void navigate('/me/credentials');
    });
  }

  return (
    <Paper withBorder p="xl" radius="md" maw={560} mx="auto" mt="lg">
      <PageTitle title="Claim your credential">Claim your credential</PageTitle>
      {preview.status === 'loading' || state.status === 'loading' ? <LoadingState label="Loading the award…" /> : null}
      {preview.status === 'error' ? <ErrorState error={preview.error} title="This claim link cannot be opened" /> : null}
      {preview.status === 'ok' && state.status !== 'loading' ? (
        <Stack>
          <Text size="lg">
            <strong>{preview.data.issuerName}</strong> awarded <strong>{preview.data.recipientName}</strong> the credential{' '}
            <strong>“{preview.data.achievementName}”</strong>.
          </Text>
          <Text size="sm">
            Sent to <strong>{preview.data.email}</strong>
            {preview.data.expiresAt ? ` · the link works until ${formatDateTime(preview.data.expiresAt)}` : ''}
          </Text>
          {preview.data.state === 'expired' ? (
            <Alert color={WARNING} variant="outline" title="This link has expired" role="status">
              Ask {preview.data.issuerName} to send the award email again.
            </Alert>
          ) : preview.data.state === 'claimed' ? (
            <Alert color="gray.8" variant="outline" title="Already claimed" role="status">
              This credential is already in an account. <Link to="/me/credentials">See my credentials</Link>.
            </Alert>
          ) : state.status === 'signed-in' ? (
            <>
              <ProblemAlert problem={form.problem} />
              {state.session.account.email.toLowerCase() !== preview.data.email ? (
                <WrongAccountAlert onSignOut={() => void signOut()}>
                  You are signed in as {state.session.account.email}, but this award was sent to {preview.data.email}. Sign out, then sign
                  in or create an account with {preview.data.email}.
                </WrongAccountAlert>
              ) : !state.session.account.emailVerified ? (
                <Alert color={WARNING} variant="outline" title="Confirm your email first" role="note">
                  Open the confirmation link we sent to {preview.data.email}, then come back to this page and claim.
                </Alert>
              ) : null}
              <Group>
                <Button onClick={() => void claim()} loading={form.submitting}>
                  Claim credential
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Text>Sign in, or create an account, with {preview.data.email} to claim it. You will come back here afterwards.</Text>
              <Group>
                <Button component={Link} to={accountLinks(here, preview.data.email).signUp}>
                  Create an account
                </Button>
                <Button component={Link} to={accountLinks(here, preview.data.email).signIn} variant="default">
                  Sign in
                </Button>
              </Group>
            </>
          )}
        </Stack>
      ) : null}
    </Paper>
  );
}
