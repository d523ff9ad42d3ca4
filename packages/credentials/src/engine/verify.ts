import { Ajv2019 } from 'ajv/dist/2019.js';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { DocumentLoader } from './contexts.js';
import { extractFromPng, extractFromSvg, isPng } from './baked.js';
import { documentLoader } from './contexts.js';
import { ED25519_RDFC_SUITES, suiteOf, verifyEd25519RdfcProof } from './data-integrity.js';
import { checkJwt, looksLikeJwt } from './jwt.js';
import type { Fetcher } from './fetcher.js';
import { KeyResolutionError, didWebDocumentUrl } from './keys.js';
import { bindIssuer, keyForMethod } from './trust.js';
import type { Binding } from './trust.js';
import { canonize, unsecuredDocument } from './data-integrity.js';
import { JsonLdSafetyError, lossyNumbers } from './jsonld-safety.js';
import { messageOf, step, verdictOf } from './report.js';
import type { Report, Step } from './report.js';
import { OB3_LATEST_CONTEXT, credentialKind, dataModelOf, standardContexts, structureProblems } from './shape.js';
import { Bitstring } from './status-list.js';
import { asRecord, idOf, listOf } from './json.js';
import { bundledSchema } from './schemas.js';
import { verifyEcdsaSdProof } from './ecdsa-sd.js';
import { isExtraSuite, verifySuiteProof } from './suites.js';
import { isOb2Document, loadOb2Document, ob2AssertionOfJws, verifyOb2Assertion } from './ob20.js';

type Json = Record<string, unknown>;

/** Options of a verification. */
export interface VerifyOptions {
  /** Documents by URL: DID documents (did:web resolves through its https URL), key documents, status lists, JSON Schemas. */
  documents?: ReadonlyMap<string, unknown>;
  /** The verifier's clock (default: now). */
  now?: Date;
  /** Allowed clock skew for dates, in seconds (default 300). */
  skewSeconds?: number;
  /** The guarded fetcher for documents not in `documents` (DID documents, keys, status lists, schemas). */
  fetcher?: Fetcher;
}

const MAX_DEPTH = 3;

interface Context {
  fetcher?: Fetcher | undefined;
  documents: ReadonlyMap<string, unknown>;
  loader: DocumentLoader;
  now: Date;
  skewMs: number;
  depth: number;
}

type Parsed =
  | { kind: 'json'; doc: Json; source: string }
  | { kind: 'jwt'; jwt: string; source: string }
  | { kind: 'url'; url: string; source: string }
  | { kind: 'error'; message: string };

function parseText(text: string, source: string): Parsed {
  const trimmed = text.trim();
  // An OB 2.0 baked image may hold just the URL of its hosted assertion.
  if (/Open Badges 2\.0/.test(source) && /^https?:\/\/\S+$/.test(trimmed))
    return { kind: 'url', url: trimmed, source: `${source} holding the URL of a hosted assertion` };
  if (looksLikeJwt(trimmed)) return { kind: 'jwt', jwt: trimmed, source: source === 'text' ? 'a compact JWT' : `${source} holding a JWT` };
  try {
    const doc = asRecord(JSON.parse(trimmed));
    return doc
      ? { kind: 'json', doc, source: source === 'text' ? 'JSON' : `${source} holding JSON` }
      : { kind: 'error', message: 'The JSON is not an object' };
  } catch {
    return {
      kind: 'error',
      message:
        source === 'text' ? 'The input is neither JSON, a compact JWT, a PNG nor an SVG' : `The ${source} holds neither JSON nor a JWT`,
    };
  }
}

