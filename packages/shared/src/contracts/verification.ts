import { z } from 'zod';

/** Status of one verification step. */
export const VerificationStepStatus = z.enum(['passed', 'failed', 'warning', 'unknown']);
/** Status of one verification step. */
export type VerificationStepStatus = z.infer<typeof VerificationStepStatus>;

/** One step of a verification report: a stable id (see `stepName`), its status and a message. */
export const VerificationStep = z.object({ id: z.string(), status: VerificationStepStatus, message: z.string() });
/** One step of a verification report. */
export type VerificationStep = z.infer<typeof VerificationStep>;

/** The overall verdict: `valid` only when every check passed; `indeterminate` when something could not be proven. */
export const VerificationVerdict = z.enum(['valid', 'invalid', 'indeterminate']);
/** The overall verdict. */
export type VerificationVerdict = z.infer<typeof VerificationVerdict>;

/** How an embedded endorsement fared when verified on its own: only `verified` and `expired` ones may be shown. */
export const EndorsementOutcome = z.enum(['verified', 'expired', 'rejected']);
/** How an embedded endorsement fared. */
export type EndorsementOutcome = z.infer<typeof EndorsementOutcome>;

/** One embedded endorsement as the verifier checked it: its position, outcome, and the checked copy (null when rejected). */
export const EndorsementCheck = z.object({
  index: z.number().int(),
  outcome: EndorsementOutcome,
  credential: z.record(z.string(), z.unknown()).nullable(),
});
/** One checked endorsement. */
export type EndorsementCheck = z.infer<typeof EndorsementCheck>;

/** A verification report as the API returns it: verdict, ordered steps, the format read, what the credential claims and its checked endorsements. */
export const VerificationReport = z.object({
  verdict: VerificationVerdict,
  steps: z.array(VerificationStep),
  format: z.string().nullable(),
  credential: z.record(z.string(), z.unknown()).nullable(),
  /** Embedded endorsements, each verified on its own (absent when the credential has none). Display only through `shownEndorsements`. */
  endorsements: z.array(EndorsementCheck).optional(),
});
/** A verification report. */
export type VerificationReport = z.infer<typeof VerificationReport>;

/** An endorsement fit to display: the copy the verifier checked, and whether it has expired (then it must be marked so). */
export interface ShownEndorsement {
  credential: Record<string, unknown>;
  expired: boolean;
}

/**
 * The endorsements a page may show: the verifier's own checked copies of the `verified` ones and the `expired`
 * ones (marked), in their order. A `rejected` endorsement (forged, tampered, unverifiable) is never shown, and
 * endorsements are never read from the credential itself, where anyone could have put them.
 */
export function shownEndorsements(report: Pick<VerificationReport, 'endorsements'>): ShownEndorsement[] {
  return (report.endorsements ?? []).flatMap((e) =>
    e.outcome !== 'rejected' && e.credential ? [{ credential: e.credential, expired: e.outcome === 'expired' }] : [],
  );
}

/** Plain-language names of the engine's step ids (indexed ids such as `proof[1]` are handled by `stepName`). */
const STEP_NAMES: Record<string, string> = {
  parse: 'Read the credential',
  format: 'Credential format',
  type: 'Credential type',
  context: 'JSON-LD context',
  'context.version': 'Context version',
  structure: 'Structure',
  schema: 'Official JSON Schema',
  jsonld: 'Strict JSON-LD',
  proof: 'Digital signature',
  'proof.jwt': 'Digital signature (JWT)',
  'proof.jws': 'Digital signature (JWS)',
  'proof.suite': 'Signature suite',
  'proof.created': 'Signature date',
  jwt: 'JWT form',
  'jwt.claims': 'JWT claims',
  issuer: 'Issuer owns the key',
  dates: 'Validity dates',
  status: 'Status',
  'status.revocation': 'Revocation',
  'status.suspension': 'Suspension',
  recipient: 'Recipient',
  endorsement: 'Endorsement',
  'clr.credential': 'Credential in the record',
};

