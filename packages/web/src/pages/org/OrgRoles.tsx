/** Roles an organisation (often an employer) defines with the skills they require; learners pick them as goals. */
import {
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  List,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import type { OrgRole } from '@tessera/shared';
import {
  OrgRole as OrgRoleContract,
  OrgRoleList as OrgRoleListContract,
  SkillWithFramework as SkillWithFrameworkContract,
} from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { z } from 'zod';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { FULL_LABEL_BADGE } from '../../components/SubmissionState';
import { useFormState } from '../../lib/forms';
import { apiCall, invalidateApi, useApiQuery } from '../../lib/query';
import { useOrg } from './OrgLayout';

const SkillSearchResults = z.array(SkillWithFrameworkContract);
const LEVELS = [{ value: '', label: 'Any level' }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `At least ${n} of 5` }))];

interface DraftSkill {
  url: string;
  name: string;
  level: number | null;
}

/** Search the frameworks this organisation uses and add skills to the role. */
function SkillPicker({ slug, onPick, chosen }: { slug: string; onPick: (s: DraftSkill) => void; chosen: ReadonlySet<string> }) {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const results = useApiQuery(
    query ? `/skills/search?q=${encodeURIComponent(query)}&org=${encodeURIComponent(slug)}&limit=10` : null,
    SkillSearchResults,
  );
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label="Find a skill"
          description="Search the skill frameworks by name or code"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              setQuery(q.trim());
            }
          }}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Button variant="default" onClick={() => setQuery(q.trim())}>
          Search
        </Button>
      </Group>
      {results.status === 'loading' && query ? <LoadingState label="Searching…" /> : null}
      {results.status === 'error' ? <ErrorState error={results.error} /> : null}
      {results.status === 'ok' ? (
        results.data.length === 0 ? (
          <Text size="sm">No skill matches “{query}”.</Text>
        ) : (
          <List spacing={4} size="sm" aria-label="Matching skills">
            {results.data.map((s) => (
              <List.Item key={s.id}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm" style={{ minWidth: 0 }}>
                    {s.code ? `${s.code} ` : ''}
                    {s.name}{' '}
                    <Text span c="dimmed" size="xs">
                      ({s.framework.title})
                    </Text>
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="light"
                    disabled={chosen.has(s.url)}
                    onClick={() => onPick({ url: s.url, name: s.name, level: null })}
                    aria-label={`${chosen.has(s.url) ? 'Added' : 'Add'} ${s.name}`}
                    style={{ flexShrink: 0 }}
                  >
                    {chosen.has(s.url) ? 'Added' : 'Add'}
                  </Button>
                </Group>
              </List.Item>
            ))}
          </List>
        )
      ) : null}
    </Stack>
  );
}

