/** The organisation's audit log (owners), newest first, paged by cursor. */
import { Button, Code, Group, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/links';
import type { AuditEvent, AuditPage } from '../../lib/types';
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
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<{ status: 'loading' | 'ok' | 'more' } | { status: 'error'; error: unknown }>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (org.role !== 'owner') return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    api<AuditPage>('GET', `/orgs/${slug}/audit?limit=${PAGE_SIZE}`, { signal: controller.signal }).then(
      (page) => {
        setItems(page.items);
        setCursor(page.nextCursor);
        setState({ status: 'ok' });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [slug, org.role, attempt]);

  async function loadMore() {
    if (!cursor) return;
    setState({ status: 'more' });
    try {
      const page = await api<AuditPage>('GET', `/orgs/${slug}/audit?limit=${PAGE_SIZE}&cursor=${encodeURIComponent(cursor)}`);
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
      setState({ status: 'ok' });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }

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
      {state.status === 'loading' ? <LoadingState label="Loading the audit log…" /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={() => setAttempt((a) => a + 1)} /> : null}
      {state.status !== 'loading' && items.length === 0 && state.status !== 'error' ? <EmptyState title="No events yet">Actions taken in this organisation will be listed here.</EmptyState> : null}
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
      {cursor ? (
        <Group mt="md">
          <Button variant="default" loading={state.status === 'more'} onClick={() => void loadMore()}>
            Load older events
          </Button>
        </Group>
      ) : null}
    </>
  );
}
