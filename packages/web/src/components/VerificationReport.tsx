/**
 * How a verification report is shown: the verdict, why it is not valid, what the credential claims (marked
 * UNVERIFIED unless it is valid), a recipient email check, and every step in plain words.
 */
import { Alert, Badge, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { VERDICT_TITLES, stepName, verificationProblem } from '@tessera/shared';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { formatDateTime } from '../lib/links';
import type { VerificationReport as Report, VerificationStep as ReportStep, VerificationVerdict as Verdict } from '../lib/types';
import { DANGER, WARNING } from '../theme';
import type { EmailCheckResult } from './recipient-email';
import { checkRecipientEmail, emailIdentities } from './recipient-email';
import { FULL_LABEL_BADGE } from './SubmissionState';

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
    <Badge color={VERDICT[verdict].color} variant="filled" styles={FULL_LABEL_BADGE}>
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

/** ISO 8601 date-times inside a message ("Valid until 2029-11-01T10:53:29Z"), as people write them. */
const ISO_DATE_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** A step message with its ISO date-times written for people. */
export function humanDates(message: string): string {
  return message.replace(ISO_DATE_TIME, (iso) => formatDateTime(iso));
}

/** The ordered list of steps. */
export function StepList({ steps, label = 'Verification steps' }: { steps: ReportStep[]; label?: string }) {
  return (
    <List spacing="xs" listStyleType="none" aria-label={label}>
      {steps.map((s, i) => (
        <List.Item key={`${s.id}-${i}`}>
          <Group gap={6} wrap="wrap" align="flex-start">
            <Badge color={STATUS[s.status].color} variant="filled" miw={112} styles={FULL_LABEL_BADGE}>
              {STATUS[s.status].label}
            </Badge>
            <Text size="sm" style={{ overflowWrap: 'anywhere', flex: '1 1 220px', minWidth: 0 }}>
              <strong>{stepName(s.id)}</strong>: {humanDates(s.message)}
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

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined;

/** A claimed date for people ("12 Mar 2026, 14:05"); anything that is not a date is shown as it is. */
export function claimDate(value: unknown): string | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  return /^\d{4}-\d{2}-\d{2}/.test(raw) ? formatDateTime(raw) : raw;
}

/** The rows of "what the credential claims", read from an OB 3.0 / CLR credential or an OB 2.0 assertion. */
export function claimRows(report: Pick<Report, 'credential' | 'format'>): Array<[string, string]> {
  const c = report.credential;
  if (!c) return [];
  const subject = rec(first(c['credentialSubject']));
  const achievement = rec(subject['achievement']);
  const issuer = rec(c['issuer']);
  // An Open Badges 2.0 assertion names its badge class (embedded or by URL) and a recipient object instead.
  const badge = rec(c['badge']);
  const recipient = rec(c['recipient']);
  const hashedRecipient = Array.isArray(subject['identifier']) || recipient['hashed'] === true;
  const rows: Array<[string, string | undefined]> = [
    ['Achievement', text(achievement['name']) ?? text(c['name']) ?? text(badge['name']) ?? text(c['badge'])],
    ['Issuer', text(issuer['name']) ?? text(c['issuer']) ?? text(issuer['id']) ?? text(rec(badge['issuer'])['name'])],
    [
      'Recipient',
      text(subject['name']) ?? text(subject['id']) ?? (hashedRecipient ? 'Identified by a hashed identifier' : text(recipient['identity'])),
    ],
    ['Valid from', claimDate(c['validFrom'] ?? c['issuanceDate'] ?? c['issuedOn'])],
    ['Valid until', claimDate(c['validUntil'] ?? c['expirationDate'] ?? c['expires']) ?? 'No expiry'],
    ['Format', text(report.format)],
  ];
  return rows.flatMap(([k, v]) => (v === undefined ? [] : [[k, v] as [string, string]]));
}

/**
 * What the credential claims. Only a valid credential's claims are shown as they are; otherwise they are
 * greyed, headed UNVERIFIED and preceded by a warning that nothing in them can be trusted.
 */
export function ClaimsPanel({ report }: { report: Pick<Report, 'credential' | 'format' | 'verdict'> }) {
  const c = report.credential;
  if (!c) return null;
  const rows = claimRows(report);
  const verified = report.verdict === 'valid';
  const narrative = text(rec(rec(rec(first(c['credentialSubject']))['achievement'])['criteria'])['narrative']);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="claims-heading"
      bg={verified ? undefined : 'gray.1'}
      style={verified ? undefined : { borderStyle: 'dashed', borderWidth: 2, borderColor: 'var(--mantine-color-gray-6)' }}
      data-verified={verified ? 'true' : 'false'}
    >
      <Group gap="sm" mb="sm" align="center">
        <Title order={2} size="h4" id="claims-heading">
          What the credential claims
        </Title>
        {verified ? (
          <Badge color="teal.9" variant="filled" styles={FULL_LABEL_BADGE}>
            Verified
          </Badge>
        ) : (
          <Badge color="gray.8" variant="filled" styles={FULL_LABEL_BADGE}>
            Unverified
          </Badge>
        )}
      </Group>
      {verified ? null : (
        <Alert
          color={VERDICT[report.verdict].color}
          variant="outline"
          mb="sm"
          role="note"
          title="Nothing below can be trusted"
          id="claims-warning"
        >
          <Text size="sm">
            {report.verdict === 'invalid'
              ? 'This credential did not verify: it may be forged or altered. The name, issuer, recipient and dates below are only what the file says, not what its issuer confirmed. Do not rely on them.'
              : 'This credential could not be fully verified, so its issuer has not confirmed anything below. Do not rely on it until every check passes.'}
          </Text>
        </Alert>
      )}
      <dl
        className="claims"
        aria-describedby={verified ? undefined : 'claims-warning'}
        style={verified ? undefined : { color: 'var(--mantine-color-gray-8)' }}
      >
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{verified ? k : `${k} (claimed)`}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {narrative ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={verified ? undefined : 'gray.8'}>
          {narrative}
        </Text>
      ) : null}
    </Paper>
  );
}

/** The words of an email check's result. */
function resultWords(result: EmailCheckResult, email: string, verified: boolean): { title: string; text: string; color: string } {
  if (result === 'unsupported')
    return {
      title: 'Cannot check',
      color: 'gray.8',
      text: 'This credential hashes the address with MD5, which this page cannot compute. Ask the issuer to confirm the recipient.',
    };
  if (result === 'no_match')
    return {
      title: 'Does not match',
      color: DANGER,
      text: `${email} does not match the recipient of this credential. Check the spelling: it must be the address the credential was issued to.`,
    };
  return {
    title: 'Matches',
    color: verified ? 'teal.9' : WARNING,
    text: verified
      ? `${email} matches the recipient of this credential.`
      : `${email} matches the recipient named in this file — but the credential did not verify, so this does not show who earned it.`,
  };
}

/** "Check a recipient's email": compares a typed address with the credential's (hashed or plain) email identity, in the browser. */
export function RecipientEmailCheck({ credential, verified }: { credential: Json | null; verified: boolean }) {
  const identities = useMemo(() => emailIdentities(credential), [credential]);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ email: string; result: EmailCheckResult } | null>(null);
  if (identities.length === 0) return null;
  const hashed = identities.every((i) => i.hashed);
  const check = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    if (!email.trim()) {
      setError('Enter the email address to check');
      return;
    }
    setBusy(true);
    try {
      setOutcome({ email: email.trim(), result: await checkRecipientEmail(identities, email) });
    } catch {
      setError('This browser cannot compute the check (it needs Web Crypto, available on https pages).');
    }
    setBusy(false);
  };
  const words = outcome ? resultWords(outcome.result, outcome.email, verified) : null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="email-check-heading">
      <Title order={2} size="h4" id="email-check-heading" mb={4}>
        Check a recipient’s email
      </Title>
      <Text size="sm" mb="sm">
        {hashed
          ? 'The credential holds its recipient’s email address only as a salted hash, so it cannot be read — but an address you know can be checked against it.'
          : 'The credential names its recipient’s email address; check it against the one you expect.'}{' '}
        The address stays in your browser.
      </Text>
      <form onSubmit={(e) => void check(e)} aria-label="Check a recipient’s email" noValidate>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="email"
            label="Email address"
            placeholder="name@example.org"
            autoComplete="off"
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              setError(null);
              setOutcome(null);
            }}
            error={error}
            style={{ flex: '1 1 240px' }}
          />
          <Button type="submit" variant="default" loading={busy}>
            Check
          </Button>
        </Group>
      </form>
      <Stack gap={0} mt={words ? 'sm' : 0} role="status" aria-live="polite">
        {words ? (
          <Alert color={words.color} variant="outline" title={words.title}>
            <Text size="sm" className="wrap-anywhere">
              {words.text}
            </Text>
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** A whole report: the verdict, the claims (unverified unless valid), the email check and the steps. */
export function VerificationResult({ report }: { report: Report }) {
  return (
    <Stack gap="md">
      <VerdictAlert verdict={report.verdict} steps={report.steps} />
      <ClaimsPanel report={report} />
      <RecipientEmailCheck credential={report.credential} verified={report.verdict === 'valid'} />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="checks-heading">
        <Title order={2} size="h4" mb="sm" id="checks-heading">
          Checks
        </Title>
        <StepList steps={report.steps} />
      </Paper>
    </Stack>
  );
}