/** Create or edit one role. */
function RoleForm({ slug, role, onDone }: { slug: string; role: OrgRole | null; onDone: () => void }) {
  const [title, setTitle] = useState(role?.title ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [isPublic, setPublic] = useState(role?.public ?? true);
  const [skills, setSkills] = useState<DraftSkill[]>(role?.skills.map((s) => ({ url: s.url, name: s.name, level: s.level })) ?? []);
  const form = useFormState();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return form.setFieldErrors({ title: 'Name the role' });
    if (skills.length === 0) return form.setFieldErrors({ skills: 'Add at least one skill' });
    void form.run(async () => {
      const body = { title: title.trim(), description, public: isPublic, skills: skills.map((s) => ({ url: s.url, level: s.level })) };
      if (role) await apiCall('PUT', `/orgs/${encodeURIComponent(slug)}/roles/${encodeURIComponent(role.id)}`, OrgRoleContract, { body });
      else await apiCall('POST', `/orgs/${encodeURIComponent(slug)}/roles`, OrgRoleContract, { body });
      await invalidateApi(`/orgs/${slug}/roles`);
      onDone();
    });
  };

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="role-form-heading">
      <form onSubmit={submit} noValidate aria-labelledby="role-form-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="role-form-heading">
            {role ? `Edit “${role.title}”` : 'New role'}
          </Title>
          <TextInput
            label="Title"
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={form.fieldErrors['title']}
            maxLength={200}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            maxLength={4000}
          />
          <Switch label="Learners can pick this role as a goal" checked={isPublic} onChange={(e) => setPublic(e.currentTarget.checked)} />
          <Text fw={600} size="sm" id="role-skills-label">
            Required skills
          </Text>
          {skills.length === 0 ? (
            <Text size="sm" c={form.fieldErrors['skills'] ? 'red.9' : 'dimmed'} role={form.fieldErrors['skills'] ? 'alert' : undefined}>
              {form.fieldErrors['skills'] ?? 'No skills yet: find them below.'}
            </Text>
          ) : (
            <Stack gap="xs" role="list" aria-labelledby="role-skills-label">
              {skills.map((s, i) => (
                <Group key={s.url} gap="xs" wrap="wrap" role="listitem" align="flex-end">
                  <Text size="sm" style={{ flex: 1, minWidth: 180 }}>
                    {s.name}
                  </Text>
                  <Select
                    label={`Level for ${s.name}`}
                    labelProps={{ className: 'visually-hidden' }}
                    data={LEVELS}
                    value={s.level === null ? '' : String(s.level)}
                    onChange={(v) => setSkills(skills.map((x, j) => (j === i ? { ...x, level: v ? Number(v) : null } : x)))}
                    allowDeselect={false}
                    w={170}
                    error={form.fieldErrors[`skills.${i}.url`]}
                  />
                  <CloseButton aria-label={`Remove ${s.name}`} onClick={() => setSkills(skills.filter((_, j) => j !== i))} />
                </Group>
              ))}
            </Stack>
          )}
          <SkillPicker slug={slug} chosen={new Set(skills.map((s) => s.url))} onPick={(s) => setSkills([...skills, s])} />
          <ProblemAlert problem={form.problem} />
          <Group gap="sm">
            <Button type="submit" loading={form.submitting}>
              {role ? 'Save role' : 'Create role'}
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The organisation's roles screen. */
export function OrgRolesPage() {
  const { org } = useOrg();
  const roles = useApiQuery(`/orgs/${encodeURIComponent(org.slug)}/roles`, OrgRoleListContract);
  const [editing, setEditing] = useState<OrgRole | 'new' | null>(null);
  const form = useFormState();
  const canEdit = org.role === 'owner' || org.role === 'designer';
  if (roles.status === 'loading') return <LoadingState label="Loading roles…" />;
  if (roles.status === 'error') return <ErrorState error={roles.error} onRetry={roles.reload} />;

  const remove = (role: OrgRole) =>
    void form.run(async () => {
      await apiCall('DELETE', `/orgs/${encodeURIComponent(org.slug)}/roles/${encodeURIComponent(role.id)}`, z.unknown());
      await invalidateApi(`/orgs/${org.slug}/roles`);
    });

  return (
    <>
      <PageTitle
        title="Roles"
        actions={canEdit && editing === null ? <Button onClick={() => setEditing('new')}>New role</Button> : undefined}
      >
        Roles and required skills
      </PageTitle>
      <Text mb="md">
        Define the roles you hire or train for and the skills each needs. Learners can pick a public role as a goal and see their gap.
      </Text>
      {editing !== null ? (
        <RoleForm
          key={editing === 'new' ? 'new' : editing.id}
          slug={org.slug}
          role={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <ProblemAlert problem={form.problem} />
      {roles.data.items.length === 0 ? (
        <EmptyState title="No roles yet">
          {canEdit ? 'Create a role and add the skills it requires.' : 'Owners and designers can define roles.'}
        </EmptyState>
      ) : (
        <div role="region" aria-label="Roles" tabIndex={0} style={{ overflowX: 'auto', marginTop: 'var(--mantine-spacing-md)' }}>
          <Table verticalSpacing="sm" miw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Required skills</Table.Th>
                <Table.Th scope="col">Visibility</Table.Th>
                {canEdit ? <Table.Th scope="col">Actions</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roles.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text fw={600}>{r.title}</Text>
                    {r.description ? (
                      <Text size="sm" c="dimmed" lineClamp={2}>
                        {r.description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <List size="sm" spacing={2}>
                      {r.skills.map((s) => (
                        <List.Item key={s.url}>
                          {s.name}
                          {s.level ? ` (level ${s.level}+)` : ''}
                        </List.Item>
                      ))}
                    </List>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="filled" color={r.public ? 'teal.9' : 'gray.8'} styles={FULL_LABEL_BADGE}>
                      {r.public ? 'Learners can pick it' : 'Internal'}
                    </Badge>
                  </Table.Td>
                  {canEdit ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => setEditing(r)} aria-label={`Edit ${r.title}`}>
                          Edit
                        </Button>
                        <Button size="xs" variant="subtle" color="red" onClick={() => remove(r)} aria-label={`Delete ${r.title}`}>
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </>
  );
}
