/** The learner's micro-credentials in progress and done. */
import { Anchor, Button, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { SubmissionStateBadge } from '../../components/SubmissionState';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatDateTime } from '../../lib/links';
import type { SubmissionSummary } from '../../lib/types';
import { useResource } from '../../lib/useResource';

/** My learning. */
export function MySubmissionsPage() {
  const list = useResource<SubmissionSummary[]>('/me/submissions');
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
        <DataTable caption={'My micro-credentials'} headers={['Micro-credential', 'Issuer', 'State', 'Last change']} minWidth={600}>
              {list.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/me/submissions/${s.id}`}>
                      {s.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.issuerName}</Table.Td>
                  <Table.Td>
                    <SubmissionStateBadge state={s.state} />
                    {s.attempt > 1 ? <Text size="xs">attempt {s.attempt}</Text> : null}
                  </Table.Td>
                  <Table.Td>{formatDateTime(s.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
      ) : null}
    </>
  );
}
