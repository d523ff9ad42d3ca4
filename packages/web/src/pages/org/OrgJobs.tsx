/** Background jobs of the organisation that failed for good (owners), with a retry action. */
import { Button, Code, Stack, Table, Text } from '@mantine/core';
import type { FailedJob } from '@tessera/shared';
import { useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { api } from '../../lib/api';
import { useFormState } from '../../lib/forms';
import { formatDateTime } from '../../lib/links';
import { useOrg } from './OrgLayout';
import { FailedJobList } from '../../lib/contracts';
import { useApiQuery } from '../../lib/query';

/** The failed-jobs screen. */
export function OrgJobsPage() {
  const { org } = useOrg();
  const slug = encodeURIComponent(org.slug);
  const isOwner = org.role === 'owner';
  const jobs = useApiQuery(isOwner ? `/orgs/${slug}/jobs/failed` : null, FailedJobList);
  const form = useFormState();
  const [retried, setRetried] = useState<string | null>(null);

  async function retry(job: FailedJob) {
    const ok = await form.run(async () => {
      await api('POST', `/orgs/${slug}/jobs/${encodeURIComponent(job.id)}/retry`);
    });
    if (ok) {
      setRetried(job.description);
      jobs.reload();
    }
  }

  if (!isOwner) {
    return (
      <>
        <PageTitle title={`${org.name} failed jobs`}>Failed jobs</PageTitle>
        <EmptyState title="Only owners see failed jobs" />
      </>
    );
  }

  return (
    <>
      <PageTitle title={`${org.name} failed jobs`}>Failed jobs</PageTitle>
      <Stack gap="md">
        <Text>
          Work that runs in the background (such as signing a credential after a pass) is tried several times. When every attempt fails, it
          stops here until you run it again. Learners are told their credential could not be signed yet.
        </Text>
        <ProblemAlert problem={form.problem} />
        {retried ? (
          <Text role="status" c="teal.9" fw={500}>
            Queued again: {retried}.
          </Text>
        ) : null}
        {jobs.status === 'loading' ? <LoadingState label="Loading failed jobs…" /> : null}
        {jobs.status === 'error' ? <ErrorState error={jobs.error} onRetry={jobs.reload} /> : null}
        {jobs.status === 'ok' && jobs.data.length === 0 ? <EmptyState title="No failed jobs">Everything ran.</EmptyState> : null}
        {jobs.status === 'ok' && jobs.data.length > 0 ? (
          <Table.ScrollContainer minWidth={720}>
            <Table withTableBorder striped aria-label="Failed jobs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">What</Table.Th>
                  <Table.Th scope="col">Last error</Table.Th>
                  <Table.Th scope="col">Attempts</Table.Th>
                  <Table.Th scope="col">Failed on</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Action</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {jobs.data.map((j) => (
                  <Table.Tr key={j.id}>
                    <Table.Td>{j.description}</Table.Td>
                    <Table.Td>{j.lastError ? <Code className="wrap-anywhere">{j.lastError}</Code> : '—'}</Table.Td>
                    <Table.Td>
                      {j.attempts} of {j.maxAttempts}
                    </Table.Td>
                    <Table.Td>{j.failedAt ? formatDateTime(j.failedAt) : '—'}</Table.Td>
                    <Table.Td>
                      <Button size="xs" loading={form.submitting} onClick={() => void retry(j)} aria-label={`Retry: ${j.description}`}>
                        Retry
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </>
  );
}
