/** The learner's wallet: credentials earned here, credentials imported from elsewhere, and collections. */
import {
  Anchor,
  Button,
  Card,
  Checkbox,
  CopyButton,
  FileInput,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import {
  Collection as CollectionContract,
  Wallet as WalletContract,
  WalletItem as WalletItemContract,
  verificationReason,
} from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { CardHeading } from '../../components/CardHeading';
import { PageTitle } from '../../components/PageTitle';
import { ClrExport } from './ClrExport';
import { CredentialStatusBadge } from '../../components/SubmissionState';
import { StepList, VERDICT, VerdictAlert, VerdictBadge, VerdictReason, credentialContentType } from '../../components/VerificationReport';
import { EmptyState, ErrorState, LoadingState, ProblemAlert } from '../../components/states';
import { postRaw } from '../../lib/api';
import { useFormState } from '../../lib/forms';
import { formatDateTime } from '../../lib/links';
import { apiCall, parseResponse, useApiQuery } from '../../lib/query';
import type { Collection, Wallet, WalletItem } from '../../lib/types';
import { WhereThisCountsPanel } from '../recognition/WhereThisCounts';
import { MyStacks } from '../pathways/MyStacks';

const SOURCE: Record<WalletItem['source'], string> = { upload: 'Uploaded file', url: 'From a link', paste: 'Pasted' };

/** Add a credential from elsewhere: upload, link or paste. It is verified on the way in. */
function ImportForm({ onImported }: { onImported: (item: WalletItem) => void }) {
  const form = useFormState();
  const [tab, setTab] = useState<string | null>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [last, setLast] = useState<WalletItem | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setLast(null);
    if (tab === 'upload' && !file) return form.setFieldErrors({ file: 'Choose a file' });
    if (tab === 'url' && !url.trim()) return form.setFieldErrors({ url: 'Enter the credential’s URL' });
    if (tab === 'paste' && !text.trim()) return form.setFieldErrors({ text: 'Paste a credential' });
    await form.run(async () => {
      let item: WalletItem;
      if (tab === 'upload' && file) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const type = credentialContentType(file, bytes);
        // Plain JSON bodies are the {url}/{text} form; a credential file goes as a VC document.
        item = parseResponse(
          WalletItemContract,
          await postRaw('/me/wallet/imports', bytes, type === 'application/json' ? 'application/vc+ld+json' : type),
          '/me/wallet/imports',
        );
        setFile(null);
      } else if (tab === 'url') {
        item = await apiCall('POST', '/me/wallet/imports', WalletItemContract, { body: { url: url.trim() } });
        setUrl('');
      } else {
        item = await apiCall('POST', '/me/wallet/imports', WalletItemContract, { body: { text } });
        setText('');
      }
      setLast(item);
      onImported(item);
    });
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="import-heading">
      <Title order={2} size="h3" id="import-heading" mb={4}>
        Add a credential from elsewhere
      </Title>
      <Text size="sm" mb="sm">
        Open Badges 3.0, Open Badges 2.0 and CLR credentials from any issuer. Each one is verified when you add it, and you can verify it
        again at any time.
      </Text>
      <form onSubmit={(e) => void submit(e)} aria-label="Import a credential" noValidate>
        <Tabs
          value={tab}
          onChange={(v) => {
            setTab(v);
            form.reset();
          }}
        >
          <Tabs.List>
            <Tabs.Tab value="upload">Upload a file</Tabs.Tab>
            <Tabs.Tab value="url">From a link</Tabs.Tab>
            <Tabs.Tab value="paste">Paste JSON or JWT</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="upload" pt="md">
            <FileInput
              label="Credential file"
              description="JSON, JWT, or a baked PNG or SVG badge image (up to 10 MB)"
              placeholder="Choose a file"
              accept=".json,.jwt,.txt,.png,.svg,application/json,image/png,image/svg+xml"
              value={file}
              onChange={setFile}
              error={form.fieldErrors['file']}
            />
          </Tabs.Panel>
          <Tabs.Panel value="url" pt="md">
            <TextInput
              label="Credential URL"
              type="url"
              placeholder="https://…"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={form.fieldErrors['url']}
            />
          </Tabs.Panel>
          <Tabs.Panel value="paste" pt="md">
            <Textarea
              label="Credential (JSON or compact JWT)"
              autosize
              minRows={6}
              maxRows={16}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={form.fieldErrors['text']}
              styles={{ input: { fontFamily: 'monospace' } }}
            />
          </Tabs.Panel>
        </Tabs>
        <Group mt="md">
          <Button type="submit" loading={form.submitting}>
            Add to my wallet
          </Button>
        </Group>
      </form>
      <Stack mt="sm" gap="xs" aria-live="polite">
        <ProblemAlert problem={form.problem} />
        {last ? (
          <VerdictAlert verdict={last.verdict} steps={last.steps} title={`Added “${last.name}”: ${VERDICT[last.verdict].title}`} />
        ) : null}
      </Stack>
    </Card>
  );
}

