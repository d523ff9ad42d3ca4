/**
 * Open Badges 2.0 assertions: hosted ones (re-fetched from their `id`, under the issuer's origin policy)
 * and signed ones (a compact JWS checked with the issuer's CryptographicKey), with the badge class, the
 * issuer profile, dates and the issuer's revocation list. Documents come from the map, then the guarded
 * fetcher; anything unavailable is reported as not checked, never as passed.
 */
import { compactVerify, decodeProtectedHeader, importSPKI } from 'jose';
import { z } from 'zod';
import type { Fetcher } from './fetcher.js';
import { asRecord, idOf, listOf } from './json.js';
import { decodeJwsPayload, looksLikeJwt } from './jwt.js';
import { messageOf, step } from './report.js';
import type { Step } from './report.js';

/** The Open Badges 2.0 JSON-LD context. */
export const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';

type Json = Record<string, unknown>;

/** Where OB 2.0 documents come from, and the verifier's clock. */
export interface Ob2Options {
  documents: ReadonlyMap<string, unknown>;
  fetcher?: Fetcher | undefined;
  now: Date;
  skewMs: number;
}

/** A presented assertion: plain JSON (hosted), or the compact JWS of a signed one with its payload. */
export type Ob2Input = { kind: 'json'; assertion: Json } | { kind: 'jws'; jws: string; assertion: Json };

