/** In-app notifications, newest first; opening one marks it read. */
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { api } from '../lib/api';
import { formatDateTime } from '../lib/links';
import type { Notification } from '../lib/types';
import { NotificationList } from '../lib/contracts';
import { invalidateApi, useApiQuery } from '../lib/query';

/** Links in notifications are app paths (`/app/...`); the router works below `/app`. */
function routerPath(link: string): string | null {
  return link.startsWith('/app/') ? link.slice(4) : link.startsWith('/') ? link : null;
}

/** The notifications screen. */
export function NotificationsPage() {
  const list = useApiQuery('/me/notifications', NotificationList);
  const markRead = async (n: Notification) => {
    if (n.readAt) return;
    await api('POST', `/me/notifications/${n.id}/read`);
    await invalidateApi('/me/notifications');
  };
  return (
    <>
      <PageTitle title="Notifications">Notifications</PageTitle>
      {list.status === 'loading' ? <LoadingState label="Loading notifications…" /> : null}
      {list.status === 'error' ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ok' && list.data.length === 0 ? (
        <EmptyState title="Nothing new">We will tell you here when something needs you.</EmptyState>
      ) : null}
      {list.status === 'ok' && list.data.length > 0 ? (
        <Stack gap="sm" component="ul" className="plain-list" aria-label="Notifications">
          {list.data.map((n) => {
            const to = n.link ? routerPath(n.link) : null;
            return (
              <Paper component="li" key={n.id} withBorder p="md" radius="md">
                <Group justify="space-between" align="flex-start">
                  <Title order={2} size="h5">
                    {to ? (
                      <Anchor component={Link} to={to} onClick={() => void markRead(n)}>
                        {n.title}
                      </Anchor>
                    ) : (
                      n.title
                    )}
                  </Title>
                  <Group gap="xs">
                    {n.readAt ? null : (
                      <Badge color="indigo.9" variant="filled">
                        New
                      </Badge>
                    )}
                    <Text size="sm">{formatDateTime(n.createdAt)}</Text>
                  </Group>
                </Group>
                <Text mt={4}>{n.body}</Text>
                {n.readAt ? null : (
                  <Button variant="subtle" size="xs" mt="xs" onClick={() => void markRead(n)}>
                    Mark as read
                  </Button>
                )}
              </Paper>
            );
          })}
        </Stack>
      ) : null}
    </>
  );
}