/** Parse raw input (JSON, a compact JWT, or a baked PNG or SVG) into JSON or a JWT. */
function parseInput(input: string | Uint8Array | Json): Parsed {
  if (typeof input === 'object' && !(input instanceof Uint8Array)) return { kind: 'json', doc: input, source: 'JSON' };
  try {
    if (input instanceof Uint8Array && isPng(input)) {
      const baked = extractFromPng(input);
      if (!baked) return { kind: 'error', message: 'The PNG has no baked credential' };
      return parseText(baked.text, baked.standard === 'ob2' ? 'an Open Badges 2.0 baked PNG' : 'a baked PNG');
    }
    const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
    if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(svg|!DOCTYPE)/i.test(text)) {
      const baked = extractFromSvg(text);
      if (!baked) return { kind: 'error', message: 'The SVG has no baked credential' };
      return parseText(baked.text, baked.standard === 'ob2' ? 'an Open Badges 2.0 baked SVG' : 'a baked SVG');
    }
    return parseText(text, 'text');
  } catch (e) {
    return { kind: 'error', message: `The image could not be read: ${messageOf(e)}` };
  }
}

function formatSteps(doc: Json): { steps: Step[]; format: string | null } {
  const model = dataModelOf(doc);
  if (!model) {
    return {
      steps: [step.failed('format', 'Not a W3C Verifiable Credential: the first @context is neither VC 2.0 nor VC 1.1')],
      format: null,
    };
  }
  const steps: Step[] = [
    model === '2.0'
      ? step.passed('format', 'W3C Verifiable Credentials Data Model 2.0')
      : step.warning('format', 'W3C Verifiable Credentials Data Model 1.1 (superseded by 2.0)'),
  ];
  const kind = credentialKind(doc);
  const { ob, clr } = standardContexts(doc);
  if (kind === 'other' && ob.length === 0 && clr.length === 0) {
    // Open Badges rules apply to credentials that use an OB or CLR context or type; anything else is a plain W3C credential.
    steps.push(
      step.passed(
        'type',
        `A W3C Verifiable Credential (${listOf(doc['type']).map(String).join(', ')}), not an Open Badge: checked for its proof, issuer, dates and status only`,
      ),
    );
    return { steps, format: `VC ${model}` };
  }
  if (kind === 'other')
    steps.push(step.failed('type', `Not an Open Badges 3.0 or CLR 2.0 credential: type is ${JSON.stringify(doc['type'])}`));
  else if (kind === 'ClrCredential' ? clr.length === 0 : kind !== 'BitstringStatusListCredential' && ob.length === 0)
    steps.push(step.failed('type', `A ${kind} needs the ${kind === 'ClrCredential' ? 'CLR 2.0' : 'Open Badges 3.0'} @context`));
  else {
    steps.push(step.passed('type', kind));
    const older = ob.filter((u) => u !== OB3_LATEST_CONTEXT);
    if (kind !== 'ClrCredential' && older.length > 0 && !ob.includes(OB3_LATEST_CONTEXT))
      steps.push(
        step.warning('context.version', `Uses the older Open Badges context ${older.join(', ')}; the current one is ${OB3_LATEST_CONTEXT}`),
      );
  }
  return { steps, format: `VC ${model}${kind === 'other' ? '' : ` ${kind}`}` };
}

const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats.default(ajv);
const compiled = new Map<string, ValidateFunction>();

function schemaSteps(doc: Json, ctx: Context): Step[] {
  const steps: Step[] = [];
  for (const entry of listOf(doc['credentialSchema'])) {
    const s = asRecord(entry);
    const url = typeof s?.['id'] === 'string' ? s['id'] : '';
    if (s?.['type'] !== '1EdTechJsonSchemaValidator2019') {
      steps.push(step.warning('schema', `Schema type ${String(s?.['type'])} is not checked`));
      continue;
    }
    const schema = asRecord(ctx.documents.get(url)) ?? bundledSchema(url);
    if (!schema) {
      steps.push(
        step.warning(
          'schema',
          `The JSON Schema ${url} is not one the engine ships, and no copy was given; the structure was checked against Tessera's model instead`,
        ),
      );
      continue;
    }
    let validate = compiled.get(url);
    try {
      if (!validate) {
        validate = ajv.getSchema(String(schema['$id'] ?? url)) ?? ajv.compile(schema);
        compiled.set(url, validate);
      }
    } catch (e) {
      steps.push(step.unknown('schema', `The JSON Schema ${url} could not be compiled: ${messageOf(e)}`));
      continue;
    }
    const ok = validate(doc);
    steps.push(
      ok
        ? step.passed('schema', `Valid against ${url}`)
        : step.failed(
            'schema',
            `Fails ${url}: ${(validate.errors ?? [])
              .slice(0, 5)
              .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
              .join('; ')}`,
          ),
    );
  }
  return steps;
}

