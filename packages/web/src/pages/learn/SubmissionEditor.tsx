/** The learner's workspace for one micro-credential: evidence with autosave, submit, feedback, history. */
import { WARNING } from '../../theme';
import { Alert, Anchor, Button, FileInput, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { HttpUrl, LIMITS } from '@tessera/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { Link, useParams } from 'react-router';
import { AchievementView, Prose, kindLabel } from '../../components/AchievementView';
import { FileLink } from '../../components/EvidenceDisplay';
import { PageTitle } from '../../components/PageTitle';
import { ReviewView } from '../../components/ReviewView';
import { SubmissionStateBadge } from '../../components/SubmissionState';
import { ErrorState, LoadingState } from '../../components/states';
import { ApiError, api, errorMessage, uploadFile } from '../../lib/api';
import { formatDateTime } from '../../lib/links';
import type { FileInfo, Submission } from '../../lib/types';
import { useResource } from '../../lib/useResource';

type Requirement = Submission['achievement']['evidenceRequirements'][number];
type Item = Submission['evidence'][number];
type Kind = Requirement['kinds'][number];
type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

const AUTOSAVE_MS = 800;

interface ItemProps {
  index: number;
  submissionId: string;
  requirement: Requirement;
  item: Item | undefined;
  editable: boolean;
  onSaved: (s: Submission) => void;
  registerFlush: (id: string, flush: (() => Promise<boolean>) | null) => void;
}

function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? `Saved ${formatDateTime(state.at)}` : state.kind === 'error' ? `Not saved: ${state.message}` : '';
  return (
    <Text size="sm" c={state.kind === 'error' ? 'red.9' : 'dimmed'} role="status" aria-live="polite">
      {text}
    </Text>
  );
}

