/**
 * Score each rubric criterion, write feedback and decide. Problems are said in plain words next to each field
 * and listed at the top of the form, and focus moves to the first one; the server's own field errors show the same way.
 */
import { Alert, Anchor, Badge, Button, Group, List, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { AssessorSubmission as AssessorSubmissionContract } from '@tessera/shared';
import { useState } from 'react';
import { Prose } from '../../../components/AchievementView';
import { FULL_LABEL_BADGE } from '../../../components/SubmissionState';
import { ProblemAlert } from '../../../components/states';
import { ApiError } from '../../../lib/api';
import { apiCall } from '../../../lib/query';
import type { AssessorSubmission, Problem } from '../../../lib/types';
import { WARNING } from '../../../theme';
import type { ReviewErrors, ReviewFormValues } from './review-validation';
import { fieldId, inPageOrder, levelMeets, validateReview } from './review-validation';

/** The scores a new review starts from: for criteria met in an earlier attempt, the last review's level and feedback. */
export function initialValues(s: AssessorSubmission): ReviewFormValues {
  const earlier = s.reviews.filter((r) => r.attempt < s.attempt).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
  return {
    scores: s.achievement.rubric.criteria.map((c) => {
      const prev = earlier?.scores.find((x) => x.criterionId === c.id);
      const keep = prev && !s.openCriterionIds.includes(c.id);
      return { criterionId: c.id, levelId: keep ? prev.levelId : '', feedback: keep ? prev.feedback : '' };
    }),
    overallFeedback: '',
    decision: '',
  };
}

/** Move focus to a field: the checked (or first) radio of a group, else the input itself. */
export function focusField(path: string): void {
  const wrapper = document.getElementById(fieldId(path));
  if (!wrapper) return;
  const target =
    wrapper.querySelector<HTMLElement>('input:checked') ?? wrapper.querySelector<HTMLElement>('input, textarea, select, button') ?? wrapper;
  target.focus();
  wrapper.scrollIntoView?.({ block: 'center' });
}

/** The review (or an owner's settlement) of one submission. */
export function ScoringForm({
  s,
  mode,
  orgSlug,
  onDone,
}: {
  s: AssessorSubmission;
  mode: 'review' | 'settle';
  orgSlug: string;
  onDone: (s: AssessorSubmission) => void;
}) {
  const criteria = s.achievement.rubric.criteria;
  const form = useForm<ReviewFormValues>({
    mode: 'controlled',
    initialValues: initialValues(s),
    validate: (values) => validateReview(values, criteria),
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [showSummary, setShowSummary] = useState(false);
  const errors = inPageOrder(form.errors as ReviewErrors, criteria).filter(([, m]) => typeof m === 'string' && m.length > 0);

  const showProblems = (found: ReviewErrors) => {
    setShowSummary(true);
    const first = inPageOrder(found, criteria)[0];
    // After React has drawn the messages, so a screen reader reads the field with its error.
    if (first) requestAnimationFrame(() => focusField(first[0]));
  };

  const send = async (values: ReviewFormValues) => {
    setProblem(null);
    setSubmitting(true);
    try {
      const path = `/orgs/${encodeURIComponent(orgSlug)}/submissions/${encodeURIComponent(s.id)}/${mode === 'settle' ? 'settle' : 'reviews'}`;
      onDone(await apiCall('POST', path, AssessorSubmissionContract, { body: values }));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setProblem(err.problem);
      const fieldErrors: ReviewErrors = {};
      for (const e of err.problem.errors ?? []) fieldErrors[e.path] ??= e.message;
      if (Object.keys(fieldErrors).length > 0) {
        form.setErrors(fieldErrors);
        showProblems(fieldErrors);
      }
    } finally {
      setSubmitting(false);
    }
  };

  const decision = form.values.decision;
  const allMet = criteria.every((c, i) => levelMeets(c, form.values.scores[i]?.levelId ?? ''));

  return (
    <form
      onSubmit={form.onSubmit(
        (values) => void send(values),
        (found) => showProblems(found as ReviewErrors),
      )}
      noValidate
      aria-labelledby="score-title"
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="score-title">
          {mode === 'settle' ? 'Settle the decision' : 'Score the evidence'}
        </Title>
        <Text size="sm">Every criterion needs a level and feedback. To pass, each must reach the level marked “required to pass”.</Text>
        {showSummary && errors.length > 0 ? (
          <Alert
            color="red.9"
            variant="outline"
            title={errors.length === 1 ? 'One thing to fix before sending' : `${errors.length} things to fix before sending`}
            role="alert"
          >
            <List size="sm" spacing={2}>
              {errors.map(([path, message]) => (
                <List.Item key={path}>
                  <Anchor
                    href={`#${fieldId(path)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      focusField(path);
                    }}
                  >
                    {message}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <ProblemAlert problem={problem && !(problem.errors && problem.errors.length > 0) ? problem : null} />
        {criteria.map((c, i) => {
          const open = s.openCriterionIds.length === 0 || s.openCriterionIds.includes(c.id);
          return (
            <Paper key={c.id} withBorder p="md" radius="md" component="fieldset" style={{ margin: 0, minWidth: 0 }}>
              <Group gap="xs" mb={4} component="legend" style={{ padding: 0 }}>
                <Title order={3} size="h5">
                  {c.name}
                </Title>
                {!open ? (
                  <Badge variant="outline" styles={FULL_LABEL_BADGE}>
                    Met in an earlier attempt
                  </Badge>
                ) : null}
              </Group>
              {c.description ? <Prose>{c.description}</Prose> : null}
              <div id={fieldId(`scores.${i}.levelId`)}>
                <Radio.Group label={`Level for ${c.name}`} mt="xs" {...form.getInputProps(`scores.${i}.levelId`)}>
                  <Stack gap={8} mt={6}>
                    {c.levels.map((l) => (
                      <Radio
                        key={l.id}
                        value={l.id}
                        label={
                          <Group gap={6} component="span">
                            <span>
                              {l.name} · {l.points} {l.points === 1 ? 'point' : 'points'}
                            </span>
                            {l.id === c.requiredLevelId ? (
                              <Badge size="sm" color="teal.9" variant="outline" styles={FULL_LABEL_BADGE} component="span">
                                Required to pass
                              </Badge>
                            ) : null}
                          </Group>
                        }
                        description={l.description || undefined}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
              </div>
              <div id={fieldId(`scores.${i}.feedback`)}>
                <Textarea
                  label={`Feedback on ${c.name}`}
                  description="The learner reads this."
                  autosize
                  minRows={2}
                  mt="sm"
                  {...form.getInputProps(`scores.${i}.feedback`)}
                />
              </div>
            </Paper>
          );
        })}
        <div id={fieldId('overallFeedback')}>
          <Textarea label="Overall feedback (optional)" autosize minRows={3} {...form.getInputProps('overallFeedback')} />
        </div>
        <div id={fieldId('decision')}>
          <Radio.Group label="Decision" withAsterisk {...form.getInputProps('decision')}>
            <Stack gap={8} mt={6}>
              <Radio value="pass" label="Pass: every criterion is at its required level" />
              <Radio value="needs_revision" label="Needs revision: the learner revises the criteria not yet met" />
            </Stack>
          </Radio.Group>
        </div>
        {decision === 'pass' && !allMet && !form.errors['decision'] ? (
          <Text c={WARNING} size="sm">
            Some criteria are below their required level; a pass is not possible with these scores.
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={submitting}>
            {mode === 'settle' ? 'Settle' : 'Submit review'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
