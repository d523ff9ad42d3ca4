/** Loads an organisation for its screens and shares it through the outlet context. */
import { Avatar, Button, Group, Text } from '@mantine/core';
import { Link, Outlet, useOutletContext, useParams } from 'react-router';
import { z } from 'zod';
import { RoleBadge } from '../../components/RoleBadge';
import { ErrorState, LoadingState } from '../../components/states';
import { OrgWithRole as OrgWithRoleContract } from '@tessera/shared';
import { useApiQuery } from '../../lib/query';
import type { OrgWithRole } from '../../lib/types';

/** What organisation screens receive from the layout. */
export interface OrgContext {
  org: OrgWithRole;
  /** Replace the organisation after an update. */
  setOrg: (org: OrgWithRole) => void;
  /** Reload the organisation (e.g. after the caller's own role changed). */
  reload: () => void;
}

/** Layout route for /orgs/:slug/*. */
export function OrgLayout() {
  const { slug = '' } = useParams();
  const org = useApiQuery(`/orgs/${encodeURIComponent(slug)}`, OrgWithRoleContract);
  if (org.status === 'loading') return <LoadingState label="Loading the organisation…" />;
  if (org.status === 'error') return <ErrorState error={org.error} onRetry={org.reload} />;
  const context: OrgContext = { org: org.data, setOrg: org.setData, reload: org.reload };
  return (
    <>
      <Group gap="sm" mb="xs">
        <Avatar src={org.data.image} alt="" color="indigo.9" variant="filled" radius="sm" size="sm">
          {org.data.name.slice(0, 2).toUpperCase()}
        </Avatar>
        <Text fw={600}>{org.data.name}</Text>
        <Text size="sm" c="dimmed">
          Your role:
        </Text>
        <RoleBadge role={org.data.role} />
        <OrgAwardLinks slug={org.data.slug} isOwner={org.data.role === 'owner'} />
      </Group>
      <Outlet context={context} />
    </>
  );
}

const AwardAccess = z.object({ canAward: z.boolean() });

/** Links to direct awards (roles allowed to award) and API tokens (owners). */
function OrgAwardLinks({ slug, isOwner }: { slug: string; isOwner: boolean }) {
  const access = useApiQuery(`/orgs/${encodeURIComponent(slug)}/award-settings`, AwardAccess);
  return (
    <Group gap="xs" ml="auto" component="nav" aria-label="Awards">
      {access.status === 'ok' && access.data.canAward ? (
        <Button component={Link} to={`/orgs/${slug}/awards/new`} size="xs" variant="filled">
          Award directly
        </Button>
      ) : null}
      {access.status === 'ok' && access.data.canAward ? (
        <Button component={Link} to={`/orgs/${slug}/awards/bulk`} size="xs" variant="light">
          Bulk award
        </Button>
      ) : null}
      {isOwner ? (
        <Button component={Link} to={`/orgs/${slug}/api-tokens`} size="xs" variant="subtle">
          API tokens
        </Button>
      ) : null}
    </Group>
  );
}

/** The organisation of the current route. */
export function useOrg(): OrgContext {
  return useOutletContext<OrgContext>();
}
