/** Home: the organisations the signed-in person belongs to. */
import { Anchor, Avatar, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';
import { RoleBadge } from '../components/RoleBadge';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { useSignedInSession } from '../lib/session';
import type { OrgWithRole } from '../lib/types';
import { useResource } from '../lib/useResource';

/** The home screen. */
export function HomePage() {
  const session = useSignedInSession();
  const orgs = useResource<OrgWithRole[]>('/orgs');
  return (
    <>
      <PageTitle
        title="My organisations"
        actions={
          orgs.status === 'ok' && orgs.data.length > 0 ? (
            <Button component={Link} to="/orgs/new">
              Create organisation
            </Button>
          ) : null
        }
      >
        My organisations
      </PageTitle>
      <Text mb="md">Welcome, {session.account.name}.</Text>
      {orgs.status === 'loading' ? <LoadingState label="Loading your organisations…" /> : null}
      {orgs.status === 'error' ? <ErrorState error={orgs.error} onRetry={orgs.reload} /> : null}
      {orgs.status === 'ok' && orgs.data.length === 0 ? (
        <EmptyState
          title="You are not in any organisation yet"
          action={
            <Button component={Link} to="/orgs/new">
              Create organisation
            </Button>
          }
        >
          Create an organisation to issue micro-credentials, or ask an owner of an existing one to invite you.
        </EmptyState>
      ) : null}
      {orgs.status === 'ok' && orgs.data.length > 0 ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" className="plain-list" aria-label="Organisations">
          {orgs.data.map((org) => (
            <Card component="li" key={org.id} withBorder radius="md" padding="lg">
              <Stack gap="sm">
                <Group gap="sm" wrap="nowrap">
                  <Avatar src={org.image} alt="" color="indigo.9" variant="filled" radius="sm">
                    {org.name.slice(0, 2).toUpperCase()}
                  </Avatar>
                  <Title order={2} size="h4">
                    <Anchor component={Link} to={`/orgs/${org.slug}`}>
                      {org.name}
                    </Anchor>
                  </Title>
                </Group>
                <Group gap="xs">
                  <Text size="sm" c="dimmed">
                    Your role:
                  </Text>
                  <RoleBadge role={org.role} />
                </Group>
                {org.description ? (
                  <Text size="sm" lineClamp={3}>
                    {org.description}
                  </Text>
                ) : null}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      ) : null}
    </>
  );
}
