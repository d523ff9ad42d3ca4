/** An assessor's view of one submission: evidence, claim, per-criterion scoring and the decision; owners settle disputes. */
import { WARNING } from '../../theme';
import { Alert, Badge, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { ReviewInput } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Prose, RubricTable } from '../../components/AchievementView';
import { EvidenceList } from '../../components/EvidenceDisplay';
import { PageTitle } from '../../components/PageTitle';
import { ReviewView } from '../../components/ReviewView';
import { SubmissionStateBadge } from '../../components/SubmissionState';
import { ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { api } from '../../lib/api';
import { useFormState, validate } from '../../lib/forms';
import { formatDateTime } from '../../lib/links';
import type { AssessorSubmission } from '../../lib/types';
import { useResource } from '../../lib/useResource';
import { useOrg } from './OrgLayout';

type Score = { levelId: string; feedback: string };

/** Scores carried over from the last review of an earlier attempt for criteria already met. */
function initialScores(s: AssessorSubmission): Record<string, Score> {
  const out: Record<string, Score> = {};
  const earlier = s.reviews.filter((r) => r.attempt < s.attempt).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
  for (const c of s.achievement.rubric.criteria) {
    const prev = earlier?.scores.find((x) => x.criterionId === c.id);
    out[c.id] = prev && !s.openCriterionIds.includes(c.id) ? { levelId: prev.levelId, feedback: prev.feedback } : { levelId: '', feedback: '' };
  }
  return out;
}

function ScoringForm({ s, mode, onDone }: { s: AssessorSubmission; mode: 'review' | 'settle'; onDone: (s: AssessorSubmission) => void }) {
  const { org } = useOrg();
  const form = useFormState();
  const [scores, setScores] = useState<Record<string, Score>>(() => initialScores(s));
  const [overall, setOverall] = useState('');
  const [decision, setDecision] = useState<string>('');
  const criteria = s.achievement.rubric.criteria;
  const allMet = criteria.every((c) => {
    const lv = scores[c.id]?.levelId;
    const idx = c.levels.findIndex((l) => l.id === lv);
    return idx >= 0 && idx >= c.levels.findIndex((l) => l.id === c.requiredLevelId);
  });
  const err = form.fieldErrors;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { scores: criteria.map((c) => ({ criterionId: c.id, levelId: scores[c.id]?.levelId ?? '', feedback: scores[c.id]?.feedback ?? '' })), overallFeedback: overall, decision };
    const parsed = validate(ReviewInput, body);
    if (!parsed.ok) return form.setFieldErrors(parsed.errors);
    await form.run(async () => {
      onDone(await api<AssessorSubmission>('POST', `/orgs/${encodeURIComponent(org.slug)}/submissions/${s.id}/${mode === 'settle' ? 'settle' : 'reviews'}`, { body: parsed.data }));
    });
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="score-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="score-title">
          {mode === 'settle' ? 'Settle the decision' : 'Score the evidence'}
        </Title>
        <ProblemAlert problem={form.problem} />
        {criteria.map((c, i) => {
          const open = s.openCriterionIds.length === 0 || s.openCriterionIds.includes(c.id);
          return (
            <Paper key={c.id} withBorder p="md" radius="md">
              <Group gap="xs" mb={4}>
                <Title order={3} size="h5">
                  {c.name}
                </Title>
                {!open ? <Badge variant="outline">Met in an earlier attempt</Badge> : null}
              </Group>
              {c.description ? <Prose>{c.description}</Prose> : null}
              <Radio.Group
                label={`Level for ${c.name}`}
                value={scores[c.id]?.levelId ?? ''}
                onChange={(v) => setScores((x) => ({ ...x, [c.id]: { feedback: x[c.id]?.feedback ?? '', levelId: v } }))}
                error={err[`scores.${i}.levelId`] ?? err[`scores.${i}`]}
                mt="xs"
              >
                <Stack gap={6} mt={4}>
                  {c.levels.map((l) => (
                    <Radio key={l.id} value={l.id} label={`${l.name}${l.id === c.requiredLevelId ? ' (required to pass)' : ''}`} description={l.description || undefined} />
                  ))}
                </Stack>
              </Radio.Group>
              <Textarea
                label={`Feedback on ${c.name}`}
                autosize
                minRows={2}
                mt="sm"
                value={scores[c.id]?.feedback ?? ''}
                onChange={(e) => {
                  const feedback = e.currentTarget.value;
                  setScores((x) => ({ ...x, [c.id]: { levelId: x[c.id]?.levelId ?? '', feedback } }));
                }}
                error={err[`scores.${i}.feedback`]}
              />
            </Paper>
          );
        })}
        <Textarea label="Overall feedback" autosize minRows={3} value={overall} onChange={(e) => setOverall(e.currentTarget.value)} error={err.overallFeedback} />
        <Radio.Group label="Decision" value={decision} onChange={setDecision} error={err.decision} required>
          <Stack gap={6} mt={4}>
            <Radio value="pass" label="Pass: every criterion is at its required level" />
            <Radio value="needs_revision" label="Needs revision: the learner revises the criteria not yet met" />
          </Stack>
        </Radio.Group>
        {decision === 'pass' && !allMet ? <Text c={WARNING}>Some criteria are below their required level; a pass is not possible with these scores.</Text> : null}
        <Group>
          <Button type="submit" loading={form.submitting}>
            {mode === 'settle' ? 'Settle' : 'Submit review'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Route: /orgs/:slug/submissions/:id. */
export function ReviewSubmissionPage() {
  const { id = '' } = useParams();
  const { org } = useOrg();
  const path = `/orgs/${encodeURIComponent(org.slug)}/submissions/${encodeURIComponent(id)}`;
  const sub = useResource<AssessorSubmission>(path);
  const claimForm = useFormState();
  if (sub.status === 'loading') return <LoadingState label="Loading the submission…" />;
  if (sub.status === 'error') return <ErrorState error={sub.error} onRetry={sub.reload} />;
  const s = sub.data;
  const claim = () => void claimForm.run(async () => sub.setData(await api<AssessorSubmission>('POST', `${path}/claim`)));
  const release = () =>
    void claimForm.run(async () => {
      await api('DELETE', `${path}/claim`);
      sub.reload();
    });
  const settling = s.canSettle && s.state === 'disputed';
  const reviewing = s.canReview && !settling;

  return (
    <>
      <PageTitle title={`Review · ${s.achievement.name}`}>{s.achievement.name}</PageTitle>
      <Group gap="sm" mb="md">
        <SubmissionStateBadge state={s.state} />
        <Text size="sm">
          {s.learnerLabel} · version {s.version} · attempt {s.attempt}
        </Text>
        {s.doubleScored ? <Badge variant="outline">Double-scored</Badge> : null}
      </Group>
      <ProblemAlert problem={claimForm.problem} />
      {s.canClaim && !settling ? (
        <Alert variant="outline" color="blue.9" mb="md" title="Claim it to score it">
          <Text mb="xs">Claiming reserves this review for you for 24 hours.</Text>
          <Button onClick={claim} loading={claimForm.submitting}>
            Claim this submission
          </Button>
        </Alert>
      ) : null}
      {reviewing ? (
        <Group mb="md" gap="sm">
          <Text size="sm">Claimed by you{s.claim.expiresAt ? ` until ${formatDateTime(s.claim.expiresAt)}` : ''}.</Text>
          <Button variant="subtle" size="xs" onClick={release}>
            Release my claim
          </Button>
        </Group>
      ) : null}
      {!s.canReview && !s.canClaim && !settling && (s.state === 'submitted' || s.state === 'in_review') ? (
        <Text mb="md">You cannot score this submission (you may already have reviewed it, or it is not open to you).</Text>
      ) : null}
      {settling ? (
        <Alert variant="outline" color="grape.9" mb="md" title="The two reviews disagree">
          As an owner, read both reviews and settle the decision.
        </Alert>
      ) : null}
      <Stack gap="lg">
        <section aria-labelledby="evidence-title">
          <Title order={2} size="h3" id="evidence-title" mb="sm">
            Evidence
          </Title>
          <EvidenceList content={s.achievement} evidence={s.evidence} />
        </section>
        {s.reviews.length > 0 ? (
          <section aria-labelledby="reviews-title">
            <Title order={2} size="h3" id="reviews-title" mb="sm">
              Reviews
            </Title>
            <Stack gap="sm">
              {s.reviews.map((r) => (
                <ReviewView key={r.id} review={r} content={s.achievement} />
              ))}
            </Stack>
          </section>
        ) : null}
        {reviewing ? <ScoringForm key={`${s.id}-${s.attempt}`} s={s} mode="review" onDone={sub.setData} /> : null}
        {settling ? <ScoringForm key={`${s.id}-settle`} s={s} mode="settle" onDone={sub.setData} /> : null}
        {s.state === 'passed' || s.state === 'needs_revision' ? (
          <Alert variant="outline" color="teal.9" title="Decided">
            {s.state === 'passed' ? 'Passed. The credential is issued to the learner.' : 'Returned to the learner for revision.'} <Link to={`/orgs/${org.slug}/queue`}>Back to the queue</Link>
          </Alert>
        ) : null}
        <details>
          <summary>
            <Text component="span" fw={600}>
              The rubric
            </Text>
          </summary>
          <div style={{ marginTop: 12 }}>
            <RubricTable content={s.achievement} />
          </div>
        </details>
      </Stack>
    </>
  );
}
