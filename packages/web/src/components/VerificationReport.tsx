/** How a verification report is shown: the verdict and every step in plain words. */
import { Badge, Group, List, Text } from '@mantine/core';
import { DANGER, WARNING } from '../theme';

/** One step of the engine's report. */
export interface ReportStep {
  id: string;
  status: 'passed' | 'failed' | 'warning' | 'unknown';
  message: string;
}
/** The engine's overall verdict. */
export type Verdict = 'valid' | 'invalid' | 'indeterminate';

const STATUS: Record<ReportStep['status'], { label: string; color: string }> = {
  passed: { label: 'Passed', color: 'teal.9' },
  failed: { label: 'Failed', color: DANGER },
  warning: { label: 'Note', color: WARNING },
  unknown: { label: 'Not checked', color: 'gray.8' },
};

/** Title, colour and explanation of each verdict. */
export const VERDICT: Record<Verdict, { title: string; color: string; text: string }> = {
  valid: { title: 'Valid', color: 'teal.9', text: 'Every check passed.' },
  invalid: { title: 'Not valid', color: DANGER, text: 'At least one check failed.' },
  indeterminate: { title: 'Could not be fully verified', color: WARNING, text: 'Some checks could not be completed; nothing failed.' },
};

/** A small badge with the verdict's title. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <Badge color={VERDICT[verdict].color} variant="filled">
      {VERDICT[verdict].title}
    </Badge>
  );
}

/** The ordered list of steps. */
export function StepList({ steps, label = 'Verification steps' }: { steps: ReportStep[]; label?: string }) {
  return (
    <List spacing="xs" listStyleType="none" aria-label={label}>
      {steps.map((s, i) => (
        <List.Item key={`${s.id}-${i}`}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Badge color={STATUS[s.status].color} variant="filled" miw={112} style={{ flexShrink: 0 }}>
              {STATUS[s.status].label}
            </Badge>
            <Text size="sm">
              <strong>{s.id}</strong>: {s.message}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

/** The content type a credential file is sent with, from its first bytes and name. */
export function credentialContentType(file: File, bytes: Uint8Array): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'image/png';
  const head = new TextDecoder().decode(bytes.slice(0, 512)).trimStart();
  if (file.name.endsWith('.svg') || /^(<\?xml|<svg|<!DOCTYPE svg)/i.test(head)) return 'image/svg+xml';
  if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./.test(head)) return 'text/plain';
  return 'application/json';
}
