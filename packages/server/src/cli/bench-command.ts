import { generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { issue, verifyCredential as referenceVerify } from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import {
  Bitstring,
  checkJwt,
  documentLoader,
  encodeBase58btc,
  multikeyFromEd25519,
  seedSigner,
  signDataIntegrity,
  signJwt,
  verifyCredential,
} from '@tessera/credentials';
import type { Ed25519Signer, Report } from '@tessera/credentials';
import { z } from 'zod';

type Json = Record<string, unknown>;

/** The benchmark's JSON output (ratios are ours / reference). */
export const BenchResult = z.object({
  di: z.object({
    issue: z.object({ ours: z.number(), reference: z.number(), ratio: z.number() }),
    verify: z.object({ ours: z.number(), reference: z.number(), ratio: z.number() }),
  }),
  jwt: z.object({ sign: z.number(), verify: z.number() }),
  ed25519: z.object({ sign: z.number(), verify: z.number() }),
  notes: z.array(z.string()),
});
/** Operations per second for each measurement, the ratios, and what each side does. */
export type BenchResult = z.infer<typeof BenchResult>;

const HOST = 'bench.tessera.example';
const DID = `did:web:${HOST}`;
const DID_DOCUMENT_URL = `https://${HOST}/.well-known/did.json`;
const VERIFICATION_METHOD = `${DID}#key`;
const STATUS_LIST_URL = `https://${HOST}/status/1`;
const STATUS_INDEX = 94567;
const CREATED = '2026-01-01T00:00:00Z';
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
/** The bench's targets for ours / reference on one core (from the issue tracker). */
const TARGETS = { issue: 10, verify: 5 } as const;

/** Operations per second of `fn`, measured for about `ms` milliseconds after a warm-up. */
async function rate(fn: () => Promise<unknown> | unknown, ms: number): Promise<number> {
  for (let i = 0; i < 20; i++) await fn();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    await fn();
    n += 1;
  }
  return Math.round((n / (performance.now() - t0)) * 1000);
}

/** An OB 3.0 AchievementCredential like the ones Tessera issues (a 3-criterion rubric), with an optional status entry. */
export function benchCredential(issuer: string, credentialStatus?: Json): Json {
  const criteria = ['Plans', 'Facilitates', 'Reflects'];
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:0b5b5a4e-2f43-4b43-9d43-7c9a7f1f0001',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Facilitating Online Discussions',
    issuer: { id: issuer, type: ['Profile'], name: 'Riverside School District' },
    validFrom: CREATED,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityHash: 'sha256$8c5f1d2c7a3c0f8e1d2b3a4c5d6e7f80112233445566778899aabbccddeeff00',
          identityType: 'emailAddress',
          hashed: true,
          salt: 'x7Kq',
        },
      ],
      achievement: {
        id: 'https://tessera.example/achievements/facilitating-online-discussions/v1',
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: 'Facilitating Online Discussions',
        description: 'Plans and facilitates online discussions that deepen learning.',
        criteria: { narrative: 'Submit a discussion plan, a transcript excerpt and a reflection.' },
        resultDescription: criteria.map((c, i) => ({
          id: `https://tessera.example/achievements/fod/v1/criteria/c${i + 1}`,
          type: ['ResultDescription'],
          name: c,
          resultType: 'RubricCriterionLevel',
          requiredLevel: `https://tessera.example/achievements/fod/v1/criteria/c${i + 1}/levels/l2`,
          rubricCriterionLevel: ['Beginning', 'Developing', 'Proficient'].map((l, j) => ({
            id: `https://tessera.example/achievements/fod/v1/criteria/c${i + 1}/levels/l${j + 1}`,
            type: ['RubricCriterionLevel'],
            name: l,
            points: String(j + 1),
          })),
        })),
      },
      result: criteria.map((_, i) => ({
        type: ['Result'],
        resultDescription: `https://tessera.example/achievements/fod/v1/criteria/c${i + 1}`,
        achievedLevel: `https://tessera.example/achievements/fod/v1/criteria/c${i + 1}/levels/l3`,
      })),
    },
    ...(credentialStatus ? { credentialStatus } : {}),
  };
}

