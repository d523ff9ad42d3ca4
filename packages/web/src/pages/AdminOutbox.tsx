/** The development outbox (platform admins): every email the platform sent without SMTP. */
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { PageTitle } from '../components/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { formatDateTime, linkify } from '../lib/links';
import { useSignedInSession } from '../lib/session';
import { OutboxMessageList } from '../lib/contracts';
import { useApiQuery } from '../lib/query';

function MessageText({ text }: { text: string }) {
  return (
    <Text component="div" size="sm" className="mail-text">
      {linkify(text).map((part, i) =>
        part.kind === 'link' ? (
          <Anchor key={i} href={part.value} className="wrap-anywhere">
            {part.value}
          </Anchor>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </Text>
  );
}

/** The outbox screen. */
export function AdminOutboxPage() {
  const session = useSignedInSession();
  const outbox = useApiQuery(session.account.isPlatformAdmin ? '/admin/outbox' : null, OutboxMessageList);

  if (!session.account.isPlatformAdmin) {
    return (
      <>
        <PageTitle title="Dev outbox">Dev outbox</PageTitle>
        <EmptyState title="Only platform admins can read the outbox" />
      </>
    );
  }

  const messages = outbox.status === 'ok' ? [...outbox.data].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) : [];

  return (
    <>
      <PageTitle
        title="Dev outbox"
        actions={
          <Button variant="default" onClick={outbox.reload}>
            Refresh
          </Button>
        }
      >
        Dev outbox
      </PageTitle>
      <Text mb="md">Emails the platform sent while no SMTP server is configured, newest first.</Text>
      {outbox.status === 'loading' ? <LoadingState label="Loading the outbox…" /> : null}
      {outbox.status === 'error' ? <ErrorState error={outbox.error} onRetry={outbox.reload} /> : null}
      {outbox.status === 'ok' && messages.length === 0 ? (
        <EmptyState title="The outbox is empty">Invitations and password-reset emails will appear here.</EmptyState>
      ) : null}
      {messages.length > 0 ? (
        <Stack component="ol" className="plain-list" aria-label="Messages">
          {messages.map((m) => (
            <Card component="li" key={m.id} withBorder radius="md" padding="lg" data-testid="outbox-message">
              <Stack gap="xs">
                <Group justify="space-between" wrap="wrap">
                  <Title order={2} size="h4">
                    {m.subject}
                  </Title>
                  <Badge color={m.transport === 'smtp' ? 'teal.9' : 'gray.8'} variant="filled">
                    {m.transport === 'smtp' ? 'Sent by SMTP' : 'Outbox only'}
                  </Badge>
                </Group>
                <Text size="sm">
                  To <strong>{m.to}</strong> · <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
                </Text>
                <MessageText text={m.text} />
              </Stack>
            </Card>
          ))}
        </Stack>
      ) : null}
    </>
  );
}
