/** Find a published micro-credential (any organisation's) in the catalog and pick it. */
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { CatalogPage } from '@tessera/shared';
import { useState } from 'react';
import { useApiQuery } from '../../lib/query';

/** A picked achievement. */
export interface PickedAchievement {
  id: string;
  name: string;
  issuerName: string;
}

/** Search the catalog (optionally one organisation's) and choose a micro-credential. */
export function AchievementSearch({
  label,
  value,
  onChange,
  error,
  org,
}: {
  label: string;
  value: PickedAchievement | null;
  onChange: (a: PickedAchievement | null) => void;
  error?: string | undefined;
  org?: string;
}) {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const params = new URLSearchParams({ pageSize: '20', ...(query ? { q: query } : {}), ...(org ? { org } : {}) });
  const results = useApiQuery(`/catalog?${params.toString()}`, CatalogPage);
  const options = results.status === 'ok' ? results.data.items.filter((i) => i.status === 'published') : [];
  const data = [
    ...(value && !options.some((o) => o.achievementId === value.id)
      ? [{ value: value.id, label: `${value.name} (${value.issuerName})` }]
      : []),
    ...options.map((o) => ({ value: o.achievementId, label: `${o.content.name} (${o.issuer.name})` })),
  ];
  return (
    <Stack gap={6}>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={`Search for the ${label.toLowerCase()}`}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              setQuery(q.trim());
            }
          }}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Button variant="default" onClick={() => setQuery(q.trim())}>
          Search
        </Button>
      </Group>
      <Select
        label={label}
        placeholder={results.status === 'loading' ? 'Loading…' : 'Choose a micro-credential'}
        data={data}
        value={value?.id ?? null}
        searchable
        onChange={(id) => {
          const o = options.find((x) => x.achievementId === id);
          onChange(o ? { id: o.achievementId, name: o.content.name, issuerName: o.issuer.name } : id && value?.id === id ? value : null);
        }}
        error={error}
        required
      />
    </Stack>
  );
}
