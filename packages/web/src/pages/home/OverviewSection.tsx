/** The owner's and designer's part of the home: each organisation at a glance, with links to the details. */
import { Anchor, Card, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import type { OrgOverview } from '@tessera/shared';
import { Link } from 'react-router';
import { RoleBadge } from '../../components/RoleBadge';
import { Stat } from './Stat';

function OverviewCard({ overview: o }: { overview: OrgOverview }) {
  const base = `/orgs/${o.org.slug}`;
  const a = o.achievements;
  return (
    <Card component="li" withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4">
            <Anchor component={Link} to={base}>
              {o.org.name}
            </Anchor>
          </Title>
          <RoleBadge role={o.role} />
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" component="ul" className="plain-list" aria-label={`${o.org.name} at a glance`}>
          <Stat
            label="Published"
            value={a.published}
            to={`${base}/achievements`}
            note={a.unpublishedChanges > 0 ? `${a.unpublishedChanges} with unpublished changes` : undefined}
          />
          <Stat label="Drafts" value={a.draft} to={`${base}/achievements`} />
          <Stat label="Submissions this month" value={o.submissionsThisMonth} />
          <Stat label="Credentials issued" value={o.credentialsIssued} to={o.role === 'owner' ? `${base}/credentials` : undefined} />
          {o.awaitingReview !== null ? (
            <Stat
              label="Awaiting review"
              value={o.awaitingReview}
              to={`${base}/queue`}
              alert={(o.overdue ?? 0) > 0}
              note={o.overdue ? `${o.overdue} overdue` : undefined}
            />
          ) : null}
          {o.pendingInvitations !== null ? <Stat label="Pending invitations" value={o.pendingInvitations} to={`${base}/members`} /> : null}
          {o.failedJobs !== null ? <Stat label="Failed jobs" value={o.failedJobs} to={`${base}/jobs`} alert={o.failedJobs > 0} /> : null}
        </SimpleGrid>
        <Group gap="md">
          <Anchor component={Link} to={`${base}/achievements/new`} size="sm">
            New micro-credential
          </Anchor>
          <Anchor component={Link} to={`${base}/achievements`} size="sm">
            All micro-credentials
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}

/** The organisation overview section of the home screen. */
export function OverviewSection({ overviews }: { overviews: OrgOverview[] }) {
  return (
    <Stack gap="md" component="section" aria-labelledby="home-organisations">
      <Title order={2} size="h3" id="home-organisations">
        Your organisations
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }} component="ul" className="plain-list" aria-label="Organisation overviews">
        {overviews.map((o) => (
          <OverviewCard key={o.org.slug} overview={o} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
