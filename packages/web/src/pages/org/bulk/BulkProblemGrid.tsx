/** The dry run's problems as an editable grid: one row per CSV row, each cell an input showing its problem. */
import { Badge, Button, Group, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { BulkRow, BulkRowPage } from '@tessera/shared';
import type { BulkRow as Row, BulkRowCells, BulkRowEdit } from '@tessera/shared';
import { ErrorState, LoadingState, ProblemAlert } from '../../../components/states';
import { count } from '../../../lib/format';
import { useFormState } from '../../../lib/forms';
import { apiCall, useApiQuery } from '../../../lib/query';

const EditResult = z.object({ row: BulkRow, affected: z.array(BulkRow) });
type Field = Exclude<keyof BulkRowCells, 'levels'>;
const FIELDS: Array<{ field: Field; column: string; label: string; width: number }> = [
  { field: 'email', column: 'email', label: 'Email', width: 220 },
  { field: 'name', column: 'name', label: 'Name', width: 160 },
  { field: 'issuedOn', column: 'issued_on', label: 'Issued on', width: 120 },
  { field: 'narrative', column: 'narrative', label: 'Narrative', width: 200 },
  { field: 'evidenceUrl', column: 'evidence_url', label: 'Evidence URL', width: 200 },
];

/** The problem of a cell, if any. */
function problemOf(row: Row, column: string): string | undefined {
  return row.problems.find((p) => p.column === column)?.message;
}

/** One editable cell: saved when it loses focus with a changed value. */
function Cell({
  row,
  column,
  label,
  value,
  width,
  onSave,
}: {
  row: Row;
  column: string;
  label: string;
  value: string;
  width: number;
  onSave: (value: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <TextInput
      size="xs"
      miw={width}
      aria-label={`Row ${row.row}, ${label}`}
      value={draft}
      error={problemOf(row, column)}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={() => draft !== value && onSave(draft)}
      onKeyDown={(e) => e.key === 'Enter' && draft !== value && onSave(draft)}
    />
  );
}

/** The grid of a draft run: rows with problems by default (all rows on request); edits are checked again on the server. */
export function BulkProblemGrid({
  slug,
  runId,
  levelColumns,
  onChanged,
}: {
  slug: string;
  runId: string;
  levelColumns: string[];
  onChanged: () => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const [after, setAfter] = useState(0);
  const [rows, setRows] = useState<Row[]>([]);
  const page = useApiQuery(
    `/orgs/${slug}/bulk-awards/${encodeURIComponent(runId)}/rows?problems=${showAll ? 'false' : 'true'}&after=${after}&limit=50`,
    BulkRowPage,
  );
  const form = useFormState();

  useEffect(() => {
    if (page.status !== 'ok') return;
    setRows((current) => {
      const known = new Set(current.map((r) => r.row));
      return after === 0 ? page.data.items : [...current, ...page.data.items.filter((r) => !known.has(r.row))];
    });
  }, [page.status, page.data, after]);

  async function save(row: Row, edit: BulkRowEdit) {
    await form.run(async () => {
      const out = await apiCall('PATCH', `/orgs/${slug}/bulk-awards/${encodeURIComponent(runId)}/rows/${row.row}`, EditResult, {
        body: edit,
      });
      const changed = new Map([out.row, ...out.affected].map((r) => [r.row, r]));
      setRows((current) => current.map((r) => changed.get(r.row) ?? r));
      onChanged();
    });
  }

  const remaining = rows.filter((r) => r.problems.length > 0).length;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" role="status">
          {showAll
            ? `Showing ${count(rows.length, 'row')}.`
            : remaining === 0 && rows.length > 0
              ? 'Every row shown is fixed.'
              : `${count(remaining, 'row')} shown with problems.`}{' '}
          Edit a cell and leave it to check it again.
        </Text>
        <Switch
          label="Show all rows"
          checked={showAll}
          onChange={(e) => {
            setShowAll(e.currentTarget.checked);
            setAfter(0);
            setRows([]);
          }}
        />
      </Group>
      <ProblemAlert problem={form.problem} />
      {page.status === 'loading' && rows.length === 0 ? <LoadingState label="Loading rows…" /> : null}
      {page.status === 'error' ? <ErrorState error={page.error} onRetry={page.reload} /> : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" striped aria-label="Rows of the file">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Row</Table.Th>
                {FIELDS.map((f) => (
                  <Table.Th scope="col" key={f.field}>
                    {f.label}
                  </Table.Th>
                ))}
                {levelColumns.map((c) => (
                  <Table.Th scope="col" key={c}>
                    {c}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" fw={600}>
                        {r.row}
                      </Text>
                      {r.problems.length === 0 ? (
                        <Badge size="xs" color="teal.9" variant="filled">
                          OK
                        </Badge>
                      ) : null}
                    </Group>
                    {problemOf(r, 'row') ? (
                      <Text size="xs" c="red.9">
                        {problemOf(r, 'row')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {FIELDS.map((f) => (
                    <Table.Td key={f.field}>
                      <Cell
                        row={r}
                        column={f.column}
                        label={f.label}
                        width={f.width}
                        value={r.cells[f.field]}
                        onSave={(v) => void save(r, { [f.field]: v })}
                      />
                    </Table.Td>
                  ))}
                  {levelColumns.map((c) => (
                    <Table.Td key={c}>
                      <Cell
                        row={r}
                        column={c}
                        label={c}
                        width={120}
                        value={r.cells.levels[c] ?? ''}
                        onSave={(v) => void save(r, { levels: { [c]: v } })}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {page.status === 'ok' && page.data.nextCursor !== null ? (
        <Button variant="default" size="xs" onClick={() => setAfter(page.data.nextCursor ?? 0)} loading={page.fetching}>
          Show more rows
        </Button>
      ) : null}
    </Stack>
  );
}
