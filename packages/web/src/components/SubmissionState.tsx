/** Badges and words for submission and credential states. */
import { WARNING } from '../theme';
import { Badge } from '@mantine/core';

const SUBMISSION: Record<string, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray.8' },
  submitted: { label: 'Submitted', color: 'blue.9' },
  in_review: { label: 'In review', color: 'blue.9' },
  needs_revision: { label: 'Needs revision', color: WARNING },
  disputed: { label: 'Being settled', color: 'grape.9' },
  passed: { label: 'Passed', color: 'teal.9' },
  not_passed: { label: 'Not passed', color: 'red.9' },
};

/** A submission's state as a badge. */
export function SubmissionStateBadge({ state }: { state: string }) {
  const s = SUBMISSION[state] ?? { label: state, color: 'gray.8' };
  return (
    <Badge color={s.color} variant="filled">
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
    <Badge color={s.color} variant="filled">
      {s.label}
    </Badge>
  );
}
