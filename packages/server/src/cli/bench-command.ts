import { generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { issue, verifyCredential as referenceVerify } from '@digitalbazaar/vc';
import { checkJwt, documentLoader, encodeBase58btc, multikeyFromEd25519, seedSigner, signDataIntegrity, signJwt, verifyCredential } from '@tessera/credentials';
import { z } from 'zod';

/** The benchmark's JSON output. */
export const BenchResult = z.object({
  di: z.object({ issue: z.object({ ours: z.number(), reference: z.number() }), verify: z.object({ ours: z.number(), reference: z.number() }) }),
  jwt: z.object({ sign: z.number(), verify: z.number() }),
  ed25519: z.object({ sign: z.number(), verify: z.number() }),
});
/** Operations per second for each measurement. */
export type BenchResult = z.infer<typeof BenchResult>;

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

/** An OB 3.0 AchievementCredential like the ones Tessera issues (a 3-criterion rubric). */
export function benchCredential(issuer: string): Record<string, unknown> {
  const criteria = ['Plans', 'Facilitates', 'Reflects'];
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:0b5b5a4e-2f43-4b43-9d43-7c9a7f1f0001',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Facilitating Online Discussions',
    issuer: { id: issuer, type: ['Profile'], name: 'Riverside School District' },
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: 'sha256$8c5f1d2c7a3c0f8e1d2b3a4c5d6e7f80112233445566778899aabbccddeeff00', identityType: 'emailAddress', hashed: true, salt: 'x7Kq' }],
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
          rubricCriterionLevel: ['Beginning', 'Developing', 'Proficient'].map((l, j) => ({ id: `https://tessera.example/achievements/fod/v1/criteria/c${i + 1}/levels/l${j + 1}`, type: ['RubricCriterionLevel'], name: l, points: String(j + 1) })),
        })),
      },
      result: criteria.map((_, i) => ({ type: ['Result'], resultDescription: `https://tessera.example/achievements/fod/v1/criteria/c${i + 1}`, achievedLevel: `https://tessera.example/achievements/fod/v1/criteria/c${i + 1}/levels/l3` })),
    },
  };
}

/** Measure DI issue/verify (ours and the reference stack on the same credential), VC-JWT, and raw Ed25519. */
export async function runBench(ms = 1500): Promise<BenchResult> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  const multikey = multikeyFromEd25519(raw);
  const did = `did:key:${multikey}`;
  const vmId = `${did}#${multikey}`;
  const loader = documentLoader();
  const credential = benchCredential(did);
  const signer = seedSigner(seed, vmId);

  const keyPair = await Ed25519Multikey.from({ id: vmId, controller: did, publicKeyMultibase: multikey, secretKeyMultibase: encodeBase58btc(Uint8Array.from([0x80, 0x26, ...seed, ...raw])) });
  const vm = { '@context': 'https://w3id.org/security/multikey/v1', id: vmId, type: 'Multikey', controller: did, publicKeyMultibase: multikey };
  const referenceLoader = async (url: string) =>
    url.startsWith('did:key:')
      ? { contextUrl: null, documentUrl: url, document: url.includes('#') ? vm : { '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: did, verificationMethod: [vm], assertionMethod: [vmId] } }
      : loader(url);
  const referenceIssue = () => issue({ credential: structuredClone(credential), suite: new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022 }), documentLoader: referenceLoader });
  const signed = await signDataIntegrity(credential, { signer, created: '2026-01-01T00:00:00Z', loader });
  const referenceSigned = await referenceIssue();

  const check = async (r: Promise<{ verdict?: string; verified?: boolean }>) => {
    const out = await r;
    if (out.verdict !== undefined ? out.verdict !== 'valid' : out.verified !== true) throw new Error('bench: a verification failed');
  };
  await check(verifyCredential(signed));
  await check(referenceVerify({ credential: referenceSigned, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader: referenceLoader, checkStatus: async () => ({ verified: true }) }));

  const diIssueOurs = await rate(() => signDataIntegrity(credential, { signer, created: '2026-01-01T00:00:00Z', loader }), ms);
  const diIssueRef = await rate(referenceIssue, ms);
  const diVerifyOurs = await rate(() => check(verifyCredential(signed)), ms);
  const diVerifyRef = await rate(() => check(referenceVerify({ credential: referenceSigned, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader: referenceLoader, checkStatus: async () => ({ verified: true }) })), ms);
  const jwt = await signJwt(credential, { key: privateKey, alg: 'EdDSA', kid: vmId });
  const jwtSign = await rate(() => signJwt(credential, { key: privateKey, alg: 'EdDSA', kid: vmId }), ms);
  const jwtVerify = await rate(async () => {
    if ((await checkJwt(jwt)).signature.outcome !== 'passed') throw new Error('bench: JWT failed');
  }, ms);
  const data = Buffer.alloc(64, 7);
  const sig = nodeSign(null, data, privateKey);
  const edSign = await rate(() => nodeSign(null, data, privateKey), ms);
  const edVerify = await rate(() => nodeVerify(null, data, publicKey, sig), ms);
  return { di: { issue: { ours: diIssueOurs, reference: diIssueRef }, verify: { ours: diVerifyOurs, reference: diVerifyRef } }, jwt: { sign: jwtSign, verify: jwtVerify }, ed25519: { sign: edSign, verify: edVerify } };
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
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const row = (name: string, v: number, extra = '') => `  ${name.padEnd(34)} ${String(v).padStart(8)} ops/s ${extra}\n`;
  process.stdout.write(`Tessera credentials benchmark (${(await readVersion()) ?? 'dev'}, Node ${process.version}, one core, ${ms} ms per measurement)\n`);
  process.stdout.write(row('DI eddsa-rdfc-2022 issue, ours', r.di.issue.ours, `(${ratio(r.di.issue.ours, r.di.issue.reference)} the reference)`));
  process.stdout.write(row('DI eddsa-rdfc-2022 issue, reference', r.di.issue.reference));
  process.stdout.write(row('DI verify, ours (full report)', r.di.verify.ours, `(${ratio(r.di.verify.ours, r.di.verify.reference)} the reference)`));
  process.stdout.write(row('DI verify, reference', r.di.verify.reference));
  process.stdout.write(row('VC-JWT EdDSA sign', r.jwt.sign));
  process.stdout.write(row('VC-JWT EdDSA verify', r.jwt.verify));
  process.stdout.write(row('raw Ed25519 sign (ceiling)', r.ed25519.sign));
  process.stdout.write(row('raw Ed25519 verify (ceiling)', r.ed25519.verify));
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
