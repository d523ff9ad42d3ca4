/** Create an account. */
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { LIMITS, Session as SessionContract, SignUpAccepted, SignUpInput } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/states';
import { ApiError } from '../lib/api';
import { useFormState, validate } from '../lib/forms';
import { safeNext } from '../lib/links';
import { useSession } from '../lib/session';
import { apiCall } from '../lib/query';

/** The sign-up screen. */
export function SignUpPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { setSession } = useSession();
  const form = useFormState();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const next = params.get('next');
  const [checkEmail, setCheckEmail] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = validate(SignUpInput, { name, email, password });
    if (!result.ok) return form.setFieldErrors(result.errors);
    await form.run(async () => {
      // Sign-up answers the same whether or not the address already has an account, and signs nobody in.
      const accepted = await apiCall('POST', '/auth/signup', SignUpAccepted, { body: result.data, allowAnonymous: true });
      try {
        const session = await apiCall('POST', '/auth/signin', SessionContract, {
          body: { email: result.data.email, password: result.data.password },
          allowAnonymous: true,
        });
        setSession(session);
        void navigate(safeNext(next), { replace: true });
      } catch (err) {
        // The address already had an account with another password: its owner was emailed.
        if (err instanceof ApiError && err.status === 401) setCheckEmail(accepted.email);
        else throw err;
      }
    });
  }

  const query = new URLSearchParams();
  if (next) query.set('next', next);
  if (email) query.set('email', email);
  const qs = query.toString();

  return (
    <Paper withBorder p="xl" radius="md" maw={460} mx="auto" mt="lg">
      <PageTitle title="Create your account">Create your Tessera account</PageTitle>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          {checkEmail ? (
            <Alert color="blue.9" variant="outline" title="Check your email" role="status">
              We sent a message to {checkEmail}. If you already have an account with this address, the email tells you how to sign in or
              reset your password.
            </Alert>
          ) : null}
          <ProblemAlert problem={form.problem} />
          <TextInput
            label="Name"
            autoComplete="name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.fieldErrors.name}
            maxLength={LIMITS.nameMaxLength}
          />
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
            description={`At least ${LIMITS.passwordMinLength} characters`}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={form.fieldErrors.password}
          />
          <Button type="submit" loading={form.submitting}>
            Create account
          </Button>
          <Text size="sm">
            Already have an account?{' '}
            <Anchor component={Link} to={`/signin${qs ? `?${qs}` : ''}`}>
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
