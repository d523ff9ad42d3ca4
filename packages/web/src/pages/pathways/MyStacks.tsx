/** Completed pathways in "My credentials": each completion credential with the credentials that made it, nested. */
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { StackedCredential } from '@tessera/shared';
import { Link } from 'react-router';
import { z } from 'zod';
import { useApiQuery } from '../../lib/query';

/** The learner's stacks (nothing when there are none). */
export function MyStacks() {
  const list = useApiQuery('/me/stacks', z.array(StackedCredential));
  if (list.status !== 'ok' || list.data.length === 0) return null;
  return (
    <section aria-labelledby="my-stacks" style={{ marginBottom: 24 }}>
      <Title order={2} size="h3" id="my-stacks" mb="xs">
        Completed pathways
      </Title>
      <Stack component="ul" className="plain-list" gap="sm">
        {list.data.map((s) => (
          <Card component="li" key={s.completionCredentialId} withBorder padding="md">
            <Anchor component={Link} to={`/learn/pathways/${s.pathwayId}`} fw={600}>
              {s.pathwayName}
            </Anchor>
            <Text size="sm" id={`parts-${s.pathwayId}`}>
              Made of {s.parts.length} credential{s.parts.length === 1 ? '' : 's'}:
            </Text>
            <ul aria-labelledby={`parts-${s.pathwayId}`} style={{ margin: '4px 0 0 6px', paddingLeft: 18 }}>
              {s.parts.map((p, i) => (
                <li key={`${p.id}-${i}`}>
                  <Text size="sm" span>
                    {p.name}
                    {p.kind === 'imported' ? ' (from your wallet)' : ''}
                  </Text>
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </Stack>
    </section>
  );
}
