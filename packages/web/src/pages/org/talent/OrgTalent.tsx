/** Talent search for an organisation's owners: consenting learners by verified skills, by one of the org's roles, or by occupation. */
import { Badge, Button, Card, Group, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { SkillWithFramework, TalentSearchResult } from '@tessera/shared';
import {
  OccupationList as OccupationListContract,
  OrgRoleList as OrgRoleListContract,
  TalentContactList as TalentContactListContract,
  TalentSearchResult as TalentSearchResultContract,
} from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { SkillPicker, skillLabel } from '../../../components/SkillPicker';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../../components/states';
import { FULL_LABEL_BADGE } from '../../../components/SubmissionState';
import { useFormState } from '../../../lib/forms';
import { formatDateTime } from '../../../lib/links';
import { apiCall, useApiQuery } from '../../../lib/query';
import { useOrg } from '../OrgLayout';
import { ResultCard } from './TalentResults';

type Mode = 'skills' | 'role' | 'occupation';
const LEVELS = [{ value: '', label: 'Any level' }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `At least ${n} of 5` }))];
const lastKey = (slug: string) => `tessera.talent.${slug}`;

/** The last search of this tab (so coming back from a profile shows the results again), checked by the contract. */
function lastSearch(slug: string): TalentSearchResult | null {
  try {
    const raw = sessionStorage.getItem(lastKey(slug));
    const parsed = raw ? TalentSearchResultContract.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The search form. */
function SearchForm({ slug, onResult }: { slug: string; onResult: (r: TalentSearchResult) => void }) {
  const [mode, setMode] = useState<Mode>('skills');
  const [skills, setSkills] = useState<SkillWithFramework[]>([]);
  const [levels, setLevels] = useState<Record<string, number | null>>({});
  const [roleId, setRoleId] = useState<string | null>(null);
  const [occupation, setOccupation] = useState<string | null>(null);
  const roles = useApiQuery(mode === 'role' ? `/orgs/${encodeURIComponent(slug)}/roles` : null, OrgRoleListContract);
  const occupations = useApiQuery(mode === 'occupation' ? '/occupations' : null, OccupationListContract);
  const form = useFormState();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'skills' && skills.length === 0) return form.setFieldErrors({ skills: 'Choose at least one skill' });
    if (mode === 'role' && !roleId) return form.setFieldErrors({ roleId: 'Choose a role' });
    if (mode === 'occupation' && !occupation) return form.setFieldErrors({ occupationCode: 'Choose an occupation' });
    const body =
      mode === 'skills'
        ? { skills: skills.map((s) => ({ id: s.id, minLevel: levels[s.id] ?? null })) }
        : mode === 'role'
          ? { roleId }
          : { occupationCode: occupation };
    void form.run(async () => {
      onResult(await apiCall('POST', `/orgs/${encodeURIComponent(slug)}/talent/search`, TalentSearchResultContract, { body }));
    });
  };

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="talent-search-heading" mb="lg">
      <form onSubmit={submit} noValidate aria-labelledby="talent-search-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="talent-search-heading">
            Search
          </Title>
          <SegmentedControl
            value={mode}
            onChange={(v) => {
              setMode(v === 'role' ? 'role' : v === 'occupation' ? 'occupation' : 'skills');
              form.reset();
            }}
            data={[
              { value: 'skills', label: 'Skills' },
              { value: 'role', label: 'Our roles' },
              { value: 'occupation', label: 'Occupation' },
            ]}
            aria-label="Search by"
          />
          {mode === 'skills' ? (
            <Stack gap="xs">
              <SkillPicker
                label="Skills to find"
                description="People are ranked by how many of these skills their verified credentials prove, then by level and by how recent the evidence is."
                orgSlug={slug}
                value={skills}
                onChange={(next) => {
                  setSkills(next);
                  form.reset();
                }}
              />
              {form.fieldErrors['skills'] ? (
                <Text size="sm" c="red.9" role="alert">
                  {form.fieldErrors['skills']}
                </Text>
              ) : null}
              {skills.map((s, i) => (
                <Select
                  key={s.id}
                  label={`Minimum level for ${skillLabel(s)}`}
                  description="Only where a rubric gave a level; otherwise any verified credential counts."
                  data={LEVELS}
                  value={levels[s.id] ? String(levels[s.id]) : ''}
                  onChange={(v) => setLevels({ ...levels, [s.id]: v ? Number(v) : null })}
                  allowDeselect={false}
                  error={form.fieldErrors[`skills.${i}.minLevel`] ?? form.fieldErrors[`skills.${i}.id`]}
                  maw={420}
                />
              ))}
            </Stack>
          ) : null}
          {mode === 'role' ? (
            <Select
              label="Role"
              placeholder={roles.status === 'loading' ? 'Loading roles…' : 'Choose one of your roles'}
              data={roles.status === 'ok' ? roles.data.items.map((r) => ({ value: r.id, label: r.title })) : []}
              value={roleId}
              onChange={setRoleId}
              searchable
              nothingFoundMessage="No roles: define them under Roles"
              error={form.fieldErrors['roleId']}
              maw={420}
            />
          ) : null}
          {mode === 'occupation' ? (
            <Select
              label="Occupation"
              placeholder={occupations.status === 'loading' ? 'Loading occupations…' : 'Search occupations'}
              data={
                occupations.status === 'ok' ? occupations.data.items.map((o) => ({ value: o.code, label: `${o.title} (${o.code})` })) : []
              }
              value={occupation}
              onChange={setOccupation}
              searchable
              nothingFoundMessage="Nothing found"
              error={form.fieldErrors['occupationCode']}
              maw={420}
            />
          ) : null}
          <ProblemAlert problem={form.problem} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              Search
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The organisation's contact requests and their answers. */
function ContactsSection({ slug }: { slug: string }) {
  const list = useApiQuery(`/orgs/${encodeURIComponent(slug)}/talent/contacts`, TalentContactListContract);
  if (list.status === 'loading') return <LoadingState label="Loading contact requests…" />;
  if (list.status === 'error') return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Stack gap="sm" component="section" aria-labelledby="contacts-heading" mt="xl">
      <Title order={2} size="h3" id="contacts-heading">
        Contact requests
      </Title>
      {list.data.items.length === 0 ? (
        <Text size="sm">No requests sent yet.</Text>
      ) : (
        <div role="region" aria-labelledby="contacts-heading" tabIndex={0} style={{ overflowX: 'auto' }}>
          <Table verticalSpacing="xs" striped miw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Person</Table.Th>
                <Table.Th scope="col">Subject</Table.Th>
                <Table.Th scope="col">Answer</Table.Th>
                <Table.Th scope="col">Sent</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {c.learner.withdrawn ? (
                      <Text size="sm" c="dimmed">
                        {c.learner.displayName}
                      </Text>
                    ) : (
                      <Link to={`/orgs/${encodeURIComponent(slug)}/talent/people/${encodeURIComponent(c.learner.id)}`}>
                        {c.learner.displayName}
                      </Link>
                    )}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.subject}</Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Badge
                        variant="filled"
                        color={c.status === 'accepted' ? 'teal.9' : c.status === 'declined' ? 'gray.8' : '#a8410c'}
                        styles={FULL_LABEL_BADGE}
                      >
                        {c.status === 'accepted' ? 'Accepted' : c.status === 'declined' ? 'Declined' : 'Waiting'}
                      </Badge>
                      {c.email ? <Text size="sm">{c.email}</Text> : null}
                      {c.reply ? (
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                          “{c.reply}”
                        </Text>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{formatDateTime(c.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}

/** The "Talent search" screen. */
export function OrgTalentPage() {
  const { org } = useOrg();
  const [result, setResult] = useState<TalentSearchResult | null>(() => lastSearch(org.slug));
  if (org.role !== 'owner')
    return (
      <>
        <PageTitle title="Talent search">Talent search</PageTitle>
        <EmptyState title="Owners only">Only the organisation’s owners can search for people and write to them.</EmptyState>
      </>
    );
  const show = (r: TalentSearchResult) => {
    setResult(r);
    try {
      sessionStorage.setItem(lastKey(org.slug), JSON.stringify(r));
    } catch {
      // Storage full or blocked: the results still show, they just do not survive navigation.
    }
  };
  return (
    <>
      <PageTitle title="Talent search">Talent search</PageTitle>
      <Text mb="md">
        Find people who chose to be found, by skills their verified credentials prove. Revoked, expired and private credentials never count.
        Each search and each profile you open is recorded, and the person can see that {org.name} looked.
      </Text>
      <SearchForm slug={org.slug} onResult={show} />
      {result ? (
        <Stack gap="sm" component="section" aria-labelledby="results-heading">
          <Title order={2} size="h3" id="results-heading">
            Results
          </Title>
          <Text size="sm" role="status">
            {result.summary}:{' '}
            {result.items.length === 0 ? 'nobody found' : `${result.items.length} ${result.items.length === 1 ? 'person' : 'people'}`}
          </Text>
          {result.items.length === 0 ? (
            <EmptyState title="Nobody found">Try fewer skills or a lower level. Only people who opted in can be found.</EmptyState>
          ) : (
            <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="People found">
              {result.items.map((r) => (
                <ResultCard key={r.id} slug={org.slug} result={r} searchId={result.searchId} />
              ))}
            </Stack>
          )}
        </Stack>
      ) : null}
      <ContactsSection slug={org.slug} />
    </>
  );
}