/** A JSON-LD safe-mode failure (thrown by canonicalisation), with the JSON path it names. */
function jsonLdProblem(e: unknown): string | null {
  return e instanceof JsonLdSafetyError ? e.message : null;
}

/** The `jsonld` step: passed when a proof's canonicalisation ran in safe mode, failed with the path otherwise. */
async function jsonLdStep(doc: Json, ctx: Context): Promise<Step> {
  try {
    await canonize(unsecuredDocument(doc), ctx.loader);
    return step.passed('jsonld', 'Read as strictly as jsonld.js safe mode: every term is defined and no keyword is given twice');
  } catch (e) {
    const problem = jsonLdProblem(e);
    if (problem) return step.failed('jsonld', problem);
    const message = messageOf(e);
    return /not available offline/.test(message)
      ? step.unknown('jsonld', `The JSON-LD could not be processed: ${message}`)
      : step.failed('jsonld', `The JSON-LD cannot be processed: ${message}`);
  }
}

/** Numbers a Data Integrity signature cannot protect exactly (jsonld.js writes 1e-7 as 0): the proof does not vouch for them. */
function lossyNumberSteps(doc: Json): Step[] {
  const lossy = lossyNumbers(unsecuredDocument(doc));
  if (lossy.length === 0) return [];
  const listed = lossy
    .slice(0, 3)
    .map((n) => `${n.path} (${n.value}, signed as ${n.value.toFixed(0)})`)
    .join(', ');
  return [
    step.unknown(
      'jsonld.numbers',
      `The signature cannot vouch for ${lossy.length === 1 ? 'this number' : 'these numbers'}: ${listed}; JSON-LD canonicalisation drops the fraction, so a changed value would verify too`,
    ),
  ];
}

interface ProofOutcome {
  steps: Step[];
  /** The `jsonld` step, when a proof's canonicalisation decided it. */
  jsonld: Step | null;
  /** One binding per checked proof: does the issuer control its verification method? */
  bindings: Binding[];
}