/** An OB 2.0 term without its `obi:` or full-IRI prefix. */
const bareTerm = (t: string) => t.replace(/^(obi:|https:\/\/w3id\.org\/openbadges#)/, '');
const typesOf = (v: unknown): string[] =>
  listOf(v)
    .filter((t): t is string => typeof t === 'string')
    .map(bareTerm);
const isDate = (v: string) => !Number.isNaN(Date.parse(v));

const Iri = z.string().min(1);
const DateTime = z.string().refine(isDate, { message: 'is not a date-time' });
const Assertion = z.looseObject({
  id: Iri,
  recipient: z.looseObject({
    type: z.string().min(1),
    identity: z.string().min(1),
    hashed: z.boolean().optional(),
    salt: z.string().optional(),
  }),
  badge: z.union([Iri, z.looseObject({ id: Iri })]),
  verification: z.looseObject({ type: z.string().min(1), creator: Iri.optional() }),
  issuedOn: DateTime,
  expires: DateTime.optional(),
  revoked: z.boolean().optional(),
});
const BadgeClass = z.looseObject({
  id: Iri,
  name: z.string().min(1),
  description: z.string().min(1),
  image: z.union([Iri, z.looseObject({ id: Iri })]),
  criteria: z.union([Iri, z.looseObject({})]),
  issuer: z.union([Iri, z.looseObject({ id: Iri })]),
});
const Profile = z.looseObject({
  id: Iri,
  name: z.string().min(1),
  revocationList: Iri.optional(),
  verification: z
    .looseObject({
      allowedOrigins: z.union([z.string(), z.array(z.string())]).optional(),
      startsWith: z.union([z.string(), z.array(z.string())]).optional(),
    })
    .optional(),
});
const CryptographicKey = z.looseObject({ id: Iri.optional(), owner: Iri.optional(), publicKeyPem: z.string().min(1) });
const RevocationList = z.looseObject({
  revokedAssertions: z
    .array(
      z.union([
        z.string(),
        z.looseObject({ id: z.string().optional(), uid: z.string().optional(), revocationReason: z.string().optional() }),
      ]),
    )
    .default([]),
});

/** The first few problems of a zod error, each with its path. */
function problems(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'} ${i.message}`)
    .join('; ');
}

/** Whether a JSON document is an OB 2.0 object (by its context or an Assertion type), not a W3C credential. */
export function isOb2Document(doc: Json): boolean {
  const contexts = listOf(doc['@context']);
  if (contexts.some((c) => typeof c === 'string' && /^https:\/\/www\.w3\.org\/(2018\/credentials|ns\/credentials)/.test(c))) return false;
  return contexts.includes(OB2_CONTEXT) || typesOf(doc['type']).includes('Assertion') || asRecord(doc['verification']) !== null;
}

/** The OB 2.0 assertion a compact JWS carries, or null when the token is something else (e.g. a VC-JWT). */
export function ob2AssertionOfJws(token: string): Json | null {
  if (!looksLikeJwt(token)) return null;
  try {
    const payload = decodeJwsPayload(token.trim());
    return isOb2Document(payload) ? payload : null;
  } catch {
    return null;
  }
}

/** A document by URL: from the map, else through the fetcher; undefined when unavailable. */
export async function loadOb2Document(url: string, opts: Ob2Options): Promise<unknown> {
  if (opts.documents.has(url)) return opts.documents.get(url);
  if (!opts.fetcher) return undefined;
  try {
    return await opts.fetcher.json(url);
  } catch {
    return undefined;
  }
}

/** A linked object: embedded as it is, or loaded by its URL. */
async function resolve(value: unknown, opts: Ob2Options): Promise<{ doc: Json | null; url: string | undefined }> {
  const embedded = asRecord(value);
  if (embedded && Object.keys(embedded).length > 1) return { doc: embedded, url: idOf(embedded) };
  const url = idOf(value);
  return { doc: url ? asRecord(await loadOb2Document(url, opts)) : null, url };
}

/** Stable JSON for comparing a presented assertion with its hosted copy. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const r = asRecord(value);
  if (r)
    return `{${Object.keys(r)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(r[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The issuer's verification policy for hosted assertions (OB 2.0 VerificationObject); default: the issuer's host. */
function originStep(assertionId: string, issuer: z.infer<typeof Profile>): Step {
  let host: string;
  try {
    host = new URL(assertionId).host;
  } catch {
    return step.failed('ob2.origin', `The assertion id ${assertionId} is not a URL, so it cannot be hosted`);
  }
  const policy = issuer.verification;
  const starts = listOf(policy?.startsWith).map(String);
  if (starts.length > 0) {
    return starts.some((p) => assertionId.startsWith(p))
      ? step.passed('ob2.origin', `The assertion URL starts with ${starts.find((p) => assertionId.startsWith(p))}, as the issuer allows`)
      : step.failed('ob2.origin', `The issuer allows hosted assertions only under ${starts.join(', ')}; this one is at ${assertionId}`);
  }
  const allowed = listOf(policy?.allowedOrigins).map(String);
  if (allowed.length > 0) {
    return allowed.includes(host)
      ? step.passed('ob2.origin', `${host} is one of the issuer's allowed origins`)
      : step.failed('ob2.origin', `The issuer allows hosted assertions only on ${allowed.join(', ')}; this one is on ${host}`);
  }
  let issuerHost: string;
  try {
    issuerHost = new URL(issuer.id).host;
  } catch {
    return step.failed('ob2.origin', `The issuer id ${issuer.id} is not a URL, so the assertion's origin cannot be tied to it`);
  }
  return issuerHost === host
    ? step.passed('ob2.origin', `Hosted on the issuer's own host (${host})`)
    : step.failed('ob2.origin', `Hosted on ${host}, not on the issuer's host ${issuerHost}`);
}

function dateSteps(a: z.infer<typeof Assertion>, opts: Ob2Options): Step {
  const now = opts.now.getTime();
  const issued = Date.parse(a.issuedOn);
  if (issued > now + opts.skewMs) return step.failed('dates', `Issued in the future (${a.issuedOn})`);
  if (a.expires !== undefined) {
    if (Date.parse(a.expires) < issued) return step.failed('dates', `Expires (${a.expires}) before it was issued (${a.issuedOn})`);
    if (Date.parse(a.expires) <= now - opts.skewMs) return step.failed('dates', `Expired on ${a.expires}`);
    return step.passed('dates', `Valid until ${a.expires}`);
  }
  return step.passed('dates', 'Valid, with no expiry date');
}

async function signatureSteps(
  input: Ob2Input,
  a: z.infer<typeof Assertion>,
  issuer: z.infer<typeof Profile> | null,
  opts: Ob2Options,
): Promise<Step[]> {
  if (input.kind !== 'jws')
    return [
      step.failed(
        'proof.jws',
        'A signed assertion must be presented as its compact JWS; this is plain JSON, so nothing proves the issuer made it',
      ),
    ];
  const creator = a.verification.creator;
  if (!creator) return [step.failed('proof.jws', 'The signed assertion names no key (verification.creator)')];
  const keyDoc = await loadOb2Document(creator, opts);
  if (keyDoc === undefined)
    return [step.unknown('proof.jws', `The key ${creator} is not available, so the signature could not be checked`)];
  const key = CryptographicKey.safeParse(keyDoc);
  if (!key.success)
    return [step.failed('proof.jws', `The key ${creator} is not a CryptographicKey with a publicKeyPem: ${problems(key.error)}`)];
  const steps: Step[] = [];
  try {
    const { alg } = decodeProtectedHeader(input.jws);
    if (alg !== 'RS256' && alg !== 'ES256' && alg !== 'EdDSA')
      return [step.failed('proof.jws', `The JWS algorithm ${String(alg)} is not accepted`)];
    await compactVerify(input.jws.trim(), await importSPKI(key.data.publicKeyPem, alg));
    steps.push(step.passed('proof.jws', `The ${alg} signature is valid for ${creator}`));
  } catch (e) {
    return [step.failed('proof.jws', `The JWS does not verify with ${creator}: ${messageOf(e)}`)];
  }
  if (issuer) {
    if (key.data.owner === issuer.id) steps.push(step.passed('issuer', `The key belongs to the issuer ${issuer.id}`));
    else
      steps.push(
        step.failed('issuer', `The key ${creator} is owned by ${key.data.owner ?? 'nobody named'}, not by the issuer ${issuer.id}`),
      );
  }
  return steps;
}

function hostedSteps(input: Ob2Input, a: z.infer<typeof Assertion>, issuer: z.infer<typeof Profile> | null): Step[] {
  if (input.kind === 'jws') return [step.failed('ob2.hosted', 'A JWS-signed assertion must declare verification type "signed"')];
  return issuer ? [originStep(a.id, issuer)] : [];
}

/** The issuer's hosted copy of an assertion, and whether it is the one presented. */
interface HostedCopy {
  copy: Json;
  same: boolean;
}

async function hostedCopyStep(
  input: Ob2Input,
  a: z.infer<typeof Assertion>,
  opts: Ob2Options,
): Promise<{ step: Step; hosted: HostedCopy | null }> {
  const copy = asRecord(await loadOb2Document(a.id, opts));
  if (!copy)
    return {
      step: step.unknown(
        'ob2.hosted',
        `The hosted copy at ${a.id} is not available, so the assertion could not be confirmed with its issuer`,
      ),
      hosted: null,
    };
  const same = canonical(copy) === canonical(input.assertion);
  if (!same)
    return { step: step.failed('ob2.hosted', `The hosted copy at ${a.id} differs from the assertion presented`), hosted: { copy, same } };
  return { step: step.passed('ob2.hosted', `The issuer hosts this exact assertion at ${a.id}`), hosted: { copy, same } };
}

async function revocationSteps(
  a: z.infer<typeof Assertion>,
  issuer: z.infer<typeof Profile> | null,
  hosted: HostedCopy | null,
  opts: Ob2Options,
): Promise<Step[]> {
  const hostedCopy = hosted?.copy;
  if (hostedCopy?.['revoked'] === true)
    return [
      step.failed(
        'status.revocation',
        `The credential has been revoked${typeof hostedCopy['revocationReason'] === 'string' ? `: ${hostedCopy['revocationReason']}` : ''}`,
      ),
    ];
  if (!issuer?.revocationList) return hosted?.same ? [step.passed('status.revocation', 'Not revoked (the hosted copy is current)')] : [];
  const listDoc = await loadOb2Document(issuer.revocationList, opts);
  if (listDoc === undefined)
    return [
      step.unknown(
        'status.revocation',
        `The revocation list ${issuer.revocationList} is not available, so revocation could not be checked`,
      ),
    ];
  const parsed = RevocationList.safeParse(listDoc);
  if (!parsed.success) return [step.failed('status.revocation', `The revocation list is unreadable: ${problems(parsed.error)}`)];
  const uid = typeof a['uid'] === 'string' ? a['uid'] : undefined;
  const hit = parsed.data.revokedAssertions.find((r) =>
    typeof r === 'string' ? r === a.id || r === uid : r.id === a.id || (uid !== undefined && (r.uid === uid || r.id === uid)),
  );
  if (hit === undefined) return [step.passed('status.revocation', 'Not revoked')];
  const reason = typeof hit === 'string' ? undefined : hit.revocationReason;
  return [step.failed('status.revocation', `The credential has been revoked${reason ? `: ${reason}` : ''}`)];
}

/** Check an OB 2.0 assertion; the steps follow the `parse` step, in the engine's usual order. */
export async function verifyOb2Assertion(input: Ob2Input, opts: Ob2Options): Promise<Step[]> {
  const doc = input.assertion;
  const steps: Step[] = [
    step.passed('format', input.kind === 'jws' ? 'Open Badges 2.0 signed assertion (JWS)' : 'Open Badges 2.0 assertion'),
  ];
  const contexts = listOf(doc['@context']);
  if (!contexts.includes(OB2_CONTEXT))
    steps.push(step.failed('context', `The @context is ${JSON.stringify(doc['@context'])}, not ${OB2_CONTEXT}`));
  const types = typesOf(doc['type']);
  if (!types.includes('Assertion')) {
    steps.push(step.failed('type', `Not an Open Badges 2.0 Assertion: type is ${JSON.stringify(doc['type'])}`));
    return steps;
  }
  steps.push(step.passed('type', 'Assertion'));
  const parsed = Assertion.safeParse(doc);
  if (!parsed.success) {
    steps.push(step.failed('structure', `The assertion is malformed: ${problems(parsed.error)}`));
    return steps;
  }
  steps.push(step.passed('structure', 'Required properties are present and well-formed'));
  const a = parsed.data;

  const badgeRef = await resolve(a.badge, opts);
  let issuer: z.infer<typeof Profile> | null = null;
  if (!badgeRef.doc) steps.push(step.unknown('ob2.badge', `The badge class ${badgeRef.url ?? ''} is not available`));
  else {
    const badge = BadgeClass.safeParse(badgeRef.doc);
    if (!badge.success) steps.push(step.failed('ob2.badge', `The badge class is malformed: ${problems(badge.error)}`));
    else if (!typesOf(badge.data['type']).includes('BadgeClass'))
      steps.push(step.failed('ob2.badge', `${badge.data.id} is not a BadgeClass`));
    else {
      steps.push(step.passed('ob2.badge', `Badge class “${badge.data.name}”`));
      const issuerRef = await resolve(badge.data.issuer, opts);
      const profile = issuerRef.doc ? Profile.safeParse(issuerRef.doc) : null;
      if (!profile) steps.push(step.unknown('ob2.issuer', `The issuer profile ${issuerRef.url ?? ''} is not available`));
      else if (!profile.success) steps.push(step.failed('ob2.issuer', `The issuer profile is malformed: ${problems(profile.error)}`));
      else if (!typesOf(profile.data['type']).some((t) => t === 'Issuer' || t === 'Profile'))
        steps.push(step.failed('ob2.issuer', `${profile.data.id} is not an Issuer profile`));
      else {
        issuer = profile.data;
        steps.push(step.passed('ob2.issuer', `Issued by “${profile.data.name}” (${profile.data.id})`));
      }
    }
  }

  const method = bareTerm(a.verification.type).toLowerCase();
  let hosted: HostedCopy | null = null;
  if (method === 'signed' || method === 'signedbadge') steps.push(...(await signatureSteps(input, a, issuer, opts)));
  else if (method === 'hosted' || method === 'hostedbadge') {
    steps.push(...hostedSteps(input, a, issuer));
    if (input.kind === 'json') {
      const checked = await hostedCopyStep(input, a, opts);
      steps.push(checked.step);
      hosted = checked.hosted;
    }
  } else steps.push(step.failed('proof.jws', `Unknown verification type ${a.verification.type}`));
  steps.push(dateSteps(a, opts));
  steps.push(...(await revocationSteps(a, issuer, hosted, opts)));
  return steps;
}
