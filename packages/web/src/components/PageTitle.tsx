/** The page's h1, which also sets the document title. */
import { Group, Title } from '@mantine/core';
import { useEffect } from 'react';
import type { ReactNode } from 'react';

/** Render the one h1 of a screen and set `document.title`. */
export function PageTitle({ children, title, actions }: { children: ReactNode; title: string; actions?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Tessera`;
  }, [title]);
  return (
    <Group justify="space-between" align="center" mb="lg" wrap="wrap" gap="sm">
      <Title order={1} size="h2">
        {children}
      </Title>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
