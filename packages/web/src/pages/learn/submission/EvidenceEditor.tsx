/** One evidence item of a submission: editable with autosave, or shown as readable content once it cannot change. */
import { Button, FileInput, Group, Modal, Paper, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { FileInfo, HttpUrl, LIMITS, Submission } from '@tessera/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeEvent, ClipboardEvent, ReactNode } from 'react';
import { Prose, kindLabel } from '../../../components/AchievementView';
import { EvidenceContent, FileLink } from '../../../components/EvidenceDisplay';
import { ApiError, errorMessage, uploadFile } from '../../../lib/api';
import { formatDateTime } from '../../../lib/links';
import { apiCall, parseResponse } from '../../../lib/query';
import type { Submission as SubmissionData } from '../../../lib/types';
import type { Draft, Item, Kind, Part, Requirement } from './evidence-rules';
import {
  complete,
  counterText,
  describeItem,
  droppedBySwitch,
  hasContent,
  overLimitMessage,
  partWords,
  pasteRefusal,
} from './evidence-rules';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

const AUTOSAVE_MS = 800;
const MB = Math.round(LIMITS.evidenceFileBytes / 1024 / 1024);

/** Props of {@link EvidenceEditor}. */
export interface EvidenceEditorProps {
  index: number;
  submissionId: string;
  requirement: Requirement;
  item: Item | undefined;
  editable: boolean;
  /** Why a read-only item cannot change, in words that fit the submission's state (null when the page says it once for all). */
  readOnlyNote: string | null;
  /** The "missing" message after a submit attempt, or null. */
  missing: string | null;
  onSaved: (s: SubmissionData) => void;
  /** Lets the page save every item before submitting (the flush resolves false when the item could not be saved). */
  registerFlush: (id: string, flush: (() => Promise<boolean>) | null) => void;
  /** The card's element, so the page can move focus to it. */
  cardRef: (id: string, el: HTMLElement | null) => void;
}

function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? `Saved ${formatDateTime(state.at)}`
        : state.kind === 'error'
          ? `Not saved: ${state.message}`
          : '';
  return (
    <Text size="sm" c={state.kind === 'error' ? 'red.9' : 'dimmed'} role="status" aria-live="polite">
      {text}
    </Text>
  );
}

/** The card frame shared by both modes: heading, prompt, the missing message, and focus target for the page. */
function Card({
  idBase,
  index,
  requirement,
  missing,
  aside,
  cardRef,
  children,
}: {
  idBase: string;
  index: number;
  requirement: Requirement;
  missing: string | null;
  aside?: ReactNode;
  cardRef: (el: HTMLElement | null) => void;
  children: ReactNode;
}) {
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby={`${idBase}-title`}
      aria-describedby={missing ? `${idBase}-missing` : undefined}
      tabIndex={-1}
      ref={cardRef}
      style={missing ? { borderColor: 'var(--mantine-color-red-9)', borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" align="flex-start" mb="xs" gap="xs">
        <Title order={3} size="h5" id={`${idBase}-title`}>
          Evidence {index + 1} {requirement.required ? '' : '(optional)'}
        </Title>
        {aside}
      </Group>
      <Prose>{requirement.prompt}</Prose>
      {missing ? (
        <Text id={`${idBase}-missing`} c="red.9" fw={600} size="sm" mt="xs">
          {missing}
        </Text>
      ) : null}
      {children}
    </Paper>
  );
}

/** A limited textarea: a live counter, a refused over-limit paste, and a message (never a silent cut). */
function LimitedTextarea({
  label,
  value,
  minRows,
  onChange,
  onBlur,
  error,
  acceptsFile,
  onRefused,
}: {
  label: string;
  value: string;
  minRows: number;
  onChange: (v: string) => void;
  onBlur: () => void;
  error: string | null;
  acceptsFile: boolean;
  onRefused: (message: string) => void;
}) {
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const el = e.currentTarget;
    const refusal = pasteRefusal(el.value, el.selectionStart, el.selectionEnd, e.clipboardData.getData('text'), acceptsFile);
    if (refusal) {
      e.preventDefault();
      onRefused(refusal);
    }
  };
  return (
    <Textarea
      label={label}
      autosize
      minRows={minRows}
      maxRows={24}
      value={value}
      onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange(e.currentTarget.value)}
      onPaste={onPaste}
      onBlur={onBlur}
      description={counterText(value.length)}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={error}
    />
  );
}

