/** Skill frameworks of an organisation: browse the platform-wide and own frameworks as trees, search skills, import a file or URL. */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import {
  SkillFramework as FrameworkContract,
  SkillImportResult as ImportResultContract,
  SkillTreeLevel as TreeContract,
  SkillWithFramework as SkillContract,
} from '@tessera/shared';
import type { SkillFramework, SkillImportResult } from '@tessera/shared';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { z } from 'zod';
import { PageTitle } from '../../components/PageTitle';
import { skillLabel } from '../../components/SkillPicker';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { ApiError, errorMessage } from '../../lib/api';
import { apiCall, invalidateApi, useApiQuery } from '../../lib/query';
import { useOrg } from './OrgLayout';

const Frameworks = z.array(FrameworkContract);
const SearchResults = z.array(SkillContract);

/** One node of the tree: a skill that expands to load its children. */
function TreeNode({
  frameworkId,
  orgSlug,
  skill,
}: {
  frameworkId: string;
  orgSlug: string;
  skill: { id: string; code: string | null; name: string; childCount: number; url: string };
}) {
  const [open, setOpen] = useState(false);
  return (
    <li>
      <Group gap={6} wrap="nowrap" align="flex-start">
        {skill.childCount > 0 ? (
          <UnstyledButton
            onClick={() => setOpen(!open)}
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${skillLabel(skill)} (${skill.childCount})`}
            style={{ minWidth: 24, minHeight: 24 }}
          >
            {open ? '▾' : '▸'}
          </UnstyledButton>
        ) : (
          <span style={{ minWidth: 24 }} aria-hidden="true" />
        )}
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {skill.code ? (
            <Text span fw={600} size="sm">
              {skill.code}{' '}
            </Text>
          ) : null}
          <Anchor href={skill.url} target="_blank" rel="noopener noreferrer" size="sm">
            {skill.name}
          </Anchor>
        </Text>
      </Group>
      {open ? <TreeLevel frameworkId={frameworkId} orgSlug={orgSlug} parentId={skill.id} /> : null}
    </li>
  );
}

/** One level of a framework's tree (the top level without a parent). */
function TreeLevel({ frameworkId, orgSlug, parentId }: { frameworkId: string; orgSlug: string; parentId: string | null }) {
  const level = useApiQuery(
    `/skills/frameworks/${encodeURIComponent(frameworkId)}/tree?org=${encodeURIComponent(orgSlug)}${parentId ? `&parent=${encodeURIComponent(parentId)}` : ''}`,
    TreeContract,
  );
  if (level.status === 'loading') return <LoadingState label="Loading skills…" />;
  if (level.status === 'error') return <ErrorState error={level.error} onRetry={level.reload} />;
  if (!level.data.skills.length) return <Text size="sm">No skills here.</Text>;
  return (
    <ul style={{ listStyle: 'none', paddingLeft: parentId ? 24 : 0, margin: 0 }}>
      {level.data.skills.map((s) => (
        <TreeNode key={s.id} frameworkId={frameworkId} orgSlug={orgSlug} skill={s} />
      ))}
    </ul>
  );
}

/** Search box and results across the frameworks (or one). */
function SkillSearch({ orgSlug, frameworkId }: { orgSlug: string; frameworkId: string | null }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(t);
  }, [text]);
  const results = useApiQuery(
    q
      ? `/skills/search?q=${encodeURIComponent(q)}&org=${encodeURIComponent(orgSlug)}${frameworkId ? `&framework=${encodeURIComponent(frameworkId)}` : ''}&limit=30`
      : null,
    SearchResults,
  );
  return (
    <Stack gap="xs">
      <TextInput
        type="search"
        label="Search skills"
        description="Words (prefixes match) or an exact code"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <div aria-live="polite">
        {q && results.status === 'ok' ? (
          results.data.length ? (
            <List spacing={4} size="sm" aria-label="Search results">
              {results.data.map((s) => (
                <List.Item key={s.id} style={{ overflowWrap: 'anywhere' }}>
                  <Anchor href={s.url} target="_blank" rel="noopener noreferrer" size="sm">
                    {skillLabel(s)}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    {s.framework.title}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">No skills match “{q}”.</Text>
          )
        ) : null}
        {results.status === 'error' ? <ErrorState error={results.error} onRetry={results.reload} /> : null}
      </div>
    </Stack>
  );
}

/** Import a framework file (CASE JSON, RSD JSON, CSV) or URL into the organisation. */
function ImportForm({ orgSlug, onImported }: { orgSlug: string; onImported: (r: SkillImportResult) => void }) {
  const [source, setSource] = useState<'file' | 'url'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<string | null>('auto');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; problems: Array<{ path: string; message: string }> } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (source === 'file' && !file) return setError({ text: 'Choose a file.', problems: [] });
    if (source === 'url' && !url.trim()) return setError({ text: 'Enter the URL of the framework.', problems: [] });
    setBusy(true);
    try {
      const content = source === 'file' && file ? await file.text() : undefined;
      const csvTitle = title.trim() || (file ? file.name.replace(/\.[^.]+$/, '') : '');
      const body = {
        org: orgSlug,
        format: format ?? 'auto',
        ...(content !== undefined ? { content } : { url: url.trim() }),
        ...(csvTitle ? { title: csvTitle } : {}),
      };
      const r = await apiCall('POST', '/skills/frameworks/import', ImportResultContract, { body });
      onImported(r);
      setFile(null);
      setUrl('');
      setTitle('');
    } catch (err) {
      const problems = err instanceof ApiError ? (err.problem.errors ?? []) : [];
      setError({ text: errorMessage(err), problems });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="import-title">
            Import a framework
          </Title>
          <Text size="sm">
            A CASE 1.0 package (JSON), an Open Skills Network RSD or collection (JSON), or a CSV with columns id or code, name, description,
            parent. Importing the same framework again updates it and keeps its skills’ identities.
          </Text>
          <SegmentedControl
            value={source}
            onChange={(v) => setSource(v === 'url' ? 'url' : 'file')}
            data={[
              { label: 'File', value: 'file' },
              { label: 'URL', value: 'url' },
            ]}
            aria-label="Import from"
          />
          {source === 'file' ? (
            <FileInput label="Framework file" accept=".json,.csv,application/json,text/csv" value={file} onChange={setFile} clearable />
          ) : (
            <TextInput
              label="Framework URL"
              type="url"
              placeholder="https://…"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
            />
          )}
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label="Format"
              value={format}
              onChange={setFormat}
              allowDeselect={false}
              data={[
                { value: 'auto', label: 'Detect' },
                { value: 'case', label: 'CASE 1.0' },
                { value: 'rsd', label: 'RSD' },
                { value: 'csv', label: 'CSV' },
              ]}
            />
            <TextInput
              label="Title (CSV only)"
              description="Defaults to the file name"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
          </Group>
          {error ? (
            <Alert color="red.9" variant="outline" role="alert" title="The framework was not imported">
              <Text size="sm">{error.text}</Text>
              {error.problems.length ? (
                <List size="sm" mt={4}>
                  {error.problems.slice(0, 20).map((p, i) => (
                    <List.Item key={i} style={{ overflowWrap: 'anywhere' }}>
                      <code>{p.path}</code>: {p.message}
                    </List.Item>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={busy}>
              Import
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The skill frameworks page of an organisation. */
export function OrgSkillsPage() {
  const { org } = useOrg();
  const canImport = org.role === 'owner' || org.role === 'designer';
  const path = `/skills/frameworks?org=${encodeURIComponent(org.slug)}`;
  const frameworks = useApiQuery(path, Frameworks);
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list: SkillFramework[] = frameworks.status === 'ok' ? frameworks.data : [];
  const current = list.find((f) => f.id === selected) ?? list[0] ?? null;
  return (
    <>
      <PageTitle title={`Skill frameworks · ${org.name}`}>Skill frameworks</PageTitle>
      <Stack gap="md">
        {notice ? (
          <Alert color="teal.9" variant="outline" role="status">
            {notice}
          </Alert>
        ) : null}
        {frameworks.status === 'loading' ? <LoadingState label="Loading frameworks…" /> : null}
        {frameworks.status === 'error' ? <ErrorState error={frameworks.error} onRetry={frameworks.reload} /> : null}
        {frameworks.status === 'ok' && !list.length ? (
          <EmptyState title="No frameworks yet">{canImport ? 'Import one below.' : 'Ask an owner or designer to import one.'}</EmptyState>
        ) : null}
        {current ? (
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="browse-title">
            <Stack gap="sm">
              <Title order={2} size="h4" id="browse-title">
                Browse
              </Title>
              <Select
                label="Framework"
                value={current.id}
                onChange={(v) => setSelected(v)}
                allowDeselect={false}
                data={list.map((f) => ({ value: f.id, label: `${f.title}${f.scope === 'platform' ? ' (platform-wide)' : ''}` }))}
              />
              <Group gap="xs">
                <Badge variant="light">{current.sourceKind.toUpperCase()}</Badge>
                <Badge variant="light" color="gray.8">
                  {current.skillCount.toLocaleString()} skills
                </Badge>
                {current.version ? <Badge variant="outline">Version {current.version}</Badge> : null}
                {current.licence ? <Badge variant="outline">{current.licence}</Badge> : null}
              </Group>
              {current.description ? <Text size="sm">{current.description}</Text> : null}
              <SkillSearch orgSlug={org.slug} frameworkId={current.id} />
              <TreeLevel key={current.id} frameworkId={current.id} orgSlug={org.slug} parentId={null} />
            </Stack>
          </Paper>
        ) : null}
        {canImport ? (
          <ImportForm
            orgSlug={org.slug}
            onImported={(r) => {
              setNotice(
                `${r.created ? 'Imported' : 'Updated'} “${r.framework.title}”: ${r.skills} skills, ${r.associations} associations${r.retired ? `, ${r.retired} retired` : ''}${r.warnings.length ? ` (${r.warnings.length} warnings)` : ''}.`,
              );
              setSelected(r.framework.id);
              void invalidateApi('/skills/');
            }}
          />
        ) : null}
      </Stack>
    </>
  );
}
