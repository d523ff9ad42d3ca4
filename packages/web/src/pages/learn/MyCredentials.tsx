/** The learner's earned credentials: status, links, and how each one is shared. */
import { Alert, Anchor, Button, Card, Divider, Group, List, Modal, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { CredentialReissued, MyCredential as MyCredentialContract } from '@tessera/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { CardHeading } from '../../components/CardHeading';
import { PageTitle } from '../../components/PageTitle';
import { CredentialStatusBadge } from '../../components/SubmissionState';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { useFormState } from '../../lib/forms';
import { formatDateTime } from '../../lib/links';
import { apiCall, invalidateApi, useApiQuery } from '../../lib/query';
import type { MyCredential } from '../../lib/types';
import { MyStacks } from '../pathways/MyStacks';
import { CredentialCounts } from '../recognition/WhereThisCounts';

const CredentialList = z.array(MyCredentialContract);

const VISIBILITY = [
  { value: 'public', label: 'Public: listed on my profile' },
  { value: 'unlisted', label: 'Anyone with the link' },
  { value: 'private', label: 'Only me' },
];

/** What the downloadable credential reveals, read from the signed document, and where it differs from today's choices. */
function SignedContents({ credential }: { credential: MyCredential }) {
  const s = credential.signed;
  const nameDiffers = s.name !== null && !credential.showName;
  const carriesText = s.evidence.some((e) => e.text);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id={`signed-${credential.id}`}>
        The downloadable credential (JSON, VC-JWT, badge image) contains:
      </Text>
      <List size="sm" spacing={2} aria-labelledby={`signed-${credential.id}`}>
        <List.Item>{s.name !== null ? `Your name: ${s.name}` : 'Not your name'}</List.Item>
        {s.emailHashed ? (
          <List.Item>
            Your email address only as a salted hash: it cannot be read back, but someone who already knows your address can check it is you
          </List.Item>
        ) : null}
        {s.did ? <List.Item>Your DID: {s.did}</List.Item> : null}
        <List.Item>The micro-credential, its issuer, the dates and your rubric levels (not the assessor’s comments)</List.Item>
        {s.evidence.map((e, i) => (
          <List.Item key={`${e.url ?? ''}-${i}`}>
            {e.name}: {e.text ? 'the full text of your evidence' : 'its name'}
            {e.url ? (
              <>
                {' '}
                and a link (
                <Anchor href={e.url} target="_blank" rel="noopener noreferrer" className="wrap-anywhere">
                  {e.url}
                </Anchor>
                ) that opens only for the people you allow above
              </>
            ) : null}
            {e.digest ? ', with a fingerprint (digest) that proves it is unchanged' : ''}
          </List.Item>
        ))}
        {!carriesText ? <List.Item>Never the text of your evidence, your file names or the assessor’s notes</List.Item> : null}
      </List>
      {(nameDiffers || carriesText) && credential.reissuable ? (
        <Alert color="orange.9" variant="outline" title="The download does not match your current choices">
          {nameDiffers ? 'Your name is hidden on the page, but the signed credential still contains it. ' : ''}
          {carriesText ? 'The signed credential still carries the full text of your evidence. ' : ''}
          Re-issue it to apply your current choices.
        </Alert>
      ) : null}
    </Stack>
  );
}

/** "Re-issue with my current sharing choices", behind a confirmation. */
function Reissue({ credential, onReissued }: { credential: MyCredential; onReissued: (oldId: string, c: MyCredential) => void }) {
  const form = useFormState();
  const [confirming, setConfirming] = useState(false);
  const reissue = async () => {
    const ok = await form.run(async () => {
      const out = await apiCall('POST', `/me/credentials/${encodeURIComponent(credential.id)}/reissue`, CredentialReissued);
      void invalidateApi('/me/wallet');
      void invalidateApi('/me/submissions');
      onReissued(out.replacedId, out.credential);
    });
    if (ok) setConfirming(false);
  };
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setConfirming(true)} disabled={!credential.reissuable}>
        Re-issue with my current sharing choices
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Re-issue this credential?" centered>
        <Stack>
          <ProblemAlert problem={form.problem} />
          <Text size="sm">
            A new credential is signed for “{credential.achievementName}” with your current choices:{' '}
            {credential.showName ? 'with your name' : 'without your name'}, evidence by link only.
          </Text>
          <Text size="sm">
            This one is then revoked with the reason “re-issued”. Copies you have shared (downloads, badge images, LinkedIn) will show as
            revoked; its page will link to the new one. This cannot be undone.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button loading={form.submitting} onClick={() => void reissue()}>
              Re-issue
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function Sharing({ credential, onChange }: { credential: MyCredential; onChange: (c: MyCredential) => void }) {
  const form = useFormState();
  const [saved, setSaved] = useState<string | null>(null);
  const save = async (body: Record<string, unknown>, what: string) => {
    setSaved(null);
    const ok = await form.run(async () =>
      onChange(await apiCall('PATCH', `/me/credentials/${encodeURIComponent(credential.id)}`, MyCredentialContract, { body })),
    );
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
      <Switch
        label="Show my name on the page"
        checked={credential.showName}
        onChange={(e) => void save({ showName: e.currentTarget.checked }, 'Name setting saved.')}
        disabled={form.submitting}
      />
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
              onChange={(ev) =>
                void save({ evidence: [{ requirementId: e.requirementId, public: ev.currentTarget.checked }] }, 'Evidence setting saved.')
              }
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
  const list = useApiQuery('/me/credentials', CredentialList);
  const [notice, setNotice] = useState<string | null>(null);
  const replace = (c: MyCredential) => {
    if (list.status === 'ok') list.setData(list.data.map((x) => (x.id === c.id ? c : x)));
  };
  const reissued = (oldId: string, c: MyCredential) => {
    if (list.status === 'ok') list.setData([c, ...list.data.filter((x) => x.id !== oldId && x.id !== c.id)]);
    setNotice(
      `“${c.achievementName}” was re-issued with your current choices. The old credential is revoked and its page links to the new one.`,
    );
  };
  return (
    <>
      <PageTitle title="My credentials">My credentials</PageTitle>
      <Text size="sm" role="status" aria-live="polite" mb={notice ? 'sm' : 0}>
        {notice ?? ''}
      </Text>
      <MyStacks />
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
                <CredentialCounts credentialId={c.id} />
                <Divider my={4} />
                <Sharing credential={c} onChange={replace} />
                <Divider my={4} />
                <SignedContents credential={c} />
                <Group>
                  <Reissue credential={c} onReissued={reissued} />
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      ) : null}
    </>
  );
}
