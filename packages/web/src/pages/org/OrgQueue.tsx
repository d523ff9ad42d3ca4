/** The assessor queue: submissions oldest first, with their age against the service level. */
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { SubmissionStateBadge } from '../../components/SubmissionState';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatDateTime } from '../../lib/links';
import type { QueueItem } from '../../lib/types';
import { useResource } from '../../lib/useResource';
import { useOrg } from './OrgLayout';

/** The review queue. */
export function OrgQueuePage() {
  const { org } = useOrg();
  const queue = useResource<QueueItem[]>(`/orgs/${encodeURIComponent(org.slug)}/queue`);
  return (
    <>
      <PageTitle title={`Review queue · ${org.name}`}>Review queue</PageTitle>
      <Text mb="md">
        Oldest first. Service level: reviewed within {org.reviewSlaDays} days. {org.blindReviews ? 'Reviews are blind: learners’ names are hidden.' : ''}
      </Text>
      {queue.status === 'loading' ? <LoadingState label="Loading the queue…" /> : null}
      {queue.status === 'error' ? <ErrorState error={queue.error} onRetry={queue.reload} /> : null}
      {queue.status === 'ok' && queue.data.length === 0 ? <EmptyState title="The queue is empty">Nothing is waiting for review.</EmptyState> : null}
      {queue.status === 'ok' && queue.data.length > 0 ? (
        <DataTable caption={'Submissions waiting for review'} headers={['Submission', 'Learner', 'State', 'Submitted', 'Age', 'Review slots']} minWidth={720}>
              {queue.data.map((q) => (
                <Table.Tr key={q.submissionId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/orgs/${org.slug}/submissions/${q.submissionId}`}>
                      {q.achievementName}
                    </Anchor>
                    <Text size="xs">
                      version {q.version}, attempt {q.attempt}
                    </Text>
                  </Table.Td>
                  <Table.Td>{q.learnerLabel}</Table.Td>
                  <Table.Td>
                    <SubmissionStateBadge state={q.state} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(q.submittedAt)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Text size="sm">
                        {q.ageDays.toFixed(1)} of {q.slaDays} days
                      </Text>
                      {q.overdue ? (
                        <Badge color="red.9" variant="filled">
                          Overdue
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {q.doubleScored ? <Badge variant="outline">Double-scored</Badge> : null}
                      {q.claimedByMe ? <Badge color="indigo.9">Claimed by you</Badge> : null}
                      {q.reviewedByMe ? <Badge color="teal.9">Reviewed by you</Badge> : null}
                      <Text size="sm">{q.slotsOpen} open</Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
      ) : null}
    </>
  );
}
