/** Bulk revocation (owners): from a CSV of credential ids or a filter, previewed, then confirmed with a reason. */
import { Button, FileInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { BulkRevokePreview, BulkRevokeResult } from '@tessera/shared';
import type { BulkRevokePreview as Preview, BulkRevokeResult as Result, BulkRevokeTarget } from '@tessera/shared';
import { ProblemAlert } from '../../../components/states';
import { count } from '../../../lib/format';
import { useFormState } from '../../../lib/forms';
import { apiCall } from '../../../lib/query';

/** Credential ids from a CSV: the first cell of each line (a header line without an id is skipped). */
export function idsFromCsv(text: string): string[] {
  return text
    .split(/\r\n|\n|\r/)
    .map((line) => line.split(/[,;]/)[0]?.trim().replace(/^"|"$/g, '') ?? '')
    .filter((v) => /^(https?:\/\/\S+|[0-9a-f-]{36})$/i.test(v));
}

/** The bulk revocation panel. */
export function BulkRevoke({
  slug,
  achievements,
  runs,
}: {
  slug: string;
  achievements: Array<{ value: string; label: string }>;
  runs: Array<{ value: string; label: string }>;
}) {
  const [mode, setMode] = useState<'filter' | 'ids'>('filter');
  const [achievementId, setAchievementId] = useState<string | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [issuedAfter, setIssuedAfter] = useState('');
  const [issuedBefore, setIssuedBefore] = useState('');
  const [ids, setIds] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const form = useFormState();

  const target = (): BulkRevokeTarget =>
    mode === 'ids'
      ? { kind: 'ids', ids }
      : {
          kind: 'filter',
          ...(achievementId ? { achievementId } : {}),
          ...(runId ? { runId } : {}),
          ...(issuedAfter ? { issuedAfter } : {}),
          ...(issuedBefore ? { issuedBefore } : {}),
        };
  const changed = () => {
    setPreview(null);
    setResult(null);
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Revoke in bulk
        </Title>
        <SegmentedControl
          value={mode}
          onChange={(v) => {
            setMode(v === 'ids' ? 'ids' : 'filter');
            changed();
          }}
          data={[
            { value: 'filter', label: 'By filter' },
            { value: 'ids', label: 'From a CSV of ids' },
          ]}
          aria-label="Choose credentials"
        />
        {mode === 'filter' ? (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Select
              label="Micro-credential to revoke"
              data={achievements}
              value={achievementId}
              onChange={(v) => (setAchievementId(v), changed())}
              clearable
            />
            <Select label="Bulk run" data={runs} value={runId} onChange={(v) => (setRunId(v), changed())} clearable />
            <TextInput
              label="Issued from"
              type="date"
              value={issuedAfter}
              onChange={(e) => (setIssuedAfter(e.currentTarget.value), changed())}
            />
            <TextInput
              label="Issued until"
              type="date"
              value={issuedBefore}
              onChange={(e) => (setIssuedBefore(e.currentTarget.value), changed())}
            />
          </SimpleGrid>
        ) : (
          <FileInput
            label="CSV of credential ids (first column)"
            accept=".csv,text/csv"
            onChange={(file) => {
              changed();
              if (file) void file.text().then((t) => setIds(idsFromCsv(t)));
              else setIds([]);
            }}
            description={ids.length ? `${count(ids.length, 'id')} read` : undefined}
          />
        )}
        <ProblemAlert problem={form.problem} />
        <Button
          variant="default"
          w="fit-content"
          loading={form.submitting}
          onClick={() =>
            void form.run(async () => {
              setResult(null);
              setPreview(
                await apiCall('POST', `/orgs/${slug}/bulk-revocations/preview`, BulkRevokePreview, { body: { target: target() } }),
              );
            })
          }
        >
          Preview
        </Button>
        {preview ? (
          <Stack gap="xs">
            <Text role="status">
              {count(preview.count, 'credential')} would be revoked
              {preview.alreadyRevoked ? `; ${preview.alreadyRevoked} already revoked` : ''}
              {preview.unknown.length
                ? `; ${count(preview.unknown.length, 'id')} ${preview.unknown.length === 1 ? 'does' : 'do'} not name a credential of this organisation`
                : ''}
              .
            </Text>
            {preview.count > 0 ? (
              <>
                <Textarea
                  label="Reason (the recipients are told)"
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  maxLength={500}
                  required
                  autosize
                  minRows={2}
                />
                <Button
                  color="red.9"
                  w="fit-content"
                  disabled={!reason.trim()}
                  loading={form.submitting}
                  onClick={() =>
                    void form.run(async () => {
                      setResult(
                        await apiCall('POST', `/orgs/${slug}/bulk-revocations`, BulkRevokeResult, {
                          body: { target: target(), reason, expectedCount: preview.count },
                        }),
                      );
                      setPreview(null);
                    })
                  }
                >
                  Revoke {count(preview.count, 'credential')}
                </Button>
              </>
            ) : null}
          </Stack>
        ) : null}
        {result ? (
          <Text role="status" c="teal.9" fw={500}>
            Revoked {result.revoked}.{result.alreadyRevoked ? ` ${result.alreadyRevoked} were already revoked.` : ''}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