/** One imported credential with its verdict, steps, re-verify and remove. */
function ImportedCard({
  item,
  onChange,
  onRemoved,
}: {
  item: WalletItem;
  onChange: (i: WalletItem) => void;
  onRemoved: (id: string) => void;
}) {
  const form = useFormState();
  const [confirm, setConfirm] = useState(false);
  const [note, setNote] = useState('');
  const reverify = () =>
    void form.run(async () => {
      const next = await apiCall('POST', `/me/wallet/imports/${encodeURIComponent(item.id)}/verify`, WalletItemContract);
      onChange(next);
      setNote(`Verified again: ${VERDICT[next.verdict].title}.`);
    });
  const remove = () =>
    void form.run(async () => {
      await apiCall('DELETE', `/me/wallet/imports/${encodeURIComponent(item.id)}`, z.undefined());
      setConfirm(false);
      onRemoved(item.id);
    });
  return (
    <Card component="li" withBorder radius="md" padding="lg">
      <Stack gap="xs">
        <CardHeading order={3} title={item.name} aside={<VerdictBadge verdict={item.verdict} />} />
        <Text size="sm">{item.issuerName ? `Issued by ${item.issuerName}` : 'Issuer not named'}</Text>
        <Text size="sm">
          {SOURCE[item.source]}
          {item.sourceUrl ? (
            <>
              {' · '}
              <Anchor href={item.sourceUrl} target="_blank" rel="noopener noreferrer">
                original
              </Anchor>
            </>
          ) : null}
          {' · '}last verified {formatDateTime(item.verifiedAt)}
        </Text>
        <VerdictReason verdict={item.verdict} steps={item.steps} />
        <details>
          <summary>Checks ({item.steps.length})</summary>
          <StepList steps={item.steps} label={`Checks of ${item.name}`} />
        </details>
        <ProblemAlert problem={form.problem} />
        <Group gap="sm">
          <Button size="xs" variant="default" onClick={reverify} loading={form.submitting && !confirm}>
            Verify again
          </Button>
          <Button size="xs" variant="outline" color="red.9" onClick={() => setConfirm(true)}>
            Remove
          </Button>
        </Group>
        <Text size="sm" role="status" aria-live="polite">
          {note}
        </Text>
      </Stack>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={`Remove “${item.name}” from your wallet?`}>
        <Text size="sm" mb="md">
          It also leaves every collection it is in. The original credential is not affected.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirm(false)}>
            Keep it
          </Button>
          <Button color="red.9" onClick={remove} loading={form.submitting}>
            Remove
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}

