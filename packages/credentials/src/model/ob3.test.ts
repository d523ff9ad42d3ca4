// OB 3.0 models and builders: what they build signs, verifies and passes the official JSON Schemas.
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { documentLoader } from '../engine/contexts.js';
import { seedSigner, signDataIntegrity } from '../engine/data-integrity.js';
import { multikeyFromEd25519 } from '../engine/multikey.js';
import { verifyCredential } from '../engine/verify.js';
import {
  AchievementCredential,
  EndorsementCredential,
  buildAchievement,
  buildAchievementCredential,
  buildAchievementSubject,
  buildAlignment,
  buildEndorsementCredential,
  buildEvidence,
  buildIdentityObject,
  buildProfile,
  buildResult,
  buildResultDescription,
  buildRubricCriterionLevel,
  identityHash,
} from './ob3.js';

const OB30 = new URL('../../../../../shared/fixtures/1edtech-validator/ob30/', import.meta.url);
const SCHEMAS = new URL('../../../../../shared/schemas/', import.meta.url);
const NOW = new Date('2026-11-24T00:00:00Z');
const fixture = (f: string) => JSON.parse(readFileSync(new URL(f, OB30), 'utf8')) as Record<string, unknown>;

/** The official schemas by the URL credentials name them with (their $id says /json-ld/, credentials /json/). */
const schemaDocuments = () => {
  const docs = new Map<string, unknown>();
  for (const f of readdirSync(SCHEMAS)) {
    const s = JSON.parse(readFileSync(new URL(f, SCHEMAS), 'utf8')) as { $id: string };
    docs.set(s.$id.replace('/schema/json-ld/', '/schema/json/'), s);
  }
  return docs;
};
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats.default(ajv);
const official = (name: string) => ajv.compile(JSON.parse(readFileSync(new URL(name, SCHEMAS), 'utf8')) as object);

function didKeySigner() {
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(String(privateKey.export({ format: 'jwk' }).d), 'base64url');
  const mk = multikeyFromEd25519(Buffer.from(String(createPublicKey(privateKey).export({ format: 'jwk' }).x), 'base64url'));
  return { did: `did:key:${mk}`, signer: seedSigner(seed, `did:key:${mk}#${mk}`) };
}

const base = 'https://badges.example.edu/achievements/facilitation/versions/1';
const level = (c: string, l: string, name: string, points: string) => buildRubricCriterionLevel({ id: `${base}#${c}-${l}`, name, points });

function fullCredential(issuerId: string) {
  const alignment = buildAlignment({ targetName: 'ISTE Standard 2.5.a', targetUrl: 'https://www.iste.org/standards/iste-standards-for-teachers', targetFramework: 'ISTE Standards for Educators', targetCode: '2.5.a' });
  const rubric = buildResultDescription({
    id: `${base}#c1`,
    name: 'Questioning',
    resultType: 'RubricCriterionLevel',
    requiredLevel: `${base}#c1-l3`,
    rubricCriterionLevel: [level('c1', 'l1', 'Beginning', '1'), level('c1', 'l2', 'Developing', '2'), level('c1', 'l3', 'Proficient', '3')],
  });
  const issuer = { id: issuerId, name: 'Riverside School District', url: 'https://riverside.example', email: 'badges@riverside.example' };
  return buildAchievementCredential({
    id: 'https://badges.example.edu/credentials/7c1e0d36-4f5f-4d7e-9a1b-2a6f1c2d3e4f',
    issuer,
    name: 'Facilitating Online Discussions',
    validFrom: new Date('2026-11-01T09:00:00Z'),
    validUntil: new Date('2028-11-01T09:00:00Z'),
    credentialStatus: { id: 'https://badges.example.edu/status/1#42', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '42', statusListCredential: 'https://badges.example.edu/status/1' },
    subject: buildAchievementSubject({
      identifier: [buildIdentityObject({ identity: 'alex@riverside.example', salt: 'pepper' })],
      achievement: buildAchievement({
        id: base,
        name: 'Facilitating Online Discussions',
        description: 'Plans and runs an online discussion in which every learner contributes.',
        criteria: { narrative: 'Submit a discussion plan, a transcript and a reflection, scored against the rubric.' },
        achievementType: 'MicroCredential',
        image: { id: 'https://badges.example.edu/images/facilitation.png', type: 'Image', caption: 'Badge' },
        creator: buildProfile(issuer),
        alignment: [alignment],
        resultDescription: [rubric],
        tag: ['facilitation', 'online learning'],
      }),
      result: [buildResult({ resultDescription: rubric.id, achievedLevel: `${base}#c1-l3`, status: 'Completed' })],
    }),
    evidence: [buildEvidence({ id: 'https://portfolio.example/alex/plan.pdf', name: 'Discussion plan', narrative: 'Week 4 plan.' })],
  });
}

