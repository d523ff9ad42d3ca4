/** Bulk award from a CSV: upload and dry run, fix problems in the grid, run with live progress, report; bulk revocation. */
import { Anchor, Button, Checkbox, FileInput, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { AchievementSummary, BulkRun, LIMITS } from '@tessera/shared';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { postRaw } from '../../lib/api';
import { useFormState } from '../../lib/forms';
import { count } from '../../lib/format';
import { formatDateTime } from '../../lib/links';
import { invalidateApi, parseResponse, useApiQuery } from '../../lib/query';
import { BulkRevoke } from './bulk/BulkRevoke';
import { BulkRunView, progressText, STATE_LABEL } from './bulk/BulkRunView';
import { useOrg } from './OrgLayout';

const AchievementList = z.array(AchievementSummary);
const RunList = z.array(BulkRun);
const Settings = z.object({ canAward: z.boolean() });

/** The bulk award screen (/orgs/:slug/awards/bulk and /orgs/:slug/awards/bulk/:runId). */
export function OrgBulkAwardPage() {
  const { org } = useOrg();
  const { runId } = useParams();
  const slug = encodeURIComponent(org.slug);
  const navigate = useNavigate();
  const settings = useApiQuery(`/orgs/${slug}/award-settings`, Settings);
  const allowed = settings.status === 'ok' && settings.data.canAward;
  const achievements = useApiQuery(allowed ? `/orgs/${slug}/achievements` : null, AchievementList);
  const runs = useApiQuery(allowed && !runId ? `/orgs/${slug}/bulk-awards` : null, RunList, { refetchInterval: 5000 });
  const [achievementId, setAchievementId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [sendMail, setSendMail] = useState(true);
  const form = useFormState();

  if (settings.status === 'loading') return <LoadingState label="Loading…" />;
  if (settings.status === 'error') return <ErrorState error={settings.error} onRetry={settings.reload} />;
  if (!allowed) {
    return (
      <>
        <PageTitle title={`Bulk award · ${org.name}`}>Bulk award</PageTitle>
        <EmptyState title="Your role may not award credentials">An owner of {org.name} can allow your role to award.</EmptyState>
      </>
    );
  }
  if (runId) {
    return (
      <>
        <PageTitle
          title={`Bulk award run · ${org.name}`}
          actions={
            <Anchor component={Link} to={`/orgs/${org.slug}/awards/bulk`}>
              All bulk awards
            </Anchor>
          }
        >
          Bulk award
        </PageTitle>
        <BulkRunView slug={slug} runId={runId} />
      </>
    );
  }

  const published =
    achievements.status === 'ok' ? achievements.data.filter((a) => a.status === 'published' && a.latestVersion !== null) : [];
  const tooLarge = file !== null && file.size > LIMITS.bulkCsvBytes;

  async function upload() {
    if (!file || !achievementId) return;
    await form.run(async () => {
      const query = new URLSearchParams({ achievementId, fileName: file.name, sendClaimMail: String(sendMail) });
      const body = await postRaw(`/orgs/${slug}/bulk-awards?${query.toString()}`, new Uint8Array(await file.arrayBuffer()), 'text/csv');
      const run = parseResponse(BulkRun, body, 'bulk-awards');
      await invalidateApi(`/orgs/${slug}/bulk-awards`);
      void navigate(`/orgs/${org.slug}/awards/bulk/${encodeURIComponent(run.id)}`);
    });
  }

  return (
    <>
      <PageTitle title={`Bulk award · ${org.name}`}>Bulk award</PageTitle>
      <Stack gap="lg">
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Award a cohort from a CSV
            </Title>
            <Text size="sm">
              One row per recipient with the columns <b>email</b> and <b>name</b>; optional <b>issued_on</b> (YYYY-MM-DD), <b>narrative</b>,{' '}
              <b>evidence_url</b> and one <b>level:&lt;criterion&gt;</b> column per rubric criterion. Comma or semicolon separated, UTF-8,
              up to {LIMITS.bulkCsvBytes / 1024 / 1024} MB. Every row is checked before anything is awarded.
            </Text>
            <Select
              label="Micro-credential"
              placeholder="Choose a published micro-credential"
              data={published.map((a) => ({ value: a.id, label: a.name }))}
              value={achievementId}
              onChange={setAchievementId}
              searchable
              required
              error={form.fieldErrors['achievementId']}
            />
            {achievementId ? (
              <Anchor
                href={`/api/v1/orgs/${slug}/bulk-awards/template.csv?achievementId=${encodeURIComponent(achievementId)}`}
                download
                size="sm"
              >
                Download the template for this micro-credential
              </Anchor>
            ) : null}
            <FileInput
              label="CSV file"
              placeholder="Choose a .csv file"
              accept=".csv,text/csv"
              value={file}
              onChange={setFile}
              clearable
              required
              error={tooLarge ? `The file is larger than ${LIMITS.bulkCsvBytes / 1024 / 1024} MB` : form.fieldErrors['file']}
            />
            <Checkbox
              label="Email each new recipient a link to claim the credential"
              checked={sendMail}
              onChange={(e) => setSendMail(e.currentTarget.checked)}
            />
            <ProblemAlert problem={form.problem} />
            <Button w="fit-content" onClick={() => void upload()} disabled={!file || !achievementId || tooLarge} loading={form.submitting}>
              Check the file
            </Button>
          </Stack>
        </Paper>
        <Stack gap="xs">
          <Title order={2} size="h4">
            Runs
          </Title>
          {runs.status === 'loading' ? <LoadingState label="Loading runs…" /> : null}
          {runs.status === 'error' ? <ErrorState error={runs.error} onRetry={runs.reload} /> : null}
          {runs.status === 'ok' && runs.data.length === 0 ? (
            <EmptyState title="No bulk awards yet">Upload a CSV to start.</EmptyState>
          ) : null}
          {runs.status === 'ok' && runs.data.length > 0 ? (
            <Table.ScrollContainer minWidth={600}>
              <Table verticalSpacing="sm" aria-label="Bulk award runs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Micro-credential</Table.Th>
                    <Table.Th scope="col">File</Table.Th>
                    <Table.Th scope="col">State</Table.Th>
                    <Table.Th scope="col">Progress</Table.Th>
                    <Table.Th scope="col">Uploaded</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {runs.data.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/orgs/${org.slug}/awards/bulk/${encodeURIComponent(r.id)}`}>
                          {r.achievementName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{r.fileName}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                          {STATE_LABEL[r.state]}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {r.state === 'draft'
                            ? `${count(r.total, 'row')}, ${r.problemRows.toLocaleString('en')} with problems`
                            : progressText(r)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
        {org.role === 'owner' ? (
          <BulkRevoke
            slug={slug}
            achievements={published.map((a) => ({ value: a.id, label: a.name }))}
            runs={
              runs.status === 'ok'
                ? runs.data
                    .filter((r) => r.issued > 0)
                    .map((r) => ({ value: r.id, label: `${r.achievementName} · ${r.fileName} (${formatDateTime(r.createdAt)})` }))
                : []
            }
          />
        ) : null}
        <Group>
          <Anchor component={Link} to={`/orgs/${org.slug}/awards/new`} size="sm">
            Award a few people directly instead
          </Anchor>
        </Group>
      </Stack>
    </>
  );
}
