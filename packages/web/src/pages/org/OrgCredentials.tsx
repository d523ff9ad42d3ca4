/** Credentials the organisation issued; owners revoke, suspend and unsuspend them with a reason, and choose whether new ones can be suspended. */
import { DANGER } from '../../theme';
import { Alert, Anchor, Button, Card, Group, Modal, Stack, Switch, Table, Text, Textarea, Title } from '@mantine/core';
import { StatusChangeInput, OrgWithRole as OrgWithRoleContract, UpdateOrgInput } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { CredentialStatusBadge } from '../../components/SubmissionState';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { api } from '../../lib/api';
import { useFormState, validate } from '../../lib/forms';
import { formatDateTime } from '../../lib/links';
import type { CredentialSummary } from '../../lib/types';
import { useOrg } from './OrgLayout';
import { CredentialSummaryList } from '../../lib/contracts';
import { apiCall, useApiQuery } from '../../lib/query';

type Action = 'revoke' | 'suspend' | 'unsuspend';
const VERB: Record<Action, string> = { revoke: 'Revoke', suspend: 'Suspend', unsuspend: 'Unsuspend' };

function StatusDialog({
  slug,
  target,
  onClose,
  onDone,
}: {
  slug: string;
  target: { credential: CredentialSummary; action: Action };
  onClose: () => void;
  onDone: () => void;
}) {
  const form = useFormState();
  const [reason, setReason] = useState('');
  const { credential, action } = target;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(StatusChangeInput, { reason });
    if (!parsed.ok) return form.setFieldErrors(parsed.errors);
    const ok = await form.run(async () => {
      await api('POST', `/orgs/${encodeURIComponent(slug)}/credentials/${encodeURIComponent(credential.id)}/${action}`, {
        body: parsed.data,
      });
    });
    if (ok) onDone();
  };
  return (
    <Modal opened onClose={onClose} title={`${VERB[action]} “${credential.achievementName}”`}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <ProblemAlert problem={form.problem} />
          <Text size="sm">
            {action === 'revoke'
              ? 'Revocation is permanent. Verifiers see it within a minute, and the learner is told.'
              : action === 'suspend'
                ? 'A suspended credential fails verification until it is unsuspended. The learner is told.'
                : 'The credential verifies again. The learner is told.'}
          </Text>
          <Textarea
            label="Reason"
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={form.fieldErrors.reason}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={action === 'unsuspend' ? undefined : DANGER} loading={form.submitting}>
              {VERB[action]}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Owners choose whether credentials issued from now on carry a second (suspension) status list. */
function SuspensionSetting() {
  const { org, setOrg } = useOrg();
  const form = useFormState();
  const [saved, setSaved] = useState<boolean | null>(null);
  // Shown at once; put back if saving fails.
  const [enabled, setEnabled] = useState(org.suspensionEnabled);
  const canEdit = org.role === 'owner';
  const onChange = async (checked: boolean) => {
    setSaved(null);
    const parsed = validate(UpdateOrgInput, { suspensionEnabled: checked });
    if (!parsed.ok) return form.setFieldErrors(parsed.errors);
    setEnabled(checked);
    const ok = await form.run(async () =>
      setOrg(await apiCall('PATCH', `/orgs/${encodeURIComponent(org.slug)}`, OrgWithRoleContract, { body: parsed.data })),
    );
    if (ok) setSaved(checked);
    else setEnabled(!checked);
  };
  return (
    <Card withBorder padding="md" mb="lg" maw={760} component="section" aria-labelledby="suspension-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="suspension-heading">
          Revocation and suspension
        </Title>
        <Text size="sm">
          Every credential carries a revocation entry, so you can always revoke it. Open Badges 3.0 allows one status entry per credential;
          a second entry for suspension (temporary, undoable) is valid Verifiable Credentials, but 1EdTech’s validator rejects it because
          its JSON Schema expects one.
        </Text>
        <ProblemAlert problem={form.problem} />
        <Switch
          label="Issue new credentials with a suspension list too"
          description={
            enabled
              ? 'Credentials issued from now on can be suspended and unsuspended. Credentials already issued keep the entries they were signed with.'
              : 'Credentials issued from now on can be revoked, not suspended. Credentials already issued keep the entries they were signed with.'
          }
          checked={enabled}
          onChange={(e) => void onChange(e.currentTarget.checked)}
          disabled={!canEdit || form.submitting}
          error={form.fieldErrors.suspensionEnabled}
        />
        {saved !== null ? (
          <Alert color="teal.9" variant="outline" role="status">
            Saved: new credentials {saved ? 'carry a suspension list as well.' : 'carry a revocation list only.'}
          </Alert>
        ) : null}
        {!canEdit ? <Text size="sm">Only owners can change this.</Text> : null}
      </Stack>
    </Card>
  );
}

/** The issued credentials screen. */
export function OrgCredentialsPage() {
  const { org } = useOrg();
  const list = useApiQuery(`/orgs/${encodeURIComponent(org.slug)}/credentials`, CredentialSummaryList);
  const [target, setTarget] = useState<{ credential: CredentialSummary; action: Action } | null>(null);
  const isOwner = org.role === 'owner';
  return (
    <>
      <PageTitle title={`Issued credentials · ${org.name}`}>Issued credentials</PageTitle>
      <SuspensionSetting />
      {list.status === 'loading' ? <LoadingState label="Loading credentials…" /> : null}
      {list.status === 'error' ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ok' && list.data.length === 0 ? (
        <EmptyState title="Nothing issued yet">Credentials appear here when assessors pass submissions.</EmptyState>
      ) : null}
      {list.status === 'ok' && list.data.length > 0 ? (
        <DataTable caption={'Issued credentials'} headers={['Micro-credential', 'Recipient', 'Issued', 'Status', 'Actions']} minWidth={760}>
          {list.data.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor href={c.jsonUrl} target="_blank" rel="noopener noreferrer">
                  {c.achievementName}
                </Anchor>
              </Table.Td>
              <Table.Td>{c.recipientName ?? <Text c="dimmed">Name not shown</Text>}</Table.Td>
              <Table.Td>{formatDateTime(c.issuedAt)}</Table.Td>
              <Table.Td>
                <CredentialStatusBadge status={c.status} />
                {c.statusReason ? <Text size="xs">{c.statusReason}</Text> : null}
              </Table.Td>
              <Table.Td>
                {isOwner && c.status !== 'revoked' ? (
                  <Group gap={4}>
                    {c.status === 'suspended' ? (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setTarget({ credential: c, action: 'unsuspend' })}
                        aria-label={`Unsuspend ${c.achievementName} for ${c.recipientName ?? 'this learner'}`}
                      >
                        Unsuspend
                      </Button>
                    ) : c.suspendable ? (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setTarget({ credential: c, action: 'suspend' })}
                        aria-label={`Suspend ${c.achievementName} for ${c.recipientName ?? 'this learner'}`}
                      >
                        Suspend
                      </Button>
                    ) : null}
                    <Button
                      size="xs"
                      variant="outline"
                      color={DANGER}
                      onClick={() => setTarget({ credential: c, action: 'revoke' })}
                      aria-label={`Revoke ${c.achievementName} for ${c.recipientName ?? 'this learner'}`}
                    >
                      Revoke
                    </Button>
                  </Group>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      ) : null}
      {target ? (
        <StatusDialog
          slug={org.slug}
          target={target}
          onClose={() => setTarget(null)}
          onDone={() => {
            setTarget(null);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}