/** The BitstringStatusListEntry the bench credential carries. */
function statusEntry(): Json {
  return {
    id: `${STATUS_LIST_URL}#${STATUS_INDEX}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(STATUS_INDEX),
    statusListCredential: STATUS_LIST_URL,
  };
}

/** A signed 131,072-entry revocation BitstringStatusListCredential; the neighbours of the bench index are always set, the index itself only when `revoked`. */
async function signedStatusList(signer: Ed25519Signer, revoked: boolean): Promise<Json> {
  const bits = new Bitstring();
  bits.set(STATUS_INDEX - 1, true);
  bits.set(STATUS_INDEX + 1, true);
  if (revoked) bits.set(STATUS_INDEX, true);
  const unsigned: Json = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: STATUS_LIST_URL,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: DID,
    validFrom: CREATED,
    credentialSubject: {
      id: `${STATUS_LIST_URL}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: bits.encode(),
    },
  };
  return signDataIntegrity(unsigned, { signer, created: CREATED, loader: documentLoader() });
}

/** A jsonld.js-style document loader, as the reference stack calls it. */
type ReferenceLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;

/** What `@digitalbazaar/vc-bitstring-status-list`'s checkStatus resolves with (`status` is the bit: true means set). */
interface ReferenceStatusResult {
  verified: boolean;
  error?: unknown;
  results?: { verified?: boolean; status?: boolean }[];
}

/** What `@digitalbazaar/vc`'s verifyCredential resolves with (its VerifyCredentialResult, as far as the bench reads it). */
interface ReferenceVerifyResult {
  verified: boolean;
  error?: unknown;
  results?: { verified?: boolean }[];
  statusResult?: ReferenceStatusResult;
}

/** The issuer, the signed credential and status lists, and what each side is given to check them. */
export interface BenchFixture {
  /** The unsigned credential (with its status entry) both sides issue. */
  credential: Json;
  /** The credential signed by ours; both sides verify this same document. */
  signed: Json;
  /** Our signer for the did:web key. */
  signer: Ed25519Signer;
  /** The reference stack issuing `credential` with the same key. */
  referenceIssue: () => Promise<Json>;
  /** The raw key pair (VC-JWT and the raw Ed25519 ceiling). */
  keys: { privateKey: KeyObject; publicKey: KeyObject };
  /** Per status list (the bench index clear, or set): our documents map and the reference's loader. */
  lists: Record<'clear' | 'revoked', { documents: ReadonlyMap<string, unknown>; loader: ReferenceLoader }>;
}

/** A did:web issuer with one Multikey, the bench credential signed by it, and two signed status lists (bit clear, bit set). */
export async function benchFixture(): Promise<BenchFixture> {
  const keys = generateKeyPairSync('ed25519');
  const seed = Buffer.from(keys.privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
  const raw = Buffer.from(keys.publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  const multikey = multikeyFromEd25519(raw);
  const method = { id: VERIFICATION_METHOD, type: 'Multikey', controller: DID, publicKeyMultibase: multikey };
  const didDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', MULTIKEY_CONTEXT],
    id: DID,
    verificationMethod: [method],
    assertionMethod: [VERIFICATION_METHOD],
  };
  const signer = seedSigner(seed, VERIFICATION_METHOD);
  const contexts = documentLoader();
  const credential = benchCredential(DID, statusEntry());
  const signed = await signDataIntegrity(credential, { signer, created: CREATED, loader: contexts });

  const keyPair = await Ed25519Multikey.from({
    id: VERIFICATION_METHOD,
    controller: DID,
    publicKeyMultibase: multikey,
    secretKeyMultibase: encodeBase58btc(Uint8Array.from([0x80, 0x26, ...seed, ...raw])),
  });
  const referenceIssue = () =>
    issue({
      credential: structuredClone(credential),
      suite: new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022, date: CREATED }),
      documentLoader: contexts,
    });

  // The reference resolves the DID (its controller check loads the DID document and reads assertionMethod),
  // the verification method URL, and the status list URL through its loader; contexts come from the same bundle as ours.
  const list = async (revoked: boolean) => {
    const statusList = await signedStatusList(signer, revoked);
    const documents = new Map<string, unknown>([
      [DID_DOCUMENT_URL, didDocument],
      [STATUS_LIST_URL, statusList],
    ]);
    const byUrl = new Map<string, unknown>([
      [DID, didDocument],
      [VERIFICATION_METHOD, { '@context': MULTIKEY_CONTEXT, ...method }],
      [STATUS_LIST_URL, statusList],
    ]);
    const loader: ReferenceLoader = async (url) => {
      const document = byUrl.get(url);
      return document === undefined ? contexts(url) : { contextUrl: null, documentUrl: url, document };
    };
    return { documents, loader };
  };
  return { credential, signed, signer, referenceIssue, keys, lists: { clear: await list(false), revoked: await list(true) } };
}

