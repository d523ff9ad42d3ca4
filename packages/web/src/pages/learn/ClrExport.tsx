/** Export a signed CLR 2.0 learning record of chosen credentials, with associations between their achievements. */
import { ActionIcon, Alert, Button, Card, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { SignedClr } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ProblemAlert } from '../../components/states';
import { useFormState } from '../../lib/forms';
import { apiCall } from '../../lib/query';
import type { MyCredential } from '../../lib/types';

const TYPES = [
  { value: 'isRelatedTo', label: 'is related to' },
  { value: 'isPartOf', label: 'is part of' },
  { value: 'isChildOf', label: 'is a child of' },
  { value: 'isParentOf', label: 'is a parent of' },
  { value: 'isPeerOf', label: 'is a peer of' },
  { value: 'precedes', label: 'precedes' },
  { value: 'exactMatchOf', label: 'is an exact match of' },
  { value: 'replacedBy', label: 'is replaced by' },
  { value: 'exemplar', label: 'is an exemplar of' },
  { value: 'hasSkillLevel', label: 'has the skill level of' },
];

interface Row {
  key: number;
  sourceId: string | null;
  associationType: string;
  targetId: string | null;
}

/** The export form: credentials, a name, associations; the signed JSON is downloaded. */
export function ClrExport({ earned }: { earned: MyCredential[] }) {
  const usable = earned.filter((c) => c.status === 'active');
  const form = useFormState();
  const [chosen, setChosen] = useState<string[]>(usable.map((c) => c.id));
  const [name, setName] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [next, setNext] = useState(1);
  const [done, setDone] = useState<{ url: string; count: number } | null>(null);
  const options = usable.filter((c) => chosen.includes(c.id)).map((c) => ({ value: c.id, label: c.achievementName }));
  const update = (key: number, patch: Partial<Row>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The previous download link goes with its message.
    if (done) URL.revokeObjectURL(done.url);
    setDone(null);
    if (chosen.length === 0) return form.setFieldErrors({ credentialIds: 'Choose at least one credential' });
    const incomplete = rows.findIndex((r) => !r.sourceId || !r.targetId);
    if (incomplete >= 0) return form.setFieldErrors({ [`associations.${incomplete}.targetId`]: 'Choose both credentials' });
    await form.run(async () => {
      const body = {
        ...(name.trim() ? { name: name.trim() } : {}),
        credentialIds: chosen,
        associations: rows.map((r) => ({ associationType: r.associationType, sourceId: r.sourceId, targetId: r.targetId })),
      };
      const clr = await apiCall('POST', '/me/clr', SignedClr, { body });
      const url = URL.createObjectURL(new Blob([JSON.stringify(clr, null, 2)], { type: 'application/json' }));
      setDone({ url, count: chosen.length });
      const a = document.createElement('a');
      a.href = url;
      a.download = 'learning-record.clr.json';
      a.click();
    });
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="clr-heading">
      <Title order={2} size="h3" id="clr-heading" mb={4}>
        Export a learning record (CLR 2.0)
      </Title>
      <Text size="sm" mb="sm">
        A Comprehensive Learner Record holds the credentials you choose, each still signed by its issuer, and how their achievements relate.
        Tessera signs the record itself, so anyone can check it with any CLR 2.0 verifier.
      </Text>
      {usable.length === 0 ? (
        <Text size="sm">You need at least one valid credential earned here to export a record.</Text>
      ) : (
        <form onSubmit={(e) => void submit(e)} aria-label="Export a learning record" noValidate>
          <Stack gap="sm">
            <ProblemAlert problem={form.problem} />
            <TextInput
              label="Name of the record"
              placeholder="Learning record"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={200}
              error={form.fieldErrors['name']}
            />
            <Checkbox.Group label="Credentials in the record" value={chosen} onChange={setChosen} error={form.fieldErrors['credentialIds']}>
              <Stack gap={6} mt={6}>
                {usable.map((c) => (
                  <Checkbox key={c.id} value={c.id} label={`${c.achievementName} — ${c.issuerName}`} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Text size="sm" fw={600}>
              How the achievements relate (optional)
            </Text>
            {rows.map((r, i) => (
              <Group key={r.key} align="flex-end" gap="xs" wrap="wrap" role="group" aria-label={`Association ${i + 1}`}>
                <Select
                  label="Achievement"
                  data={options}
                  value={r.sourceId}
                  onChange={(v) => update(r.key, { sourceId: v })}
                  error={form.fieldErrors[`associations.${i}.sourceId`]}
                  w={220}
                />
                <Select
                  label="Relation"
                  data={TYPES}
                  value={r.associationType}
                  onChange={(v) => v && update(r.key, { associationType: v })}
                  allowDeselect={false}
                  w={190}
                />
                <Select
                  label="Other achievement"
                  data={options}
                  value={r.targetId}
                  onChange={(v) => update(r.key, { targetId: v })}
                  error={form.fieldErrors[`associations.${i}.targetId`]}
                  w={220}
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={`Remove association ${i + 1}`}
                  onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                disabled={options.length < 2}
                onClick={() => {
                  setRows([...rows, { key: next, sourceId: null, associationType: 'isRelatedTo', targetId: null }]);
                  setNext(next + 1);
                }}
              >
                Add an association
              </Button>
              {options.length < 2 ? <Text size="xs">Choose two or more credentials to relate them.</Text> : null}
            </Group>
            <Group>
              <Button type="submit" loading={form.submitting}>
                Export signed record
              </Button>
            </Group>
            {done ? (
              <Alert color="teal.9" variant="outline" role="status" title="Record exported">
                <Text size="sm">
                  {done.count} credential{done.count === 1 ? '' : 's'} in a signed ClrCredential.{' '}
                  <a href={done.url} download="learning-record.clr.json">
                    Download it again
                  </a>
                </Text>
              </Alert>
            ) : null}
          </Stack>
        </form>
      )}
    </Card>
  );
}
