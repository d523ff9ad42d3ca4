/** The learner's earned credentials with their status and downloads. */
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { CredentialStatusBadge } from '../../components/SubmissionState';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatDateTime } from '../../lib/links';
import type { CredentialSummary } from '../../lib/types';
import { useResource } from '../../lib/useResource';

/** My credentials. */
export function MyCredentialsPage() {
  const list = useResource<CredentialSummary[]>('/me/credentials');
  return (
    <>
      <PageTitle title="My credentials">My credentials</PageTitle>
      {list.status === 'loading' ? <LoadingState label="Loading your credentials…" /> : null}
      {list.status === 'error' ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ok' && list.data.length === 0 ? (
        <EmptyState
          title="No credentials yet"
          action={
            <Button component={Link} to="/me/submissions">
              Go to my learning
            </Button>
          }
        >
          When an assessor passes your evidence, a signed Open Badges 3.0 credential appears here.
        </EmptyState>
      ) : null}
      {list.status === 'ok' && list.data.length > 0 ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="plain-list" aria-label="Credentials">
          {list.data.map((c) => (
            <Card component="li" key={c.id} withBorder radius="md" padding="lg">
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Title order={2} size="h4">
                    {c.achievementName}
                  </Title>
                  <CredentialStatusBadge status={c.status} />
                </Group>
                <Text size="sm">Issued by {c.issuerName}</Text>
                <Text size="sm">Issued {formatDateTime(c.issuedAt)}</Text>
                <Text size="sm">{c.validUntil ? `Valid until ${formatDateTime(c.validUntil)}` : 'Does not expire'}</Text>
                {c.statusReason ? <Text size="sm">Reason: {c.statusReason}</Text> : null}
                <Group gap="sm">
                  <Anchor href={c.pageUrl} target="_blank" rel="noopener noreferrer">
                    Public page
                  </Anchor>
                  <Anchor href={c.jsonUrl} target="_blank" rel="noopener noreferrer">
                    Signed credential (JSON)
                  </Anchor>
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      ) : null}
    </>
  );
}