/** Edits one evidence item (text and links save themselves shortly after typing stops), or shows it read-only. */
export function EvidenceEditor({
  index,
  submissionId,
  requirement,
  item,
  editable,
  readOnlyNote,
  missing,
  onSaved,
  registerFlush,
  cardRef,
}: EvidenceEditorProps) {
  const [kind, setKind] = useState<Kind>(item?.kind ?? requirement.kinds[0] ?? 'text');
  const [text, setText] = useState(item?.text ?? '');
  const [url, setUrl] = useState(item?.url ?? '');
  const [file, setFile] = useState<FileInfo | null>(item?.file ?? null);
  const [save, setSave] = useState<SaveState>(item ? { kind: 'saved', at: item.updatedAt } : { kind: 'idle' });
  const [urlError, setUrlError] = useState<string | null>(null);
  const [textError, setTextError] = useState<string | null>(null);
  const [switching, setSwitching] = useState<{ to: Kind; drops: Part[] } | null>(null);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ kind, text, url, file });
  latest.current = { kind, text, url, file };
  const rid = requirement.id;
  const ref = useCallback((el: HTMLElement | null) => cardRef(rid, el), [cardRef, rid]);

  const persist = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current) return true;
    const v = latest.current;
    const tooLong = overLimitMessage(v.text.length);
    if (tooLong) {
      setTextError(tooLong);
      setSave({ kind: 'error', message: 'the text is too long' });
      return false;
    }
    // A kind without its main content yet (a file tab before any upload) leaves what is saved as it is.
    if (v.kind !== 'text' && !complete(v.kind, v)) return true;
    const body: { kind: Kind; text?: string; url?: string; fileId?: string } = { kind: v.kind };
    if (v.kind === 'text') body.text = v.text;
    else if (v.kind === 'link' || (v.kind === 'video' && !v.file)) {
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
    } else if (v.file) {
      body.fileId = v.file.id;
      if (v.text.trim()) body.text = v.text;
    }
    dirty.current = false;
    setSave({ kind: 'saving' });
    try {
      const s = await apiCall('PUT', `/me/submissions/${submissionId}/evidence/${rid}`, Submission, { body });
      const saved = s.evidence.find((e) => e.requirementId === rid);
      setSave({ kind: 'saved', at: saved?.updatedAt ?? new Date().toISOString() });
      setUrlError(null);
      onSaved(s);
      return true;
    } catch (err) {
      dirty.current = true;
      const fieldError =
        err instanceof ApiError ? err.problem.errors?.find((e) => e.path === 'url' || e.path === 'text')?.message : undefined;
      if (fieldError) setUrlError(fieldError);
      setSave({ kind: 'error', message: fieldError ?? errorMessage(err) });
      return false;
    }
  }, [submissionId, rid, onSaved]);

  useEffect(() => {
    if (!editable) return;
    registerFlush(rid, persist);
    return () => registerFlush(rid, null);
  }, [registerFlush, rid, persist, editable]);

  const changed = () => {
    dirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void persist(), AUTOSAVE_MS);
  };
  const onText = (value: string) => {
    setText(value);
    setTextError(overLimitMessage(value.length));
    changed();
  };

  const applySwitch = (to: Kind) => {
    setSwitching(null);
    setKind(to);
    latest.current = { ...latest.current, kind: to };
    // Saved only once the chosen kind has its content; until then the saved evidence stays as it is (and says so).
    if (complete(to, latest.current)) changed();
  };
  const onKind = (value: string) => {
    const to = requirement.kinds.find((k) => k === value);
    if (!to || to === kind) return;
    const drops = droppedBySwitch(kind, to, { text, url, file });
    if (drops.length > 0) setSwitching({ to, drops });
    else applySwitch(to);
  };

  const onFile = async (f: File | null) => {
    if (!f) return;
    if (f.size > LIMITS.evidenceFileBytes) {
      setSave({ kind: 'error', message: `the file is larger than ${MB} MB` });
      return;
    }
    setSave({ kind: 'saving' });
    try {
      const stored = parseResponse(FileInfo, await uploadFile(f, 'evidence'), '/files');
      setFile(stored);
      latest.current = { ...latest.current, file: stored };
      dirty.current = true;
      await persist();
    } catch (err) {
      setSave({ kind: 'error', message: errorMessage(err) });
    }
  };

  const idBase = `evidence-${rid}`;
  if (!editable) {
    return (
      <Card idBase={idBase} index={index} requirement={requirement} missing={missing} cardRef={ref}>
        {readOnlyNote ? (
          <Text size="sm" mt="xs" c="dimmed">
            {readOnlyNote}
          </Text>
        ) : null}
        <Paper bg="gray.0" p="sm" mt="sm" radius="sm" aria-label={`What you gave for evidence ${index + 1}`} component="div" role="group">
          {item && hasContent(item) ? (
            <EvidenceContent item={item} />
          ) : (
            <Text size="sm">Nothing given{requirement.required ? '' : ' (optional)'}.</Text>
          )}
        </Paper>
      </Card>
    );
  }

  const savedOther = item && hasContent(item) && item.kind !== kind && !complete(kind, { text, url, file }) ? item : null;
  const acceptsFile = requirement.kinds.includes('file') || requirement.kinds.includes('video');
  const draft: Draft = { text, url, file };
  return (
    <Card idBase={idBase} index={index} requirement={requirement} missing={missing} aside={<SaveStatus state={save} />} cardRef={ref}>
      <Stack gap="sm" mt="sm">
        {requirement.kinds.length > 1 ? (
          <SegmentedControl
            aria-label={`Kind of evidence ${index + 1}`}
            value={kind}
            onChange={onKind}
            data={requirement.kinds.map((k) => ({ value: k, label: kindLabel(k) }))}
          />
        ) : null}
        {savedOther ? (
          <Text size="sm" c="dimmed" className="wrap-anywhere">
            Saved now: {describeItem(savedOther)}. It stays until you give {kindLabel(kind).toLowerCase()} evidence here, which then
            replaces it.
          </Text>
        ) : null}
        {kind === 'text' ? (
          <LimitedTextarea
            label={`Your response for evidence ${index + 1}`}
            minRows={5}
            value={text}
            onChange={onText}
            onBlur={() => void persist()}
            error={textError}
            acceptsFile={acceptsFile}
            onRefused={setTextError}
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
            error={urlError}
            maxLength={LIMITS.urlMaxLength}
          />
        ) : null}
        {kind === 'file' || kind === 'video' ? (
          <>
            {file ? <FileLink file={file} /> : null}
            <FileInput
              label={`${file ? 'Replace the file' : 'Upload a file'} for evidence ${index + 1}`}
              description={
                kind === 'video' && url.trim()
                  ? `Up to ${MB} MB. Uploading a video replaces the link above.`
                  : `Up to ${MB} MB. ${kind === 'video' ? 'A video file.' : 'PDF, images, office documents, text, audio or video.'}`
              }
              placeholder="Choose a file"
              accept={kind === 'video' ? 'video/*' : undefined}
              value={null}
              onChange={(f) => void onFile(f)}
              clearable={false}
            />
          </>
        ) : null}
        {kind !== 'text' ? (
          <LimitedTextarea
            label={`Note for the assessor (optional) for evidence ${index + 1}`}
            minRows={2}
            value={text}
            onChange={onText}
            onBlur={() => void persist()}
            error={textError}
            acceptsFile={false}
            onRefused={setTextError}
          />
        ) : null}
      </Stack>
      <Modal
        opened={switching !== null}
        onClose={() => setSwitching(null)}
        title={switching ? `Switch evidence ${index + 1} to ${kindLabel(switching.to).toLowerCase()}?` : ''}
        centered
      >
        {switching ? (
          <Stack gap="sm">
            <Text size="sm" className="wrap-anywhere">
              Each evidence item keeps one kind of evidence. {kindLabel(switching.to)} evidence would replace{' '}
              {switching.drops.map((p) => partWords(p, draft)).join(' and ')}.
            </Text>
            <Text size="sm">Nothing is removed until you add the new evidence; you can switch back before that.</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSwitching(null)} data-autofocus>
                Keep {switching.drops[0] === 'file' ? 'my file' : switching.drops[0] === 'link' ? 'my link' : 'my text'}
              </Button>
              <Button onClick={() => applySwitch(switching.to)}>Switch to {kindLabel(switching.to).toLowerCase()}</Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Card>
  );
}
