/** The learner's micro-credentials in progress and done. */
import { Anchor, Box, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { SubmissionSummary } from '@tessera/shared';
import { Link } from 'react-router';
import { z } from 'zod';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { SubmissionStateBadge } from '../../components/SubmissionState';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatDateTime } from '../../lib/links';
import { useApiQuery } from '../../lib/query';

const SubmissionList = z.array(SubmissionSummary);

/** My learning. */
export function MySubmissionsPage() {
  const list = useApiQuery('/me/submissions', SubmissionList);
  return (
    <>
      <PageTitle
        title="My learning"
        actions={
          <Button component={Link} to="/catalog" variant="default">
            Browse the catalog
          </Button>
        }
      >
        My learning
      </PageTitle>
      {list.status === 'loading' ? <LoadingState label="Loading your work…" /> : null}
      {list.status === 'error' ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ok' && list.data.length === 0 ? (
        <EmptyState
          title="You have not started a micro-credential yet"
          action={
            <Button component={Link} to="/catalog">
              Browse the catalog
            </Button>
          }
        >
          Pick a micro-credential, gather your evidence at your own pace, and submit it when you are ready.
        </EmptyState>
      ) : null}
      {list.status === 'ok' && list.data.length > 0 ? (
        <>
          {/* Phones get one card per micro-credential, so the state is never off-screen; wider screens a table. */}
          <Stack component="ul" className="plain-list" gap="sm" hiddenFrom="sm" aria-label="My micro-credentials">
            {list.data.map((s) => (
              <Paper component="li" key={s.id} withBorder radius="md" p="sm">
                <Stack gap={4}>
                  <Anchor component={Link} to={`/me/submissions/${s.id}`} fw={600}>
                    {s.name}
                  </Anchor>
                  <Group gap="xs">
                    <SubmissionStateBadge state={s.state} credentialStatus={s.credentialStatus} />
                    {s.attempt > 1 ? <Text size="xs">attempt {s.attempt}</Text> : null}
                  </Group>
                  <Text size="sm">
                    {s.issuerName} · {formatDateTime(s.updatedAt)}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </Stack>
          <Box visibleFrom="sm">
            <DataTable caption="My micro-credentials" headers={['Micro-credential', 'Issuer', 'State', 'Last change']} minWidth={600}>
              {list.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/me/submissions/${s.id}`}>
                      {s.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.issuerName}</Table.Td>
                  <Table.Td>
                    <SubmissionStateBadge state={s.state} credentialStatus={s.credentialStatus} />
                    {s.attempt > 1 ? <Text size="xs">attempt {s.attempt}</Text> : null}
                  </Table.Td>
                  <Table.Td>{formatDateTime(s.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Box>
        </>
      ) : null}
    </>
  );
}
