/** A learner's pathways: the list of started ones, and one pathway's progress map with the CLR download. */
import { Alert, Anchor, Badge, Button, Card, Group, Modal, Progress, Stack, Text, Title } from '@mantine/core';
import { MovePathwayVersionResult, PathwayProgress } from '@tessera/shared';
import type { ProgressGroup, ProgressStep, StepStatus } from '@tessera/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { useFormState } from '../../lib/forms';
import { apiCall, invalidateApi, useApiQuery } from '../../lib/query';
import { StepMeta } from './StepMeta';

/** Words (never colour alone) for each step status. */
export const STATUS_TEXT: Record<StepStatus, { label: string; color: string; mark: string }> = {
  done: { label: 'Done', color: 'teal.9', mark: '✓' },
  in_progress: { label: 'In progress', color: 'blue.9', mark: '◐' },
  available: { label: 'Available', color: 'gray.8', mark: '○' },
  locked: { label: 'Locked', color: 'violet.9', mark: '■' },
};

/** A nested list drawn as a tree: indented, with a rule on the left. */
const CHILD_LIST = {
  listStyle: 'none',
  margin: '4px 0 0 6px',
  paddingLeft: 14,
  borderLeft: '2px solid var(--mantine-color-gray-4)',
} as const;

const RULE_TEXT = (g: ProgressGroup): string =>
  g.rule === 'all' ? 'Complete all' : g.rule === 'any' ? 'Complete any one' : `Complete at least ${g.n ?? 1}`;

function StepItem({ step }: { step: ProgressStep }) {
  const s = STATUS_TEXT[step.status];
  return (
    <li data-status={step.status} style={{ padding: '4px 0' }}>
      <Group gap="xs" wrap="wrap" align="baseline">
        <Badge
          color={s.color}
          variant={step.status === 'done' ? 'filled' : 'outline'}
          leftSection={<span aria-hidden="true">{s.mark}</span>}
        >
          {s.label}
        </Badge>
        {step.achievementId ? (
          <Anchor component={Link} to={`/catalog/${step.achievementId}`} fw={600}>
            {step.label}
          </Anchor>
        ) : (
          <Text span fw={600}>
            {step.label}
          </Text>
        )}
        <StepMeta issuerName={step.issuerName} credits={step.credits} />
      </Group>
      {step.status === 'locked' && step.waitingFor.length ? (
        <Text size="sm" ml="md">
          First earn: {step.waitingFor.join(', ')}
        </Text>
      ) : null}
      {step.lapsed ? (
        <Text size="sm" ml="md" c="orange.9" data-lapsed={step.lapsed.status}>
          Your credential for this step was {step.lapsed.status === 'expired' ? 'expired' : step.lapsed.status} and no longer counts
          {step.achievementId ? ': earn it again from the catalog.' : ': import a valid one to your wallet.'}
        </Text>
      ) : null}
      {step.satisfiedBy?.kind === 'imported' ? (
        <Text size="sm" ml="md">
          Met by a credential in your wallet
        </Text>
      ) : null}
      {step.recognisedUnder ? (
        <Text size="sm" ml="md" data-recognised-rule={step.recognisedUnder.ruleId}>
          Met by your “{step.recognisedUnder.achievementName}” credential, which counts under: {step.recognisedUnder.statement}
        </Text>
      ) : null}
      {step.note ? (
        <Text size="sm" ml="md" c="dimmed">
          {step.note}
        </Text>
      ) : null}
    </li>
  );
}

function GroupItem({ group, map, level }: { group: ProgressGroup; map: PathwayProgress; level: number }) {
  const groups = new Map(map.groups.map((g) => [g.id, g]));
  const steps = new Map(map.steps.map((s) => [s.id, s]));
  const headingId = `group-${group.id}`;
  return (
    <li style={{ padding: '4px 0' }}>
      <Group gap="xs" wrap="wrap" align="baseline">
        <Title order={Math.min(level + 3, 6) as 3 | 4 | 5 | 6} size="h4" id={headingId}>
          {group.name}
        </Title>
        <Text span size="sm">
          {RULE_TEXT(group)} · {Math.min(group.doneCount, group.needed)} of {group.needed} done
        </Text>
        <Badge color={group.complete ? 'teal.9' : 'gray.8'} variant={group.complete ? 'filled' : 'outline'}>
          {group.complete ? 'Complete' : 'Not complete yet'}
        </Badge>
        {group.milestone ? (
          <Badge color="indigo.9" variant="outline">
            Milestone: {group.milestone.achievementName}
            {group.milestone.awarded ? ' (earned)' : ''}
          </Badge>
        ) : null}
      </Group>
      <ul aria-labelledby={headingId} style={CHILD_LIST}>
        {group.children.map((id) => {
          const g = groups.get(id);
          if (g) return <GroupItem key={id} group={g} map={map} level={level + 1} />;
          const s = steps.get(id);
          return s ? <StepItem key={id} step={s} /> : null;
        })}
      </ul>
    </li>
  );
}