describe('OB 3.0 builders', () => {
  it('build an OpenBadgeCredential that signs, verifies and passes the official JSON Schema', async () => {
    const { did, signer } = didKeySigner();
    const unsigned = fullCredential(did);
    expect(AchievementCredential.safeParse(unsigned).success).toBe(true);
    expect(unsigned.credentialSubject.achievement.resultDescription?.[0]?.type).toEqual(['ResultDescription']);
    const signed = await signDataIntegrity(unsigned, { signer, created: '2026-11-01T09:00:00Z', loader: documentLoader() });
    const validate = official('ob_v3p0_achievementcredential_schema.json');
    expect(validate(signed), JSON.stringify(validate.errors)).toBe(true);
    const report = await verifyCredential(signed, { now: NOW, documents: schemaDocuments() });
    // Only the status list is not supplied here.
    expect(report.steps.filter((s) => s.status !== 'passed' && s.status !== 'warning').map((s) => s.id)).toEqual(['status.revocation']);
    expect(report.steps.find((s) => s.id === 'schema')?.status).toBe('passed');
    expect(report.steps.find((s) => s.id === 'proof')?.status).toBe('passed');
    // The schema check can fail: without a required property the same document is rejected.
    const { issuer: _issuer, ...noIssuer } = signed;
    expect(validate(noIssuer)).toBe(false);
  });

  it('build an EndorsementCredential that signs, verifies and passes the official JSON Schema', async () => {
    const { did, signer } = didKeySigner();
    const unsigned = buildEndorsementCredential({
      id: 'urn:uuid:0a7d4c3e-1b2f-4e5d-8c9a-112233445566',
      issuer: { id: did, name: 'State Department of Education' },
      name: 'State endorsement of Facilitating Online Discussions',
      validFrom: new Date('2026-11-02T00:00:00Z'),
      subject: { id: base, endorsementComment: 'Meets the state framework for educator micro-credentials.' },
    });
    expect(EndorsementCredential.safeParse(unsigned).success).toBe(true);
    const signed = await signDataIntegrity(unsigned, { signer, created: '2026-11-02T00:00:00Z', loader: documentLoader() });
    const validate = official('ob_v3p0_endorsementcredential_schema.json');
    expect(validate(signed), JSON.stringify(validate.errors)).toBe(true);
    const report = await verifyCredential(signed, { now: NOW, documents: schemaDocuments() });
    expect(report.verdict, JSON.stringify(report.steps)).toBe('valid');
    expect(report.steps.find((s) => s.id === 'type')?.message).toBe('EndorsementCredential');
  });

  it('make the salted sha256 identity hash of the OB 3.0 spec', () => {
    const expected = `sha256$${createHash('sha256').update('alex@riverside.examplepepper').digest('hex')}`;
    expect(identityHash('alex@riverside.example', 'pepper')).toBe(expected);
    expect(buildIdentityObject({ identity: 'alex@riverside.example', salt: 'pepper' })).toEqual({ type: 'IdentityObject', hashed: true, identityHash: expected, identityType: 'emailAddress', salt: 'pepper' });
    const random = buildIdentityObject({ identity: 'alex@riverside.example' });
    expect(random.salt).toMatch(/^[0-9a-f]{16}$/);
    expect(random.identityHash).toBe(identityHash('alex@riverside.example', random.salt ?? ''));
  });

  it('refuse bad input with a ZodError naming the field', () => {
    const bad = (f: () => unknown, path: Array<string | number>) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ZodError);
        expect((e as ZodError).issues.map((i) => i.path)).toContainEqual(path);
        return;
      }
      throw new Error('expected a ZodError');
    };
    bad(() => buildAlignment({ targetName: 'X', targetUrl: 'not a url' }), ['targetUrl']);
    bad(() => buildAchievement({ id: base, name: 'X', description: '', criteria: { narrative: 'n' } }), ['description']);
    bad(() => buildResultDescription({ id: `${base}#c`, name: 'C', resultType: 'Whatever' }), ['resultType']);
    bad(() => buildResult({ status: 'Done' as 'Completed' }), ['status']);
    bad(() => buildIdentityObject({ identity: '' }), []);
    const { did } = didKeySigner();
    const ok = fullCredential(did);
    bad(() => AchievementCredential.parse({ ...ok, credentialStatus: [ok.credentialStatus] }), ['credentialStatus']);
    bad(() => AchievementCredential.parse({ ...ok, validFrom: 'yesterday' }), ['validFrom']);
  });
});

describe('OB 3.0 schemas read the 1EdTech samples', () => {
  it.each(['simple.json', 'simple-did-key-method.json', 'simple-multiple-proofs.json', 'complete.json'])('%s parses as an AchievementCredential', (f) => {
    const r = AchievementCredential.safeParse(fixture(f));
    expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
  });

  it('endorsement-valid.json parses as an EndorsementCredential', () => {
    const r = EndorsementCredential.safeParse(fixture('endorsement-valid.json'));
    expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
  });

  it.each([
    ['simple-err-credential-subject-type.json', 'credentialSubject.type'],
    ['simple-err-credential-subject-result-type.json', 'credentialSubject.result.1.type'],
    ['simple-err-credential-subject-identifier-type.json', 'credentialSubject.identifier.0.type'],
    ['simple-err-evidence-type.json', 'evidence.1.type'],
    ['simple-err-issuer-type.json', 'issuer.type'],
  ])('%s is rejected at %s', (f, path) => {
    const r = AchievementCredential.safeParse(fixture(f));
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