/** One side's conclusion: valid, revoked (everything else checked out), or failed for another reason. */
export interface Outcome {
  result: 'valid' | 'revoked' | 'failed';
  detail: string;
}

function reportDetail(report: Report): string {
  return report.steps.map((s) => `${s.id} ${s.status}: ${s.message}`).join('\n');
}

/** Our verify of `credential` with the given status list mapped. */
export async function verifyOurs(credential: Json, documents: ReadonlyMap<string, unknown>): Promise<Outcome> {
  const report = await verifyCredential(credential, { documents });
  if (report.verdict === 'valid') return { result: 'valid', detail: reportDetail(report) };
  const status = report.steps.filter((s) => s.id === 'status.revocation');
  const others = report.steps.filter((s) => s.id !== 'status.revocation' && s.status !== 'passed' && s.status !== 'warning');
  const revoked = status.length === 1 && status[0]?.status === 'failed' && /revoked/.test(status[0].message) && others.length === 0;
  return { result: revoked ? 'revoked' : 'failed', detail: reportDetail(report) };
}

function errorDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const nested = (error as { errors?: unknown }).errors;
  const cause = error.cause === undefined ? '' : ` (cause: ${errorDetail(error.cause)})`;
  return Array.isArray(nested) && nested.length > 0 ? nested.map(errorDetail).join('; ') : `${error.message}${cause}`;
}

/**
 * The reference's status check: `@digitalbazaar/vc-bitstring-status-list` loads the status list credential,
 * verifies it with `@digitalbazaar/vc` (same suite, same loader, issuance purpose), checks that its issuer is
 * the credential's and reads the bit. It reports `verified` when the list could be checked and the bit as
 * `status`; a verifier treats a set revocation bit as not verified, so this wrapper does.
 */
async function referenceCheckStatus(opts: {
  credential: object;
  documentLoader: ReferenceLoader;
  suite: unknown;
}): Promise<ReferenceStatusResult> {
  // digitalbazaar's status list checker, with the same loader and suite as the reference's verifyCredential.
  const result = await checkStatus({ credential: opts.credential, documentLoader: opts.documentLoader, suite: opts.suite });
  if (result.verified && (result.results ?? []).some((r) => r.status === true))
    return { ...result, verified: false, error: new Error('The credential has been revoked') };
  return result;
}

/** The reference stack's verify of `credential`: @digitalbazaar/vc defaults (issuance purpose, controller check) plus the status check above. */
async function referenceVerifyWith(credential: Json, loader: ReferenceLoader): Promise<ReferenceVerifyResult> {
  return referenceVerify({
    credential,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader: loader,
    checkStatus: referenceCheckStatus,
  });
}

/** The reference stack's verify of `credential` with the given status list behind its loader. */
export async function verifyReference(credential: Json, loader: ReferenceLoader): Promise<Outcome> {
  const r = await referenceVerifyWith(credential, loader);
  if (r.verified) return { result: 'valid', detail: 'verified' };
  const proofsVerified = (r.results ?? []).length > 0 && (r.results ?? []).every((p) => p.verified === true);
  const bitSet = (r.statusResult?.results ?? []).some((s) => s.verified === true && s.status === true);
  return { result: proofsVerified && bitSet ? 'revoked' : 'failed', detail: errorDetail(r.error ?? r.statusResult?.error) };
}

