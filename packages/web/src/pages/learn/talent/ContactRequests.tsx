/** Messages from employers: the learner reads each request and accepts (sharing their email or a reply) or declines. */
import { Badge, Button, Card, Checkbox, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import type { LearnerContact } from '@tessera/shared';
import { TALENT_LIMITS, LearnerContact as LearnerContactContract, LearnerContactList as LearnerContactListContract } from '@tessera/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../../components/states';
import { FULL_LABEL_BADGE } from '../../../components/SubmissionState';
import { useFormState } from '../../../lib/forms';
import { formatDateTime } from '../../../lib/links';
import { apiCall, invalidateApi, useApiQuery } from '../../../lib/query';

const STATUS: Record<LearnerContact['status'], { label: string; color: string }> = {
  pending: { label: 'Waiting for your answer', color: '#a8410c' },
  accepted: { label: 'Accepted', color: 'teal.9' },
  declined: { label: 'Declined', color: 'gray.8' },
};

/** One request with its answer form while pending. */
function RequestCard({ contact, onAnswered }: { contact: LearnerContact; onAnswered: (c: LearnerContact) => void }) {
  const [shareEmail, setShareEmail] = useState(true);
  const [reply, setReply] = useState('');
  const form = useFormState();
  const headingId = `contact-${contact.id}`;
  const answer = (accept: boolean) =>
    void form.run(async () => {
      onAnswered(
        await apiCall('POST', `/me/talent/contacts/${encodeURIComponent(contact.id)}/answer`, LearnerContactContract, {
          body: { accept, shareEmail, reply },
        }),
      );
      await invalidateApi('/me/talent/contacts');
    });
  return (
    <Card withBorder radius="md" padding="md" component="li" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {contact.org.name}: {contact.subject}
          </Title>
          <Badge variant="filled" color={STATUS[contact.status].color} styles={FULL_LABEL_BADGE}>
            {STATUS[contact.status].label}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Sent {formatDateTime(contact.createdAt)}
          {contact.answeredAt ? ` · answered ${formatDateTime(contact.answeredAt)}` : ''}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{contact.body}</Text>
        {contact.status === 'accepted' ? (
          <Text size="sm">
            {contact.shareEmail ? 'You shared your email address.' : 'You did not share your email address.'}
            {contact.reply ? ` Your reply: “${contact.reply}”` : ''}
          </Text>
        ) : null}
        {contact.status === 'pending' ? (
          <Stack gap="xs">
            <Checkbox
              label={`Share my email address with ${contact.org.name} if I accept`}
              checked={shareEmail}
              onChange={(e) => setShareEmail(e.currentTarget.checked)}
            />
            <Textarea
              label="Reply (optional)"
              description="Sent to the organisation only if you accept."
              autosize
              minRows={2}
              maxLength={TALENT_LIMITS.reply}
              value={reply}
              onChange={(e) => setReply(e.currentTarget.value)}
              error={form.fieldErrors['reply']}
            />
            <ProblemAlert problem={form.problem} />
            <Group gap="sm">
              <Button onClick={() => answer(true)} loading={form.submitting} aria-label={`Accept the request from ${contact.org.name}`}>
                Accept
              </Button>
              <Button
                variant="default"
                onClick={() => answer(false)}
                disabled={form.submitting}
                aria-label={`Decline the request from ${contact.org.name}`}
              >
                Decline
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The "Messages from employers" screen. */
export function ContactRequestsPage() {
  const list = useApiQuery('/me/talent/contacts', LearnerContactListContract);
  if (list.status === 'loading') return <LoadingState label="Loading messages…" />;
  if (list.status === 'error') return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <>
      <PageTitle
        title="Messages from employers"
        actions={
          <Button component={Link} to="/me/discoverability" variant="light">
            Employer visibility
          </Button>
        }
      >
        Messages from employers
      </PageTitle>
      <Text mb="md">
        Organisations that found you can write to you here. Nothing is shared until you accept; declining tells them no, and they cannot
        write again for 30 days.
      </Text>
      {list.data.items.length === 0 ? (
        <EmptyState title="No messages yet">Turn on employer visibility so organisations can find you by your verified skills.</EmptyState>
      ) : (
        <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Contact requests">
          {list.data.items.map((c) => (
            <RequestCard
              key={c.id}
              contact={c}
              onAnswered={(next) => list.setData({ items: list.data.items.map((x) => (x.id === next.id ? next : x)) })}
            />
          ))}
        </Stack>
      )}
    </>
  );
}
