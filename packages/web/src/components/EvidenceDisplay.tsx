/** Read-only evidence: text as text, links and files as links, never raw HTML. */
import { Anchor, Code, Paper, Stack, Text, Title } from '@mantine/core';
import { safeHref } from '../lib/links';
import type { AchievementContent, FileInfo, Submission } from '../lib/types';
import { Prose, kindLabel } from './AchievementView';

type Item = Submission['evidence'][number];

/** Bytes in words. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A link to an uploaded file with its size and digest. */
export function FileLink({ file }: { file: FileInfo }) {
  return (
    <Text size="sm" className="wrap-anywhere">
      <Anchor href={file.url} target="_blank" rel="noopener noreferrer">
        {file.name}
      </Anchor>{' '}
      ({file.mimeType}, {formatSize(file.size)}) · sha256 <Code>{file.sha256.slice(0, 16)}…</Code>
    </Text>
  );
}

/** One evidence item's content. */
export function EvidenceContent({ item }: { item: Item }) {
  const href = safeHref(item.url);
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {kindLabel(item.kind)}
      </Text>
      {item.text ? <Prose>{item.text}</Prose> : null}
      {item.url ? (
        href ? (
          <Anchor href={href} target="_blank" rel="noopener noreferrer" className="wrap-anywhere">
            {item.url}
          </Anchor>
        ) : (
          <Text className="wrap-anywhere">{item.url}</Text>
        )
      ) : null}
      {item.file ? <FileLink file={item.file} /> : null}
    </Stack>
  );
}

/** Every requirement with the evidence given for it. */
export function EvidenceList({ content, evidence }: { content: AchievementContent; evidence: Item[] }) {
  return (
    <Stack gap="sm">
      {content.evidenceRequirements.map((r, i) => {
        const item = evidence.find((e) => e.requirementId === r.id);
        return (
          <Paper key={r.id} withBorder p="md" radius="md">
            <Title order={3} size="h5" mb={4}>
              Evidence {i + 1}
            </Title>
            <Prose>{r.prompt}</Prose>
            <div style={{ marginTop: 8 }}>
              {item ? <EvidenceContent item={item} /> : <Text c="dimmed">Nothing given{r.required ? '' : ' (optional)'}.</Text>}
            </div>
          </Paper>
        );
      })}
    </Stack>
  );
}
