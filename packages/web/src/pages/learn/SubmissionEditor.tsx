/** The learner's workspace for one micro-credential: evidence with autosave, submit after a confirmation, feedback, history. */
import { WARNING } from '../../theme';
import { Alert, Anchor, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { Submission as SubmissionContract } from '@tessera/shared';
import { useCallback, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { AchievementView } from '../../components/AchievementView';
import { PageTitle } from '../../components/PageTitle';
import { ReviewView } from '../../components/ReviewView';
import { SubmissionStateBadge } from '../../components/SubmissionState';
import { ErrorState, LoadingState } from '../../components/states';
import { ApiError, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/links';
import { apiCall, invalidateApi, useApiQuery } from '../../lib/query';
import type { Submission } from '../../lib/types';
import { EvidenceEditor } from './submission/EvidenceEditor';
import type { Requirement } from './submission/evidence-rules';
import { missingEvidence } from './submission/evidence-rules';
import { SubmitDialog } from './submission/SubmitDialog';

function editableFor(s: Submission, r: Requirement): boolean {
  if (s.state === 'draft') return true;
  if (s.state !== 'needs_revision') return false;
  const item = s.evidence.find((e) => e.requirementId === r.id);
  if (item) return item.editable;
  return r.criterionIds.length === 0 || r.criterionIds.some((c) => s.openCriterionIds.includes(c));
}

/**
 * Why the evidence cannot change, in words true for the submission's state (never "already met" before any
 * review): said once above the items, except in a revision, where each fixed item says why it is fixed.
 */
function readOnlyNote(s: Submission): { page: string | null; item: string | null } {
  switch (s.state) {
    case 'draft':
      return { page: null, item: null };
    case 'needs_revision':
      return { page: null, item: 'You met the criteria this evidence supports, so it stays as assessed.' };
    case 'submitted':
    case 'in_review':
    case 'disputed':
      return { page: 'Submitted: your evidence cannot change while the assessors review it.', item: null };
    case 'passed':
      return { page: 'Your evidence as it was assessed.', item: null };
    default:
      return { page: 'Your evidence as it was assessed in your last attempt.', item: null };
  }
}

/** The first words of the passed banner, which must not celebrate a credential that was since withdrawn. */
const WITHDRAWN: Record<'revoked' | 'suspended' | 'expired', string> = {
  revoked:
    'Your credential for this micro-credential was revoked by its issuer. It no longer verifies; see the reason in your credentials.',
  suspended:
    'Your credential for this micro-credential is suspended by its issuer for now. It does not verify while suspended; see the reason in your credentials.',
  expired: 'Your credential for this micro-credential has expired.',
};

/** The submission screen. */
export function SubmissionEditorPage() {
  const { id = '' } = useParams();
  const path = `/me/submissions/${encodeURIComponent(id)}`;
  const sub = useApiQuery(path, SubmissionContract);
  const flushers = useRef(new Map<string, () => Promise<boolean>>());
  const cards = useRef(new Map<string, HTMLElement>());
  const latest = useRef<Submission | null>(null);
  const [phase, setPhase] = useState<'idle' | 'saving' | 'confirm' | 'sending'>('idle');
  const [checked, setChecked] = useState(false);
  const [submitError, setSubmitError] = useState<{ title: string; detail: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { setData } = sub;
  if (sub.status === 'ok') latest.current = sub.data;
  const onSaved = useCallback(
    (s: Submission) => {
      latest.current = s;
      setData(s);
    },
    [setData],
  );
  const registerFlush = useCallback((rid: string, flush: (() => Promise<boolean>) | null) => {
    if (flush) flushers.current.set(rid, flush);
    else flushers.current.delete(rid);
  }, []);
  const cardRef = useCallback((rid: string, el: HTMLElement | null) => {
    if (el) cards.current.set(rid, el);
    else cards.current.delete(rid);
  }, []);
  const focusCard = useCallback((rid: string) => {
    const el = cards.current.get(rid);
    if (!el) return;
    el.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
    el.focus({ preventScroll: true });
  }, []);

  if (sub.status === 'loading') return <LoadingState label="Loading your submission…" />;
  if (sub.status === 'error') return <ErrorState error={sub.error} onRetry={sub.reload} />;
  const s = sub.data;
  const content = s.achievement;
  const canEdit = s.state === 'draft' || s.state === 'needs_revision';
  const latestAttemptReviews = s.reviews.filter((r) => r.attempt === Math.max(0, ...s.reviews.map((x) => x.attempt)));
  const missing = checked && canEdit ? missingEvidence(s) : [];
  const notes = readOnlyNote(s);
  const withdrawn = s.state === 'passed' && s.credentialStatus && s.credentialStatus !== 'active' ? s.credentialStatus : null;

  /** Save everything, name what is missing, then ask for confirmation. */
  const startSubmit = async () => {
    setSubmitError(null);
    setNotice(null);
    setPhase('saving');
    const results = await Promise.all([...flushers.current.entries()].map(async ([rid, flush]) => ({ rid, ok: await flush() })));
    const failed = content.evidenceRequirements.flatMap((r, i) =>
      results.some((x) => x.rid === r.id && !x.ok) ? [{ rid: r.id, n: i + 1 }] : [],
    );
    const first = failed[0];
    if (first) {
      setSubmitError({
        title: 'Not submitted',
        detail: `Evidence ${failed.map((f) => f.n).join(', ')} could not be saved. Fix what its card says and try again.`,
      });
      setPhase('idle');
      focusCard(first.rid);
      return;
    }
    setChecked(true);
    const lacking = missingEvidence(latest.current ?? s);
    const firstMissing = lacking[0];
    if (firstMissing) {
      setPhase('idle');
      focusCard(firstMissing.requirement.id);
      return;
    }
    setPhase('confirm');
  };

  const confirmSubmit = async () => {
    setPhase('sending');
    try {
      const next = await apiCall('POST', `/me/submissions/${s.id}/submit`, SubmissionContract);
      latest.current = next;
      setData(next);
      void invalidateApi('/me/submissions');
      setPhase('idle');
      setChecked(false);
      setNotice(`Submitted ${next.submittedAt ? formatDateTime(next.submittedAt) : ''}. The assessors have your evidence.`);
    } catch (err) {
      setPhase('idle');
      // The server names missing items as `evidence.<requirementId>`: show them on their cards.
      const paths = err instanceof ApiError ? (err.problem.errors ?? []).map((e) => e.path) : [];
      const firstId = paths.find((p) => p.startsWith('evidence.'))?.slice('evidence.'.length);
      if (firstId) {
        setChecked(true);
        sub.reload();
        focusCard(firstId);
      }
      setSubmitError({ title: 'Not submitted', detail: errorMessage(err) });
    }
  };

  return (
    <>
      <PageTitle title={content.name}>{content.name}</PageTitle>
      <Group gap="sm" mb="md">
        <SubmissionStateBadge state={s.state} credentialStatus={s.credentialStatus} />
        <Text size="sm">
          Attempt {Math.max(1, s.attempt)} of {s.maxAttempts} · {s.issuer.name} · version {s.version}
        </Text>
      </Group>
      {withdrawn ? (
        <Alert color={withdrawn === 'revoked' ? 'red.9' : WARNING} variant="outline" title={`Passed — credential ${withdrawn}`} mb="md">
          <Text>
            {WITHDRAWN[withdrawn]}{' '}
            <Anchor component={Link} to="/me/credentials">
              See my credentials
            </Anchor>
          </Text>
        </Alert>
      ) : null}
      {s.state === 'passed' && !withdrawn ? (
        <Alert color="teal.9" variant="outline" title="You earned this micro-credential" mb="md">
          <Text>
            {s.issuance === 'issued' ? (
              <>
                Your credential is signed and ready.{' '}
                <Anchor component={Link} to="/me/credentials">
                  See my credentials
                </Anchor>
              </>
            ) : s.issuance === 'failed' ? (
              'Your credential could not be signed yet. The organisation’s owners have been shown the problem and can try again; it will appear in your credentials once it is signed.'
            ) : (
              'Your credential is being signed. Reload this page in a little while to see it in your credentials.'
            )}
          </Text>
        </Alert>
      ) : null}
      {s.state === 'needs_revision' ? (
        <Alert color={WARNING} variant="outline" title="Revise and resubmit" mb="md">
          Read the feedback below. Only the evidence for criteria not yet met can change; everything else stays as assessed.
        </Alert>
      ) : null}
      {s.state === 'submitted' || s.state === 'in_review' || s.state === 'disputed' ? (
        <Alert color="blue.9" variant="outline" title="With the assessors" mb="md">
          Submitted {s.submittedAt ? formatDateTime(s.submittedAt) : ''}. You will be told in the app and by email when it has been
          reviewed.
        </Alert>
      ) : null}
      {s.state === 'not_passed' ? (
        <Alert color="red.9" variant="outline" title="Not passed" mb="md">
          All {s.maxAttempts} attempts have been used.
        </Alert>
      ) : null}

      {latestAttemptReviews.length > 0 && s.state !== 'submitted' && s.state !== 'in_review' ? (
        <section aria-labelledby="feedback-title">
          <Title order={2} size="h3" id="feedback-title" mb="sm">
            Feedback
          </Title>
          <Stack gap="sm" mb="lg">
            {latestAttemptReviews.map((r) => (
              <ReviewView key={r.id} review={r} content={content} />
            ))}
          </Stack>
        </section>
      ) : null}

      <section aria-labelledby="evidence-title">
        <Title order={2} size="h3" id="evidence-title" mb="sm">
          Your evidence
        </Title>
        {canEdit ? (
          <Text size="sm" mb="sm">
            Your work saves as you type. You can leave and come back at any time.
          </Text>
        ) : null}
        {notes.page ? (
          <Text size="sm" mb="sm">
            {notes.page}
          </Text>
        ) : null}
        <Stack gap="md">
          {content.evidenceRequirements.map((r, i) => (
            <EvidenceEditor
              key={r.id}
              index={i}
              submissionId={s.id}
              requirement={r}
              item={s.evidence.find((e) => e.requirementId === r.id)}
              editable={editableFor(s, r)}
              readOnlyNote={notes.item}
              missing={missing.find((m) => m.requirement.id === r.id)?.message ?? null}
              onSaved={onSaved}
              registerFlush={registerFlush}
              cardRef={cardRef}
            />
          ))}
        </Stack>
      </section>
      <Text size="sm" role="status" aria-live="polite" mt={notice ? 'md' : 0}>
        {notice ?? ''}
      </Text>
      {canEdit ? (
        <Stack gap="xs" mt="lg">
          {missing.length > 0 ? (
            <Alert
              color="red.9"
              variant="outline"
              role="alert"
              title={missing.length === 1 ? 'One required item is missing' : `${missing.length} required items are missing`}
            >
              <List size="sm" spacing={4}>
                {missing.map((m) => (
                  <List.Item key={m.requirement.id}>
                    <Anchor component="button" type="button" size="sm" onClick={() => focusCard(m.requirement.id)}>
                      {m.message}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          {submitError ? (
            <Alert color="red.9" variant="outline" role="alert" title={submitError.title}>
              {submitError.detail}
            </Alert>
          ) : null}
          <Group gap="sm">
            <Button onClick={() => void startSubmit()} loading={phase === 'saving'} disabled={phase === 'sending' || phase === 'confirm'}>
              {s.state === 'needs_revision' ? 'Resubmit for assessment' : 'Submit for assessment'}
            </Button>
            {phase === 'saving' ? (
              <Text size="sm" role="status">
                Saving your evidence…
              </Text>
            ) : null}
          </Group>
          <SubmitDialog
            submission={s}
            opened={phase === 'confirm' || phase === 'sending'}
            sending={phase === 'sending'}
            onCancel={() => setPhase('idle')}
            onConfirm={() => void confirmSubmit()}
          />
        </Stack>
      ) : null}

      {s.attempts.length > 0 ? (
        <section aria-labelledby="history-title" style={{ marginTop: 32 }}>
          <Title order={2} size="h3" id="history-title" mb="sm">
            History
          </Title>
          <Table withTableBorder>
            <caption className="visually-hidden">Attempts</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Attempt</Table.Th>
                <Table.Th scope="col">Submitted</Table.Th>
                <Table.Th scope="col">Outcome</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.attempts.map((a) => (
                <Table.Tr key={a.number}>
                  <Table.Td>{a.number}</Table.Td>
                  <Table.Td>{formatDateTime(a.submittedAt)}</Table.Td>
                  <Table.Td>
                    {
                      { pending: 'Waiting for review', pass: 'Passed', needs_revision: 'Needs revision', disputed: 'Being settled' }[
                        a.outcome
                      ]
                    }
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {s.reviews.length > latestAttemptReviews.length ? (
            <Stack gap="sm" mt="md">
              <Title order={3} size="h4">
                Earlier feedback
              </Title>
              {s.reviews
                .filter((r) => !latestAttemptReviews.includes(r))
                .map((r) => (
                  <ReviewView key={r.id} review={r} content={content} headingLevel={4} />
                ))}
            </Stack>
          ) : null}
        </section>
      ) : null}

      <details style={{ marginTop: 32 }}>
        <summary>
          <Text component="span" fw={600}>
            About this micro-credential
          </Text>
        </summary>
        <div style={{ marginTop: 16 }}>
          <AchievementView
            content={content}
            issuer={s.issuer}
            imageUrl={`/media/achievements/${s.achievementId}/image`}
            version={s.version}
          />
        </div>
      </details>
    </>
  );
}