/** Names of Open Badges 2.0 steps (`ob2.<name>`); other `ob2.*` ids fall back to the names above, then to readable words. */
const OB2_NAMES: Record<string, string> = {
  hosted: 'Hosted by the issuer',
  origin: 'Hosted on the issuer’s site',
  badge: 'Badge class',
  issuer: 'Issuer profile',
  revocation: 'Revocation',
  signature: 'Digital signature',
  verification: 'Verification method',
  expires: 'Expiry date',
};

/** Words kept in capitals when an unknown id is turned into words. */
const ACRONYMS: Record<string, string> = {
  jwt: 'JWT',
  jws: 'JWS',
  jwk: 'JWK',
  json: 'JSON',
  jsonld: 'JSON-LD',
  ld: 'LD',
  clr: 'CLR',
  did: 'DID',
  url: 'URL',
  iri: 'IRI',
  vc: 'VC',
  ob2: 'Open Badges 2.0',
  ob3: 'Open Badges 3.0',
};

/** 1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, 21st. */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** An id segment as lower-case words: `issuerKey` → `issuer key`, `status_list` → `status list`. */
function words(segment: string): string {
  return segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase())
    .join(' ');
}

const capitalise = (s: string): string => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/** A readable form of an id no table names: `foo.barBaz` → `Foo: bar baz`. */
function readable(id: string): string {
  const parts = id.split('.').map(words).filter(Boolean);
  return capitalise(parts.join(': ')) || 'Check';
}

/** A name for an id without an index: the tables, then the families (`status.*`, `ob2.*`), then readable words. */
function plainName(id: string): string {
  const known = STEP_NAMES[id];
  if (known) return known;
  if (id.startsWith('status.')) return `Status (${words(id.slice('status.'.length))})`;
  if (id.startsWith('ob2.')) {
    const rest = id.slice('ob2.'.length);
    return OB2_NAMES[rest] ?? STEP_NAMES[rest] ?? readable(rest);
  }
  const dot = id.lastIndexOf('.');
  if (dot > 0) {
    const base = STEP_NAMES[id.slice(0, dot)];
    if (base) return `${base}: ${words(id.slice(dot + 1))}`;
  }
  return readable(id);
}

/**
 * The plain-language name of a verification step id, for people: `issuer` → "Issuer owns the key",
 * `proof[1]` → "Digital signature (2nd proof)", `endorsement[0]` → "Endorsement 1", `status.revocation` →
 * "Revocation". Ids it does not know become readable words, never the raw id.
 */
export function stepName(id: string): string {
  const indexed = /^(.+?)\[(\d+)\](?:\.(.+))?$/.exec(id.trim());
  if (!indexed) return plainName(id.trim());
  const [, base = '', index = '0', rest] = indexed;
  const n = Number(index) + 1;
  if (base === 'proof') return `${rest ? plainName(`proof.${rest}`) : 'Digital signature'} (${ordinal(n)} proof)`;
  const subject =
    base === 'endorsement' ? `Endorsement ${n}` : base === 'clr.credential' ? `Credential ${n} in the record` : `${plainName(base)} ${n}`;
  return rest ? `${subject}: ${plainName(rest)}` : subject;
}

/** Why a report is not valid: the first failed step, else the first that could not be checked; null when none. */
export function verificationProblem(steps: readonly VerificationStep[]): VerificationStep | null {
  return steps.find((s) => s.status === 'failed') ?? steps.find((s) => s.status === 'unknown') ?? null;
}

/** The reason in plain words, "Name: message", for a report that is not valid; null when nothing failed or was left unchecked. */
export function verificationReason(steps: readonly VerificationStep[]): string | null {
  const problem = verificationProblem(steps);
  return problem ? `${stepName(problem.id)}: ${problem.message}` : null;
}

/** Each verdict's title for people, the same on every page. */
export const VERDICT_TITLES: Readonly<Record<VerificationVerdict, string>> = {
  valid: 'Valid',
  invalid: 'Not valid',
  indeterminate: 'Could not be fully verified',
};

/** A verdict in plain words with its reason when it is not valid: "Could not be fully verified — Issuer owns the key: …". */
export function verdictSummary(verdict: VerificationVerdict, steps: readonly VerificationStep[]): string {
  const reason = verdict === 'valid' ? null : verificationReason(steps);
  return reason ? `${VERDICT_TITLES[verdict]} — ${reason}` : VERDICT_TITLES[verdict];
}
