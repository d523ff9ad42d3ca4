/** The versions tab: published versions, and a comparison between two of them (or one and the draft). */
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { VersionComparison } from '@tessera/shared';
import { useState } from 'react';
import { ErrorState, LoadingState } from '../../../components/states';
import { formatDateTime } from '../../../lib/links';
import { useApiQuery } from '../../../lib/query';
import type { Achievement } from '../../../lib/types';
import { changeLabel, changeValue } from './change-labels';

/** The name of one side of a comparison. */
function sideName(ref: string): string {
  return ref === 'draft' ? 'Current draft' : `Version ${ref}`;
}

/** Default sides: the latest version against the draft when it has changes, else the last two versions. */
function defaults(a: Achievement): { from: string; to: string } {
  const latest = a.versions.at(-1)?.version ?? 1;
  if (a.hasUnpublishedChanges || a.versions.length < 2) return { from: String(latest), to: 'draft' };
  return { from: String(latest - 1), to: String(latest) };
}

function Comparison({ path }: { path: string }) {
  const result = useApiQuery(path, VersionComparison);
  if (result.status === 'loading') return <LoadingState label="Comparing…" />;
  if (result.status === 'error') return <ErrorState error={result.error} onRetry={result.reload} />;
  const { from, to, changes } = result.data;
  const fromName = sideName(from.ref);
  const toName = sideName(to.ref);
  return (
    <Stack gap="sm" aria-live="polite">
      <Text fw={600}>
        {changes.length === 0
          ? `${fromName} and ${toName.toLowerCase()} are the same.`
          : `${changes.length} field${changes.length === 1 ? '' : 's'} changed from ${fromName.toLowerCase()} to ${toName.toLowerCase()}.`}
      </Text>
      {changes.length > 0 ? (
        <ol className="plain-list" aria-label={`Differences between ${fromName.toLowerCase()} and ${toName.toLowerCase()}`}>
          {changes.map((c) => (
            <li key={c.path}>
              <Paper withBorder p="sm" radius="md" mb="xs">
                <Title order={3} size="h6" mb={4}>
                  {changeLabel(c.path)}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <div>
                    <Text size="xs" fw={700} tt="uppercase" c="gray.8">
                      {fromName}
                    </Text>
                    <Text size="sm" className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
                      {changeValue(c.path, c.before)}
                    </Text>
                  </div>
                  <div>
                    <Text size="xs" fw={700} tt="uppercase" c="gray.8">
                      {toName}
                    </Text>
                    <Text size="sm" className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
                      {changeValue(c.path, c.after)}
                    </Text>
                  </div>
                </SimpleGrid>
              </Paper>
            </li>
          ))}
        </ol>
      ) : null}
    </Stack>
  );
}

/** Published versions of a micro-credential and the comparison tool. */
export function VersionsPanel({ slug, achievement }: { slug: string; achievement: Achievement }) {
  const [sides, setSides] = useState(() => defaults(achievement));
  const [shown, setShown] = useState<{ from: string; to: string } | null>(null);
  const options = [
    ...achievement.versions.map((v) => ({ value: String(v.version), label: `Version ${v.version}` })),
    { value: 'draft', label: 'Current draft (last saved)' },
  ];
  const base = `/orgs/${encodeURIComponent(slug)}/achievements/${encodeURIComponent(achievement.id)}`;
  if (achievement.versions.length === 0) return <Text>Not published yet: there is nothing to compare.</Text>;
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={320}>
        <Table withTableBorder>
          <caption className="visually-hidden">Published versions</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Version</Table.Th>
              <Table.Th scope="col">Published</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {achievement.versions.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.version}</Table.Td>
                <Table.Td>{formatDateTime(v.publishedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm">
        Published versions never change. Credentials record the version they were earned on; {achievement.issuedCount} issued so far.
      </Text>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="compare-title">
        <Title order={2} size="h4" id="compare-title" mb="sm">
          Compare versions
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setShown(sides);
          }}
        >
          <Group align="flex-end" gap="sm">
            <Select
              label="From"
              data={options}
              value={sides.from}
              onChange={(v) => v && setSides((s) => ({ ...s, from: v }))}
              allowDeselect={false}
              w={220}
            />
            <Select
              label="To"
              data={options}
              value={sides.to}
              onChange={(v) => v && setSides((s) => ({ ...s, to: v }))}
              allowDeselect={false}
              w={220}
            />
            <Button type="submit" variant="default">
              Compare
            </Button>
          </Group>
        </form>
        {shown && shown.from === shown.to ? (
          <Alert variant="outline" color="blue.9" mt="md">
            Choose two different versions.
          </Alert>
        ) : null}
        {shown && shown.from !== shown.to ? (
          <Stack mt="md">
            <Comparison path={`${base}/compare?from=${encodeURIComponent(shown.from)}&to=${encodeURIComponent(shown.to)}`} />
          </Stack>
        ) : null}
      </Paper>
    </Stack>
  );
}
