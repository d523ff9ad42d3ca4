/**
 * The evidence of a submission as an assessor reads it: each item under its requirement, with the criteria it
 * supports; images, audio and video play inline, PDFs open in a new tab, and long text is folded.
 */
import { Anchor, Badge, Button, Group, Image, Paper, Spoiler, Stack, Text, Title } from '@mantine/core';
import { Prose, kindLabel } from '../../../components/AchievementView';
import { FileLink, formatSize } from '../../../components/EvidenceDisplay';
import { FULL_LABEL_BADGE } from '../../../components/SubmissionState';
import { safeHref } from '../../../lib/links';
import type { AssessorSubmission, FileInfo } from '../../../lib/types';

type Item = AssessorSubmission['evidence'][number];

/** Text longer than this (characters or lines) starts folded. */
const LONG_TEXT_CHARS = 900;
const LONG_TEXT_LINES = 12;

/** Text evidence: folded behind "Show all" when long. */
export function LongText({ text, label }: { text: string; label: string }) {
  const long = text.length > LONG_TEXT_CHARS || text.split('\n').length > LONG_TEXT_LINES;
  if (!long) return <Prose>{text}</Prose>;
  return (
    <Spoiler
      maxHeight={220}
      showLabel={`Show all of ${label} (${text.length.toLocaleString('en')} characters)`}
      hideLabel={`Show less of ${label}`}
    >
      <Prose>{text}</Prose>
    </Spoiler>
  );
}

/**
 * A file shown where the browser can: images and media inline; PDFs behind a link, because files are served with
 * `frame-ancestors 'none'` and a sandbox (no page may frame them); anything else as a download link.
 */
export function FilePreview({ file, label }: { file: FileInfo; label: string }) {
  const type = file.mimeType;
  if (type.startsWith('image/')) {
    return (
      <Stack gap={4}>
        <Anchor
          href={file.url}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Open ${file.name} full size in a new tab`}
          underline="never"
        >
          <Image
            src={file.url}
            alt={`${label}: ${file.name}`}
            mah={480}
            w="auto"
            maw="100%"
            fit="contain"
            radius="sm"
            style={{ border: '1px solid var(--mantine-color-gray-3)' }}
          />
        </Anchor>
        <FileLink file={file} />
      </Stack>
    );
  }
  if (type.startsWith('video/')) {
    return (
      <Stack gap={4}>
        <video
          controls
          preload="metadata"
          src={file.url}
          style={{ width: '100%', maxHeight: 420, background: '#000', borderRadius: 4 }}
          aria-label={`${label}: ${file.name}`}
        >
          <a href={file.url}>Download {file.name}</a>
        </video>
        <FileLink file={file} />
      </Stack>
    );
  }
  if (type.startsWith('audio/')) {
    return (
      <Stack gap={4}>
        <audio controls preload="metadata" src={file.url} style={{ width: '100%' }} aria-label={`${label}: ${file.name}`}>
          <a href={file.url}>Download {file.name}</a>
        </audio>
        <FileLink file={file} />
      </Stack>
    );
  }
  if (type === 'application/pdf') {
    return (
      <Group gap="sm" wrap="wrap">
        <Button component="a" href={file.url} target="_blank" rel="noopener noreferrer" variant="light" size="xs">
          Open the PDF in a new tab
        </Button>
        <Text size="sm">
          {file.name} ({formatSize(file.size)})
        </Text>
      </Group>
    );
  }
  return <FileLink file={file} />;
}

/** One evidence item's content. */
function ItemContent({ item, label }: { item: Item; label: string }) {
  const href = safeHref(item.url);
  return (
    <Stack gap="xs">
      {item.text ? <LongText text={item.text} label={label} /> : null}
      {item.url ? (
        href ? (
          <Anchor href={href} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
            {item.url}
          </Anchor>
        ) : (
          <Text style={{ overflowWrap: 'anywhere' }}>{item.url}</Text>
        )
      ) : null}
      {item.file ? <FilePreview file={item.file} label={label} /> : null}
    </Stack>
  );
}

/** Every requirement with the evidence given for it and the criteria it supports. */
export function EvidencePanel({ s }: { s: AssessorSubmission }) {
  const criteria = s.achievement.rubric.criteria;
  return (
    <Stack gap="sm">
      {s.achievement.evidenceRequirements.map((r, i) => {
        const item = s.evidence.find((e) => e.requirementId === r.id);
        const label = `Evidence ${i + 1}`;
        const supports = r.criterionIds.map((id) => criteria.find((c) => c.id === id)?.name).filter((n): n is string => Boolean(n));
        return (
          <Paper key={r.id} withBorder p="md" radius="md" component="article" aria-labelledby={`evidence-${r.id}`}>
            <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
              <Title order={3} size="h5" id={`evidence-${r.id}`}>
                {label}
              </Title>
              {item ? (
                <Badge variant="outline" color="gray.8" styles={FULL_LABEL_BADGE}>
                  {kindLabel(item.kind)}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm" fw={600}>
              {r.prompt}
            </Text>
            {supports.length > 0 ? (
              <Text size="sm" c="dimmed" mb="xs">
                Supports: {supports.join(', ')}
              </Text>
            ) : null}
            {item ? <ItemContent item={item} label={label} /> : <Text c="dimmed">Nothing given{r.required ? '' : ' (optional)'}.</Text>}
          </Paper>
        );
      })}
    </Stack>
  );
}
