/** One bulk run: its dry-run problems (draft), then live progress with pause, resume and cancel, and the report. */
import { Alert, Anchor, Badge, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { BulkRun } from '@tessera/shared';
import type { BulkRun as Run } from '@tessera/shared';
import { ErrorState, LoadingState, ProblemAlert } from '../../../components/states';
import { useFormState } from '../../../lib/forms';
import { count } from '../../../lib/format';
import { apiCall, invalidateApi, useApiQuery } from '../../../lib/query';
import { BulkProblemGrid } from './BulkProblemGrid';
import { DANGER } from '../../../theme';

/** How each run state reads. */
export const STATE_LABEL: Record<Run['state'], string> = {
  draft: 'Checked, not started',
  queued: 'Waiting to start',
  running: 'Issuing',
  paused: 'Paused',
  cancelled: 'Cancelled',
  completed: 'Finished',
};

/** "m:ss" or "h:mm:ss". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** The progress line: rows done, rate and time left. */
export function progressText(run: Run): string {
  const parts = [`${run.done.toLocaleString('en')} of ${count(run.total, 'row')} done`];
  if (run.ratePerSecond !== null) parts.push(`${run.ratePerSecond.toLocaleString('en')} rows per second`);
  if (run.secondsLeft !== null && run.state !== 'completed' && run.state !== 'cancelled')
    parts.push(`about ${duration(run.secondsLeft)} left`);
  return parts.join(' · ');
}

/** The run screen's body. */
export function BulkRunView({ slug, runId }: { slug: string; runId: string }) {
  const path = `/orgs/${slug}/bulk-awards/${encodeURIComponent(runId)}`;
  const run = useApiQuery(path, BulkRun, { refetchInterval: 1000 });
  const form = useFormState();

  async function act(action: 'start' | 'pause' | 'resume' | 'cancel') {
    await form.run(async () => {
      run.setData(await apiCall('POST', `${path}/${action}`, BulkRun));
      await invalidateApi(`/orgs/${slug}/bulk-awards`);
    });
  }

  if (run.status === 'loading') return <LoadingState label="Loading the run…" />;
  if (run.status === 'error') return <ErrorState error={run.error} onRetry={run.reload} />;
  const r = run.data;
  const pct = r.total ? Math.round((r.done / r.total) * 100) : 0;
  const live = r.state === 'queued' || r.state === 'running';
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Title order={2} size="h4">
                {r.achievementName}
              </Title>
              <Text size="sm" c="dimmed">
                {r.fileName} · {count(r.total, 'row')}
              </Text>
            </div>
            <Badge variant="filled" color={r.state === 'completed' ? 'teal.9' : r.state === 'cancelled' ? 'gray.7' : 'indigo.9'}>
              {STATE_LABEL[r.state]}
            </Badge>
          </Group>
          {r.state === 'draft' ? (
            <Text>
              {r.problemRows === 0
                ? 'Every row is ready to award.'
                : `${r.problemRows.toLocaleString('en')} of ${count(r.total, 'row')} ${r.problemRows === 1 ? 'has' : 'have'} problems. Fix them below, or start anyway: rows that still have problems are reported as failed and nothing is awarded for them.`}
            </Text>
          ) : (
            <>
              <Progress value={pct} size="lg" aria-label={`Rows done: ${pct}%`} animated={live} />
              <Text role="status" aria-live="polite">
                {progressText(r)}
              </Text>
              <Group gap="lg">
                <Text size="sm">
                  Issued <b>{r.issued}</b>
                </Text>
                <Text size="sm">
                  Skipped as duplicates <b>{r.skipped}</b>
                </Text>
                <Text size="sm">
                  Failed <b>{r.failed}</b>
                </Text>
              </Group>
            </>
          )}
          {r.lastError ? (
            <Alert color="red" title="The run stopped">
              {r.lastError}
            </Alert>
          ) : null}
          <ProblemAlert problem={form.problem} />
          <Group gap="sm" wrap="wrap">
            {r.state === 'draft' ? (
              <Button onClick={() => void act('start')} loading={form.submitting}>
                Start awarding {count(r.total - r.problemRows, 'row')}
              </Button>
            ) : null}
            {live ? (
              <Button variant="default" onClick={() => void act('pause')} loading={form.submitting}>
                Pause
              </Button>
            ) : null}
            {r.state === 'paused' ? (
              <Button onClick={() => void act('resume')} loading={form.submitting}>
                Resume
              </Button>
            ) : null}
            {r.state !== 'completed' && r.state !== 'cancelled' ? (
              <Button variant="outline" color={DANGER} onClick={() => void act('cancel')} loading={form.submitting}>
                Cancel run
              </Button>
            ) : null}
            {r.state === 'draft' && r.problemRows > 0 ? (
              <Anchor href={`/api/v1${path}/problems.csv`} download>
                Download the problems (CSV)
              </Anchor>
            ) : null}
            {r.state !== 'draft' ? (
              <Anchor href={`/api/v1${path}/report.csv`} download>
                Download the report (CSV)
              </Anchor>
            ) : null}
          </Group>
        </Stack>
      </Paper>
      {r.state === 'draft' ? <BulkProblemGrid slug={slug} runId={r.id} levelColumns={r.levelColumns} onChanged={run.reload} /> : null}
    </Stack>
  );
}
