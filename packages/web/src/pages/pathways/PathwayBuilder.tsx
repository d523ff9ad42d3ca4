/** The pathway builder: groups with their rule, steps chosen by achievement search, milestones, ordering, expiry policy, publish. */
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { AchievementSummary, MyCatalogPage, Pathway, PathwaySummary, PublishPathwayResult, RecognitionRuleList } from '@tessera/shared';
import type { PathwayContent } from '@tessera/shared';
import type { PathwayAccept, PathwayGroup, PathwayStep } from '@tessera/shared';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { PageTitle } from '../../components/PageTitle';
import { ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { useFormState } from '../../lib/forms';
import { apiCall, invalidateApi, useApiQuery } from '../../lib/query';
import { useOrg } from '../org/OrgLayout';

type Draft = PathwayContent;

const RULES = [
  { value: 'all', label: 'All of these' },
  { value: 'any', label: 'Any one of these' },
  { value: 'atLeast', label: 'At least n of these' },
];
const RULE_KINDS = [
  { value: 'hours', label: 'Counts as hours' },
  { value: 'credit', label: 'Counts as credit' },
  { value: 'satisfies', label: 'Satisfies a requirement' },
];
const isRuleKind = (v: string): v is 'hours' | 'credit' | 'satisfies' => v === 'hours' || v === 'credit' || v === 'satisfies';

const POLICIES = [
  { value: 'keep', label: 'Keep the completion (expired parts still count; revoked ones never do)' },
  { value: 'require-valid', label: 'Require valid credentials (a revoked or expired part makes the completion lapse)' },
];

const emptyDraft = (): Draft => ({
  name: '',
  description: '',
  completionAchievementId: '',
  groups: [{ id: 'g1', name: 'Requirements', parentId: null, rule: 'all', n: null, milestoneAchievementId: null }],
  steps: [],
  precedes: [],
  expiryPolicy: 'keep',
});

/** The next free id with a prefix (g1, g2 … / s1, s2 …). */
function nextId(prefix: string, taken: string[]): string {
  let n = 1;
  while (taken.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** Search published achievements of any organisation for a step. */
function AchievementPicker({
  label,
  value,
  knownNames,
  onChange,
  error,
}: {
  label: string;
  value: string;
  knownNames: Map<string, string>;
  onChange: (id: string, name: string) => void;
  error?: string | undefined;
}) {
  const [search, setSearch] = useState('');
  const result = useApiQuery(`/catalog?pageSize=50${search.trim() ? `&q=${encodeURIComponent(search.trim())}` : ''}`, MyCatalogPage);
  const options =
    result.status === 'ok' ? result.data.items.map((i) => ({ value: i.achievementId, label: `${i.content.name} — ${i.issuer.name}` })) : [];
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: knownNames.get(value) ?? value });
  return (
    <Select
      label={label}
      placeholder="Search micro-credentials of any organisation"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={value || null}
      onChange={(v, option) => v && onChange(v, option.label)}
      nothingFoundMessage={result.status === 'loading' ? 'Searching…' : 'No published micro-credential matches'}
      error={error}
      filter={({ options: o }) => o}
    />
  );
}

/** The builder screen (new pathway or an existing one). */
export function PathwayBuilderPage() {
  const { org } = useOrg();
  const { id } = useParams();
  const navigate = useNavigate();
  const base = `/orgs/${encodeURIComponent(org.slug)}/pathways`;
  const existing = useApiQuery(id ? `${base}/${encodeURIComponent(id)}` : null, Pathway);
  const achievements = useApiQuery(`/orgs/${encodeURIComponent(org.slug)}/achievements`, z.array(AchievementSummary));
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  // The organisation's recognition rules, only once a step accepts recognised credentials (to say when none count yet).
  const rules = useApiQuery(
    draft.steps.some((s) => s.accept.kind === 'recognised') ? `/orgs/${encodeURIComponent(org.slug)}/recognition/rules` : null,
    RecognitionRuleList,
  );
  const [loadedId, setLoadedId] = useState<string | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const location = useLocation();
  const carried = (location.state as { notice?: unknown } | null)?.notice;
  const [notice, setNotice] = useState<string | null>(typeof carried === 'string' ? carried : null);
  const form = useFormState();
  const fe = form.fieldErrors;
  const canEdit = org.role === 'owner' || org.role === 'designer';

  useEffect(() => {
    if (existing.status === 'ok' && loadedId !== existing.data.id) {
      setDraft(existing.data.draft);
      setNames(new Map(existing.data.achievements.map((a) => [a.id, `${a.name} — ${a.orgName}`])));
      setLoadedId(existing.data.id);
    }
  }, [existing.status, existing.data, loadedId]);

  if (id && existing.status === 'loading') return <LoadingState label="Loading the pathway…" />;
  if (id && existing.status === 'error') return <ErrorState error={existing.error} onRetry={existing.reload} />;

  const own = achievements.status === 'ok' ? achievements.data.filter((a) => a.status !== 'retired') : [];
  const ownOptions = own.map((a) => ({ value: a.id, label: `${a.name}${a.status === 'draft' ? ' (draft: publish it first)' : ''}` }));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setGroup = (gid: string, patch: Partial<PathwayGroup>) =>
    setDraft((d) => ({ ...d, groups: d.groups.map((g) => (g.id === gid ? { ...g, ...patch } : g)) }));
  const setStep = (sid: string, accept: PathwayAccept) =>
    setDraft((d) => ({ ...d, steps: d.steps.map((s) => (s.id === sid ? { ...s, accept } : s)) }));
  const addGroup = (parentId: string) =>
    setDraft((d) => {
      const gid = nextId('g', [...d.groups.map((g) => g.id), ...d.steps.map((s) => s.id)]);
      return {
        ...d,
        groups: [
          ...d.groups,
          { id: gid, name: `Group ${d.groups.length + 1}`, parentId, rule: 'all', n: null, milestoneAchievementId: null },
        ],
      };
    });
  const removeGroup = (gid: string) =>
    setDraft((d) => {
      const gone = new Set([gid]);
      for (let grew = true; grew;) {
        grew = false;
        for (const g of d.groups)
          if (g.parentId && gone.has(g.parentId) && !gone.has(g.id)) {
            gone.add(g.id);
            grew = true;
          }
      }
      const steps = d.steps.filter((s) => !gone.has(s.groupId));
      const stepIds = new Set(steps.map((s) => s.id));
      return {
        ...d,
        groups: d.groups.filter((g) => !gone.has(g.id)),
        steps,
        precedes: d.precedes.filter((e) => stepIds.has(e.from) && stepIds.has(e.to)),
      };
    });
  const addStep = (groupId: string, kind: PathwayAccept['kind']) =>
    setDraft((d) => {
      const sid = nextId('s', [...d.groups.map((g) => g.id), ...d.steps.map((s) => s.id)]);
      const accept: PathwayAccept =
        kind === 'achievement'
          ? { kind, achievementId: '' }
          : kind === 'recognised'
            ? { kind, label: '', ruleKinds: ['hours', 'credit', 'satisfies'], requirement: null }
            : { kind, label: '', achievementIri: null, skill: null };
      return { ...d, steps: [...d.steps, { id: sid, groupId, accept }] };
    });
  const removeStep = (sid: string) =>
    setDraft((d) => ({
      ...d,
      steps: d.steps.filter((s) => s.id !== sid),
      precedes: d.precedes.filter((e) => e.from !== sid && e.to !== sid),
    }));
  const stepLabel = (s: PathwayStep): string =>
    s.accept.kind === 'achievement'
      ? (names.get(s.accept.achievementId)?.split(' — ')[0] ?? `Step ${s.id}`)
      : s.accept.label || `Step ${s.id}`;
  const stepOptions = draft.steps.map((s) => ({ value: s.id, label: stepLabel(s) }));

  const save = async (): Promise<string | null> => {
    let savedId: string | null = id ?? null;
    const ok = await form.run(async () => {
      const out = id
        ? await apiCall('PUT', `${base}/${encodeURIComponent(id)}`, Pathway, { body: draft })
        : await apiCall('POST', base, Pathway, { body: draft });
      savedId = out.id;
      setLoadedId(out.id);
      await invalidateApi(base);
      if (id) existing.setData(out);
    });
    return ok ? savedId : null;
  };
  const onSave = async () => {
    setNotice(null);
    const saved = await save();
    if (!saved) return;
    // The same screen stays mounted when a new pathway's URL gets its id, so the notice is kept in state (and in the
    // navigation state, for a fresh mount).
    setNotice('Draft saved.');
    if (!id) void navigate(`/orgs/${org.slug}/pathways/${saved}`, { replace: true, state: { notice: 'Draft saved.' } });
  };
  const onPublish = async () => {
    setNotice(null);
    const saved = await save();
    if (!saved) return;
    let message = '';
    const ok = await form.run(async () => {
      const r = await apiCall('POST', `${base}/${encodeURIComponent(saved)}/publish`, PublishPathwayResult);
      if (id) existing.setData(r.pathway);
      await invalidateApi(base);
      message = `Published version ${r.version}. ${r.retroactiveAwards} learner${r.retroactiveAwards === 1 ? '' : 's'} who already qualified ${r.retroactiveAwards === 1 ? 'was' : 'were'} awarded the completion credential.`;
    });
    if (!ok) return;
    setNotice(message);
    if (!id) void navigate(`/orgs/${org.slug}/pathways/${saved}`, { replace: true, state: { notice: message } });
  };

  const renderGroup = (g: PathwayGroup, depth: number) => {
    const gi = draft.groups.findIndex((x) => x.id === g.id);
    const childGroups = draft.groups.filter((c) => c.parentId === g.id);
    const steps = draft.steps.filter((s) => s.groupId === g.id);
    const legendId = `legend-${g.id}`;
    return (
      <Card
        key={g.id}
        withBorder
        padding="sm"
        radius="md"
        component="fieldset"
        aria-labelledby={legendId}
        ml={depth ? { base: 4, sm: 16 } : 0}
        style={{ minWidth: 0 }}
      >
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap">
            <Title order={3} size="h5" id={legendId}>
              {g.parentId === null ? 'Top group' : 'Group'}: {g.name || g.id}
            </Title>
            {g.parentId !== null ? (
              <Button size="xs" variant="default" onClick={() => removeGroup(g.id)}>
                Remove group “{g.name || g.id}”
              </Button>
            ) : null}
          </Group>
          {fe[`groups.${gi}`] ? (
            <Text c="red.9" size="sm" role="alert">
              {fe[`groups.${gi}`]}
            </Text>
          ) : null}
          <Group align="flex-start" wrap="wrap" gap="sm">
            <TextInput
              label="Group name"
              value={g.name}
              onChange={(e) => setGroup(g.id, { name: e.currentTarget.value })}
              error={fe[`groups.${gi}.name`]}
              w={{ base: '100%', sm: 220 }}
            />
            <Select
              label="Rule"
              data={RULES}
              value={g.rule}
              allowDeselect={false}
              onChange={(v) => v && setGroup(g.id, { rule: v as PathwayGroup['rule'], n: v === 'atLeast' ? (g.n ?? 1) : null })}
              w={{ base: '100%', sm: 200 }}
            />
            {g.rule === 'atLeast' ? (
              <NumberInput
                label="n (how many)"
                min={1}
                max={100}
                value={g.n ?? 1}
                onChange={(v) => setGroup(g.id, { n: typeof v === 'number' ? v : null })}
                error={fe[`groups.${gi}.n`]}
                w={{ base: '100%', sm: 120 }}
              />
            ) : null}
            <Select
              label="Milestone (awards its own credential)"
              placeholder="No milestone"
              data={ownOptions}
              value={g.milestoneAchievementId}
              onChange={(v) => setGroup(g.id, { milestoneAchievementId: v })}
              clearable
              error={fe[`groups.${gi}.milestoneAchievementId`]}
              w={{ base: '100%', sm: 280 }}
            />
          </Group>
          {steps.length ? (
            <Stack gap="xs" component="ul" className="plain-list" aria-label={`Steps of ${g.name || g.id}`}>
              {steps.map((s) => {
                const si = draft.steps.findIndex((x) => x.id === s.id);
                const a = s.accept;
                return (
                  <li key={s.id}>
                    <Group align="flex-end" wrap="wrap" gap="xs">
                      {a.kind === 'achievement' ? (
                        <div style={{ flex: '1 1 260px', minWidth: 0 }}>
                          <AchievementPicker
                            label={`Step ${s.id}: micro-credential`}
                            value={a.achievementId}
                            knownNames={names}
                            error={fe[`steps.${si}.accept.achievementId`]}
                            onChange={(v, name) => {
                              setNames((m) => new Map(m).set(v, name));
                              setStep(s.id, { kind: 'achievement', achievementId: v });
                            }}
                          />
                        </div>
                      ) : a.kind === 'recognised' ? (
                        <>
                          <TextInput
                            label={`Step ${s.id}: recognised credentials (name shown to learners)`}
                            value={a.label}
                            onChange={(e) => setStep(s.id, { ...a, label: e.currentTarget.value })}
                            error={fe[`steps.${si}.accept.label`]}
                            style={{ flex: '1 1 220px' }}
                          />
                          <MultiSelect
                            label="Recognition rules that count"
                            data={RULE_KINDS}
                            value={a.ruleKinds}
                            onChange={(v) => setStep(s.id, { ...a, ruleKinds: v.filter(isRuleKind) })}
                            error={fe[`steps.${si}.accept.ruleKinds`]}
                            style={{ flex: '1 1 220px' }}
                          />
                          <TextInput
                            label="Only rules naming this requirement (optional)"
                            value={a.requirement ?? ''}
                            onChange={(e) => setStep(s.id, { ...a, requirement: e.currentTarget.value || null })}
                            error={fe[`steps.${si}.accept.requirement`]}
                            style={{ flex: '1 1 200px' }}
                          />
                          {rules.data && !rules.data.some((r) => r.status === 'published' && a.ruleKinds.includes(r.kind)) ? (
                            <Text size="sm" c="dimmed" w="100%">
                              No credentials are recognised yet: publish a recognition rule and it counts here.
                            </Text>
                          ) : null}
                        </>
                      ) : (
                        <>
                          <TextInput
                            label={`Step ${s.id}: imported credential (name shown to learners)`}
                            value={a.label}
                            onChange={(e) => setStep(s.id, { ...a, label: e.currentTarget.value })}
                            error={fe[`steps.${si}.accept.label`]}
                            style={{ flex: '1 1 220px' }}
                          />
                          <TextInput
                            label="Achievement id it must name"
                            value={a.achievementIri ?? ''}
                            onChange={(e) => setStep(s.id, { ...a, achievementIri: e.currentTarget.value || null })}
                            error={fe[`steps.${si}.accept.achievementIri`]}
                            style={{ flex: '1 1 200px' }}
                          />
                          <TextInput
                            label="or a skill alignment (URL, code or name)"
                            value={a.skill ?? ''}
                            onChange={(e) => setStep(s.id, { ...a, skill: e.currentTarget.value || null })}
                            style={{ flex: '1 1 200px' }}
                          />
                        </>
                      )}
                      <ActionIcon variant="default" size="lg" aria-label={`Remove step ${stepLabel(s)}`} onClick={() => removeStep(s.id)}>
                        ×
                      </ActionIcon>
                    </Group>
                  </li>
                );
              })}
            </Stack>
          ) : null}
          <Group gap="xs" wrap="wrap">
            <Button
              size="xs"
              variant="light"
              aria-label={`Add a micro-credential step to ${g.name || g.id}`}
              onClick={() => addStep(g.id, 'achievement')}
            >
              Add a micro-credential step
            </Button>
            <Button size="xs" variant="default" onClick={() => addStep(g.id, 'imported')}>
              Add an imported-credential step
            </Button>
            <Button size="xs" variant="default" onClick={() => addStep(g.id, 'recognised')}>
              Add a step for credentials we recognise
            </Button>
            <Button size="xs" variant="default" onClick={() => addGroup(g.id)}>
              Add a group inside
            </Button>
          </Group>
          {childGroups.map((c) => renderGroup(c, depth + 1))}
        </Stack>
      </Card>
    );
  };

  const root = draft.groups.find((g) => g.parentId === null);
  const errorList = Object.entries(fe);
  return (
    <>
      <PageTitle title={`${id ? 'Edit' : 'New'} pathway · ${org.name}`}>{id ? draft.name || 'Pathway' : 'New pathway'}</PageTitle>
      <Anchor component={Link} to={`/orgs/${org.slug}/pathways`} size="sm">
        ← All pathways
      </Anchor>
      {existing.status === 'ok' ? (
        <Text size="sm" mt="xs">
          {existing.data.versions.length
            ? `Published version ${existing.data.versions.at(-1)?.version ?? ''}${existing.data.hasUnpublishedChanges ? ' · this draft has unpublished changes' : ' · no unpublished changes'}`
            : 'Not published yet'}{' '}
          · {existing.data.completions} completion{existing.data.completions === 1 ? '' : 's'}
        </Text>
      ) : null}
      <Stack gap="md" mt="md">
        <ProblemAlert problem={form.problem} />
        {errorList.length ? (
          <List size="sm" aria-label="Problems to fix">
            {errorList.map(([path, message]) => (
              <List.Item key={path}>
                {path}: {message}
              </List.Item>
            ))}
          </List>
        ) : null}
        <TextInput
          label="Pathway name"
          required
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={fe['name']}
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          value={draft.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
        />
        <Select
          label="Completion credential (an achievement of this organisation, e.g. a Certificate)"
          required
          placeholder="Choose the achievement awarded on completion"
          data={ownOptions}
          value={draft.completionAchievementId || null}
          onChange={(v) => set({ completionAchievementId: v ?? '' })}
          searchable
          error={fe['completionAchievementId']}
        />
        <Select
          label="When a credential of the pathway expires or is revoked"
          data={POLICIES}
          value={draft.expiryPolicy}
          allowDeselect={false}
          onChange={(v) => v && set({ expiryPolicy: v as Draft['expiryPolicy'] })}
        />
        <section aria-labelledby="rules-heading">
          <Title order={2} size="h4" id="rules-heading" mb="xs">
            Rules
          </Title>
          {fe['groups'] ? (
            <Text c="red.9" size="sm" role="alert">
              {fe['groups']}
            </Text>
          ) : null}
          {root ? renderGroup(root, 0) : null}
        </section>
        <section aria-labelledby="order-heading">
          <Title order={2} size="h4" id="order-heading" mb="xs">
            Ordering (optional)
          </Title>
          <Text size="sm" mb="xs">
            A step that must be earned before another becomes available.
          </Text>
          <Stack gap="xs">
            {draft.precedes.map((e, i) => (
              <Group key={`${i}-${e.from}-${e.to}`} align="flex-end" wrap="wrap" gap="xs">
                <Select
                  label={`Rule ${i + 1}: first`}
                  data={stepOptions}
                  value={e.from || null}
                  onChange={(v) => set({ precedes: draft.precedes.map((x, j) => (j === i ? { ...x, from: v ?? '' } : x)) })}
                  error={fe[`precedes.${i}.from`] ?? fe[`precedes.${i}`]}
                  w={{ base: '100%', sm: 260 }}
                />
                <Select
                  label="then"
                  data={stepOptions}
                  value={e.to || null}
                  onChange={(v) => set({ precedes: draft.precedes.map((x, j) => (j === i ? { ...x, to: v ?? '' } : x)) })}
                  error={fe[`precedes.${i}.to`]}
                  w={{ base: '100%', sm: 260 }}
                />
                <Button variant="default" size="xs" onClick={() => set({ precedes: draft.precedes.filter((_, j) => j !== i) })}>
                  Remove rule {i + 1}
                </Button>
              </Group>
            ))}
            <Group>
              <Button
                size="xs"
                variant="default"
                disabled={draft.steps.length < 2}
                onClick={() => set({ precedes: [...draft.precedes, { from: '', to: '' }] })}
              >
                Add an ordering rule
              </Button>
            </Group>
          </Stack>
        </section>
        {notice ? (
          <Alert color="teal.9" variant="outline" role="status">
            {notice}
          </Alert>
        ) : null}
        {canEdit ? (
          <Group>
            <Button variant="default" onClick={() => void onSave()} loading={form.submitting}>
              Save draft
            </Button>
            <Button onClick={() => void onPublish()} loading={form.submitting}>
              Publish
            </Button>
          </Group>
        ) : (
          <Text size="sm">Only owners and designers can change pathways.</Text>
        )}
      </Stack>
    </>
  );
}

/** An organisation's pathways. */
export function OrgPathwaysPage() {
  const { org } = useOrg();
  const list = useApiQuery(`/orgs/${encodeURIComponent(org.slug)}/pathways`, z.array(PathwaySummary));
  const canEdit = org.role === 'owner' || org.role === 'designer';
  const newButton = canEdit ? (
    <Button component={Link} to={`/orgs/${org.slug}/pathways/new`}>
      New pathway
    </Button>
  ) : null;
  return (
    <>
      <PageTitle title={`Pathways · ${org.name}`} actions={newButton}>
        Pathways
      </PageTitle>
      {list.status === 'loading' ? <LoadingState label="Loading pathways…" /> : null}
      {list.status === 'error' ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ok' && list.data.length === 0 ? (
        <Text>No pathways yet. A pathway stacks micro-credentials into a certificate, awarded automatically on completion.</Text>
      ) : null}
      {list.status === 'ok' && list.data.length > 0 ? (
        <Stack component="ul" className="plain-list" gap="sm" aria-label="Pathways">
          {list.data.map((p) => (
            <Card component="li" key={p.id} withBorder padding="md">
              <Anchor component={Link} to={`/orgs/${org.slug}/pathways/${p.id}`} fw={600}>
                {p.name}
              </Anchor>
              <Text size="sm">
                {p.latestVersion ? `Published version ${p.latestVersion}` : 'Draft'}
                {p.latestVersion && p.hasUnpublishedChanges ? ' · unpublished changes' : ''} · {p.completions} completion
                {p.completions === 1 ? '' : 's'}
              </Text>
            </Card>
          ))}
        </Stack>
      ) : null}
    </>
  );
}