async function proofSteps(doc: Json, ctx: Context): Promise<ProofOutcome> {
  const proofs = listOf(doc['proof'])
    .map(asRecord)
    .filter((p): p is Json => p !== null);
  if (proofs.length === 0) return { steps: [step.failed('proof', 'The credential has no proof')], jsonld: null, bindings: [] };
  const issuer = idOf(doc['issuer']);
  const steps: Step[] = [];
  const bindings: Binding[] = [];
  let jsonld: Step | null = null;
  let checked = 0;
  let verified = 0;
  const skipped: Step[] = [];
  for (const [i, proof] of proofs.entries()) {
    const id = proofs.length > 1 ? `proof[${i}]` : 'proof';
    const suite = suiteOf(proof);
    const method = typeof proof['verificationMethod'] === 'string' ? proof['verificationMethod'] : '';
    if (suite !== 'ecdsa-sd-2023' && !isExtraSuite(suite) && !(ED25519_RDFC_SUITES as readonly string[]).includes(suite)) {
      skipped.push(step.unknown(id, `The ${suite} proof uses a suite this verifier does not check`));
      continue;
    }
    checked += 1;
    if (proof['proofPurpose'] !== 'assertionMethod') {
      steps.push(
        step.failed(
          id,
          `The proof purpose is ${proof['proofPurpose'] === undefined ? 'missing' : JSON.stringify(proof['proofPurpose'])}, not assertionMethod: it does not assert the credential`,
        ),
      );
      continue;
    }
    bindings.push(bindIssuer(issuer, method, ctx.documents));
    if (suite === 'ecdsa-sd-2023') {
      const result = await verifyEcdsaSdProof(unsecuredDocument(doc), proof, ctx.loader);
      steps.push({ id, status: result.outcome, message: result.message });
      if (result.outcome === 'passed') verified += 1;
      continue;
    }
    let key;
    try {
      key = keyForMethod(method, issuer, ctx.documents);
    } catch (e) {
      steps.push(
        e instanceof KeyResolutionError && e.outcome === 'unknown'
          ? step.unknown(id, e.message)
          : step.failed(id, `Unusable verification method: ${messageOf(e)}`),
      );
      continue;
    }
    if (isExtraSuite(suite)) {
      const result = await verifySuiteProof({ document: unsecuredDocument(doc), proof, suite, key: key.key, loader: ctx.loader });
      steps.push({ id, status: result.outcome, message: result.message });
      if (result.outcome === 'passed') verified += 1;
      continue;
    }
    try {
      const result = await verifyEd25519RdfcProof(doc, proof, key.key, ctx.loader);
      jsonld ??= step.passed('jsonld', 'Read as strictly as jsonld.js safe mode: every term is defined and no keyword is given twice');
      steps.push(
        result.verified
          ? step.passed(id, `The ${suite} signature is valid for ${method}`)
          : step.failed(id, `The ${suite} proof does not verify: ${result.reason}`),
      );
      if (result.verified) verified += 1;
      if (result.verified && suite === 'eddsa-2022')
        steps.push(step.warning(`${id}.suite`, 'eddsa-2022 is the deprecated name of eddsa-rdfc-2022'));
    } catch (e) {
      const problem = jsonLdProblem(e);
      const message = messageOf(e);
      if (problem) {
        jsonld = step.failed('jsonld', problem);
        steps.push(step.unknown(id, 'The signature was not checked: the credential is not strict JSON-LD'));
      } else
        steps.push(
          /not available offline/.test(message)
            ? step.unknown(id, `The proof could not be checked: ${message}`)
            : step.failed(id, `The proof does not verify: ${message}`),
        );
    }
    const created = typeof proof['created'] === 'string' ? Date.parse(proof['created']) : NaN;
    if (!Number.isNaN(created) && created > ctx.now.getTime() + ctx.skewMs)
      steps.push(step.failed(`${id}.created`, `The proof was created in the future (${String(proof['created'])})`));
  }
  // A proof in a suite we do not check never makes a credential valid; beside a verified proof it is only noted.
  steps.push(
    ...(verified > 0
      ? skipped.map((s) => ({ ...s, status: 'warning' as const, message: `${s.message}; the credential rests on its other proof` }))
      : skipped),
  );
  if (checked === 0 && skipped.length > 1) steps.push(step.unknown('proof', 'None of the proofs uses a suite this verifier checks'));
  return { steps, jsonld, bindings };
}

/** The `issuer` step: every checked proof's method must be controlled by the issuer. */
function issuerStep(bindings: Binding[]): Step[] {
  if (bindings.length === 0) return [];
  const bad = bindings.find((b) => b.status === 'failed') ?? bindings.find((b) => b.status === 'unknown');
  const chosen = bad ?? bindings[0];
  return chosen ? [{ id: 'issuer', status: chosen.status, message: chosen.message }] : [];
}

function dateSteps(doc: Json, ctx: Context): Step[] {
  const v2 = dataModelOf(doc) === '2.0';
  const from = doc[v2 ? 'validFrom' : 'issuanceDate'];
  const until = doc[v2 ? 'validUntil' : 'expirationDate'];
  const now = ctx.now.getTime();
  const steps: Step[] = [];
  for (const [name, value] of [
    [v2 ? 'validFrom' : 'issuanceDate', from],
    [v2 ? 'validUntil' : 'expirationDate', until],
  ] as const) {
    if (value !== undefined && (typeof value !== 'string' || Number.isNaN(Date.parse(value))))
      steps.push(step.failed('dates', `${name} is not a date-time`));
  }
  if (steps.length) return steps;
  if (typeof from === 'string' && Date.parse(from) > now + ctx.skewMs) return [step.failed('dates', `Not valid before ${from}`)];
  if (typeof until === 'string' && Date.parse(until) <= now - ctx.skewMs) return [step.failed('dates', `Expired on ${until}`)];
  return [step.passed('dates', typeof until === 'string' ? `Valid until ${until}` : 'Valid, with no expiry date')];
}

