/** An invitation link: preview, then accept once signed in with the invited email. */
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { accountLinks, WrongAccountAlert } from '../components/EmailedLinkAccount';
import { PageTitle } from '../components/PageTitle';
import { ROLE_DESCRIPTIONS, RoleBadge } from '../components/RoleBadge';
import { ErrorState, LoadingState, ProblemAlert } from '../components/states';
import { useFormState } from '../lib/forms';
import { appPath, formatDateTime } from '../lib/links';
import { useSession } from '../lib/session';
import { InvitationPreview as InvitationPreviewContract, OrgWithRole as OrgWithRoleContract } from '@tessera/shared';
import { apiCall, useApiQuery } from '../lib/query';

/** The accept-invitation screen. */
export function InvitationPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { state, refresh, signOut } = useSession();
  const preview = useApiQuery(`/invitations/${encodeURIComponent(token)}`, InvitationPreviewContract);
  const form = useFormState();

  async function accept() {
    await form.run(async () => {
      const org = await apiCall('POST', `/invitations/${encodeURIComponent(token)}/accept`, OrgWithRoleContract);
      await refresh();
      void navigate(`/orgs/${org.slug}`);
    });
  }

  const here = appPath(`/invitations/${token}`);

  return (
    <Paper withBorder p="xl" radius="md" maw={560} mx="auto" mt="lg">
      <PageTitle title="Invitation">Invitation to join an organisation</PageTitle>
      {preview.status === 'loading' || state.status === 'loading' ? <LoadingState label="Loading the invitation…" /> : null}
      {preview.status === 'error' ? <ErrorState error={preview.error} title="This invitation cannot be opened" /> : null}
      {preview.status === 'ok' && state.status !== 'loading' ? (
        <Stack>
          <Text size="lg">
            You have been invited to join <strong>{preview.data.orgName}</strong> as
          </Text>
          <Group gap="sm">
            <RoleBadge role={preview.data.role} />
            <Text size="sm">{ROLE_DESCRIPTIONS[preview.data.role]}</Text>
          </Group>
          <Text size="sm">
            Invited email: <strong>{preview.data.email}</strong> · expires {formatDateTime(preview.data.expiresAt)}
          </Text>
          {preview.data.status !== 'pending' ? (
            <Alert color="gray.8" variant="outline" title="This invitation is no longer open" role="status">
              Its status is {preview.data.status}. Ask an owner of {preview.data.orgName} for a new invitation.
            </Alert>
          ) : state.status === 'signed-in' ? (
            <>
              <ProblemAlert problem={form.problem} />
              {state.session.account.email.toLowerCase() !== preview.data.email.toLowerCase() ? (
                <WrongAccountAlert onSignOut={() => void signOut()}>
                  You are signed in as {state.session.account.email}, but this invitation is for {preview.data.email}. Sign out and sign in
                  with the invited address to accept it.
                </WrongAccountAlert>
              ) : null}
              <Group>
                <Button onClick={() => void accept()} loading={form.submitting}>
                  Accept invitation
                </Button>
                <Button component={Link} to="/" variant="default">
                  Not now
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Text>Sign in or create an account with {preview.data.email} to accept. You will come back here afterwards.</Text>
              <Group>
                <Button component={Link} to={accountLinks(here, preview.data.email).signIn}>
                  Sign in to accept
                </Button>
                <Button component={Link} to={accountLinks(here, preview.data.email).signUp} variant="default">
                  Create an account
                </Button>
              </Group>
            </>
          )}
        </Stack>
      ) : null}
    </Paper>
  );
}
