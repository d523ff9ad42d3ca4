/** Pathways in the catalog, shown next to the micro-credentials. */
import { Anchor, Badge, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PathwayCatalogEntry } from '@tessera/shared';
import { Link } from 'react-router';
import { z } from 'zod';
import { useSession } from '../../lib/session';
import { useApiQuery } from '../../lib/query';

/** The published pathways matching the catalog search (nothing when there are none). */
export function CatalogPathways({ q }: { q: string | null }) {
  const list = useApiQuery(`/pathways${q ? `?q=${encodeURIComponent(q)}` : ''}`, z.array(PathwayCatalogEntry));
  const signedIn = useSession().state.status === 'signed-in';
  if (list.status !== 'ok' || list.data.length === 0) return null;
  return (
    <section aria-labelledby="catalog-pathways" style={{ marginBottom: 24 }}>
      <Title order={2} size="h3" id="catalog-pathways" mb="xs">
        Pathways
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" className="plain-list" aria-label="Pathways">
        {list.data.map((p) => (
          <Card component="li" key={p.pathwayId} withBorder radius="md" padding="md">
            <Stack gap={4}>
              <Badge variant="outline" color="indigo.9">
                Pathway · {p.completion.achievementType}
              </Badge>
              <Anchor component={Link} to={signedIn ? `/learn/pathways/${p.pathwayId}` : `/catalog/pathways/${p.pathwayId}`} fw={600}>
                {p.name}
              </Anchor>
              <Text size="sm">{p.issuer.name}</Text>
              <Text size="sm">
                {p.stepCount} step{p.stepCount === 1 ? '' : 's'}
                {p.creditsTotal > 0 ? ` · ${p.creditsTotal} credit${p.creditsTotal === 1 ? '' : 's'}` : ''} · leads to “{p.completion.name}”
              </Text>
              {p.description ? (
                <Text size="sm" c="dimmed" lineClamp={3}>
                  {p.description}
                </Text>
              ) : null}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}
