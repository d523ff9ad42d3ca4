/** Sign in with email and password. */
import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { Session as SessionContract, SignInInput } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/states';
import { useFormState, validate } from '../lib/forms';
import { safeNext } from '../lib/links';
import { useSession } from '../lib/session';
import { apiCall } from '../lib/query';

/** The sign-in screen. */
export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { setSession } = useSession();
  const form = useFormState();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const next = params.get('next');
  const notice = params.get('notice');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = validate(SignInInput, { email, password });
    if (!result.ok) return form.setFieldErrors(result.errors);
    await form.run(async () => {
      const session = await apiCall('POST', '/auth/signin', SessionContract, { body: result.data, allowAnonymous: true });
      setSession(session);
      void navigate(safeNext(next), { replace: true });
    });
  }

  const query = new URLSearchParams();
  if (next) query.set('next', next);
  if (email) query.set('email', email);
  const qs = query.toString();

  return (
    <Paper withBorder p="xl" radius="md" maw={460} mx="auto" mt="lg">
      <PageTitle title="Sign in">Sign in to Tessera</PageTitle>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          {notice === 'password-reset' ? (
            <Text role="status" c="teal.9" fw={500}>
              Your password has been changed. Sign in with the new one.
            </Text>
          ) : null}
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
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={form.fieldErrors.password}
          />
          <Button type="submit" loading={form.submitting}>
            Sign in
          </Button>
          <Text size="sm">
            <Anchor component={Link} to="/forgot-password">
              Forgot your password?
            </Anchor>
          </Text>
          <Text size="sm">
            New to Tessera?{' '}
            <Anchor component={Link} to={`/signup${qs ? `?${qs}` : ''}`}>
              Create an account
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
