/**
 * An assessor's workspace for one submission: the evidence beside the rubric (a sticky side panel on wide screens,
 * stacked on narrow ones), claim and release, scoring, and "Next submission" once nothing is left to do here.
 * Owners settle disputed decisions in the same place.
 */
import { Alert, Badge, Box, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { AssessorSubmission as AssessorSubmissionContract } from '@tessera/shared';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { z } from 'zod';
import { PageTitle } from '../../components/PageTitle';
import { ReviewView } from '../../components/ReviewView';
import { FULL_LABEL_BADGE, SubmissionStateBadge } from '../../components/SubmissionState';
import { ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/links';
import { apiCall, invalidateApi, useApiQuery } from '../../lib/query';
import type { AssessorSubmission, Problem } from '../../lib/types';
import { useOrg } from './OrgLayout';
import { EvidencePanel } from './review/EvidencePanel';
import { NextActions } from './review/NextActions';
import { RubricPanel } from './review/RubricPanel';
import { ScoringForm } from './review/ScoringForm';

/** Where the submission stands for this assessor when there is nothing for them to do on it. */
function doneMessage(s: AssessorSubmission, justReviewed: boolean): { title: string; body: string } {
  if (s.state === 'passed')
    return {
      title: 'Decided: passed',
      body: 'Passed. The credential is issued to the learner. It reaches their wallet once it is signed.',
    };
  if (s.state === 'needs_revision')
    return {
      title: 'Decided: needs revision',
      body: 'Returned to the learner for revision. They see your feedback and revise the criteria not yet met.',
    };
  if (s.state === 'not_passed') return { title: 'Not passed', body: 'This was the learner’s last attempt.' };
  if (s.state === 'disputed') return { title: 'The two reviews disagree', body: 'An owner of the organisation will settle the decision.' };
  if (justReviewed)
    return { title: 'Your review is saved', body: 'This submission is double-scored: it is decided once the second review is in.' };
  return { title: 'Nothing to do here', body: 'You may already have reviewed this attempt, or other assessors hold its review slots.' };
}

/** Route: /orgs/:slug/submissions/:id. */
export function ReviewSubmissionPage() {
  const { id = '' } = useParams();
  const { org } = useOrg();
  const path = `/orgs/${encodeURIComponent(org.slug)}/submissions/${encodeURIComponent(id)}`;
  const sub = useApiQuery(path, AssessorSubmissionContract);
  const [claiming, setClaiming] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [justReviewed, setJustReviewed] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  // A new submission (after "Next submission") starts without the last one's messages.
  useEffect(() => {
    setJustReviewed(false);
    setProblem(null);
  }, [path]);
  useEffect(() => {
    if (justReviewed) doneRef.current?.focus();
  }, [justReviewed]);

  if (sub.status === 'loading') return <LoadingState label="Loading the submission…" />;
  if (sub.status === 'error') return <ErrorState error={sub.error} onRetry={sub.reload} />;
  const s = sub.data;
  const queuePath = `/orgs/${encodeURIComponent(org.slug)}/queue`;

  const act = async (action: () => Promise<void>) => {
    setClaiming(true);
    setProblem(null);
    try {
      await action();
      await invalidateApi(queuePath);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setProblem(err.problem);
      sub.reload();
    } finally {
      setClaiming(false);
    }
  };
  const claim = () => void act(async () => sub.setData(await apiCall('POST', `${path}/claim`, AssessorSubmissionContract)));
  const release = () =>
    void act(async () => {
      await apiCall('DELETE', `${path}/claim`, z.unknown());
      sub.reload();
    });
  const onDone = (updated: AssessorSubmission) => {
    sub.setData(updated);
    setJustReviewed(true);
    void invalidateApi(queuePath);
  };

  const settling = s.canSettle && s.state === 'disputed';
  const reviewing = s.canReview && !settling;
  const nothingToDo = !reviewing && !settling && !s.canClaim;
  const done = doneMessage(s, justReviewed);

  return (
    <>
      <PageTitle title={`Review · ${s.achievement.name}`}>{s.achievement.name}</PageTitle>
      <Group gap="sm" mb="md">
        <SubmissionStateBadge state={s.state} />
        <Text size="sm">
          {s.learnerLabel} · version {s.version} · attempt {s.attempt}
        </Text>
        {s.doubleScored ? (
          <Badge variant="outline" styles={FULL_LABEL_BADGE}>
            Double-scored
          </Badge>
        ) : null}
      </Group>
      <ProblemAlert problem={problem} />
      {nothingToDo ? (
        <Alert variant="outline" color={s.state === 'passed' ? 'teal.9' : 'blue.9'} mb="md" title={done.title} ref={doneRef} tabIndex={-1}>
          <Text size="sm">{done.body}</Text>
          <NextActions orgSlug={org.slug} />
        </Alert>
      ) : null}
      {s.canClaim && !settling ? (
        <Alert variant="outline" color="blue.9" mb="md" title="Claim it to score it">
          <Text mb="xs" size="sm">
            Claiming reserves this review for you for 24 hours.
          </Text>
          <Button onClick={claim} loading={claiming}>
            Claim this submission
          </Button>
        </Alert>
      ) : null}
      {reviewing ? (
        <Group mb="md" gap="sm">
          <Text size="sm">Claimed by you{s.claim.expiresAt ? ` until ${formatDateTime(s.claim.expiresAt)}` : ''}.</Text>
          <Button variant="subtle" size="xs" onClick={release} loading={claiming}>
            Release my claim
          </Button>
        </Group>
      ) : null}
      {settling ? (
        <Alert variant="outline" color="grape.9" mb="md" title="The two reviews disagree">
          As an owner, read both reviews and settle the decision.
        </Alert>
      ) : null}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <section aria-labelledby="evidence-title">
              <Title order={2} size="h3" id="evidence-title" mb="sm">
                Evidence
              </Title>
              <EvidencePanel s={s} />
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
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Box
            component="aside"
            aria-label={reviewing || settling ? 'Scoring' : 'Rubric'}
            pos={{ base: 'static', md: 'sticky' }}
            top={{ base: 'auto', md: 80 }}
            mah={{ base: 'none', md: 'calc(100dvh - 96px)' }}
            tabIndex={reviewing || settling ? undefined : 0}
            style={{ overflowY: 'auto', paddingRight: 4 }}
          >
            {reviewing ? <ScoringForm key={`${s.id}-${s.attempt}`} s={s} mode="review" orgSlug={org.slug} onDone={onDone} /> : null}
            {settling ? <ScoringForm key={`${s.id}-settle`} s={s} mode="settle" orgSlug={org.slug} onDone={onDone} /> : null}
            {!reviewing && !settling ? <RubricPanel s={s} /> : null}
          </Box>
        </Grid.Col>
      </Grid>
    </>
  );
}
