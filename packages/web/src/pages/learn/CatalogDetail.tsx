/** A published micro-credential: everything a learner needs before starting, their progress, and what to do next. */
import { Alert, Group, Text } from '@mantine/core';
import { MyCatalogEntry } from '@tessera/shared';
import { useParams } from 'react-router';
import { AchievementView } from '../../components/AchievementView';
import { PageTitle } from '../../components/PageTitle';
import { ErrorState, LoadingState } from '../../components/states';
import { useApiQuery } from '../../lib/query';
import { effortText, ProgressAction, ProgressBadge } from './CatalogCard';

const STATE_NOTE = {
  earned: 'You have earned this micro-credential.',
  in_progress: 'You have started this micro-credential; your evidence is saved as you go.',
  awaiting_review: 'Your evidence is submitted and waiting for an assessor.',
  needs_revision: 'An assessor has sent feedback: revise your evidence and submit again.',
} as const;

/** The catalog detail screen. */
export function CatalogDetailPage() {
  const { achievementId = '' } = useParams();
  const entry = useApiQuery(`/catalog/${encodeURIComponent(achievementId)}`, MyCatalogEntry);
  if (entry.status === 'loading') return <LoadingState label="Loading the micro-credential…" />;
  if (entry.status === 'error') return <ErrorState error={entry.error} onRetry={entry.reload} />;
  const { data } = entry;
  const effort = data.content.effortHours ?? null;
  return (
    <>
      <PageTitle title={data.content.name} actions={<ProgressAction entry={data} size="md" />}>
        {data.content.name}
      </PageTitle>
      {data.mine || effort ? (
        <Group gap="sm" mb="md" mt={-8}>
          <ProgressBadge mine={data.mine} />
          {data.mine ? <Text size="sm">{STATE_NOTE[data.mine.state]}</Text> : null}
          {effort ? <Text size="sm">{effortText(effort)} of work</Text> : null}
        </Group>
      ) : null}
      {data.status === 'retired' ? (
        <Alert color="gray.8" variant="outline" mb="md" title="Retired">
          This micro-credential no longer accepts new learners. Work already started can still be finished.
        </Alert>
      ) : null}
      <AchievementView content={data.content} issuer={data.issuer} imageUrl={data.imageUrl} version={data.version} />
      <Group mt="xl">
        <ProgressAction entry={data} />
      </Group>
    </>
  );
}
