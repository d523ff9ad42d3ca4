/** The catalog: published micro-credentials across organisations, with search, filters, pages and the person's progress. */
import { Button, Group, Pagination, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { ACHIEVEMENT_TYPES, MyCatalogPage } from '@tessera/shared';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useApiQuery } from '../../lib/query';
import { CatalogPathways } from '../pathways/CatalogPathways';
import { CatalogCard } from './CatalogCard';

const FILTERS = ['q', 'skill', 'org', 'type'] as const;

/** The catalog screen; its filters live in the URL so results can be shared and bookmarked. */
export function CatalogPageScreen() {
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const query = new URLSearchParams();
  for (const key of FILTERS) {
    const v = params.get(key);
    if (v) query.set(key, v);
  }
  const page = Number(params.get('page') ?? '1') || 1;
  query.set('page', String(page));
  const result = useApiQuery(`/catalog?${query.toString()}`, MyCatalogPage);

  const update = (changes: Partial<Record<(typeof FILTERS)[number] | 'page', string | null>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ q: q.trim() || null });
  };
  const facets = result.status === 'ok' ? result.data.facets : { skills: [], orgs: [], types: [] };

  return (
    <>
      <PageTitle title="Catalog">Micro-credential catalog</PageTitle>
      <form onSubmit={onSearch} role="search" aria-label="Search the catalog">
        <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
          <TextInput
            label="Search"
            placeholder="e.g. online discussions"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={{ base: '100%', sm: 320 }}
          />
          <Button type="submit">Search</Button>
          <Select
            label="Skill"
            placeholder="Any skill"
            data={facets.skills}
            value={params.get('skill')}
            onChange={(v) => update({ skill: v })}
            clearable
            searchable
            w={{ base: '100%', sm: 200 }}
          />
          <Select
            label="Organisation"
            placeholder="Any organisation"
            data={facets.orgs.map((o) => ({ value: o.slug, label: o.name }))}
            value={params.get('org')}
            onChange={(v) => update({ org: v })}
            clearable
            w={{ base: '100%', sm: 220 }}
          />
          <Select
            label="Type"
            placeholder="Any type"
            data={[...ACHIEVEMENT_TYPES]}
            value={params.get('type')}
            onChange={(v) => update({ type: v })}
            clearable
            w={{ base: '100%', sm: 180 }}
          />
        </Group>
      </form>
      <CatalogPathways q={params.get('q')} />
      {result.status === 'loading' ? <LoadingState label="Loading the catalog…" /> : null}
      {result.status === 'error' ? <ErrorState error={result.error} onRetry={result.reload} /> : null}
      {result.status === 'ok' ? (
        <>
          <Text mb="sm" role="status">
            {result.data.total} micro-credential{result.data.total === 1 ? '' : 's'} found
          </Text>
          {result.data.items.length === 0 ? (
            <EmptyState title="Nothing matches">Try other words or clear a filter.</EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" className="plain-list" aria-label="Micro-credentials">
              {result.data.items.map((item) => (
                <CatalogCard key={item.achievementId} item={item} />
              ))}
            </SimpleGrid>
          )}
          {result.data.total > result.data.pageSize ? (
            <Group justify="center" mt="lg">
              <Pagination
                total={Math.ceil(result.data.total / result.data.pageSize)}
                value={result.data.page}
                onChange={(p) => update({ page: String(p) })}
                getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
              />
            </Group>
          ) : null}
        </>
      ) : null}
    </>
  );
}
