/** The learner's earned credentials: status, links, and how each one is shared. */
import { Anchor, Button, Card, Divider, Group, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { CardHeading } from '../../components/CardHeading';
import { PageTitle } from '../../components/PageTitle';
import { CredentialStatusBadge } from '../../components/SubmissionState';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { api } from '../../lib/api';
import { useFormState } from '../../lib/forms';
import { formatDateTime } from '../../lib/links';
import type { MyCredential } from '../../lib/types';
import { useResource } from '../../lib/useResource';

const VISIBILITY = [
  { value: 'public', label: 'Public: listed on my profile' },
  { value: 'unlisted', label: 'Anyone with the link' },
  { value: 'private', label: 'Only me' },
];

function Sharing({ credential, onChange }: { credential: MyCredential; onChange: (c: MyCredential) => void }) {
  const form = useFormState();
  const [saved, setSaved] = useState<string | null>(null);
  const save = async (body: Record<string, unknown>, what: string) => {
    setSaved(null);
    const ok = await form.run(async () => onChange(await api<MyCredential>('PATCH', `/me/credentials/${encodeURIComponent(credential.id)}`, { body })));
    if (ok) setSaved(what);
  };
  return (
    <Stack gap="xs">
      <ProblemAlert problem={form.problem} />
      <Select
        label={`Who can see the page of “${credential.achievementName}”`}
        data={VISIBILITY}
        value={credential.visibility}
        onChange={(v) => v && void save({ visibility: v }, 'Visibility saved.')}
        allowDeselect={false}
        disabled={form.submitting}
      />
      <Switch label="Show my name on the page" checked={credential.showName} onChange={(e) => void save({ showName: e.currentTarget.checked }, 'Name setting saved.')} disabled={form.submitting} />
      {credential.evidence.length > 0 ? (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Evidence shown on the page
          </Text>
          {credential.evidence.map((e) => (
            <Switch
              key={e.requirementId}
              label={e.name}
              checked={e.public}
              onChange={(ev) => void save({ evidence: [{ requirementId: e.requirementId, public: ev.currentTarget.checked }] }, 'Evidence setting saved.')}
              disabled={form.submitting}
            />
          ))}
        </Stack>
      ) : null}
      <Text size="sm" role="status" aria-live="polite">
        {saved ?? ''}
      </Text>
    </Stack>
  );
}

/** My credentials. */
export function MyCredentialsPage() {
  const list = useResource<MyCredential[]>('/me/credentials');
  const replace = (c: MyCredential) => {
    if (list.status === 'ok') list.setData(list.data.map((x) => (x.id === c.id ? c : x)));
  };
  return (
    <>
      <PageTitle title="My credentials">My credentials</PageTitle>
      {list.status === 'loading' ? <LoadingState label="Loading your credentials…" /> : null}
      {list.status === 'error' ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ok' && list.data.length === 0 ? (
        <EmptyState
          title="No credentials yet"
          action={
            <Button component={Link} to="/me/submissions">
              Go to my learning
            </Button>
          }
        >
          When an assessor passes your evidence, a signed Open Badges 3.0 credential appears here.
        </EmptyState>
      ) : null}
      {list.status === 'ok' && list.data.length > 0 ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="plain-list" aria-label="Credentials">
          {list.data.map((c) => (
            <Card component="li" key={c.id} withBorder radius="md" padding="lg">
              <Stack gap="xs">
                <CardHeading order={2} title={c.achievementName} aside={<CredentialStatusBadge status={c.status} />} />
                <Text size="sm">Issued by {c.issuerName}</Text>
                <Text size="sm">Issued {formatDateTime(c.issuedAt)}</Text>
                <Text size="sm">{c.validUntil ? `Valid until ${formatDateTime(c.validUntil)}` : 'Does not expire'}</Text>
                {c.statusReason ? <Text size="sm">Reason: {c.statusReason}</Text> : null}
                <Group gap="sm">
                  <Anchor href={c.pageUrl} target="_blank" rel="noopener noreferrer">
                    Public page
                  </Anchor>
                  <Anchor href={c.jsonUrl} target="_blank" rel="noopener noreferrer">
                    Signed credential (JSON)
                  </Anchor>
                </Group>
                <Divider my={4} />
                <Sharing credential={c} onChange={replace} />
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      ) : null}
    </>
  );
}
