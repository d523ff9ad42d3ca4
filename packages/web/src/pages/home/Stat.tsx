/** A figure on the home screen: a number with its label, optionally a link to where it comes from. */
import { Anchor, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';

/** One figure; `alert` draws attention (e.g. overdue reviews, failed jobs). */
export function Stat({
  label,
  value,
  to,
  alert = false,
  note,
}: {
  label: string;
  value: number | string;
  to?: string;
  alert?: boolean;
  note?: string;
}) {
  const figure = (
    <>
      <Text component="span" display="block" fz={28} fw={700} lh={1.1} c={alert ? 'red.9' : 'dark.9'}>
        {value}
      </Text>
      <Text component="span" display="block" size="sm" fw={600} c="dark.7">
        {label}
      </Text>
    </>
  );
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      style={alert ? { borderColor: 'var(--mantine-color-red-9)', borderWidth: 2 } : undefined}
    >
      {to ? (
        <Anchor component={Link} to={to} underline="hover" c="inherit" display="block">
          {figure}
        </Anchor>
      ) : (
        figure
      )}
      {note ? (
        <Text size="xs" c="dark.6" mt={2}>
          {note}
        </Text>
      ) : null}
    </Paper>
  );
}

/** A date for people, without the time. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { dateStyle: 'medium' });
}
