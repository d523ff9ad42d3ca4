/** A review's per-criterion scores and feedback, shown to learners and to staff. */
import { WARNING } from '../theme';
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDateTime } from '../lib/links';
import { FULL_LABEL_BADGE } from './SubmissionState';
import type { AchievementContent, Review } from '../lib/types';
import { Prose } from './AchievementView';

const KIND: Record<string, string> = { primary: 'Review', second: 'Second review', settlement: 'Settlement' };

/** One review: each criterion's level (with what that level means), whether it is met, and the feedback. */
export function ReviewView({ review, content, headingLevel = 3 }: { review: Review; content: AchievementContent; headingLevel?: 3 | 4 }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={headingLevel} size="h5">
          {KIND[review.kind] ?? 'Review'} of attempt {review.attempt}
          {review.assessorName ? ` by ${review.assessorName}` : ''}
        </Title>
        <Group gap="xs">
          <Badge color={review.decision === 'pass' ? 'teal.9' : WARNING} variant="filled" styles={FULL_LABEL_BADGE}>
            {review.decision === 'pass' ? 'Pass' : 'Needs revision'}
          </Badge>
          <Text size="sm">{formatDateTime(review.createdAt)}</Text>
        </Group>
      </Group>
      <Stack gap="sm">
        {review.scores.map((s) => {
          const criterion = content.rubric.criteria.find((c) => c.id === s.criterionId);
          const level = criterion?.levels.find((l) => l.id === s.levelId);
          return (
            <div key={s.criterionId}>
              <Group gap="xs">
                <Text fw={600}>{criterion?.name ?? s.criterionId}</Text>
                <Text>— {level?.name ?? s.levelId}</Text>
                <Badge size="sm" variant="outline" color={s.met ? 'teal.9' : WARNING} styles={FULL_LABEL_BADGE}>
                  {s.met ? 'Met' : 'Not yet met'}
                </Badge>
              </Group>
              {level?.description ? (
                <Text size="sm" c="dimmed">
                  {level.description}
                </Text>
              ) : null}
              <Prose>{s.feedback}</Prose>
            </div>
          );
        })}
        {review.overallFeedback ? (
          <div>
            <Text fw={600}>Overall feedback</Text>
            <Prose>{review.overallFeedback}</Prose>
          </div>
        ) : null}
      </Stack>
    </Paper>
  );
}
