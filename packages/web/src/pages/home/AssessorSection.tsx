/** The assessor's part of the home: per organisation, what waits in the queue, and "Start next". */
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { NextSubmission } from '@tessera/shared';
import type { AssessorQueueSummary } from '@tessera/shared';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../lib/api';
import { apiCall, invalidateApi } from '../../lib/query';
import { Stat } from './Stat';

function QueueCard({ queue }: { queue: AssessorQueueSummary }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const slug = queue.org.slug;
  const startNext = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const next = await apiCall('POST', `/orgs/${encodeURIComponent(slug)}/queue/next`, NextSubmission, { body: {} });
      void invalidateApi('/me/home');
      void invalidateApi(`/orgs/${slug}/queue`);
      if (next.submissionId === null) {
        setMessage('Nothing is waiting for you right now.');
        setBusy(false);
        return;
      }
      void navigate(`/orgs/${slug}/submissions/${next.submissionId}`);
    } catch (err) {
      // Someone else may have taken the last one: say so plainly and refresh the figures.
      setMessage(err instanceof ApiError && err.status === 409 ? 'Nothing is waiting for you right now.' : errorMessage(err));
      void invalidateApi('/me/home');
      setBusy(false);
    }
  };
  const canStart = queue.waiting > 0 || queue.claimedByMe > 0;
  return (
    <Card component="li" withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {queue.org.name}
        </Title>
        <SimpleGrid cols={3} spacing="xs" component="ul" className="plain-list" aria-label={`Review queue of ${queue.org.name}`}>
          <Stat
            label="Waiting"
            value={queue.waiting}
            note={queue.oldestWaitingDays !== null ? `oldest ${Math.floor(queue.oldestWaitingDays)} d` : undefined}
          />
          <Stat label="Claimed by you" value={queue.claimedByMe} />
          <Stat label="Overdue" value={queue.overdue} alert={queue.overdue > 0} note={`over ${queue.slaDays} days`} />
        </SimpleGrid>
        <Group gap="sm">
          <Button
            onClick={() => void startNext()}
            loading={busy}
            disabled={!canStart}
            aria-label={`${queue.claimedByMe > 0 ? 'Continue reviewing' : 'Start next review'} in ${queue.org.name}`}
          >
            {queue.claimedByMe > 0 ? 'Continue reviewing' : 'Start next'}
          </Button>
          <Anchor component={Link} to={`/orgs/${slug}/queue`}>
            Open the queue
          </Anchor>
        </Group>
        {message ? (
          <Text size="sm" role="status">
            {message}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The assessor section of the home screen. */
export function AssessorSection({ queues }: { queues: AssessorQueueSummary[] }) {
  return (
    <Stack gap="md" component="section" aria-labelledby="home-reviewing">
      <Title order={2} size="h3" id="home-reviewing">
        Reviewing
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" className="plain-list" aria-label="Review queues">
        {queues.map((q) => (
          <QueueCard key={q.org.slug} queue={q} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
