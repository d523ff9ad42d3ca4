/** The rubric, compact enough for the side panel: each criterion with its levels, their descriptions and the level required to pass. */
import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { FULL_LABEL_BADGE } from '../../../components/SubmissionState';
import type { AssessorSubmission } from '../../../lib/types';

/** The read-only rubric of a submission's micro-credential version. */
export function RubricPanel({ s }: { s: AssessorSubmission }) {
  const criteria = s.achievement.rubric.criteria;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3" id="rubric-title">
        Rubric
      </Title>
      <Text size="sm">To pass, every criterion must reach the level marked “required to pass”.</Text>
      {criteria.map((c) => (
        <Paper key={c.id} withBorder p="sm" radius="md" component="section" aria-labelledby={`rubric-${c.id}`}>
          <Title order={3} size="h5" id={`rubric-${c.id}`}>
            {c.name}
          </Title>
          {c.description ? (
            <Text size="sm" mb={4}>
              {c.description}
            </Text>
          ) : null}
          <List spacing={6} size="sm" listStyleType="none" ml={0} pl={0}>
            {c.levels.map((l) => (
              <List.Item key={l.id}>
                <Group gap={6}>
                  <Text size="sm" fw={600} component="span">
                    {l.name}
                  </Text>
                  <Text size="sm" c="dimmed" component="span">
                    {l.points} {l.points === 1 ? 'point' : 'points'}
                  </Text>
                  {l.id === c.requiredLevelId ? (
                    <Badge size="sm" color="teal.9" variant="filled" styles={FULL_LABEL_BADGE}>
                      Required to pass
                    </Badge>
                  ) : null}
                </Group>
                {l.description ? <Text size="sm">{l.description}</Text> : null}
              </List.Item>
            ))}
          </List>
        </Paper>
      ))}
    </Stack>
  );
}
