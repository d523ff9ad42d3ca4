/** The designer's editor: every field of a micro-credential, its rubric, preview, publish and retire. */
import { DANGER, WARNING } from '../../theme';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Divider,
  FileInput,
  Group,
  Image,
  MultiSelect,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { ACHIEVEMENT_TYPES, AchievementContent as ContentSchema, EVIDENCE_KINDS, LIMITS, contentUrlProblems } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { AchievementView, kindLabel } from '../../components/AchievementView';
import { PageTitle } from '../../components/PageTitle';
import { ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { api, errorMessage, uploadFile } from '../../lib/api';
import { useFormState, validate } from '../../lib/forms';
import type { FieldErrors } from '../../lib/forms';
import { formatDateTime } from '../../lib/links';
import type { Achievement, AchievementContent, AgreementStats, FileInfo } from '../../lib/types';
import { useResource } from '../../lib/useResource';
import { useOrg } from './OrgLayout';

type Criterion = AchievementContent['rubric']['criteria'][number];
type Level = Criterion['levels'][number];
type Requirement = AchievementContent['evidenceRequirements'][number];
type Kind = Requirement['kinds'][number];

/** A fresh id not yet used in `taken`, e.g. c1, c2 … */
function nextId(prefix: string, taken: string[]): string {
  for (let i = 1; ; i++) if (!taken.includes(`${prefix}${i}`)) return `${prefix}${i}`;
}

function newLevels(): Level[] {
  return [
    { id: 'l1', name: 'Beginning', description: '', points: 1 },
    { id: 'l2', name: 'Developing', description: '', points: 2 },
    { id: 'l3', name: 'Proficient', description: '', points: 3 },
  ];
}

/** An empty draft for a new micro-credential. */
export function emptyContent(): AchievementContent {
  return {
    name: '',
    description: '',
    imageFileId: null,
    achievementType: 'MicroCredential',
    learningGoal: '',
    competency: '',
    criteriaNarrative: '',
    evidenceRequirements: [],
    resources: [],
    alignments: [],
    skills: [],
    creditsAvailable: null,
    validity: { kind: 'never' },
    rubric: { criteria: [] },
    maxAttempts: 3,
  };
}

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

function replace<T>(list: T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

/** Up, down and remove buttons for an item in a list. */
function ListControls({ label, index, count, onMove, onRemove }: { label: string; index: number; count: number; onMove: (to: number) => void; onRemove: () => void }) {
  return (
    <Group gap={4}>
      <ActionIcon variant="default" aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => onMove(index - 1)}>
        <span aria-hidden="true">↑</span>
      </ActionIcon>
      <ActionIcon variant="default" aria-label={`Move ${label} down`} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
        <span aria-hidden="true">↓</span>
      </ActionIcon>
      <Button variant="subtle" color={DANGER} size="xs" onClick={onRemove}>
        Remove {label}
      </Button>
    </Group>
  );
}

function FormSection({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section">
      <Title order={2} size="h4" mb={description ? 2 : 'sm'}>
        {title}
      </Title>
      {description ? (
        <Text size="sm" mb="sm">
          {description}
        </Text>
      ) : null}
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

function CriterionEditor({ c, ci, count, err, onChange, onMove, onRemove }: { c: Criterion; ci: number; count: number; err: FieldErrors; onChange: (c: Criterion) => void; onMove: (to: number) => void; onRemove: () => void }) {
  const p = `rubric.criteria.${ci}`;
  const label = `criterion ${ci + 1}`;
  const setLevel = (li: number, level: Level) => onChange({ ...c, levels: replace(c.levels, li, level) });
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Criterion {ci + 1}
        </Title>
        <ListControls label={label} index={ci} count={count} onMove={onMove} onRemove={onRemove} />
      </Group>
      <Stack gap="xs">
        <TextInput label={`Name of criterion ${ci + 1}`} required value={c.name} onChange={(e) => onChange({ ...c, name: e.currentTarget.value })} error={err[`${p}.name`]} />
        <Textarea label={`What criterion ${ci + 1} looks for`} autosize minRows={2} value={c.description} onChange={(e) => onChange({ ...c, description: e.currentTarget.value })} error={err[`${p}.description`]} />
        <Table withTableBorder>
          <caption className="visually-hidden">Levels of criterion {ci + 1}, lowest first</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Level name</Table.Th>
              <Table.Th scope="col">Description</Table.Th>
              <Table.Th scope="col" w={100}>
                Points
              </Table.Th>
              <Table.Th scope="col" w={150}>
                Actions
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.levels.map((l, li) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <TextInput aria-label={`Criterion ${ci + 1} level ${li + 1} name`} value={l.name} onChange={(e) => setLevel(li, { ...l, name: e.currentTarget.value })} error={err[`${p}.levels.${li}.name`]} />
                </Table.Td>
                <Table.Td>
                  <Textarea aria-label={`Criterion ${ci + 1} level ${li + 1} description`} autosize minRows={1} value={l.description} onChange={(e) => setLevel(li, { ...l, description: e.currentTarget.value })} error={err[`${p}.levels.${li}.description`]} />
                </Table.Td>
                <Table.Td>
                  <NumberInput aria-label={`Criterion ${ci + 1} level ${li + 1} points`} min={0} max={1000} allowDecimal={false} value={l.points} onChange={(v) => setLevel(li, { ...l, points: typeof v === 'number' ? v : 0 })} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <ActionIcon variant="default" aria-label={`Move criterion ${ci + 1} level ${li + 1} up`} disabled={li === 0} onClick={() => onChange({ ...c, levels: move(c.levels, li, li - 1) })}>
                      <span aria-hidden="true">↑</span>
                    </ActionIcon>
                    <ActionIcon variant="default" aria-label={`Move criterion ${ci + 1} level ${li + 1} down`} disabled={li === c.levels.length - 1} onClick={() => onChange({ ...c, levels: move(c.levels, li, li + 1) })}>
                      <span aria-hidden="true">↓</span>
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      color={DANGER}
                      aria-label={`Remove criterion ${ci + 1} level ${li + 1}`}
                      disabled={c.levels.length <= 2}
                      onClick={() => {
                        const levels = c.levels.filter((_, i) => i !== li);
                        onChange({ ...c, levels, requiredLevelId: levels.some((x) => x.id === c.requiredLevelId) ? c.requiredLevelId : (levels[levels.length - 1]?.id ?? '') });
                      }}
                    >
                      <span aria-hidden="true">×</span>
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {err[`${p}.levels`] ? <Text c="red.9" size="sm">{err[`${p}.levels`]}</Text> : null}
        <Group justify="space-between" align="flex-end">
          <Button
            variant="default"
            size="xs"
            disabled={c.levels.length >= 8}
            onClick={() => onChange({ ...c, levels: [...c.levels, { id: nextId('l', c.levels.map((l) => l.id)), name: '', description: '', points: (c.levels[c.levels.length - 1]?.points ?? 0) + 1 }] })}
          >
            Add a level to criterion {ci + 1}
          </Button>
          <Select
            label={`Level required to pass criterion ${ci + 1}`}
            data={c.levels.map((l, li) => ({ value: l.id, label: l.name || `Level ${li + 1}` }))}
            value={c.requiredLevelId}
            onChange={(v) => v && onChange({ ...c, requiredLevelId: v })}
            allowDeselect={false}
            error={err[`${p}.requiredLevelId`]}
            w={260}
          />
        </Group>
      </Stack>
    </Paper>
  );
}

function RequirementEditor({ r, ri, count, criteria, err, onChange, onMove, onRemove }: { r: Requirement; ri: number; count: number; criteria: Criterion[]; err: FieldErrors; onChange: (r: Requirement) => void; onMove: (to: number) => void; onRemove: () => void }) {
  const p = `evidenceRequirements.${ri}`;
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Evidence requirement {ri + 1}
        </Title>
        <ListControls label={`evidence requirement ${ri + 1}`} index={ri} count={count} onMove={onMove} onRemove={onRemove} />
      </Group>
      <Stack gap="xs">
        <Textarea label={`Prompt for evidence ${ri + 1}`} required autosize minRows={2} value={r.prompt} onChange={(e) => onChange({ ...r, prompt: e.currentTarget.value })} error={err[`${p}.prompt`]} />
        <Checkbox.Group label={`Kinds of evidence accepted for requirement ${ri + 1}`} value={r.kinds} onChange={(v) => onChange({ ...r, kinds: v as Kind[] })} error={err[`${p}.kinds`]}>
          <Group mt={4}>
            {EVIDENCE_KINDS.map((k) => (
              <Checkbox key={k} value={k} label={kindLabel(k)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Switch label={`Requirement ${ri + 1} is required`} checked={r.required} onChange={(e) => onChange({ ...r, required: e.currentTarget.checked })} />
        <MultiSelect
          label={`Criteria this evidence supports (requirement ${ri + 1})`}
          description="Leave empty if it supports every criterion. On a revision, learners may change only evidence for criteria not yet met."
          data={criteria.map((c, i) => ({ value: c.id, label: c.name || `Criterion ${i + 1}` }))}
          value={r.criterionIds}
          onChange={(v) => onChange({ ...r, criterionIds: v })}
          error={err[`${p}.criterionIds`]}
          clearable
        />
      </Stack>
    </Paper>
  );
}

function AgreementPanel({ slug, id }: { slug: string; id: string }) {
  const stats = useResource<AgreementStats>(`/orgs/${encodeURIComponent(slug)}/achievements/${encodeURIComponent(id)}/agreement`);
  if (stats.status === 'loading') return <LoadingState label="Loading agreement statistics…" />;
  if (stats.status === 'error') return <ErrorState error={stats.error} onRetry={stats.reload} />;
  const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);
  const k = (v: number | null) => (v === null ? '—' : v.toFixed(2));
  return (
    <Stack gap="sm">
      <Text>
        {stats.data.pairs} double-scored submission{stats.data.pairs === 1 ? '' : 's'}. Decision agreement {pct(stats.data.decisionAgreement)}, Cohen’s kappa {k(stats.data.decisionKappa)}.
      </Text>
      <Table withTableBorder>
        <caption className="visually-hidden">Agreement per criterion</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Criterion</Table.Th>
            <Table.Th scope="col">Pairs</Table.Th>
            <Table.Th scope="col">Exact agreement</Table.Th>
            <Table.Th scope="col">Cohen’s kappa</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stats.data.criteria.map((c) => (
            <Table.Tr key={c.criterionId}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{c.pairs}</Table.Td>
              <Table.Td>{pct(c.exactAgreement)}</Table.Td>
              <Table.Td>{k(c.kappa)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Editor({ slug, achievement, brand }: { slug: string; achievement: Achievement | null; brand: { name: string } }) {
  const navigate = useNavigate();
  const form = useFormState();
  const [values, setValues] = useState<AchievementContent>(achievement?.draft ?? emptyContent());
  const [current, setCurrent] = useState<Achievement | null>(achievement);
  const [tab, setTab] = useState<string | null>('edit');
  const [notice, setNotice] = useState<string | null>(null);
  const [imageUrl, setImageUrl] = useState<string | null>(achievement?.imageUrl ?? null);
  const [imageError, setImageError] = useState<string | null>(null);
  // Links the loaded draft holds from before today's URL rules: flagged at once, until they are fixed.
  const [staleUrls] = useState(() => (achievement ? contentUrlProblems(achievement.draft).map((p) => p.path) : []));
  const stillStale = contentUrlProblems(values).filter((p) => staleUrls.includes(p.path));
  const err: FieldErrors = { ...Object.fromEntries(stillStale.map((p) => [p.path, p.message])), ...form.fieldErrors };
  const set = <K extends keyof AchievementContent>(key: K, value: AchievementContent[K]) => setValues((v) => ({ ...v, [key]: value }));
  const criteria = values.rubric.criteria;
  const setCriteria = (list: Criterion[]) => set('rubric', { criteria: list });
  const base = `/orgs/${encodeURIComponent(slug)}/achievements`;

  const save = async (): Promise<Achievement | null> => {
    const parsed = validate(ContentSchema, values);
    if (!parsed.ok) {
      form.setFieldErrors(parsed.errors);
      return null;
    }
    let saved: Achievement | null = null;
    const ok = await form.run(async () => {
      saved = current ? await api<Achievement>('PUT', `${base}/${current.id}`, { body: parsed.data }) : await api<Achievement>('POST', base, { body: parsed.data });
    });
    if (!ok || !saved) return null;
    const a: Achievement = saved;
    setCurrent(a);
    setImageUrl(`${a.imageUrl}?v=${encodeURIComponent(a.updatedAt)}`);
    // Give the new draft its own URL; the page keeps this editor (and its state) for it.
    if (!current) void navigate(`/orgs/${slug}/achievements/${a.id}`, { replace: true, state: { created: a } });
    return a;
  };

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (await save()) setNotice('Draft saved.');
  };
  const onPublish = async () => {
    setNotice(null);
    const a = await save();
    if (!a) return;
    await form.run(async () => {
      const published = await api<Achievement>('POST', `${base}/${a.id}/publish`);
      setCurrent(published);
      setNotice(`Published as version ${published.latestVersion?.version ?? ''}. Learners can now find it in the catalog.`);
    });
  };
  const onRetire = async () => {
    if (!current) return;
    if (!window.confirm('Retire this micro-credential? Nobody new can start it; work already started can be finished.')) return;
    setNotice(null);
    await form.run(async () => {
      setCurrent(await api<Achievement>('POST', `${base}/${current.id}/retire`));
      setNotice('Retired.');
    });
  };
  const onImage = async (f: File | null) => {
    setImageError(null);
    if (!f) return;
    if (f.size > LIMITS.imageFileBytes) return setImageError(`Images may be at most ${LIMITS.imageFileBytes / 1024 / 1024} MB`);
    try {
      const stored = await uploadFile<FileInfo>(f, 'image');
      set('imageFileId', stored.id);
      setImageUrl(stored.url);
    } catch (error) {
      setImageError(errorMessage(error));
    }
  };

  const preview = ContentSchema.safeParse(values);
  return (
    <>
      <PageTitle
        title={values.name || 'New micro-credential'}
        actions={
          current ? (
            <Group gap="xs">
              <Badge color={current.status === 'published' ? 'teal.9' : current.status === 'retired' ? 'gray.8' : 'blue.9'} variant="filled">
                {current.status === 'published' ? 'Published' : current.status === 'retired' ? 'Retired' : 'Draft'}
              </Badge>
              {current.hasUnpublishedChanges && current.status !== 'draft' ? <Badge variant="outline">Unpublished changes</Badge> : null}
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
      <ProblemAlert problem={form.problem} />
      {stillStale.length ? (
        <Alert color={WARNING} variant="outline" mb="md" role="status" title="Some links need fixing">
          {stillStale.length === 1 ? 'A link was' : `${stillStale.length} links were`} saved before the current rules for web addresses. Fix the marked {stillStale.length === 1 ? 'link' : 'links'} before you save or publish.
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
              <FormSection title="About">
                <TextInput label="Name" required value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={err.name} maxLength={200} />
                <Textarea label="Description" autosize minRows={3} value={values.description} onChange={(e) => set('description', e.currentTarget.value)} error={err.description} />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select label="Achievement type" data={[...ACHIEVEMENT_TYPES]} value={values.achievementType} onChange={(v) => v && set('achievementType', v as AchievementContent['achievementType'])} allowDeselect={false} />
                  <NumberInput label="Credits (optional)" min={0} max={1000} value={values.creditsAvailable ?? ''} onChange={(v) => set('creditsAvailable', typeof v === 'number' ? v : null)} error={err.creditsAvailable} />
                </SimpleGrid>
                <Group align="flex-end" gap="md">
                  {imageUrl ? <Image src={imageUrl} alt="Current badge image" w={96} h={96} fit="contain" /> : null}
                  <Stack gap={4}>
                    <FileInput label="Badge image (PNG, JPEG, GIF or WebP)" description={`Up to ${LIMITS.imageFileBytes / 1024 / 1024} MB. Without one, Tessera draws an image in ${brand.name}'s colours.`} accept="image/png,image/jpeg,image/gif,image/webp" placeholder="Choose an image" onChange={(f) => void onImage(f)} error={imageError} />
                    {values.imageFileId ? (
                      <Button variant="subtle" size="xs" onClick={() => { set('imageFileId', null); setImageUrl(null); }}>
                        Use the generated image
                      </Button>
                    ) : null}
                  </Stack>
                </Group>
                <TagsInput label="Skills" description="Press Enter after each skill." value={values.skills} onChange={(v) => set('skills', v)} error={err.skills} />
              </FormSection>
              <FormSection title="Goal and criteria">
                <Textarea label="Learning goal" autosize minRows={2} value={values.learningGoal} onChange={(e) => set('learningGoal', e.currentTarget.value)} error={err.learningGoal} />
                <Textarea label="Competency statement" autosize minRows={2} value={values.competency} onChange={(e) => set('competency', e.currentTarget.value)} error={err.competency} />
                <Textarea label="Criteria narrative" autosize minRows={3} value={values.criteriaNarrative} onChange={(e) => set('criteriaNarrative', e.currentTarget.value)} error={err.criteriaNarrative} />
              </FormSection>
              <FormSection title="Rubric" description="Each criterion has ordered levels, lowest first. A submission passes when every criterion reaches its required level.">
                {err['rubric.criteria'] ? <Text c="red.9" size="sm">{err['rubric.criteria']}</Text> : null}
                {criteria.map((c, ci) => (
                  <CriterionEditor
                    key={c.id}
                    c={c}
                    ci={ci}
                    count={criteria.length}
                    err={err}
                    onChange={(nc) => setCriteria(replace(criteria, ci, nc))}
                    onMove={(to) => setCriteria(move(criteria, ci, to))}
                    onRemove={() => {
                      setCriteria(criteria.filter((_, i) => i !== ci));
                      set('evidenceRequirements', values.evidenceRequirements.map((r) => ({ ...r, criterionIds: r.criterionIds.filter((x) => x !== c.id) })));
                    }}
                  />
                ))}
                <Group>
                  <Button variant="default" disabled={criteria.length >= 12} onClick={() => setCriteria([...criteria, { id: nextId('c', criteria.map((c) => c.id)), name: '', description: '', levels: newLevels(), requiredLevelId: 'l2' }])}>
                    Add a criterion
                  </Button>
                </Group>
              </FormSection>
              <FormSection title="Evidence requirements" description="What the learner submits. Each requirement is a prompt with the kinds of evidence it accepts.">
                {err.evidenceRequirements ? <Text c="red.9" size="sm">{err.evidenceRequirements}</Text> : null}
                {values.evidenceRequirements.map((r, ri) => (
                  <RequirementEditor
                    key={r.id}
                    r={r}
                    ri={ri}
                    count={values.evidenceRequirements.length}
                    criteria={criteria}
                    err={err}
                    onChange={(nr) => set('evidenceRequirements', replace(values.evidenceRequirements, ri, nr))}
                    onMove={(to) => set('evidenceRequirements', move(values.evidenceRequirements, ri, to))}
                    onRemove={() => set('evidenceRequirements', values.evidenceRequirements.filter((_, i) => i !== ri))}
                  />
                ))}
                <Group>
                  <Button
                    variant="default"
                    disabled={values.evidenceRequirements.length >= 20}
                    onClick={() => set('evidenceRequirements', [...values.evidenceRequirements, { id: nextId('e', values.evidenceRequirements.map((r) => r.id)), prompt: '', kinds: ['text'], required: true, criterionIds: [] }])}
                  >
                    Add an evidence requirement
                  </Button>
                </Group>
              </FormSection>
              <FormSection title="Research and resources">
                {values.resources.map((r, i) => (
                  <Paper key={i} withBorder p="sm" bg="gray.0">
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <TextInput label={`Resource ${i + 1} title`} value={r.title} onChange={(e) => set('resources', replace(values.resources, i, { ...r, title: e.currentTarget.value }))} error={err[`resources.${i}.title`]} />
                      <TextInput label={`Resource ${i + 1} URL`} type="url" value={r.url} onChange={(e) => set('resources', replace(values.resources, i, { ...r, url: e.currentTarget.value }))} error={err[`resources.${i}.url`]} />
                    </SimpleGrid>
                    <Textarea label={`Resource ${i + 1} note`} autosize minRows={1} value={r.note} onChange={(e) => set('resources', replace(values.resources, i, { ...r, note: e.currentTarget.value }))} />
                    <Group mt="xs">
                      <ListControls label={`resource ${i + 1}`} index={i} count={values.resources.length} onMove={(to) => set('resources', move(values.resources, i, to))} onRemove={() => set('resources', values.resources.filter((_, j) => j !== i))} />
                    </Group>
                  </Paper>
                ))}
                <Group>
                  <Button variant="default" onClick={() => set('resources', [...values.resources, { title: '', url: '', note: '' }])}>
                    Add a resource
                  </Button>
                </Group>
              </FormSection>
              <FormSection title="Alignments" description="Skills, standards or competency frameworks this micro-credential aligns to.">
                {values.alignments.map((a, i) => (
                  <Paper key={i} withBorder p="sm" bg="gray.0">
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <TextInput label={`Alignment ${i + 1} target name`} value={a.targetName} onChange={(e) => set('alignments', replace(values.alignments, i, { ...a, targetName: e.currentTarget.value }))} error={err[`alignments.${i}.targetName`]} />
                      <TextInput label={`Alignment ${i + 1} target URL`} type="url" value={a.targetUrl} onChange={(e) => set('alignments', replace(values.alignments, i, { ...a, targetUrl: e.currentTarget.value }))} error={err[`alignments.${i}.targetUrl`]} />
                      <TextInput label={`Alignment ${i + 1} framework`} value={a.targetFramework ?? ''} onChange={(e) => set('alignments', replace(values.alignments, i, { ...a, targetFramework: e.currentTarget.value || undefined }))} />
                      <TextInput label={`Alignment ${i + 1} code`} value={a.targetCode ?? ''} onChange={(e) => set('alignments', replace(values.alignments, i, { ...a, targetCode: e.currentTarget.value || undefined }))} />
                    </SimpleGrid>
                    <Group mt="xs">
                      <ListControls label={`alignment ${i + 1}`} index={i} count={values.alignments.length} onMove={(to) => set('alignments', move(values.alignments, i, to))} onRemove={() => set('alignments', values.alignments.filter((_, j) => j !== i))} />
                    </Group>
                  </Paper>
                ))}
                <Group>
                  <Button variant="default" onClick={() => set('alignments', [...values.alignments, { targetName: '', targetUrl: '' }])}>
                    Add an alignment
                  </Button>
                </Group>
              </FormSection>
              <FormSection title="Validity and attempts">
                <Radio.Group label="Validity" value={values.validity.kind} onChange={(v) => set('validity', v === 'never' ? { kind: 'never' } : { kind: 'months', months: values.validity.kind === 'months' ? values.validity.months : 24 })}>
                  <Stack gap={6} mt={4}>
                    <Radio value="never" label="Never expires" />
                    <Radio value="months" label="Expires a number of months after issue" />
                  </Stack>
                </Radio.Group>
                {values.validity.kind === 'months' ? (
                  <NumberInput label="Months of validity" min={1} max={240} allowDecimal={false} value={values.validity.months} onChange={(v) => set('validity', { kind: 'months', months: typeof v === 'number' ? v : 1 })} error={err['validity.months']} w={200} />
                ) : null}
                <NumberInput label="Maximum attempts" description="How many times a learner may submit." min={1} max={20} allowDecimal={false} value={values.maxAttempts} onChange={(v) => set('maxAttempts', typeof v === 'number' ? v : 1)} error={err.maxAttempts} w={200} />
              </FormSection>
              <Divider />
              <Group>
                <Button type="submit" loading={form.submitting}>
                  Save draft
                </Button>
                <Button variant="filled" onClick={() => void onPublish()} loading={form.submitting} disabled={current?.status === 'retired'}>
                  {current?.status === 'published' ? 'Publish a new version' : 'Publish'}
                </Button>
                <Button variant="default" onClick={() => setTab('preview')}>
                  Preview
                </Button>
                {current && current.status === 'published' ? (
                  <Button variant="outline" color={DANGER} onClick={() => void onRetire()}>
                    Retire
                  </Button>
                ) : null}
              </Group>
            </Stack>
          </form>
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="md">
          <Alert variant="outline" color="blue.9" mb="md" title="Preview">
            This is how learners will see the micro-credential in the catalog. Nothing changes until you publish.
          </Alert>
          {preview.success ? (
            <AchievementView
              content={preview.data}
              issuer={{ slug, name: brand.name, url: null, image: null, did: '', brandColor: '' }}
              imageUrl={imageUrl ?? (current ? current.imageUrl : '/favicon.svg')}
              version={current?.latestVersion ? current.latestVersion.version + (current.hasUnpublishedChanges ? 1 : 0) : 1}
            />
          ) : (
            <Text>Fix the errors in the form to see the preview: {preview.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}</Text>
          )}
        </Tabs.Panel>
        {current ? (
          <Tabs.Panel value="versions" pt="md">
            {current.versions.length === 0 ? (
              <Text>Not published yet.</Text>
            ) : (
              <Table withTableBorder>
                <caption className="visually-hidden">Published versions</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Version</Table.Th>
                    <Table.Th scope="col">Published</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {current.versions.map((v) => (
                    <Table.Tr key={v.id}>
                      <Table.Td>{v.version}</Table.Td>
                      <Table.Td>{formatDateTime(v.publishedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Text size="sm" mt="sm">
              Published versions never change. Credentials record the version they were earned on; {current.issuedCount} issued so far.
            </Text>
          </Tabs.Panel>
        ) : null}
        {current ? (
          <Tabs.Panel value="agreement" pt="md">
            {tab === 'agreement' ? <AgreementPanel slug={slug} id={current.id} /> : null}
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </>
  );
}

/** Route: /orgs/:slug/achievements/new and /orgs/:slug/achievements/:id. */
export function AchievementEditorPage() {
  const { id = 'new' } = useParams();
  const { org } = useOrg();
  const location = useLocation();
  // Right after "new" is first saved, the route changes to its id: keep the same editor instead of reloading.
  const created = (location.state as { created?: Achievement } | null)?.created;
  const fresh = id === 'new' || created?.id === id;
  const loaded = useResource<Achievement>(fresh ? null : `/orgs/${encodeURIComponent(org.slug)}/achievements/${encodeURIComponent(id)}`);
  if (fresh) return <Editor key="editor" slug={org.slug} achievement={created ?? null} brand={org} />;
  if (loaded.status === 'loading') return <LoadingState label="Loading the micro-credential…" />;
  if (loaded.status === 'error') return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  return <Editor key={loaded.data.id} slug={org.slug} achievement={loaded.data} brand={org} />;
}