async function statusSteps(doc: Json, ctx: Context): Promise<Step[]> {
  const entries = listOf(doc['credentialStatus'])
    .map(asRecord)
    .filter((e): e is Json => e !== null);
  const steps: Step[] = [];
  for (const e of entries) {
    const purpose = typeof e['statusPurpose'] === 'string' ? e['statusPurpose'] : 'revocation';
    const id = `status.${purpose}`;
    const type = String(e['type'] ?? '');
    const url = typeof e['statusListCredential'] === 'string' ? e['statusListCredential'] : typeof e['id'] === 'string' ? e['id'] : '';
    if (type === '1EdTechRevocationList') {
      const listDoc = asRecord(ctx.documents.get(url));
      if (!listDoc) {
        steps.push(step.unknown(id, `The revocation list ${url} is not available, so revocation could not be checked`));
        continue;
      }
      const revoked = listOf(listDoc['revokedCredentials']).some((r) => idOf(r) === doc['id']);
      steps.push(revoked ? step.failed(id, 'The credential has been revoked') : step.passed(id, 'Not revoked'));
      continue;
    }
    if (type !== 'BitstringStatusListEntry' && type !== 'StatusList2021Entry') {
      steps.push(step.unknown(id, `Status type ${type} is not supported`));
      continue;
    }
    const listDoc = asRecord(ctx.documents.get(url));
    if (!listDoc) {
      steps.push(step.unknown(id, `The status list ${url} is not available, so ${purpose} could not be checked`));
      continue;
    }
    if (ctx.depth < MAX_DEPTH) {
      const inner = await verifyDocument(listDoc, { ...ctx, depth: ctx.depth + 1 }, false);
      const bad = inner.steps.filter((s) => s.status === 'failed' || s.status === 'unknown');
      if (bad.length > 0) {
        steps.push({
          id,
          status: inner.verdict === 'invalid' ? 'failed' : 'unknown',
          message: `The status list cannot be trusted: ${bad.map((s) => s.message).join('; ')}`,
        });
        continue;
      }
    }
    const listIssuer = idOf(listDoc['issuer']);
    if (listIssuer !== idOf(doc['issuer'])) {
      steps.push(
        step.failed(
          id,
          `The status list is issued by ${listIssuer ?? 'nobody'}, not by the credential's issuer ${idOf(doc['issuer']) ?? ''}`.trim(),
        ),
      );
      continue;
    }
    const subject = asRecord(listOf(listDoc['credentialSubject'])[0]);
    const listPurpose = subject?.['statusPurpose'];
    if (listPurpose !== undefined && listPurpose !== purpose) {
      steps.push(step.failed(id, `The status list is for ${String(listPurpose)}, not ${purpose}`));
      continue;
    }
    try {
      const bits = Bitstring.decode(String(subject?.['encodedList'] ?? ''));
      const index = Number(e['statusListIndex']);
      const set = bits.get(index);
      steps.push(
        set
          ? step.failed(id, purpose === 'suspension' ? 'The credential is suspended' : 'The credential has been revoked')
          : step.passed(id, purpose === 'suspension' ? 'Not suspended' : 'Not revoked'),
      );
    } catch (err) {
      steps.push(step.failed(id, `The status list is unreadable: ${messageOf(err)}`));
    }
  }
  return steps;
}

function embeddedEndorsements(doc: Json): unknown[] {
  const subject = asRecord(listOf(doc['credentialSubject'])[0]);
  const achievement = asRecord(subject?.['achievement']);
  return [...listOf(doc['endorsement']), ...listOf(asRecord(doc['issuer'])?.['endorsement']), ...listOf(achievement?.['endorsement'])];
}

/** The credentials a CLR holds (its subject's `verifiableCredential`). */
function clrCredentials(doc: Json): unknown[] {
  return listOf(doc['type']).includes('ClrCredential')
    ? listOf(asRecord(listOf(doc['credentialSubject'])[0])?.['verifiableCredential'])
    : [];
}

