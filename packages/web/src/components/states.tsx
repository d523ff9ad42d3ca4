/** Loading, empty and error states shared by every screen. */
import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../lib/api';
import type { Problem } from '../lib/types';

/** A centred spinner with an accessible label. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden="true" />
        <Text>{label}</Text>
      </Group>
    </Center>
  );
}

/** An error state for a failed load, with the server's explanation and a retry. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const problem = error instanceof ApiError ? error.problem : null;
  const heading =
    title ?? (problem?.status === 403 ? 'You do not have access to this' : problem?.status === 404 ? 'Not found' : 'Could not load this');
  return (
    <Alert color="red.9" variant="outline" title={heading} role="alert">
      <Stack gap="xs">
        <Text size="sm">{errorMessage(error)}</Text>
        {problem?.requestId ? (
          <Text size="xs" c="dimmed">
            Request id: {problem.requestId}
          </Text>
        ) : null}
        {onRetry && problem?.status !== 403 && problem?.status !== 404 ? (
          <Group>
            <Button variant="default" size="xs" onClick={onRetry}>
              Try again
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** The problem returned by a failed submission. Field errors are shown next to their fields. */
export function ProblemAlert({ problem }: { problem: Problem | null }) {
  if (!problem) return null;
  return (
    <Alert color="red.9" variant="outline" title={problem.title} role="alert">
      <Text size="sm">{problem.detail ?? 'The request failed.'}</Text>
      {problem.errors && problem.errors.length > 0 ? (
        <Text size="sm" mt={4}>
          Check the highlighted fields.
        </Text>
      ) : null}
    </Alert>
  );
}

/** An empty state: what is missing and what to do about it. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Stack align="center" gap="sm" py="xl" px="md" style={{ border: '1px dashed var(--mantine-color-gray-5)', borderRadius: 8 }}>
      <Title order={2} size="h3">
        {title}
      </Title>
      {children ? (
        <Text c="dimmed" ta="center" maw={480}>
          {children}
        </Text>
      ) : null}
      {action}
    </Stack>
  );
}
