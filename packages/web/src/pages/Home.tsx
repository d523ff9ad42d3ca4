/** Home: what needs the signed-in person, by role, most urgent first — reviewing, organisations, learning. */
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { HomeDashboard } from '@tessera/shared';
import type { HomeSection } from '@tessera/shared';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';
import { RoleBadge } from '../components/RoleBadge';
import { ErrorState, LoadingState } from '../components/states';
import { useApiQuery } from '../lib/query';
import { useSignedInSession } from '../lib/session';
import type { MembershipSummary } from '../lib/types';
import { AssessorSection } from './home/AssessorSection';
import { LearnerSection } from './home/LearnerSection';
import { OverviewSection } from './home/OverviewSection';

/** Memberships the sections above do not cover (viewers), with the secondary "create organisation" action. */
function Memberships({ memberships }: { memberships: MembershipSummary[] }) {
  const others = memberships.filter((m) => m.role === 'viewer');
  if (memberships.length > 0 && others.length === 0) {
    return (
      <Anchor component={Link} to="/orgs/new" size="sm">
        Create an organisation
      </Anchor>
    );
  }
  return (
    <Stack gap="xs" component="section" aria-labelledby="home-memberships">
      <Title order={2} size="h4" id="home-memberships">
        {others.length > 0 ? 'Other memberships' : 'Issuing credentials?'}
      </Title>
      {others.length > 0 ? (
        <Stack gap={6} component="ul" className="plain-list" aria-label="Memberships">
          {others.map((m) => (
            <Group component="li" key={m.org.id} gap="xs">
              <Anchor component={Link} to={`/orgs/${m.org.slug}`}>
                {m.org.name}
              </Anchor>
              <RoleBadge role={m.role} />
            </Group>
          ))}
        </Stack>
      ) : (
        <Text size="sm">
          Schools, universities and employers issue micro-credentials through an organisation. An owner of one can invite you, or you can
          start your own.
        </Text>
      )}
      <Anchor component={Link} to="/orgs/new" size="sm">
        Create an organisation
      </Anchor>
    </Stack>
  );
}

/** The home screen. */
export function HomePage() {
  const session = useSignedInSession();
  const home = useApiQuery('/me/home', HomeDashboard);
  const firstName = session.account.name.split(/\s+/)[0] ?? session.account.name;
  const render = (section: HomeSection, data: HomeDashboard) => {
    if (section === 'assessor') return <AssessorSection key={section} queues={data.assessor} />;
    if (section === 'overview') return <OverviewSection key={section} overviews={data.overviews} />;
    return <LearnerSection key={section} learner={data.learner} staff={data.sections.length > 1} />;
  };
  return (
    <>
      <PageTitle title="Home">Welcome, {firstName}</PageTitle>
      {home.status === 'loading' ? <LoadingState label="Loading your home…" /> : null}
      {home.status === 'error' ? <ErrorState error={home.error} onRetry={home.reload} /> : null}
      {home.status === 'ok' ? (
        <Stack gap="xl">
          {home.data.sections.map((s) => render(s, home.data))}
          <Memberships memberships={session.memberships} />
        </Stack>
      ) : null}
    </>
  );
}
