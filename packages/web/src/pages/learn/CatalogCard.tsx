/** A catalog entry as a card, and the pieces it shares with the detail page: progress badge, effort, start action. */
import { Alert, Anchor, Badge, Button, Card, Group, Image, Stack, Text, Title } from '@mantine/core';
import { Submission } from '@tessera/shared';
import type { MyCatalogEntry, MyProgress } from '@tessera/shared';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../lib/api';
import { appPath, safeHref } from '../../lib/links';
import { apiCall, invalidateApi } from '../../lib/query';
import { useSession } from '../../lib/session';

const PROGRESS_LABEL: Record<MyProgress['state'], string> = {
  earned: 'Earned',
  in_progress: 'In progress',
  awaiting_review: 'Submitted',
  needs_revision: 'Needs revision',
};
/** Badge colours with at least 4.5:1 contrast against white text (Mantine's green.9 and orange.9 fall just short). */
export const PROGRESS_COLOR: Record<MyProgress['state'], string> = {
  earned: '#1e6b30',
  in_progress: 'indigo.9',
  awaiting_review: 'gray.8',
  needs_revision: '#a63d00',
};

/** "About 3 hours" from a designer's estimate. */
export function effortText(hours: number): string {
  if (hours === 0.5) return 'About half an hour';
  const n = Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
  return `About ${n} hour${hours === 1 ? '' : 's'}`;
}

/** The signed-in person's state with a micro-credential, as a badge. */
export function ProgressBadge({ mine }: { mine: MyProgress | null }) {
  if (!mine) return null;
  return (
    <Badge variant="filled" color={PROGRESS_COLOR[mine.state]} style={{ flexShrink: 0 }}>
      {PROGRESS_LABEL[mine.state]}
    </Badge>
  );
}

/**
 * What the person can do next with a micro-credential: Start (signed-out people go to sign-in and come back here),
 * Continue or Revise their submission, see it while it waits for assessment, or open the credential they earned.
 */
export function ProgressAction({
  entry,
  size = 'sm',
}: {
  entry: Pick<MyCatalogEntry, 'achievementId' | 'status' | 'mine' | 'content' | 'awardedByPathway'>;
  size?: 'sm' | 'md';
}) {
  const { state } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { mine } = entry;
  const name = entry.content.name;
  if (mine?.state === 'earned') {
    const href = safeHref(mine.credentialUrl);
    return href ? (
      <Button component="a" href={href} variant="default" size={size} aria-label={`View credential: ${name}`}>
        View credential
      </Button>
    ) : (
      <Button
        component={Link}
        to={`/me/submissions/${mine.submissionId}`}
        variant="light"
        size={size}
        aria-label={`Credential being signed: ${name}`}
      >
        Credential being signed
      </Button>
    );
  }
  if (mine) {
    const label = mine.state === 'in_progress' ? 'Continue' : mine.state === 'needs_revision' ? 'Revise' : 'View submission';
    return (
      <Button
        component={Link}
        to={`/me/submissions/${mine.submissionId}`}
        size={size}
        variant={mine.state === 'awaiting_review' ? 'default' : 'filled'}
        aria-label={`${label}: ${name}`}
      >
        {label}
      </Button>
    );
  }
  if (entry.awardedByPathway) {
    const p = entry.awardedByPathway;
    return (
      <Text size="sm">
        Earned by completing the pathway{' '}
        <Anchor
          component={Link}
          to={state.status === 'signed-in' ? `/learn/pathways/${p.pathwayId}` : `/catalog/pathways/${p.pathwayId}`}
          fw={600}
        >
          {p.name}
        </Anchor>
      </Text>
    );
  }
  if (entry.status !== 'published') return null;
  if (state.status === 'loading') {
    return (
      <Button size={size} disabled aria-label={`Start: ${name}`}>
        Start
      </Button>
    );
  }
  if (state.status !== 'signed-in') {
    const next = new URLSearchParams({ next: appPath(location.pathname + location.search) }).toString();
    return (
      <Button component={Link} to={`/signin?${next}`} size={size} aria-label={`Start: ${name} (sign in first)`}>
        Start
      </Button>
    );
  }
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const s = await apiCall('POST', `/catalog/${encodeURIComponent(entry.achievementId)}/start`, Submission);
      void invalidateApi('/catalog');
      void invalidateApi('/me/');
      void navigate(`/me/submissions/${s.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" align="flex-start">
      <Button onClick={() => void start()} loading={busy} size={size} aria-label={`Start: ${name}`}>
        Start
      </Button>
      {error ? (
        <Alert color="red.9" variant="outline" role="alert" title="Could not start" p="xs">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** One micro-credential in the catalog grid, with the signed-in person's progress on it. */
export function CatalogCard({ item }: { item: MyCatalogEntry }) {
  const effort = item.content.effortHours ?? null;
  return (
    <Card component="li" withBorder radius="md" padding="lg" h="100%">
      <Stack gap="xs" h="100%">
        <Group wrap="nowrap" align="flex-start" gap="sm">
          <Image src={item.imageUrl} alt="" w={56} h={56} fit="contain" style={{ flexShrink: 0 }} />
          <Title order={2} size="h4">
            <Anchor component={Link} to={`/catalog/${item.achievementId}`}>
              {item.content.name}
            </Anchor>
          </Title>
        </Group>
        <Text size="sm">{item.issuer.name}</Text>
        <Text size="sm" lineClamp={3}>
          {item.content.description}
        </Text>
        <Group gap={4}>
          <Badge variant="outline" color="indigo.9">
            {item.content.achievementType}
          </Badge>
          {item.status === 'retired' ? (
            <Badge variant="filled" color="gray.8">
              Retired
            </Badge>
          ) : null}
          {item.content.skills.slice(0, 3).map((s) => (
            <Badge key={s} variant="outline" color="gray.8">
              {s}
            </Badge>
          ))}
        </Group>
        {/* The person's state and the effort sit beside the action, where a long title cannot push them out of the card. */}
        <Group justify="space-between" align="center" mt="auto" pt="xs" wrap="wrap" gap="xs">
          <Stack gap={4} align="flex-start">
            <ProgressBadge mine={item.mine} />
            {effort ? <Text size="sm">{effortText(effort)}</Text> : null}
          </Stack>
          <ProgressAction entry={item} />
        </Group>
      </Stack>
    </Card>
  );
}
