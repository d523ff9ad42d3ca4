/** The organisation's audit log (owners), newest first, paged by cursor. */
import { Button, Code, Group, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { AuditPage } from '@tessera/shared';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatDateTime } from '../../lib/links';
import { apiCall, apiKey } from '../../lib/query';
import { useOrg } from './OrgLayout';

const PAGE_SIZE = 50;

function describeDetail(detail: Record<string, unknown>): string {
  const entries = Object.entries(detail);
  if (entries.length === 0) return '';
  return entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
}

/** The audit log screen. */
export function OrgAuditPage() {
  const { org } = useOrg();
  const slug = encodeURIComponent(org.slug);
  // Pages of the log through the query cache, each parsed by the shared AuditPage contract.
  const log = useInfiniteQuery({
    queryKey: apiKey(`/orgs/${slug}/audit`),
    enabled: org.role === 'owner',
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiCall('GET', `/orgs/${slug}/audit?limit=${PAGE_SIZE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`, AuditPage, {
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  if (org.role !== 'owner') {
    return (
      <>
        <PageTitle title={`${org.name} audit log`}>Audit log</PageTitle>
        <EmptyState title="Only owners can read the audit log" />
      </>
    );
  }

  return (
    <>
      <PageTitle title={`${org.name} audit log`}>Audit log</PageTitle>
      <Text mb="md">Security-relevant actions in {org.name}: sign-ins of members, membership changes, invitations and key rotations.</Text>
      {log.status === 'pending' ? <LoadingState label="Loading the audit log…" /> : null}
      {log.status === 'error' ? <ErrorState error={log.error} onRetry={() => void log.refetch()} /> : null}
      {log.status === 'success' && items.length === 0 ? (
        <EmptyState title="No events yet">Actions taken in this organisation will be listed here.</EmptyState>
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder aria-label="Audit events">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Action</Table.Th>
                <Table.Th scope="col">Actor</Table.Th>
                <Table.Th scope="col">Target</Table.Th>
                <Table.Th scope="col">Details</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  </Table.Td>
                  <Table.Td>
                    <Code>{e.action}</Code>
                  </Table.Td>
                  <Table.Td>{e.actor ? `${e.actor.name} (${e.actor.email})` : 'System'}</Table.Td>
                  <Table.Td className="wrap-anywhere">{e.target ?? '—'}</Table.Td>
                  <Table.Td className="wrap-anywhere">
                    {describeDetail(e.detail)}
                    {e.ip ? (
                      <Text size="xs" c="dimmed">
                        IP {e.ip}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {log.hasNextPage ? (
        <Group mt="md">
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            Load older events
          </Button>
        </Group>
      ) : null}
    </>
  );
}
