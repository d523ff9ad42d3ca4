/** A card's heading with a status marker on the right (a badge or a short note). */
import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Title at the given heading level, with `aside` aligned to the right. */
export function CardHeading({ title, order, aside }: { title: string; order: 2 | 3; aside: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start">
      <Title order={order} size="h4">
        {title}
      </Title>
      {aside}
    </Group>
  );
}
