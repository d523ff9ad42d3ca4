/**
 * The assessor queue: submissions oldest first, with their age against the service level. Filters live in the
 * address (shareable, kept by Back); a submission can be claimed from its row; "Review next" claims the next
 * waiting one. Wide screens get a table, narrow ones a list of cards.
 */
import { Anchor, Badge, Button, Card, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { AchievementSummary, AssessorSubmission, QueueEntry } from '@tessera/shared';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { FULL_LABEL_BADGE, SubmissionStateBadge } from '../../components/SubmissionState';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/links';
import { apiCall, invalidateApi, useApiQuery } from '../../lib/query';
import type { Problem } from '../../lib/types';
import { useOrg } from './OrgLayout';
import { useNextSubmission } from './review/useNextSubmission';

type Entry = z.output<typeof QueueEntry>;

/** The option that clears a filter (an empty value is not a reliable Select option). */
const ANY = 'any';
const STATE_OPTIONS = [
  { value: ANY, label: 'Any state' },
  { value: 'submitted', label: 'Submitted (not yet claimed)' },
  { value: 'in_review', label: 'In review' },
  { value: 'disputed', label: 'Being settled' },
];
const CLAIM_OPTIONS = [
  { value: ANY, label: 'Anyone' },
  { value: 'unclaimed', label: 'Open to claim' },
  { value: 'mine', label: 'Claimed by me' },
];
const FILTER_KEYS = ['achievementId', 'state', 'claim', 'overdue'] as const;

/** How long a submission has waited, against the service level ("Under a day of 14", "3.5 days of 14"). */
function ageText(q: Entry): string {
  return `${q.ageDays < 1 ? 'Under a day' : `${q.ageDays.toFixed(1)} days`} of ${q.slaDays}`;
}

/** The row's badges: overdue, double-scored, and the caller's claim or review. */
function EntryBadges({ q }: { q: Entry }) {
  return (
    <Group gap={4}>
      {q.overdue ? (
        <Badge color="red.9" variant="filled" styles={FULL_LABEL_BADGE}>
          Overdue
        </Badge>
      ) : null}
      {q.doubleScored ? (
        <Badge variant="outline" styles={FULL_LABEL_BADGE}>
          Double-scored
        </Badge>
      ) : null}
      {q.claimedByMe ? (
        <Badge color="indigo.9" styles={FULL_LABEL_BADGE}>
          Claimed by you
        </Badge>
      ) : null}
      {q.reviewedByMe ? (
        <Badge color="teal.9" styles={FULL_LABEL_BADGE}>
          Reviewed by you
        </Badge>
      ) : null}
    </Group>
  );
}

/** Claim from the row, or open it when it is already mine. */
function RowAction({ q, slug, claim, busy }: { q: Entry; slug: string; claim: (q: Entry) => void; busy: boolean }) {
  if (q.claimedByMe) {
    return (
      <Button
        component={Link}
        to={`/orgs/${slug}/submissions/${q.submissionId}`}
        size="xs"
        variant="light"
        aria-label={`Review ${q.achievementName} by ${q.learnerLabel}`}
      >
        Review
      </Button>
    );
  }
  if (q.canClaim) {
    return (
      <Button size="xs" onClick={() => claim(q)} loading={busy} aria-label={`Claim ${q.achievementName} by ${q.learnerLabel}`}>
        Claim
      </Button>
    );
  }
  return null;
}

/** The review queue. */
export function OrgQueuePage() {
  const { org } = useOrg();
  const slug = encodeURIComponent(org.slug);
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTER_KEYS)[number], string>;
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '')).toString();
  const queue = useApiQuery(`/orgs/${slug}/queue${query ? `?${query}` : ''}`, z.array(QueueEntry));
  const achievements = useApiQuery(`/orgs/${slug}/achievements`, z.array(AchievementSummary));
  const next = useNextSubmission(org.slug, filters.achievementId || undefined);
  const [claiming, setClaiming] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [claimed, setClaimed] = useState<string | null>(null);

  const setFilter = (key: (typeof FILTER_KEYS)[number], value: string) => {
    const nextParams = new URLSearchParams(params);
    if (value && value !== ANY) nextParams.set(key, value);
    else nextParams.delete(key);
    setParams(nextParams, { replace: true });
  };
  const claim = async (q: Entry) => {
    setClaiming(q.submissionId);
    setProblem(null);
    setClaimed(null);
    try {
      await apiCall('POST', `/orgs/${slug}/submissions/${encodeURIComponent(q.submissionId)}/claim`, AssessorSubmission);
      setClaimed(`You claimed “${q.achievementName}” (${q.learnerLabel}) for 24 hours.`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setProblem(err.problem);
    } finally {
      setClaiming(null);
      await invalidateApi(`/orgs/${slug}/queue`);
    }
  };
  const achievementOptions = [
    { value: ANY, label: 'All micro-credentials' },
    ...(achievements.status === 'ok'
      ? achievements.data.filter((a) => a.latestVersion !== null).map((a) => ({ value: a.id, label: a.name }))
      : []),
  ];
  const filtered = query !== '';
  const rows = queue.status === 'ok' ? queue.data : [];
  const overdueCount = rows.filter((q) => q.overdue).length;

  return (
    <>
      <PageTitle title={`Review queue · ${org.name}`}>Review queue</PageTitle>
      <Group justify="space-between" align="flex-start" mb="md" gap="sm">
        <Text maw={640}>
          Oldest first. Service level: reviewed within {org.reviewSlaDays} days.{' '}
          {org.blindReviews ? 'Reviews are blind: learners’ names are hidden.' : ''}
        </Text>
        <Button onClick={() => void next.go()} loading={next.busy}>
          Review next submission
        </Button>
      </Group>
      <div aria-live="polite">
        {next.empty ? (
          <Text size="sm" mb="sm">
            Nothing is waiting for you{filters.achievementId ? ' in this micro-credential' : ''}.
          </Text>
        ) : null}
        {claimed ? (
          <Text size="sm" mb="sm">
            {claimed}
          </Text>
        ) : null}
      </div>
      <ProblemAlert problem={next.problem ?? problem} />
      <Group component="fieldset" gap="sm" align="flex-end" mb="md" p={0} style={{ border: 0, margin: 0 }}>
        <legend className="visually-hidden">Filter the queue</legend>
        <Select
          label="Micro-credential"
          data={achievementOptions}
          value={filters.achievementId || ANY}
          onChange={(v) => setFilter('achievementId', v ?? '')}
          allowDeselect={false}
          w={{ base: '100%', sm: 240 }}
        />
        <Select
          label="State"
          data={STATE_OPTIONS}
          value={filters.state || ANY}
          onChange={(v) => setFilter('state', v ?? '')}
          allowDeselect={false}
          w={{ base: '100%', sm: 200 }}
        />
        <Select
          label="Claimed"
          data={CLAIM_OPTIONS}
          value={filters.claim || ANY}
          onChange={(v) => setFilter('claim', v ?? '')}
          allowDeselect={false}
          w={{ base: '100%', sm: 170 }}
        />
        <Checkbox
          label="Overdue only"
          checked={filters.overdue === 'true'}
          onChange={(e) => setFilter('overdue', e.currentTarget.checked ? 'true' : '')}
          mb={8}
        />
        {filtered ? (
          <Button variant="subtle" size="sm" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            Clear filters
          </Button>
        ) : null}
      </Group>
      {queue.status === 'loading' ? <LoadingState label="Loading the queue…" /> : null}
      {queue.status === 'error' ? <ErrorState error={queue.error} onRetry={queue.reload} /> : null}
      {queue.status === 'ok' && rows.length === 0 ? (
        <EmptyState title={filtered ? 'Nothing matches these filters' : 'The queue is empty'}>
          {filtered ? 'Change or clear the filters to see more.' : 'Nothing is waiting for review.'}
        </EmptyState>
      ) : null}
      {queue.status === 'ok' && rows.length > 0 ? (
        <>
          <Text size="sm" mb="xs" aria-live="polite">
            {rows.length} {rows.length === 1 ? 'submission' : 'submissions'}
            {overdueCount > 0 ? `, ${overdueCount} overdue` : ''}.
          </Text>
          <Stack gap="sm" hiddenFrom="sm" component="ul" className="plain-list" aria-label="Submissions waiting for review">
            {rows.map((q) => (
              <Card key={q.submissionId} withBorder radius="md" padding="sm" component="li">
                <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={`/orgs/${org.slug}/submissions/${q.submissionId}`} fw={600}>
                      {q.achievementName}
                    </Anchor>
                    <Text size="sm">
                      {q.learnerLabel} · attempt {q.attempt}
                    </Text>
                  </Stack>
                  <SubmissionStateBadge state={q.state} />
                </Group>
                <Text size="sm" mt={6}>
                  Submitted {formatDateTime(q.submittedAt)} · waiting {ageText(q).toLowerCase()} days · {q.slotsOpen}{' '}
                  {q.slotsOpen === 1 ? 'slot' : 'slots'} open
                </Text>
                <Group justify="space-between" mt={6} gap="xs">
                  <EntryBadges q={q} />
                  <RowAction q={q} slug={org.slug} claim={(x) => void claim(x)} busy={claiming === q.submissionId} />
                </Group>
              </Card>
            ))}
          </Stack>
          <Stack visibleFrom="sm">
            <DataTable
              caption="Submissions waiting for review"
              headers={['Submission', 'Learner', 'State', 'Submitted', 'Age', 'Review slots', 'Action']}
              minWidth={760}
            >
              {rows.map((q) => (
                <Table.Tr key={q.submissionId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/orgs/${org.slug}/submissions/${q.submissionId}`}>
                      {q.achievementName}
                    </Anchor>
                    <Text size="xs">
                      version {q.version}, attempt {q.attempt}
                    </Text>
                  </Table.Td>
                  <Table.Td>{q.learnerLabel}</Table.Td>
                  <Table.Td>
                    <SubmissionStateBadge state={q.state} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(q.submittedAt)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {ageText(q)} days
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <EntryBadges q={q} />
                      <Text size="sm">{q.slotsOpen} open</Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <RowAction q={q} slug={org.slug} claim={(x) => void claim(x)} busy={claiming === q.submissionId} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Stack>
        </>
      ) : null}
    </>
  );
}
