/** Loads an organisation for its screens and shares it through the outlet context. */
import { Avatar, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, Outlet, useMatch, useOutletContext, useParams } from 'react-router';
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

/**
 * One link of the awards navigation. The page it leads to, when open (a bulk run's own page counts as "Bulk award"), is
 * marked as the current one, filled and with aria-current; the others are light, so no link reads as the page's main
 * action when another page is open.
 */
function AwardLink({ to, children }: { to: string; children: ReactNode }) {
  const current = useMatch({ path: to, end: false }) !== null;
  return (
    <Button component={Link} to={to} size="xs" variant={current ? 'filled' : 'light'} aria-current={current ? 'page' : undefined}>
      {children}
    </Button>
  );
}

/** Links to direct and bulk awards (roles allowed to award) and API tokens (owners). */
function OrgAwardLinks({ slug, isOwner }: { slug: string; isOwner: boolean }) {
  const access = useApiQuery(`/orgs/${encodeURIComponent(slug)}/award-settings`, AwardAccess);
  const base = `/orgs/${encodeURIComponent(slug)}`;
  const canAward = access.status === 'ok' && access.data.canAward;
  if (!canAward && !isOwner) return null;
  return (
    <Group gap="xs" ml="auto" component="nav" aria-label="Awards">
      {canAward ? <AwardLink to={`${base}/awards/new`}>Award directly</AwardLink> : null}
      {canAward ? <AwardLink to={`${base}/awards/bulk`}>Bulk award</AwardLink> : null}
      {isOwner ? <AwardLink to={`${base}/api-tokens`}>API tokens</AwardLink> : null}
    </Group>
  );
}

/** The organisation of the current route. */
export function useOrg(): OrgContext {
  return useOutletContext<OrgContext>();
}