/** Verify a CLR's credentials one level down; each becomes one step that counts toward the CLR's verdict. */
async function clrSteps(items: unknown[], ctx: Context): Promise<Step[]> {
  const steps: Step[] = [];
  for (const [i, e] of items.entries()) {
    const id = `clr.credential[${i}]`;
    const inner = await nestedReport(e, ctx);
    if (!inner) {
      steps.push(
        ctx.depth >= MAX_DEPTH
          ? step.unknown(id, 'Credentials nested too deeply to check')
          : step.failed(id, 'The credential is not a credential'),
      );
      continue;
    }
    const bad = inner.steps.filter((s) => s.status !== 'passed' && s.status !== 'warning');
    const message = bad.length ? bad.map((s) => `${s.id}: ${s.message}`).join('; ') : 'Verified';
    steps.push({
      id,
      status: inner.verdict === 'valid' ? 'passed' : inner.verdict === 'invalid' ? 'failed' : 'unknown',
      message: `Credential ${idOf(e) ?? ''}: ${message}`.replace(/\s+:/, ':'),
    });
  }
  return steps;
}

async function nestedReport(e: unknown, ctx: Context): Promise<Report | null> {
  if (ctx.depth >= MAX_DEPTH) return null;
  const inner = { ...ctx, depth: ctx.depth + 1 };
  if (typeof e === 'string') return verifyWith(e, inner);
  const doc = asRecord(e);
  return doc ? verifyDocument(doc, inner, true) : null;
}

type EndorsementCheck = NonNullable<Report['endorsements']>[number];

/**
 * Embedded endorsements, each verified on its own. They never change the credential's verdict: a verified
 * endorsement passes, an expired one is a warning, and a forged or unverifiable one is a warning that says it
 * is not shown (`endorsements` in the report lists which may be displayed).
 */
async function endorsementSteps(items: unknown[], ctx: Context): Promise<{ steps: Step[]; checks: EndorsementCheck[] }> {
  const steps: Step[] = [];
  const checks: EndorsementCheck[] = [];
  for (const [i, e] of items.entries()) {
    const id = `endorsement[${i}]`;
    const inner = await nestedReport(e, ctx);
    const by = asRecord(asRecord(e)?.['issuer'])?.['name'] ?? idOf(asRecord(e)?.['issuer']) ?? 'an unnamed endorser';
    if (!inner) {
      steps.push(
        step.warning(
          id,
          `An endorsement could not be checked (${ctx.depth >= MAX_DEPTH ? 'nested too deeply' : 'it is not a credential'}), so it is not shown`,
        ),
      );
      checks.push({ index: i, outcome: 'rejected', credential: null });
      continue;
    }
    const bad = inner.steps.filter((s) => s.status === 'failed' || s.status === 'unknown');
    const expiredOnly = bad.length > 0 && bad.every((s) => s.id === 'dates' && /^Expired/.test(s.message));
    if (inner.verdict === 'valid') {
      steps.push(step.passed(id, `Endorsement by ${String(by)}: verified on its own`));
      checks.push({ index: i, outcome: 'verified', credential: inner.credential });
    } else if (expiredOnly) {
      steps.push(
        step.warning(id, `Endorsement by ${String(by)}: genuine, but ${bad[0]?.message.replace(/^Expired/, 'expired') ?? 'expired'}`),
      );
      checks.push({ index: i, outcome: 'expired', credential: inner.credential });
    } else {
      steps.push(
        step.warning(
          id,
          `An endorsement claiming to be by ${String(by)} is not shown: ${bad.map((s) => `${s.id}: ${s.message}`).join('; ')}`,
        ),
      );
      checks.push({ index: i, outcome: 'rejected', credential: null });
    }
  }
  return { steps, checks };
}

/** An OB 2.0 assertion (plain JSON, or the payload of its JWS) checked by ob20.ts. */
async function verifyOb2(input: Parameters<typeof verifyOb2Assertion>[0], ctx: Context): Promise<Report> {
  const steps = await verifyOb2Assertion(input, ctx);
  return { verdict: verdictOf(steps), steps, format: 'OB 2.0', credential: input.assertion };
}