/** Edits one evidence item; text and links save themselves shortly after typing stops. */
function EvidenceEditor({ index, submissionId, requirement, item, editable, onSaved, registerFlush }: ItemProps) {
  const [kind, setKind] = useState<Kind>(item?.kind ?? requirement.kinds[0] ?? 'text');
  const [text, setText] = useState(item?.text ?? '');
  const [url, setUrl] = useState(item?.url ?? '');
  const [file, setFile] = useState<FileInfo | null>(item?.file ?? null);
  const [save, setSave] = useState<SaveState>(item ? { kind: 'saved', at: item.updatedAt } : { kind: 'idle' });
  const [urlError, setUrlError] = useState<string | null>(null);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ kind, text, url, file });
  latest.current = { kind, text, url, file };

  const persist = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current) return true;
    const v = latest.current;
    const body: Record<string, string> = { kind: v.kind };
    if (v.kind === 'text') body.text = v.text;
    else if (v.kind === 'link' || (v.kind === 'video' && !v.file)) {
      if (!v.url.trim()) return true;
      // The link becomes an IRI in the signed credential: check it with the same schema as the API.
      const link = HttpUrl.safeParse(v.url);
      if (!link.success) {
        const message = link.error.issues[0]?.message ?? 'Enter a valid URL';
        setUrlError(message);
        setSave({ kind: 'error', message });
        return false;
      }
      body.url = link.data;
      if (v.text.trim()) body.text = v.text;
    } else {
      if (!v.file) return true;
      body.fileId = v.file.id;
      if (v.text.trim()) body.text = v.text;
    }
    dirty.current = false;
    setSave({ kind: 'saving' });
    try {
      const s = await api<Submission>('PUT', `/me/submissions/${submissionId}/evidence/${requirement.id}`, { body });
      const saved = s.evidence.find((e) => e.requirementId === requirement.id);
      setSave({ kind: 'saved', at: saved?.updatedAt ?? new Date().toISOString() });
      setUrlError(null);
      onSaved(s);
      return true;
    } catch (err) {
      dirty.current = true;
      const fieldError = err instanceof ApiError ? err.problem.errors?.find((e) => e.path === 'url')?.message : undefined;
      if (fieldError) setUrlError(fieldError);
      setSave({ kind: 'error', message: fieldError ?? errorMessage(err) });
      return false;
    }
  }, [submissionId, requirement.id, onSaved]);

  useEffect(() => {
    registerFlush(requirement.id, persist);
    return () => registerFlush(requirement.id, null);
  }, [registerFlush, requirement.id, persist]);

  const changed = () => {
    dirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void persist(), AUTOSAVE_MS);
  };
  const onTextChange = (e: ChangeEvent<HTMLTextAreaElement>) => {
    setText(e.currentTarget.value);
    changed();
  };

  const onFile = async (f: File | null) => {
    if (!f) return;
    if (f.size > LIMITS.evidenceFileBytes) {
      setSave({ kind: 'error', message: `The file is larger than ${Math.round(LIMITS.evidenceFileBytes / 1024 / 1024)} MB` });
      return;
    }
    setSave({ kind: 'saving' });
    try {
      const stored = await uploadFile<FileInfo>(f, 'evidence');
      setFile(stored);
      latest.current = { ...latest.current, file: stored };
      dirty.current = true;
      await persist();
    } catch (err) {
      setSave({ kind: 'error', message: errorMessage(err) });
    }
  };

  const idBase = `evidence-${requirement.id}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${idBase}-title`}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={3} size="h5" id={`${idBase}-title`}>
          Evidence {index + 1} {requirement.required ? '' : '(optional)'}
        </Title>
        <SaveStatus state={save} />
      </Group>
      <Prose>{requirement.prompt}</Prose>
      {!editable ? (
        <Text size="sm" mt="xs" c="dimmed">
          {item ? 'This evidence supports criteria you have already met, so it stays as assessed.' : 'This cannot be changed now.'}
        </Text>
      ) : null}
      <Stack gap="sm" mt="sm">
        {requirement.kinds.length > 1 ? (
          <SegmentedControl
            aria-label={`Kind of evidence ${index + 1}`}
            value={kind}
            onChange={(v) => {
              setKind(v as Kind);
              changed();
            }}
            data={requirement.kinds.map((k) => ({ value: k, label: kindLabel(k) }))}
            disabled={!editable}
          />
        ) : null}
        {kind === 'text' ? (
          <Textarea
            label={`Your response for evidence ${index + 1}`}
            autosize
            minRows={5}
            maxLength={50_000}
            value={text}
            onChange={onTextChange}
            onBlur={() => void persist()}
            disabled={!editable}
          />
        ) : null}
        {kind === 'link' || kind === 'video' ? (
          <TextInput
            type="url"
            label={kind === 'video' ? `Video link for evidence ${index + 1} (or upload a file below)` : `Link for evidence ${index + 1}`}
            placeholder="https://"
            value={url}
            onChange={(e) => {
              setUrl(e.currentTarget.value);
              setUrlError(null);
              changed();
            }}
            onBlur={() => void persist()}
            disabled={!editable}
            error={urlError}
          />
        ) : null}
        {kind === 'file' || kind === 'video' ? (
          <>
            {file ? <FileLink file={file} /> : null}
            <FileInput
              label={`${file ? 'Replace the file' : 'Upload a file'} for evidence ${index + 1}`}
              description={`Up to ${Math.round(LIMITS.evidenceFileBytes / 1024 / 1024)} MB. PDF, images, office documents, text, audio or video.`}
              placeholder="Choose a file"
              accept={kind === 'video' ? 'video/*' : undefined}
              onChange={(f) => void onFile(f)}
              disabled={!editable}
              clearable={false}
            />
          </>
        ) : null}
        {kind !== 'text' ? (
          <Textarea
            label={`Note for the assessor (optional) for evidence ${index + 1}`}
            autosize
            minRows={2}
            value={text}
            onChange={onTextChange}
            onBlur={() => void persist()}
            disabled={!editable}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

function editableFor(s: Submission, r: Requirement): boolean {
  if (s.state === 'draft') return true;
  if (s.state !== 'needs_revision') return false;
  const item = s.evidence.find((e) => e.requirementId === r.id);
  if (item) return item.editable;
  return r.criterionIds.length === 0 || r.criterionIds.some((c) => s.openCriterionIds.includes(c));
}

/** The submission screen. */
export function SubmissionEditorPage() {
  const { id = '' } = useParams();
  const sub = useResource<Submission>(`/me/submissions/${encodeURIComponent(id)}`);
  const flushers = useRef(new Map<string, () => Promise<boolean>>());
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const { setData } = sub;
  const onSaved = useCallback((s: Submission) => setData(s), [setData]);
  const registerFlush = useCallback((rid: string, flush: (() => Promise<boolean>) | null) => {
    if (flush) flushers.current.set(rid, flush);
    else flushers.current.delete(rid);
  }, []);

  if (sub.status === 'loading') return <LoadingState label="Loading your submission…" />;
  if (sub.status === 'error') return <ErrorState error={sub.error} onRetry={sub.reload} />;
  const s = sub.data;
  const content = s.achievement;
  const canEdit = s.state === 'draft' || s.state === 'needs_revision';
  const latestAttemptReviews = s.reviews.filter((r) => r.attempt === Math.max(0, ...s.reviews.map((x) => x.attempt)));

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    const results = await Promise.all([...flushers.current.values()].map((f) => f()));
    if (results.some((ok) => !ok)) {
      setSubmitError('Some evidence could not be saved. Fix it and try again.');
      setSubmitting(false);
      return;
    }
    try {
      setData(await api<Submission>('POST', `/me/submissions/${s.id}/submit`));
    } catch (err) {
      setSubmitError(errorMessage(err));
    }
    setSubmitting(false);
  };

  return (
    <>
      <PageTitle title={content.name}>{content.name}</PageTitle>
      <Group gap="sm" mb="md">
        <SubmissionStateBadge state={s.state} />
        <Text size="sm">
          Attempt {Math.max(1, s.attempt)} of {s.maxAttempts} · {s.issuer.name} · version {s.version}
        </Text>
      </Group>
      {s.state === 'passed' ? (
        <Alert color="teal.9" variant="outline" title="You earned this micro-credential" mb="md">
          <Text>
            {s.issuance === 'issued' ? (
              <>
                Your credential is signed and ready. <Anchor component={Link} to="/me/credentials">See my credentials</Anchor>
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
          Submitted {s.submittedAt ? formatDateTime(s.submittedAt) : ''}. You will be told in the app and by email when it has been reviewed.
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
        {canEdit ? <Text size="sm" mb="sm">Your work saves as you type. You can leave and come back at any time.</Text> : null}
        <Stack gap="md">
          {content.evidenceRequirements.map((r, i) => (
            <EvidenceEditor
              key={r.id}
              index={i}
              submissionId={s.id}
              requirement={r}
              item={s.evidence.find((e) => e.requirementId === r.id)}
              editable={editableFor(s, r)}
              onSaved={onSaved}
              registerFlush={registerFlush}
            />
          ))}
        </Stack>
      </section>
      {canEdit ? (
        <Stack gap="xs" mt="lg">
          {submitError ? (
            <Alert color="red.9" variant="outline" role="alert" title="Not submitted">
              {submitError}
            </Alert>
          ) : null}
          <Group>
            <Button onClick={() => void submit()} loading={submitting}>
              {s.state === 'needs_revision' ? 'Resubmit for assessment' : 'Submit for assessment'}
            </Button>
          </Group>
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
                  <Table.Td>{{ pending: 'Waiting for review', pass: 'Passed', needs_revision: 'Needs revision', disputed: 'Being settled' }[a.outcome]}</Table.Td>
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
          <AchievementView content={content} issuer={s.issuer} imageUrl={`/media/achievements/${s.achievementId}/image`} version={s.version} />
        </div>
      </details>
    </>
  );
}
