/** Career goals: pick an occupation or an organisation's role, see the skill gap and ranked, explained recommendations. */
import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  List,
  Progress,
  Select,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { GapSkill, Goal } from '@tessera/shared';
import {
  Goal as GoalContract,
  GoalGap as GoalGapContract,
  GoalList as GoalListContract,
  OccupationList as OccupationListContract,
  OrgRoleList as OrgRoleListContract,
  RecommendationList as RecommendationListContract,
} from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { FULL_LABEL_BADGE } from '../../components/SubmissionState';
import { useFormState } from '../../lib/forms';
import { apiCall, invalidateApi, useApiQuery } from '../../lib/query';
import { LevelBadge } from './SkillEvidence';

const STATUS: Record<GapSkill['status'], { label: string; color: string }> = {
  verified: { label: 'Verified', color: 'teal.9' },
  below_level: { label: 'Below the level', color: 'orange.9' },
  missing: { label: 'Missing', color: 'red.9' },
};

/** Pick a new goal: an occupation from the dataset or a role an organisation published. */
function AddGoal({ onAdded }: { onAdded: (goal: Goal) => void }) {
  const [kind, setKind] = useState<'occupation' | 'role'>('occupation');
  const [value, setValue] = useState<string | null>(null);
  const occupations = useApiQuery('/occupations', OccupationListContract);
  const roles = useApiQuery(kind === 'role' ? '/roles' : null, OrgRoleListContract);
  const form = useFormState();
  const options =
    kind === 'occupation'
      ? (occupations.data?.items ?? []).map((o) => ({ value: o.code, label: `${o.title} (${o.code})` }))
      : (roles.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.title} — ${r.org.name}` }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!value) return form.setFieldErrors({ target: kind === 'occupation' ? 'Choose an occupation' : 'Choose a role' });
    void form.run(async () => {
      const goal = await apiCall('POST', '/me/goals', GoalContract, {
        body: kind === 'occupation' ? { occupationCode: value } : { roleId: value },
      });
      setValue(null);
      await invalidateApi('/me/goals');
      onAdded(goal);
    });
  };

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="add-goal-heading" mb="lg">
      <Title order={2} size="h4" id="add-goal-heading" mb="xs">
        Add a goal
      </Title>
      <form onSubmit={submit} noValidate aria-label="Add a goal">
        <Stack gap="sm">
          <SegmentedControl
            value={kind}
            onChange={(v) => {
              setKind(v === 'role' ? 'role' : 'occupation');
              setValue(null);
              form.reset();
            }}
            data={[
              { value: 'occupation', label: 'An occupation' },
              { value: 'role', label: 'An organisation’s role' },
            ]}
            aria-label="Kind of goal"
          />
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={kind === 'occupation' ? 'Occupation' : 'Role'}
              placeholder={kind === 'occupation' ? 'Search occupations' : 'Search roles'}
              data={options}
              value={value}
              onChange={setValue}
              searchable
              nothingFoundMessage={kind === 'role' && roles.status === 'loading' ? 'Loading…' : 'Nothing found'}
              error={form.fieldErrors['target'] ?? form.fieldErrors['occupationCode'] ?? form.fieldErrors['roleId']}
              style={{ flex: 1, minWidth: 220 }}
            />
            <Button type="submit" loading={form.submitting}>
              Add goal
            </Button>
          </Group>
          <ProblemAlert problem={form.problem} />
        </Stack>
      </form>
    </Card>
  );
}

/** How much a goal needs a skill: its importance (occupations) or the level needed (roles); labelled on cards. */
function need(kind: string, s: { importance?: number | null; requiredLevel?: number | null }, labelled = true): string {
  const figure = kind === 'occupation' ? `${s.importance ?? '–'} of 5` : s.requiredLevel ? `${s.requiredLevel} of 5` : 'Any';
  if (!labelled) return figure;
  return kind === 'occupation' ? `Importance ${figure}` : `Level needed: ${figure === 'Any' ? 'any' : figure}`;
}

/** The gap for one goal: each required skill, its status and the level the learner has. */
function GapTable({ goalId }: { goalId: string }) {
  const gap = useApiQuery(`/me/goals/${encodeURIComponent(goalId)}/gap`, GoalGapContract);
  if (gap.status === 'loading') return <LoadingState label="Working out the gap…" />;
  if (gap.status === 'error') return <ErrorState error={gap.error} onRetry={gap.reload} />;
  const g = gap.data;
  const total = g.required.length;
  return (
    <Stack gap="sm" component="section" aria-labelledby="gap-heading">
      <Title order={2} size="h3" id="gap-heading">
        Your gap
      </Title>
      <Text>
        You have verified {g.verified} of {total} required skill{total === 1 ? '' : 's'}; {g.missing} to go.
      </Text>
      <Progress value={total ? (100 * g.verified) / total : 0} aria-label={`${g.verified} of ${total} skills verified`} />
      <Stack gap="xs" hiddenFrom="sm" component="ul" className="plain-list" aria-label="Skills this goal requires">
        {g.required.map((s) => (
          <Card key={s.url} withBorder radius="md" padding="sm" component="li">
            <Text fw={600}>{s.name}</Text>
            <Text size="sm" c="dimmed">
              {need(g.goal.kind, s)}
            </Text>
            <Group gap={6} mt={6}>
              <Badge color={STATUS[s.status].color} variant="filled" styles={FULL_LABEL_BADGE}>
                {STATUS[s.status].label}
              </Badge>
              <LevelBadge level={s.level} />
            </Group>
          </Card>
        ))}
      </Stack>
      <Box visibleFrom="sm">
        <Table striped verticalSpacing="xs">
          <caption className="visually-hidden">Skills this goal requires and whether your credentials prove them</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Skill</Table.Th>
              <Table.Th scope="col">{g.goal.kind === 'occupation' ? 'Importance' : 'Level needed'}</Table.Th>
              <Table.Th scope="col">You</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {g.required.map((s) => (
              <Table.Tr key={s.url}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{need(g.goal.kind, s, false)}</Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Badge color={STATUS[s.status].color} variant="filled" styles={FULL_LABEL_BADGE}>
                      {STATUS[s.status].label}
                    </Badge>
                    <LevelBadge level={s.level} />
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Stack>
  );
}

/** Ranked micro-credentials that close the gap, each with its plain-words reason. */
function Recommendations({ goalId }: { goalId: string }) {
  const recs = useApiQuery(`/me/goals/${encodeURIComponent(goalId)}/recommendations`, RecommendationListContract);
  if (recs.status === 'loading') return <LoadingState label="Finding micro-credentials…" />;
  if (recs.status === 'error') return <ErrorState error={recs.error} onRetry={recs.reload} />;
  return (
    <Stack gap="sm" component="section" aria-labelledby="recs-heading">
      <Title order={2} size="h3" id="recs-heading">
        Recommended next
      </Title>
      {recs.data.items.length === 0 ? (
        <Text>Nothing to recommend yet: no published micro-credential covers your missing skills.</Text>
      ) : (
        <List type="ordered" spacing="sm" listStyleType="none" aria-labelledby="recs-heading" styles={{ root: { paddingLeft: 0 } }}>
          {recs.data.items.map((r, i) => (
            <List.Item key={r.achievementId}>
              <Card withBorder radius="md" padding="sm">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Anchor component={Link} to={`/catalog/${encodeURIComponent(r.achievementId)}`} fw={600}>
                    {i + 1}. {r.name}
                  </Anchor>
                  {r.orgName ? (
                    <Text size="sm" c="dimmed">
                      {r.orgName}
                    </Text>
                  ) : null}
                </Group>
                <Text size="sm" mt={4}>
                  {r.explanation}
                </Text>
              </Card>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** The "My goals" screen. */
export function MyGoalsPage() {
  const goals = useApiQuery('/me/goals', GoalListContract);
  const [selected, setSelected] = useState<string | null>(null);
  const form = useFormState();
  if (goals.status === 'loading') return <LoadingState label="Loading your goals…" />;
  if (goals.status === 'error') return <ErrorState error={goals.error} onRetry={goals.reload} />;
  const items = goals.data.items;
  const current = items.find((g) => g.id === selected) ?? items[items.length - 1] ?? null;

  const remove = (goal: Goal) =>
    void form.run(async () => {
      await apiCall('DELETE', `/me/goals/${encodeURIComponent(goal.id)}`, z.unknown());
      setSelected(null);
      await invalidateApi('/me/goals');
    });

  return (
    <>
      <PageTitle title="My goals">My goals</PageTitle>
      <Text mb="md">
        Pick an occupation or a role an organisation has defined. You will see the skills it needs, the ones your credentials already prove
        (
        <Anchor component={Link} to="/me/skills">
          My skills
        </Anchor>
        ), and micro-credentials that close the gap.
      </Text>
      <AddGoal onAdded={(g) => setSelected(g.id)} />
      {items.length === 0 || !current ? (
        <EmptyState title="No goals yet">Add an occupation or a role above to see your gap.</EmptyState>
      ) : (
        <Stack gap="lg">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label="Goal"
              data={items.map((g) => ({ value: g.id, label: g.orgName ? `${g.title} — ${g.orgName}` : g.title }))}
              value={current.id}
              onChange={(v) => setSelected(v)}
              allowDeselect={false}
              style={{ flex: 1, minWidth: 220 }}
            />
            <Button variant="subtle" color="red" onClick={() => remove(current)} loading={form.submitting}>
              Remove this goal
            </Button>
          </Group>
          <ProblemAlert problem={form.problem} />
          <GapTable goalId={current.id} />
          <Recommendations goalId={current.id} />
        </Stack>
      )}
    </>
  );
}
