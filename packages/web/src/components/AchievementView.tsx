/** A micro-credential as learners see it: goal, criteria, rubric, evidence required, resources, issuer. */
import { Anchor, Badge, Box, Group, Image, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { safeHref } from '../lib/links';
import type { AchievementContent, IssuerSummary } from '../lib/types';

const KIND_LABELS: Record<string, string> = { text: 'Written text', link: 'Link', file: 'File upload', video: 'Video' };

/** Human labels for evidence kinds. */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/** Words for the validity rule. */
export function validityText(content: AchievementContent): string {
  return content.validity.kind === 'never'
    ? 'Never expires'
    : `Expires ${content.validity.months} month${content.validity.months === 1 ? '' : 's'} after issue`;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <Title order={2} size="h3" mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

/** Text that keeps the author's line breaks; rendered as text, never as HTML. */
export function Prose({ children }: { children: string }) {
  return <Text style={{ whiteSpace: 'pre-wrap' }}>{children}</Text>;
}

/** The rubric as a table: one row per criterion, one column per level, the required level marked. */
export function RubricTable({ content, caption }: { content: AchievementContent; caption?: string }) {
  if (content.rubric.criteria.length === 0) return <Text c="dimmed">No rubric yet.</Text>;
  return (
    <Stack gap="md">
      {content.rubric.criteria.map((c) => (
        <Paper key={c.id} withBorder p="sm" radius="md">
          <Title order={3} size="h5">
            {c.name}
          </Title>
          {c.description ? (
            <Text size="sm" mb="xs">
              {c.description}
            </Text>
          ) : null}
          <Stack gap="xs" hiddenFrom="sm" component="ol" className="plain-list" aria-label={caption ?? `Levels for ${c.name}`}>
            {c.levels.map((l) => (
              <Paper key={l.id} component="li" withBorder p="xs" radius="sm">
                <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                  <Text fw={600}>{l.name}</Text>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {l.points} {l.points === 1 ? 'point' : 'points'}
                  </Text>
                </Group>
                {l.id === c.requiredLevelId ? (
                  <Badge size="sm" color="teal.9" variant="filled">
                    Required to pass
                  </Badge>
                ) : null}
                {l.description ? (
                  <Text size="sm" mt={4}>
                    {l.description}
                  </Text>
                ) : null}
              </Paper>
            ))}
          </Stack>
          <Box visibleFrom="sm">
            <Table.ScrollContainer minWidth={480}>
              <Table withTableBorder withColumnBorders>
                <caption className="visually-hidden">{caption ?? `Levels for ${c.name}`}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Level</Table.Th>
                    <Table.Th scope="col">What it looks like</Table.Th>
                    <Table.Th scope="col">Points</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.levels.map((l) => (
                    <Table.Tr key={l.id}>
                      <Table.Th scope="row">
                        {l.name}
                        {l.id === c.requiredLevelId ? (
                          <Badge ml="xs" size="sm" color="teal.9" variant="filled">
                            Required to pass
                          </Badge>
                        ) : null}
                      </Table.Th>
                      <Table.Td>{l.description}</Table.Td>
                      <Table.Td>{l.points}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Box>
        </Paper>
      ))}
      <Text size="sm">To pass, every criterion must reach its required level.</Text>
    </Stack>
  );
}

/** The full description of a micro-credential. */
export function AchievementView({
  content,
  issuer,
  imageUrl,
  version,
}: {
  content: AchievementContent;
  issuer: IssuerSummary | null;
  imageUrl: string;
  version?: number | null;
}) {
  return (
    <Stack gap="lg">
      <Group align="flex-start" wrap="nowrap" gap="lg">
        <Image src={imageUrl} alt={`Badge image for ${content.name}`} w={120} h={120} fit="contain" radius="md" />
        <Stack gap={6}>
          <Group gap="xs">
            <Badge variant="outline" color="indigo.9">
              {content.achievementType}
            </Badge>
            {version ? <Text size="sm">Version {version}</Text> : null}
            {content.creditsAvailable !== null ? <Text size="sm">{content.creditsAvailable} credits</Text> : null}
            <Text size="sm">{validityText(content)}</Text>
          </Group>
          {issuer ? (
            <Text>
              Issued by{' '}
              {safeHref(issuer.url) ? (
                <Anchor href={safeHref(issuer.url) ?? undefined} rel="noopener noreferrer">
                  {issuer.name}
                </Anchor>
              ) : (
                <strong>{issuer.name}</strong>
              )}
            </Text>
          ) : null}
          {content.description ? <Prose>{content.description}</Prose> : null}
          {content.skills.length > 0 ? (
            <Group gap={6} aria-label="Skills">
              {content.skills.map((s) => (
                <Badge key={s} variant="outline" color="gray.8">
                  {s}
                </Badge>
              ))}
            </Group>
          ) : null}
        </Stack>
      </Group>
      {content.learningGoal ? (
        <Section title="Learning goal">
          <Prose>{content.learningGoal}</Prose>
        </Section>
      ) : null}
      {content.competency ? (
        <Section title="Competency">
          <Prose>{content.competency}</Prose>
        </Section>
      ) : null}
      {content.criteriaNarrative ? (
        <Section title="Criteria">
          <Prose>{content.criteriaNarrative}</Prose>
        </Section>
      ) : null}
      <Section title="Rubric">
        <RubricTable content={content} />
      </Section>
      <Section title="Evidence required">
        {content.evidenceRequirements.length === 0 ? (
          <Text c="dimmed">No evidence requirements yet.</Text>
        ) : (
          <List spacing="sm" type="ordered">
            {content.evidenceRequirements.map((r) => (
              <List.Item key={r.id}>
                <Prose>{r.prompt}</Prose>
                <Text size="sm">
                  {r.required ? 'Required' : 'Optional'} · accepts {r.kinds.map(kindLabel).join(', ').toLowerCase()}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      {content.resources.length > 0 ? (
        <Section title="Research and resources">
          <List spacing="xs">
            {content.resources.map((r) => (
              <List.Item key={r.url + r.title}>
                <Anchor href={safeHref(r.url) ?? undefined} rel="noopener noreferrer">
                  {r.title}
                </Anchor>
                {r.note ? <Text size="sm">{r.note}</Text> : null}
              </List.Item>
            ))}
          </List>
        </Section>
      ) : null}
      {content.alignments.length > 0 ? (
        <Section title="Alignments">
          <List spacing="xs">
            {content.alignments.map((a) => (
              <List.Item key={a.targetUrl + a.targetName}>
                <Anchor href={safeHref(a.targetUrl) ?? undefined} rel="noopener noreferrer">
                  {a.targetName}
                </Anchor>
                {a.targetFramework || a.targetCode ? (
                  <Text size="sm" component="span">
                    {' '}
                    ({[a.targetFramework, a.targetCode].filter(Boolean).join(' · ')})
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        </Section>
      ) : null}
    </Stack>
  );
}