/** Steps a VC-JWT contributes in place of the Data Integrity proof steps. */
interface JwtOutcome {
  steps: Step[];
  binding: Binding;
}

async function verifyDocument(doc: Json, ctx: Context, withEndorsements: boolean, jwt: JwtOutcome | null = null): Promise<Report> {
  if (!jwt && isOb2Document(doc)) return verifyOb2({ kind: 'json', assertion: doc }, ctx);
  const { steps: fmt, format } = formatSteps(doc);
  const steps: Step[] = [...fmt];
  if (steps.some((s) => s.id === 'format' && s.status === 'failed')) return { verdict: verdictOf(steps), steps, format, credential: doc };
  const problems = structureProblems(doc);
  steps.push(
    problems.length
      ? step.failed('structure', `The credential is malformed: ${problems.slice(0, 6).join('; ')}`)
      : step.passed('structure', 'Required properties and nested types are correct'),
  );
  steps.push(...schemaSteps(doc, ctx));
  const bindings: Binding[] = [];
  if (jwt) {
    steps.push(await jsonLdStep(doc, ctx));
    steps.push(...jwt.steps);
    bindings.push(jwt.binding);
    if (doc['proof'] !== undefined) steps.push(...(await proofSteps(doc, ctx)).steps);
  } else {
    const di = await proofSteps(doc, ctx);
    steps.push(di.jsonld ?? (await jsonLdStep(doc, ctx)), ...lossyNumberSteps(doc), ...di.steps);
    bindings.push(...di.bindings);
  }
  steps.push(...issuerStep(bindings));
  steps.push(...dateSteps(doc, ctx));
  steps.push(...(await statusSteps(doc, ctx)));
  let endorsements: EndorsementCheck[] | undefined;
  if (withEndorsements) {
    const checked = await endorsementSteps(embeddedEndorsements(doc), ctx);
    steps.push(...checked.steps);
    endorsements = checked.checks;
  }
  steps.push(...(await clrSteps(clrCredentials(doc), ctx)));
  return { verdict: verdictOf(steps), steps, format, credential: doc, ...(endorsements && endorsements.length ? { endorsements } : {}) };
}

