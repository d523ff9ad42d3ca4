/** Choose a new password with the emailed reset token. */
import { Anchor, Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { LIMITS, PasswordResetConfirmInput } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../components/PageTitle';
import { EmptyState, ProblemAlert } from '../components/states';
import { api } from '../lib/api';
import { useFormState, validate } from '../lib/forms';
import { useSession } from '../lib/session';

/** The reset-password screen (linked from the email). */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const { refresh } = useSession();
  const form = useFormState();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = validate(PasswordResetConfirmInput, { token, password });
    if (!result.ok) return form.setFieldErrors(result.errors);
    if (password !== confirm) return form.setFieldErrors({ confirm: 'The passwords do not match' });
    const ok = await form.run(async () => {
      await api('POST', '/auth/password-reset/confirm', { body: result.data, allowAnonymous: true });
    });
    if (ok) {
      await refresh();
      void navigate('/signin?notice=password-reset', { replace: true });
    }
  }

  return (
    <Paper withBorder p="xl" radius="md" maw={460} mx="auto" mt="lg">
      <PageTitle title="Choose a new password">Choose a new password</PageTitle>
      {!token ? (
        <EmptyState
          title="This link is incomplete"
          action={
            <Anchor component={Link} to="/forgot-password">
              Request a new link
            </Anchor>
          }
        >
          Open the link from your email again, or request a new one.
        </EmptyState>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Stack>
            <ProblemAlert problem={form.problem} />
            {form.fieldErrors.token ? (
              <Text c="red.9" role="alert">
                {form.fieldErrors.token}.{' '}
                <Anchor component={Link} to="/forgot-password">
                  Request a new link
                </Anchor>
              </Text>
            ) : null}
            <PasswordInput
              label="New password"
              description={`At least ${LIMITS.passwordMinLength} characters`}
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={form.fieldErrors.password}
            />
            <PasswordInput
              label="Repeat the new password"
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={form.fieldErrors.confirm}
            />
            <Button type="submit" loading={form.submitting}>
              Change password
            </Button>
            {form.problem ? (
              <Anchor component={Link} to="/forgot-password" size="sm">
                Request a new link
              </Anchor>
            ) : null}
          </Stack>
        </form>
      )}
    </Paper>
  );
}
