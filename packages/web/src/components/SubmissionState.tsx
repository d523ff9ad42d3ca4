/** Badges and words for submission and credential states. */
import { WARNING } from '../theme';
import { Badge } from '@mantine/core';
import type { BadgeProps } from '@mantine/core';

/**
 * Badge styles that never truncate a label ("SUBMIT…"): the badge keeps its full width in a flex row and, when
 * its cell is narrower than the words, wraps onto a second line instead of cutting them.
 */
export const FULL_LABEL_BADGE: BadgeProps['styles'] = {
  root: { flexShrink: 0, height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', paddingBlock: 2 },
  label: { overflow: 'visible', textOverflow: 'clip', whiteSpace: 'normal', lineHeight: 1.3, textAlign: 'center' },
};

const SUBMISSION: Record<string, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray.8' },
  submitted: { label: 'Submitted', color: 'blue.9' },
  in_review: { label: 'In review', color: 'blue.9' },
  needs_revision: { label: 'Needs revision', color: WARNING },
  disputed: { label: 'Being settled', color: 'grape.9' },
  passed: { label: 'Passed', color: 'teal.9' },
  not_passed: { label: 'Not passed', color: 'red.9' },
};

/** A passed submission whose credential was later withdrawn reads as such, never as plainly "Passed". */
const PASSED_BUT: Record<string, { label: string; color: string }> = {
  revoked: { label: 'Passed — credential revoked', color: 'red.9' },
  suspended: { label: 'Passed — credential suspended', color: WARNING },
  expired: { label: 'Passed — credential expired', color: 'gray.8' },
};

/** The words of a submission's state, taking its credential's status into account. */
export function submissionStateLabel(state: string, credentialStatus?: string | null): string {
  return (state === 'passed' && credentialStatus ? PASSED_BUT[credentialStatus]?.label : undefined) ?? SUBMISSION[state]?.label ?? state;
}

/** A submission's state as a badge; a passed one shows when its credential is revoked, suspended or expired. */
export function SubmissionStateBadge({ state, credentialStatus }: { state: string; credentialStatus?: string | null }) {
  const s = (state === 'passed' && credentialStatus ? PASSED_BUT[credentialStatus] : undefined) ??
    SUBMISSION[state] ?? { label: state, color: 'gray.8' };
  return (
    <Badge color={s.color} variant="filled" styles={FULL_LABEL_BADGE}>
      {s.label}
    </Badge>
  );
}

const CREDENTIAL: Record<string, { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal.9' },
  revoked: { label: 'Revoked', color: 'red.9' },
  suspended: { label: 'Suspended', color: WARNING },
  expired: { label: 'Expired', color: 'gray.8' },
};

/** A credential's status as a badge. */
export function CredentialStatusBadge({ status }: { status: string }) {
  const s = CREDENTIAL[status] ?? { label: status, color: 'gray.8' };
  return (
    <Badge color={s.color} variant="filled" styles={FULL_LABEL_BADGE}>
      {s.label}
    </Badge>
  );
}
