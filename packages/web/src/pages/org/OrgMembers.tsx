/** Members, roles, invitations. Owner controls are shown only to owners (the API enforces them too). */
import { Alert, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ChangeRoleInput, Invitation as InvitationContract, InviteInput, Member as MemberContract, ROLES } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, RoleBadge } from '../../components/RoleBadge';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { api } from '../../lib/api';
import { useFormState, validate } from '../../lib/forms';
import { formatDateTime } from '../../lib/links';
import { useSession, useSignedInSession } from '../../lib/session';
import type { Invitation, Member, Role } from '../../lib/types';
import { DANGER } from '../../theme';
import { useOrg } from './OrgLayout';
import { apiCall, useApiQuery } from '../../lib/query';
import { InvitationList, MemberList } from '../../lib/contracts';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

function isRole(value: string | null): value is Role {
  return value !== null && (ROLES as readonly string[]).includes(value);
}

function InviteForm({ slug, onInvited }: { slug: string; onInvited: (inv: Invitation) => void }) {
  const form = useFormState();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [sent, setSent] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSent(null);
    const result = validate(InviteInput, { email, role });
    if (!result.ok) return form.setFieldErrors(result.errors);
    await form.run(async () => {
      const inv = await apiCall('POST', `/orgs/${encodeURIComponent(slug)}/invitations`, InvitationContract, { body: result.data });
      onInvited(inv);
      setSent(inv.email);
      setEmail('');
    });
  }

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="invite-heading">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <Title order={2} size="h3" id="invite-heading">
            Invite a member
          </Title>
          <Text size="sm">We email them a link. They join with the role you choose once they accept with that email address.</Text>
          <ProblemAlert problem={form.problem} />
          {sent ? (
            <Text role="status" c="teal.9" fw={500}>
              Invitation sent to {sent}.
            </Text>
          ) : null}
          <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput
              label="Email"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={form.fieldErrors.email}
              miw={220}
            />
            <Select
              label="Role"
              data={ROLE_OPTIONS}
              value={role}
              onChange={(v) => {
                if (isRole(v)) setRole(v);
              }}
              allowDeselect={false}
              description={ROLE_DESCRIPTIONS[role]}
              error={form.fieldErrors.role}
              miw={180}
            />
          </Group>
          <Group>
            <Button type="submit" loading={form.submitting}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RoleControl({ slug, member, onChanged }: { slug: string; member: Member; onChanged: (m: Member) => void }) {
  const form = useFormState();
  return (
    <Stack gap={4}>
      <Select
        aria-label={`Role of ${member.name}`}
        data={ROLE_OPTIONS}
        value={member.role}
        allowDeselect={false}
        disabled={form.submitting}
        size="xs"
        w={150}
        onChange={(v) => {
          const result = validate(ChangeRoleInput, { role: v });
          if (!result.ok) return form.setFieldErrors(result.errors);
          void form.run(async () => {
            const updated = await apiCall(
              'PATCH',
              `/orgs/${encodeURIComponent(slug)}/members/${encodeURIComponent(member.accountId)}`,
              MemberContract,
              { body: result.data },
            );
            onChanged(updated);
          });
        }}
      />
      {form.problem ? (
        <Text size="xs" c="red.9" role="alert">
          {form.problem.detail ?? form.problem.title}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The members screen. */
export function OrgMembersPage() {
  const { org, reload: reloadOrg } = useOrg();
  const session = useSignedInSession();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const slug = encodeURIComponent(org.slug);
  const isOwner = org.role === 'owner';
  const members = useApiQuery(`/orgs/${slug}/members`, MemberList);
  const invitations = useApiQuery(isOwner ? `/orgs/${slug}/invitations` : null, InvitationList);
  const [removing, setRemoving] = useState<Member | null>(null);
  const removeForm = useFormState();
  const revokeForm = useFormState();

  const self = session.account.id;

  async function confirmRemove() {
    if (!removing) return;
    const leaving = removing.accountId === self;
    const ok = await removeForm.run(async () => {
      await api('DELETE', `/orgs/${slug}/members/${encodeURIComponent(removing.accountId)}`);
    });
    if (!ok) return;
    setRemoving(null);
    if (leaving) {
      await refresh();
      void navigate('/');
    } else {
      members.reload();
    }
  }

  return (
    <>
      <PageTitle title={`${org.name} members`}>Members</PageTitle>
      <Stack gap="lg">
        {isOwner ? (
          <InviteForm slug={org.slug} onInvited={() => invitations.reload()} />
        ) : (
          <Alert color="gray.8" variant="outline" title="Read-only" role="note">
            Only owners can invite members, change roles and manage invitations. You can leave the organisation yourself.
          </Alert>
        )}

        <section aria-labelledby="members-heading">
          <Title order={2} size="h3" id="members-heading" mb="sm">
            Current members
          </Title>
          {members.status === 'loading' ? <LoadingState label="Loading members…" /> : null}
          {members.status === 'error' ? <ErrorState error={members.error} onRetry={members.reload} /> : null}
          {members.status === 'ok' ? (
            <Table.ScrollContainer minWidth={560}>
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Email</Table.Th>
                    <Table.Th scope="col">Role</Table.Th>
                    <Table.Th scope="col">Joined</Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.data.map((m) => (
                    <Table.Tr key={m.accountId}>
                      <Table.Td>
                        {m.name}
                        {m.accountId === self ? ' (you)' : ''}
                      </Table.Td>
                      <Table.Td>{m.email}</Table.Td>
                      <Table.Td>
                        {isOwner ? (
                          <RoleControl
                            slug={org.slug}
                            member={m}
                            onChanged={(updated) => {
                              members.setData(members.data.map((x) => (x.accountId === updated.accountId ? updated : x)));
                              if (updated.accountId === self) void refresh().then(reloadOrg);
                            }}
                          />
                        ) : (
                          <RoleBadge role={m.role} />
                        )}
                      </Table.Td>
                      <Table.Td>{formatDateTime(m.joinedAt)}</Table.Td>
                      <Table.Td>
                        {isOwner || m.accountId === self ? (
                          <Button
                            variant="subtle"
                            color={DANGER}
                            size="xs"
                            onClick={() => {
                              removeForm.reset();
                              setRemoving(m);
                            }}
                          >
                            {m.accountId === self ? 'Leave' : `Remove`}
                            <span className="visually-hidden"> {m.name}</span>
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </section>

        {isOwner ? (
          <section aria-labelledby="invitations-heading">
            <Title order={2} size="h3" id="invitations-heading" mb="sm">
              Invitations
            </Title>
            <ProblemAlert problem={revokeForm.problem} />
            {invitations.status === 'loading' ? <LoadingState label="Loading invitations…" /> : null}
            {invitations.status === 'error' ? <ErrorState error={invitations.error} onRetry={invitations.reload} /> : null}
            {invitations.status === 'ok' && invitations.data.length === 0 ? (
              <EmptyState title="No invitations yet">
                Invite colleagues with the form above; their invitations appear here until they accept.
              </EmptyState>
            ) : null}
            {invitations.status === 'ok' && invitations.data.length > 0 ? (
              <Table.ScrollContainer minWidth={560}>
                <Table striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Email</Table.Th>
                      <Table.Th scope="col">Role</Table.Th>
                      <Table.Th scope="col">Status</Table.Th>
                      <Table.Th scope="col">Expires</Table.Th>
                      <Table.Th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {invitations.data.map((inv) => (
                      <Table.Tr key={inv.id}>
                        <Table.Td>{inv.email}</Table.Td>
                        <Table.Td>
                          <RoleBadge role={inv.role} />
                        </Table.Td>
                        <Table.Td>{inv.status}</Table.Td>
                        <Table.Td>{formatDateTime(inv.expiresAt)}</Table.Td>
                        <Table.Td>
                          {inv.status === 'pending' ? (
                            <Button
                              variant="subtle"
                              color={DANGER}
                              size="xs"
                              loading={revokeForm.submitting}
                              onClick={() => {
                                void revokeForm
                                  .run(async () => {
                                    await api('DELETE', `/orgs/${slug}/invitations/${encodeURIComponent(inv.id)}`);
                                  })
                                  .then((ok) => {
                                    if (ok) invitations.reload();
                                  });
                              }}
                            >
                              Revoke<span className="visually-hidden"> invitation for {inv.email}</span>
                            </Button>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
          </section>
        ) : null}
      </Stack>

      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={removing?.accountId === self ? 'Leave organisation?' : 'Remove member?'}
        centered
      >
        <Stack>
          <Text>
            {removing?.accountId === self
              ? `You will lose access to ${org.name}.`
              : `${removing?.name ?? ''} will lose access to ${org.name}.`}
          </Text>
          <ProblemAlert problem={removeForm.problem} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              Cancel
            </Button>
            <Button color={DANGER} loading={removeForm.submitting} onClick={() => void confirmRemove()}>
              {removing?.accountId === self ? 'Leave' : 'Remove'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
