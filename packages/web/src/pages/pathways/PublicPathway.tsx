/** A published pathway for anyone, signed out too: its structure, steps, issuer and what it leads to. */
import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { PublicPathway } from '@tessera/shared';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ErrorState, LoadingState } from '../../components/states';
import { appPath } from '../../lib/links';
import { useApiQuery } from '../../lib/query';
import { useSession } from '../../lib/session';
import { StepMeta } from './StepMeta';

type Group = PublicPathway['groups'][number];

const CHILD_LIST = {
  listStyle: 'none',
  margin: '4px 0 0 6px',
  paddingLeft: 14,
  borderLeft: '2px solid var(--mantine-color-gray-4)',
} as const;

const ruleText = (g: Group): string =>
  g.rule === 'all' ? 'Complete all' : g.rule === 'any' ? 'Complete any one' : `Complete at least ${g.n ?? 1}`;

function GroupItem({ group, pathway, level }: { group: Group; pathway: PublicPathway; level: number }) {
  const groups = new Map(pathway.groups.map((g) => [g.id, g]));
  const steps = new Map(pathway.steps.map((s) => [s.id, s]));
  const headingId = `public-group-${group.id}`;
  return (
    <li style={{ padding: '4px 0' }}>
      <Group gap="xs" wrap="wrap" align="baseline">
        <Title order={Math.min(level + 3, 6) as 3 | 4 | 5 | 6} size="h4" id={headingId}>
          {group.name}
        </Title>
        <Text span size="sm">
          {ruleText(group)} ({group.needed} needed)
        </Text>
        {group.milestoneName ? (
          <Badge color="indigo.9" variant="outline">
            Milestone: {group.milestoneName}
          </Badge>
        ) : null}
      </Group>
      <ul aria-labelledby={headingId} style={CHILD_LIST}>
        {group.children.map((id) => {
          const g = groups.get(id);
          if (g) return <GroupItem key={id} group={g} pathway={pathway} level={level + 1} />;
          const s = steps.get(id);
          if (!s) return null;
          return (
            <li key={id} style={{ padding: '4px 0' }}>
              <Group gap="xs" wrap="wrap" align="baseline">
                {s.achievementId ? (
                  <Anchor component={Link} to={`/catalog/${s.achievementId}`} fw={600}>
                    {s.label}
                  </Anchor>
                ) : (
                  <Text span fw={600}>
                    {s.label}{' '}
                    <Text span size="sm">
                      (a credential from another platform, imported to your wallet)
                    </Text>
                  </Text>
                )}
                <StepMeta issuerName={s.issuerName} credits={s.credits} />
              </Group>
              {s.after.length ? (
                <Text size="sm" ml="md">
                  After: {s.after.join(', ')}
                </Text>
              ) : null}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

/** The public pathway screen (catalog/pathways/:id). */
export function PublicPathwayPage() {
  const { id = '' } = useParams();
  const { state } = useSession();
  const pathway = useApiQuery(`/pathways/${encodeURIComponent(id)}`, PublicPathway);
  if (pathway.status === 'loading') return <LoadingState label="Loading the pathway…" />;
  if (pathway.status === 'error') return <ErrorState error={pathway.error} onRetry={pathway.reload} />;
  const p = pathway.data;
  const root = p.groups.find((g) => g.id === p.rootId);
  const next = new URLSearchParams({ next: appPath(`/learn/pathways/${p.pathwayId}`) }).toString();
  return (
    <>
      <PageTitle title={p.name}>{p.name}</PageTitle>
      <Stack gap="md">
        <Group gap="xs">
          <Badge variant="outline" color="indigo.9">
            Pathway · {p.completion.achievementType}
          </Badge>
          <Text size="sm">Version {p.version}</Text>
        </Group>
        <Text>
          Offered by <strong>{p.issuer.name}</strong>. Leads to the {p.completion.achievementType.toLowerCase()} “
          <Anchor component={Link} to={`/catalog/${p.completion.achievementId}`}>
            {p.completion.name}
          </Anchor>
          ”, awarded automatically when you complete it.
        </Text>
        {p.description ? <Text>{p.description}</Text> : null}
        <Text size="sm">
          {p.steps.length} step{p.steps.length === 1 ? '' : 's'}
          {p.creditsTotal > 0 ? ` · ${p.creditsTotal} credit${p.creditsTotal === 1 ? '' : 's'} in all` : ''}
          {p.expiryPolicy === 'require-valid' ? ' · the credentials you use must stay valid' : ''}
        </Text>
        {state.status === 'signed-in' ? (
          <Group>
            <Button component={Link} to={`/learn/pathways/${p.pathwayId}`}>
              See your progress
            </Button>
          </Group>
        ) : state.status !== 'loading' ? (
          <Alert color="indigo.9" variant="outline" title="Track your progress">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">See which steps you have done, what is next, and get the certificate when you finish.</Text>
              <Button component={Link} to={`/signin?${next}`}>
                Sign in to track your progress
              </Button>
            </Stack>
          </Alert>
        ) : null}
        <section aria-labelledby="structure-heading">
          <Title order={2} size="h3" id="structure-heading" mb="xs">
            What it takes
          </Title>
          {root ? (
            <ul aria-label={`Structure of ${p.name}`} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              <GroupItem group={root} pathway={p} level={0} />
            </ul>
          ) : null}
        </section>
      </Stack>
    </>
  );
}