/**
 * Before anything is measured: both sides must reach the same outcome on the same inputs — valid with the
 * clear list, revoked with the list whose bit is set — and both issuers must produce the same proof value.
 */
export async function assertEqualOutcomes(f: BenchFixture): Promise<void> {
  for (const [name, expected] of [
    ['clear', 'valid'],
    ['revoked', 'revoked'],
  ] as const) {
    const ours = await verifyOurs(f.signed, f.lists[name].documents);
    if (ours.result !== expected)
      throw new Error(`bench: our verify reports ${ours.result}, not ${expected}, with the ${name} status list:\n${ours.detail}`);
    const reference = await verifyReference(f.signed, f.lists[name].loader);
    if (reference.result !== expected)
      throw new Error(
        `bench: the reference reports ${reference.result}, not ${expected}, with the ${name} status list: ${reference.detail}`,
      );
  }
  const referenceSigned = await f.referenceIssue();
  const ourProof = ([] as unknown[]).concat(f.signed['proof'] ?? [])[0] as Json | undefined;
  const referenceProof = ([] as unknown[]).concat(referenceSigned['proof'] ?? [])[0] as Json | undefined;
  if (ourProof?.['proofValue'] === undefined || ourProof['proofValue'] !== referenceProof?.['proofValue']) {
    throw new Error(
      'bench: ours and the reference sign the same credential with different proof values, so they do not sign the same data',
    );
  }
}

function ratioOf(ours: number, reference: number): number {
  return reference > 0 ? Math.round((ours / reference) * 100) / 100 : 0;
}

/** Measure DI issue/verify (ours and the reference stack, equal work on the same credential), VC-JWT, and raw Ed25519. */
export async function runBench(ms = 1500): Promise<BenchResult> {
  const f = await benchFixture();
  await assertEqualOutcomes(f);
  const { documents, loader } = f.lists.clear;
  const contexts = documentLoader();

  // The step ids of our report, so the note says what our verify did rather than what it was meant to do.
  const ourSteps = (await verifyCredential(f.signed, { documents })).steps.map((s) => s.id);
  const diIssueOurs = await rate(() => signDataIntegrity(f.credential, { signer: f.signer, created: CREATED, loader: contexts }), ms);
  const diIssueRef = await rate(f.referenceIssue, ms);
  const diVerifyOurs = await rate(async () => {
    const report = await verifyCredential(f.signed, { documents });
    if (report.verdict !== 'valid') throw new Error(`bench: our verify reports ${report.verdict}:\n${reportDetail(report)}`);
  }, ms);
  const diVerifyRef = await rate(async () => {
    const r = await referenceVerifyWith(f.signed, loader);
    if (!r.verified) throw new Error(`bench: the reference verify failed: ${errorDetail(r.error ?? r.statusResult?.error)}`);
  }, ms);

  const { privateKey, publicKey } = f.keys;
  const jwt = await signJwt(f.credential, { key: privateKey, alg: 'EdDSA', kid: VERIFICATION_METHOD });
  const jwtSign = await rate(() => signJwt(f.credential, { key: privateKey, alg: 'EdDSA', kid: VERIFICATION_METHOD }), ms);
  const jwtVerify = await rate(async () => {
    const check = await checkJwt(jwt, documents);
    if (check.signature.outcome !== 'passed') throw new Error(`bench: JWT failed: ${check.signature.message}`);
  }, ms);
  const data = Buffer.alloc(64, 7);
  const sig = nodeSign(null, data, privateKey);
  const edSign = await rate(() => nodeSign(null, data, privateKey), ms);
  const edVerify = await rate(() => nodeVerify(null, data, publicKey, sig), ms);

  const notes = [
    `Both sides: the same OB 3.0 AchievementCredential (3-criterion rubric) issued by ${DID}, with a BitstringStatusListEntry (revocation, index ${STATUS_INDEX}); its DID document (a Multikey Ed25519 key under assertionMethod) and the signed 131,072-entry BitstringStatusListCredential are mapped locally, nothing is fetched.`,
    'DI issue: an eddsa-rdfc-2022 proof on the credential; both sides produce the same proof value (checked before measuring).',
    `DI verify, ours: verifyCredential's report on the credential both sides verify (steps: ${ourSteps.join(', ')}); the status step verifies the status list credential the same way before reading the bit.`,
    'DI verify, reference: @digitalbazaar/vc verifyCredential with DataIntegrityProof + eddsa-rdfc-2022 (safe-mode canonicalization) and its default CredentialIssuancePurpose (loads the DID document, checks assertionMethod and that the issuer is the controller), then @digitalbazaar/vc-bitstring-status-list checkStatus (verifies the status list credential the same way, matches issuers, reads the bit; a set bit counts as not verified).',
    'Checked before measuring: both sides report valid with the list whose bit is clear and revoked with the list whose bit is set.',
    'One core: every operation runs to completion before the next, on Node’s single JavaScript thread (no worker threads; signing, hashing and gzip are synchronous); V8’s garbage collector may use helper threads.',
    `Load average (1 min) when the bench started: ${loadavg()[0]?.toFixed(2) ?? 'unknown'}.`,
  ];
  return {
    di: {
      issue: { ours: diIssueOurs, reference: diIssueRef, ratio: ratioOf(diIssueOurs, diIssueRef) },
      verify: { ours: diVerifyOurs, reference: diVerifyRef, ratio: ratioOf(diVerifyOurs, diVerifyRef) },
    },
    jwt: { sign: jwtSign, verify: jwtVerify },
    ed25519: { sign: edSign, verify: edVerify },
    notes,
  };
}

