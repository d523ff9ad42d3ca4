/** The application shell: header with organisation switcher and account menu, navigation, main region. */
import {
  AppShell,
  Anchor,
  Badge,
  Burger,
  Button,
  Divider,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Select,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Notification, UnreadCount } from '@tessera/shared';
import { Suspense, useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Link, Outlet, matchPath, useLocation, useNavigate } from 'react-router';
import { z } from 'zod';
import { appPath } from '../lib/links';
import { apiCall, apiKey, useApiQuery } from '../lib/query';
import { useSession } from '../lib/session';
import { LoadingState } from './states';
import type { MembershipSummary } from '../lib/types';

/** The organisation slug in the current path, if any. */
function useCurrentOrgSlug(): string | null {
  const { pathname } = useLocation();
  const match = matchPath('/orgs/:slug/*', pathname);
  const slug = match?.params.slug;
  return slug && slug !== 'new' ? slug : null;
}

function OrgSwitcher({ memberships, id }: { memberships: MembershipSummary[]; id: string }) {
  const navigate = useNavigate();
  const current = useCurrentOrgSlug();
  if (memberships.length === 0) return null;
  return (
    <Select
      id={id}
      aria-label="Switch organisation"
      placeholder="Switch organisation"
      data={memberships.map((m) => ({ value: m.org.slug, label: m.org.name }))}
      value={current && memberships.some((m) => m.org.slug === current) ? current : null}
      onChange={(slug) => {
        if (slug) void navigate(`/orgs/${slug}`);
      }}
      allowDeselect={false}
      w={{ base: '100%', sm: 240 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function NavItem({ to, label, end = true, badge }: { to: string; label: ReactNode; end?: boolean; badge?: ReactNode }) {
  const { pathname } = useLocation();
  const active = end ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      rightSection={badge}
      active={active}
      aria-current={active ? 'page' : undefined}
      variant="filled"
    />
  );
}

/** The unread-count endpoint; its cache entry is refreshed on navigation and every minute. */
export const UNREAD_PATH = '/me/notifications/unread-count';
const NOTIFICATIONS_PATH = '/me/notifications';
const NotificationList = z.array(Notification);

/**
 * The signed-in person's unread count. Opening the notifications page marks what it lists as read: the list is
 * loaded into the shared query cache first (so the page still shows which ones were new), then each unread one
 * is marked read with the existing per-notification call and the count is refreshed.
 */
function useUnreadCount(signedIn: boolean, pathname: string): number {
  const client = useQueryClient();
  const count = useApiQuery(signedIn ? UNREAD_PATH : null, UnreadCount, { refetchInterval: 60_000 });
  const seenPath = useRef(pathname);
  useEffect(() => {
    if (seenPath.current === pathname) return;
    seenPath.current = pathname;
    if (signedIn) void client.invalidateQueries({ queryKey: apiKey(UNREAD_PATH) });
  }, [client, signedIn, pathname]);
  useEffect(() => {
    if (!signedIn || pathname !== '/notifications') return;
    let cancelled = false;
    void (async () => {
      const list = await client.fetchQuery({
        queryKey: apiKey(NOTIFICATIONS_PATH),
        queryFn: ({ signal }) => apiCall('GET', NOTIFICATIONS_PATH, NotificationList, { signal }),
        staleTime: 0,
      });
      const unread = list.filter((n) => !n.readAt);
      if (cancelled || unread.length === 0) return;
      await Promise.all(unread.map((n) => apiCall('POST', `${NOTIFICATIONS_PATH}/${encodeURIComponent(n.id)}/read`, z.unknown())));
      await client.invalidateQueries({ queryKey: apiKey(UNREAD_PATH) });
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [client, signedIn, pathname]);
  return count.status === 'ok' ? count.data.unread : 0;
}

/** The layout every screen renders inside. */
export function Layout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { state, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const slug = useCurrentOrgSlug();
  // Below Mantine's `sm` breakpoint the navbar slides off-screen when closed; hide it from keyboard
  // and screen-reader users too instead of leaving invisible links in the tab order.
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const navHidden = isMobile && !opened;

  // On client-side navigation, close the mobile menu and move focus to the new content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    close();
    mainRef.current?.focus({ preventScroll: false });
  }, [location.pathname, close]);

  const session = state.status === 'signed-in' ? state.session : null;
  const unread = useUnreadCount(session !== null, location.pathname);
  // Another person's answers must never be shown from the cache: when who is signed in changes, start afresh.
  const client = useQueryClient();
  const accountId = session?.account.id ?? null;
  const lastAccount = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (state.status === 'loading') return;
    if (lastAccount.current !== undefined && lastAccount.current !== accountId) void client.resetQueries({ queryKey: ['api'] });
    lastAccount.current = accountId;
  }, [client, accountId, state.status]);
  // Guests who sign in from the header come back to the page they were on.
  const onAuthPage = ['/signin', '/signup', '/forgot-password', '/reset-password'].includes(location.pathname);
  const guestQuery =
    onAuthPage || location.pathname === '/'
      ? ''
      : `?${new URLSearchParams({ next: appPath(location.pathname + location.search) }).toString()}`;
  const membership = session && slug ? session.memberships.find((m) => m.org.slug === slug) : undefined;

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={session ? { width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              {session ? (
                <Burger
                  opened={opened}
                  onClick={toggle}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={opened ? 'Close navigation' : 'Open navigation'}
                  aria-expanded={opened}
                  aria-controls="app-navbar"
                />
              ) : null}
              <Anchor component={Link} to="/" fw={700} size="lg" c="dark.9" underline="never">
                Tessera
              </Anchor>
            </Group>
            <Group gap="sm" wrap="nowrap">
              {session ? (
                <>
                  <Group visibleFrom="sm">
                    <OrgSwitcher memberships={session.memberships} id="org-switcher-header" />
                  </Group>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <UnstyledButton aria-label={`Account menu for ${session.account.name}`} className="account-button">
                        <Text size="sm" fw={600} truncate maw={180}>
                          {session.account.name}
                        </Text>
                      </UnstyledButton>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Label>{session.account.email}</Menu.Label>
                      <Menu.Item component={Link} to="/settings">
                        Account settings
                      </Menu.Item>
                      {session.account.isPlatformAdmin ? (
                        <Menu.Item component={Link} to="/admin/outbox">
                          Dev outbox
                        </Menu.Item>
                      ) : null}
                      <Menu.Divider />
                      <Menu.Item
                        onClick={() => {
                          void signOut().then(() => navigate('/signin'));
                        }}
                      >
                        Sign out
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </>
              ) : state.status === 'anonymous' ? (
                <Group gap="xs">
                  <Button component={Link} to={`/signin${guestQuery}`} variant="default" size="sm">
                    Sign in
                  </Button>
                  <Button component={Link} to={`/signup${guestQuery}`} size="sm">
                    Sign up
                  </Button>
                </Group>
              ) : null}
            </Group>
          </Group>
        </AppShell.Header>

        {session ? (
          <AppShell.Navbar id="app-navbar" p="sm" aria-label="Main navigation" style={navHidden ? { visibility: 'hidden' } : undefined}>
            <ScrollArea type="auto">
              <Group hiddenFrom="sm" mb="sm">
                <OrgSwitcher memberships={session.memberships} id="org-switcher-nav" />
              </Group>
              <NavItem to="/" label="Home" />
              <NavItem to="/catalog" label="Catalog" end={false} />
              <NavItem to="/me/submissions" label="My learning" end={false} />
              <NavItem to="/me/credentials" label="My credentials" />
              <NavItem to="/learn/pathways" label="My pathways" end={false} />
              <NavItem to="/me/wallet" label="My wallet" />
              <NavItem to="/me/where-this-counts" label="Where this counts" />
              <NavItem to="/me/skills" label="My skills" />
              <NavItem to="/me/goals" label="My goals" />
              <NavItem to="/me/discoverability" label="Employer visibility" />
              <NavItem to="/me/contact-requests" label="Messages from employers" />
              <NavItem
                to="/notifications"
                label={
                  unread > 0 ? (
                    // Read out as one name, "Notifications, 3 unread" (a hidden span next to visible text would be read
                    // with a space before the comma); the badge shows the figure to sighted users.
                    <>
                      <span aria-hidden="true">Notifications</span>
                      <span className="visually-hidden">{`Notifications, ${unread} unread`}</span>
                    </>
                  ) : (
                    'Notifications'
                  )
                }
                badge={
                  unread > 0 ? (
                    <Badge color="red.9" variant="filled" size="sm" circle={unread < 10} aria-hidden="true">
                      {unread > 99 ? '99+' : unread}
                    </Badge>
                  ) : null
                }
              />
              <NavItem to="/verify" label="Verify a credential" />
              <Divider my="sm" />
              <NavItem to="/orgs/new" label="Create organisation" />
              {membership ? (
                <>
                  <Divider my="sm" label={membership.org.name} labelPosition="left" />
                  <NavItem to={`/orgs/${membership.org.slug}`} label="Profile" />
                  <NavItem to={`/orgs/${membership.org.slug}/achievements`} label="Micro-credentials" end={false} />
                  <NavItem to={`/orgs/${membership.org.slug}/pathways`} label="Pathways" end={false} />
                  <NavItem to={`/orgs/${membership.org.slug}/skills`} label="Skill frameworks" />
                  {membership.role === 'owner' || membership.role === 'assessor' ? (
                    <NavItem to={`/orgs/${membership.org.slug}/queue`} label="Review queue" />
                  ) : null}
                  {membership.role === 'owner' || membership.role === 'viewer' ? (
                    <NavItem to={`/orgs/${membership.org.slug}/credentials`} label="Issued credentials" />
                  ) : null}
                  <NavItem to={`/orgs/${membership.org.slug}/members`} label="Members" />
                  <NavItem to={`/orgs/${membership.org.slug}/roles`} label="Roles" />
                  <NavItem to={`/orgs/${membership.org.slug}/recognition`} label="Recognition" />
                  <NavItem to={`/orgs/${membership.org.slug}/endorsements`} label="Endorsements" />
                  {membership.role === 'owner' ? (
                    <>
                      <NavItem to={`/orgs/${membership.org.slug}/talent`} label="Talent search" end={false} />
                      <NavItem to={`/orgs/${membership.org.slug}/assessment`} label="Assessment settings" />
                      <NavItem to={`/orgs/${membership.org.slug}/keys`} label="Signing keys" />
                      <NavItem to={`/orgs/${membership.org.slug}/verification`} label="Issuer verification" />
                      <NavItem to={`/orgs/${membership.org.slug}/jobs`} label="Failed jobs" />
                      <NavItem to={`/orgs/${membership.org.slug}/audit`} label="Audit log" />
                    </>
                  ) : null}
                </>
              ) : null}
              <Divider my="sm" />
              <NavItem to="/settings" label="Account settings" />
              {session.account.isPlatformAdmin ? <NavItem to="/admin/outbox" label="Dev outbox" /> : null}
              {session.account.isPlatformAdmin ? <NavItem to="/admin/issuers" label="Issuers" /> : null}
            </ScrollArea>
          </AppShell.Navbar>
        ) : null}

        <AppShell.Main id="main" ref={mainRef} tabIndex={-1} className="app-main">
          <div className="page">
            <Suspense fallback={<LoadingState />}>
              <Outlet />
            </Suspense>
          </div>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
