/** The learner's employer-visibility settings (consent to employer search, what employers see) and who found or viewed them. */
import { Anchor, Badge, Box, Button, Card, Checkbox, Fieldset, Group, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import type { TalentSettings } from '@tessera/shared';
import {
  TALENT_LIMITS,
  TalentActivity as TalentActivityContract,
  TalentSettings as TalentSettingsContract,
  TalentSettingsInput,
} from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../../components/states';
import { FULL_LABEL_BADGE } from '../../../components/SubmissionState';
import { useFormState, validate } from '../../../lib/forms';
import { formatDateTime } from '../../../lib/links';
import { apiCall, invalidateApi, useApiQuery } from '../../../lib/query';

/** The consent form: off by default; the learner picks what employers see. */
function SettingsForm({ settings, onSaved }: { settings: TalentSettings; onSaved: (s: TalentSettings) => void }) {
  const [draft, setDraft] = useState({
    discoverable: settings.discoverable,
    displayName: settings.displayName,
    headline: settings.headline,
    location: settings.location,
    showSkills: settings.showSkills,
    showCredentials: settings.showCredentials,
    showPublicLink: settings.showPublicLink,
  });
  const [saved, setSaved] = useState(false);
  const form = useFormState();
  const set = (patch: Partial<typeof draft>) => {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(TalentSettingsInput, draft);
    if (!checked.ok) return form.setFieldErrors(checked.errors);
    void form
      .run(async () => {
        onSaved(await apiCall('PUT', '/me/talent/settings', TalentSettingsContract, { body: checked.data }));
        await invalidateApi('/me/talent');
      })
      .then((ok) => setSaved(ok));
  };

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="visibility-heading" mb="lg">
      <form onSubmit={submit} noValidate aria-labelledby="visibility-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="visibility-heading">
            Can employers find you?
          </Title>
          <Switch
            checked={draft.discoverable}
            onChange={(e) => set({ discoverable: e.currentTarget.checked })}
            label="Let employers find me by my verified skills"
            description="Owners of organisations on Tessera can then find you when they search for skills you have proven. Turn it off and you leave every search at once."
          />
          <TextInput
            label="Name employers see"
            description={`Leave empty to use your account name (${settings.accountName}).`}
            value={draft.displayName}
            onChange={(e) => set({ displayName: e.currentTarget.value })}
            maxLength={TALENT_LIMITS.displayName}
            error={form.fieldErrors['displayName']}
          />
          <TextInput
            label="Headline"
            description="One line about you, e.g. “Teacher moving into online course design”."
            value={draft.headline}
            onChange={(e) => set({ headline: e.currentTarget.value })}
            maxLength={TALENT_LIMITS.headline}
            error={form.fieldErrors['headline']}
          />
          <TextInput
            label="Location"
            description="As you want to show it (a city, a region, “Remote”), or leave empty."
            value={draft.location}
            onChange={(e) => set({ location: e.currentTarget.value })}
            maxLength={TALENT_LIMITS.location}
            error={form.fieldErrors['location']}
          />
          <Fieldset legend="On your profile, employers also see" variant="unstyled">
            <Text size="sm" c="dimmed">
              Search results always show the requested skills you have verified and the credentials that prove them.
            </Text>
            <Stack gap={6} mt={6}>
              <Checkbox
                label="All my verified skills"
                checked={draft.showSkills}
                onChange={(e) => set({ showSkills: e.currentTarget.checked })}
              />
              <Checkbox
                label="The list of my verified credentials"
                checked={draft.showCredentials}
                onChange={(e) => set({ showCredentials: e.currentTarget.checked })}
              />
              <Checkbox
                label="A link to my public skills page"
                description={
                  settings.publicSkillsPage ? undefined : 'Your public skills page is off; turn it on under My skills for the link to show.'
                }
                checked={draft.showPublicLink}
                onChange={(e) => set({ showPublicLink: e.currentTarget.checked })}
              />
            </Stack>
          </Fieldset>
          <Text size="sm" c="dimmed">
            Your email address is never shown unless you accept a contact request and choose to share it. Credentials you keep private are
            left out.
          </Text>
          <ProblemAlert problem={form.problem} />
          <Group gap="sm">
            <Button type="submit" loading={form.submitting}>
              Save
            </Button>
            {saved ? (
              <Text size="sm" role="status">
                Saved. {draft.discoverable ? 'Employers can find you.' : 'Employers cannot find you.'}
              </Text>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Every search that returned the learner and every view of their profile. */
function ActivityList() {
  const activity = useApiQuery('/me/talent/activity', TalentActivityContract);
  if (activity.status === 'loading') return <LoadingState label="Loading who viewed your profile…" />;
  if (activity.status === 'error') return <ErrorState error={activity.error} onRetry={activity.reload} />;
  const items = activity.data.items;
  return (
    <Stack gap="sm" component="section" aria-labelledby="activity-heading">
      <Title order={2} size="h3" id="activity-heading">
        Who viewed my profile
      </Title>
      {items.length === 0 ? (
        <EmptyState title="Nobody yet">When an organisation finds you in a search or opens your profile, it shows here.</EmptyState>
      ) : (
        <>
          <Stack gap="sm" hiddenFrom="sm" component="ul" className="plain-list" aria-label="Who viewed my profile">
            {items.map((i, n) => (
              <Card key={`${i.at}-${n}`} withBorder radius="md" padding="sm" component="li">
                <Group justify="space-between" align="flex-start" gap="xs">
                  <Text fw={600}>{i.orgName}</Text>
                  <ActivityBadge kind={i.kind} />
                </Group>
                {i.summary ? (
                  <Text size="sm" mt={4}>
                    They searched for {i.summary}
                  </Text>
                ) : null}
                <Text size="sm" c="dimmed" mt={4}>
                  {formatDateTime(i.at)}
                </Text>
              </Card>
            ))}
          </Stack>
          <Box visibleFrom="sm" role="region" aria-labelledby="activity-heading" tabIndex={0} style={{ overflowX: 'auto' }}>
            <Table striped verticalSpacing="xs" miw={520}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Organisation</Table.Th>
                  <Table.Th scope="col">What happened</Table.Th>
                  <Table.Th scope="col">They searched for</Table.Th>
                  <Table.Th scope="col">When</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i, n) => (
                  <Table.Tr key={`${i.at}-${n}`}>
                    <Table.Td>{i.orgName}</Table.Td>
                    <Table.Td>
                      <ActivityBadge kind={i.kind} />
                    </Table.Td>
                    <Table.Td>{i.summary ?? '—'}</Table.Td>
                    <Table.Td>{formatDateTime(i.at)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        </>
      )}
    </Stack>
  );
}

/** What an organisation did: viewed the profile, or found the learner in a search. */
function ActivityBadge({ kind }: { kind: string }) {
  return (
    <Badge variant="filled" color={kind === 'view' ? 'indigo.9' : 'gray.8'} styles={FULL_LABEL_BADGE}>
      {kind === 'view' ? 'Viewed your profile' : 'Found you in a search'}
    </Badge>
  );
}

/** The "Employer visibility" screen. */
export function EmployerVisibilityPage() {
  const settings = useApiQuery('/me/talent/settings', TalentSettingsContract);
  if (settings.status === 'loading') return <LoadingState label="Loading your settings…" />;
  if (settings.status === 'error') return <ErrorState error={settings.error} onRetry={settings.reload} />;
  return (
    <>
      <PageTitle
        title="Employer visibility"
        actions={
          <Button component={Link} to="/me/contact-requests" variant="light">
            Messages from employers
          </Button>
        }
      >
        Employer visibility
      </PageTitle>
      <Text mb="md">
        Employers search by skills your credentials prove: only credentials that verify count, never skills you simply claim. Read more
        about your skills under{' '}
        <Anchor component={Link} to="/me/skills">
          My skills
        </Anchor>
        .
      </Text>
      <SettingsForm settings={settings.data} onSaved={settings.setData} />
      <ActivityList />
    </>
  );
}