/** The URLs a verifier would fetch for this credential: key documents, status lists, schemas (and for its endorsements). */
function neededUrls(doc: Json, kid?: string): string[] {
  const urls: string[] = [];
  const method = (vm: string) => {
    if (vm.startsWith('did:web:')) {
      try {
        urls.push(didWebDocumentUrl(vm.split('#')[0] ?? ''));
      } catch {
        // reported by the proof step
      }
    } else if (/^https?:\/\//.test(vm) && !/#z(6Mk|Dn|82|Q3s)/.test(vm)) urls.push(vm, vm.split('#')[0] ?? vm);
  };
  for (const p of listOf(doc['proof']))
    if (typeof asRecord(p)?.['verificationMethod'] === 'string') method(asRecord(p)?.['verificationMethod'] as string);
  if (kid) method(kid);
  // The issuer's own document is what ties a key to the issuer (trust.ts).
  const issuer = idOf(doc['issuer']);
  if (issuer?.startsWith('did:web:')) method(issuer);
  else if (issuer && /^https:\/\//.test(issuer)) urls.push(issuer);
  for (const e of listOf(doc['credentialStatus'])) {
    const r = asRecord(e);
    const url = r?.['statusListCredential'] ?? r?.['id'];
    if (typeof url === 'string' && /^https?:\/\//.test(url)) urls.push(url);
  }
  for (const s of listOf(doc['credentialSchema'])) if (typeof asRecord(s)?.['id'] === 'string') urls.push(asRecord(s)?.['id'] as string);
  for (const e of [...embeddedEndorsements(doc), ...clrCredentials(doc)]) if (asRecord(e)) urls.push(...neededUrls(asRecord(e) as Json));
  return [...new Set(urls)];
}

/** Fetch what the credential needs (and, one level down, what its status lists need) through the guarded fetcher. */
async function prefetch(doc: Json, ctx: Context, kid?: string): Promise<Context> {
  if (!ctx.fetcher) return ctx;
  const merged = new Map(ctx.documents);
  let wanted = neededUrls(doc, kid);
  for (let round = 0; round < 2 && wanted.length > 0; round++) {
    const next: string[] = [];
    await Promise.all(
      wanted
        .filter((u) => !merged.has(u))
        .map(async (u) => {
          try {
            const value = await ctx.fetcher?.json(u);
            merged.set(u, value);
            const r = asRecord(value);
            if (r && (r['proof'] || r['credentialSubject'])) next.push(...neededUrls(r));
          } catch {
            // Unavailable: the step that needs it says so.
          }
        }),
    );
    wanted = next;
  }
  return { ...ctx, documents: merged, loader: documentLoader(merged) };
}

async function verifyWith(input: string | Uint8Array | Json, ctxIn: Context): Promise<Report> {
  let ctx = ctxIn;
  const parsed = parseInput(input);
  if (parsed.kind === 'error') return { verdict: 'invalid', steps: [step.failed('parse', parsed.message)], format: null, credential: null };
  const read = step.passed('parse', `Read ${parsed.source}`);
  if (parsed.kind === 'url') {
    const hosted = asRecord(await loadOb2Document(parsed.url, ctx));
    if (!hosted)
      return {
        verdict: 'indeterminate',
        steps: [read, step.unknown('ob2.hosted', `The assertion at ${parsed.url} is not available`)],
        format: 'OB 2.0',
        credential: null,
      };
    const report = await verifyOb2({ kind: 'json', assertion: hosted }, ctx);
    return { ...report, steps: [read, ...report.steps] };
  }
  if (parsed.kind === 'json') ctx = await prefetch(parsed.doc, ctx);
  if (parsed.kind === 'json') return verifyDocument(parsed.doc, ctx, true).then((r) => ({ ...r, steps: [read, ...r.steps] }));
  const ob2 = ob2AssertionOfJws(parsed.jwt);
  if (ob2) {
    const report = await verifyOb2({ kind: 'jws', jws: parsed.jwt, assertion: ob2 }, ctx);
    return { ...report, steps: [step.passed('parse', `Read ${parsed.source.replace('a compact JWT', 'a compact JWS')}`), ...report.steps] };
  }
  let check;
  try {
    if (ctx.fetcher) {
      const peek = await checkJwt(parsed.jwt, ctx.documents);
      ctx = await prefetch(peek.credential, ctx, peek.header.kid);
    }
    check = await checkJwt(parsed.jwt, ctx.documents);
  } catch (e) {
    return { verdict: 'invalid', steps: [step.failed('parse', `Not a readable JWT: ${messageOf(e)}`)], format: null, credential: null };
  }
  const jwtSteps: Step[] = [{ id: 'proof.jwt', status: check.signature.outcome, message: check.signature.message }];
  jwtSteps.push(
    check.claimProblems.length
      ? step.failed('jwt.claims', check.claimProblems.join('; '))
      : step.passed('jwt.claims', 'The JWT claims agree with the credential'),
  );
  const report = await verifyDocument(check.credential, ctx, true, { steps: jwtSteps, binding: check.binding });
  return { ...report, steps: [step.passed('parse', `Read ${parsed.source} (${check.header.alg})`), ...report.steps] };
}

/**
 * Verify a credential: JSON (object or text) or a compact VC-JWT. Nothing is fetched: DID documents, key
 * documents, status lists and schemas come from `documents`. The report lists every step in order.
 */
export async function verifyCredential(input: string | Uint8Array | Json, options: VerifyOptions = {}): Promise<Report> {
  const documents = options.documents ?? new Map<string, unknown>();
  const ctx: Context = {
    fetcher: options.fetcher,
    documents,
    loader: documentLoader(documents),
    now: options.now ?? new Date(),
    skewMs: (options.skewSeconds ?? 300) * 1000,
    depth: 0,
  };
  return verifyWith(input, ctx);
}