/** Create or change a collection: a name, whether the profile shows it, and which credentials it holds. */
function CollectionEditor({
  wallet,
  collection,
  onSaved,
  onCancel,
}: {
  wallet: Wallet;
  collection: Collection | null;
  onSaved: (c: Collection) => void;
  onCancel: () => void;
}) {
  const form = useFormState();
  const [name, setName] = useState(collection?.name ?? '');
  const [isPublic, setPublic] = useState(collection?.public ?? false);
  const [entries, setEntries] = useState<string[]>(collection?.entries ?? []);
  const options: Array<{ value: string; label: string; description?: string | undefined }> = [
    ...wallet.earned.map((c) => ({
      value: `earned:${c.id}`,
      label: `${c.achievementName} — ${c.issuerName}${c.visibility === 'public' ? '' : ' (not public: hidden on your profile)'}`,
    })),
    ...wallet.imported.map((i) => ({
      value: `imported:${i.id}`,
      label: `${i.name}${i.issuerName ? ` — ${i.issuerName}` : ''} (imported, ${VERDICT[i.verdict].title.toLowerCase()})`,
      // Not valid or not fully verified: say why, as everywhere else a verdict is shown.
      description: i.verdict === 'valid' ? undefined : (verificationReason(i.steps) ?? undefined),
    })),
  ];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return form.setFieldErrors({ name: 'Name the collection' });
    await form.run(async () => {
      const body = { name: name.trim(), public: isPublic, entries };
      onSaved(
        collection
          ? await apiCall('PUT', `/me/collections/${encodeURIComponent(collection.id)}`, CollectionContract, { body })
          : await apiCall('POST', '/me/collections', CollectionContract, { body }),
      );
    });
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={collection ? `Edit collection ${collection.name}` : 'New collection'} noValidate>
      <Stack gap="sm">
        <ProblemAlert problem={form.problem} />
        <TextInput
          label="Name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={form.fieldErrors['name']}
          maxLength={120}
        />
        <Switch label="Show this collection on my public profile" checked={isPublic} onChange={(e) => setPublic(e.currentTarget.checked)} />
        <Checkbox.Group label="Credentials in this collection" value={entries} onChange={setEntries} error={form.fieldErrors['entries']}>
          <Stack gap={6} mt={6}>
            {options.length === 0 ? <Text size="sm">You have no credentials yet.</Text> : null}
            {options.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} description={o.description} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Save collection
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The collections section. */
function Collections({ wallet, onChange }: { wallet: Wallet; onChange: (w: Wallet) => void }) {
  const [editing, setEditing] = useState<Collection | 'new' | null>(null);
  const form = useFormState();
  const label = (entry: string) => {
    const [kind, ...rest] = entry.split(':');
    const id = rest.join(':');
    if (kind === 'earned') return wallet.earned.find((c) => c.id === id)?.achievementName ?? 'A credential no longer here';
    return wallet.imported.find((i) => i.id === id)?.name ?? 'A credential no longer here';
  };
  const saved = (c: Collection) => {
    const exists = wallet.collections.some((x) => x.id === c.id);
    onChange({ ...wallet, collections: exists ? wallet.collections.map((x) => (x.id === c.id ? c : x)) : [...wallet.collections, c] });
    setEditing(null);
  };
  const remove = (c: Collection) =>
    void form.run(async () => {
      await apiCall('DELETE', `/me/collections/${encodeURIComponent(c.id)}`, z.undefined());
      onChange({ ...wallet, collections: wallet.collections.filter((x) => x.id !== c.id) });
    });
  return (
    <section aria-labelledby="collections-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="collections-heading">
          Collections
        </Title>
        <Button variant="default" onClick={() => setEditing('new')}>
          New collection
        </Button>
      </Group>
      <ProblemAlert problem={form.problem} />
      {wallet.collections.length === 0 ? (
        <Text size="sm">Group credentials, for example by job application or subject. Public collections appear on your profile.</Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="plain-list" aria-label="Collections">
        {wallet.collections.map((c) => (
          <Card component="li" key={c.id} withBorder radius="md" padding="md">
            <CardHeading order={3} title={c.name} aside={<Text size="sm">{c.public ? 'On my profile' : 'Only me'}</Text>} />
            {c.entries.length === 0 ? (
              <Text size="sm">No credentials yet.</Text>
            ) : (
              <ul>
                {c.entries.map((e) => (
                  <li key={e}>
                    <Text size="sm">{label(e)}</Text>
                  </li>
                ))}
              </ul>
            )}
            <Group gap="sm" mt="xs">
              <Button size="xs" variant="default" onClick={() => setEditing(c)} aria-label={`Edit collection ${c.name}`}>
                Edit
              </Button>
              <Button size="xs" variant="outline" color="red.9" onClick={() => remove(c)} aria-label={`Delete collection ${c.name}`}>
                Delete
              </Button>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'New collection' : editing ? `Edit “${editing.name}”` : ''}
        size="lg"
      >
        {editing !== null ? (
          <CollectionEditor
            wallet={wallet}
            collection={editing === 'new' ? null : editing}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </section>
  );
}

/** My wallet. */
export function WalletPage() {
  const wallet = useApiQuery('/me/wallet', WalletContract);
  if (wallet.status === 'loading') return <LoadingState label="Loading your wallet…" />;
  if (wallet.status === 'error') return <ErrorState error={wallet.error} onRetry={wallet.reload} />;
  const w = wallet.data;
  const set = (next: Wallet) => wallet.setData(next);
  return (
    <>
      <PageTitle title="My wallet">My wallet</PageTitle>
      <Stack gap="xl">
        <Group gap="sm">
          <Text size="sm">
            Your public profile lists the credentials you made public and your public collections:{' '}
            <Anchor href={w.profileUrl} target="_blank" rel="noopener noreferrer" className="wrap-anywhere">
              {w.profileUrl}
            </Anchor>
          </Text>
          <CopyButton value={w.profileUrl}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy profile link'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <WhereThisCountsPanel />
        <MyStacks />
        <section aria-labelledby="earned-heading">
          <Title order={2} size="h3" id="earned-heading" mb="sm">
            Earned on Tessera ({w.earned.length})
          </Title>
          {w.earned.length === 0 ? (
            <EmptyState
              title="Nothing earned here yet"
              action={
                <Button component={Link} to="/catalog">
                  Browse the catalog
                </Button>
              }
            >
              Credentials you earn here appear in your wallet automatically.
            </EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="plain-list" aria-label="Earned credentials">
              {w.earned.map((c) => (
                <Card component="li" key={c.id} withBorder radius="md" padding="md">
                  <CardHeading order={3} title={c.achievementName} aside={<CredentialStatusBadge status={c.status} />} />
                  <Text size="sm">
                    {c.issuerName} · issued {formatDateTime(c.issuedAt)}
                  </Text>
                  <Group gap="sm">
                    <Anchor href={c.pageUrl} target="_blank" rel="noopener noreferrer">
                      Public page
                    </Anchor>
                    <Anchor component={Link} to="/me/credentials">
                      Sharing settings
                    </Anchor>
                  </Group>
                </Card>
              ))}
            </SimpleGrid>
          )}
        </section>
        <ImportForm onImported={(item) => set({ ...w, imported: [item, ...w.imported] })} />
        <section aria-labelledby="imported-heading">
          <Title order={2} size="h3" id="imported-heading" mb="sm">
            Imported ({w.imported.length})
          </Title>
          {w.imported.length === 0 ? (
            <Text size="sm">Credentials you add from other issuers appear here with their verification result.</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="plain-list" aria-label="Imported credentials">
              {w.imported.map((i) => (
                <ImportedCard
                  key={i.id}
                  item={i}
                  onChange={(next) => set({ ...w, imported: w.imported.map((x) => (x.id === next.id ? next : x)) })}
                  onRemoved={(id) =>
                    set({
                      ...w,
                      imported: w.imported.filter((x) => x.id !== id),
                      collections: w.collections.map((c) => ({ ...c, entries: c.entries.filter((e) => e !== `imported:${id}`) })),
                    })
                  }
                />
              ))}
            </SimpleGrid>
          )}
        </section>
        <Collections wallet={w} onChange={set} />
        <ClrExport earned={w.earned} />
      </Stack>
    </>
  );
}
