/** The designer's editor: one form in sections, live publish checklist, preview, versions with comparison, publish, retire and duplicate. */
import { Alert, Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  Achievement as AchievementSchema,
  AchievementContent as ContentSchema,
  FileInfo as FileInfoSchema,
  LIMITS,
  contentUrlProblems,
  publishProblems,
} from '@tessera/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { AchievementView } from '../../components/AchievementView';
import { PageTitle } from '../../components/PageTitle';
import { ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { ApiError, errorMessage, uploadFile } from '../../lib/api';
import { apiFieldErrors, keepUnfixedErrors, problemsToErrors, valueAtPath } from '../../lib/forms';
import type { FieldErrors } from '../../lib/forms';
import { apiCall, invalidateApi, parseResponse, useApiQuery } from '../../lib/query';
import type { Achievement, AchievementContent, Problem } from '../../lib/types';
import { WARNING } from '../../theme';
import { AgreementPanel } from './achievement/AgreementPanel';
import { BasicsSection } from './achievement/BasicsSection';
import { CriteriaSection } from './achievement/CriteriaSection';
import { allProblems, emptyContent, focusField, saveErrors } from './achievement/editor-model';
import { RequiredLegend } from './achievement/parts';
import { CHECKLIST_HEADING_ID } from './achievement/PublishChecklist';
import { PublishDialog } from './achievement/PublishDialog';
import { PublishingSection } from './achievement/PublishingSection';
import { ResourcesSection } from './achievement/ResourcesSection';
import { RubricSection } from './achievement/RubricSection';
import { SkillsSection } from './achievement/SkillsSection';
import { UnsavedChangesGuard } from './achievement/UnsavedChangesGuard';
import { VersionsPanel } from './achievement/VersionsPanel';
import { useOrg } from './OrgLayout';
import { AchievementReviews } from '../recognition/AchievementReviews';

export { emptyContent } from './achievement/editor-model';

const STATUS = {
  published: { label: 'Published', color: 'teal.9' },
  retired: { label: 'Retired', color: 'gray.8' },
  draft: { label: 'Draft', color: 'blue.9' },
} as const;

/** A problem for a failure that is not an API answer. */
function clientProblem(error: unknown): Problem {
  return error instanceof ApiError
    ? error.problem
    : { type: 'about:blank', title: 'Something went wrong', status: 0, code: 'client_error', detail: errorMessage(error) };
}

function Editor({
  slug,
  achievement,
  brand,
  canEdit,
  initialNotice = null,
}: {
  slug: string;
  achievement: Achievement | null;
  brand: { name: string };
  canEdit: boolean;
  initialNotice?: string | null;
}) {
  const navigate = useNavigate();
  const initial = achievement?.draft ?? emptyContent();
  // Links the loaded draft holds from before today's URL rules are flagged at once, until they are fixed.
  const [staleUrls] = useState(() => (achievement ? contentUrlProblems(achievement.draft) : []));
  const form = useForm<AchievementContent>({
    mode: 'controlled',
    initialValues: initial,
    initialErrors: problemsToErrors(staleUrls),
    validate: saveErrors,
    clearInputErrorOnChange: false,
  });
  const [current, setCurrent] = useState<Achievement | null>(achievement);
  const [tab, setTab] = useState<string | null>('edit');
  const [notice, setNotice] = useState<string | null>(initialNotice);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Alignments are saved on their own; once changed, publishing has something new even when the content is the same.
  const [alignmentsChanged, setAlignmentsChanged] = useState(false);
  const [imageUrl, setImageUrl] = useState<string | null>(achievement?.imageUrl ?? null);
  const [imageError, setImageError] = useState<string | null>(null);
  // What was last saved (dirty = the form differs), and the values server-only errors were judged on.
  const saved = useRef(JSON.stringify(initial));
  const serverJudged = useRef(new Map<string, string>());
  const formRef = useRef(form);
  formRef.current = form;
  const base = `/orgs/${encodeURIComponent(slug)}/achievements`;

  // Focus moves after the commit that shows its target, and again after the first save's change of address (the
  // layout moves focus to the page on every new address; this runs after it).
  const location = useLocation();
  const [focusRequest, setFocusRequest] = useState<{ focus: () => void } | null>(null);
  const focusedOnce = useRef(false);
  useEffect(() => {
    focusedOnce.current = false;
  }, [focusRequest]);
  useEffect(() => {
    if (!focusRequest) return;
    const timer = window.setTimeout(() => {
      // Once focus has moved, move it again only if the layout took it (never away from where the person went).
      const active = document.activeElement;
      if (focusedOnce.current && active !== document.body && active?.tagName !== 'MAIN') return;
      focusedOnce.current = true;
      focusRequest.focus();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [focusRequest, location.pathname]);

  const isDirty = useCallback(() => JSON.stringify(formRef.current.getValues()) !== saved.current, []);
  const dirty = JSON.stringify(form.values) !== saved.current;

  // A message goes as soon as its field is fixed; fields not yet complained about stay quiet while typing.
  useEffect(() => {
    const f = formRef.current;
    if (Object.keys(f.errors).length === 0) return;
    const next = keepUnfixedErrors({
      shown: f.errors,
      found: allProblems(f.values),
      serverValues: serverJudged.current,
      valueAt: (p) => valueAtPath(f.values, p),
    });
    if (JSON.stringify(next) !== JSON.stringify(f.errors)) f.setErrors(next);
  }, [form.values]);

  /** Show field errors and move to the first one. */
  const showErrors = (errors: FieldErrors, fromServer: boolean) => {
    const values = formRef.current.getValues();
    if (fromServer)
      for (const path of Object.keys(errors)) serverJudged.current.set(path, JSON.stringify(valueAtPath(values, path) ?? null));
    formRef.current.setErrors(errors);
    const first = Object.keys(errors)[0];
    if (first) setFocusRequest({ focus: () => void focusField(first) });
  };

  /** Save the draft (create it the first time); resolves the saved micro-credential, or null with errors shown. */
  const save = async (): Promise<Achievement | null> => {
    setFocusRequest(null);
    setNotice(null);
    setProblem(null);
    const values = formRef.current.getValues();
    const parsed = ContentSchema.safeParse(values);
    if (!parsed.success) {
      showErrors(saveErrors(values), false);
      return null;
    }
    setBusy(true);
    try {
      const a = current
        ? await apiCall('PUT', `${base}/${current.id}`, AchievementSchema, { body: parsed.data })
        : await apiCall('POST', base, AchievementSchema, { body: parsed.data });
      saved.current = JSON.stringify(values);
      setCurrent(a);
      setImageUrl(`${a.imageUrl}?v=${encodeURIComponent(a.updatedAt)}`);
      void invalidateApi(base);
      // Give the new draft its own URL; the page keeps this editor (and its state) for it.
      if (!current) void navigate(`/orgs/${slug}/achievements/${a.id}`, { replace: true, state: { created: a } });
      return a;
    } catch (error) {
      setProblem(clientProblem(error));
      showErrors(apiFieldErrors(error), true);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    if (await save()) setNotice('Draft saved.');
  };

  /** Publishing: save, check every publish rule (the checklist), then ask for confirmation. */
  const onPublish = async () => {
    const a = await save();
    if (!a) return;
    const problems = publishProblems(formRef.current.getValues());
    if (problems.length > 0) {
      formRef.current.setErrors(problemsToErrors(problems));
      setNotice('Draft saved. It cannot be published yet: the checklist shows what is missing.');
      setFocusRequest({ focus: () => document.getElementById(CHECKLIST_HEADING_ID)?.focus() });
      return;
    }
    setConfirming(true);
  };

  const confirmPublish = async () => {
    if (!current) return;
    setBusy(true);
    setProblem(null);
    try {
      const published = await apiCall('POST', `${base}/${current.id}/publish`, AchievementSchema);
      setCurrent(published);
      setAlignmentsChanged(false);
      setConfirming(false);
      void invalidateApi(base);
      setNotice(`Published as version ${published.latestVersion?.version ?? ''}. Learners can now find it in the catalog.`);
    } catch (error) {
      setConfirming(false);
      setProblem(clientProblem(error));
      showErrors(apiFieldErrors(error), true);
    } finally {
      setBusy(false);
    }
  };

  const onRetire = async () => {
    if (!current) return;
    if (!window.confirm('Retire this micro-credential? Nobody new can start it; work already started can be finished.')) return;
    setNotice(null);
    setProblem(null);
    try {
      setCurrent(await apiCall('POST', `${base}/${current.id}/retire`, AchievementSchema));
      void invalidateApi(base);
      setNotice('Retired.');
    } catch (error) {
      setProblem(clientProblem(error));
    }
  };

  const onDuplicate = async () => {
    if (!current) return;
    setProblem(null);
    try {
      const copy = await apiCall('POST', `${base}/${current.id}/duplicate`, AchievementSchema);
      void invalidateApi(base);
      void navigate(`/orgs/${slug}/achievements/${copy.id}`, { state: { duplicatedFrom: current.draft.name } });
    } catch (error) {
      setProblem(clientProblem(error));
    }
  };

  const onImage = async (f: File | null) => {
    setImageError(null);
    if (!f) return;
    if (f.size > LIMITS.imageFileBytes) return setImageError(`Images may be at most ${LIMITS.imageFileBytes / 1024 / 1024} MB`);
    try {
      const stored = parseResponse(FileInfoSchema, await uploadFile(f, 'image'), '/files');
      form.setFieldValue('imageFileId', stored.id);
      setImageUrl(stored.url);
    } catch (error) {
      setImageError(errorMessage(error));
    }
  };

  const values = form.values;
  const preview = tab === 'preview' ? ContentSchema.safeParse(values) : null;
  const stillStale = contentUrlProblems(values).filter((p) => staleUrls.some((s) => s.path === p.path));
  const nextVersion = (current?.versions.at(-1)?.version ?? 0) + 1;
  const status = current ? STATUS[current.status] : null;
  return (
    <>
      <PageTitle
        title={values.name || 'New micro-credential'}
        actions={
          current ? (
            <Group gap="xs">
              {status ? (
                <Badge color={status.color} variant="filled" style={{ flexShrink: 0 }}>
                  {status.label}
                </Badge>
              ) : null}
              {current.hasUnpublishedChanges && current.status !== 'draft' ? <Badge variant="outline">Unpublished changes</Badge> : null}
              {canEdit ? (
                <Button variant="default" size="xs" onClick={() => void onDuplicate()}>
                  Duplicate micro-credential
                </Button>
              ) : null}
            </Group>
          ) : null
        }
      >
        {values.name || 'New micro-credential'}
      </PageTitle>
      {notice ? (
        <Alert color="teal.9" variant="outline" mb="md" role="status">
          {notice}
        </Alert>
      ) : null}
      <ProblemAlert problem={problem} />
      {stillStale.length ? (
        <Alert color={WARNING} variant="outline" mb="md" role="status" title="Some links need fixing">
          {stillStale.length === 1 ? 'A link was' : `${stillStale.length} links were`} saved before the current rules for web addresses. Fix
          the marked {stillStale.length === 1 ? 'link' : 'links'} before you save or publish.
        </Alert>
      ) : null}
      <Tabs value={tab} onChange={setTab} mt="sm">
        <Tabs.List>
          <Tabs.Tab value="edit">Edit</Tabs.Tab>
          <Tabs.Tab value="preview">Preview as a learner</Tabs.Tab>
          {current ? <Tabs.Tab value="versions">Versions</Tabs.Tab> : null}
          {current ? <Tabs.Tab value="agreement">Assessor agreement</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="edit" pt="md">
          <form onSubmit={(e) => void onSave(e)} noValidate aria-label="Micro-credential">
            <Stack gap="md">
              <RequiredLegend />
              <BasicsSection
                form={form}
                orgName={brand.name}
                image={{
                  url: imageUrl,
                  error: imageError,
                  onFile: (f) => void onImage(f),
                  onUseGenerated: () => {
                    form.setFieldValue('imageFileId', null);
                    setImageUrl(null);
                  },
                }}
              />
              <CriteriaSection form={form} />
              <RubricSection form={form} />
              {current ? (
                <SkillsSection
                  slug={slug}
                  achievementId={current.id}
                  criteria={values.rubric.criteria}
                  canEdit={canEdit}
                  onSaved={() => setAlignmentsChanged(true)}
                />
              ) : null}
              <ResourcesSection form={form} />
              <PublishingSection
                form={form}
                current={current}
                dirty={dirty || alignmentsChanged}
                actions={{
                  busy,
                  onPublish: () => void onPublish(),
                  onPreview: () => setTab('preview'),
                  onRetire: () => void onRetire(),
                  onGo: (path) => void focusField(path),
                }}
              />
            </Stack>
          </form>
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="md">
          <Alert variant="outline" color="blue.9" mb="md" title="Preview">
            This is how learners will see the micro-credential in the catalog. Nothing changes until you publish.
          </Alert>
          {preview?.success ? (
            <AchievementView
              content={preview.data}
              issuer={{ slug, name: brand.name, url: null, image: null, did: '', brandColor: '' }}
              imageUrl={imageUrl ?? (current ? current.imageUrl : '/favicon.svg')}
              version={current?.latestVersion ? current.latestVersion.version + (current.hasUnpublishedChanges ? 1 : 0) : 1}
            />
          ) : (
            <Text>Fix the marked fields in the form to see the preview.</Text>
          )}
        </Tabs.Panel>
        {current ? (
          <Tabs.Panel value="versions" pt="md">
            {tab === 'versions' ? <VersionsPanel slug={slug} achievement={current} /> : null}
          </Tabs.Panel>
        ) : null}
        {current ? (
          <Tabs.Panel value="agreement" pt="md">
            {tab === 'agreement' ? <AgreementPanel slug={slug} id={current.id} /> : null}
          </Tabs.Panel>
        ) : null}
      </Tabs>
      <PublishDialog
        opened={confirming}
        name={values.name}
        version={nextVersion}
        busy={busy}
        onConfirm={() => void confirmPublish()}
        onCancel={() => setConfirming(false)}
      />
      <UnsavedChangesGuard
        isDirty={isDirty}
        dirty={dirty}
        what={values.name ? `“${values.name}”` : 'this micro-credential'}
        onSave={async () => (await save()) !== null}
      />
    </>
  );
}

/** Route: /orgs/:slug/achievements/new and /orgs/:slug/achievements/:id. */
export function AchievementEditorPage() {
  const { id = 'new' } = useParams();
  const { org } = useOrg();
  const location = useLocation();
  // Right after "new" is first saved, the route changes to its id: keep the same editor instead of reloading.
  const state = AchievementSchema.safeParse(Reflect.get(Object(location.state), 'created'));
  const created = state.success ? state.data : null;
  const fresh = id === 'new' || created?.id === id;
  const loaded = useApiQuery(
    fresh ? null : `/orgs/${encodeURIComponent(org.slug)}/achievements/${encodeURIComponent(id)}`,
    AchievementSchema,
  );
  const canEdit = org.role === 'owner' || org.role === 'designer';
  if (fresh) return <Editor key="editor" slug={org.slug} achievement={created} brand={org} canEdit={canEdit} />;
  if (loaded.status === 'loading') return <LoadingState label="Loading the micro-credential…" />;
  if (loaded.status === 'error') return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  const from: unknown = Reflect.get(Object(location.state), 'duplicatedFrom');
  const copied =
    typeof from === 'string'
      ? `This is a new draft copied from “${from}”. It has no versions yet: edit it, then publish it when it is ready.`
      : null;
  return (
    <>
      <Editor key={loaded.data.id} slug={org.slug} achievement={loaded.data} brand={org} canEdit={canEdit} initialNotice={copied} />
      <AchievementReviews slug={org.slug} achievementId={loaded.data.id} canInvite={canEdit} />
    </>
  );
}
