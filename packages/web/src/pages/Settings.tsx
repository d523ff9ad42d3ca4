/** Account settings: name, DID, privacy on credentials, password. */
import { Button, Checkbox, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { Account as AccountContract, ChangePasswordInput, LIMITS, UpdateAccountInput } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/states';
import { api } from '../lib/api';
import { blankToNull, useFormState, validate } from '../lib/forms';
import { useSession, useSignedInSession } from '../lib/session';
import { ResendVerificationButton } from './VerifyEmail';
import { apiCall } from '../lib/query';
import { NotificationPreferences } from '../components/NotificationPreferences';

function ProfileForm() {
  const session = useSignedInSession();
  const { refresh } = useSession();
  const account = session.account;
  const form = useFormState();
  const [name, setName] = useState(account.name);
  const [did, setDid] = useState(account.did ?? '');
  const [showName, setShowName] = useState(account.showNameOnCredentials);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const result = validate(UpdateAccountInput, { name, did: blankToNull(did), showNameOnCredentials: showName });
    if (!result.ok) return form.setFieldErrors(result.errors);
    const ok = await form.run(async () => {
      await apiCall('PATCH', '/account', AccountContract, { body: result.data });
      await refresh();
    });
    setSaved(ok);
  }

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="profile-heading">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <Title order={2} size="h3" id="profile-heading">
            Profile
          </Title>
          <ProblemAlert problem={form.problem} />
          {saved ? (
            <Text role="status" c="teal.9" fw={500}>
              Settings saved.
            </Text>
          ) : null}
          <TextInput
            label="Email"
            value={account.email}
            readOnly
            description={
              account.emailVerified
                ? 'Your sign-in address (confirmed)'
                : 'Your sign-in address, not confirmed yet: credentials and notifications are not emailed to it until you open the link we sent'
            }
          />
          {account.emailVerified ? null : <ResendVerificationButton />}
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.fieldErrors.name}
            maxLength={LIMITS.nameMaxLength}
          />
          <TextInput
            label="Decentralised identifier (DID)"
            description="Optional. Credentials can name this DID (for example did:key:z6Mk…) as their subject so your wallet can prove you hold them."
            value={did}
            onChange={(e) => setDid(e.currentTarget.value)}
            error={form.fieldErrors.did}
          />
          <Checkbox
            label="Show my name on credentials"
            description="When off, credentials issued to you leave your name out."
            checked={showName}
            onChange={(e) => setShowName(e.currentTarget.checked)}
            error={form.fieldErrors.showNameOnCredentials}
          />
          <Group>
            <Button type="submit" loading={form.submitting}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function PasswordForm() {
  const form = useFormState();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [changed, setChanged] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChanged(false);
    const result = validate(ChangePasswordInput, { currentPassword, newPassword });
    if (!result.ok) return form.setFieldErrors(result.errors);
    if (newPassword !== confirm) return form.setFieldErrors({ confirm: 'The passwords do not match' });
    const ok = await form.run(async () => {
      await api('POST', '/account/password', { body: result.data });
    });
    if (ok) {
      setCurrent('');
      setNew('');
      setConfirm('');
      setChanged(true);
    }
  }

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="password-heading">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <Title order={2} size="h3" id="password-heading">
            Change password
          </Title>
          <ProblemAlert problem={form.problem} />
          {changed ? (
            <Text role="status" c="teal.9" fw={500}>
              Password changed. You were signed out everywhere else, and any password reset links sent earlier no longer work.
            </Text>
          ) : null}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={form.fieldErrors.currentPassword}
          />
          <PasswordInput
            label="New password"
            description={`At least ${LIMITS.passwordMinLength} characters`}
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            error={form.fieldErrors.newPassword}
          />
          <PasswordInput
            label="Repeat the new password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={form.fieldErrors.confirm}
          />
          <Group>
            <Button type="submit" loading={form.submitting}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The account settings screen. */
export function SettingsPage() {
  return (
    <>
      <PageTitle title="Account settings">Account settings</PageTitle>
      <Stack gap="lg" maw={640}>
        <ProfileForm />
        <PasswordForm />
        <NotificationPreferences />
      </Stack>
    </>
  );
}