/** `tessera bench [--json] [--ms N]`: exit 0, or 2 when it could not run. */
export async function runBenchCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, ms: { type: 'string' } } }));
  } catch (e) {
    process.stderr.write(`tessera bench: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const ms = values.ms ? Number(values.ms) : 1500;
  if (!Number.isFinite(ms) || ms < 50) {
    process.stderr.write('tessera bench: --ms must be a number of milliseconds ≥ 50\n');
    return 2;
  }
  const r = await runBench(ms);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    return 0;
  }
  const row = (name: string, v: number, extra = '') =>
    `  ${name.padEnd(36)} ${String(v).padStart(8)} ops/s ${extra}\n`.replace(/ +\n$/, '\n');
  const vs = (ratio: number, target: number) => `(${ratio.toFixed(2)}× the reference; target ≥ ${target}×)`;
  process.stdout.write(
    `Tessera credentials benchmark (${(await readVersion()) ?? 'dev'}, Node ${process.version}, one core, ${ms} ms per measurement)\n\n`,
  );
  process.stdout.write(row('DI eddsa-rdfc-2022 issue, ours', r.di.issue.ours, vs(r.di.issue.ratio, TARGETS.issue)));
  process.stdout.write(row('DI eddsa-rdfc-2022 issue, reference', r.di.issue.reference));
  process.stdout.write(row('DI verify with status, ours', r.di.verify.ours, vs(r.di.verify.ratio, TARGETS.verify)));
  process.stdout.write(row('DI verify with status, reference', r.di.verify.reference));
  process.stdout.write(row('VC-JWT EdDSA sign', r.jwt.sign));
  process.stdout.write(row('VC-JWT EdDSA verify (signature only)', r.jwt.verify));
  process.stdout.write(row('raw Ed25519 sign (ceiling)', r.ed25519.sign));
  process.stdout.write(row('raw Ed25519 verify (ceiling)', r.ed25519.verify));
  process.stdout.write(`\nWhat is compared:\n${r.notes.map((n) => `  - ${n}\n`).join('')}`);
  return 0;
}

async function readVersion(): Promise<string | null> {
  try {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ? `v${pkg.version}` : null;
  } catch {
    return null;
  }
}
