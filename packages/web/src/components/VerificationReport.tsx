/** How a verification report is shown: the verdict, why it is not valid, and every step in plain words. */
import { Alert, Badge, Group, List, Text } from '@mantine/core';
import { VERDICT_TITLES, stepName, verificationProblem } from '@tessera/shared';
import type { VerificationStep as ReportStep, VerificationVerdict as Verdict } from '../lib/types';
import { DANGER, WARNING } from '../theme';

const STATUS: Record<ReportStep['status'], { label: string; color: string }> = {
  passed: { label: 'Passed', color: 'teal.9' },
  failed: { label: 'Failed', color: DANGER },
  warning: { label: 'Note', color: WARNING },
  unknown: { label: 'Not checked', color: 'gray.8' },
};

/** Title, colour and explanation of each verdict. */
export const VERDICT: Record<Verdict, { title: string; color: string; text: string }> = {
  valid: { title: VERDICT_TITLES.valid, color: 'teal.9', text: 'Every check passed.' },
  invalid: { title: VERDICT_TITLES.invalid, color: DANGER, text: 'At least one check failed.' },
  indeterminate: { title: VERDICT_TITLES.indeterminate, color: WARNING, text: 'Some checks could not be completed; nothing failed.' },
};

/** A small badge with the verdict's title. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <Badge color={VERDICT[verdict].color} variant="filled">
      {VERDICT[verdict].title}
    </Badge>
  );
}

/** The opening words of a report that is not valid. */
const NOT_VALID: Record<Exclude<Verdict, 'valid'>, string> = {
  invalid: 'This credential does NOT verify',
  indeterminate: 'This credential could not be fully verified',
};

/** Why a report is not valid, in plain words: the first failed (else unchecked) step's name and message; nothing when valid. */
export function VerdictReason({ verdict, steps }: { verdict: Verdict; steps: ReportStep[] }) {
  if (verdict === 'valid') return null;
  const problem = verificationProblem(steps);
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      {NOT_VALID[verdict]}
      {problem ? (
        <>
          {' — '}
          <strong>{stepName(problem.id)}</strong>: {problem.message}
        </>
      ) : (
        '.'
      )}
    </Text>
  );
}

/** The verdict at the top of a report: an alert naming the reason when it is not valid, a status when it is. */
export function VerdictAlert({ verdict, steps, title }: { verdict: Verdict; steps: ReportStep[]; title?: string }) {
  const v = VERDICT[verdict];
  return (
    <Alert color={v.color} variant="outline" title={title ?? `Verdict: ${v.title}`} role={verdict === 'invalid' ? 'alert' : 'status'}>
      {verdict === 'valid' ? <Text size="sm">{v.text}</Text> : <VerdictReason verdict={verdict} steps={steps} />}
    </Alert>
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
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              <strong>{stepName(s.id)}</strong>: {s.message}
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
