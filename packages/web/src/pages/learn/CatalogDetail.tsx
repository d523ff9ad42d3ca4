/** A published micro-credential: everything a learner needs before starting, and the start button. */
import { Alert, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { AchievementView } from '../../components/AchievementView';
import { PageTitle } from '../../components/PageTitle';
import { ErrorState, LoadingState } from '../../components/states';
import { api, errorMessage } from '../../lib/api';
import type { CatalogEntry, Submission } from '../../lib/types';
import { useResource } from '../../lib/useResource';

/** The catalog detail screen. */
export function CatalogDetailPage() {
  const { achievementId = '' } = useParams();
  const entry = useResource<CatalogEntry>(`/catalog/${encodeURIComponent(achievementId)}`);
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (entry.status === 'loading') return <LoadingState label="Loading the micro-credential…" />;
  if (entry.status === 'error') return <ErrorState error={entry.error} onRetry={entry.reload} />;
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const s = await api<Submission>('POST', `/catalog/${encodeURIComponent(achievementId)}/start`);
      void navigate(`/me/submissions/${s.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <>
      <PageTitle
        title={entry.data.content.name}
        actions={
          entry.data.status === 'published' ? (
            <Button onClick={() => void start()} loading={busy}>
              Start or resume this micro-credential
            </Button>
          ) : null
        }
      >
        {entry.data.content.name}
      </PageTitle>
      {entry.data.status === 'retired' ? (
        <Alert color="gray.8" variant="outline" mb="md" title="Retired">
          This micro-credential no longer accepts new learners. Work already started can still be finished.
        </Alert>
      ) : null}
      {error ? (
        <Alert color="red.9" variant="outline" mb="md" role="alert" title="Could not start">
          {error}
        </Alert>
      ) : null}
      <AchievementView content={entry.data.content} issuer={entry.data.issuer} imageUrl={entry.data.imageUrl} version={entry.data.version} />
      <Group mt="xl">
        {entry.data.status === 'published' ? (
          <Button onClick={() => void start()} loading={busy} variant="default">
            Start or resume
          </Button>
        ) : null}
      </Group>
    </>
  );
}
