/** Request a password-reset email. */
import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { PasswordResetRequestInput } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/states';
import { api } from '../lib/api';
import { useFormState, validate } from '../lib/forms';

/** The forgot-password screen. */
export function ForgotPasswordPage() {
  const form = useFormState();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = validate(PasswordResetRequestInput, { email });
    if (!result.ok) return form.setFieldErrors(result.errors);
    await form.run(async () => {
      await api('POST', '/auth/password-reset/request', { body: result.data, allowAnonymous: true });
      setSentTo(result.data.email);
    });
  }

  return (
    <Paper withBorder p="xl" radius="md" maw={460} mx="auto" mt="lg">
      <PageTitle title="Reset your password">Reset your password</PageTitle>
      {sentTo ? (
        <Stack>
          <Alert color="teal.9" variant="outline" title="Check your email" role="status">
            <Text size="sm">
              If an account exists for {sentTo}, we have sent it a link to choose a new password. The link expires soon and works once.
            </Text>
          </Alert>
          <Anchor component={Link} to="/signin">
            Back to sign in
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Stack>
            <Text>Enter the email address of your account and we will send you a link to choose a new password.</Text>
            <ProblemAlert problem={form.problem} />
            <TextInput
              label="Email"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={form.fieldErrors.email}
            />
            <Button type="submit" loading={form.submitting}>
              Send reset link
            </Button>
            <Anchor component={Link} to="/signin" size="sm">
              Back to sign in
            </Anchor>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