/** The progress map: a nested list (groups containing steps), each with its status in words. */
export function ProgressMap({ map }: { map: PathwayProgress }) {
  const root = map.groups.find((g) => g.id === map.rootId);
  if (!root) return null;
  return (
    <ul aria-label={`Progress map of ${map.name}`} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      <GroupItem group={root} map={map} level={0} />
    </ul>
  );
}

/** Which parts lapsed and what to do about them, in a sentence. */
function lapsedText(m: PathwayProgress): string {
  const lapsed = m.steps.filter((s) => s.lapsed);
  return lapsed.length ? `Earn again: ${lapsed.map((s) => s.label).join(', ')}.` : '';
}

function download(name: string, data: unknown) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/**
 * "Move to version M": the learner leaves the version they started for the current one, after confirming in a
 * dialog that lists what changes. The map shows the new version at once (the answer carries it) and cached pathway
 * and credential lists refresh; a completion the move brings is said.
 */
function MoveToCurrent({ map, onMoved }: { map: PathwayProgress; onMoved: (message: string, progress: PathwayProgress) => void }) {
  const [open, setOpen] = useState(false);
  const form = useFormState();
  const move = async () => {
    await form.run(async () => {
      const r = await apiCall('POST', `/me/pathways/${encodeURIComponent(map.pathwayId)}/move`, MovePathwayVersionResult);
      setOpen(false);
      onMoved(
        `You moved to version ${r.version}.${r.completed ? ` You completed the pathway: “${r.progress.completion.name}” is in your credentials.` : ''}`,
        r.progress,
      );
      await Promise.all([invalidateApi('/me/pathways'), invalidateApi('/me/credentials'), invalidateApi('/me/stacks')]);
    });
  };
  return (
    <>
      <Group mt="xs">
        <Button variant="outline" color="indigo.9" onClick={() => setOpen(true)}>
          Move to version {map.currentVersion}
        </Button>
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Move to version ${map.currentVersion}?`} centered>
        <Stack>
          <Text>
            Your progress will be checked against version {map.currentVersion} from now on instead of version {map.version}. The credentials
            you hold stay yours; you cannot move back.
          </Text>
          {map.versionChanges.length ? (
            <ul aria-label={`What changes in version ${map.currentVersion}`} style={{ margin: 0, paddingLeft: 20 }}>
              {map.versionChanges.map((c) => (
                <li key={c}>
                  <Text size="sm">{c}</Text>
                </li>
              ))}
            </ul>
          ) : null}
          <ProblemAlert problem={form.problem} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Stay on version {map.version}
            </Button>
            <Button color="indigo.9" onClick={() => void move()} loading={form.submitting}>
              Move to version {map.currentVersion}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** One pathway's map for the signed-in learner. */
export function PathwayMapPage() {
  const { id = '' } = useParams();
  const map = useApiQuery(`/me/pathways/${encodeURIComponent(id)}`, PathwayProgress);
  const form = useFormState();
  const [saved, setSaved] = useState<string | null>(null);
  if (map.status === 'loading') return <LoadingState label="Loading the pathway…" />;
  if (map.status === 'error') return <ErrorState error={map.error} onRetry={map.reload} />;
  const m = map.data;
  const stepsById = new Map(m.steps.map((s) => [s.id, s]));
  const doneSteps = m.steps.filter((s) => s.status === 'done').length;
  const downloadClr = async () => {
    setSaved(null);
    const ok = await form.run(async () => {
      download(
        'pathway-record.clr.json',
        await apiCall('GET', `/me/pathways/${encodeURIComponent(id)}/clr`, z.record(z.string(), z.unknown())),
      );
    });
    if (ok) setSaved('The signed record was downloaded (pathway-record.clr.json).');
  };
  return (
    <>
      <PageTitle title={m.name}>{m.name}</PageTitle>
      <Stack gap="md">
        <Text>
          Leads to the {m.completion.achievementType.toLowerCase()} “{m.completion.name}” from {m.issuer.name}.
        </Text>
        {m.description ? <Text>{m.description}</Text> : null}
        {m.version !== m.currentVersion ? (
          <Alert color="indigo.9" variant="outline" title={`You are on version ${m.version}; version ${m.currentVersion} is current`}>
            <Text size="sm">
              You keep the version that was current when you started{m.complete ? ' (and completed)' : ''}; if you meet the current version
              first, that counts too.
            </Text>
            {m.versionChanges.length ? (
              <ul aria-label="What changed in the current version" style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                {m.versionChanges.map((c) => (
                  <li key={c}>
                    <Text size="sm">{c}</Text>
                  </li>
                ))}
              </ul>
            ) : null}
            {m.complete ? null : (
              <MoveToCurrent
                map={m}
                onMoved={(message, progress) => {
                  map.setData(progress);
                  setSaved(message);
                }}
              />
            )}
          </Alert>
        ) : null}
        <Card withBorder padding="md" radius="md">
          <Stack gap="xs">
            <Title order={2} size="h4">
              Your progress
            </Title>
            <Text>
              {doneSteps} of {m.steps.length} steps done
              {m.creditsTotal > 0 ? ` · ${m.creditsEarned} of ${m.creditsTotal} credit${m.creditsTotal === 1 ? '' : 's'} earned` : ''}
            </Text>
            <Progress value={m.steps.length ? (doneSteps / m.steps.length) * 100 : 0} aria-label="Steps done" color="teal.9" />
            {m.complete ? (
              <Alert
                color={m.completionLapsed ? 'orange.9' : 'teal.9'}
                variant="outline"
                title={m.completionLapsed ? 'Completed, but lapsed' : 'Completed'}
              >
                {m.completionLapsed
                  ? `You keep “${m.completion.name}”, but a credential it relied on was revoked or expired and this pathway requires valid credentials, so its signed record cannot be issued. ${lapsedText(m)}`
                  : `You hold “${m.completion.name}”.`}
              </Alert>
            ) : (
              <Text>
                <strong>What’s next:</strong>{' '}
                {m.next.length ? m.next.map((sid) => stepsById.get(sid)?.label ?? sid).join(', ') : 'Nothing available yet'}
              </Text>
            )}
            {m.completionCredentialId ? (
              <Group>
                <Button onClick={() => void downloadClr()} loading={form.submitting}>
                  Download signed record (CLR 2.0)
                </Button>
                <Anchor component={Link} to="/me/credentials">
                  See it in my credentials
                </Anchor>
              </Group>
            ) : null}
            <ProblemAlert problem={form.problem} />
            <Text size="sm" role="status" aria-live="polite">
              {saved ?? ''}
            </Text>
          </Stack>
        </Card>
        <section aria-labelledby="map-heading">
          <Title order={2} size="h3" id="map-heading" mb="xs">
            Progress map
          </Title>
          <ProgressMap map={m} />
        </section>
      </Stack>
    </>
  );
}

/** The pathways the learner has started or completed. */
export function MyPathwaysPage() {
  const list = useApiQuery('/me/pathways', z.array(PathwayProgress));
  return (
    <>
      <PageTitle title="My pathways">My pathways</PageTitle>
      {list.status === 'loading' ? <LoadingState label="Loading your pathways…" /> : null}
      {list.status === 'error' ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ok' && list.data.length === 0 ? (
        <EmptyState
          title="No pathways started"
          action={
            <Button component={Link} to="/catalog">
              Browse the catalog
            </Button>
          }
        >
          Pathways stack micro-credentials into a certificate. Earn one of their micro-credentials and the pathway shows here.
        </EmptyState>
      ) : null}
      {list.status === 'ok' && list.data.length > 0 ? (
        <Stack component="ul" className="plain-list" gap="sm">
          {list.data.map((p) => (
            <Card component="li" key={p.pathwayId} withBorder padding="md">
              <Anchor component={Link} to={`/learn/pathways/${p.pathwayId}`} fw={600}>
                {p.name}
              </Anchor>
              <Text size="sm">
                {p.complete ? 'Completed' : `${p.steps.filter((s) => s.status === 'done').length} of ${p.steps.length} steps done`} ·{' '}
                {p.issuer.name}
              </Text>
            </Card>
          ))}
        </Stack>
      ) : null}
    </>
  );
}
